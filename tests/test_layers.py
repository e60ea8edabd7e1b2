"""The layering of architecture §1, enforced by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import ast
import shutil
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


CORE = "caseapp.core"


def _module_name(path: Path, package_dir: Path, package: str) -> str:
    parts = list(path.relative_to(package_dir).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def _allowed(name: str) -> bool:
    """The standard library, or caseapp.core itself (never another caseapp package)."""
    if name == CORE or name.startswith(CORE + "."):
        return True
    return name.split(".", maxsplit=1)[0] in sys.stdlib_module_names


def core_imports_outside_the_allow_list(package_dir: Path, package: str = CORE) -> list[str]:
    """Every import in the modules under ``package_dir`` that is neither the standard library nor core.

    Allow list, not deny list: a new third-party package is refused without anyone naming it. Relative
    imports are resolved against the module's own package. (``importlib.import_module`` with a computed
    name cannot be seen statically; core has no such call.)"""
    found: list[str] = []
    for path in sorted(package_dir.rglob("*.py")):
        module = _module_name(path, package_dir, package)
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.split(".")
                    base = base[: len(base) - node.level + (1 if is_package else 0)]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                # "from caseapp import core" names a module: judge each imported name under its package
                names = [target] if target != "caseapp" else [f"caseapp.{alias.name}" for alias in node.names]
            found.extend(
                f"{path.relative_to(package_dir.parent)}:{node.lineno}: {name}" for name in names if not _allowed(name)
            )
    return found


def test_core_imports_only_the_standard_library() -> None:
    """The allow list over sys.stdlib_module_names (the first contract names only known packages)."""
    assert core_imports_outside_the_allow_list(ROOT / "caseapp" / "core") == []


def test_the_allow_list_catches_what_a_deny_list_misses(tmp_path: Path) -> None:
    core = tmp_path / "core"
    shutil.copytree(ROOT / "caseapp" / "core", core, ignore=shutil.ignore_patterns("__pycache__"))
    assert core_imports_outside_the_allow_list(core) == []
    refs = core / "refs.py"
    refs.write_text(refs.read_text(encoding="utf-8") + "\nimport platformdirs\n", encoding="utf-8")
    (core / "legal" / "sneaky.py").write_text(
        "from caseapp import atomicfile\nfrom ... import storage\nfrom .. import errors\n"
        "from caseapp.storage.orm import Base\nimport caseapp.core.text, os.path, yaml.loader\n",
        encoding="utf-8",
    )
    found = core_imports_outside_the_allow_list(core)
    assert [entry.split(": ", 1)[1] for entry in found] == [
        "caseapp.atomicfile",
        "caseapp.storage",
        "caseapp.storage.orm",
        "yaml.loader",
        "platformdirs",
    ]
    assert found[-1].startswith("core/refs.py:")
