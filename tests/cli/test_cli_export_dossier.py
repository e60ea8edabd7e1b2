"""`caseapp export dossier` in the exact shape scripts use: formats, language, public only, the key
annex only when asked, JSON output, the inputs set with `caseapp dossier set`, and refusals."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import PersonRole
from tests.conftest import PASSPHRASE, CliResult

WITNESS = "Samira Haddad"


@pytest.fixture
def case_path(make_case: Callable[..., tuple[OpenCase, str]]) -> str:
    """A small case: a protected witness named in a note, an incident and a charge."""
    from caseapp.core.refs import parse_ref

    case, _ = make_case()
    work = case.records
    witness = work.add_person(role=PersonRole.WITNESS, full_name=WITNESS).value.ref
    incident = work.add_incident(title="Strike on al-Quds hospital", when="2016-04-27").value.ref
    work.add_note(parse_ref(incident), f"{WITNESS} ({witness}) saw it from the gate.")
    work.add_charge("8(2)(e)(iv)", incidents=[parse_ref(incident)])
    case.close()
    return str(case.folder)


def run(cli: Callable[..., CliResult], case: str, *args: str) -> CliResult:
    return cli("--case", case, *args, passphrase=PASSPHRASE)


def test_public_french_pdf_only_then_both_versions_with_the_key_annex(
    cli: Callable[..., CliResult], case_path: str, tmp_path: Path
) -> None:
    assert run(cli, case_path, "dossier", "set", "--situation", "Situation en Syrie", "--territory", "SY").code == 0
    out = tmp_path / "public"
    result = run(cli, case_path, "export", "dossier", "--format", "pdf", "--lang", "fr", "--public", str(out))
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["communication-public.pdf"]
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out / "communication-public.pdf").pages)
    assert "Situation en Syrie" in text and "Compétence" in text and WITNESS not in text

    full = tmp_path / "full"
    result = run(cli, case_path, "export", "dossier", "--confidential-annex", "--json", str(full))
    assert result.code == 0, result.err
    report = json.loads(result.out)
    names = sorted(f["name"] for f in report["files"])
    assert names == sorted(
        f"{stem}.{ext}"
        for stem in ("communication-full", "communication-public", "key-annex")
        for ext in ("pdf", "docx")
    )
    assert report["key_annex"] == ["W-001"] and report["recorded"] is True
    annex = "\n".join(page.extract_text() for page in pypdf.PdfReader(full / "key-annex.pdf").pages)
    assert WITNESS in annex
    log = run(cli, case_path, "log", "--json")
    assert log.code == 0 and "dossier.export" in log.out and "person.reveal" in log.out
    assert run(cli, case_path, "verify").code == 0


def test_refusals_say_what_to_do_and_write_nothing(
    cli: Callable[..., CliResult], case_path: str, tmp_path: Path
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    result = run(cli, case_path, "export", "dossier", str(busy))
    assert result.code == 1 and "not empty" in result.err
    assert [p.name for p in busy.iterdir()] == ["keep.txt"]
    result = run(cli, case_path, "export", "dossier", "--format", "odt", str(tmp_path / "new"))
    assert result.code == 1 and "--format" in result.err
    assert not (tmp_path / "new").exists()


def test_omit_leaves_optional_sections_out_and_refuses_mandatory_ones(
    cli: Callable[..., CliResult], case_path: str, tmp_path: Path
) -> None:
    out = tmp_path / "short"
    result = run(
        cli,
        case_path,
        "export",
        "dossier",
        "--public",
        "--format",
        "pdf",
        "--omit",
        "conclusion,perpetrators",
        str(out),
    )
    assert result.code == 0, result.err
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out / "communication-public.pdf").pages)
    assert "Conclusion and request" not in text and "Alleged perpetrators" not in text
    assert "Interests of justice" in text and "Jurisdiction" in text
    for refused, says in (("jurisdiction", "cannot be left out"), ("gravity", "unknown section gravity")):
        result = run(cli, case_path, "export", "dossier", "--omit", refused, str(tmp_path / refused))
        assert result.code == 1 and "--omit" in result.err and says in result.err, result.err
        assert not (tmp_path / refused).exists()
