"""Warnings printed at import stay on the exhibit: `show` says them months later."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from tests.conftest import PASSPHRASE, CliResult


def test_a_truncated_jpeg_keeps_its_warning(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 40, 40)).save(picture, "JPEG", quality=90)
    evidence = tmp_path / "handover"
    evidence.mkdir()
    (evidence / "crater.jpg").write_bytes(picture.getvalue()[: len(picture.getvalue()) // 2])
    case = str(tmp_path / "w.caseapp")
    assert cli("init", case, passphrase=PASSPHRASE).code == 0
    taken = cli("--case", case, "import", str(evidence), passphrase=PASSPHRASE)
    assert "EX-1" in taken.out
    printed = [line for line in taken.err.splitlines() if line.startswith("warning:")]
    assert printed, taken.err
    shown = cli("--case", case, "show", "EX-1", passphrase=PASSPHRASE)
    assert shown.code == 0
    assert "Warnings when it was taken in" in shown.out
    for line in printed:
        assert line.removeprefix("warning: ")[:40] in shown.out
