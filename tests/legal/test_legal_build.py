"""The shipped legal data is exactly what the builder makes from the inputs kept inside the repository."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LEGAL = Path(__file__).resolve().parents[2] / "resources" / "legal"
TOOL = LEGAL / "tools" / "build_catalogue.py"


def _tuple_constant(name: str) -> tuple[str, ...]:
    """INPUT_FILES / BUILT_FILES as the tool declares them (read without importing the script)."""
    for node in ast.parse(TOOL.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            value = ast.literal_eval(node.value)
            assert isinstance(value, tuple)
            return value
    raise AssertionError(f"{name} not found in {TOOL}")


INPUTS = _tuple_constant("INPUT_FILES")
BUILT = _tuple_constant("BUILT_FILES")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build from a folder holding copies of the declared inputs only: anything else read would fail the build."""
    src = tmp_path_factory.mktemp("legal-inputs")
    for name in INPUTS:
        shutil.copyfile(LEGAL / name, src / name)
    out = tmp_path_factory.mktemp("legal-rebuilt")
    result = subprocess.run(
        [sys.executable, str(TOOL), "--src", str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ crimes; corrections: \d+\n", result.stdout)
    assert sorted(p.name for p in src.iterdir()) == sorted(INPUTS), "the tool must not write into its inputs"
    return out


@pytest.mark.parametrize("name", ["catalogue.json", "countries.csv", "states-parties.csv", "corrections.json"])
def test_rebuilding_gives_the_shipped_file_byte_for_byte(rebuilt: Path, name: str) -> None:
    assert name in BUILT
    assert (rebuilt / name).read_bytes() == (LEGAL / name).read_bytes(), (
        f"{name} differs from what tools/build_catalogue.py builds: rebuild it (see PROVENANCE.md) or fix the tool"
    )


def test_every_input_is_in_the_repository_and_attributed() -> None:
    provenance = (LEGAL / "PROVENANCE.md").read_text(encoding="utf-8")
    for name in INPUTS:
        assert (LEGAL / name).is_file(), name
        assert f"`{name}`" in provenance, f"{name} needs its line in PROVENANCE.md"
