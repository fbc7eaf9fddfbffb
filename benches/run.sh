#!/usr/bin/env bash
# Throughput and memory of ecomgen, as README.md reports them.
#
#   benches/run.sh [SCALE] [SERIES...]
#
# Part 1 writes the full dataset (all entities) at --scale SCALE (default 200:
# 1M orders, 200k users, 400k products) in every format, with 1 and 2 threads, and
# prints rows/s, MB/s and peak RSS. Part 2 streams orders alone to a pipe for each
# order count of SERIES (default 1000000 10000000 100000000) to show that time grows
# linearly and memory stays flat. Needs GNU time (/usr/bin/time).
#
# With TPCHGEN set to a tpchgen-cli binary (`cargo install tpchgen-cli`), part 0 runs
# that TPC-H generator's CSV output at scale factor 1 with 1 and 2 threads first, so
# the two are compared on the same machine in the same minutes: shared virtual
# machines differ from one day to the next by a factor of two.
#
# BENCH_DIR chooses where files are written (default: a temporary directory under
# /tmp; /dev/shm takes the disk out of the measurement), FORMATS which formats part 1
# runs (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-200}
shift || true
series=("${@:-1000000 10000000 100000000}")
series=(${series[@]})

cargo build --release --quiet
bin=target/release/ecomgen
work=$(mktemp -d -p "${BENCH_DIR:-/tmp}")
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
if [ -n "${TPCHGEN:-}" ]; then
  echo
  echo "reference: tpchgen-cli csv -s 1 (TPC-H, all tables)"
  printf '%-7s %7s %10s %9s %10s\n' tool threads seconds MB/s peak_MiB
  for threads in 1 2; do
    out="$work/tpch-$threads"
    /usr/bin/time -f '%e %M' -o "$work/time" \
      "$TPCHGEN" csv -s 1 --num-threads "$threads" --output-dir "$out" >/dev/null 2>&1
    read -r seconds peak_kib < "$work/time"
    bytes=$(du -sb "$out" | cut -f1)
    awk -v t="$threads" -v s="$seconds" -v b="$bytes" -v m="$peak_kib" \
      'BEGIN {printf "%-7s %7d %10.2f %9.1f %10.1f\n", "tpchgen", t, s, b / s / 1e6, m / 1024}'
    rm -rf "$out"
  done
fi

echo
echo "full dataset, --scale $scale"
printf '%-7s %7s %12s %10s %12s %9s %10s\n' format threads rows seconds rows/s MB/s peak_MiB
for format in ${FORMATS:-csv jsonl json xml parquet sqlite}; do
  for threads in 1 2; do
    out="$work/$format-$threads"
    /usr/bin/time -f '%e %M' -o "$work/time" \
      "$bin" generate --quiet --seed 1 --scale "$scale" --format "$format" --threads "$threads" --out "$out"
    read -r seconds peak_kib < "$work/time"
    rows=$(grep -o '"rows": [0-9]*' "$out/manifest.json" | awk '{s += $2} END {print s}')
    bytes=$(grep -o '"bytes": [0-9]*' "$out/manifest.json" | awk '{s += $2} END {print s}')
    awk -v f="$format" -v t="$threads" -v r="$rows" -v s="$seconds" -v b="$bytes" -v m="$peak_kib" \
      'BEGIN {printf "%-7s %7d %12d %10.2f %12.0f %9.1f %10.1f\n", f, t, r, s, r / s, b / s / 1e6, m / 1024}'
    rm -rf "$out"
  done
done

echo
echo "orders alone as JSON Lines to a pipe, all cores"
printf '%12s %10s %12s %9s %10s\n' orders seconds rows/s MB/s peak_MiB
for orders in "${series[@]}"; do
  /usr/bin/time -f '%e %M' -o "$work/time" \
    "$bin" generate --quiet --seed 1 --count "orders=$orders" --entities orders --format jsonl --stdout \
    | wc -c > "$work/bytes"
  read -r seconds peak_kib < "$work/time"
  bytes=$(cat "$work/bytes")
  awk -v o="$orders" -v s="$seconds" -v b="$bytes" -v m="$peak_kib" \
    'BEGIN {printf "%12d %10.2f %12.0f %9.1f %10.1f\n", o, s, o / s, b / s / 1e6, m / 1024}'
done
