// Loads a casegraph Cytoscape.js export into cytoscape.js itself (headless)
// and prints, as JSON, what cytoscape made of it: counts, each element's data
// and classes, each edge's resolved endpoints, and the answers to a few
// selectors an analyst's stylesheet would use.
//
//   node tests/scripts/read_cytoscape.js CYTOSCAPE_DIR FILE
//
// CYTOSCAPE_DIR is the folder whose node_modules holds cytoscape.
const path = require('path');
const fs = require('fs');

const [dir, file] = process.argv.slice(2);
const cytoscape = require(path.join(dir, 'node_modules', 'cytoscape'));
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const cy = cytoscape({ headless: true, elements: doc.elements });
cy.data(doc.data);
const out = {
  version: cytoscape.version,
  graph: cy.data(),
  node_count: cy.nodes().length,
  edge_count: cy.edges().length,
  nodes: {},
  edges: {},
  selectors: {},
};
cy.nodes().forEach((n) => { out.nodes[n.id()] = { data: n.data(), classes: n.classes() }; });
cy.edges().forEach((e) => {
  out.edges[e.id()] = { data: e.data(), classes: e.classes(), source: e.source().id(), target: e.target().id() };
});
for (const s of ['node.person', 'node.victim', 'node.suspect', 'node.cluster-1', 'edge.undirected',
                 'edge.called', 'node[cluster = 1]', 'node[type = "vehicle"]']) {
  out.selectors[s] = cy.$(s).map((x) => x.id()).sort();
}
// A round trip through cytoscape's own serialisation.
const again = cytoscape({ headless: true, elements: cy.json().elements });
out.round_trip = { node_count: again.nodes().length, edge_count: again.edges().length };
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
