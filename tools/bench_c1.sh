#!/usr/bin/env bash
# C1 of DESIGN §11, end to end: calibrate W1 (turboquant_mse 1-4 bits, attention output error of
# 256 sampled positions per head), the exact optimal allocation at 2.0 bits and its verify pass.
# Makes W1 with `veloxquant synth` when it is missing, then runs `tune` RUNS times per backend
# and prints each run's wall clock and phases (from tune's --json `timing`), then their median.
#
# Usage: tools/bench_c1.sh [--bin PATH] [--dump W1] [--runs N] [--backends "vulkan cpu"] [--out DIR]
set -euo pipefail
bin=build/app/veloxquant
dump=${TMPDIR:-/tmp}/w1.safetensors
runs=3
backends="vulkan cpu"
out=${TMPDIR:-/tmp}/c1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --dump) dump=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --backends) backends=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "bench_c1.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -x "$bin" ]] || { echo "bench_c1.sh: $bin is not an executable" >&2; exit 2; }
if [[ ! -f "$dump" ]]; then
  "$bin" synth --preset llama8b-4k "$dump" >/dev/null
fi
mkdir -p "$out"
for backend in $backends; do
  walls=()
  for ((i = 1; i <= runs; i++)); do
    dir="$out/$backend-$i"
    rm -rf "$dir"
    start=$EPOCHREALTIME
    "$bin" tune "$dump" --target 2.0 --queries 256 --optimal-only --backend "$backend" --out "$dir" --json \
      >"$dir.json" 2>"$dir.stderr"
    end=$EPOCHREALTIME
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
    walls+=("$wall")
    python3 - "$dir.json" "$backend" "$i" "$wall" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
t = j.get("timing", {})
parts = ", ".join(f"{k} {v:.3f}" for k, v in t.items() if isinstance(v, (int, float)))
print(f"C1 {sys.argv[2]} run {sys.argv[3]}: process {float(sys.argv[4]):.3f} s; {parts}")
EOF
  done
  printf 'C1 %s median process wall clock: %s s\n' "$backend" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
done
