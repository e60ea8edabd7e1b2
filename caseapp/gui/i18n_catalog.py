"""The catalogue of the interface's strings, and the Qt Linguist files that translate them.

    python -m caseapp.gui.i18n_catalog update     (or: make translations)

``update`` scans caseapp/gui for marked strings and rewrites ``resources/translations/caseapp_*.ts``
(translations kept, new strings added as unfinished, vanished ones dropped), then builds each
``.qm`` with pyside6-lrelease. ``check`` only reports what is untranslated (exit code 1 if any).
``move OLD NEW`` is ``update`` after code moved from class ``OLD`` to ``NEW``: each string now
marked in context ``NEW`` without a translation there takes the one it had in ``OLD``.

The scan reads the source as Python (``ast``), so it sees the same calls as lupdate and also
the modules' one-line helpers (``def tr(text): return QCoreApplication.translate("ctx", text)``):
``self.tr("...")`` (the context is the enclosing class), ``QCoreApplication.translate("ctx", "...")``,
``QT_TRANSLATE_NOOP("ctx", "...")`` and calls of such helpers. No line numbers are written, so the
``.ts`` files change only when a string does.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

GUI_DIR = Path(__file__).resolve().parent
TRANSLATED = {"fr": "fr_FR", "ar": "ar"}  # language code -> the .ts file's language attribute
Key = tuple[str, str]  # (context, source text)


@dataclass
class Scan:
    messages: dict[Key, list[str]] = field(default_factory=dict)  # -> where ("file:line")
    dynamic: list[str] = field(default_factory=list)  # translation calls whose text is not a literal

    def add(self, context: str, text: str, where: str) -> None:
        self.messages.setdefault((context, text), []).append(where)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level one-argument functions returning translate("ctx", <argument>) or QT_TRANSLATE_NOOP(same)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        statements = [s for s in node.body if not (isinstance(s, ast.Expr) and _literal(s.value) is not None)]
        if len(statements) != 1:  # one statement, after the docstring
            continue
        body = statements[0]
        call = body.value if isinstance(body, ast.Return) else None
        if (
            isinstance(call, ast.Call)
            and (
                (isinstance(call.func, ast.Attribute) and call.func.attr == "translate")
                or (isinstance(call.func, ast.Name) and call.func.id == "QT_TRANSLATE_NOOP")
            )
            and len(call.args) == 2
            and (context := _literal(call.args[0])) is not None
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            found[node.name] = context
    return found


class _Visitor(ast.NodeVisitor):
    def __init__(self, scan: Scan, name: str, helpers: dict[str, str]) -> None:
        self.scan, self.name, self.helpers = scan, name, helpers
        self.classes: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name not in self.helpers:  # a helper's own translate(context, text) is not a string
            self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func, args, where = node.func, node.args, f"{self.name}:{node.lineno}"
        pair: tuple[str | None, ast.expr] | None = None
        if isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name):
            if func.value.id == "self" and args:
                pair = (self.classes[-1] if self.classes else None, args[0])
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) >= 2:
            pair = (_literal(args[0]), args[1])
        elif isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP" and len(args) == 2:
            pair = (_literal(args[0]), args[1])
        elif isinstance(func, ast.Name) and func.id in self.helpers and args:
            pair = (self.helpers[func.id], args[0])
        if pair is not None:
            context, argument = pair
            text = _literal(argument)
            if context is not None and text is not None:
                self.scan.add(context, text, where)
            elif not (isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP"):
                self.scan.dynamic.append(f"{where}: {ast.unparse(argument)}")
        self.generic_visit(node)


def scan_sources(root: Path = GUI_DIR) -> Scan:
    """Every marked string under ``root``, by (context, source text)."""
    scan = Scan()
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in sorted(root.rglob("*.py"))}
    base = root.parent.parent
    module = {path: ".".join(path.relative_to(base).with_suffix("").parts) for path in trees}
    own = {module[path]: _helpers(tree) for path, tree in trees.items()}
    for path, tree in trees.items():
        helpers = dict(own[module[path]])
        for node in tree.body:  # helpers imported from another GUI module keep their context
            if isinstance(node, ast.ImportFrom) and node.module in own:
                theirs = own[node.module]
                helpers.update(
                    {alias.asname or alias.name: theirs[alias.name] for alias in node.names if alias.name in theirs}
                )
        _Visitor(scan, path.relative_to(base).as_posix(), helpers).visit(tree)
    return scan


@dataclass(frozen=True)
class Translation:
    text: str
    finished: bool


def read_ts(path: Path) -> dict[Key, Translation]:
    found: dict[Key, Translation] = {}
    if not path.exists():
        return found
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314  (the repository's own .ts files)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            text = "" if element is None else (element.text or "")
            finished = element is not None and element.get("type") not in ("unfinished", "obsolete", "vanished")
            found[(name, message.findtext("source") or "")] = Translation(text, finished)
    return found


def write_ts(path: Path, language: str, keys: list[Key], old: dict[Key, Translation]) -> None:
    root = ET.Element("TS", {"version": "2.1", "language": language, "sourcelanguage": "en"})
    contexts: dict[str, ET.Element] = {}
    for context, source in sorted(keys):
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        previous = old.get((context, source), Translation("", False))
        translation = ET.SubElement(message, "translation")
        translation.text = previous.text
        if not (previous.finished and previous.text):
            translation.set("type", "unfinished")
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def ts_path(directory: Path, code: str) -> Path:
    return directory / f"caseapp_{code}.ts"


def lrelease(ts: Path, qm: Path) -> None:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)


def carried(old: dict[Key, Translation], keys: list[Key], before: str, after: str) -> dict[Key, Translation]:
    """``old`` with the finished translations of context ``before`` copied to the same strings of
    ``after`` that have none (after code moved from one class to another)."""
    found = dict(old)
    for context, text in keys:
        known = found.get((context, text))
        earlier = old.get((before, text))
        if context == after and not (known and known.finished) and earlier and earlier.finished:
            found[(context, text)] = earlier
    return found


def main(argv: list[str] | None = None) -> int:
    from caseapp.core.resources import resource_path

    args = sys.argv[1:] if argv is None else argv
    moved: tuple[str, str] | None = None
    if len(args) == 3 and args[0] == "move":
        moved, args = (args[1], args[2]), ["update"]
    if args not in (["update"], ["check"]):
        sys.stderr.write("usage: python -m caseapp.gui.i18n_catalog update|check|move OLD_CONTEXT NEW_CONTEXT\n")
        return 1
    directory = resource_path("translations")
    scan = scan_sources()
    keys = list(scan.messages)
    missing = 0
    for code, language in TRANSLATED.items():
        ts = ts_path(directory, code)
        old = read_ts(ts)
        if moved is not None:
            old = carried(old, keys, *moved)
        if args == ["update"]:
            write_ts(ts, language, keys, old)
            lrelease(ts, ts.with_suffix(".qm"))
        todo = [key for key in keys if not (old.get(key) and old[key].finished and old[key].text)]
        missing += len(todo)
        print(f"{ts.name}: {len(keys)} strings, {len(todo)} untranslated")
    return 1 if missing and args == ["check"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
