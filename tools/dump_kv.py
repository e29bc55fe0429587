#!/usr/bin/env python3
"""Writes a VeloxQuant KV dump (q, k, v per layer, after RoPE, plus k before RoPE) from a local
Hugging Face transformers causal LM. `dump_kv.py --help` lists the options; README.md ("Producing
dumps with tools/dump_kv.py") describes the output and the supported models.

Needs PyTorch, transformers and NumPy. Exit codes: 0 success, 1 failure while running or
writing, 2 bad command line, unsupported model or unreadable input.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from kvdump import DumpError  # noqa: E402
from kvdump.args import parse_args  # noqa: E402


def main(argv=None):
    """Runs the dumper on argv (sys.argv[1:] when None); returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = parse_args(argv)
        try:
            from kvdump.capture import run_dump
        except ImportError as e:
            raise DumpError("dump_kv.py needs PyTorch and transformers (%s)" % e)
        run_dump(args, ["dump_kv.py"] + argv)
        return 0
    except DumpError as e:
        print("dump_kv.py: error: %s" % e, file=sys.stderr)
        return e.code
    except SystemExit as e:  # argparse: --help, --version, usage errors (code 2)
        return e.code if isinstance(e.code, int) else 2
    except KeyboardInterrupt:
        print("dump_kv.py: interrupted", file=sys.stderr)
        return 130
    except (OSError, RuntimeError, ValueError) as e:
        print("dump_kv.py: error: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
