"""`caseapp dossier show/set/write/clear` as a script uses them: exit codes, JSON, files and standard
input, `caseapp undo` and `caseapp verify` afterwards."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.dossier.inputs import SectionKey
from tests.conftest import PASSPHRASE, CliResult

SITUATION = "Situation en République arabe syrienne"
INTRODUCTION = "مقدمة البلاغ: قصف مستشفى القدس في حلب.\n\nLe second paragraphe, en français."


@pytest.fixture
def case_path(make_case: Callable[..., tuple[OpenCase, str]]) -> str:
    """A real case (cheap key derivation) closed again, for the command line to open."""
    case, _ = make_case()
    case.close()
    return str(case.folder)


def run(cli: Callable[..., CliResult], case: str, *args: str) -> CliResult:
    return cli("--case", case, *args, passphrase=PASSPHRASE)


def shown(cli: Callable[..., CliResult], case: str) -> dict[str, object]:
    result = run(cli, case, "dossier", "show", "--json")
    assert result.code == 0, result.err
    value: dict[str, object] = json.loads(result.out)
    return value


def test_set_write_show_clear_undo_and_verify(cli: Callable[..., CliResult], case_path: str, tmp_path: Path) -> None:
    fresh = shown(cli, case_path)
    assert fresh["situation"] == "" and fresh["undertaking"] is True
    assert fresh["sections"] == {key.value: {"status": "draft"} for key in SectionKey}
    result = run(
        cli,
        case_path,
        "dossier",
        "set",
        "--situation",
        SITUATION,
        "--situation-number",
        "ICC-01/24",
        "--sender",
        "Clinique de droit",
        "--sender",
        "غازي عنتاب",
        "--contact",
        "clinic@example.org",
        "--no-undertaking",
        "--territory",
        "sy",
        "--element-territory",
        "TR",
        "--element-territory",
        "SY",
        "--nationality",
        "RU",
        "--victim-state",
        "SY",
        "--supplement-to-date",
        "2025-03-01",
        "--supplement-to-hash",
        "0f" * 32,
    )
    assert result.code == 0, result.err
    assert "Set the dossier's situation, situation number" in result.out
    text_file = tmp_path / "introduction.txt"
    text_file.write_bytes(b"\xef\xbb\xbf" + INTRODUCTION.replace("\n", "\r\n").encode())  # a BOM and CRLF
    assert run(cli, case_path, "dossier", "write", "introduction", "--file", str(text_file)).code == 0
    assert run(cli, case_path, "dossier", "write", "gravity", "--text", "Grave.").code == 0
    inputs = shown(cli, case_path)
    assert inputs["situation"] == SITUATION and inputs["situation_number"] == "ICC-01/24"
    assert inputs["sender"] == ["Clinique de droit", "غازي عنتاب"]
    assert inputs["undertaking"] is False
    assert (inputs["territory"], inputs["element_territories"], inputs["nationalities"]) == ("SY", ["TR", "SY"], ["RU"])
    assert inputs["supplement_to"] == {"sent_on": "2025-03-01", "bundle_sha256": "0f" * 32, "title": ""}
    sections = inputs["sections"]
    assert isinstance(sections, dict)
    assert sections["introduction"]["status"] == "written"
    assert sections["introduction"]["text"] == INTRODUCTION
    assert sections["introduction"]["author"] == "tester"
    assert sections["gravity"]["text"] == "Grave." and sections["perpetrators"] == {"status": "draft"}
    readable = run(cli, case_path, "dossier", "show")
    assert "introduction" in readable.out and "written by tester" in readable.out
    assert "draft (generated until you write it)" in readable.out

    assert run(cli, case_path, "dossier", "clear", "gravity", "--reason", "à réécrire").code == 0
    assert shown(cli, case_path)["sections"]["gravity"] == {"status": "draft"}  # type: ignore[index]
    undo = run(cli, case_path, "undo")
    assert undo.code == 0 and "dossier.section_clear" in undo.out
    assert shown(cli, case_path)["sections"]["gravity"]["text"] == "Grave."  # type: ignore[index]

    log = json.loads(run(cli, case_path, "log", "--json").out)
    assert [e["action"] for e in log[1:]] == [
        "dossier.edit",
        "dossier.section_write",
        "dossier.section_write",
        "dossier.section_clear",
        "undo",
    ]
    logged = json.dumps(log, ensure_ascii=False)
    for private in ("clinic@example.org", "غازي عنتاب", "مقدمة البلاغ", "Grave."):
        assert private not in logged
    verified = run(cli, case_path, "verify")
    assert verified.code == 0, verified.out + verified.err


def test_standard_input_is_read_as_utf8(
    case_path: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from caseapp.cli.main import main

    monkeypatch.setenv("CASEAPP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(INTRODUCTION.encode("utf-8"))))
    assert main(["--case", case_path, "dossier", "write", "introduction", "--file", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == INTRODUCTION
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Témoignage".encode("latin-1"))))
    assert main(["--case", case_path, "dossier", "write", "introduction", "--file", "-"]) == 1
    assert "standard input is not UTF-8 text (byte 0xe9 at offset 1)" in capsys.readouterr().err


def test_mistakes_are_refused_with_a_clear_message_and_change_nothing(
    cli: Callable[..., CliResult], case_path: str, tmp_path: Path
) -> None:
    assert run(cli, case_path, "dossier", "set", "--territory", "SY", "--title", "Titre").code == 0
    assert run(cli, case_path, "dossier", "write", "gravity", "--text", "Grave.").code == 0
    before = shown(cli, case_path)
    entries = len(json.loads(run(cli, case_path, "log", "--json").out))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Témoignage recueilli à Gaziantep".encode("latin-1"))
    mistakes = {
        ("dossier", "set", "--territory", "XX"): "unknown country code 'XX'",
        ("dossier", "set", "--nationality", "SY", "--nationality", "Syrie"): "unknown country code 'Syrie'",
        ("dossier", "set", "--victim-state", "SYR"): "unknown country code 'SYR'",
        ("dossier", "set"): "give at least one field",
        ("dossier", "set", "--territory", "SY"): "already has these values",
        ("dossier", "set", "--supplement-to-date", "2025-03-01"): "both --supplement-to-date and --supplement-to-hash",
        ("dossier", "set", "--supplement-to-date", "1/3/2025", "--supplement-to-hash", "0f" * 32): "YYYY-MM-DD",
        ("dossier", "set", "--supplement-to-date", "2025-03-01", "--supplement-to-hash", "xyz"): "not a SHA-256",
        ("dossier", "write", "preamble", "--text", "x"): "invalid choice: 'preamble'",
        ("dossier", "write", "gravity", "--text", "  \n "): "text for the gravity section is empty",
        ("dossier", "write", "gravity", "--file", str(latin1)): "is not UTF-8 text (byte 0xe9 at offset 1)",
        ("dossier", "write", "gravity", "--file", str(tmp_path / "missing.txt")): "there is no file",
        ("dossier", "write", "gravity", "--file", str(tmp_path)): "is a folder",
        ("dossier", "write", "gravity"): "one of the arguments --file --text is required",
        ("dossier", "clear", "conclusion"): "the conclusion section is not written",
    }
    for args, message in mistakes.items():
        result = run(cli, case_path, *args)
        assert result.code == 1, (args, result.out, result.err)
        assert message in result.err, (args, result.err)
    assert shown(cli, case_path) == before
    assert len(json.loads(run(cli, case_path, "log", "--json").out)) == entries


def test_a_wrong_passphrase_exits_2_and_changes_nothing(cli: Callable[..., CliResult], case_path: str) -> None:
    result = cli("--case", case_path, "dossier", "set", "--title", "Titre", passphrase="not the passphrase")
    assert result.code == 2
    assert shown(cli, case_path)["title"] == ""
