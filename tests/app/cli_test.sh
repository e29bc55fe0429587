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
pycheck() {  # pycheck NAME PYTHON_CODE (reads JSON/npz; sys.argv[1] = $tmp)
  if "$PY" -c "$2" "$tmp" >"$tmp/py" 2>&1; then echo "ok   $1"; else
    echo "FAIL $1"; sed 's/^/    /' "$tmp/py"; fails=$((fails + 1)); fi
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
else
  echo "ok   (no Vulkan device: Vulkan CLI checks skipped)"
fi

echo "$fails failure(s)"
[[ $fails -eq 0 ]]
