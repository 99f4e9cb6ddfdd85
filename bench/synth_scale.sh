#!/usr/bin/env bash
# bench/synth_scale.sh: wall time and peak memory (maximum resident set size,
# from /usr/bin/time) of `casegraph synth` at 10k, 100k and 1M people, and of
# the whole pipeline (import in IMPORT_ORDER, resolve, analyse, evaluate) at
# 10k people, with the evaluation figures of that run. Prints Markdown tables.
#
#   bench/synth_scale.sh                       # build/release/casegraph, synth 10k 100k 1M, pipeline 10k
#   CASEGRAPH=build/me/casegraph SYNTH_SIZES="10000 100000" PIPELINE_SIZES="10000 100000" bench/synth_scale.sh
#
# Environment: CASEGRAPH (the binary), SYNTH_SIZES, PIPELINE_SIZES, SEED (1),
# WORK (scratch folder; default a fresh temporary one, removed at the end
# unless KEEP=1), THREADS (analyse --threads; 0 = all cores).
# The 1M synth writes about 4 GB; run it on a quiet machine, once.
# At 100k people the pipeline needs about 6.5 GB of memory (analyse's peak) and
# about 5 GB of disk under WORK (CSVs 0.5 GB, case file 4 GB); wall times on
# a busy machine follow the load, so note the load average beside them.
# Each pipeline step is one process under /usr/bin/time (wall s, peak RSS);
# analyse's own phase timings (graph, projection, centrality, ..., stability)
# follow its table. Example (the figures in the README):
#   SYNTH_SIZES="" PIPELINE_SIZES="10000 100000" THREADS=2 bench/synth_scale.sh
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
CASEGRAPH=${CASEGRAPH:-$here/build/release/casegraph}
SYNTH_SIZES=${SYNTH_SIZES-"10000 100000 1000000"}  # empty: no synth table
PIPELINE_SIZES=${PIPELINE_SIZES:-"10000"}
SEED=${SEED:-1}
THREADS=${THREADS:-0}
if [[ -z "${WORK:-}" ]]; then
  WORK=$(mktemp -d /tmp/casegraph-synth-scale.XXXXXX)
  [[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"
[[ -x "$CASEGRAPH" ]] || { echo "synth_scale.sh: $CASEGRAPH is not an executable; set CASEGRAPH" >&2; exit 2; }

# measure LABEL COMMAND...: runs the command under /usr/bin/time; sets
# SECONDS_TAKEN and PEAK_MB; the command's output goes to $WORK/LABEL.out/.err.
measure() {
  local label=$1
  shift
  if ! /usr/bin/time -f "%e %M" -o "$WORK/$label.time" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err"; then
    echo "synth_scale.sh: $label failed:" >&2
    tail -5 "$WORK/$label.err" >&2
    exit 1
  fi
  local kb
  read -r SECONDS_TAKEN kb <"$WORK/$label.time"
  PEAK_MB=$(awk -v kb="$kb" 'BEGIN { printf "%.0f", kb / 1024 }')
}

rows_of() { awk '/ rows / && !/truth_records/ { n += $2 } END { print n + 0 }' "$1"; }
bytes_of() { du -sb "$1" | awk '{ printf "%.0f", $1 / 1e6 }'; }

echo "casegraph synth, seed $SEED ($(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| people | rows (7 CSVs) | output MB | synth s | peak RSS MB |"
echo "|-------:|--------------:|----------:|--------:|------------:|"
for n in $SYNTH_SIZES; do
  dir=$WORK/synth-$n
  rm -rf "$dir"
  measure "synth-$n" "$CASEGRAPH" synth --people "$n" --seed "$SEED" -o "$dir"
  echo "| $n | $(rows_of "$WORK/synth-$n.out") | $(bytes_of "$dir") | $SECONDS_TAKEN | $PEAK_MB |"
  # Keep only what the pipeline needs.
  [[ " $PIPELINE_SIZES " == *" $n "* ]] || rm -rf "$dir"
done

for n in $PIPELINE_SIZES; do
  dir=$WORK/synth-$n
  if [[ ! -d "$dir" ]]; then
    measure "synth-$n" "$CASEGRAPH" synth --people "$n" --seed "$SEED" -o "$dir"
  fi
  case_file=$WORK/case-$n.db
  rm -f "$case_file" "$case_file-wal" "$case_file-shm"
  echo
  echo "Pipeline at $n people (seed $SEED):"
  echo
  echo "| step | s | peak RSS MB |"
  echo "|------|--:|------------:|"
  total=0
  import_s=0
  import_mb=0
  while read -r spec csv; do
    measure "import-$n-$(basename "$csv" .csv)" "$CASEGRAPH" import "$case_file" --spec "$dir/$spec" "$dir/$csv"
    import_s=$(awk -v a="$import_s" -v b="$SECONDS_TAKEN" 'BEGIN { print a + b }')
    ((PEAK_MB > import_mb)) && import_mb=$PEAK_MB
  done < <(sed -e 's/#.*//' "$dir/IMPORT_ORDER" | awk 'NF >= 2 { print $1, $2 }')
  echo "| import (7 files) | $import_s | $import_mb |"
  total=$import_s
  for step in resolve analyse evaluate; do
    case $step in
      resolve) measure "resolve-$n" "$CASEGRAPH" resolve "$case_file" ;;
      analyse) measure "analyse-$n" "$CASEGRAPH" analyse "$case_file" --seed 1 --threads "$THREADS" ;;
      evaluate) measure "evaluate-$n" "$CASEGRAPH" evaluate "$case_file" --truth "$dir/truth.json" --format json ;;
    esac
    echo "| $step | $SECONDS_TAKEN | $PEAK_MB |"
    total=$(awk -v a="$total" -v b="$SECONDS_TAKEN" 'BEGIN { print a + b }')
  done
  echo "| total | $total | |"
  echo
  echo "analyse phases (engine/triage/analysis.h PhaseReport; load and store are the rest):"
  echo
  echo "| phase | s |"
  echo "|-------|--:|"
  sed -n 's/^analyse: \(.*\) done in \([0-9.]*\) s$/| \1 | \2 |/p' "$WORK/analyse-$n.err"
  grep -h '^analyse: run' "$WORK/analyse-$n.out" | sed 's/^/    /' || true
  echo
  echo "Case file: $(bytes_of "$case_file") MB. Evaluation:"
  echo
  jq -r '
    "- resolution over person records: precision \(.resolution.records.precision*1000|round/1000), recall \(.resolution.records.recall*1000|round/1000), F1 \(.resolution.records.f1*1000|round/1000)",
    "- resolution over source identities: precision \(.resolution.source_identities.precision*1000|round/1000), recall \(.resolution.source_identities.recall*1000|round/1000), F1 \(.resolution.source_identities.f1*1000|round/1000)",
    "- best ranks: \([.networks[] | "\(.id) (\(.evidence)) \(.best_rank // "none")"] | join(", "))",
    "- precision@\(.top): \(.precision_at_k*100|round/100); victim-offender pair recall@\(.top): \(.pair_recall_at_k.recall*100|round/100) (\(.pair_recall_at_k.found)/\(.pair_recall_at_k.pairs))",
    "- strong networks in the top \(.top): \(.top as $k | [.networks[] | select(.evidence == "strong" and .best_rank != null and .best_rank <= $k)] | length) of \([.networks[] | select(.evidence == "strong")] | length); faint networks in the top 25: \([.networks[] | select(.evidence == "faint" and .best_rank != null and .best_rank <= 25)] | length) of \([.networks[] | select(.evidence == "faint")] | length)",
    "- prolific offenders in the top \(.top): \(.prolific_offenders_in_top_k.in_top_k) of \(.prolific_offenders_in_top_k.of); taxi drivers: \(.taxi_drivers_in_top_k.in_top_k) of \(.taxi_drivers_in_top_k.of)"
  ' "$WORK/evaluate-$n.out"
done
