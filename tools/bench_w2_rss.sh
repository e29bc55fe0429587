#!/usr/bin/env bash
# Memory of `veloxquant calibrate` on the W2 workload (DESIGN.md: llama70b-32k, 80 layers, 64/8
# heads, d 128, 32768 tokens, f16; K+V 10.7 GB). Goal: peak anonymous RSS <= 2 GB, i.e. at most
# 2 GB beyond the pages of the memory-mapped dump, on a 24 GB machine.
#
# Usage: tools/bench_w2_rss.sh [options] [-- extra calibrate options]
#   --dump PATH     the dump (default: w2.safetensors); synthesized with
#                   `veloxquant synth --preset llama70b-32k` when it does not exist
#   --layers N      synthesize only the first N layers of W2's shape (same per-layer size; for a
#                   quick check: calibrate streams layer by layer, so its peak does not grow with
#                   the layer count). Only used when the dump is synthesized.
#   --bin PATH      the veloxquant executable (default: build/app/veloxquant)
#   --interval S    sampling interval of /proc/PID/status (default 0.2 s)
#   --nice N        niceness of synth and calibrate (default 19)
# Everything runs under `nice -n 19` unless --nice says otherwise. It samples VmRSS, RssAnon, RssFile of the calibrate process
# and reads VmHWM (the kernel's exact peak of total RSS) at the end; the peaks of RssAnon and
# RssFile are the largest sampled values. Prints one line per figure and exits non-zero when
# calibrate failed or the anonymous peak is above the goal.
set -euo pipefail

dump=w2.safetensors
layers=
bin=build/app/veloxquant
interval=0.2
niceness=19
goal_kb=$((2 * 1000 * 1000))  # 2 GB
while [ $# -gt 0 ]; do
  case "$1" in
    --dump) dump=$2; shift 2 ;;
    --layers) layers=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --nice) niceness=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench_w2_rss: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -x "$bin" ]; then echo "bench_w2_rss: $bin is not built" >&2; exit 2; fi
if [ ! -e "$dump" ]; then
  synth_args=(--preset llama70b-32k)
  [ -n "$layers" ] && synth_args+=(--layers "$layers")
  echo "synthesizing $dump (${synth_args[*]})" >&2
  start=$(date +%s)
  nice -n "$niceness" "$bin" synth "${synth_args[@]}" --quiet "$dump"
  echo "synth took $(( $(date +%s) - start )) s" >&2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s)
nice -n "$niceness" "$bin" calibrate "$dump" --quiet --out "$out/table.json" "$@" >"$out/stdout" 2>"$out/stderr" &
pid=$!  # nice execs calibrate: the same process

peak_anon=0 peak_file=0 peak_rss=0 hwm=0
field() { awk -v k="$1:" '$1 == k { print $2 }' "$2"; }
while kill -0 "$pid" 2>/dev/null; do
  if cp "/proc/$pid/status" "$out/status" 2>/dev/null; then
    a=$(field RssAnon "$out/status"); f=$(field RssFile "$out/status")
    r=$(field VmRSS "$out/status"); h=$(field VmHWM "$out/status")
    [ -n "$a" ] && [ "$a" -gt "$peak_anon" ] && peak_anon=$a
    [ -n "$f" ] && [ "$f" -gt "$peak_file" ] && peak_file=$f
    [ -n "$r" ] && [ "$r" -gt "$peak_rss" ] && peak_rss=$r
    [ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm=$h
  fi
  sleep "$interval"
done
rc=0
wait "$pid" || rc=$?
seconds=$(( $(date +%s) - start ))

mb() { echo "$(( $1 / 1000 )) MB"; }  # kB (as /proc reports, 1024 bytes) -> approximate MB
echo "dump:                 $dump ($(du -h --apparent-size "$dump" | cut -f1))"
echo "calibrate exit code:  $rc, wall clock ${seconds} s"
echo "peak total RSS:       $(mb "$hwm") (VmHWM)"
echo "peak anonymous RSS:   $(mb "$peak_anon") (RssAnon, sampled every ${interval} s)"
echo "peak file-backed RSS: $(mb "$peak_file") (RssFile: mapped dump pages, sampled)"
if [ "$rc" -ne 0 ]; then
  cat "$out/stderr" >&2
  exit "$rc"
fi
if [ "$peak_anon" -gt "$goal_kb" ]; then
  echo "FAIL: anonymous peak above the 2 GB goal" >&2
  exit 1
fi
echo "OK: anonymous peak within the 2 GB goal"
