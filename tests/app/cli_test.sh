#!/usr/bin/env bash
# End-to-end checks of `veloxquant`: every assertion prints what it checked; the first failure
# stops the script with exit 1.
set -uo pipefail
VQ=$1
SAMPLES=$2
DATA=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
# Debian's interpreter has python3-numpy (installed by scripts/setup); a pyenv python3 on PATH may not.
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

check() {  # check NAME EXPECTED_RC CMD... ; output in $tmp/out
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>&1
  local rc=$?
  if [[ $rc -ne $want ]]; then
    echo "FAIL $name: exit $rc, expected $want"; sed 's/^/    /' "$tmp/out" | head -20; fails=$((fails + 1))
  else
    echo "ok   $name"
  fi
}
contains() {  # contains NAME TEXT
  if grep -qF -- "$2" "$tmp/out"; then echo "ok   $1"; else
    echo "FAIL $1: output lacks '$2'"; sed 's/^/    /' "$tmp/out" | head -20; fails=$((fails + 1)); fi
}
pycheck() {  # pycheck NAME PYTHON_CODE [ARGS] (sys.argv[1] = $tmp, then ARGS)
  local name=$1 code=$2
  shift 2
  if "$PY" -c "$code" "$tmp" "$@" >"$tmp/py" 2>&1; then echo "ok   $name"; else
    echo "FAIL $name"; sed 's/^/    /' "$tmp/py"; fails=$((fails + 1)); fi
}

check "top-level help" 0 "$VQ" --help
contains "help lists info" "info"
check "unknown command" 2 "$VQ" frobnicate
check "unknown option" 2 "$VQ" info --nope "$SAMPLES/s01_story_kite.npz"
check "info help" 0 "$VQ" info --help
contains "info help text" "usage: veloxquant info"

check "info on the sample" 0 "$VQ" info "$SAMPLES/s01_story_kite.npz"
contains "model name" "TinyStories-656K"
contains "layer count" "layers     2"
contains "heads" "8 query / 4 KV"
contains "head_dim" "head_dim   16"
contains "tokens" "tokens     97"

check "info --json (npz)" 0 "$VQ" info --json "$SAMPLES/s01_story_kite.npz"
cp "$tmp/out" "$tmp/npz.json"
check "info --json (safetensors)" 0 "$VQ" info --json "$SAMPLES/s01_story_kite.safetensors"
cp "$tmp/out" "$tmp/st.json"
pycheck "json facts and npz == safetensors" '
import json, sys
a = json.load(open(sys.argv[1] + "/npz.json")); b = json.load(open(sys.argv[1] + "/st.json"))
assert a["layers"] == 2 and a["q_heads"] == 8 and a["kv_heads"] == 4 and a["head_dim"] == 16, a
assert a["max_tokens"] == 97 and a["has_queries"], a
for k in ("layers", "q_heads", "kv_heads", "head_dim", "max_tokens", "kv_bytes", "per_layer"):
    assert a[k] == b[k], (k, a[k], b[k])
'

check "missing file" 1 "$VQ" info "$tmp/nope.npz"
contains "error names the file" "nope.npz"
printf 'garbage' > "$tmp/bad.safetensors"
check "malformed file" 1 "$VQ" info "$tmp/bad.safetensors"
contains "malformed error names the file" "bad.safetensors"

check "synth tiny npz" 0 "$VQ" synth --preset tiny --quiet "$tmp/tiny.npz"
check "info reads synth" 0 "$VQ" info --json "$tmp/tiny.npz"
cp "$tmp/out" "$tmp/tiny.json"
pycheck "synth shapes and synthetic label" '
import json, sys
j = json.load(open(sys.argv[1] + "/tiny.json"))
assert j["synthetic"] is True and j["layers"] == 4 and j["q_heads"] == 8 and j["kv_heads"] == 4, j
assert j["head_dim"] == 64 and j["max_tokens"] == 256 and j["dtype"] == "f16", j
'
pycheck "numpy reads the synth npz" '
import sys, numpy as np
z = np.load(sys.argv[1] + "/tiny.npz")
k = z["layer_3.k"]; q = z["layer_0.q"]
assert k.shape == (4, 256, 64) and k.dtype == np.float16, (k.shape, k.dtype)
assert q.shape == (8, 256, 64)
assert np.isfinite(k.astype(np.float32)).all()
'
check "synth custom safetensors" 0 "$VQ" synth --preset tiny --layers 2 --heads 4 --kv-heads 2 --head-dim 32 \
  --tokens 50 --dtype bf16 --quiet "$tmp/c.safetensors"
check "info custom" 0 "$VQ" info "$tmp/c.safetensors"
contains "custom heads" "4 query / 2 KV"
contains "custom bf16" "bf16"
check "synth rejects bad GQA" 1 "$VQ" synth --heads 7 --kv-heads 4 "$tmp/x.npz"
contains "GQA error names the option" "--heads"
check "synth rejects unknown preset" 2 "$VQ" synth --preset huge "$tmp/x.npz"
[[ ! -e "$tmp/x.npz" ]] && echo "ok   no output after a failed synth" || { echo "FAIL partial output"; fails=$((fails+1)); }

check "methods" 0 "$VQ" methods --json
cp "$tmp/out" "$tmp/methods.json"
pycheck "methods list names" '
import json, sys
names = [m["name"] for m in json.load(open(sys.argv[1] + "/methods.json"))]
for want in ("fp16", "turboquant_mse", "q4_0", "kivi", "mlx_affine", "polar", "turbo3"):
    assert want in names, (want, names)
'

check "evaluate with CSVs" 0 "$VQ" evaluate "$SAMPLES/s01_story_kite.npz" --method turboquant_mse --bits 2,4 \
  --queries 0 --csv "$tmp/eval.csv" --groups-csv "$tmp/groups.csv" --quiet
contains "evaluate table" "turboquant_mse 4b"
pycheck "evaluate CSVs" '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/eval.csv")))
assert [r["bits"] for r in rows] == ["2", "4"], rows
assert float(rows[1]["k_rel_mse"]) < float(rows[0]["k_rel_mse"])
assert float(rows[1]["out_err_both"]) < float(rows[0]["out_err_both"])
assert abs(float(rows[0]["bpv_k"]) - 3.0) < 1e-9  # ceil(16*2/8)+2 = 6 bytes per 16 values
groups = list(csv.DictReader(open(sys.argv[1] + "/groups.csv")))
assert len(groups) == 2 * 2 * 4, len(groups)  # 2 configs x 2 layers x 4 KV heads
'
check "compare json, skipping what cannot run" 0 "$VQ" compare "$SAMPLES/s01_story_kite.npz" \
  --methods turboquant_mse,q4_0,turbo3 --bits 3 --json --quiet
cp "$tmp/out" "$tmp/compare.json"
pycheck "compare results" '
import json, sys
text = open(sys.argv[1] + "/compare.json").read()
j = json.loads(text[text.index("{"):])
names = [r["method"] for r in j["results"]]
assert names == ["turboquant_mse", "q4_0"], names
assert j["results"][1]["bpv"] == 4.5
'
check "compare rejects unknown method" 2 "$VQ" compare "$SAMPLES/s01_story_kite.npz" --methods nope --quiet
check "evaluate rejects bad protection" 1 "$VQ" evaluate "$SAMPLES/s01_story_kite.npz" --sink -3 --quiet
check "quantize" 0 "$VQ" quantize "$SAMPLES/s01_story_kite.npz" --method q4_0 "$tmp/q.safetensors" --quiet
pycheck "quantized tensors" '
import sys, json, struct, numpy as np
raw = open(sys.argv[1] + "/q.safetensors", "rb").read()
n = struct.unpack("<Q", raw[:8])[0]; hdr = json.loads(raw[8:8 + n]); data = raw[8 + n:]
def get(name):
    t = hdr[name]; a, b = t["data_offsets"]
    return np.frombuffer(data[a:b], dtype=np.float32).reshape(t["shape"])
ref = np.load(sys.argv[2] + "/s01_story_kite.npz")
assert np.array_equal(get("layer_1.q"), ref["layer_1.q"])
k, kr = get("layer_1.k"), ref["layer_1.k"]
err = ((k - kr) ** 2).sum() / (kr ** 2).sum()
assert 0 < err < 0.05, err
assert "q4_0" in hdr["__metadata__"]["quantized"]
' "$SAMPLES"
check "bench methods" 0 "$VQ" bench methods --methods turboquant_mse,q4_0 --bits 4 --dims 64 \
  --seconds 0.03 --vectors 64 --json
cp "$tmp/out" "$tmp/bench.json"
pycheck "bench methods json" '
import json, math, sys
j = json.load(open(sys.argv[1] + "/bench.json"))
assert j["machine"]["cpu"] and j["machine"]["hardware_threads"] >= 1, j["machine"]
got = {(r["method"], r["bits"], r["d"]) for r in j["results"]}
assert got == {("turboquant_mse", 4, 64), ("q4_0", 0, 64)}, got
for r in j["results"]:
    for k in ("encode_gb_per_s", "decode_gb_per_s", "round_trip_gb_per_s"):
        assert math.isfinite(r[k]) and r[k] > 0, (k, r)
'
check "bench methods table" 0 "$VQ" bench methods --methods q8_0 --dims 32 --seconds 0.03 --vectors 64
contains "bench table header" "round-trip GB/s"
contains "bench table machine" "hardware threads"
check "bench methods rejects a bad d" 2 "$VQ" bench methods --dims 0
check "bench unknown WHAT" 2 "$VQ" bench frobnicate
check "bench load needs a dump" 2 "$VQ" bench load
# --- calibration, allocation, verification, export -------------------------------------------
K="$SAMPLES/s01_story_kite.npz"
for c in calibrate allocate verify export tune; do
  check "$c help" 0 "$VQ" $c --help
  contains "$c help text" "usage: veloxquant $c"
done
check "calibrate the sample" 0 "$VQ" calibrate "$K" --quiet --out "$tmp/table.json" --csv "$tmp/table.csv"
contains "calibrate prints groups" "L1.H3.V"
pycheck "calibration table JSON" '
import json, sys, csv
t = json.load(open(sys.argv[1] + "/table.json"))
assert t["schema"] == "veloxquant.calibration" and t["version"] == 1, t["schema"]
assert len(t["groups"]) == 16 and len(t["menu"]) == 4, (len(t["groups"]), len(t["menu"]))
assert t["settings"]["metric"] == "attention" and t["dump"]["model"] == "TinyStories-656K"
assert [m["bpv"] for m in t["menu"]] == [2.0, 3.0, 4.0, 5.0]
rows = list(csv.DictReader(open(sys.argv[1] + "/table.csv")))
assert len(rows) == 64, len(rows)
'
check "layer-row menu per head is refused" 1 "$VQ" calibrate "$K" --quiet --menu q4_0,q8_0
contains "refusal says per layer" "per layer"
check "layer-row menu per layer" 0 "$VQ" calibrate "$K" --quiet --menu q4_0,q8_0,fp16 --granularity layer
check "calibrate bad probe" 2 "$VQ" calibrate "$K" --probe guess
check "keynorm probe" 0 "$VQ" calibrate "$K" --quiet --probe keynorm --granularity layer --kv joint
contains "keynorm note" "model curve"
check "allocate optimal" 0 "$VQ" allocate "$tmp/table.json" --target 2.0 --out "$tmp/a.vqalloc.json"
contains "allocate compares with uniform" "uniform at the same target"
pycheck "allocation file" '
import json, sys
a = json.load(open(sys.argv[1] + "/a.vqalloc.json"))
assert a["schema"] == "veloxquant.allocation" and a["version"] == 1
b = a["budget"]
assert b["unit"] == "bits" and b["achieved"] <= 2.0 and b["achieved_bpv"] <= 3.0, b
assert len(a["groups"]) == 16 and all(g["method"] == "turboquant_mse" for g in a["groups"])
assert sum(g["bits"] * g["values"] for g in a["groups"]) <= 2.0 * sum(g["values"] for g in a["groups"])
'
check "allocate infeasible" 1 "$VQ" allocate "$tmp/table.json" --target 0.5
contains "infeasible names the minimum" "minimum achievable average of 1 bits/value"
check "allocate from a dump, ratequant, pins" 0 "$VQ" allocate "$K" --quiet --target 2.5 --allocator ratequant --pin first:1
check "allocate bad allocator" 2 "$VQ" allocate "$tmp/table.json" --target 2 --allocator greedy
check "allocate without target" 2 "$VQ" allocate "$tmp/table.json"
check "verify" 0 "$VQ" verify "$K" "$tmp/a.vqalloc.json" --quiet --out "$tmp/av.vqalloc.json"
contains "verify compares" "optimal vs uniform, measured output error"
check "verify --json" 0 "$VQ" verify "$K" "$tmp/a.vqalloc.json" --quiet --json
cp "$tmp/out" "$tmp/verify.json"
pycheck "optimal beats uniform in measured output error" '
import json, sys
v = json.load(open(sys.argv[1] + "/verify.json"))
assert v["measured"]["output_error"] < v["uniform"]["measured"]["output_error"], v
a = json.load(open(sys.argv[1] + "/av.vqalloc.json"))
assert a["measured"]["output_error"] == v["measured"]["output_error"]
assert all(g["measured"] is not None for g in a["groups"])
'
check "verify on another recording of the model" 0 "$VQ" verify "$SAMPLES/s04_gen_sampled_512.npz" "$tmp/a.vqalloc.json" --quiet
contains "verify warns about token counts" "token counts differ"
check "verify on a dump of another shape" 1 "$VQ" verify "$tmp/tiny.npz" "$tmp/a.vqalloc.json" --quiet
contains "shape mismatch names the field" "dump.layers"
for f in vllm llamacpp kvtuner veloxquant-list veloxquant-dict hf mlx; do
  check "export $f" 0 "$VQ" export "$tmp/a.vqalloc.json" --format $f --out "$tmp/export.$f"
  contains "export $f lists approximations" "approximation:"
done
pycheck "exports parse" '
import json, sys
d = sys.argv[1]
assert json.load(open(d + "/export.vllm"))["kv_cache_dtype"] in ("fp8", "auto")
assert len(json.load(open(d + "/export.veloxquant-list"))) == 2
assert set(json.load(open(d + "/export.veloxquant-dict"))) == {"bit_width_inlier", "value_bits"}
assert json.load(open(d + "/export.hf"))["cache_config"]["nbits"] == 2
assert set(json.load(open(d + "/export.kvtuner"))) == {"0", "1"}
assert open(d + "/export.llamacpp").read().startswith("--cache-type-k ")
assert open(d + "/export.mlx").read().startswith("--kv-bits 2 ")
'
check "export unknown format" 2 "$VQ" export "$tmp/a.vqalloc.json" --format onnx
check "export missing file" 1 "$VQ" export "$tmp/none.vqalloc.json" --format vllm
printf '{"schema": "veloxquant.allocation", "version": 1}' > "$tmp/bad.vqalloc.json"
check "export malformed file" 1 "$VQ" export "$tmp/bad.vqalloc.json" --format vllm
contains "malformed file names the field" "dump: missing"
check "tune" 0 "$VQ" tune "$K" --target 2.0 --quiet --out "$tmp/tune"
contains "tune compares three allocators" "ratequant"
pycheck "tune files" '
import json, sys, csv, os
d = sys.argv[1] + "/tune"
for f in ("table.json", "alloc.vqalloc.json", "ratequant.vqalloc.json", "uniform.vqalloc.json", "calibration.csv", "allocation.csv", "summary.csv"):
    assert os.path.exists(d + "/" + f), f
rows = {r["allocation"]: r for r in csv.DictReader(open(d + "/summary.csv"))}
assert float(rows["optimal"]["measured_output_error"]) < float(rows["uniform"]["measured_output_error"]), rows
assert float(rows["optimal"]["achieved"]) <= 2.0 and float(rows["optimal"]["predicted"]) <= float(rows["ratequant"]["predicted"])
'
# Backends: --backend cpu, a bad kind, and (when the machine has any Vulkan device) the first
# CPU-type one forced with --device, whose results must match the CPU's.
S=$SAMPLES/s01_story_kite.npz
"$VQ" evaluate "$S" --bits 2 --backend cpu --json --quiet >"$tmp/cpu.json" 2>"$tmp/err"
rc=$?; if [[ $rc -eq 0 ]]; then echo "ok   evaluate --backend cpu"; else echo "FAIL evaluate --backend cpu: exit $rc"; fails=$((fails + 1)); fi
check "evaluate rejects a bad backend" 2 "$VQ" evaluate "$S" --backend gpu
contains "bad backend message" "--backend must be auto, cpu or vulkan"
"$VQ" devices --json >"$tmp/devices.json" 2>/dev/null
dev=$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); c=[x["index"] for x in d["devices"] if x["type"]=="cpu"] or [x["index"] for x in d["devices"]]; print(c[0] if c else "")' "$tmp/devices.json" 2>/dev/null)
if [[ -n "$dev" ]]; then
  check "compare on the forced Vulkan device" 0 "$VQ" compare "$S" --methods turboquant_mse,q4_0,kivi --bits 2 \
    --backend vulkan --device "$dev"
  contains "compare names the Vulkan backend" "Vulkan: "
  "$VQ" evaluate "$S" --bits 2 --backend vulkan --device "$dev" --json --quiet >"$tmp/vk.json" 2>/dev/null
  pycheck "Vulkan results match the CPU" '
import json, sys
a = json.load(open(sys.argv[1] + "/cpu.json")); b = json.load(open(sys.argv[1] + "/vk.json"))
assert a["backend"].startswith("CPU") and b["backend"].startswith("Vulkan"), (a["backend"], b["backend"])
ra, rb = a["results"][0], b["results"][0]
def walk(x, y, path):
    if isinstance(x, dict):
        for k in x:
            if k != "seconds": walk(x[k], y[k], path + "." + k)
    elif isinstance(x, (int, float)) and not isinstance(x, bool) and x == x:
        assert abs(x - y) <= 2e-3 * abs(x) + 1e-6, (path, x, y)
walk(ra, rb, "")
'
  # Simulated faults (VQ_VULKAN_FAULT): start-up failure and a device lost at its first submit
  # give exactly the CPU's tune results, with the reason on stderr; a loss mid-run finishes on the
  # CPU, says so, and lands within the kernels' tolerance.
  "$VQ" tune "$S" --target 2.0 --backend cpu --json --quiet >"$tmp/tune_cpu.json" 2>/dev/null
  VQ_VULKAN_FAULT=startup "$VQ" tune "$S" --target 2.0 --backend vulkan --device "$dev" --json \
    >"$tmp/tune_startup.json" 2>"$tmp/out"
  contains "startup fault: the reason is on stderr" "using the CPU backend: simulated Vulkan start-up failure"
  VQ_VULKAN_FAULT=lost-after:0 "$VQ" tune "$S" --target 2.0 --backend vulkan --device "$dev" --json --quiet \
    >"$tmp/tune_lost0.json" 2>"$tmp/out"
  contains "lost device: the reason is on stderr" "Vulkan device lost"
  VQ_VULKAN_FAULT=lost-after:6 "$VQ" tune "$S" --target 2.0 --backend vulkan --device "$dev" --json --quiet \
    >"$tmp/tune_lost6.json" 2>"$tmp/out"
  contains "lost mid-run: the reason is on stderr" "simulated device loss after 6 submits"
  pycheck "faults: the CPU takes over with the CPU's results" '
import json, sys
d = sys.argv[1]
def load(name):
    j = json.load(open(d + "/" + name))
    for k in ("optimal", "ratequant", "uniform"):
        j[k]["measured"].pop("seconds", None)
    return j
cpu = load("tune_cpu.json")
for name, exact in (("tune_startup.json", True), ("tune_lost0.json", True), ("tune_lost6.json", False)):
    j = load(name)
    assert j["backend"].startswith("CPU") or "device lost: running on the CPU; simulated" in j["backend"], (name, j["backend"])
    if name == "tune_startup.json":
        assert "simulated Vulkan start-up failure" in j["backend_note"], j["backend_note"]
    for k in ("optimal", "ratequant", "uniform"):
        assert [g["choice"] for g in j[k]["groups"]] == [g["choice"] for g in cpu[k]["groups"]], (name, k)
        if exact:
            assert j[k] == cpu[k], (name, k)
        else:
            a, b = cpu[k]["measured"]["output_error"], j[k]["measured"]["output_error"]
            assert abs(a - b) <= 2e-3 * a, (name, k, a, b)
'
  check "a malformed VQ_VULKAN_FAULT is an error" 1 env VQ_VULKAN_FAULT=sometimes "$VQ" tune "$S" --backend vulkan
  contains "malformed fault names the variable" "VQ_VULKAN_FAULT must be"
else
  echo "ok   (no Vulkan device: Vulkan CLI checks skipped)"
fi

# Ctrl+C (SIGINT): exit 130, no output file and no temporary left behind.
wait_for_handler() {  # the process has installed its SIGINT handler (SigCgt bit 2)
  local i
  for i in $(seq 200); do
    local cgt
    cgt=$(awk '/^SigCgt:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
    [[ -n $cgt ]] && (( 0x$cgt & 2 )) && return 0
    sleep 0.05
  done
  return 1
}
no_output() {  # no_output NAME DIR FILE: FILE absent and no *.tmp-* in DIR
  if [[ ! -e $3 ]] && ! ls "$2" | grep -q '\.tmp-'; then echo "ok   $1"; else
    echo "FAIL $1: left $(ls "$2" | tr '\n' ' ')"; fails=$((fails + 1)); fi
}
# export reads its input from a FIFO, so the signal deterministically lands while it runs.
mkdir -p "$tmp/int"
mkfifo "$tmp/int/in.vqalloc.json"
"$VQ" export "$tmp/int/in.vqalloc.json" --format vllm --out "$tmp/int/out.json" >"$tmp/out" 2>&1 &
pid=$!
wait_for_handler $pid
kill -INT $pid
cat "$tmp/a.vqalloc.json" >"$tmp/int/in.vqalloc.json"
wait $pid; rc=$?
if [[ $rc -eq 130 ]]; then echo "ok   export interrupted by SIGINT exits 130"; else
  echo "FAIL export interrupted by SIGINT: exit $rc"; fails=$((fails + 1)); fi
rm -f "$tmp/int/in.vqalloc.json"
no_output "interrupted export leaves no output" "$tmp/int" "$tmp/int/out.json"
# calibrate: stopped (SIGSTOP) after its first layer, interrupted, continued.
"$VQ" synth --preset tiny --layers 128 --quiet "$tmp/int/many.npz" >/dev/null 2>&1
"$VQ" calibrate "$tmp/int/many.npz" --out "$tmp/int/table.json" --csv "$tmp/int/table.csv" >/dev/null 2>"$tmp/int/err" &
pid=$!
for i in $(seq 400); do grep -q "calibrated layer" "$tmp/int/err" 2>/dev/null && break; sleep 0.02; done
kill -STOP $pid; kill -INT $pid; kill -CONT $pid
wait $pid; rc=$?
if [[ $rc -eq 130 ]]; then echo "ok   calibrate interrupted by SIGINT exits 130"; else
  echo "FAIL calibrate interrupted by SIGINT: exit $rc"; sed 's/^/    /' "$tmp/int/err" | tail -5; fails=$((fails + 1)); fi
no_output "interrupted calibrate leaves no table" "$tmp/int" "$tmp/int/table.json"
no_output "interrupted calibrate leaves no CSV" "$tmp/int" "$tmp/int/table.csv"

echo "$fails failure(s)"
[[ $fails -eq 0 ]]
