"""Each import-linter contract of pyproject.toml catches a deliberate violation.

The caseapp package is copied to a temporary folder; for every contract one module holding a forbidden
import is added to the copy; lint-imports then runs ONCE over the copy, with the contracts of pyproject.toml
(copied verbatim into a temporary config file). Every contract must be reported broken, and its report must
name the module injected for it (so a contract broken for some other reason does not count).

The violations live in new modules (``_violation_*.py``) rather than in edited copies of existing ones, so
that the harness does not depend on which modules the rest of the code base happens to have this week.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent


class Violation(NamedTuple):
    contract: str  # the contract's name in pyproject.toml
    module: str  # the module added to the copy, dotted
    line: str  # its one forbidden import


VIOLATIONS = [
    Violation("core is pure: standard library only", "caseapp.core._violation_pure", "import PIL"),
    Violation(
        "only storage knows SQLAlchemy, SQLCipher and Alembic", "caseapp.export._violation_sql", "import sqlalchemy"
    ),
    Violation("lower layers import core only", "caseapp.intake._violation_app", "import caseapp.app"),
    Violation(
        "storage, secrets, intake and export are independent of each other",
        "caseapp.storage._violation_secrets",
        "import caseapp.secrets",
    ),
    Violation(
        "only secrets knows keyring, argon2 and key wrapping", "caseapp.export._violation_keyring", "import keyring"
    ),
    Violation("only export knows reportlab, python-docx and bagit", "caseapp.app._violation_docx", "import docx"),
    Violation("only secrets knows OpenPGP signing", "caseapp.export._violation_pgp", "import pysequoia"),
    Violation(
        "the command line and the composition layer never import Qt", "caseapp.cli._violation_qt", "import PySide6"
    ),
    Violation(
        "layers: gui|cli > app > storage|secrets|intake|export > core",
        "caseapp.app._violation_cli",
        "import caseapp.cli",
    ),
]

# Ready to enable with the commented-out contract in pyproject.toml (after the lead's refactor of
# caseapp.app.importing): uncomment both in the same commit; test_every_contract_has_a_case insists.
STORAGE_INTERNALS = Violation(
    "ORM rows and storage internals never leave storage",
    "caseapp.export._violation_orm",
    "from caseapp.storage import orm",
)
VIOLATIONS.append(STORAGE_INTERNALS)


def _contract_names() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        config = tomllib.load(fh)
    return [c["name"] for c in config["tool"]["importlinter"]["contracts"]]


def _importlinter_config() -> str:
    """The [tool.importlinter] sections of pyproject.toml, verbatim (the same contracts, not a copy of them)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    start = text.index("[tool.importlinter]")
    end = text.find("\n[tool.", text.index("\n", start))
    while end != -1 and text.startswith("\n[tool.importlinter", end):
        end = text.find("\n[tool.", end + 1)
    return text[start:] if end == -1 else text[start:end]


def _broken_sections(output: str) -> dict[str, str]:
    """Contract name -> the text of its report, from lint-imports' "Broken contracts" part."""
    broken = output.split("Broken contracts", 1)[1] if "Broken contracts" in output else ""
    heads = list(re.finditer(r"^(\S.*)\n-+\n", broken, flags=re.MULTILINE))
    return {
        m.group(1).strip(): broken[m.end() : heads[i + 1].start() if i + 1 < len(heads) else len(broken)]
        for i, m in enumerate(heads)
    }


def test_every_contract_has_a_case() -> None:
    assert sorted(_contract_names()) == sorted(v.contract for v in VIOLATIONS)


def test_each_contract_catches_its_violation(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "caseapp", tmp_path / "caseapp", ignore=shutil.ignore_patterns("__pycache__"))
    for violation in VIOLATIONS:
        path = tmp_path.joinpath(*violation.module.split(".")).with_suffix(".py")
        assert path.parent.joinpath("__init__.py").is_file(), f"{path.parent} is not a package of the copy"
        path.write_text(f'"""Deliberate violation of: {violation.contract}."""\n\n{violation.line}\n', "utf-8")
    config = tmp_path / "contracts.toml"
    config.write_text(_importlinter_config(), encoding="utf-8")
    assert sorted(re.findall(r'^name = "(.*)"$', config.read_text(encoding="utf-8"), re.MULTILINE)) == sorted(
        _contract_names()
    )

    lint_imports = Path(sys.executable).parent / "lint-imports"
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [str(lint_imports), str(config), "--no-cache", "--no-logo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"Contracts: 0 kept, {len(VIOLATIONS)} broken." in output, output
    sections = _broken_sections(output)
    for violation in VIOLATIONS:
        assert violation.contract in sections, f"{violation.contract!r} not reported broken:\n{output}"
        assert violation.module in sections[violation.contract], (
            f"{violation.contract!r} is broken, but not by {violation.module}:\n{sections[violation.contract]}"
        )
