#!/usr/bin/env python3
"""Writes the committed fuzz seeds derived from real files (tests/fuzz/corpus/<target>/real_*).

The real dumps (resources/samples, tests/data/real) are cut to their first 2 layers and first
TOKENS tokens, keeping each container's own structure: numpy's .npy headers inside the zip, the
safetensors header with its "__metadata__", the JSON sidecars as they are. Deflated variants of the
.npz exercise the inflate path. The allocation and import seeds come from the golden exports.
Standard library only. Usage: tests/fuzz/make_real_seeds.py   (from anywhere)
"""
import ast
import io
import json
import pathlib
import re
import struct
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"
TOKENS = 3
LAYERS = 2


def keep(name):
    m = re.match(r"layer_(\d+)\.", name)
    return m is None or int(m.group(1)) < LAYERS


def cut_npy(npy):
    """A .npy [H, T, D] (any header version) cut to TOKENS tokens, header rebuilt the numpy way."""
    major = npy[6]
    hlen = struct.unpack("<H", npy[8:10])[0] if major == 1 else struct.unpack("<I", npy[8:12])[0]
    start = 10 if major == 1 else 12
    header = ast.literal_eval(npy[start:start + hlen].decode("latin1"))
    data = npy[start + hlen:]
    shape = list(header["shape"])
    item = int(header["descr"][2:]) if header["descr"][1] in "fiu" else 2
    if len(shape) >= 2:
        rows = shape[-2] if len(shape) == 3 else shape[-2]
        outer = 1
        for d in shape[:-2]:
            outer *= d
        t = min(TOKENS, rows)
        row_bytes = shape[-1] * item
        data = b"".join(data[(o * rows) * row_bytes:(o * rows + t) * row_bytes] for o in range(outer))
        shape[-2] = t
    text = "{'descr': '%s', 'fortran_order': %s, 'shape': (%s), }" % (
        header["descr"], header["fortran_order"], ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else ""))
    pad = 64 - (10 + len(text) + 1) % 64
    text += " " * (pad % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin1") + data


def cut_npz(path, compression):
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as out:
        for info in src.infolist():
            if keep(info.filename):
                out.writestr(info.filename, cut_npy(src.read(info.filename)))
    return buf.getvalue()


def cut_safetensors(path):
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    out_header, chunks, offset = {}, [], 0
    for name, t in header.items():
        if name == "__metadata__":
            out_header[name] = t
            continue
        if not keep(name):
            continue
        begin, end = t["data_offsets"]
        data = raw[base + begin:base + end]
        shape = list(t["shape"])
        item = {"F32": 4, "F16": 2, "BF16": 2}.get(t["dtype"], 1)
        if len(shape) >= 2:
            rows, outer = shape[-2], 1
            for d in shape[:-2]:
                outer *= d
            tk = min(TOKENS, rows)
            rb = shape[-1] * item
            data = b"".join(data[(o * rows) * rb:(o * rows + tk) * rb] for o in range(outer))
            shape[-2] = tk
        out_header[name] = {"dtype": t["dtype"], "shape": shape, "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(out_header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def write(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def main():
    dumps = [ROOT / "resources/samples/s01_story_kite", ROOT / "resources/samples/s04_gen_sampled_512",
             ROOT / "tests/data/real/s03_gen_greedy"]
    for stem in dumps:
        npz = stem.with_suffix(".npz")
        if npz.exists():
            write("npz", "real_" + stem.name + "_stored.npz", cut_npz(npz, zipfile.ZIP_STORED))
            write("npz", "real_" + stem.name + "_deflated.npz", cut_npz(npz, zipfile.ZIP_DEFLATED))
            first = zipfile.ZipFile(npz).infolist()
            for info in first[:3]:
                write("npy", "real_" + stem.name + "_" + info.filename, cut_npy(zipfile.ZipFile(npz).read(info.filename)))
        st = stem.with_suffix(".safetensors")
        if st.exists():
            write("safetensors", "real_" + stem.name + ".safetensors", cut_safetensors(st))
        sidecar = stem.with_suffix(".json")
        if sidecar.exists():
            write("sidecar", "real_" + stem.name + ".json", sidecar.read_bytes())

    golden = ROOT / "tests/data/golden/alloc_export"
    alloc = json.loads((golden / "bits.vqalloc.json").read_text())
    write("vqalloc", "real_bits.vqalloc.json", (golden / "bits.vqalloc.json").read_bytes())
    # The calibration table the golden allocation was solved on (same dump, settings, menu, rows).
    table = {"schema": "veloxquant.calibration", "version": 1, "created_by": alloc["created_by"],
             "dump": alloc["dump"], "settings": alloc["calibration"], "menu": alloc["menu"],
             "groups": [{k: g[k] for k in ("id", "layer", "head", "role", "values", "tokens", "head_dim", "heads",
                                           "weight")} | {"bpv": g["table"]["bpv"], "distortion": g["table"]["distortion"]}
                        for g in alloc["groups"]]}
    write("calibration", "real_bits.calib.json", json.dumps(table, indent=2))
    # Import seeds: first byte = layer count - 1 (the golden dump has 4 layers), method turboquant_mse.
    for form in ("veloxquant-dict", "veloxquant-list"):
        text = (golden / ("bits_" + form + ".txt")).read_text().split("----")[0].strip()
        write("alloc_import", "real_" + form + ".json", "\x03" + text)
    write("alloc_import", "list_python.txt", "\x03[3, 2, 2, 4]")
    write("alloc_import", "int_values.json", "\x03{\"bit_width_inlier\": [1, 2, 3, 4], \"value_bits\": 2}")


if __name__ == "__main__":
    main()
