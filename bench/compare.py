#!/usr/bin/python3
"""casegraph against python3-igraph on the same files, in one run.

    /usr/bin/python3 bench/compare.py [--casegraph build/release/casegraph]
        [--cache ~/.cache/casegraph-bench] [--big-dir /tmp/casegraph-big]
        [--only pagerank-slashdot,leiden-lfr100k,...] [--skip-big] [--repeat 3]

For each task it runs `casegraph measure` and then igraph (each in its own
process under /usr/bin/time -v, for the peak memory), --repeat times,
alternating the two, and prints one table with the medians: the algorithm's
own time on each side (compute: the graph already in memory, as each tool
holds it: casegraph's CSR with its in-arcs, igraph's Graph; igraph's own
conversions, e.g. to PRPACK's graph, are inside its call and so inside its
time), the ratio casegraph / igraph, the end-to-end time (reading the edge
list plus compute, both sides; casegraph's reader also builds the CSR), the
accuracy (modularity of both partitions, computed by igraph on the same graph;
for values the largest absolute and the L1 difference between the two
vectors), both peak RSS figures, the bytes per undirected edge of casegraph's
analysis graph (CsrGraph::memory_bytes, printed by `casegraph measure`) and
the 1-minute load average read before the task.

Graphs: the shared real files (../shared/data), decompressed and with comment
lines stripped into the cache so that both tools read the very same plain
edge list; and two generated graphs, deterministically (Python's
random.Random with a fixed seed); the small one is kept in the cache, the big
one is written under --big-dir and deleted when the run ends:
- random_20k_100k: 20,000 vertices, 100,000 distinct edges drawn uniformly;
- sbm_1m_10m: 1,000,000 vertices in 10,000 planted groups of 100, 10,000,000
  edge draws, 70% inside a group (mixing 0.3, like the LFR files): the
  Leiden/Louvain graph, and, read as directed, the 10M-edge PageRank graph.

Settings compared: PageRank d = 0.85 at equal or better accuracy: igraph
calls PRPACK with tol 1e-10, whose test (residual over 1 - d, per strongly
connected component) is stricter than casegraph's L1 change per sweep:
against a long-double solve igraph's L1 error is 1.2e-12 on soc-Slashdot and
4.9e-13 on the 1M/10M graph, casegraph's 3.1e-11 / 2.6e-11 at 1e-10 and
3.1e-13 / 2.3e-13 at 1e-12, so casegraph gets --tolerance 1e-12; the table
gives the L1 difference of the two results. Exact betweenness, raw pair
counts, undirected; Leiden for modularity (both at igraph's community_leiden
defaults: n_iterations=2, beta=0.01); Louvain (community_multilevel). igraph
runs on one thread (it has no parallel kernels for these); casegraph uses all
cores unless --threads, with OMP_WAIT_POLICY=passive unless --wait-policy says
otherwise (threads sleep at a barrier instead of spinning; on a quiet machine
it costs little, on a shared one spinning made 2 threads 2-3x slower than 1).
"""
import argparse
import gzip
import os
import random
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")


# --------------------------------------------------------------------------
# Graph files

def plain_copy(src, cache, name):
    """src (gzip or not) without comment lines, whitespace-separated, in cache."""
    dst = os.path.join(cache, name)
    if os.path.exists(dst):
        return dst
    opener = gzip.open if src.endswith(".gz") else open
    tmp = dst + ".tmp"
    with opener(src, "rt", newline="") as f, open(tmp, "w") as out:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
                out.write("%s %s\n" % (parts[0], parts[1]))
    os.replace(tmp, dst)
    return dst


def random_graph(cache, n=20000, m=100000, seed=20000):
    dst = os.path.join(cache, "random_20k_100k.txt")
    if os.path.exists(dst):
        return dst
    rng = random.Random(seed)
    seen = set()
    edges = []
    while len(edges) < m:
        u = int(rng.random() * n)
        v = int(rng.random() * n)
        if u == v:
            continue
        key = (min(u, v), max(u, v))
        if key in seen:
            continue
        seen.add(key)
        edges.append(key)
    tmp = dst + ".tmp"
    with open(tmp, "w") as out:
        out.writelines("%d %d\n" % e for e in edges)
    os.replace(tmp, dst)
    return dst


def planted_graph(cache, n=1000000, groups=10000, m=10000000, mixing=0.3, seed=1000000):
    dst = os.path.join(cache, "sbm_1m_10m.txt")
    if os.path.exists(dst):
        return dst
    rng = random.Random(seed)
    size = n // groups
    tmp = dst + ".tmp"
    with open(tmp, "w") as out:
        batch = []
        for _ in range(m):
            u = int(rng.random() * n)
            if rng.random() < mixing:
                v = int(rng.random() * n)
            else:
                v = (u // size) * size + int(rng.random() * size)
            if u == v:
                v = (u + 1) % n if rng.random() < mixing else (u // size) * size + (u % size + 1) % size
            batch.append("%d %d\n" % (u, v))
            if len(batch) == 100000:
                out.writelines(batch)
                batch.clear()
        out.writelines(batch)
    os.replace(tmp, dst)
    return dst


# --------------------------------------------------------------------------
# Measuring one side

def peak_rss_mib(time_stderr):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_stderr)
    return int(m.group(1)) / 1024.0 if m else float("nan")


def run_timed(cmd, env=None):
    """Run under /usr/bin/time -v; return (stdout, stderr, peak MiB)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise RuntimeError("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr[-2000:]))
    return p.stdout, p.stderr, peak_rss_mib(p.stderr)


def run_casegraph(args, task, graph, out_csv):
    cmd = [args.casegraph, "measure", graph, "--algorithm", task["algorithm"], "-o", out_csv,
           "--seed", "1"] + task.get("casegraph_args", [])
    if task.get("directed"):
        cmd.append("--directed")
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    env = dict(os.environ)
    if args.wait_policy:
        env["OMP_WAIT_POLICY"] = args.wait_policy
    _, err, peak = run_timed(cmd, env=env)
    m = re.search(r"read in ([0-9.]+) s, %s in ([0-9.]+) s" % re.escape(task["algorithm"]), err)
    if not m:
        raise RuntimeError("no timing in casegraph output:\n" + err)
    b = re.search(r"analysis graph ([0-9]+) bytes", err)
    return {"seconds": float(m.group(2)), "load": float(m.group(1)), "peak": peak,
            "bytes": int(b.group(1)) if b else None}


def igraph_worker(argv):
    """In a child process: load, run igraph's algorithm, write values, print time."""
    import igraph
    method, graph, directed, out_path, ours_csv = argv
    directed = directed == "1"
    t0 = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(graph, directed=directed)
    g.simplify()
    load = time.perf_counter() - t0
    random.seed(1)
    t = time.perf_counter()
    if method == "pagerank":
        values = g.pagerank(directed=directed, damping=0.85)  # PRPACK, tol 1e-10
    elif method == "betweenness":
        values = g.betweenness(directed=directed)
    elif method == "leiden":
        values = g.community_leiden(objective_function="modularity").membership
    elif method == "louvain":
        values = g.community_multilevel().membership
    else:
        raise SystemExit("unknown method " + method)
    seconds = time.perf_counter() - t
    result = {"seconds": seconds, "load": load, "m": g.ecount()}
    ours = read_values(ours_csv, g.vcount())
    if method in ("leiden", "louvain"):
        result["q_igraph"] = g.modularity(values)
        result["q_ours"] = g.modularity([int(x) for x in ours])
    else:
        diff = 0.0
        rel = 0.0
        l1 = 0.0
        for v, x in enumerate(values):
            d = abs(x - ours[v])
            diff = max(diff, d)
            l1 += d
            if x != 0:
                rel = max(rel, d / abs(x))
        result["max_abs_diff"] = diff
        result["max_rel_diff"] = rel
        result["l1_diff"] = l1
    print(repr(result))


def read_values(csv_path, n):
    """casegraph's vertex,value CSV onto igraph's integer ids (vertex name = id)."""
    values = [0.0] * n
    with open(csv_path) as f:
        next(f)
        for line in f:
            name, value = line.rstrip("\n").split(",")
            values[int(name)] = float(value)
    return values


def run_igraph(task, graph, ours_csv):
    cmd = [sys.executable, os.path.abspath(__file__), "--igraph-worker", task["igraph"], graph,
           "1" if task.get("directed") else "0", "-", ours_csv]
    out, _, peak = run_timed(cmd, env=dict(os.environ, OMP_NUM_THREADS="1"))
    result = eval(out.strip().splitlines()[-1])  # our own repr() of a dict of numbers
    result["peak"] = peak
    return result


def median(values):
    v = sorted(values)
    k = len(v)
    return v[k // 2] if k % 2 else (v[k // 2 - 1] + v[k // 2]) / 2


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


# --------------------------------------------------------------------------

def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--igraph-worker":
        igraph_worker(sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--casegraph", default=os.path.join(ROOT, "build", "release", "casegraph"))
    ap.add_argument("--cache", default=os.path.expanduser("~/.cache/casegraph-bench"))
    ap.add_argument("--only", default="", help="comma-separated task ids (see the table's first column)")
    ap.add_argument("--skip-big", action="store_true", help="leave out the 1M-vertex / 10M-edge graph")
    ap.add_argument("--big-dir", default="/tmp/casegraph-big",
                    help="where the 1M/10M graph is written (deleted at the end)")
    ap.add_argument("--keep-big", action="store_true", help="do not delete the big graph at the end")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each side per task; medians reported")
    ap.add_argument("--threads", type=int, default=0, help="casegraph threads (0 = all cores)")
    ap.add_argument("--wait-policy", default="passive",
                    help="OMP_WAIT_POLICY for casegraph ('' = libgomp's default, which spins at barriers: on a "
                         "machine whose cores are busy with other work a spinning thread holds a core the thread it "
                         "waits for needs)")
    ap.add_argument("--tolerance", default="1e-12",
                    help="casegraph PageRank --tolerance ('' = its default; 1e-12 is as accurate as igraph's PRPACK "
                         "call or more, see above)")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    big_files = []

    def big_graph():
        os.makedirs(args.big_dir, exist_ok=True)
        path = planted_graph(args.big_dir)
        if path not in big_files:
            big_files.append(path)
        return path

    files = {
        "soc-Slashdot": lambda: plain_copy(os.path.join(DATA, "perf", "soc_slashdot0902", "soc-Slashdot0902.txt.gz"),
                                           args.cache, "soc-Slashdot0902.txt"),
        "email-Eu-core": lambda: plain_copy(os.path.join(DATA, "perf", "email_eu_core", "email-Eu-core.txt"),
                                            args.cache, "email-Eu-core.txt"),
        "random 20k/100k": lambda: random_graph(args.cache),
        "LFR 100k": lambda: plain_copy(os.path.join(DATA, "perf", "lfr_n100000_mu0.3.edges.tsv.gz"),
                                       args.cache, "lfr_n100000_mu0.3.txt"),
        "SBM 1M/10M": big_graph,
    }
    same_tolerance = ["--tolerance", args.tolerance] if args.tolerance else []
    tasks = [
        {"id": "pagerank-slashdot", "graph": "soc-Slashdot", "algorithm": "pagerank", "igraph": "pagerank",
         "directed": True, "target": 0.1, "casegraph_args": same_tolerance},
        {"id": "pagerank-10m", "graph": "SBM 1M/10M", "algorithm": "pagerank", "igraph": "pagerank",
         "directed": True, "target": 0.1, "big": True, "casegraph_args": same_tolerance},
        {"id": "betweenness-email", "graph": "email-Eu-core", "algorithm": "betweenness", "igraph": "betweenness",
         "target": 0.2},
        {"id": "betweenness-20k", "graph": "random 20k/100k", "algorithm": "betweenness", "igraph": "betweenness",
         "target": 0.2},
        {"id": "leiden-lfr100k", "graph": "LFR 100k", "algorithm": "leiden", "igraph": "leiden", "target": 0.2},
        {"id": "louvain-lfr100k", "graph": "LFR 100k", "algorithm": "louvain", "igraph": "louvain"},
        {"id": "leiden-10m", "graph": "SBM 1M/10M", "algorithm": "leiden", "igraph": "leiden", "target": 0.2,
         "big": True},
        {"id": "louvain-10m", "graph": "SBM 1M/10M", "algorithm": "louvain", "igraph": "louvain", "big": True},
    ]
    only = set(filter(None, args.only.split(",")))
    rows = []
    try:
        for task in tasks:
            if only and task["id"] not in only:
                continue
            if args.skip_big and task.get("big"):
                continue
            graph = files[task["graph"]]()
            ours_csv = os.path.join(args.cache, "out_%s.csv" % task["id"])
            loads, ours_runs, ig_runs = [], [], []
            for _ in range(max(1, args.repeat)):
                loads.append(load_average())
                ours_runs.append(run_casegraph(args, task, graph, ours_csv))
                ig_runs.append(run_igraph(task, graph, ours_csv))
                print("%s: casegraph %.3f s, igraph %.3f s, load %.1f" %
                      (task["id"], ours_runs[-1]["seconds"], ig_runs[-1]["seconds"], loads[-1]), file=sys.stderr)
            ours_s = median([r["seconds"] for r in ours_runs])
            ig_s = median([r["seconds"] for r in ig_runs])
            ours_e2e = median([r["seconds"] + r["load"] for r in ours_runs])
            ig_e2e = median([r["seconds"] + r["load"] for r in ig_runs])
            ratio = median([o["seconds"] / i["seconds"] for o, i in zip(ours_runs, ig_runs)])
            ig = ig_runs[-1]  # accuracy: the last run (deterministic on both sides for a seed)
            if "q_ours" in ig:
                accuracy = "Q %.4f vs %.4f" % (ig["q_ours"], ig["q_igraph"])
            else:
                accuracy = "max abs %.1e, L1 %.1e" % (ig["max_abs_diff"], ig["l1_diff"])
            graph_bytes = ours_runs[-1]["bytes"]
            per_edge = "%.1f" % (graph_bytes / ig["m"]) if graph_bytes else "?"
            target = task.get("target")
            verdict = "" if target is None else ("ok" if ratio <= target else "MISS (%.2f)" % target)
            rows.append((task["id"], "%.3f" % ours_s, "%.3f" % ig_s, "%.2f" % ratio, verdict,
                         "%.2f / %.2f" % (ours_e2e, ig_e2e), accuracy,
                         "%.0f / %.0f" % (median([r["peak"] for r in ours_runs]),
                                          median([r["peak"] for r in ig_runs])),
                         per_edge, "%.1f" % median(loads), str(len(ours_runs))))
    finally:
        if not args.keep_big:
            for path in big_files:
                os.remove(path)

    header = ("task", "casegraph s", "igraph s", "ratio (median)", "target", "end-to-end s (read + compute)",
              "accuracy (ours vs igraph)", "peak MiB (ours / igraph)", "graph B/edge", "load avg", "runs")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
