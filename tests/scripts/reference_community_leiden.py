#!/usr/bin/python3
"""igraph's Leiden and multilevel (Louvain) figures, for tests/leiden_test.cpp.

Run with Debian's python3-igraph (0.10):
    /usr/bin/python3 tests/scripts/reference_community_leiden.py > tests/fixtures/community/igraph_quality.tsv

For each graph (undirected, simple: self-loops dropped, parallel edges merged,
as casegraph's CsrGraph builder does) and each method, `runs` runs with
random.seed(0..runs-1) (python-igraph draws from Python's `random`), and the
minimum, mean and maximum of the quality reached:
- leiden_modularity_it2: community_leiden(objective_function='modularity'),
  igraph's default n_iterations=2;
- leiden_modularity_conv: the same with n_iterations=-1 (until stable);
- leiden_cpm_0.05: community_leiden(objective_function='CPM',
  resolution_parameter=0.05, n_iterations=-1), quality
  (sum_c 2 e_c - 0.05 n_c^2) / 2m, the form of casegraph's cpm_quality;
- multilevel: community_multilevel(), modularity of the last level.
"""
import collections
import gzip
import os
import random
import statistics
import sys

import igraph

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data")


def read_edges(path):
    opener = gzip.open if path.endswith(".gz") else open
    names = {}
    edges = []
    with opener(path, "rt", newline="") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or parts[0].startswith("#") or not parts[0].lstrip("-").isdigit():
                continue
            ends = []
            for p in parts[:2]:
                ends.append(names.setdefault(p, len(names)))
            edges.append(tuple(ends))
    g = igraph.Graph(n=len(names), edges=edges, directed=False)
    g.simplify()
    return g


def cpm(g, membership, gamma):
    internal = sum(2 for a, b in g.get_edgelist() if membership[a] == membership[b])
    sizes = collections.Counter(membership)
    return (internal - gamma * sum(s * s for s in sizes.values())) / (2 * g.ecount())


def main():
    graphs = [
        ("football", igraph.Graph.Read_GML(os.path.join(DATA, "graphs", "football.gml")).as_undirected().simplify(), 50),
        ("email_eu_core", read_edges(os.path.join(DATA, "perf", "email_eu_core", "email-Eu-core.txt")), 20),
        ("lfr_n10000_mu0.3", read_edges(os.path.join(DATA, "lfr", "lfr_n10000_mu0.3.edges.tsv.gz")), 10),
    ]
    methods = {
        "leiden_modularity_it2": lambda g: g.modularity(
            g.community_leiden(objective_function="modularity", n_iterations=2).membership),
        "leiden_modularity_conv": lambda g: g.modularity(
            g.community_leiden(objective_function="modularity", n_iterations=-1).membership),
        "leiden_cpm_0.05": lambda g: cpm(g, g.community_leiden(
            objective_function="CPM", resolution_parameter=0.05, n_iterations=-1).membership, 0.05),
        "multilevel": lambda g: g.community_multilevel().modularity,
    }
    out = sys.stdout
    out.write("# igraph %s; python3-igraph via tests/scripts/reference_community_leiden.py\n" % igraph.__version__)
    out.write("graph\tvertices\tedges\tmethod\truns\tmin\tmean\tmax\n")
    for name, g, runs in graphs:
        for method, run in methods.items():
            values = []
            for seed in range(runs):
                random.seed(seed)
                values.append(run(g))
            out.write("%s\t%d\t%d\t%s\t%d\t%.10f\t%.10f\t%.10f\n" % (
                name, g.vcount(), g.ecount(), method, runs, min(values), statistics.mean(values), max(values)))


if __name__ == "__main__":
    main()
