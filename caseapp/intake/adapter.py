"""The intake package behind the core's :class:`~caseapp.core.ports.Intake` port."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from caseapp.core.evidence import FileFacts, FileIdentity, StreamResult, WalkResult


class FileIntake:
    """Walk, stream and inspect real files (loads Pillow, PDFium and friends only when used)."""

    def collect(self, paths: Sequence[str], *, cancel: Callable[[], bool] | None) -> WalkResult:
        from caseapp.intake.walk import collect

        return collect(list(paths), cancel=cancel)

    def stream_file(
        self,
        path: str,
        consume: Callable[[Any], None],
        *,
        expected: FileIdentity,
        progress: Callable[[int], None],
        cancel: Callable[[], bool] | None,
    ) -> StreamResult:
        from caseapp.intake.reader import stream_file

        return stream_file(path, consume, expected=expected, progress=progress, cancel=cancel)

    def inspect_file(
        self, path: str, *, name: str, expected: FileIdentity, cancel: Callable[[], bool] | None
    ) -> FileFacts:
        from caseapp.intake.inspection import inspect_file

        return inspect_file(path, name=name, cancel=cancel, expected=expected)

    def escape_name(self, name: str) -> str:
        from caseapp.intake.names import escape_name

        return escape_name(name)
