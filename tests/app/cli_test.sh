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

echo "$fails failure(s)"
[[ $fails -eq 0 ]]
