"""KV dump tools for VeloxQuant Studio.

kvdump.format and kvdump.args need only NumPy (they run in CI); kvdump.capture needs PyTorch and
Hugging Face transformers. tools/dump_kv.py is the command line entry point.
"""

TOOL_NAME = "tools/dump_kv.py"
TOOL_VERSION = "1.0"


class DumpError(Exception):
    """An error the user can act on: printed as one message, exit code `code` (2 by default)."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code
