#!/usr/bin/env bash
# Throughput and memory of ecomgen in every format, side by side with tpchgen-cli (the
# Rust TPC-H generator) run in the same minutes: shared virtual machines differ from
# one hour to the next by a factor of two, so only ratios measured together compare.
#
#   benches/run.sh [--quick] [--runs N] [--scale S] [--formats "csv json ..."]
#                  [--series "ORDERS ..."|none] [--no-tpchgen]
#
# Prints markdown tables to paste into README.md:
# - the full dataset (every entity) in each format at --scale S: rows/s, MB/s, MB/s
#   per CSV-equivalent byte (the CSV size of the same data over this format's time:
#   Parquet and SQLite bytes are compressed or indexed), peak RSS, time against CSV's,
#   with 1 and 2 threads for CSV and 1 thread for the others, and CSV on one thread held
#   to one core (taskset -c 0) for scaling, which shows whether one thread keeps more
#   than one core busy (`--threads 1` should not);
# - tpchgen-cli -s 1 as CSV (1 and 2 threads) and Parquet (1 thread), and the ratios
#   of ecomgen's MB/s to its;
# - orders alone streamed as JSON Lines to a pipe, for each order count of --series:
#   time grows linearly, memory stays flat.
#
# S defaults to the scale whose CSV is about the size of tpchgen-cli's at -s 1 (1.1 GB),
# found by generating a small dataset first. --quick does a tenth of that (tpchgen-cli
# -s 0.1) and shorter series. Each run is repeated --runs times (default 3, 1 with
# --quick), all configurations in turn each round, and the fastest run is kept for
# the tables. Every ratio is also taken round by round (ecomgen's run against
# tpchgen-cli's of the same round) and the median of those is printed beside the
# ratio of the fastest runs: a lucky or a slow minute moves one round, not the median.
#
# Files go to /dev/shm where it exists, so the disk does not blur the difference
# (BENCH_DIR chooses another place). Needs GNU time (/usr/bin/time) and a release
# build (made here). tpchgen-cli is TPCHGEN, or on PATH, or installed with
# `cargo install tpchgen-cli --locked`; when that fails, the ratios are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0 runs='' scale='' formats='csv jsonl json xml sql parquet sqlite' series='' tpch=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --scale) scale=$2; shift ;;
    --formats) formats=$2; shift ;;
    --series) series=$2; shift ;;
    --no-tpchgen) tpch=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "benches/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  sf=0.1 target=100000000 runs=${runs:-1} series=${series:-100000 1000000}
else
  sf=1 target=1000000000 runs=${runs:-3} series=${series:-1000000 10000000 100000000}
fi
[ "$series" = none ] && series=''
case "$runs" in '' | *[!0-9]* | 0) echo "benches/run.sh: --runs takes a count" >&2; exit 2 ;; esac
[ -x /usr/bin/time ] || { echo "benches/run.sh: needs GNU time at /usr/bin/time" >&2; exit 1; }

cargo build --release --quiet
bin=target/release/ecomgen
base=${BENCH_DIR:-$([ -d /dev/shm ] && echo /dev/shm || echo /tmp)}
work=$(mktemp -d -p "$base" ecomgen-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

tpchgen=''
if [ "$tpch" = 1 ]; then
  tpchgen=${TPCHGEN:-$(command -v tpchgen-cli || true)}
  [ -z "$tpchgen" ] && [ -x "$HOME/.cargo/bin/tpchgen-cli" ] && tpchgen=$HOME/.cargo/bin/tpchgen-cli
  if [ -z "$tpchgen" ]; then
    echo "installing tpchgen-cli (cargo install tpchgen-cli --locked) ..." >&2
    if cargo install tpchgen-cli --locked --quiet >&2; then
      tpchgen=$HOME/.cargo/bin/tpchgen-cli
    else
      echo "tpchgen-cli could not be installed: no ratios" >&2
    fi
  fi
fi

# measure NAME COMMAND...: runs COMMAND, writing into $work/out, and keeps in
# best[NAME] "seconds peak_KiB bytes rows" of its fastest run so far, and in
# rounds[NAME] the seconds of every run, one per round. The output is removed after
# each run: a run never reads the page cache of the previous one.
declare -A best rounds
measure() {
  local name=$1; shift
  rm -rf "$work/out"
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v -o "$work/time" "$@" >/dev/null
  end=$(date +%s%N)
  local seconds peak bytes rows
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  if [ -f "$work/out/manifest.json" ]; then
    bytes=$(grep -o '"bytes": [0-9]*' "$work/out/manifest.json" | awk '{s += $2} END {print s}')
    rows=$(grep -o '"rows": [0-9]*' "$work/out/manifest.json" | awk '{s += $2} END {print s}')
  else
    bytes=$(du -sb "$work/out" | cut -f1)
    # tpchgen-cli's CSV files open with a header line each.
    rows=$(find "$work/out" -name '*.csv' -exec cat {} + | wc -l)
    rows=$((rows - $(find "$work/out" -name '*.csv' | wc -l)))
  fi
  rm -rf "$work/out"
  rounds[$name]="${rounds[$name]:-} $seconds"
  if [ -z "${best[$name]:-}" ] || awk -v s="$seconds" -v b="${best[$name]%% *}" 'BEGIN {exit !(s < b)}'; then
    best[$name]="$seconds $peak $bytes $rows"
  fi
}
# run_ecomgen|run_tpchgen NAME FORMAT THREADS [LAUNCHER...]: LAUNCHER (taskset -c 0)
# goes before the command.
run_ecomgen() {
  local name=$1 format=$2 threads=$3; shift 3
  measure "$name" "$@" "$bin" generate --quiet --seed 1 --scale "$scale" --format "$format" --threads "$threads" --out "$work/out"
}
run_tpchgen() {
  local name=$1 format=$2 threads=$3; shift 3
  measure "$name" "$@" "$tpchgen" "$format" -s "$sf" --num-threads "$threads" --output-dir "$work/out"
}
# One thread already keeps more than one core busy (files are written and hashed
# beside it), so scaling is also measured from a whole run held to one core.
pinned=''
command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null && pinned=1
field() { local v=(${best[$1]}); echo "${v[$2]}"; }
# median_ratio A B: the median over rounds of B's seconds over A's in the same round
# (how many times as fast A ran), for two names measured in every round.
median_ratio() {
  awk -v a="${rounds[$1]:-}" -v b="${rounds[$2]:-}" 'BEGIN {
    n = split(a, x, " "); if (split(b, y, " ") != n || n == 0) exit
    for (i = 1; i <= n; i++) r[i] = y[i] / x[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
    m = n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
    printf "%.4f", m }'
}
# awk's printf groups no thousands here (mawk): 9,832,839 as README writes it.
group='function group(n,  s, t) { s = sprintf("%.0f", n); while (length(s) > 3) { t = "," substr(s, length(s) - 2) t; s = substr(s, 1, length(s) - 3) } return s t }'

if [ -n "$tpchgen" ]; then
  run_tpchgen tpch-csv-1 csv 1
  target=$(field tpch-csv-1 2)
fi
if [ -z "$scale" ]; then
  # CSV bytes grow about linearly with the scale past the small fixed tables.
  "$bin" generate --quiet --seed 1 --scale 2 --out "$work/calibrate"
  bytes=$(grep -o '"bytes": [0-9]*' "$work/calibrate/manifest.json" | awk '{s += $2} END {print s}')
  rm -rf "$work/calibrate"
  scale=$(awk -v t="$target" -v b="$bytes" 'BEGIN {s = 2 * t / b; f = s >= 20 ? "%.0f" : "%.1f"; printf f, s}')
fi

for round in $(seq 1 "$runs"); do
  echo "round $round of $runs ..." >&2
  if [ -n "$tpchgen" ]; then
    [ "$round" -gt 1 ] && run_tpchgen tpch-csv-1 csv 1
    run_tpchgen tpch-csv-2 csv 2
    run_tpchgen tpch-parquet-1 parquet 1
    if [ -n "$pinned" ]; then
      run_tpchgen tpch-csv-core csv 1 taskset -c 0
    fi
  fi
  if [ -n "$pinned" ]; then
    run_ecomgen csv-core csv 1 taskset -c 0
  fi
  run_ecomgen csv-1 csv 1
  run_ecomgen csv-2 csv 2
  for format in $formats; do
    [ "$format" = csv ] || run_ecomgen "$format-1" "$format" 1
  done
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); files in $base; best of $runs; $(date -u +%F)"
echo
echo "Full dataset, every entity, \`--scale $scale\`:"
echo
echo "| format | threads | rows | MB | seconds | rows/s | MB/s | CSV-equivalent MB/s | peak RSS | time vs CSV | median of rounds |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
csv_bytes=$(field csv-1 2) csv_seconds=$(field csv-1 0)
row() {
  local name=$1 format=$2 threads=$3
  [ -n "${best[$name]:-}" ] || return 0
  awk -v f="$format" -v t="$threads" -v r="${best[$name]}" -v cb="$csv_bytes" -v cs="$csv_seconds" \
    -v med="$(median_ratio csv-1 "$name")" "$group"' BEGIN {
    split(r, v, " "); s = v[1]
    printf "| %s | %d | %s | %.0f | %.2f | %s | %.0f | %.0f | %.0f MiB | %.2fx | %.2fx |\n",
      f, t, group(v[4]), v[3] / 1e6, s, group(v[4] / s), v[3] / 1e6 / s, cb / 1e6 / s, v[2] / 1024, s / cs, med }'
}
row csv-1 csv 1
row csv-2 csv 2
for format in $formats; do
  [ "$format" = csv ] || row "$format-1" "$format" 1
done
echo
echo "(JSON, JSON Lines and XML nest order items in their orders, so they count fewer rows."
echo "CSV-equivalent MB/s is the CSV size of the same data over this format's time.)"

if [ -n "$tpchgen" ]; then
  tpch_bytes=$(field tpch-csv-1 2)
  echo
  echo "Against $("$tpchgen" --version 2>/dev/null | head -n 1 || echo tpchgen-cli) \`-s $sf\` (all TPC-H tables), same minutes:"
  echo
  echo "| | ecomgen | tpchgen-cli | ratio (fastest runs) | ratio (median of $runs rounds) |"
  echo "|---|---|---|---|---|"
  compare() {
    local label=$1 mine=$2 theirs=$3 unit=$4
    [ -n "${best[$mine]:-}" ] || return 0
    awk -v l="$label" -v m="${best[$mine]}" -v t="${best[$theirs]}" -v u="$unit" \
      -v cb="$csv_bytes" -v tb="$tpch_bytes" -v med="$(median_ratio "$mine" "$theirs")" 'BEGIN {
      split(m, a, " "); split(t, b, " ")
      if (u == "mem") { x = a[2] / 1024; y = b[2] / 1024; printf "| %s | %.0f MiB | %.0f MiB | %.2fx | |\n", l, x, y, x / y; exit }
      bm = u == "csv-eq" ? cb : a[3]; bt = u == "csv-eq" ? tb : b[3]
      x = bm / 1e6 / a[1]; y = bt / 1e6 / b[1]
      printf "| %s | %.0f MB/s | %.0f MB/s | %.2fx | %.2fx |\n", l, x, y, x / y, med * bm / bt }'
  }
  compare "CSV, 1 thread ($(field csv-1 2 | awk '{printf "%.0f", $1 / 1e6}') MB vs $(awk -v b="$tpch_bytes" 'BEGIN {printf "%.0f", b / 1e6}') MB)" csv-1 tpch-csv-1 bytes
  compare "CSV, 2 threads" csv-2 tpch-csv-2 bytes
  compare "Parquet, 1 thread (per CSV-equivalent byte)" parquet-1 tpch-parquet-1 csv-eq
  compare "peak RSS, CSV, 1 thread" csv-1 tpch-csv-1 mem
fi
echo
awk -v a="$(field csv-1 0)" -v b="$(field csv-2 0)" -v m="$(median_ratio csv-2 csv-1)" 'BEGIN {
  printf "CSV: 2 threads %.2fx as fast as 1 (median of rounds %.2fx).\n", a / b, m }'
if [ -n "$pinned" ]; then
  scaling() {
    [ -n "${best[$2]:-}" ] || return 0
    awk -v who="$1" -v a="$(field "$2" 0)" -v b="$(field "$3" 0)" -v c="$(field "$4" 0)" \
      -v m1="$(median_ratio "$4" "$3")" -v mc="$(median_ratio "$4" "$2")" 'BEGIN {
      printf "%s: 1 thread on 1 core (taskset -c 0) %.2f s, 1 thread %.2f s, 2 threads %.2f s: 2 threads %.2fx as fast as 1 core, %.2fx as fast as 1 thread (medians of rounds: %.2fx, %.2fx).\n", who, a, b, c, a / c, b / c, mc, m1 }'
  }
  scaling "CSV" csv-core csv-1 csv-2
  scaling "tpchgen-cli CSV" tpch-csv-core tpch-csv-1 tpch-csv-2
fi

if [ -n "$series" ]; then
  echo
  echo "Orders alone as JSON Lines to a pipe, all cores:"
  echo
  echo "| orders | seconds | rows/s | MB/s | peak RSS |"
  echo "|---|---|---|---|---|"
  for orders in $series; do
    start=$(date +%s%N)
    /usr/bin/time -v -o "$work/time" "$bin" generate --quiet --seed 1 --count "orders=$orders" \
      --entities orders --format jsonl --stdout | wc -c > "$work/bytes"
    end=$(date +%s%N)
    awk -v o="$orders" -v a="$start" -v e="$end" -v b="$(cat "$work/bytes")" \
      -v m="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")" "$group"' BEGIN {
      s = (e - a) / 1e9
      printf "| %s | %.2f | %s | %.0f | %.0f MiB |\n", group(o), s, group(o / s), b / 1e6 / s, m / 1024 }'
  done
fi
