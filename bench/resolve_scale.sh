#!/usr/bin/env bash
# Entity resolution at scale: N FEBRL-shaped person records (default 1M,
# about 20% duplicates with one to three errors each), imported with
# examples/er/febrl.toml, then `casegraph resolve` timed with GNU time
# (wall time, peak RSS) and scored (pairwise P/R/F1 from `casegraph entities`).
# resolve itself prints wall and processor seconds per phase (load and
# features, exact rules, blocking, u, EM, scoring, clustering, storing
# decisions, commit) and the candidate pairs per blocking key; on a shared
# machine the processor seconds say what a phase costs.
# Run once: the machine is shared. Usage: bench/resolve_scale.sh [N] [THREADS] [CASEGRAPH]
set -euo pipefail
N=${1:-1000000}
THREADS=${2:-2}
HERE=$(cd "$(dirname "$0")/.." && pwd)
CG=${3:-$HERE/build/release/casegraph}
WORK=$(mktemp -d /tmp/casegraph-resolve-scale.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "generating $N records..."
/usr/bin/python3 "$HERE/bench/resolve_scale_generate.py" "$N" 1 "$WORK/people.csv"
echo "importing..."
/usr/bin/time -f "import: %e s wall, peak RSS %M KB" "$CG" import "$WORK/case.db" --spec "$HERE/examples/er/febrl.toml" "$WORK/people.csv"
# The machine is shared: say how loaded it was beside the times.
echo "resolving with $THREADS threads... ($(uptime))"
/usr/bin/time -f "resolve: %e s wall, %U s user, peak RSS %M KB" "$CG" resolve "$WORK/case.db" --threads "$THREADS"
echo "after resolve: $(uptime)"
"$CG" entities "$WORK/case.db" -o "$WORK/entities.csv"
/usr/bin/python3 - "$WORK/entities.csv" "$N" <<'PY'
import collections, csv, sys
pred = collections.Counter(); truth = collections.Counter(); both = collections.Counter()
for r in csv.DictReader(open(sys.argv[1])):
    t = r["record_id"].split("-")[1]
    pred[r["entity_id"]] += 1; truth[t] += 1; both[(r["entity_id"], t)] += 1
c2 = lambda n: n * (n - 1) // 2
tp = sum(map(c2, both.values())); pp = sum(map(c2, pred.values())); tt = sum(map(c2, truth.values()))
p = tp / pp if pp else 0; rc = tp / tt if tt else 0
print(f"accuracy: pairwise P {p:.4f} R {rc:.4f} F1 {2*p*rc/(p+rc) if p+rc else 0:.4f} ({tt} true pairs)")
PY
