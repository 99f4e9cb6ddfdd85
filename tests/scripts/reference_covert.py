#!/usr/bin/python3
"""Reference figures for tests/centrality_more_test.cpp: closeness (both
conventions), harmonic, eigenvector, HITS, core number and clustering on the
weighted and directed covert networks, which ../shared/data/reference (simple,
undirected, unweighted) does not cover.

Run with Debian's /usr/bin/python3 (networkx 2.8.8, python-igraph 0.10.2):
    /usr/bin/python3 tests/scripts/reference_covert.py
Writes tests/fixtures/reference/centrality_more_{london_gang_weighted,
caviar_directed}.tsv (committed). Values are networkx's, printed with repr()
(full precision); each column that igraph also computes is cross-checked
against it and the script stops if they disagree by more than 1e-9 relative.

Graphs, built as casegraph's tests build them (tests/reference_graphs.h):
- London gang: covert/london_gang/covert_28, undirected, weight = co-offending
  seriousness 1-4 (parallel rows summed).
- CAVIAR: covert/directed_valued/morselli_caviar.csv, arc i->j for every
  non-zero cell, weight = the cell (110 nodes, 295 arcs).
Conventions: distances use weights as lengths (networkx distance=, igraph
weights=); eigenvector, HITS and clustering use them as strengths. Directed
closeness and harmonic are networkx's (distances TO the vertex, igraph
mode="in"); "_out" columns are the same on the reversed graph (igraph
mode="out"). "_reachable" closeness is igraph's convention, written as networkx
closeness with wf_improved=False (which is the same formula), 0 where igraph
gives NaN (nobody reaches the vertex).

networkx's weighted clustering calls numpy.cbrt, and Debian's python3 here has
no numpy: a stand-in module with cbrt = x ** (1/3) is installed for those two
calls only, and the result is checked against a plain triple loop over the
definition (Onnela / Fagiolo) below.
"""
import csv
import math
import os
import sys
import types

import igraph as ig
import networkx as nx
from networkx.algorithms.link_analysis.hits_alg import _hits_python

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "tests", "fixtures", "reference")
sys.path.insert(0, HERE)
from reference_centrality import adjacency_matrix, covert_layer, to_igraph  # noqa: E402


def agree(name, ours, theirs, nodes, rel=1e-9):
    for i, v in enumerate(nodes):
        x, y = ours[v], theirs[i]
        if isinstance(y, float) and math.isnan(y):
            y = 0.0
        if abs(x - y) > rel * max(abs(x), abs(y), 1e-3):
            sys.exit(f"{name}: networkx {x!r} vs igraph {y!r} at node {v}")
    print("agree:", name)


def clustering_with_cbrt(g, weight):
    """nx.clustering, weighted, with numpy.cbrt stood in for."""
    shim = types.ModuleType("numpy")
    shim.cbrt = lambda xs: [x ** (1.0 / 3.0) for x in xs]
    saved = sys.modules.get("numpy")
    sys.modules["numpy"] = shim
    try:
        return nx.clustering(g, weight=weight)
    finally:
        if saved is None:
            del sys.modules["numpy"]
        else:
            sys.modules["numpy"] = saved


def clustering_by_definition(g, weight):
    """Onnela (undirected) / Fagiolo (directed) by a plain loop over triples."""
    wmax = max((d.get(weight, 1) for _, _, d in g.edges(data=True)), default=1) if weight else 1

    def w(u, v):
        if not g.has_edge(u, v):
            return 0.0
        return g[u][v].get(weight, 1) / wmax if weight else 1.0

    out = {}
    for i in g:
        nb = set(nx.all_neighbors(g, i)) - {i}
        t = 0.0
        for j in nb:
            for k in nb:
                if j == k:
                    continue
                if g.is_directed():
                    # Fagiolo: sum over j, k of (w_ij^(1/3) + w_ji^(1/3)) (w_jk^(1/3) + w_kj^(1/3))
                    # (w_ki^(1/3) + w_ik^(1/3)), over 2 (d_tot (d_tot - 1) - 2 d_bi)
                    c = lambda a, b: w(a, b) ** (1 / 3) if weight else w(a, b)  # noqa: E731
                    t += (c(i, j) + c(j, i)) * (c(j, k) + c(k, j)) * (c(k, i) + c(i, k))
                else:
                    prod = w(i, j) * w(j, k) * w(k, i)
                    t += prod ** (1 / 3) if weight else prod
        if g.is_directed():
            dt = g.in_degree(i) + g.out_degree(i)
            db = sum(1 for j in g.successors(i) if g.has_edge(j, i))
            den = 2 * (dt * (dt - 1) - 2 * db)
            out[i] = t / den if t > 0 else 0.0
        else:
            d = len(nb)
            out[i] = t / (d * (d - 1)) if t > 0 else 0.0
    return out


def close(name, a, b, rel=1e-9):
    for v in a:
        if abs(a[v] - b[v]) > rel * max(abs(a[v]), abs(b[v]), 1e-3):
            sys.exit(f"{name}: {a[v]!r} vs {b[v]!r} at {v}")
    print("agree:", name)


def eigenvector(g, weight):
    return nx.eigenvector_centrality(g, max_iter=1000000, tol=1e-15, weight=weight)


def l2(xs):
    s = math.sqrt(sum(x * x for x in xs))
    return [x / s for x in xs]


def by_max(xs):
    m = max(xs)
    return [x / m for x in xs]


def write(name, cols, nodes):
    path = os.path.join(OUT, name)
    with open(path, "w", newline="") as f:
        f.write("# generated by tests/scripts/reference_covert.py (networkx "
                f"{nx.__version__}, igraph {ig.__version__})\n")
        f.write("\t".join(["node"] + list(cols)) + "\n")
        for v in nodes:
            f.write("\t".join([v] + [repr(float(cols[c][v])) for c in cols]) + "\n")
    print("wrote", path)


def main():
    os.makedirs(OUT, exist_ok=True)

    # London gang, weighted, undirected.
    g = covert_layer(os.path.join(DATA, "covert", "london_gang", "covert_28"))
    h, nodes = to_igraph(g)
    cols = {
        "closeness_weighted": nx.closeness_centrality(g, distance="weight"),
        "harmonic_weighted": nx.harmonic_centrality(g, distance="weight"),
        "eigenvector_weighted": eigenvector(g, "weight"),
        "clustering_weighted": clustering_with_cbrt(g, "weight"),
    }
    agree("london closeness", cols["closeness_weighted"], h.closeness(weights="weight"), nodes)
    agree("london harmonic", cols["harmonic_weighted"],
          h.harmonic_centrality(weights="weight", normalized=False), nodes)
    agree("london eigenvector", cols["eigenvector_weighted"],
          l2(h.eigenvector_centrality(weights="weight", scale=True)), nodes)
    close("london clustering", cols["clustering_weighted"], clustering_by_definition(g, "weight"))
    write("centrality_more_london_gang_weighted.tsv", cols, list(g))

    # CAVIAR, directed and valued.
    d = adjacency_matrix(os.path.join(DATA, "covert", "directed_valued", "morselli_caviar.csv"))
    h, nodes = to_igraph(d)
    r = d.reverse(copy=True)
    hubs, auth = _hits_python(d, max_iter=1000000, tol=1e-14)
    # _hits_python always reads the "weight" attribute; the unweighted run
    # uses a copy with every weight 1.
    d1 = nx.DiGraph()
    d1.add_nodes_from(d)
    d1.add_edges_from(d.edges())
    hubs1, auth1 = _hits_python(d1, max_iter=1000000, tol=1e-14)
    cols = {
        "closeness_in": nx.closeness_centrality(d),
        "closeness_out": nx.closeness_centrality(r),
        "closeness_in_weighted": nx.closeness_centrality(d, distance="weight"),
        "closeness_in_reachable": nx.closeness_centrality(d, wf_improved=False),
        "closeness_out_reachable": nx.closeness_centrality(r, wf_improved=False),
        "closeness_in_weighted_reachable": nx.closeness_centrality(d, distance="weight", wf_improved=False),
        "harmonic_in": nx.harmonic_centrality(d),
        "harmonic_out": nx.harmonic_centrality(r),
        "harmonic_in_weighted": nx.harmonic_centrality(d, distance="weight"),
        "hubs": hubs1,
        "authorities": auth1,
        "hubs_weighted": hubs,
        "authorities_weighted": auth,
        "core_number": nx.core_number(d),
        "clustering": nx.clustering(d),
        "clustering_weighted": clustering_with_cbrt(d, "weight"),
    }
    agree("caviar closeness in reachable", cols["closeness_in_reachable"], h.closeness(mode="in"), nodes)
    agree("caviar closeness out reachable", cols["closeness_out_reachable"], h.closeness(mode="out"), nodes)
    agree("caviar closeness in weighted reachable", cols["closeness_in_weighted_reachable"],
          h.closeness(mode="in", weights="weight"), nodes)
    agree("caviar harmonic in", cols["harmonic_in"], h.harmonic_centrality(mode="in", normalized=False), nodes)
    agree("caviar harmonic out", cols["harmonic_out"], h.harmonic_centrality(mode="out", normalized=False), nodes)
    agree("caviar harmonic in weighted", cols["harmonic_in_weighted"],
          h.harmonic_centrality(mode="in", weights="weight", normalized=False), nodes)
    agree("caviar hubs", {v: x / max(hubs1.values()) for v, x in hubs1.items()}, h.hub_score(scale=True), nodes)
    agree("caviar authorities", {v: x / max(auth1.values()) for v, x in auth1.items()},
          h.authority_score(scale=True), nodes)
    agree("caviar hubs weighted", {v: x / max(hubs.values()) for v, x in hubs.items()},
          h.hub_score(weights="weight", scale=True), nodes)
    agree("caviar authorities weighted", {v: x / max(auth.values()) for v, x in auth.items()},
          h.authority_score(weights="weight", scale=True), nodes)
    agree("caviar core number", cols["core_number"], h.coreness(mode="all"), nodes)
    close("caviar clustering", cols["clustering"], clustering_by_definition(d, None))
    close("caviar clustering weighted", cols["clustering_weighted"], clustering_by_definition(d, "weight"))
    write("centrality_more_caviar_directed.tsv", cols, list(d))


if __name__ == "__main__":
    main()
