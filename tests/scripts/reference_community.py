#!/usr/bin/python3
"""Reference figures for tests/community_test.cpp, from networkx 2.8.8 and
python-igraph 0.10.2 (run with /usr/bin/python3, which has both).

Writes tests/fixtures/reference/community_*.tsv:
  community_components.tsv  component counts and sizes (networkx)
  community_modularity.tsv  modularity of fixed partitions (igraph and networkx)
  community_nmi.tsv         NMI between fixed partitions (igraph 'nmi')
  community_louvain.tsv     modularity reached by igraph's community_multilevel
                            and networkx's louvain_communities over many seeds
  community_lfr.tsv         NMI of igraph's multilevel against LFR planted communities

Graphs are simplified (self-loops and duplicate edges removed, weights of
duplicates summed) as casegraph's CSR builder does, so the figures are those
the C++ code must reproduce. Vertex ids are the files' ids (GML `id`,
edge-list integers); the tests map names to ids the same way.

Usage: /usr/bin/python3 tests/scripts/reference_community.py [--time]
  --time  also time igraph's community_multilevel on LFR n=100,000 (not written).
"""
import gzip
import os
import random
import statistics
import sys
import time

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
OUT = os.path.join(ROOT, "tests", "fixtures", "reference")

IGRAPH_SEEDS = range(100)
NETWORKX_SEEDS = range(20)


def fmt(x):
    return repr(float(x))


def read_gml(name, weighted):
    """networkx graph with integer node ids 0..n-1 from a networkx-written GML."""
    g = nx.read_gml(os.path.join(DATA, "graphs", name), label="id")
    assert sorted(g.nodes()) == list(range(g.number_of_nodes())), name
    assert list(g.nodes()) == list(range(g.number_of_nodes())), name
    if weighted:
        for _, _, d in g.edges(data=True):
            d["weight"] = float(d.get("value", 1.0))
    else:
        for _, _, d in g.edges(data=True):
            d.clear()
    return g


def read_karate(weighted):
    g = nx.Graph()
    g.add_nodes_from(range(34))
    with open(os.path.join(DATA, "graphs", "karate.edges.tsv")) as f:
        next(f)
        for line in f:
            u, v, w = line.split()
            if weighted:
                g.add_edge(int(u), int(v), weight=float(w))
            else:
                g.add_edge(int(u), int(v))
    return g


def read_email():
    """email-Eu-core, directed, self-loops dropped, duplicates merged. Vertex
    ids are the file's integers (all 0..1004 appear)."""
    g = nx.DiGraph()
    with open(os.path.join(DATA, "perf", "email_eu_core", "email-Eu-core.txt"), "rb") as f:
        for line in f:
            p = line.split()
            if len(p) < 2:
                continue
            u, v = int(p[0]), int(p[1])
            g.add_node(u)
            g.add_node(v)
            if u != v:
                g.add_edge(u, v)
    assert sorted(g.nodes()) == list(range(g.number_of_nodes()))
    return g


def email_departments():
    dept = {}
    with open(os.path.join(DATA, "perf", "email_eu_core", "email-Eu-core-department-labels.txt"), "rb") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2:
                dept[int(p[0])] = int(p[1])
    return [dept[v] for v in range(len(dept))]


def to_igraph(g):
    n = g.number_of_nodes()
    edges = list(g.edges())
    h = ig.Graph(n=n, edges=edges, directed=g.is_directed())
    if all("weight" in d for _, _, d in g.edges(data=True)) and g.number_of_edges() > 0:
        h.es["weight"] = [d["weight"] for _, _, d in g.edges(data=True)]
    return h


def weight_name(h):
    return "weight" if "weight" in h.es.attributes() else None


def components_rows():
    rows = []
    ns = read_gml("netscience.gml", weighted=False)
    sizes = sorted((len(c) for c in nx.connected_components(ns)), reverse=True)
    rows.append(("netscience", "weak", len(sizes), sizes))
    em = read_email()
    for kind, comps in (("weak", nx.weakly_connected_components(em)),
                        ("strong", nx.strongly_connected_components(em))):
        sizes = sorted((len(c) for c in comps), reverse=True)
        rows.append(("email_eu_core", kind, len(sizes), sizes))
    with open(os.path.join(OUT, "community_components.tsv"), "w") as f:
        f.write("graph\tkind\tcount\tlargest\tsizes_descending\n")
        for name, kind, count, sizes in rows:
            f.write(f"{name}\t{kind}\t{count}\t{sizes[0]}\t{','.join(map(str, sizes))}\n")


def labelled(g, key):
    return [g.nodes[v][key] for v in range(g.number_of_nodes())]


def karate_club():
    with open(os.path.join(DATA, "graphs", "karate.club.tsv")) as f:
        next(f)
        club = dict(line.rstrip("\n").split("\t") for line in f)
    return [0 if club[str(v)] == "Mr. Hi" else 1 for v in range(34)]


def ig_modularity(h, membership, resolution=1.0, directed=True):
    # python-igraph 0.10.2's Graph.modularity drops `resolution` and `directed`
    # on the floor (it forwards only membership and weights), so call the C
    # binding directly.
    return ig.GraphBase.modularity(h, membership, weight_name(h), resolution, directed)


def nx_modularity(g, membership, resolution):
    groups = {}
    for v, c in enumerate(membership):
        groups.setdefault(c, set()).add(v)
    return nx.community.modularity(g, list(groups.values()), weight="weight", resolution=resolution)


def modularity_rows():
    football = read_gml("football.gml", weighted=False)
    conferences = [int(x) for x in labelled(nx.read_gml(os.path.join(DATA, "graphs", "football.gml"), label="id"), "value")]
    lesmis = read_gml("lesmis.gml", weighted=True)
    email = read_email()
    cases = [
        # graph, partition, weighted, directed, resolution, nx graph, membership
        ("karate", "club", 0, 0, 1.0, read_karate(False), karate_club()),
        ("karate", "club", 1, 0, 1.0, read_karate(True), karate_club()),
        ("karate", "club", 0, 0, 0.5, read_karate(False), karate_club()),
        ("karate", "club", 1, 0, 2.0, read_karate(True), karate_club()),
        ("football", "conference", 0, 0, 1.0, football, conferences),
        ("football", "conference", 0, 0, 1.5, football, conferences),
        ("lesmis", "mod3", 1, 0, 1.0, lesmis, [v % 3 for v in range(77)]),
        ("email_eu_core", "department", 0, 1, 1.0, email, email_departments()),
        ("email_eu_core", "department", 0, 1, 0.7, email, email_departments()),
    ]
    with open(os.path.join(OUT, "community_modularity.tsv"), "w") as f:
        f.write("graph\tpartition\tweighted\tdirected\tresolution\tigraph\tnetworkx\n")
        for name, part, weighted, directed, res, g, membership in cases:
            h = to_igraph(g)
            q_ig = ig_modularity(h, membership, res, bool(directed))
            q_nx = nx_modularity(g, membership, res)
            f.write(f"{name}\t{part}\t{weighted}\t{directed}\t{fmt(res)}\t{fmt(q_ig)}\t{fmt(q_nx)}\n")
        # Directed graph taken as undirected (igraph directed=False); networkx has no such switch.
        h = to_igraph(email)
        q_ig = ig_modularity(h, email_departments(), 1.0, directed=False)
        f.write(f"email_eu_core\tdepartment\t0\t0\t1.0\t{fmt(q_ig)}\tnan\n")


def nmi_rows():
    football = nx.read_gml(os.path.join(DATA, "graphs", "football.gml"), label="id")
    conferences = [int(x) for x in labelled(football, "value")]
    club = karate_club()
    cases = [
        ("football_conference", "mod12", conferences, [v % 12 for v in range(115)]),
        ("football_conference", "div10", conferences, [v // 10 for v in range(115)]),
        ("karate_club", "mod2", club, [v % 2 for v in range(34)]),
        ("karate_club", "half", club, [0 if v < 17 else 1 for v in range(34)]),
        ("email_department", "mod5", email_departments(), [v % 5 for v in range(1005)]),
    ]
    with open(os.path.join(OUT, "community_nmi.tsv"), "w") as f:
        f.write("a\tb\tigraph_nmi\n")
        for a, b, ma, mb in cases:
            f.write(f"{a}\t{b}\t{fmt(ig.compare_communities(ma, mb, method='nmi'))}\n")


def multilevel_figures(g):
    h = to_igraph(g)
    w = weight_name(h)
    ig_q = []
    ig_k = []
    for seed in IGRAPH_SEEDS:
        random.seed(seed)  # python-igraph draws from Python's random module
        c = h.community_multilevel(weights=w)
        ig_q.append(h.modularity(c.membership, weights=w))
        ig_k.append(len(c))
    nx_q = []
    for seed in NETWORKX_SEEDS:
        comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
        nx_q.append(nx.community.modularity(g, comms, weight="weight"))
    return ig_q, ig_k, nx_q


def louvain_rows():
    cases = [
        ("karate", 0, read_karate(False)),
        ("karate", 1, read_karate(True)),
        ("football", 0, read_gml("football.gml", weighted=False)),
        ("lesmis", 1, read_gml("lesmis.gml", weighted=True)),
        ("dolphins", 0, read_gml("dolphins.gml", weighted=False)),
        ("polbooks", 0, read_gml("polbooks.gml", weighted=False)),
    ]
    with open(os.path.join(OUT, "community_louvain.tsv"), "w") as f:
        f.write("graph\tweighted\tigraph_seeds\tigraph_max\tigraph_mean\tigraph_min\tigraph_mean_count"
                "\tnetworkx_seeds\tnetworkx_max\tnetworkx_mean\n")
        for name, weighted, g in cases:
            ig_q, ig_k, nx_q = multilevel_figures(g)
            f.write(f"{name}\t{weighted}\t{len(ig_q)}\t{fmt(max(ig_q))}\t{fmt(statistics.mean(ig_q))}"
                    f"\t{fmt(min(ig_q))}\t{fmt(statistics.mean(ig_k))}"
                    f"\t{len(nx_q)}\t{fmt(max(nx_q))}\t{fmt(statistics.mean(nx_q))}\n")


def read_lfr(stem, n):
    def lines(path):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt") as f:
            for line in f:
                if line.strip():
                    yield line.split()
    edges_path = os.path.join(DATA, "lfr", stem + ".edges.tsv")
    comm_path = os.path.join(DATA, "lfr", stem + ".communities.tsv")
    h = ig.Graph(n=n, edges=[(int(u), int(v)) for u, v in lines(edges_path)])
    h.simplify()
    planted = [0] * n
    for v, c in lines(comm_path):
        planted[int(v)] = int(c)
    return h, planted


def lfr_rows():
    with open(os.path.join(OUT, "community_lfr.tsv"), "w") as f:
        f.write("graph\tigraph_seeds\tigraph_nmi_mean\tigraph_nmi_min\tigraph_modularity_mean\tplanted_modularity\n")
        for mu in ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6"):
            stem = f"lfr_n1000_mu{mu}"
            h, planted = read_lfr(stem, 1000)
            nmis = []
            qs = []
            for seed in range(10):
                random.seed(seed)
                c = h.community_multilevel()
                nmis.append(ig.compare_communities(c.membership, planted, method="nmi"))
                qs.append(h.modularity(c.membership))
            f.write(f"{stem}\t10\t{fmt(statistics.mean(nmis))}\t{fmt(min(nmis))}\t{fmt(statistics.mean(qs))}"
                    f"\t{fmt(h.modularity(planted))}\n")


def time_lfr_100k():
    path = os.path.join(DATA, "perf", "lfr_n100000_mu0.3.edges.tsv.gz")
    t0 = time.perf_counter()
    with gzip.open(path, "rt") as f:
        edges = [(int(p[0]), int(p[1])) for p in (line.split() for line in f) if len(p) >= 2]
    h = ig.Graph(n=100000, edges=edges)
    h.simplify()
    t1 = time.perf_counter()
    times = []
    for seed in range(3):
        random.seed(seed)
        s = time.perf_counter()
        c = h.community_multilevel()
        times.append(time.perf_counter() - s)
        print(f"igraph community_multilevel LFR100k seed {seed}: {times[-1]:.3f} s, "
              f"Q={h.modularity(c.membership):.6f}, {len(c)} communities")
    print(f"igraph load {t1 - t0:.2f} s; multilevel min {min(times):.3f} s")


def main():
    if "--time" in sys.argv:
        time_lfr_100k()
        return
    os.makedirs(OUT, exist_ok=True)
    components_rows()
    modularity_rows()
    nmi_rows()
    louvain_rows()
    lfr_rows()


if __name__ == "__main__":
    main()
