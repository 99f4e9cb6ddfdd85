// Every export format, written from one small hand-built chart and read back
// by a real consumer of that format: networkx (GEXF), Python's XML parser
// with reference checks (ANX; no i2 schema is published), xmllint
// (well-formedness of every XML format), cytoscape.js under node (Cytoscape
// JSON), Graphviz's dot (DOT, drawn to SVG and JSON), Python's csv module with
// neo4j-admin's header rules (Neo4j; Neo4j itself is not available here) and
// with plain RFC 4180 (CSV tables).
#include <regex>

#include "exporters/anx.h"
#include "exporters/atomic_file.h"
#include "exporters/chart_style.h"
#include "exporters/csv_tables.h"
#include "exporters/cytoscape.h"
#include "exporters/dot.h"
#include "exporters/gexf.h"
#include "exporters/graphml.h"
#include "exporters/neo4j_csv.h"
#include "tests/export_test_helpers.h"

namespace casegraph {
namespace {

using namespace export_test;

template <typename Writer>
std::string bytes_of(const Chart& chart, Writer write) {
  std::ostringstream out;
  write(chart, out);
  return out.str();
}

fs::path write_file(const fs::path& path, const std::string& text) {
  write_all(path, text);
  return path;
}

void expect_well_formed_xml(const fs::path& file, const fs::path& scratch) {
  const Outcome r = run_command("xmllint --noout " + shell_quote(file), scratch);
  EXPECT_EQ(r.exit_code, 0) << file << ":\n" << r.err;
  EXPECT_EQ(r.err, "") << file;
}

// --- GEXF -------------------------------------------------------------------

const json& gexf_node(const json& g, const std::string& id) { return g.at("nodes").at(id); }

const json& gexf_edge(const json& g, const std::string& id) {
  for (const json& e : g.at("edges")) {
    if (e.at("attributes").at("id").at("value") == id) return e;
  }
  throw std::out_of_range("no edge " + id);
}

TEST(ExportGexf, ReadsBackInNetworkx) {
  TempDir dir;
  const fs::path file = dir.path() / "case.gexf";
  const Chart chart = small_case();
  write_file_atomically(file, [&](std::ostream& out) { write_gexf(chart, out); });
  expect_well_formed_xml(file, dir.path());
  const json g =
      run_json("/usr/bin/python3 " + shell_quote(script("read_gexf.py")) + " " + shell_quote(file), dir.path());
  ASSERT_FALSE(g.contains("error")) << g.dump();
  EXPECT_EQ(g.at("class"), "MultiDiGraph");  // two calls between the same phones stay two
  EXPECT_TRUE(g.at("directed").get<bool>());
  EXPECT_EQ(g.at("mode"), "dynamic");
  EXPECT_EQ(g.at("node_count"), 8);
  EXPECT_EQ(g.at("edge_count"), 9);

  const json& victim = gexf_node(g, "n3");
  EXPECT_EQ(victim.at("label").at("value"), "Zofia Wójcik");
  EXPECT_EQ(victim.at("type").at("value"), "person");
  EXPECT_EQ(victim.at("cluster").at("type"), "int");
  EXPECT_EQ(victim.at("cluster").at("value"), 1);
  EXPECT_EQ(victim.at("pagerank").at("type"), "float");
  EXPECT_DOUBLE_EQ(victim.at("pagerank").at("value").get<double>(), 0.125);
  EXPECT_EQ(victim.at("roles").at("value"), "victim,missing");
  EXPECT_EQ(victim.at("sources").at("value"), "police_nominals:N-000101;social_care_missing:SC-4411");
  EXPECT_EQ(victim.at("dob").at("value"), "2010-04-02");
  // Colour of cluster 1, the palette's first; size by pagerank from 4 (0.05) to 40 (0.5).
  const json& viz = victim.at("viz").at("value");
  EXPECT_EQ(viz.at("color").at("value").at("r").at("value"), 31);
  EXPECT_EQ(viz.at("color").at("value").at("g").at("value"), 119);
  EXPECT_EQ(viz.at("color").at("value").at("b").at("value"), 180);
  EXPECT_DOUBLE_EQ(viz.at("size").at("value").get<double>(), 4 + 36 * (0.125 - 0.05) / (0.5 - 0.05));
  EXPECT_DOUBLE_EQ(gexf_node(g, "n1").at("viz").at("value").at("size").at("value").get<double>(), 40);
  EXPECT_DOUBLE_EQ(gexf_node(g, "n2").at("viz").at("value").at("size").at("value").get<double>(), 4);
  EXPECT_EQ(gexf_node(g, "n2").at("viz").at("value").at("color").at("value").at("r").at("value"), 255);  // cluster 2
  // No cluster: grey, no cluster attribute.
  const json& occurrence = gexf_node(g, "n20");
  EXPECT_FALSE(occurrence.contains("cluster"));
  EXPECT_EQ(occurrence.at("viz").at("value").at("color").at("value").at("g").at("value"), 160);
  // Timeline: start and end on nodes and on links.
  EXPECT_EQ(occurrence.at("start").at("value"), "2025-01-01T21:05:00Z");
  EXPECT_EQ(occurrence.at("end").at("value"), "2025-01-01T23:00:00Z");
  EXPECT_FALSE(victim.contains("start"));  // a person is always on the chart
  // A clash with the fixed "type" attribute is renamed, nothing lost.
  EXPECT_EQ(gexf_node(g, "n1").at("attr_type").at("value"), "adult");
  EXPECT_EQ(gexf_node(g, "n1").at("label").at("value"), "Chidi \"Chi\" O'Neill, & Sons <Ltd>");

  const json& call = gexf_edge(g, "e104");
  EXPECT_EQ(call.at("source"), "n30");
  EXPECT_EQ(call.at("target"), "n31");
  EXPECT_EQ(call.at("attributes").at("start").at("value"), "2025-01-01T01:00:00Z");
  EXPECT_FALSE(call.at("attributes").contains("end"));
  EXPECT_EQ(call.at("attributes").at("label").at("value"), "called");
  const json& suspect_in = gexf_edge(g, "e101").at("attributes");
  EXPECT_DOUBLE_EQ(suspect_in.at("weight").at("value").get<double>(), 0.75);
  EXPECT_EQ(suspect_in.at("grading").at("value"), "2BP");
  EXPECT_EQ(suspect_in.at("link_id").at("value"), 101);
  EXPECT_EQ(gexf_edge(g, "e103").at("attributes").at("directed").at("type"), "bool");
  EXPECT_FALSE(gexf_edge(g, "e103").at("attributes").at("directed").at("value").get<bool>());
  EXPECT_TRUE(gexf_edge(g, "e100").at("attributes").at("directed").at("value").get<bool>());
}

TEST(ExportGexf, SizeByAnotherScore) {
  TempDir dir;
  const Chart chart = small_case();
  GexfOptions options;
  options.size_by = "betweenness";
  const fs::path file =
      write_file(dir.path() / "b.gexf", bytes_of(chart, [&](const Chart& c, std::ostream& o) { write_gexf(c, o, options); }));
  const json g =
      run_json("/usr/bin/python3 " + shell_quote(script("read_gexf.py")) + " " + shell_quote(file), dir.path());
  ASSERT_FALSE(g.contains("error")) << g.dump();
  EXPECT_DOUBLE_EQ(gexf_node(g, "n1").at("viz").at("value").at("size").at("value").get<double>(), 40);  // 12
  EXPECT_DOUBLE_EQ(gexf_node(g, "n3").at("viz").at("value").at("size").at("value").get<double>(), 4);   // 3.5
  EXPECT_DOUBLE_EQ(gexf_node(g, "n10").at("viz").at("value").at("size").at("value").get<double>(), 4);  // none
}

// --- ANX --------------------------------------------------------------------

TEST(ExportAnx, WellFormedAndEveryReferenceResolves) {
  TempDir dir;
  const fs::path file = dir.path() / "case.anx";
  const Chart chart = small_case();
  write_file_atomically(file, [&](std::ostream& out) { write_anx(chart, out); });
  expect_well_formed_xml(file, dir.path());
  const json a =
      run_json("/usr/bin/python3 " + shell_quote(script("check_anx.py")) + " " + shell_quote(file), dir.path());
  EXPECT_EQ(a.at("problems"), json::array()) << a.at("problems").dump(1);
  ASSERT_EQ(a.at("entities").size(), 8u);
  ASSERT_EQ(a.at("links").size(), 9u);

  const json& victim = a.at("entities").at("E3");
  EXPECT_EQ(victim.at("label"), "Zofia Wójcik");
  EXPECT_EQ(victim.at("type"), "Person");
  EXPECT_EQ(victim.at("icon"), "Person");
  EXPECT_EQ(victim.at("identity"), "casegraph-3");
  EXPECT_EQ(victim.at("shading"), std::to_string(31 + 119 * 256 + 180 * 65536));  // COLORREF of cluster 1
  EXPECT_DOUBLE_EQ(victim.at("attributes").at("pagerank").get<double>(), 0.125);
  EXPECT_DOUBLE_EQ(victim.at("attributes").at("cluster").get<double>(), 1);
  EXPECT_EQ(victim.at("attributes").at("roles"), "victim,missing");
  EXPECT_EQ(victim.at("attributes").at("surname"), "Wójcik");
  EXPECT_EQ(victim.at("source_type"), "police_nominals");
  EXPECT_EQ(victim.at("source_reference"), "police_nominals:N-000101; social_care_missing:SC-4411");
  EXPECT_EQ(victim.at("date_set"), "false");

  const json& occurrence = a.at("entities").at("E20");
  EXPECT_EQ(occurrence.at("type"), "Occurrence");
  EXPECT_EQ(occurrence.at("date_set"), "true");
  EXPECT_EQ(occurrence.at("date_time"), "2025-01-01T21:05:00");
  EXPECT_EQ(occurrence.at("attributes").at("end"), "2025-01-01T23:00:00");
  EXPECT_EQ(occurrence.at("shading"), nullptr);
  EXPECT_EQ(a.at("entities").at("E40").at("grade"), "3CC");  // graded intelligence report
  EXPECT_EQ(a.at("entities").at("E10").at("icon"), "Car");
  EXPECT_EQ(a.at("entities").at("E31").at("label"), "+447700900456");

  std::map<std::string, json> links;
  for (const json& l : a.at("links")) links[l.at("end1").get<std::string>() + ">" + l.at("end2").get<std::string>() + ":" + l.at("type").get<std::string>()] = l;
  const json& suspect_in = links.at("E1>E20:suspect_in");
  EXPECT_EQ(suspect_in.at("grade"), "2BP");
  EXPECT_EQ(suspect_in.at("arrow"), "ArrowOnHead");
  EXPECT_DOUBLE_EQ(suspect_in.at("attributes").at("weight").get<double>(), 0.75);
  EXPECT_EQ(suspect_in.at("source_reference"), "police_occurrences:OCC/2025/0042");
  EXPECT_EQ(links.at("E1>E2:associate_of").at("arrow"), "ArrowNone");
  EXPECT_EQ(links.at("E3>E20:victim_in").at("date_time"), "2025-01-01T21:05:00");
  EXPECT_EQ(links.at("E40>E10:mentions").at("grade"), "3CC");
  EXPECT_EQ(a.at("grades").at("GradeThree").size(), 2u);
}

// --- Cytoscape.js -----------------------------------------------------------

TEST(ExportCytoscape, LoadsInCytoscapeJs) {
  TempDir dir;
  const fs::path file = dir.path() / "case.json";
  const Chart chart = small_case();
  write_file_atomically(file, [&](std::ostream& out) { write_cytoscape(chart, out); });
  const fs::path modules = cytoscape_dir(dir.path());
  const json cy = run_json(
      "node " + shell_quote(script("read_cytoscape.js")) + " " + shell_quote(modules) + " " + shell_quote(file),
      dir.path());
  ASSERT_TRUE(cy.contains("node_count")) << cy.dump();
  EXPECT_EQ(cy.at("node_count"), 8);
  EXPECT_EQ(cy.at("edge_count"), 9);
  EXPECT_EQ(cy.at("round_trip").at("node_count"), 8);
  EXPECT_EQ(cy.at("round_trip").at("edge_count"), 9);
  EXPECT_EQ(cy.at("graph").at("case"), "Operation Tern, \"Kestrel\" <test>");
  EXPECT_EQ(cy.at("graph").at("run_id"), 7);

  const json& suspect = cy.at("nodes").at("n1").at("data");
  EXPECT_EQ(suspect.at("label"), "Chidi \"Chi\" O'Neill, & Sons <Ltd>");
  EXPECT_EQ(suspect.at("entity_id"), 1);
  EXPECT_EQ(suspect.at("cluster"), 1);
  EXPECT_DOUBLE_EQ(suspect.at("scores").at("pagerank").get<double>(), 0.5);
  EXPECT_EQ(suspect.at("attributes").at("type"), "adult");
  EXPECT_EQ(suspect.at("roles"), json::array({"suspect"}));
  EXPECT_EQ(suspect.at("colour"), "#1f77b4");
  EXPECT_EQ(cy.at("nodes").at("n2").at("data").at("attributes").at("note"), "line one\nline two");
  EXPECT_EQ(cy.at("nodes").at("n20").at("data").at("start"), "2025-01-01T21:05:00Z");
  EXPECT_EQ(cy.at("nodes").at("n3").at("data").at("sources").at(1).at("record_id"), "SC-4411");

  const json& call = cy.at("edges").at("e105");
  EXPECT_EQ(call.at("source"), "n30");  // resolved by cytoscape to the node elements
  EXPECT_EQ(call.at("target"), "n31");
  EXPECT_EQ(call.at("data").at("start"), "2025-01-01T02:00:00Z");
  EXPECT_EQ(cy.at("edges").at("e101").at("data").at("grading"), "2BP");
  EXPECT_DOUBLE_EQ(cy.at("edges").at("e101").at("data").at("weight").get<double>(), 0.75);
  EXPECT_FALSE(cy.at("edges").at("e103").at("data").at("directed").get<bool>());

  // Stylesheet selectors an analyst would write.
  const json& s = cy.at("selectors");
  EXPECT_EQ(s.at("node.victim"), json::array({"n3"}));
  EXPECT_EQ(s.at("node.suspect"), json::array({"n1"}));
  EXPECT_EQ(s.at("node.cluster-1"), json::array({"n1", "n10", "n3"}));
  EXPECT_EQ(s.at("node[cluster = 1]"), json::array({"n1", "n10", "n3"}));
  EXPECT_EQ(s.at("node[type = \"vehicle\"]"), json::array({"n10"}));
  EXPECT_EQ(s.at("edge.undirected"), json::array({"e103"}));
  EXPECT_EQ(s.at("edge.called"), json::array({"e104", "e105"}));
  EXPECT_EQ(s.at("node.person").size(), 3u);
}

// --- DOT --------------------------------------------------------------------

TEST(ExportDot, GraphvizDrawsEveryClusterNodeAndLink) {
  TempDir dir;
  const fs::path file = dir.path() / "case.dot";
  const Chart chart = small_case();
  write_file_atomically(file, [&](std::ostream& out) { write_dot(chart, out); });
  const fs::path svg = dir.path() / "case.svg";
  const Outcome drawn = run_command("dot -Tsvg " + shell_quote(file) + " -o " + shell_quote(svg), dir.path());
  ASSERT_EQ(drawn.exit_code, 0) << drawn.err;
  EXPECT_EQ(drawn.err, "");  // no warning either
  const json d =
      run_json("/usr/bin/python3 " + shell_quote(script("read_dot_svg.py")) + " " + shell_quote(svg), dir.path());
  EXPECT_EQ(d.at("clusters").size(), 2u);
  EXPECT_EQ(d.at("clusters").at("cluster_1"), json::array({"cluster 1"}));
  EXPECT_EQ(d.at("clusters").at("cluster_2"), json::array({"cluster 2"}));
  EXPECT_EQ(d.at("nodes").size(), 8u);
  EXPECT_EQ(d.at("nodes").at("n1"), json::array({"Chidi \"Chi\" O'Neill, & Sons <Ltd>", "person"}));
  EXPECT_EQ(d.at("nodes").at("n3"), json::array({"Zofia Wójcik", "person"}));
  EXPECT_EQ(d.at("nodes").at("n31"), json::array({"+447700900456", "phone"}));
  ASSERT_EQ(d.at("edges").size(), 9u);
  std::multiset<std::string> edges;
  for (const json& e : d.at("edges")) edges.insert(e.at("title").get<std::string>() + " " + e.at("texts").at(0).get<std::string>());
  EXPECT_EQ(edges.count("n30->n31 called"), 2u);
  EXPECT_EQ(edges.count("n1->n20 suspect_in"), 1u);
  EXPECT_EQ(edges.count("n1->n2 associate_of"), 1u);

  // Which nodes Graphviz put in which cluster, from its JSON output.
  const Outcome layout = run_command("dot -Tjson " + shell_quote(file), dir.path());
  ASSERT_EQ(layout.exit_code, 0) << layout.err;
  const json j = json::parse(layout.out);
  std::map<int, std::string> name_of;
  for (const json& o : j.at("objects")) {
    if (!o.contains("nodes")) name_of[o.at("_gvid").get<int>()] = o.at("name").get<std::string>();
  }
  std::map<std::string, std::set<std::string>> members;
  for (const json& o : j.at("objects")) {
    if (!o.contains("nodes")) continue;
    for (const json& id : o.at("nodes")) members[o.at("name").get<std::string>()].insert(name_of.at(id.get<int>()));
  }
  EXPECT_EQ(members.at("cluster_1"), (std::set<std::string>{"n1", "n3", "n10"}));
  EXPECT_EQ(members.at("cluster_2"), (std::set<std::string>{"n2"}));
}

// --- Neo4j ------------------------------------------------------------------

json read_tables(const std::vector<fs::path>& files, bool neo4j, const fs::path& scratch) {
  std::string command = "/usr/bin/python3 " + shell_quote(script("read_tables.py")) + (neo4j ? " --neo4j" : "");
  for (const fs::path& f : files) command += " " + shell_quote(f);
  return run_json(command, scratch);
}

std::vector<fs::path> write_set(const fs::path& dir, const std::vector<ExportFile>& files) {
  std::vector<FileToWrite> writes;
  std::vector<fs::path> paths;
  for (const ExportFile& f : files) {
    paths.push_back(dir / f.name);
    writes.push_back({paths.back(), f.write});
  }
  write_files_atomically(writes);
  return paths;
}

std::map<std::string, json> rows_by(const json& file, const std::string& key) {
  std::map<std::string, json> out;
  for (const json& r : file.at("rows")) out[r.at(key).is_string() ? r.at(key).get<std::string>() : r.at(key).dump()] = r;
  return out;
}

TEST(ExportNeo4j, HeadersTypesAndReferencesAsNeo4jAdminReadsThem) {
  TempDir dir;
  const Chart chart = small_case();
  const std::vector<fs::path> paths = write_set(dir.path(), neo4j_files(chart));
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[0].filename(), "nodes.csv");
  EXPECT_EQ(paths[1].filename(), "relationships.csv");
  const json t = read_tables(paths, true, dir.path());
  EXPECT_EQ(t.at("problems"), json::array()) << t.at("problems").dump(1);
  const json& nodes = t.at("files").at(paths[0].string());
  const json& rels = t.at("files").at(paths[1].string());
  const std::vector<std::string> node_header{"entity_id:ID",   ":LABEL",          "name:string",
                                             "type:string",    "cluster:long",    "roles:string[]",
                                             "start:datetime", "end:datetime",    "sources:string[]",
                                             "betweenness:double", "pagerank:double", "colour:string",
                                             "dob:string",     "forename:string", "grading:string",
                                             "make:string",    "nickname:string", "note:string",
                                             "offence:string", "surname:string",  "attr_type:string",
                                             "vrm:string"};
  EXPECT_EQ(nodes.at("header"), json(node_header));
  ASSERT_EQ(nodes.at("rows").size(), 8u);
  ASSERT_EQ(rels.at("rows").size(), 9u);
  const auto by_id = rows_by(nodes, ":ID");
  const json& victim = by_id.at("3");
  EXPECT_EQ(victim.at(":LABEL"), "Entity;Person");
  EXPECT_EQ(victim.at("name"), "Zofia Wójcik");
  EXPECT_EQ(victim.at("cluster"), 1);
  EXPECT_EQ(victim.at("roles"), json::array({"victim", "missing"}));
  EXPECT_DOUBLE_EQ(victim.at("pagerank").get<double>(), 0.125);
  EXPECT_EQ(victim.at("sources"), json::array({"police_nominals:N-000101", "social_care_missing:SC-4411"}));
  EXPECT_EQ(by_id.at("20").at("start"), "2025-01-01T21:05:00Z");
  EXPECT_EQ(by_id.at("20").at("cluster"), nullptr);  // empty cell: no property
  EXPECT_EQ(by_id.at("40").at(":LABEL"), "Entity;Intelligence");
  EXPECT_EQ(by_id.at("1").at("name"), "Chidi \"Chi\" O'Neill, & Sons <Ltd>");
  EXPECT_EQ(by_id.at("1").at("type"), "person");
  EXPECT_EQ(by_id.at("1").at("attr_type"), "adult");
  EXPECT_EQ(by_id.at("2").at("note"), "line one\nline two");  // needs --multiline-fields=true

  const auto by_link = rows_by(rels, "link_id");
  EXPECT_EQ(by_link.at("101").at(":TYPE"), "SUSPECT_IN");
  EXPECT_EQ(by_link.at("101").at(":START_ID"), "1");
  EXPECT_EQ(by_link.at("101").at(":END_ID"), "20");
  EXPECT_DOUBLE_EQ(by_link.at("101").at("weight").get<double>(), 0.75);
  EXPECT_EQ(by_link.at("101").at("grading"), "2BP");
  EXPECT_EQ(by_link.at("103").at("directed"), false);
  EXPECT_EQ(by_link.at("103").at("link_type"), "associate_of");
  EXPECT_EQ(by_link.at("104").at("start"), "2025-01-01T01:00:00Z");
  EXPECT_EQ(neo4j_import_command("a/nodes.csv", "a/relationships.csv"),
            "neo4j-admin database import full --id-type=integer --multiline-fields=true --nodes=a/nodes.csv "
            "--relationships=a/relationships.csv neo4j");
}

// --- CSV tables -------------------------------------------------------------

TEST(ExportCsv, RoundTripsThroughPythonsCsvReader) {
  TempDir dir;
  const Chart chart = small_case();
  const std::vector<fs::path> paths = write_set(dir.path(), csv_tables(chart));
  const json t = read_tables(paths, false, dir.path());
  EXPECT_EQ(t.at("problems"), json::array()) << t.at("problems").dump(1);
  const json& entities = t.at("files").at(paths[0].string());
  const json& links = t.at("files").at(paths[1].string());
  EXPECT_EQ(entities.at("header").at(0), "entity_id");
  ASSERT_EQ(entities.at("rows").size(), 8u);
  ASSERT_EQ(links.at("rows").size(), 9u);
  const auto by_id = rows_by(entities, "entity_id");
  EXPECT_EQ(by_id.at("1").at("label"), "Chidi \"Chi\" O'Neill, & Sons <Ltd>");
  EXPECT_EQ(by_id.at("1").at("attr_type"), "adult");
  EXPECT_EQ(by_id.at("2").at("note"), "line one\nline two");
  EXPECT_EQ(by_id.at("2").at("nickname"), "'=HYPERLINK(\"x\")");  // not a live formula in a spreadsheet
  EXPECT_EQ(by_id.at("31").at("label"), "+447700900456");         // a phone number stays as it is
  EXPECT_EQ(by_id.at("3").at("roles"), "victim;missing");
  EXPECT_EQ(by_id.at("3").at("cluster"), "1");
  EXPECT_EQ(by_id.at("3").at("pagerank"), "0.125");
  EXPECT_EQ(by_id.at("20").at("cluster"), "");
  EXPECT_EQ(by_id.at("20").at("start"), "2025-01-01T21:05:00Z");
  EXPECT_EQ(by_id.at("3").at("sources"), "police_nominals:N-000101;social_care_missing:SC-4411");
  const auto by_link = rows_by(links, "link_id");
  EXPECT_EQ(by_link.at("103").at("directed"), "false");
  EXPECT_EQ(by_link.at("101").at("weight"), "0.75");
  EXPECT_EQ(by_link.at("101").at("grading"), "2BP");
  EXPECT_EQ(by_link.at("104").at("source"), "30");
  EXPECT_EQ(by_link.at("104").at("target"), "31");
}

// --- all formats --------------------------------------------------------------

std::vector<std::pair<std::string, std::function<std::string(const Chart&)>>> all_writers() {
  const auto concat = [](const std::vector<ExportFile>& files) {
    std::string out;
    for (const ExportFile& f : files) {
      std::ostringstream s;
      f.write(s);
      out += "== " + f.name + "\n" + s.str();
    }
    return out;
  };
  return {{"graphml", [](const Chart& c) { return bytes_of(c, [](const Chart& x, std::ostream& o) { write_graphml(x, o); }); }},
          {"gexf", [](const Chart& c) { return bytes_of(c, [](const Chart& x, std::ostream& o) { write_gexf(x, o); }); }},
          {"anx", [](const Chart& c) { return bytes_of(c, write_anx); }},
          {"cytoscape", [](const Chart& c) { return bytes_of(c, write_cytoscape); }},
          {"dot", [](const Chart& c) { return bytes_of(c, write_dot); }},
          {"neo4j", [concat](const Chart& c) { return concat(neo4j_files(c)); }},
          {"csv", [concat](const Chart& c) { return concat(csv_tables(c)); }}};
}

TEST(ExportFormats, SameChartSameBytesWhateverTheOrder) {
  const Chart a = small_case();
  Chart b = small_case();
  std::reverse(b.nodes.begin(), b.nodes.end());
  std::reverse(b.edges.begin(), b.edges.end());
  for (const auto& [name, write] : all_writers()) {
    SCOPED_TRACE(name);
    EXPECT_EQ(write(a), write(a));
    EXPECT_EQ(write(a), write(b));
  }
}

TEST(ExportFormats, RefuseDanglingLinks) {
  Chart bad;
  bad.nodes = {node(1, "person", "A")};
  bad.edges = {edge(3, 1, 2, "called")};
  for (const auto& [name, write] : all_writers()) {
    SCOPED_TRACE(name);
    EXPECT_THROW(write(bad), std::invalid_argument);
  }
}

TEST(ExportFormats, EmptyChartIsReadable) {
  TempDir dir;
  const Chart empty;
  const fs::path gexf = write_file(dir.path() / "e.gexf", bytes_of(empty, [](const Chart& c, std::ostream& o) { write_gexf(c, o); }));
  const json g =
      run_json("/usr/bin/python3 " + shell_quote(script("read_gexf.py")) + " " + shell_quote(gexf), dir.path());
  ASSERT_FALSE(g.contains("error")) << g.dump();
  EXPECT_EQ(g.at("node_count"), 0);
  const fs::path anx = write_file(dir.path() / "e.anx", bytes_of(empty, write_anx));
  expect_well_formed_xml(anx, dir.path());
  const fs::path dot = write_file(dir.path() / "e.dot", bytes_of(empty, write_dot));
  EXPECT_EQ(run_command("dot -Tsvg " + shell_quote(dot), dir.path()).exit_code, 0);
  const json cy = json::parse(bytes_of(empty, write_cytoscape));
  EXPECT_TRUE(cy.at("elements").at("nodes").empty());
}

}  // namespace
}  // namespace casegraph
