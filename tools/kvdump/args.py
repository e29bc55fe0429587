"""Command line of tools/dump_kv.py and the loading of its inputs (no PyTorch needed)."""

import argparse
import json
import os

from . import TOOL_NAME, TOOL_VERSION, DumpError
from .format import DTYPES, FORMATS, resolve_format

DEFAULT_CHUNK = 2048

DESCRIPTION = """\
Runs a Hugging Face transformers causal LM (a local model folder) on a text and writes, per
layer, the queries and keys after RoPE, the values and the keys before RoPE as a VeloxQuant KV
dump (layer_{i}.q/k/v/k_pre_rope, [heads, tokens, head_dim]) in .npz or .safetensors, with a
JSON sidecar <stem>.json beside it."""

EPILOG = """\
examples:
  %(prog)s --model models/Llama-3.2-1B --text-file story.txt --max-tokens 4096 --out story.npz
  %(prog)s --model DIR --prompt "Once upon a time" --dtype bf16 --out once.safetensors
  %(prog)s --model DIR --chat chat.json --layers 0,1,5-7 --device cuda --out chat.npz
  %(prog)s --model DIR --token-ids reference.json --out check.npz   (ids, or a sidecar's "tokens")

exit codes: 0 success, 1 failure while running or writing, 2 bad command line, unsupported
model or unreadable input."""


def build_parser():
    p = argparse.ArgumentParser(prog="dump_kv.py", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True, metavar="DIR",
                   help="local model folder (config.json, weights, tokenizer); nothing is downloaded")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--text-file", action="append", metavar="F",
                     help="UTF-8 text to read; repeatable (the files are joined with a blank line)")
    src.add_argument("--prompt", metavar="TEXT", help="the text itself")
    src.add_argument("--chat", metavar="FILE.json",
                     help='a JSON list of {"role": ..., "content": ...} messages, rendered with the '
                          "tokenizer's chat template")
    src.add_argument("--token-ids", metavar="FILE.json",
                     help='exact token ids: a JSON list of integers, or an object with "tokens", '
                          '"token_ids" or "input_ids" (a dump sidecar works)')
    p.add_argument("--add-generation-prompt", action="store_true",
                   help="with --chat: end with the template's assistant prompt")
    p.add_argument("--max-tokens", type=int, metavar="N", help="keep only the first N tokens")
    p.add_argument("--layers", metavar="LIST", help="model layers to dump, e.g. 0,1,5-7 or -1 (default: all); they are "
                        "numbered 0..n-1 in the dump and the sidecar's source_layers maps them back")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto",
                   help="where the model runs (auto: cuda when available)")
    p.add_argument("--dtype", choices=tuple(DTYPES), default="f32",
                   help="dtype of the written tensors (default f32)")
    p.add_argument("--model-dtype", choices=("auto",) + tuple(DTYPES), default="auto",
                   help="dtype the model computes in (auto: f32 on cpu, the checkpoint's dtype on cuda)")
    p.add_argument("--attn-implementation", metavar="NAME",
                   help="transformers attention implementation, e.g. eager or sdpa (default: the model's)")
    p.add_argument("--format", choices=FORMATS,
                   help="container (default: from the extension of --out)")
    p.add_argument("--out", required=True, metavar="PATH", help="output .npz or .safetensors")
    p.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK, metavar="N",
                   help="tokens per forward pass; longer inputs run in chunks through the model's KV "
                        "cache (past_key_values) so activation memory stays bounded; 0 = one pass "
                        "(default %d)" % DEFAULT_CHUNK)
    p.add_argument("--no-k-pre-rope", action="store_true", help="do not write layer_{i}.k_pre_rope")
    p.add_argument("--model-name", metavar="NAME",
                   help="model name for the metadata (default: config._name_or_path or the folder name)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--version", action="version", version="%s %s" % (TOOL_NAME, TOOL_VERSION))
    return p


def parse_args(argv=None):
    """Parsed and checked arguments. argparse errors exit with code 2; our checks raise DumpError
    (code 2). Sets args.out and args.format to the resolved output path and container."""
    args = build_parser().parse_args(argv)
    if args.max_tokens is not None and args.max_tokens <= 0:
        raise DumpError("--max-tokens must be positive")
    if args.chunk_size < 0:
        raise DumpError("--chunk-size must be 0 (one pass) or positive")
    if args.add_generation_prompt and not args.chat:
        raise DumpError("--add-generation-prompt needs --chat")
    if not os.path.isdir(args.model):
        raise DumpError("--model %s: no such folder (a local model folder is needed; nothing is "
                        "downloaded)" % args.model)
    if not os.path.exists(os.path.join(args.model, "config.json")):
        raise DumpError("--model %s: config.json is missing (not a Hugging Face model folder?)" % args.model)
    args.out, args.format = resolve_format(args.out, args.format)
    out_dir = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(out_dir):
        raise DumpError("--out %s: the folder %s does not exist" % (args.out, out_dir))
    for f in args.text_file or []:
        if not os.path.isfile(f):
            raise DumpError("--text-file %s: no such file" % f)
    for flag, f in (("--chat", args.chat), ("--token-ids", args.token_ids)):
        if f is not None and not os.path.isfile(f):
            raise DumpError("%s %s: no such file" % (flag, f))
    return args


def read_text_files(paths):
    texts = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                texts.append(f.read())
        except (OSError, UnicodeDecodeError) as e:
            raise DumpError("--text-file %s: %s" % (path, e))
    return "\n\n".join(texts)


def _load_json(path, flag):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise DumpError("%s %s: %s" % (flag, path, e))


def token_ids_from_json(obj, where="--token-ids"):
    """A list of ints from a JSON list, or from an object's "tokens" / "token_ids" / "input_ids"."""
    if isinstance(obj, dict):
        for key in ("tokens", "token_ids", "input_ids"):
            if key in obj:
                obj = obj[key]
                break
        else:
            raise DumpError('%s: the object has no "tokens", "token_ids" or "input_ids" list' % where)
    if not isinstance(obj, list) or not obj:
        raise DumpError("%s: expected a non-empty list of token ids" % where)
    if any(isinstance(t, bool) or not isinstance(t, int) or t < 0 for t in obj):
        raise DumpError("%s: every token id must be a non-negative integer" % where)
    return obj


def load_token_ids(path):
    return token_ids_from_json(_load_json(path, "--token-ids"), "--token-ids " + path)


def chat_from_json(obj, where="--chat"):
    """A list of {"role": str, "content": str} (also accepted: {"messages": [...]})."""
    if isinstance(obj, dict) and "messages" in obj:
        obj = obj["messages"]
    if not isinstance(obj, list) or not obj:
        raise DumpError('%s: expected a non-empty JSON list of {"role", "content"} messages' % where)
    for i, m in enumerate(obj):
        if not isinstance(m, dict) or not isinstance(m.get("role"), str) \
                or not isinstance(m.get("content"), str):
            raise DumpError('%s: message %d must be an object with string "role" and "content"' % (where, i))
    return obj


def load_chat(path):
    return chat_from_json(_load_json(path, "--chat"), "--chat " + path)
