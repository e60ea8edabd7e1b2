"""The layering of architecture §1, enforced by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: " in result.stdout and " broken" in result.stdout
    assert "0 broken" in result.stdout


def test_core_imports_only_the_standard_library() -> None:
    """Belt and braces for the first contract: no third-party name in any core module."""
    forbidden = ("sqlalchemy", "sqlcipher3", "keyring", "argon2", "cryptography", "PySide6", "reportlab", "docx")
    for path in (ROOT / "caseapp" / "core").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                assert not any(f" {name}" in stripped for name in forbidden), f"{path}: {stripped}"
