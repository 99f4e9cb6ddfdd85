// casegraph export on the example case (examples/case), imported, resolved
// and analysed through the CLI once for the suite: every format through the
// command, the cluster subset, --max-handling and --pseudonymise, checked on
// the files the command wrote.
#include <sys/stat.h>

#include <regex>

#include "tests/export_test_helpers.h"

namespace casegraph {
namespace {

using namespace export_test;

class ExportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("export_cli");
    case_ = (dir_->path() / "case.db").string();
    const Outcome built = test::build_example_case(case_, true, "--seed 7");
    ASSERT_EQ(built.exit_code, 0) << built.err;
    const Outcome clusters = test::run_cli("clusters " + shell_quote(case_) + " --format json --top 100", dir_->path());
    ASSERT_EQ(clusters.exit_code, 0) << clusters.err;
    clusters_ = new json(json::parse(clusters.out));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
    delete clusters_;
  }

  // Exports to `out` (under a fresh directory per test) and returns the run.
  Outcome export_to(const std::string& args) {
    return test::run_cli("export " + shell_quote(case_) + " " + args, scratch_.path());
  }

  // The entity and link tables of an export with `extra` options.
  json tables(const std::string& extra, const std::string& name) {
    const fs::path out = scratch_.path() / (name + "/");
    const Outcome r = export_to("--format csv -o " + shell_quote(out) + " " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return run_json("/usr/bin/python3 " + shell_quote(script("read_tables.py")) + " " +
                        shell_quote(out / "entities.csv") + " " + shell_quote(out / "links.csv"),
                    scratch_.path());
  }
  static const json& rows(const json& t, const fs::path& file) { return t.at("files").at(file.string()).at("rows"); }
  json entity_rows(const json& t, const std::string& name) { return rows(t, scratch_.path() / name / "entities.csv"); }
  json link_rows(const json& t, const std::string& name) { return rows(t, scratch_.path() / name / "links.csv"); }

  static inline TempDir* dir_ = nullptr;
  static inline std::string case_;
  static inline json* clusters_ = nullptr;
  TempDir scratch_;
};

TEST_F(ExportCli, EveryFormatIsWrittenAndReadBack) {
  const json whole = tables("", "whole");
  const std::size_t entities = entity_rows(whole, "whole").size();
  const std::size_t links = link_rows(whole, "whole").size();
  ASSERT_GT(entities, 50u);
  ASSERT_GT(links, 50u);
  const fs::path d = scratch_.path();

  ASSERT_EQ(export_to("--format gexf -o " + shell_quote(d / "case.gexf")).exit_code, 0);
  const json g =
      run_json("/usr/bin/python3 " + shell_quote(script("read_gexf.py")) + " " + shell_quote(d / "case.gexf"), d);
  ASSERT_FALSE(g.contains("error")) << g.dump();
  EXPECT_EQ(g.at("node_count"), entities);
  EXPECT_EQ(g.at("edge_count"), links);

  ASSERT_EQ(export_to("--format anx -o " + shell_quote(d / "case.anx")).exit_code, 0);
  EXPECT_EQ(run_command("xmllint --noout " + shell_quote(d / "case.anx"), d).exit_code, 0);
  const json a =
      run_json("/usr/bin/python3 " + shell_quote(script("check_anx.py")) + " " + shell_quote(d / "case.anx"), d);
  EXPECT_EQ(a.at("problems"), json::array());
  EXPECT_EQ(a.at("entities").size(), entities);
  EXPECT_EQ(a.at("links").size(), links);

  ASSERT_EQ(export_to("--format cytoscape -o " + shell_quote(d / "case.json")).exit_code, 0);
  const json cy = run_json("node " + shell_quote(script("read_cytoscape.js")) + " " + shell_quote(cytoscape_dir(d)) +
                               " " + shell_quote(d / "case.json"),
                           d);
  EXPECT_EQ(cy.at("node_count"), entities);
  EXPECT_EQ(cy.at("edge_count"), links);

  // Graphviz lays out the whole case in seconds; the first cluster and its
  // neighbourhood keep the test quick and still hold one cluster box.
  const json around = tables("--cluster 1 --depth 1", "around");
  ASSERT_EQ(export_to("--format dot --cluster 1 --depth 1 -o " + shell_quote(d / "case.dot")).exit_code, 0);
  const Outcome svg = run_command("dot -Tsvg " + shell_quote(d / "case.dot") + " -o " + shell_quote(d / "case.svg"), d);
  EXPECT_EQ(svg.exit_code, 0) << svg.err;
  const json drawn =
      run_json("/usr/bin/python3 " + shell_quote(script("read_dot_svg.py")) + " " + shell_quote(d / "case.svg"), d);
  EXPECT_EQ(drawn.at("nodes").size(), entity_rows(around, "around").size());
  EXPECT_EQ(drawn.at("edges").size(), link_rows(around, "around").size());
  EXPECT_TRUE(drawn.at("clusters").contains("cluster_1"));

  // neo4j with a prefix: case_nodes.csv and case_relationships.csv.
  const Outcome neo = export_to("--format neo4j -o " + shell_quote(d / "case"));
  ASSERT_EQ(neo.exit_code, 0) << neo.err;
  EXPECT_NE(neo.out.find("neo4j-admin database import full"), std::string::npos) << neo.out;
  const json n = run_json("/usr/bin/python3 " + shell_quote(script("read_tables.py")) + " --neo4j " +
                              shell_quote(d / "case_nodes.csv") + " " + shell_quote(d / "case_relationships.csv"),
                          d);
  EXPECT_EQ(n.at("problems"), json::array());
  EXPECT_EQ(rows(n, d / "case_nodes.csv").size(), entities);
  EXPECT_EQ(rows(n, d / "case_relationships.csv").size(), links);

  // Nothing but the exports in the folder: every temporary was renamed.
  for (const auto& entry : fs::directory_iterator(d)) {
    EXPECT_NE(entry.path().filename().string().rfind('.', 0), 0u) << entry.path();
  }
}

TEST_F(ExportCli, ClusterSubsetHoldsTheRankedClustersMembers) {
  std::set<std::string> members;
  for (const json& m : clusters_->at("clusters").at(0).at("members")) members.insert(std::to_string(m.at("entity_id").get<std::int64_t>()));
  ASSERT_FALSE(members.empty());
  const json one = tables("--cluster 1", "one");
  std::set<std::string> exported;
  for (const json& r : entity_rows(one, "one")) {
    exported.insert(r.at("entity_id").get<std::string>());
    EXPECT_EQ(r.at("cluster"), "1");
  }
  EXPECT_EQ(exported, members);
  for (const json& l : link_rows(one, "one")) {
    EXPECT_TRUE(members.count(l.at("source").get<std::string>()) && members.count(l.at("target").get<std::string>()));
  }

  const json around = tables("--cluster 1 --depth 1", "around");
  std::set<std::string> neighbourhood;
  for (const json& r : entity_rows(around, "around")) neighbourhood.insert(r.at("entity_id").get<std::string>());
  EXPECT_TRUE(std::includes(neighbourhood.begin(), neighbourhood.end(), members.begin(), members.end()));
  EXPECT_GT(neighbourhood.size(), members.size());
  // Every added entity is one link from a member.
  for (const std::string& id : neighbourhood) {
    if (members.count(id)) continue;
    bool linked = false;
    for (const json& l : link_rows(around, "around")) {
      linked = linked || (l.at("source") == id && members.count(l.at("target").get<std::string>())) ||
               (l.at("target") == id && members.count(l.at("source").get<std::string>()));
    }
    EXPECT_TRUE(linked) << id;
  }
}

TEST_F(ExportCli, MaxHandlingPLeavesOutEveryConditionedItem) {
  const json whole = tables("", "whole");
  const json shared = tables("--max-handling P", "shared");
  const auto conditioned = [](const std::string& grading) { return !grading.empty() && grading.back() == 'C'; };
  std::size_t conditioned_links = 0, conditioned_entities = 0;
  for (const json& l : link_rows(whole, "whole")) conditioned_links += conditioned(l.at("grading").get<std::string>());
  for (const json& r : entity_rows(whole, "whole")) {
    conditioned_entities += r.contains("grading") && conditioned(r.at("grading").get<std::string>());
  }
  ASSERT_GT(conditioned_links, 0u) << "the example case has intelligence with handling code C";
  ASSERT_GT(conditioned_entities, 0u);
  for (const json& l : link_rows(shared, "shared")) EXPECT_FALSE(conditioned(l.at("grading").get<std::string>())) << l.dump();
  // No trace of a restricted record anywhere: not even its reference.
  std::set<std::string> restricted;
  for (const json& l : link_rows(whole, "whole")) {
    if (conditioned(l.at("grading").get<std::string>())) restricted.insert(l.at("sources").get<std::string>());
  }
  for (const json& r : entity_rows(shared, "shared")) {
    if (r.contains("grading")) {
      EXPECT_FALSE(conditioned(r.at("grading").get<std::string>())) << r.dump();
    }
    for (const std::string& ref : restricted) EXPECT_EQ(r.at("sources").get<std::string>().find(ref), std::string::npos) << ref;
  }
  for (const json& l : link_rows(shared, "shared")) {
    for (const std::string& ref : restricted) EXPECT_EQ(l.at("sources").get<std::string>().find(ref), std::string::npos) << ref;
  }
  EXPECT_EQ(entity_rows(shared, "shared").size() + conditioned_entities, entity_rows(whole, "whole").size());
  EXPECT_LE(link_rows(shared, "shared").size() + conditioned_links, link_rows(whole, "whole").size());
  // C is the most restrictive code: nothing is left out.
  const json all = tables("--max-handling C", "all");
  EXPECT_EQ(entity_rows(all, "all").size(), entity_rows(whole, "whole").size());
  EXPECT_EQ(link_rows(all, "all").size(), link_rows(whole, "whole").size());
}

TEST_F(ExportCli, PseudonymisedExportsHoldNoNameOrIdentifier) {
  const json whole = tables("", "whole");
  std::set<std::string> secrets;
  for (const json& r : entity_rows(whole, "whole")) {
    secrets.insert(r.at("label").get<std::string>());
    for (const char* column : {"forename", "surname", "dob", "camera", "circumstances"}) {
      if (r.contains(column) && r.at(column).get<std::string>().size() > 3) secrets.insert(r.at(column).get<std::string>());
    }
    std::string sources = r.at("sources").get<std::string>();
    std::smatch m;
    const std::regex record(":([^;]+)");
    for (auto it = std::sregex_iterator(sources.begin(), sources.end(), record); it != std::sregex_iterator(); ++it) {
      if ((*it)[1].length() > 3) secrets.insert((*it)[1]);  // "12" would match digits anywhere
    }
  }
  ASSERT_GT(secrets.size(), 100u);

  const fs::path d = scratch_.path();
  const fs::path key = d / "review.key";
  const auto export_all = [&](const std::string& tag, const fs::path& key_file) {
    std::string bytes;
    for (const std::string format : {"graphml", "gexf", "anx", "cytoscape", "dot"}) {
      const fs::path out = d / (tag + "." + format);
      const Outcome r =
          export_to("--format " + format + " -o " + shell_quote(out) + " --pseudonymise " + shell_quote(key_file));
      EXPECT_EQ(r.exit_code, 0) << r.err;
      bytes += slurp(out);
    }
    for (const std::string format : {"neo4j", "csv"}) {
      const fs::path out = d / (tag + "_" + format + "/");
      EXPECT_EQ(export_to("--format " + format + " -o " + shell_quote(out) + " --pseudonymise " + shell_quote(key_file))
                    .exit_code,
                0);
      for (const auto& entry : fs::directory_iterator(out)) bytes += slurp(entry.path());
    }
    return bytes;
  };
  const Outcome first =
      export_to("--format graphml -o " + shell_quote(d / "first.graphml") + " --pseudonymise " + shell_quote(key));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("created a new pseudonymisation key"), std::string::npos) << first.err;
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  const std::string a = export_all("a", key);
  for (const std::string& s : secrets) EXPECT_EQ(a.find(s), std::string::npos) << "'" << s << "' is in the export";
  EXPECT_EQ(a.find(slurp(key).substr(0, 64)), std::string::npos);
  EXPECT_NE(a.find("person-"), std::string::npos);
  EXPECT_EQ(a, export_all("b", key));                     // same key, same bytes
  EXPECT_NE(a, export_all("c", d / "other.key"));         // another key, other tokens
  // The audit log names the key file, never the key.
  EXPECT_EQ(slurp(case_).find(slurp(key).substr(0, 64)), std::string::npos);
}

TEST_F(ExportCli, UsageAndInputErrors) {
  const fs::path out = scratch_.path() / "x.gexf";
  EXPECT_EQ(export_to("--format gexf -o " + shell_quote(out) + " --depth 2").exit_code, 2);
  EXPECT_EQ(export_to("--format gexf -o " + shell_quote(out) + " --max-handling X").exit_code, 2);
  EXPECT_EQ(export_to("--format pdf -o " + shell_quote(out)).exit_code, 2);
  EXPECT_EQ(export_to("--format dot -o " + shell_quote(out) + " --size-by pagerank").exit_code, 2);
  const Outcome rank = export_to("--format gexf -o " + shell_quote(out) + " --cluster 999");
  EXPECT_EQ(rank.exit_code, 1);
  EXPECT_NE(rank.err.find("no cluster ranked 999"), std::string::npos) << rank.err;
  const Outcome size = export_to("--format gexf -o " + shell_quote(out) + " --size-by nosuch");
  EXPECT_EQ(size.exit_code, 1);
  EXPECT_NE(size.err.find("pagerank"), std::string::npos) << size.err;  // lists the scores there are
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(export_to("--format gexf -o " + shell_quote(out) + " --size-by pagerank").exit_code, 0);
}

}  // namespace
}  // namespace casegraph
