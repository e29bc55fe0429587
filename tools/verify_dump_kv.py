#!/usr/bin/env python3
"""Checks tools/dump_kv.py against reference dumps and against transformers itself.

1. Reference dumps (the shared kv_dumps of TinyStories-656K): for every sequence, on every device
   and chunk size asked for, dump_kv.py runs on the sequence's token ids (the reference sidecar's
   "tokens") and every tensor (q, k, v, k_pre_rope) is compared with the reference .npz:
   max|ours - ref| / max|ref| must be <= --tol. `veloxquant info --json` must read each output
   with the right layers, heads, head_dim and tokens. Also checked once: the text input path
   (the prefill sequences' input_text through the model's tokenizer: the same token ids, or else
   where they first differ, with the tensors before that point compared), --layers with
   --no-k-pre-rope, and bf16 / f16 outputs (within their rounding).
2. Other architectures (--arch-checks): small random models built from configs (Llama with one KV
   head, Mistral, Qwen2, Qwen3 and OLMo2 with q/k norms, Gemma3 with sliding and global RoPE) are
   dumped, with and without chunking, and compared with what the model itself computes: q and the
   pre-RoPE k as they enter its apply_rotary_pos_emb, k and v as its KV cache holds them.
   Unsupported models (GPT-2 and Phi-3 with fused projections, T5 encoder-decoder, a folder
   without weights) must fail with exit code 2 and a message naming the reason.

Exit code 0 when everything passed, 1 otherwise. Needs torch, transformers and NumPy.
Usage: verify_dump_kv.py --model DIR --refs DIR --veloxquant PATH [--devices cuda,cpu]
       [--chunk-sizes 0,64] [--arch-checks] [--report FILE.json] [--work DIR]
"""

import argparse
import contextlib
import importlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402

import dump_kv  # noqa: E402
from kvdump import format as kf  # noqa: E402

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


def run_dumper(argv):
    """dump_kv.main in this process; returns (exit code, stderr text)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = dump_kv.main(argv)
    return code, err.getvalue()


def cli_info(cli, path):
    r = subprocess.run([cli, "info", "--json", path], capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip()
    return json.loads(r.stdout), None


def check_info(info, want):
    """Differences between `veloxquant info --json` and the expected facts (empty when fine)."""
    got = {"layers": info["layers"], "q_heads": info["q_heads"], "kv_heads": info["kv_heads"],
           "head_dim": info["head_dim"], "max_tokens": info["max_tokens"], "dtype": info["dtype"],
           "tensors": sorted({l["tensors"] for l in info["per_layer"]})}
    return {k: (got[k], v) for k, v in want.items() if got[k] != v}


def compare(ours, ref, names=None):
    """name -> max relative error, for the reference's tensors (or `names` mapped ours->ref)."""
    pairs = names or {n: n for n in ref}
    return {mine: kf.max_rel_error(ours[mine], ref[theirs]) if mine in ours else float("inf")
            for mine, theirs in pairs.items()}


class Verifier:
    def __init__(self, opts):
        self.opts = opts
        self.failures = []
        self.report = {"tolerance": opts.tol, "runs": [], "extra": [], "arch_checks": []}

    def fail(self, what):
        print("FAIL: " + what, flush=True)
        self.failures.append(what)

    def dump(self, label, argv, want_info=None):
        code, err = run_dumper(argv + ["--quiet"])
        if code != 0:
            self.fail("%s: dump_kv.py exit code %d: %s" % (label, code, err.strip()))
            return None
        out = argv[argv.index("--out") + 1]
        if want_info is not None:
            info, ierr = cli_info(self.opts.veloxquant, out)
            if info is None:
                self.fail("%s: veloxquant info failed: %s" % (label, ierr))
            else:
                diff = check_info(info, want_info)
                if diff:
                    self.fail("%s: veloxquant info differs (got, want): %s" % (label, diff))
        return out

    # -- reference dumps ----------------------------------------------------------------------

    def reference_runs(self, stems):
        o = self.opts
        for device in o.devices:
            for chunk in o.chunk_sizes:
                for stem in stems:
                    fmts = ("npz", "safetensors") if chunk == o.chunk_sizes[0] else ("npz",)
                    for fmt in fmts:
                        self.reference_run(stem, device, chunk, fmt)

    def reference_run(self, stem, device, chunk, fmt):
        o = self.opts
        ref_path = os.path.join(o.refs, stem + ".npz")
        ref_meta = kf.read_sidecar(ref_path)
        ref = kf.read_dump(ref_path)
        out = os.path.join(o.work, "%s_%s_c%d.%s" % (stem, device, chunk, fmt))
        label = "%s %s chunk=%d %s" % (stem, device, chunk, fmt)
        want = {"layers": ref_meta["num_layers"], "q_heads": ref_meta["num_heads"],
                "kv_heads": ref_meta["num_kv_heads"], "head_dim": ref_meta["head_dim"],
                "max_tokens": len(ref_meta["tokens"]), "dtype": "f32", "tensors": ["q,k,v,k_pre_rope"]}
        path = self.dump(label, ["--model", o.model, "--token-ids", ref_path.replace(".npz", ".json"),
                                 "--device", device, "--chunk-size", str(chunk), "--out", out], want)
        if path is None:
            return
        errs = compare(kf.read_dump(path), ref)
        worst = max(errs.values())
        meta = kf.read_sidecar(path)
        self.report["runs"].append({"stem": stem, "device": device, "chunk_size": chunk, "format": fmt,
                                    "num_tokens": len(ref_meta["tokens"]), "max_rel_error": errs,
                                    "worst": worst, "forward_passes": meta["produced_by"]["forward_passes"]})
        print("%-44s worst %.2e  %s" % (label, worst, "  ".join("%s %.1e" % (n, e) for n, e in errs.items())),
              flush=True)
        if worst > o.tol:
            self.fail("%s: max relative error %.3e > %.1e" % (label, worst, o.tol))
        if meta["tokens"] != ref_meta["tokens"]:
            self.fail("%s: the sidecar's tokens differ from the reference" % label)
        if meta.get("token_strings") != ref_meta.get("token_strings"):
            self.fail("%s: token strings differ from the reference" % label)

    # -- once: text input, layer subsets, dtypes ---------------------------------------------

    def extra_runs(self, stems):
        o = self.opts
        device = o.devices[0]
        for stem in stems:
            ref_path = os.path.join(o.refs, stem + ".npz")
            ref_meta = kf.read_sidecar(ref_path)
            if ref_meta.get("input_kind") != "prefill":
                continue
            text_file = os.path.join(o.work, stem + ".txt")
            with open(text_file, "w", encoding="utf-8") as f:
                f.write(ref_meta["input_text"])
            out = os.path.join(o.work, stem + "_text.npz")
            path = self.dump(stem + " --text-file", ["--model", o.model, "--text-file", text_file,
                                                     "--max-tokens", str(len(ref_meta["tokens"])),
                                                     "--device", device, "--out", out])
            if path is None:
                continue
            self.text_check(stem, path, ref_path, ref_meta)

        stem = stems[0]
        ref_path = os.path.join(o.refs, stem + ".npz")
        ref, ref_meta = kf.read_dump(ref_path), kf.read_sidecar(ref_path)
        ids = ref_path.replace(".npz", ".json")
        t = len(ref_meta["tokens"])
        hq, hkv, d = ref_meta["num_heads"], ref_meta["num_kv_heads"], ref_meta["head_dim"]

        out = os.path.join(o.work, "layer1.npz")
        path = self.dump("--layers 1 --no-k-pre-rope", ["--model", o.model, "--token-ids", ids, "--layers", "1",
                                                        "--no-k-pre-rope", "--device", device, "--out", out],
                         {"layers": 1, "q_heads": hq, "kv_heads": hkv, "head_dim": d, "max_tokens": t,
                          "dtype": "f32", "tensors": ["q,k,v"]})
        if path is not None:
            errs = compare(kf.read_dump(path), ref, {"layer_0." + r: "layer_1." + r for r in ("q", "k", "v")})
            src = kf.read_sidecar(path)["source_layers"]
            self.report["extra"].append({"check": "--layers 1 --no-k-pre-rope", "source_layers": src,
                                         "max_rel_error": errs})
            print("%-44s source_layers %s worst %.2e" % ("--layers 1 --no-k-pre-rope", src, max(errs.values())))
            if src != [1] or max(errs.values()) > o.tol:
                self.fail("--layers 1: wrong source_layers or values")

        for dtype, fmt, tol in (("bf16", "npz", 2.0 ** -8), ("bf16", "safetensors", 2.0 ** -8),
                                ("f16", "safetensors", 2.0 ** -10)):
            out = os.path.join(o.work, "%s_%s.%s" % (stem, dtype, fmt))
            label = "--dtype %s %s" % (dtype, fmt)
            path = self.dump(label, ["--model", o.model, "--token-ids", ids, "--dtype", dtype, "--device", device,
                                     "--out", out],
                             {"layers": ref_meta["num_layers"], "q_heads": hq, "kv_heads": hkv, "head_dim": d,
                              "max_tokens": t, "dtype": dtype, "tensors": ["q,k,v,k_pre_rope"]})
            if path is None:
                continue
            worst = max(compare(kf.read_dump(path), ref).values())
            self.report["extra"].append({"check": label, "worst": worst, "bound": tol})
            print("%-44s worst %.2e (rounding bound %.1e)" % (label, worst, tol), flush=True)
            if worst > tol:
                self.fail("%s: error %.3e above the rounding bound" % (label, worst))

        self.chat_check(device)

    def chat_check(self, device):
        """--chat through a chat template (the model has none: a copy of it gets a simple one)."""
        o = self.opts
        template = "{% for m in messages %}<|start_story|>{{ m['content'] }}{% endfor %}"
        folder = os.path.join(o.work, "model_with_chat_template")
        shutil.copytree(o.model, folder, dirs_exist_ok=True)
        with open(os.path.join(folder, "chat_template.jinja"), "w") as f:
            f.write(template)
        with open(os.path.join(folder, "tokenizer_config.json")) as f:
            tc = json.load(f)
        tc["chat_template"] = template
        with open(os.path.join(folder, "tokenizer_config.json"), "w") as f:
            json.dump(tc, f)
        chat = os.path.join(o.work, "chat.json")
        with open(chat, "w") as f:
            json.dump([{"role": "user", "content": "Once upon a time, there was a dog."}], f)
        path = self.dump("--chat", ["--model", folder, "--chat", chat, "--device", device,
                                    "--out", os.path.join(o.work, "chat.npz")])
        if path is None:
            return
        meta = kf.read_sidecar(path)
        ok = (meta["input_kind"] == "chat" and meta["tokens"][0] == 1
              and meta["tokens"].count(1) == 1 and "there was a dog" in (meta["decoded_text"] or ""))
        self.report["extra"].append({"check": "--chat", "ok": ok, "input_text": meta["input_text"],
                                     "num_tokens": meta["num_tokens"], "decoded_text": meta["decoded_text"]})
        print("%-44s %s: %d tokens, %r" % ("--chat", "ok" if ok else "WRONG", meta["num_tokens"],
                                           meta["decoded_text"]), flush=True)
        if not ok:
            self.fail("--chat: unexpected tokens or text")

    def text_check(self, stem, path, ref_path, ref_meta):
        """Tokenizing the reference's input_text should give its tokens. Where it does not (the
        reference tokenizer may treat characters outside the vocabulary differently), the tensors
        of the tokens before the first difference must still agree: attention is causal."""
        meta = kf.read_sidecar(path)
        ours, theirs = meta["tokens"], ref_meta["tokens"]
        first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                     None if len(ours) == len(theirs) else min(len(ours), len(theirs)))
        n = len(theirs) if first is None else first
        mine = {k: v[:, :n, :] for k, v in kf.read_dump(path).items()}
        ref = {k: v[:, :n, :] for k, v in kf.read_dump(ref_path).items()}
        worst = max(compare(mine, ref).values()) if n else 0.0
        entry = {"check": "text input", "stem": stem, "tokens_match": first is None,
                 "truncated": meta["input_truncated"], "compared_tokens": n, "worst": worst}
        label = stem + " --text-file"
        if first is None:
            print("%-44s tokens match, worst %.2e" % (label, worst), flush=True)
        else:
            near = slice(max(0, first - 3), first + 4)
            entry.update(first_difference=first, num_differing=sum(a != b for a, b in zip(ours, theirs)),
                         ours=list(zip(ours[near], (meta.get("token_strings") or [])[near])),
                         reference=list(zip(theirs[near], (ref_meta.get("token_strings") or [])[near])))
            print("%-44s NOTE tokens differ from position %d (%d of %d differ): ours %s, reference %s; "
                  "worst over the %d tokens before %.2e"
                  % (label, first, entry["num_differing"], len(theirs), entry["ours"], entry["reference"], n, worst),
                  flush=True)
        self.report["extra"].append(entry)
        if worst > self.opts.tol:
            self.fail("%s: max relative error %.3e over the %d matching tokens" % (label, worst, n))

    # -- other architectures -------------------------------------------------------------------

    def arch_checks(self):
        import torch
        import transformers

        o = self.opts
        common = dict(vocab_size=2048, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=2, head_dim=16, max_position_embeddings=512,
                      bos_token_id=1, eos_token_id=2, pad_token_id=0)
        good = {
            "llama_mqa": ("LlamaConfig", dict(common, num_key_value_heads=1)),
            "mistral": ("MistralConfig", dict(common, sliding_window=512)),
            "qwen2": ("Qwen2Config", dict(common)),
            "qwen3": ("Qwen3Config", dict(common)),
            "olmo2": ("Olmo2Config", dict(common)),
            "gemma3_text": ("Gemma3TextConfig", dict(common, num_hidden_layers=3, sliding_window=512,
                                                     query_pre_attn_scalar=16,
                                                     layer_types=["sliding_attention", "sliding_attention",
                                                                  "full_attention"])),
        }
        bad = {
            "gpt2 (fused c_attn)": ("GPT2Config", dict(vocab_size=2048, n_embd=64, n_layer=1, n_head=4,
                                                           bos_token_id=1, eos_token_id=2), "c_attn"),
            "phi3 (fused qkv_proj)": ("Phi3Config", dict(common), "qkv_proj"),
            "t5 (encoder-decoder)": ("T5Config", dict(vocab_size=2048, d_model=64, d_ff=128, d_kv=16, num_layers=1,
                                                      num_heads=4), "encoder-decoder"),
        }
        rng = np.random.default_rng(7)
        ids = [1] + [int(x) for x in rng.integers(3, 2048, size=22)]
        ids_file = os.path.join(o.work, "arch_ids.json")
        with open(ids_file, "w") as f:
            json.dump(ids, f)
        device = o.devices[0]
        for name, (cls, kw) in good.items():
            folder = self.make_model(name, cls, kw)
            if folder is None:
                continue
            truth = self.ground_truth(folder, ids, device, torch, transformers)
            for chunk in (0, 5):
                out = os.path.join(o.work, "arch_%s_c%d.npz" % (name, chunk))
                nl = kw["num_hidden_layers"]
                path = self.dump("%s chunk=%d" % (name, chunk),
                                 ["--model", folder, "--token-ids", ids_file, "--device", device,
                                  "--chunk-size", str(chunk), "--out", out],
                                 {"layers": nl, "q_heads": 4, "kv_heads": kw["num_key_value_heads"], "head_dim": 16,
                                  "max_tokens": len(ids), "dtype": "f32", "tensors": ["q,k,v,k_pre_rope"]})
                if path is None:
                    continue
                errs = compare(kf.read_dump(path), truth)
                meta = kf.read_sidecar(path)
                worst = max(errs.values())
                self.report["arch_checks"].append({"model": name, "chunk_size": chunk, "worst": worst,
                                                   "rope": meta.get("rope"), "q_norm": meta.get("q_norm"),
                                                   "max_rel_error": errs})
                print("%-44s worst %.2e  rope %s" % ("%s chunk=%d" % (name, chunk), worst,
                                                      meta["rope"]["style"].split()[0]), flush=True)
                if worst > o.tol:
                    self.fail("%s chunk=%d: max relative error %.3e vs the model's own tensors" % (name, chunk, worst))
        for name, (cls, kw, needle) in bad.items():
            folder = self.make_model(name.split()[0], cls, kw)
            if folder is None:
                continue
            code, err = run_dumper(["--model", folder, "--token-ids", ids_file, "--device", device,
                                    "--out", os.path.join(o.work, "bad.npz")])
            ok = code == 2 and needle in err
            self.report["arch_checks"].append({"model": name, "exit_code": code, "message": err.strip()})
            print("%-44s exit %d: %s" % (name, code, err.strip()), flush=True)
            if not ok:
                self.fail("%s: expected exit code 2 naming '%s'" % (name, needle))
        empty = os.path.join(o.work, "no_weights")
        os.makedirs(empty, exist_ok=True)
        shutil.copy(os.path.join(o.model, "config.json"), empty)
        code, err = run_dumper(["--model", empty, "--token-ids", ids_file, "--out", os.path.join(o.work, "bad.npz")])
        self.report["arch_checks"].append({"model": "folder without weights", "exit_code": code, "message": err.strip()})
        print("%-44s exit %d: %s" % ("folder without weights", code, err.strip()), flush=True)
        if code != 2:
            self.fail("folder without weights: expected exit code 2")

    def make_model(self, name, cls, kw):
        import torch
        import transformers
        folder = os.path.join(self.opts.work, "model_" + name)
        try:
            config = getattr(transformers, cls)(**kw)
            torch.manual_seed(0)
            if getattr(config, "is_encoder_decoder", False):
                model = transformers.AutoModelForSeq2SeqLM.from_config(config)
            else:
                model = transformers.AutoModelForCausalLM.from_config(config)
            with torch.no_grad():  # visible q/k norm weights, so that skipping them would show
                for mod_name, p in model.named_parameters():
                    if "q_norm" in mod_name or "k_norm" in mod_name:
                        p.add_(torch.rand_like(p))
            model.save_pretrained(folder)
        except Exception as e:  # noqa: BLE001 - this transformers may lack the class
            self.report["arch_checks"].append({"model": name, "skipped": "%s: %s" % (type(e).__name__, e)})
            print("%-44s skipped: %s" % (name, e), flush=True)
            return None
        for f in TOKENIZER_FILES:
            shutil.copy(os.path.join(self.opts.model, f), folder)
        return folder

    def ground_truth(self, folder, ids, device, torch, transformers):
        """What the model computes: q and k as they enter and leave its apply_rotary_pos_emb, and
        k and v as its KV cache holds them after one pass."""
        model = transformers.AutoModelForCausalLM.from_pretrained(folder, local_files_only=True,
                                                                  dtype=torch.float32).to(device).eval()
        from kvdump.capture import attention_of, find_decoder_layers
        _, layers = find_decoder_layers(model)
        current, seen = [None], {}
        module = importlib.import_module(type(attention_of(layers[0])).__module__)
        original = module.apply_rotary_pos_emb

        def patched(q, k, cos, sin, *a, **kw):
            q_out, k_out = original(q, k, cos, sin, *a, **kw)
            seen[current[0]] = (q_out[0].float().cpu().numpy(), k[0].float().cpu().numpy())
            return q_out, k_out

        hooks = []
        for i, layer in enumerate(layers):
            hooks.append(attention_of(layer).register_forward_pre_hook(
                lambda _m, _a, i=i: current.__setitem__(0, i)))
        module.apply_rotary_pos_emb = patched
        try:
            with torch.inference_mode():
                out = model(input_ids=torch.tensor([ids], device=device), use_cache=True)
        finally:
            module.apply_rotary_pos_emb = original
            for h in hooks:
                h.remove()
        cache = out.past_key_values
        truth = {}
        for i in range(len(layers)):
            if hasattr(cache, "layers"):
                k, v = cache.layers[i].keys, cache.layers[i].values
            else:
                k, v = cache.key_cache[i], cache.value_cache[i]
            truth["layer_%d.q" % i] = seen[i][0]
            truth["layer_%d.k_pre_rope" % i] = seen[i][1]
            truth["layer_%d.k" % i] = k[0].float().cpu().numpy()
            truth["layer_%d.v" % i] = v[0].float().cpu().numpy()
        return truth


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True, help="the TinyStories-656K model folder")
    p.add_argument("--refs", required=True, help="folder of reference dumps (<stem>.npz + <stem>.json)")
    p.add_argument("--veloxquant", required=True, help="path of the veloxquant CLI")
    p.add_argument("--devices", default="cuda,cpu")
    p.add_argument("--chunk-sizes", default="0,64", help="0 = one forward pass")
    p.add_argument("--tol", type=float, default=1e-5)
    p.add_argument("--arch-checks", action="store_true", help="also check other architectures (random models)")
    p.add_argument("--report", help="write the results as JSON here")
    p.add_argument("--work", help="folder for the dumps (default: a temporary one)")
    o = p.parse_args()
    o.devices = [d for d in o.devices.split(",") if d]
    o.chunk_sizes = [int(c) for c in o.chunk_sizes.split(",")]
    tmp = None
    if not o.work:
        tmp = tempfile.TemporaryDirectory()
        o.work = tmp.name
    os.makedirs(o.work, exist_ok=True)

    import torch
    import transformers
    torch.set_float32_matmul_precision("highest")
    stems = sorted(f[:-4] for f in os.listdir(o.refs) if f.endswith(".npz")
                   and os.path.exists(os.path.join(o.refs, f[:-4] + ".json")))
    if not stems:
        print("no reference dumps (<stem>.npz with <stem>.json) in %s" % o.refs)
        return 1
    v = Verifier(o)
    v.report.update(torch=torch.__version__, transformers=transformers.__version__, numpy=np.__version__,
                    gpu=torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
                    devices=o.devices, chunk_sizes=o.chunk_sizes, stems=stems)
    print("torch %s, transformers %s, numpy %s, GPU %s" % (torch.__version__, transformers.__version__,
                                                         np.__version__, v.report["gpu"]), flush=True)
    v.reference_runs(stems)
    v.extra_runs(stems)
    if o.arch_checks:
        v.arch_checks()
    runs = v.report["runs"]
    v.report["worst_max_rel_error"] = max((r["worst"] for r in runs), default=None)
    v.report["failures"] = v.failures
    if o.report:
        with open(o.report, "w") as f:
            json.dump(v.report, f, indent=1)
    print("%d reference runs, worst max relative error %.3e; %d failure(s)"
          % (len(runs), v.report["worst_max_rel_error"] or 0.0, len(v.failures)))
    if tmp:
        tmp.cleanup()
    return 1 if v.failures else 0


if __name__ == "__main__":
    sys.exit(main())
