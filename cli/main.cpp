// casegraph: from agency exports to a ranked list of clusters for review.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace {

// libgomp reads OMP_WAIT_POLICY once, as it loads. Its default spins idle
// threads at every barrier, which on a machine whose cores are busy with other
// work made two threads 2-3x slower than one (bench/compare.py). Unless the
// user chose a policy, run again with threads that sleep while they wait.
void prefer_passive_openmp_waits(char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") != nullptr) return;
  ::setenv("OMP_WAIT_POLICY", "passive", 1);
  ::execv("/proc/self/exe", argv);  // returns only on failure: go on as we are
}

}  // namespace

int main(int argc, char** argv) {
  prefer_passive_openmp_waits(argv);
  CLI::App app{
      "casegraph: joins agencies' records of people, objects, locations and events into one graph,\n"
      "resolves identities, and ranks the clusters that link suspected offenders to victims.\n"
      "Findings are leads for an analyst to review, never verdicts."};
  app.name("casegraph");
  app.set_version_flag("--version", CASEGRAPH_VERSION);
  app.require_subcommand(1);
  casegraph::cli::add_import_command(app);
  casegraph::cli::add_resolve_command(app);
  casegraph::cli::add_entities_command(app);
  casegraph::cli::add_analyse_command(app);
  casegraph::cli::add_clusters_command(app);
  casegraph::cli::add_explain_command(app);
  casegraph::cli::add_export_command(app);
  casegraph::cli::add_measure_command(app);
  casegraph::cli::add_demo_command(app);
  casegraph::cli::add_synth_command(app);
  casegraph::cli::add_path_command(app);
  casegraph::cli::add_network_command(app);
  casegraph::cli::add_linked_command(app);
  casegraph::cli::add_copresence_command(app);
  casegraph::cli::add_evaluate_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const casegraph::cli::UsageError& e) {
    std::cerr << "casegraph: " << e.what() << "\nRun with --help for usage.\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "casegraph: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
