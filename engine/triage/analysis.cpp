#include "engine/triage/analysis.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "engine/model/pole.h"

#include "engine/centrality/betweenness.h"
#include "engine/centrality/betweenness_sampled.h"
#include "engine/centrality/degree.h"
#include "engine/centrality/pagerank.h"
#include "engine/community/leiden.h"
#include "engine/community/louvain.h"
#include "engine/linking/copresence.h"
#include "engine/triage/evidence_pull.h"
#include "engine/triage/merge_clusters.h"
#include "engine/triage/evidence_ties.h"
#include "engine/triage/split_large.h"

namespace casegraph {
namespace {

class PhaseClock {
 public:
  explicit PhaseClock(const PhaseReport& report) : report_(report), start_(std::chrono::steady_clock::now()) {}
  void done(const std::string& phase) {
    auto now = std::chrono::steady_clock::now();
    if (report_) report_(phase, std::chrono::duration<double>(now - start_).count());
    start_ = now;
  }

 private:
  const PhaseReport& report_;
  std::chrono::steady_clock::time_point start_;
};

// Communities as triage ranks them: detected on `graph`, then any over
// max_people split by the same detection run inside it (split_large.h), then
// people moved after their adult-child call ties (`follow`, evidence_pull.h),
// then communities joined by call ties merged (`joins`, merge_clusters.h).
std::vector<std::uint32_t> reviewable_communities(const CsrGraph& graph, const CsrGraph& follow,
                                                  const CsrGraph& joins, const AnalysisParams& params,
                                                  std::uint64_t seed, int threads, double* quality) {
  const std::vector<std::uint32_t> membership =
      detect_communities(graph, params.community, params.resolution, seed, threads, quality);
  std::vector<std::uint32_t> parts =
      split_large_communities(graph, membership, params.clusters.max_people, [&](const CsrGraph& part) {
        return detect_communities(part, params.community, 1.0, seed, 1, nullptr);
      });
  if (params.clusters.follow_rounds > 0)
    parts = follow_evidence(follow, std::move(parts), params.clusters.follow_rounds, params.clusters.max_people);
  return merge_joined_clusters(joins, std::move(parts), params.clusters.merge);
}

// The ties people follow: adult-child calls before missing episodes and at
// night only. Not the projection (the background they are pulled away from),
// not every call (a prolific offender's sixty customers), not co-presence
// (the taxi firm's drivers hold the taxis a ring uses, and followed the
// children into the top 10).
const std::vector<std::string> kFollowTies{"episode_calls", "night_calls"};

// The ties that merge clusters (merge_clusters.h): every call tie (any two
// phones' users, before missing episodes, at night), not the projection's
// background, not co-presence (measured the same on synth 10k seeds 1 and 2
// with it, and the taxi drivers' risk above).
const std::vector<std::string> kJoinTies{"call_ties", "episode_calls", "night_calls"};

}  // namespace

AnalysisResult analyse_case(const std::vector<EntityRow>& entities, std::vector<LinkRow> links,
                            const IdentityMap& identities, const AnalysisParams& params,
                            const PhaseReport& report) {
  PhaseClock clock(report);
  AnalysisResult r;
  r.case_graph = build_case_graph(entities, std::move(links), identities, params.filter);
  clock.done("graph");
  r.projection = project_people(r.case_graph, params.projection);
  clock.done("projection");

  const CsrGraph& people = r.projection.graph;
  DegreeParams degree_params;
  r.scores["degree"] = degree_centrality(people, degree_params).score;
  degree_params.weighted = true;
  r.scores["strength"] = degree_centrality(people, degree_params).score;
  PageRankParams pagerank_params;
  pagerank_params.weighted = true;
  pagerank_params.threads = params.threads;
  r.scores["pagerank"] = pagerank(people, pagerank_params).score;
  // Projection weights are strengths, not distances: betweenness counts hops.
  // Exact Brandes is one BFS per person (people x arcs steps: 6e9 and 35 s at
  // 10k synth people, 100x that at 100k); above 1e9 steps the
  // Riondato-Kornaropoulos estimate (betweenness_sampled.h: epsilon 0.05 on
  // the normalised scale, delta 0.1, seeded) stands in, stored under its own
  // name so that nobody mistakes it for the exact figure.
  if (static_cast<double>(people.num_vertices()) * static_cast<double>(people.num_arcs()) <= 1e9) {
    BetweennessParams betweenness_params;
    betweenness_params.threads = params.threads;
    r.scores["betweenness"] = betweenness(people, betweenness_params).score;
  } else {
    SampledBetweennessParams sampled_params;
    sampled_params.epsilon = 0.05;
    sampled_params.seed = params.seed;
    sampled_params.threads = params.threads;
    r.scores["betweenness_sampled"] = betweenness_sampled(people, sampled_params).score;
  }
  clock.done("centrality");

  if (std::vector<double> proximity = victim_proximity(r.case_graph, r.projection, params.threads);
      !proximity.empty())
    r.scores["victim_proximity"] = std::move(proximity);
  clock.done("victim proximity");

  ClusterInputs inputs;
  inputs.offence_of = offences_of(entities, identities);
  inputs.born = births_of(entities, identities);
  if (params.copresence_hook)
    inputs.copresence = params.copresence_hook(r.case_graph);
  else if (params.copresence)
    inputs.copresence = copresence_findings(r.case_graph, entities);

  // Communities of the evidence ties between people, the projection their
  // background, large ones split until reviewable, then people moved after
  // their adult-child calls (evidence_ties.h, split_large.h, evidence_pull.h).
  inputs.phone_users = phone_users(r.case_graph);
  inputs.contacts =
      contact_findings(r.case_graph, inputs.phone_users, inputs.born, params.clusters.episode_call_window);
  CsrGraph ties, follow, joins;
  {
    const EvidenceTies evidence_ties(r.case_graph, r.projection, inputs, params.clusters);
    ties = evidence_ties.graph(tie_family_names());
    follow = evidence_ties.graph(kFollowTies);
    joins = evidence_ties.graph(kJoinTies);
  }
  r.membership = reviewable_communities(ties, follow, joins, params, params.seed, params.threads, &r.modularity);
  clock.done("communities");
  r.clusters = rank_clusters(r.case_graph, r.projection, r.membership, inputs, params.clusters);
  clock.done("clusters");

  if (params.stability && !r.clusters.empty()) {
    std::vector<std::vector<std::int64_t>> cores;
    for (RankedCluster& c : r.clusters) {
      c.core = cluster_core(r.case_graph, r.projection, c.members, params.stability_params.core_min_links);
      cores.push_back(c.core);
    }
    // Runs drop edges of the graph the clusters were found on (stability.h)
    // and find clusters the same way (detect, then split), single-threaded:
    // the runs themselves are the parallel loop.
    CommunityDetector detect = [&](const CsrGraph& perturbed, std::uint64_t seed) {
      return reviewable_communities(perturbed, follow, joins, params, seed, 1, nullptr);
    };
    StabilityParams stability = params.stability_params;
    stability.threads = params.threads;
    const std::vector<double> share = graph_stability(r.case_graph, r.projection, ties, cores, stability, detect);
    for (std::size_t i = 0; i < r.clusters.size(); ++i) r.clusters[i].stability = share[i];
    clock.done("stability");
  }
  return r;
}

std::vector<std::uint32_t> detect_communities(const CsrGraph& people, CommunityMethod method, double resolution,
                                              std::uint64_t seed, int threads, double* quality) {
  if (method == CommunityMethod::louvain) {
    LouvainParams louvain_params;
    louvain_params.seed = seed;
    louvain_params.resolution = resolution;
    louvain_params.keep_levels = false;
    LouvainResult result = louvain(people, louvain_params);
    if (quality) *quality = result.modularity;
    return result.membership;
  }
  LeidenParams leiden_params;
  leiden_params.quality = method == CommunityMethod::leiden_cpm ? LeidenQuality::cpm : LeidenQuality::modularity;
  leiden_params.resolution = resolution;
  leiden_params.seed = seed;
  leiden_params.threads = threads;
  // Refinement in every iteration (igraph's scheme): the faster unrefined
  // first iteration lowered planted-network pair recall on the 10k case.
  leiden_params.refine_every_iteration = true;
  LeidenResult result = leiden(people, leiden_params);
  if (quality) *quality = result.quality;
  return result.membership;
}

std::vector<double> victim_proximity(const CaseGraph& cg, const Projection& projection, int threads) {
  const CsrGraph& people = projection.graph;
  std::vector<double> seeds(people.num_vertices(), 0.0);
  bool any = false;
  std::unordered_map<VertexId, VertexId> projection_vertex;
  for (std::size_t i = 0; i < projection.case_vertex.size(); ++i)
    projection_vertex[projection.case_vertex[i]] = static_cast<VertexId>(i);
  for (const LinkRow& link : cg.links) {
    if (link.type != link_type::victim_in && link.type != link_type::reported_missing) continue;
    for (std::int64_t end : {link.source, link.target}) {
      auto it = projection_vertex.find(cg.vertex(end));
      if (it == projection_vertex.end()) continue;
      seeds[it->second] = 1.0;
      any = true;
    }
  }
  if (!any) return {};
  PageRankParams params;
  params.weighted = true;
  params.personalization = std::move(seeds);
  params.threads = threads;
  return pagerank(people, params).score;
}

std::vector<CopresenceFinding> copresence_findings(const CaseGraph& cg, const std::vector<EntityRow>& entities) {
  CopresenceParams copresence_params;
  copresence_params.pairs = false;  // person-person co-presence: not read here
  const CopresenceResult found = find_copresence(cg, describe_places(cg, entities), copresence_params);
  std::vector<CopresenceFinding> findings;
  for (const EpisodeFinding& f : found.episodes) {
    for (const ObjectHolder& holder : f.holders) {
      CopresenceFinding finding;
      finding.is_suspect = holder.suspect;
      finding.episode = cg.entity[f.episode];
      finding.specificity = f.specificity;
      finding.at_home = f.place_role != "found_at";
      finding.victim = cg.entity[f.child];
      finding.suspect = cg.entity[holder.person];
      std::vector<std::uint32_t> links = f.links();
      links.insert(links.end(), holder.links.begin(), holder.links.end());
      std::sort(links.begin(), links.end());
      links.erase(std::unique(links.begin(), links.end()), links.end());
      for (std::uint32_t i : links) finding.link_ids.push_back(cg.links[i].id);
      finding.when = f.sighting.start;
      finding.what = fmt::format("{} {} at {} ({}) while {} was missing ({}){}", cg.label[f.object],
                                 holder.via_intelligence ? "(named with them in intelligence) seen" : "seen",
                                 cg.label[f.sighting.place], place_match_name(f.match), cg.label[f.child],
                                 cg.label[f.episode], f.specificity < 1 ? fmt::format(", specificity {:.2f}", f.specificity) : "");
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

std::unordered_map<std::int64_t, std::string> offences_of(const std::vector<EntityRow>& entities,
                                                          const IdentityMap& identities) {
  std::unordered_map<std::int64_t, std::string> offence;
  for (const EntityRow& e : entities) {
    if (e.type != entity_type::occurrence) continue;
    auto it = e.attributes.find("offence");
    if (it == e.attributes.end() || !it->is_string()) continue;
    offence.emplace(identities.canonical(e.id), it->get<std::string>());
  }
  return offence;
}

std::map<std::int64_t, std::vector<std::string>> person_roles(const CaseGraph& cg) {
  static const std::map<std::string, std::string, std::less<>> role_of_link{
      {"victim_in", "victim"},   {"suspect_in", "suspect"}, {"witness_in", "witness"},
      {"reported_by", "reporting person"}, {"reported_missing", "missing"},
      {"subject_of", "intelligence subject"}, {"keeper_of", "keeper"}};
  std::map<std::int64_t, std::vector<std::string>> roles;
  for (const LinkRow& link : cg.links) {
    auto it = role_of_link.find(link.type);
    if (it == role_of_link.end()) continue;
    for (std::int64_t end : {link.source, link.target})
      if (cg.type[cg.vertex(end)] == entity_type::person) roles[end].push_back(it->second);
  }
  for (auto& [person, list] : roles) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return roles;
}

}  // namespace casegraph
