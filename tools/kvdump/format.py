"""The VeloxQuant KV dump format, written from NumPy arrays (no PyTorch needed).

A dump holds, per layer L, `layer_L.q` [Hq, T, d], `layer_L.k` and `layer_L.v` [Hkv, T, d] and
optionally `layer_L.k_pre_rope` [Hkv, T, d], C order, all in one dtype (f32, f16 or bf16), in a
`.npz` (numpy.savez, members stored) or a `.safetensors` file, plus a JSON sidecar `<stem>.json`
beside it. Layers are numbered 0..n-1 without gaps (the C++ reader requires it); when only some of
the model's layers are dumped, the sidecar's "source_layers" gives each one's index in the model. For safetensors the same metadata is also written as `__metadata__` (string values;
non-string values JSON-encoded), which the C++ reader decodes back (core/io/dump_metadata.h).

bf16: NumPy has no bfloat16. In a .npz a bf16 tensor is stored as raw 2-byte values (descr
'|V2') and declared bf16 in the sidecar ("dtype": "bfloat16" at the top and in each "tensors"
entry), which is what core/io/npy_format.h reads. In safetensors bf16 is the native "BF16".
"""

import json
import os
import re
import struct
import zipfile

import numpy as np

from . import DumpError

ROLES = ("q", "k", "v", "k_pre_rope")

# name on the command line -> (sidecar/metadata name, safetensors dtype, bytes per value)
DTYPES = {
    "f32": ("float32", "F32", 4),
    "f16": ("float16", "F16", 2),
    "bf16": ("bfloat16", "BF16", 2),
}

FORMATS = ("npz", "safetensors")

TENSOR_LAYOUT = "[heads, tokens, head_dim], C order"


def tensor_name(layer, role):
    return "layer_%d.%s" % (layer, role)


def parse_tensor_name(name):
    """(layer, role) for `layer_{i}.{role}`, or None."""
    m = re.fullmatch(r"layer_(\d+)\.(q|k|v|k_pre_rope)", name)
    return (int(m.group(1)), m.group(2)) if m else None


# ---------------------------------------------------------------------------------------------
# Layer lists
# ---------------------------------------------------------------------------------------------

def parse_layers(spec, num_layers):
    """Sorted unique layer indices from "0,1,5-7" (inclusive ranges). None, "" or "all" means
    every layer. Negative indices count from the end ("-1" is the last layer). Raises DumpError
    for malformed items or indices outside 0..num_layers-1."""
    if num_layers <= 0:
        raise DumpError("the model has no layers")
    if spec is None or spec.strip() in ("", "all"):
        return list(range(num_layers))

    def index(text, item):
        try:
            i = int(text)
        except ValueError:
            raise DumpError("--layers: '%s' is not a layer index or range (e.g. 0,1,5-7)" % item)
        if i < 0:
            i += num_layers
        if not 0 <= i < num_layers:
            raise DumpError("--layers: layer %s is out of range (the model has %d layers: 0..%d)"
                            % (text, num_layers, num_layers - 1))
        return i

    out = set()
    for item in spec.split(","):
        item = item.strip()
        if not item:
            raise DumpError("--layers: empty item in '%s'" % spec)
        m = re.fullmatch(r"(-?\d+)\s*-\s*(-?\d+)", item)
        if m:
            a, b = index(m.group(1), item), index(m.group(2), item)
            if a > b:
                raise DumpError("--layers: range '%s' runs backwards" % item)
            out.update(range(a, b + 1))
        else:
            out.add(index(item, item))
    return sorted(out)


# ---------------------------------------------------------------------------------------------
# dtypes
# ---------------------------------------------------------------------------------------------

def f32_to_bf16_bits(x):
    """bfloat16 bit patterns (uint16) of float32 values, rounded to nearest even; NaN stays NaN."""
    x = np.ascontiguousarray(x, dtype=np.float32)
    u = x.view(np.uint32)
    rounded = (u + np.uint32(0x7FFF) + ((u >> np.uint32(16)) & np.uint32(1))) >> np.uint32(16)
    nan = np.isnan(x)
    if nan.any():
        rounded = np.where(nan, (u >> np.uint32(16)) | np.uint32(0x0040), rounded)
    return rounded.astype(np.uint16)


def bf16_bits_to_f32(bits):
    bits = np.ascontiguousarray(bits).view(np.uint16)
    return (bits.astype(np.uint32) << np.uint32(16)).view(np.float32)


def storage_dtype(dtype):
    """NumPy dtype that holds a tensor of `dtype` in memory (bf16: uint16 bit patterns)."""
    check_dtype(dtype)
    return {"f32": np.float32, "f16": np.float16, "bf16": np.uint16}[dtype]


def check_dtype(dtype):
    if dtype not in DTYPES:
        raise DumpError("unknown dtype '%s' (use f32, f16 or bf16)" % dtype)


def to_storage(x, dtype):
    """float values -> the in-memory storage of `dtype` (see storage_dtype)."""
    check_dtype(dtype)
    if dtype == "bf16":
        return f32_to_bf16_bits(np.asarray(x, dtype=np.float32))
    return np.ascontiguousarray(x, dtype=storage_dtype(dtype))


def storage_to_f32(x, dtype):
    if dtype == "bf16":
        return bf16_bits_to_f32(x)
    return np.asarray(x, dtype=np.float32)


# ---------------------------------------------------------------------------------------------
# Output path and format
# ---------------------------------------------------------------------------------------------

def resolve_format(out, fmt=None):
    """The container for `out`: `fmt` when given (and then the extension must agree or be
    absent), else from the extension (.npz / .safetensors). Returns (path, format)."""
    ext = os.path.splitext(out)[1].lower()
    by_ext = {".npz": "npz", ".safetensors": "safetensors"}.get(ext)
    if fmt is None:
        if by_ext is None:
            raise DumpError("--out %s: cannot tell the format from the extension; name it .npz or "
                            ".safetensors, or pass --format npz|safetensors" % out)
        return out, by_ext
    if fmt not in FORMATS:
        raise DumpError("unknown format '%s' (use npz or safetensors)" % fmt)
    if by_ext is None:
        return out + "." + fmt, fmt
    if by_ext != fmt:
        raise DumpError("--out %s has the extension of %s but --format is %s" % (out, by_ext, fmt))
    return out, fmt


def sidecar_path(path):
    return os.path.splitext(path)[0] + ".json"


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

def _check_arrays(arrays, dtype):
    want = np.dtype(storage_dtype(dtype))
    for name, a in arrays.items():
        if parse_tensor_name(name) is None:
            raise DumpError("tensor name '%s' is not layer_{i}.{q,k,v,k_pre_rope}" % name, 1)
        if a.dtype != want:
            raise DumpError("tensor %s has dtype %s, expected %s for %s" % (name, a.dtype, want, dtype), 1)
        if a.ndim != 3:
            raise DumpError("tensor %s must be [heads, tokens, head_dim], got shape %s"
                            % (name, a.shape), 1)


def tensor_entries(arrays, dtype):
    """The sidecar's "tensors" object: {name: {"shape": [...], "dtype": "float32"}}."""
    return {name: {"shape": [int(s) for s in a.shape], "dtype": DTYPES[dtype][0]}
            for name, a in arrays.items()}


def write_npz(path, arrays, dtype):
    """numpy.savez-compatible archive, members stored (no compression). bf16: '|V2' members."""
    _check_arrays(arrays, dtype)
    tmp = path + ".tmp-%d" % os.getpid()
    try:
        with open(tmp, "wb") as f:
            if dtype == "bf16":
                np.savez(f, **{n: np.ascontiguousarray(a).view(np.dtype("V2")) for n, a in arrays.items()})
            else:
                np.savez(f, **{n: np.ascontiguousarray(a) for n, a in arrays.items()})
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def safetensors_metadata(meta):
    """safetensors __metadata__ must be str -> str: strings stay, everything else as JSON."""
    return {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            for k, v in meta.items()}


def write_safetensors(path, arrays, dtype, metadata=None):
    """A .safetensors file (little endian, data in declared order, header padded to 8 bytes)."""
    _check_arrays(arrays, dtype)
    header = {}
    if metadata:
        header["__metadata__"] = safetensors_metadata(metadata)
    offset = 0
    for name, a in arrays.items():
        n = a.size * DTYPES[dtype][2]
        header[name] = {"dtype": DTYPES[dtype][1], "shape": [int(s) for s in a.shape],
                        "data_offsets": [offset, offset + n]}
        offset += n
    blob = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    blob += b" " * (-(8 + len(blob)) % 8)
    tmp = path + ".tmp-%d" % os.getpid()
    try:
        with open(tmp, "wb") as f:
            f.write(struct.pack("<Q", len(blob)))
            f.write(blob)
            for a in arrays.values():
                le = np.ascontiguousarray(a)
                if le.dtype.byteorder == ">":
                    le = le.byteswap().view(le.dtype.newbyteorder("<"))
                f.write(le.tobytes(order="C"))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def write_sidecar(path, meta):
    tmp = path + ".tmp-%d" % os.getpid()
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(meta, f, indent=1, ensure_ascii=False)
            f.write("\n")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def write_dump(path, fmt, arrays, dtype, meta):
    """Writes the container and its sidecar `<stem>.json`. `arrays`: name -> storage array
    (to_storage), in the order they should appear. `meta` gets its "tensors" entry (shapes and
    dtypes) filled in here. Returns the sidecar path."""
    meta = dict(meta)
    meta["tensors"] = tensor_entries(arrays, dtype)
    side = sidecar_path(path)
    if fmt == "npz":
        write_npz(path, arrays, dtype)
    elif fmt == "safetensors":
        write_safetensors(path, arrays, dtype, meta)
    else:
        raise DumpError("unknown format '%s'" % fmt)
    write_sidecar(side, meta)
    return side


# ---------------------------------------------------------------------------------------------
# Readers (for verification and tests)
# ---------------------------------------------------------------------------------------------

def read_sidecar(path):
    side = sidecar_path(path)
    if not os.path.exists(side):
        return {}
    with open(side, encoding="utf-8") as f:
        return json.load(f)


def _declared_dtype(meta, name):
    entry = (meta.get("tensors") or {}).get(name) or {}
    return entry.get("dtype") or meta.get("dtype")


def read_dump(path):
    """name -> float32 array, for dumps in our naming (.npz or .safetensors)."""
    meta = read_sidecar(path)
    out = {}
    if path.endswith(".npz"):
        with np.load(path, allow_pickle=False) as z:
            for name in z.files:
                a = z[name]
                if a.dtype.kind == "V" and a.dtype.itemsize == 2:
                    if _declared_dtype(meta, name) not in ("bf16", "bfloat16", "BF16"):
                        raise DumpError("%s: raw 2-byte tensor %s is not declared bf16" % (path, name), 1)
                    a = bf16_bits_to_f32(a)
                out[name] = np.asarray(a, dtype=np.float32)
        return out
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    kinds = {"F32": np.float32, "F16": np.float16, "BF16": np.uint16}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        a, b = e["data_offsets"]
        arr = np.frombuffer(data[a:b], dtype=np.dtype(kinds[e["dtype"]]).newbyteorder("<"))
        arr = arr.reshape(e["shape"])
        out[name] = bf16_bits_to_f32(arr) if e["dtype"] == "BF16" else arr.astype(np.float32)
    return out


def read_safetensors_metadata(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        return json.loads(f.read(n)).get("__metadata__", {})


def npz_members_stored(path):
    with zipfile.ZipFile(path) as z:
        return all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist())


# ---------------------------------------------------------------------------------------------
# Sidecar
# ---------------------------------------------------------------------------------------------

def rope_description(style, theta, rotary_dim, head_dim, scaling=None):
    styles = {
        "half": "half (Hugging Face rotate_half: channel i pairs with i + rotary_dim/2)",
        "interleaved": "interleaved (channel 2i pairs with 2i + 1)",
    }
    rope = {
        "theta": theta,
        "style": styles.get(style, style),
        "rotary_dim": rotary_dim,
        "q_has_rope": True,
        "k_has_rope": True,
        "k_pre_rope_has_rope": False,
        "positions": "0..T-1 (position 0 is the first token)",
    }
    if rotary_dim is not None and head_dim is not None and rotary_dim < head_dim:
        rope["partial"] = "only the first %d of %d channels are rotated" % (rotary_dim, head_dim)
    if scaling:
        rope["scaling"] = scaling
    return rope


def build_sidecar(model, text, tokens, layers, dtype, produced_by):
    """The sidecar JSON object (field names follow the shared reference dumps'
    s01_story_kite.json where they apply).

    model: dict with name, architecture, num_layers (the model's), num_heads, num_kv_heads,
      head_dim, and optionally hidden_size, vocab_size, max_position_embeddings, rope (from
      rope_description), attention_scale, q_norm, k_norm.
    text: dict with input_kind ("prefill"/"chat"/"token_ids"), input_text (or None),
      decoded_text, num_input_tokens, input_truncated, bos_token, chat (messages) if any.
    tokens: dict with ids (list of int) and strings (list of str or None).
    layers: the model's indices of the dumped layers. The dump numbers its layers 0..n-1 without
      gaps (the C++ reader requires it): dump layer j is model layer layers[j], recorded as
      "source_layers"; "num_layers" counts the dumped layers, "model_num_layers" the model's.
    produced_by: provenance dict (tool, versions, device...).
    """
    hq, hkv = model["num_heads"], model["num_kv_heads"]
    meta = {
        "model": model["name"],
        "architecture": model["architecture"],
        "num_layers": len(layers),
        "model_num_layers": model["num_layers"],
        "source_layers": list(layers),
        "num_heads": hq,
        "num_kv_heads": hkv,
        "head_dim": model["head_dim"],
    }
    for key in ("hidden_size", "vocab_size", "max_position_embeddings"):
        if model.get(key) is not None:
            meta[key] = model[key]
    if model.get("rope") is not None:
        meta["rope"] = model["rope"]
    if hq and hkv:
        meta["gqa"] = "query head h attends with kv head h // (num_heads // num_kv_heads)" \
            + (" (num_heads / num_kv_heads = %d)" % (hq // hkv) if hq % hkv == 0 else "")
    if model.get("attention_scale") is not None:
        meta["attention_scale"] = model["attention_scale"]
    for key in ("q_norm", "k_norm"):
        if model.get(key):
            meta[key] = model[key]
    meta["tensors"] = {}  # filled in by write_dump
    meta["tensor_layout"] = TENSOR_LAYOUT
    meta["layout"] = "HTD"
    meta["dtype"] = DTYPES[dtype][0]
    meta["num_tokens"] = len(tokens["ids"])
    meta["tokens"] = [int(t) for t in tokens["ids"]]
    meta["token_strings"] = tokens.get("strings")
    if text.get("bos_token") is not None:
        meta["bos_token"] = text["bos_token"]
    meta["input_kind"] = text["input_kind"]
    meta["input_text"] = text.get("input_text")
    if text.get("chat") is not None:
        meta["chat"] = text["chat"]
    meta["num_input_tokens"] = text["num_input_tokens"]
    meta["input_truncated"] = bool(text.get("input_truncated"))
    meta["generation"] = None
    meta["decoded_text"] = text.get("decoded_text")
    meta["extraction"] = ("%s: Hugging Face transformers forward pass; q/k/v captured with forward "
                          "hooks on q_proj/k_proj/v_proj%s, RoPE applied with the model's own "
                          "apply_rotary_pos_emb and the cos/sin its rotary embedding gave that layer"
                          % (produced_by.get("tool", "dump_kv"),
                             ", q_norm/k_norm applied" if model.get("q_norm") or model.get("k_norm") else ""))
    meta["produced_by"] = produced_by
    return meta


# ---------------------------------------------------------------------------------------------
# RoPE in NumPy (reference for tests and cross-checks; the dumper uses the model's own code)
# ---------------------------------------------------------------------------------------------

def rope_cos_sin(positions, rotary_dim, theta):
    """cos, sin [T, rotary_dim] in the Hugging Face "half" layout (frequencies repeated)."""
    inv_freq = 1.0 / (theta ** (np.arange(0, rotary_dim, 2, dtype=np.float64) / rotary_dim))
    freqs = np.outer(np.asarray(positions, dtype=np.float64), inv_freq)
    emb = np.concatenate([freqs, freqs], axis=-1)
    return np.cos(emb), np.sin(emb)


def apply_rope_half(x, positions, theta, rotary_dim=None):
    """RoPE, rotate_half convention, on x [H, T, d] (float64 maths, float32 result)."""
    x = np.asarray(x, dtype=np.float64)
    d = x.shape[-1]
    r = d if rotary_dim is None else rotary_dim
    cos, sin = rope_cos_sin(positions, r, theta)
    xr, rest = x[..., :r], x[..., r:]
    half = r // 2
    rotated = np.concatenate([-xr[..., half:], xr[..., :half]], axis=-1)
    out = xr * cos[None] + rotated * sin[None]
    return np.concatenate([out, rest], axis=-1).astype(np.float32)


def max_rel_error(a, ref):
    """max|a - ref| / max|ref| (the measure of the shared verify_report.json)."""
    a = np.asarray(a, dtype=np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    if a.shape != ref.shape:
        return float("inf")
    scale = float(np.max(np.abs(ref))) if ref.size else 0.0
    diff = float(np.max(np.abs(a - ref))) if ref.size else 0.0
    return diff / scale if scale > 0 else diff
