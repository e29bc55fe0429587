#!/usr/bin/env python3
"""Tests of tools/kvdump (the torch-free parts of tools/dump_kv.py): layer lists, arguments,
dtype conversion, RoPE in NumPy, the sidecar, and the .npz / .safetensors writers, whose output
the C++ CLI must read (`veloxquant info --json`).

Usage: test_kvdump_format.py [--veloxquant PATH] [unittest arguments]
The CLI path may also come from the environment variable VQ_CLI; without it the CLI checks are
skipped. Needs NumPy only (Debian: python3-numpy).
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))

from kvdump import DumpError  # noqa: E402
from kvdump import args as kargs  # noqa: E402
from kvdump import format as kf  # noqa: E402

SAMPLES = os.path.join(ROOT, "resources", "samples")


def _take_cli_argument(argv):
    """Removes "--veloxquant PATH" from argv (the rest goes to unittest); PATH or $VQ_CLI."""
    if "--veloxquant" in argv:
        i = argv.index("--veloxquant")
        path = argv[i + 1]
        del argv[i:i + 2]
        return path
    return os.environ.get("VQ_CLI")


VQ_CLI = _take_cli_argument(sys.argv)


def toy_arrays(dtype, layers=2, hq=4, hkv=2, tokens=7, d=8, with_k_pre=True, seed=0):
    rng = np.random.default_rng(seed)
    out = {}
    for j in range(layers):
        roles = (("q", hq), ("k", hkv), ("v", hkv)) + ((("k_pre_rope", hkv),) if with_k_pre else ())
        for role, h in roles:
            x = (rng.standard_normal((h, tokens, d)) * 3).astype(np.float32)
            out[kf.tensor_name(j, role)] = kf.to_storage(x, dtype)
    return out


def toy_meta(dtype, source_layers, hq=4, hkv=2, d=8, tokens=7):
    model = {"name": "toy-model", "architecture": "ToyForCausalLM (ToyAttention)", "num_layers": 12,
             "num_heads": hq, "num_kv_heads": hkv, "head_dim": d, "hidden_size": hq * d,
             "rope": kf.rope_description("half", 10000.0, d, d), "attention_scale": d ** -0.5}
    text = {"input_kind": "prefill", "input_text": "a b c", "decoded_text": "a b c",
            "num_input_tokens": tokens + 3, "input_truncated": True, "bos_token": "<s> (id 1)"}
    ids = list(range(1, tokens + 1))
    return kf.build_sidecar(model, text, {"ids": ids, "strings": ["t%d" % i for i in ids]},
                            source_layers, dtype, {"tool": "test", "chunk_size": 4})


class LayerListTest(unittest.TestCase):
    def test_lists_and_ranges(self):
        self.assertEqual(kf.parse_layers("0,1,5-7", 8), [0, 1, 5, 6, 7])
        self.assertEqual(kf.parse_layers("7,0,0,3-4", 8), [0, 3, 4, 7])
        self.assertEqual(kf.parse_layers(" 2 - 3 ", 8), [2, 3])

    def test_all_and_negative(self):
        self.assertEqual(kf.parse_layers(None, 3), [0, 1, 2])
        self.assertEqual(kf.parse_layers("all", 3), [0, 1, 2])
        self.assertEqual(kf.parse_layers("-1", 4), [3])
        self.assertEqual(kf.parse_layers("0,-2--1", 5), [0, 3, 4])

    def test_errors(self):
        for bad in ("8", "3-1", "a", "1,,2", "-9", "1-x"):
            with self.subTest(spec=bad):
                with self.assertRaises(DumpError) as cm:
                    kf.parse_layers(bad, 8)
                self.assertEqual(cm.exception.code, 2)


class DtypeTest(unittest.TestCase):
    def test_bf16_rounds_to_nearest_even(self):
        x = np.array([1.0, -2.5, 1.00390625, 1.01171875, 3.0e38, 1e-40, 0.0], dtype=np.float32)
        bits = kf.f32_to_bf16_bits(x)
        # 1 + 2^-8 is a tie between 1 and 1 + 2^-7: even mantissa (1.0). 1 + 3*2^-8: up to 1 + 2^-6.
        self.assertEqual(list(kf.bf16_bits_to_f32(bits)[:4]), [1.0, -2.5, 1.0, 1.015625])
        self.assertTrue(np.isfinite(kf.bf16_bits_to_f32(bits)).all())
        nan = kf.f32_to_bf16_bits(np.array([np.nan], dtype=np.float32))
        self.assertTrue(np.isnan(kf.bf16_bits_to_f32(nan)).all())

    def test_bf16_error_bound(self):
        x = np.random.default_rng(1).standard_normal(10000).astype(np.float32)
        back = kf.bf16_bits_to_f32(kf.f32_to_bf16_bits(x))
        self.assertLessEqual(np.max(np.abs(back - x) / np.abs(x)), 2.0 ** -8)

    def test_storage(self):
        x = np.linspace(-3, 3, 12, dtype=np.float32).reshape(1, 3, 4)
        for dt, want in (("f32", np.float32), ("f16", np.float16), ("bf16", np.uint16)):
            s = kf.to_storage(x, dt)
            self.assertEqual(s.dtype, np.dtype(want))
            self.assertLess(kf.max_rel_error(kf.storage_to_f32(s, dt), x), 2.0 ** -8)
        with self.assertRaises(DumpError):
            kf.to_storage(x, "f64")


class RopeTest(unittest.TestCase):
    def test_half_rotation_pairs_i_with_i_plus_half(self):
        x = np.zeros((1, 2, 8), dtype=np.float32)
        x[0, :, 0] = 1.0
        out = kf.apply_rope_half(x, [0, 1], theta=1.0)  # inv_freq[0] = 1: angle 1 rad at position 1
        np.testing.assert_allclose(out[0, 0], x[0, 0], atol=1e-7)
        self.assertAlmostEqual(out[0, 1, 0], np.cos(1.0), places=6)
        self.assertAlmostEqual(out[0, 1, 4], np.sin(1.0), places=6)

    def test_matches_the_real_sample(self):
        """The bundled real dump (TinyStories-656K, theta 10000, rotate_half): k = RoPE(k_pre_rope)."""
        data = kf.read_dump(os.path.join(SAMPLES, "s01_story_kite.npz"))
        for layer in (0, 1):
            k_pre = data["layer_%d.k_pre_rope" % layer]
            k = data["layer_%d.k" % layer]
            rotated = kf.apply_rope_half(k_pre, np.arange(k.shape[1]), 10000.0)
            self.assertLess(kf.max_rel_error(rotated, k), 1e-5)

    def test_partial_rotary(self):
        x = np.random.default_rng(2).standard_normal((2, 5, 8)).astype(np.float32)
        out = kf.apply_rope_half(x, np.arange(5), 10000.0, rotary_dim=4)
        np.testing.assert_array_equal(out[..., 4:], x[..., 4:])


class ArgsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.model = os.path.join(self.tmp.name, "model")
        os.mkdir(self.model)
        with open(os.path.join(self.model, "config.json"), "w") as f:
            f.write("{}")

    def tearDown(self):
        self.tmp.cleanup()

    def parse(self, *extra):
        return kargs.parse_args(["--model", self.model, "--prompt", "hi"] + list(extra))

    def test_format_from_extension_or_flag(self):
        out = os.path.join(self.tmp.name, "x")
        self.assertEqual(self.parse("--out", out + ".npz").format, "npz")
        a = self.parse("--out", out + ".safetensors")
        self.assertEqual((a.format, a.out), ("safetensors", out + ".safetensors"))
        a = self.parse("--out", out, "--format", "safetensors")
        self.assertEqual((a.format, a.out), ("safetensors", out + ".safetensors"))
        with self.assertRaises(DumpError):
            self.parse("--out", out)
        with self.assertRaises(DumpError):
            self.parse("--out", out + ".npz", "--format", "safetensors")

    def test_defaults(self):
        a = self.parse("--out", os.path.join(self.tmp.name, "x.npz"))
        self.assertEqual((a.dtype, a.device, a.chunk_size, a.no_k_pre_rope), ("f32", "auto", 2048, False))

    def test_bad_values(self):
        out = os.path.join(self.tmp.name, "x.npz")
        for extra in (["--max-tokens", "0"], ["--chunk-size", "-1"], ["--add-generation-prompt"]):
            with self.subTest(extra=extra):
                with self.assertRaises(DumpError):
                    self.parse("--out", out, *extra)
        with self.assertRaises(DumpError):
            kargs.parse_args(["--model", os.path.join(self.tmp.name, "nope"), "--prompt", "x", "--out", out])
        with self.assertRaises(DumpError):
            kargs.parse_args(["--model", self.model, "--text-file", "/nonexistent", "--out", out])

    def test_inputs_exclusive(self):
        with self.assertRaises(SystemExit) as cm, contextlib.redirect_stderr(io.StringIO()):
            kargs.parse_args(["--model", self.model, "--prompt", "a", "--token-ids", "t.json", "--out", "x.npz"])
        self.assertEqual(cm.exception.code, 2)

    def test_token_ids_json(self):
        self.assertEqual(kargs.token_ids_from_json([1, 2, 3]), [1, 2, 3])
        self.assertEqual(kargs.token_ids_from_json({"tokens": [5], "x": 1}), [5])
        self.assertEqual(kargs.token_ids_from_json({"token_ids": [6]}), [6])
        for bad in ([], [1, -1], [1.5], {"ids": [1]}, "12", [True]):
            with self.subTest(bad=bad):
                with self.assertRaises(DumpError):
                    kargs.token_ids_from_json(bad)

    def test_chat_json(self):
        msgs = [{"role": "user", "content": "hi"}]
        self.assertEqual(kargs.chat_from_json(msgs), msgs)
        self.assertEqual(kargs.chat_from_json({"messages": msgs}), msgs)
        for bad in ([], [{"role": "user"}], ["hi"], {"x": 1}):
            with self.subTest(bad=bad):
                with self.assertRaises(DumpError):
                    kargs.chat_from_json(bad)

    def test_text_files_joined(self):
        paths = []
        for i, t in enumerate(("one", "two")):
            paths.append(os.path.join(self.tmp.name, "%d.txt" % i))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(t)
        self.assertEqual(kargs.read_text_files(paths), "one\n\ntwo")

    def test_entry_point_exit_code_2(self):
        """dump_kv.py fails with code 2 and a message before it needs torch."""
        r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "dump_kv.py"), "--model",
                            os.path.join(self.tmp.name, "nope"), "--prompt", "x", "--out", "x.npz"],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no such folder", r.stderr)


class WriterTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, dtype, fmt, with_k_pre=True, source_layers=(3, 7)):
        arrays = toy_arrays(dtype, with_k_pre=with_k_pre)
        path = os.path.join(self.tmp.name, "toy_%s.%s" % (dtype, fmt))
        kf.write_dump(path, fmt, arrays, dtype, toy_meta(dtype, list(source_layers)))
        return path, arrays

    def test_sidecar_fields(self):
        path, arrays = self.write("f32", "npz")
        meta = kf.read_sidecar(path)
        for key in ("model", "architecture", "num_layers", "model_num_layers", "source_layers",
                    "num_heads", "num_kv_heads", "head_dim", "rope", "tensors", "tensor_layout",
                    "layout", "dtype", "num_tokens", "tokens", "token_strings", "input_text",
                    "decoded_text", "produced_by"):
            self.assertIn(key, meta)
        self.assertEqual((meta["num_layers"], meta["model_num_layers"], meta["source_layers"]), (2, 12, [3, 7]))
        self.assertEqual(meta["rope"]["theta"], 10000.0)
        self.assertTrue(meta["rope"]["style"].startswith("half"))
        self.assertEqual(meta["tensors"]["layer_1.q"], {"shape": [4, 7, 8], "dtype": "float32"})
        self.assertEqual(list(meta["tensors"]), list(arrays))
        self.assertEqual(meta["tokens"], list(range(1, 8)))
        self.assertTrue(meta["input_truncated"])

    def test_npz_is_stored_and_readable_by_numpy(self):
        path, arrays = self.write("f16", "npz")
        self.assertTrue(kf.npz_members_stored(path))
        with np.load(path) as z:
            self.assertEqual(z.files, list(arrays))
            np.testing.assert_array_equal(z["layer_0.k"], arrays["layer_0.k"])

    def test_bf16_npz_is_v2_and_declared(self):
        path, arrays = self.write("bf16", "npz")
        with np.load(path) as z:
            self.assertEqual(z["layer_0.q"].dtype, np.dtype("V2"))
        meta = kf.read_sidecar(path)
        self.assertEqual(meta["dtype"], "bfloat16")
        self.assertEqual(meta["tensors"]["layer_0.q"]["dtype"], "bfloat16")

    def test_safetensors_metadata_is_strings(self):
        path, _ = self.write("bf16", "safetensors")
        stored = kf.read_safetensors_metadata(path)
        self.assertTrue(all(isinstance(v, str) for v in stored.values()))
        self.assertEqual(stored["model"], "toy-model")
        self.assertEqual(json.loads(stored["num_kv_heads"]), 2)
        self.assertEqual(json.loads(stored["tensors"])["layer_1.v"]["dtype"], "bfloat16")
        with open(path, "rb") as f:
            n = int.from_bytes(f.read(8), "little")
        self.assertEqual((8 + n) % 8, 0)

    def test_roundtrip_every_dtype_and_format(self):
        for dtype in kf.DTYPES:
            for fmt in kf.FORMATS:
                with self.subTest(dtype=dtype, fmt=fmt):
                    path, arrays = self.write(dtype, fmt)
                    back = kf.read_dump(path)
                    self.assertEqual(list(back), list(arrays))
                    for name, a in arrays.items():
                        np.testing.assert_array_equal(back[name], kf.storage_to_f32(a, dtype))

    def test_rejects_bad_arrays(self):
        path = os.path.join(self.tmp.name, "bad.npz")
        with self.assertRaises(DumpError):
            kf.write_dump(path, "npz", {"layer_0.x": np.zeros((1, 1, 1), np.float32)}, "f32", {})
        with self.assertRaises(DumpError):
            kf.write_dump(path, "npz", {"layer_0.k": np.zeros((1, 1, 1), np.float16)}, "f32", {})
        with self.assertRaises(DumpError):
            kf.write_dump(path, "npz", {"layer_0.k": np.zeros((1, 1), np.float32)}, "f32", {})
        self.assertFalse(os.path.exists(path))

    @unittest.skipUnless(VQ_CLI, "no veloxquant CLI given (--veloxquant PATH or VQ_CLI)")
    def test_cli_reads_what_we_write(self):
        for dtype in kf.DTYPES:
            for fmt in kf.FORMATS:
                for with_k_pre in (True, False):
                    with self.subTest(dtype=dtype, fmt=fmt, k_pre_rope=with_k_pre):
                        path, _ = self.write(dtype, fmt, with_k_pre)
                        r = subprocess.run([VQ_CLI, "info", "--json", path], capture_output=True, text=True)
                        self.assertEqual(r.returncode, 0, r.stderr)
                        info = json.loads(r.stdout)
                        self.assertEqual(info["container"], fmt)
                        self.assertEqual(info["model"], "toy-model")
                        self.assertEqual((info["layers"], info["q_heads"], info["kv_heads"]), (2, 4, 2))
                        self.assertEqual((info["head_dim"], info["max_tokens"]), (8, 7))
                        self.assertEqual(info["dtype"], dtype)
                        self.assertFalse(info["mixed_dtypes"])
                        tensors = "q,k,v,k_pre_rope" if with_k_pre else "q,k,v"
                        for layer in info["per_layer"]:
                            self.assertEqual((layer["tokens"], layer["head_dim"], layer["tensors"]),
                                             (7, 8, tensors))
                        self.assertEqual(info["metadata"]["source_layers"], [3, 7])


if __name__ == "__main__":
    unittest.main()
