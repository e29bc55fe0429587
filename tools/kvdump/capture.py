"""Capturing q, k, v (and k before RoPE) from a Hugging Face transformers causal LM (needs torch).

How: forward hooks on each dumped layer's attention q_proj / k_proj / v_proj take the projections
(before RoPE); a forward pre-hook on the attention module takes the (cos, sin) the model hands
that layer (`position_embeddings`, computed by the model's own rotary embedding module for this
chunk's positions, so scaled and per-layer-type RoPE variants come out as the model uses them);
a forward hook on the attention module then applies the module's q_norm / k_norm when it has them
(Qwen3, Gemma3, OLMo2) and RoPE with `apply_rotary_pos_emb` from the model's own Python module,
in the model's compute dtype, and stores the result for the chunk's token range. Long inputs run
in chunks through the model's KV cache (past_key_values), so activations stay bounded; the
captured tensors themselves are kept in memory in the output dtype until written.
"""

import datetime
import importlib
import inspect
import os
import platform
import sys

import numpy as np
import torch
from torch import nn

from . import TOOL_NAME, TOOL_VERSION, DumpError
from . import format as fmt
from .args import load_chat, load_token_ids, read_text_files

ATTENTION_ATTRS = ("self_attn", "attn", "attention", "self_attention")
FUSED_ATTRS = ("qkv_proj", "c_attn", "query_key_value", "Wqkv", "W_pack", "qkv", "in_proj")
WEIGHT_FILES = (".safetensors", ".bin", ".pt", ".pth")
TORCH_DTYPES = {"f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16}


def log(args, msg):
    if not getattr(args, "quiet", False):
        print(msg, file=sys.stderr, flush=True)


def _version_tuple(v):
    out = []
    for part in v.split(".")[:2]:
        digits = "".join(c for c in part if c.isdigit())
        out.append(int(digits or 0))
    return tuple(out)


def text_config(config):
    return config.get_text_config() if hasattr(config, "get_text_config") else config


def json_safe(x):
    """Config values (dicts, tuples, torch dtypes...) as plain JSON values."""
    if isinstance(x, dict):
        return {str(k): json_safe(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [json_safe(v) for v in x]
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    return str(x)


# ---------------------------------------------------------------------------------------------
# Model discovery
# ---------------------------------------------------------------------------------------------

def attention_of(layer):
    for name in ATTENTION_ATTRS:
        mod = getattr(layer, name, None)
        if isinstance(mod, nn.Module):
            return mod
    return None


def find_decoder_layers(model):
    """(path, ModuleList) of the decoder layers: model.model.layers, else the first ModuleList
    whose children all have an attention module, preferring ones outside vision/audio towers."""
    base = getattr(model, "model", None)
    layers = getattr(base, "layers", None)
    if isinstance(layers, nn.ModuleList) and len(layers) and attention_of(layers[0]) is not None:
        return "model.layers", layers
    found = [(name, mod) for name, mod in model.named_modules()
             if isinstance(mod, nn.ModuleList) and len(mod)
             and all(attention_of(c) is not None for c in mod)]
    text = [(n, m) for n, m in found if not any(w in n.lower() for w in ("vision", "visual", "audio", "encoder"))]
    if text or found:
        return (text or found)[0]
    raise DumpError("%s: found no list of decoder layers whose children have an attention module "
                    "(looked for model.model.layers and any ModuleList of layers with %s)"
                    % (type(model).__name__, "/".join(ATTENTION_ATTRS)))


def _out_features(proj):
    if isinstance(getattr(proj, "out_features", None), int):
        return proj.out_features
    w = getattr(proj, "weight", None)
    if w is not None and w.dim() == 2:
        return int(w.shape[0])
    return None


def layer_spec(model_name, index, attn, cfg):
    """Heads and head_dim of one attention module; DumpError if it cannot be handled."""
    missing = [p for p in ("q_proj", "k_proj", "v_proj") if not isinstance(getattr(attn, p, None), nn.Module)]
    if missing:
        fused = [a for a in FUSED_ATTRS if isinstance(getattr(attn, a, None), nn.Module)]
        msg = ("%s: the attention module of layer %d (%s) has no %s"
               % (model_name, index, type(attn).__name__, ", ".join(missing)))
        if fused:
            msg += ("; it has the fused projection '%s'. Fused QKV projections (GPT-2, Falcon, Phi, ...) "
                    "are not supported yet" % fused[0])
        else:
            msg += "; only attention with separate q_proj/k_proj/v_proj is supported"
        raise DumpError(msg)
    hq = int(getattr(cfg, "num_attention_heads", 0) or 0)
    hkv = int(getattr(cfg, "num_key_value_heads", None) or hq)
    d = getattr(attn, "head_dim", None) or getattr(cfg, "head_dim", None)
    if not d and hq:
        d = cfg.hidden_size // hq
    d = int(d or 0)
    outs = {p: _out_features(getattr(attn, p)) for p in ("q_proj", "k_proj", "v_proj")}
    if not (hq and hkv and d):
        raise DumpError("%s: cannot tell the number of heads / head_dim from the config" % model_name)
    want = {"q_proj": hq * d, "k_proj": hkv * d, "v_proj": hkv * d}
    for p, n in outs.items():
        if n is not None and n != want[p]:
            raise DumpError("%s: layer %d %s gives %d features, expected %d (heads x head_dim); packed "
                            "or gated projections are not supported" % (model_name, index, p, n, want[p]))
    return {"num_heads": hq, "num_kv_heads": hkv, "head_dim": d}


def rotary_function(attn):
    module = importlib.import_module(type(attn).__module__)
    fn = getattr(module, "apply_rotary_pos_emb", None)
    if fn is None:
        raise DumpError("the attention's module %s has no apply_rotary_pos_emb; this RoPE variant is "
                        "not supported" % module.__name__)
    return fn


def rope_style(apply_fn, rotary_dim, head_dim):
    """"half" (rotate_half), "interleaved", or "unknown": where a 90-degree rotation sends channel 0."""
    try:
        cos = torch.zeros(1, 1, rotary_dim)
        sin = torch.ones(1, 1, rotary_dim)
        x = torch.zeros(1, 1, 1, head_dim)
        x[..., 0] = 1.0
        out, _ = apply_fn(x, x.clone(), cos, sin)
        idx = int(out.abs().reshape(-1).argmax())
    except Exception:  # noqa: BLE001 - any failure only means we cannot name the style
        return "unknown"
    return {rotary_dim // 2: "half", 1: "interleaved"}.get(idx, "unknown")


def rope_config(cfg):
    """(theta, scaling) from rope_theta / rope_scaling (transformers 4) or rope_parameters (5)."""
    theta = getattr(cfg, "rope_theta", None)
    scaling = getattr(cfg, "rope_scaling", None)
    params = getattr(cfg, "rope_parameters", None)

    def non_default(p):
        return isinstance(p, dict) and p.get("rope_type", p.get("type", "default")) != "default"

    if isinstance(params, dict):  # transformers 5 (it also shows these as rope_scaling)
        if "rope_theta" in params or "rope_type" in params:
            theta = params.get("rope_theta", theta)
            scaling = params if non_default(params) else None
        else:  # per layer type, e.g. {"full_attention": {...}, "sliding_attention": {...}}
            theta = {k: v.get("rope_theta") for k, v in params.items() if isinstance(v, dict)} or theta
            scaling = params if any(non_default(v) for v in params.values()) else None
    elif not non_default(scaling):
        scaling = None
    return json_safe(theta), json_safe(scaling) if scaling else None


def model_name_of(args, config):
    if args.model_name:
        return args.model_name
    name = getattr(config, "_name_or_path", "") or ""
    if not name or os.path.exists(name):  # a local path: its folder name
        name = os.path.basename(os.path.normpath(name or args.model))
    return name


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------

def pick_device(want):
    if want == "cuda" or (want == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise DumpError("--device cuda: PyTorch sees no CUDA device")
        return torch.device("cuda")
    return torch.device("cpu")


def load(args, device):
    """(config, model, tokenizer or None)."""
    import transformers
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    if args.quiet:
        try:
            from transformers.utils import logging as hf_logging
            hf_logging.disable_progress_bar()
        except (ImportError, AttributeError):
            pass
    if not any(f.endswith(WEIGHT_FILES) for f in os.listdir(args.model)):
        raise DumpError("--model %s: no weights (*.safetensors or *.bin) in the folder" % args.model)
    try:
        config = AutoConfig.from_pretrained(args.model, local_files_only=True)
    except (OSError, ValueError, KeyError) as e:
        raise DumpError("--model %s: cannot read the config: %s" % (args.model, e))
    if getattr(config, "is_encoder_decoder", False):
        raise DumpError("--model %s: %s is an encoder-decoder model; only decoder-only causal LMs are "
                        "supported" % (args.model, type(config).__name__))
    cfg = text_config(config)
    if args.model_dtype != "auto":
        dtype = TORCH_DTYPES[args.model_dtype]
    elif device.type == "cpu":
        dtype = torch.float32
    else:
        declared = getattr(cfg, "dtype", None) or getattr(cfg, "torch_dtype", None)
        if isinstance(declared, str):
            declared = getattr(torch, declared, None)
        dtype = declared if declared in TORCH_DTYPES.values() else torch.float32
    kw = {"local_files_only": True}
    kw["dtype" if _version_tuple(transformers.__version__) >= (4, 56) else "torch_dtype"] = dtype
    if args.attn_implementation:
        kw["attn_implementation"] = args.attn_implementation
    try:
        model = AutoModelForCausalLM.from_pretrained(args.model, **kw)
    except (OSError, ValueError, KeyError, ImportError) as e:
        raise DumpError("--model %s: cannot load it as a causal LM: %s" % (args.model, e))
    model.to(device)
    model.eval()
    try:
        tokenizer = AutoTokenizer.from_pretrained(args.model, local_files_only=True)
    except (OSError, ValueError, KeyError, ImportError, TypeError) as e:
        if not args.token_ids:
            raise DumpError("--model %s: cannot load the tokenizer: %s" % (args.model, e))
        log(args, "warning: no tokenizer (%s); token strings and decoded text are left out" % e)
        tokenizer = None
    return config, model, tokenizer


def tokenize(args, tokenizer, vocab_size):
    """(ids, text facts for the sidecar)."""
    facts = {"input_text": None}
    if args.token_ids:
        ids = load_token_ids(args.token_ids)
        facts["input_kind"] = "token_ids"
    elif args.chat:
        messages = load_chat(args.chat)
        if not getattr(tokenizer, "chat_template", None):
            raise DumpError("--chat: the tokenizer of %s has no chat template" % args.model)
        rendered = tokenizer.apply_chat_template(messages, tokenize=False,
                                                 add_generation_prompt=args.add_generation_prompt)
        ids = list(tokenizer(rendered, add_special_tokens=False)["input_ids"])
        facts.update(input_kind="chat", input_text=rendered, chat=messages)
    else:
        text = args.prompt if args.prompt is not None else read_text_files(args.text_file)
        ids = list(tokenizer(text)["input_ids"])
        facts.update(input_kind="prefill", input_text=text)
    if not ids:
        raise DumpError("the input gives no tokens")
    facts["num_input_tokens"] = len(ids)
    facts["input_truncated"] = bool(args.max_tokens and len(ids) > args.max_tokens)
    if args.max_tokens:
        ids = ids[:args.max_tokens]
    if vocab_size and max(ids) >= vocab_size:
        raise DumpError("token id %d is outside the vocabulary (%d)" % (max(ids), vocab_size))
    strings = None
    if tokenizer is not None:
        strings = [str(s) for s in tokenizer.convert_ids_to_tokens(ids)]
        facts["decoded_text"] = tokenizer.decode(ids, skip_special_tokens=True)
        bos, bos_id = getattr(tokenizer, "bos_token", None), getattr(tokenizer, "bos_token_id", None)
        if bos is not None and ids[0] == bos_id:
            facts["bos_token"] = "%s (id %d)" % (bos, bos_id)
    return ids, strings, facts


# ---------------------------------------------------------------------------------------------
# Capture
# ---------------------------------------------------------------------------------------------

def _apply_norm(norm, x, heads, d):
    """x [1, T, heads*d] -> norm applied, [1, T, heads, d]. A norm over the whole projection
    (weight of heads*d values, OLMo2) sees [1, T, heads*d]; a per-head one sees [1, T, heads, d]."""
    t = x.shape[1]
    w = getattr(norm, "weight", None)
    if w is not None and w.dim() == 1 and w.numel() == heads * d and heads > 1:
        return norm(x).reshape(1, t, heads, d)
    return norm(x.reshape(1, t, heads, d))


class Capture:
    """Hooks on the dumped layers; fills preallocated [H, T, d] arrays chunk by chunk."""

    def __init__(self, attns, specs, num_tokens, dtype, with_k_pre_rope, rotary_fallback=None):
        self.attns, self.specs = attns, specs  # layer -> module, layer -> spec
        self.dtype = dtype
        self.with_k_pre_rope = with_k_pre_rope
        self.rotary_fallback = rotary_fallback
        self.start = 0
        self.positions = None
        self.proj, self.pos_emb = {}, {}
        self.handles = []
        self.apply_fns = {l: rotary_function(a) for l, a in attns.items()}
        self.rope = None  # (style, rotary_dim) seen on the first layer
        # Dump layer j is model layer sorted(attns)[j]: the dump numbers its layers without gaps.
        self.dump_index = {l: j for j, l in enumerate(sorted(attns))}
        self.arrays = {}
        sdt = fmt.storage_dtype(dtype)
        for l in sorted(attns):
            s = specs[l]
            roles = ("q", "k", "v") + (("k_pre_rope",) if with_k_pre_rope else ())
            for role in roles:
                h = s["num_heads"] if role == "q" else s["num_kv_heads"]
                self.arrays[self._name(l, role)] = np.empty((h, num_tokens, s["head_dim"]), dtype=sdt)

    def _name(self, layer, role):
        return fmt.tensor_name(self.dump_index[layer], role)

    def install(self):
        for l, attn in self.attns.items():
            for role in ("q", "k", "v"):
                self.handles.append(getattr(attn, role + "_proj").register_forward_hook(self._proj_hook(l, role)))
            self.handles.append(attn.register_forward_pre_hook(self._pre_hook(l, attn), with_kwargs=True))
            self.handles.append(attn.register_forward_hook(self._post_hook(l, attn)))

    def remove(self):
        for h in self.handles:
            h.remove()
        self.handles = []

    def _proj_hook(self, layer, role):
        def hook(_mod, _inp, out):
            self.proj[(layer, role)] = out[0] if isinstance(out, tuple) else out
        return hook

    def _pre_hook(self, layer, attn):
        try:
            sig = inspect.signature(attn.forward)
        except (TypeError, ValueError):
            sig = None

        def hook(_mod, args, kwargs):
            pe = kwargs.get("position_embeddings")
            if pe is None and sig is not None and args:
                try:
                    pe = sig.bind_partial(*args, **kwargs).arguments.get("position_embeddings")
                except TypeError:
                    pe = None
            self.pos_emb[layer] = pe
        return hook

    def _cos_sin(self, layer, attn, like):
        pe = self.pos_emb.pop(layer, None)
        if pe is not None:
            return pe
        rot = getattr(attn, "rotary_emb", None) or self.rotary_fallback
        if rot is None:
            raise DumpError("layer %d: the attention got no position_embeddings and there is no "
                            "rotary_emb module; models without RoPE are not supported" % layer)
        return rot(like, self.positions)

    def _post_hook(self, layer, attn):
        spec = self.specs[layer]
        hq, hkv, d = spec["num_heads"], spec["num_kv_heads"], spec["head_dim"]
        apply_fn = self.apply_fns[layer]

        def hook(_mod, _inp, _out):
            q, k, v = (self.proj.pop((layer, r)) for r in ("q", "k", "v"))
            if q.dim() != 3 or q.shape[0] != 1:
                raise DumpError("layer %d: expected projections [1, tokens, features], got %s"
                                % (layer, tuple(q.shape)), 1)
            t = q.shape[1]
            q4, k4, v4 = q.reshape(1, t, hq, d), k.reshape(1, t, hkv, d), v.reshape(1, t, hkv, d)
            if isinstance(getattr(attn, "q_norm", None), nn.Module):
                q4 = _apply_norm(attn.q_norm, q, hq, d)
            if isinstance(getattr(attn, "k_norm", None), nn.Module):
                k4 = _apply_norm(attn.k_norm, k, hkv, d)
            if isinstance(getattr(attn, "v_norm", None), nn.Module):
                v4 = _apply_norm(attn.v_norm, v, hkv, d)
            q4, k4, v4 = q4.transpose(1, 2), k4.transpose(1, 2), v4.transpose(1, 2)  # [1, H, T, d]
            cos, sin = self._cos_sin(layer, attn, v4)
            if self.rope is None:
                self.rope = (rope_style(apply_fn, int(cos.shape[-1]), d), int(cos.shape[-1]))
            q_rot, k_rot = apply_fn(q4, k4, cos, sin)
            sl = slice(self.start, self.start + t)
            self._store(layer, "q", q_rot, sl)
            self._store(layer, "k", k_rot, sl)
            self._store(layer, "v", v4, sl)
            if self.with_k_pre_rope:
                self._store(layer, "k_pre_rope", k4, sl)
        return hook

    def _store(self, layer, role, x, sl):
        a = x[0].detach().to(torch.float32).cpu().numpy()
        self.arrays[self._name(layer, role)][:, sl, :] = fmt.to_storage(a, self.dtype)


def _forward_kwargs(model):
    try:
        params = inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return {}
    for name in ("logits_to_keep", "num_logits_to_keep"):
        if name in params:
            return {name: 1}
    return {}


def run_model(model, capture, ids, chunk, device, args):
    """Runs the model over ids; returns the number of forward passes."""
    extra = _forward_kwargs(model)
    total = len(ids)
    step = chunk if chunk and chunk < total else total
    cache, passes = None, 0
    all_ids = torch.tensor([ids], dtype=torch.long, device=device)
    with torch.inference_mode():
        for start in range(0, total, step):
            n = min(step, total - start)
            pos = torch.arange(start, start + n, device=device).unsqueeze(0)
            capture.start, capture.positions = start, pos
            kw = dict(extra, input_ids=all_ids[:, start:start + n], position_ids=pos, use_cache=step < total)
            if cache is not None:
                kw["past_key_values"] = cache
            out = model(**kw)
            cache = getattr(out, "past_key_values", None) if step < total else None
            passes += 1
            if step < total:
                log(args, "  tokens %d..%d of %d" % (start, start + n - 1, total))
    return passes


def find_rotary_module(model):
    for name, mod in model.named_modules():
        if name.endswith("rotary_emb"):
            return mod
    return None


def device_description(device):
    if device.type == "cuda":
        return "cuda (%s)" % torch.cuda.get_device_name(device)
    return "cpu (%s)" % (platform.processor() or platform.machine())


def run_dump(args, argv=None):
    """The whole dump: load, tokenize, capture, write. Returns the sidecar dict."""
    import transformers

    device = pick_device(args.device)
    torch.set_float32_matmul_precision("highest")  # no TF32: float32 means float32
    config, model, tokenizer = load(args, device)
    cfg = text_config(config)
    name = model_name_of(args, config)
    path, layer_list = find_decoder_layers(model)
    layers = fmt.parse_layers(args.layers, len(layer_list))
    attns = {l: attention_of(layer_list[l]) for l in layers}
    specs = {l: layer_spec(name, l, attns[l], cfg) for l in layers}
    vocab = getattr(cfg, "vocab_size", None)
    ids, strings, text = tokenize(args, tokenizer, vocab)
    log(args, "%s: %d tokens, layers %s of %d (%s), %s, %s"
        % (name, len(ids), ",".join(map(str, layers)), len(layer_list), path,
           device_description(device), str(next(model.parameters()).dtype).replace("torch.", "")))

    capture = Capture(attns, specs, len(ids), args.dtype, not args.no_k_pre_rope,
                      rotary_fallback=find_rotary_module(model))
    capture.install()
    try:
        passes = run_model(model, capture, ids, args.chunk_size, device, args)
    finally:
        capture.remove()

    first = specs[layers[0]]
    theta, scaling = rope_config(cfg)
    style, rotary_dim = capture.rope or ("unknown", None)
    attn0 = attns[layers[0]]
    model_facts = {
        "name": name,
        "architecture": "%s (%s)" % (type(model).__name__, type(attn0).__name__),
        "num_layers": len(layer_list),
        "num_heads": first["num_heads"],
        "num_kv_heads": first["num_kv_heads"],
        "head_dim": first["head_dim"],
        "hidden_size": getattr(cfg, "hidden_size", None),
        "vocab_size": vocab,
        "max_position_embeddings": getattr(cfg, "max_position_embeddings", None),
        "rope": fmt.rope_description(style, theta, rotary_dim, first["head_dim"], scaling),
        "attention_scale": json_safe(getattr(attn0, "scaling", None)),
        "q_norm": type(attn0.q_norm).__name__ + " applied to q before RoPE"
        if isinstance(getattr(attn0, "q_norm", None), nn.Module) else None,
        "k_norm": type(attn0.k_norm).__name__ + " applied to k (and k_pre_rope) before RoPE"
        if isinstance(getattr(attn0, "k_norm", None), nn.Module) else None,
    }
    produced_by = {
        "tool": TOOL_NAME,
        "version": TOOL_VERSION,
        "command": " ".join(argv) if argv is not None else None,
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "device": device_description(device),
        "model_dtype": str(next(model.parameters()).dtype).replace("torch.", ""),
        "attn_implementation": getattr(model.config, "_attn_implementation", None),
        "chunk_size": args.chunk_size,
        "forward_passes": passes,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }
    meta = fmt.build_sidecar(model_facts, text, {"ids": ids, "strings": strings}, layers, args.dtype,
                             produced_by)
    side = fmt.write_dump(args.out, args.format, capture.arrays, args.dtype, meta)
    log(args, "wrote %s (%d tensors) and %s" % (args.out, len(capture.arrays), side))
    return meta
