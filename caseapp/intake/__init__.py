"""Reading evidence files: walking, streaming hash, type sniffing, metadata, derivatives. No database.

Public API (imported lazily so that importing the package does not load Pillow or PDFium):

- `walk` / `collect` (``caseapp.intake.walk``): the files to take in, and reports of what was left out.
- `stream_file` / `HashingReader` (``caseapp.intake.reader``): the single hashing pass feeding the encryptor.
- `inspect_file` (``caseapp.intake.inspection``): type, metadata, derivatives and problems of one file.
- `escape_name` / `unescape_name` (``caseapp.intake.names``): a name safe to display and store, and back.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "walk": "caseapp.intake.walk",
    "collect": "caseapp.intake.walk",
    "stream_file": "caseapp.intake.reader",
    "HashingReader": "caseapp.intake.reader",
    "inspect_file": "caseapp.intake.inspection",
    "escape_name": "caseapp.intake.names",
    "unescape_name": "caseapp.intake.names",
    "sniff": "caseapp.intake.sniff",
}
__all__ = ["HashingReader", "collect", "escape_name", "inspect_file", "sniff", "stream_file", "unescape_name", "walk"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'caseapp.intake' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
