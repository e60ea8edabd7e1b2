"""Building the case from the command line: charge, link evidence to elements, review, read the gaps."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import PASSPHRASE, CliResult


def test_a_case_built_from_the_command_line(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "Aleppo.caseapp")

    def run(*args: str, actor: str = "investigator", code: int = 0) -> CliResult:
        result = cli("--case", case, *args, passphrase=PASSPHRASE, env={"CASEAPP_ACTOR": actor})
        assert result.code == code, (args, result.out, result.err)
        return result

    assert cli("init", case, passphrase=PASSPHRASE).code == 0
    run("person", "add", "--role", "suspect", "--name", "Commander A")
    run("incident", "add", "--title", "Strike on al-Quds hospital", "--when", "2016-04-27")
    run("source", "add", "--name", "MSF", "--reliability", "A", "--credibility", "2")
    run("source", "add", "--name", "Field team", "--reliability", "B", "--credibility", "2")
    run("exhibit", "add", "--title", "MSF report", "--source", "SRC-1")
    run("exhibit", "add", "--title", "Crater photo", "--source", "SRC-2")
    run("link", "EX-1", "INC-1", "--reasoning", "the report is about this strike")  # the exhibit link stays

    added = run("charge", "add", "8(2)(e)(iv)", "--suspect", "S-001", "--mode", "28(a)", "--incident", "INC-1")
    assert "Charged 8(2)(e)(iv) as CHG-1" in added.out
    refused = run("charge", "add", "7(1)(a)", "--suspect", "S-001", "--mode", "25(3)(a)", code=1)
    assert "has several forms; give one of: 25(3)(a)-direct" in refused.err

    made = run(
        "link", "EX-1", "8(2)(e)(iv)-1", "--stance", "supports", "--weight", "certain",
        "--reasoning", "names the hospital as the target", "--excerpt", "page=3",
    )  # fmt: skip
    assert "as EL-1; proposed until someone else runs `caseapp review EL-1 --accept`" in made.out
    run("link", "EX-2", "8(2)(e)(iv)-1", "--reasoning", "crater at the entrance", "--alleged")
    bad = run("link", "EX-1", "8(2)(e)(iv)-9", "--reasoning", "x", code=1)
    assert "is not an element of the legal catalogue" in bad.err
    own = run("review", "EL-1", "--accept", code=1)
    assert "another person must review it" in own.err
    run("review", "EL-1", "--accept", actor="reviewer")
    run("review", "EL-2", "--accept", actor="reviewer")

    matrix = run("gaps", "CHG-1").out
    lines = {line.split()[1]: line for line in matrix.splitlines() if line.startswith(("UNADDRESSED", "WEAK", "CORR"))}
    assert lines["8(2)(e)(iv)-1"].startswith("CORROBORATED")
    assert lines["8(2)(e)(iv)-5"].startswith("UNADDRESSED")
    assert lines["28(a)-2"].startswith("UNADDRESSED")
    data = json.loads(run("gaps", "--json").out)
    assert data[0]["charge_ref"] == "CHG-1" and data[0]["cells"][2]["status"] == "corroborated"

    assert "EL-1" in run("element-link", "list", "--element", "8(2)(e)(iv)-1").out
    assert "reviewer" in run("show", "EL-1").out
    run("element-link", "edit", "EL-2", "--weight", "maybe", "--reason", "less sure")
    assert "proposed" in run("element-link", "show", "EL-2").out
    run("charge", "edit", "CHG-1", "--status", "supported", "--reason", "evidence in")
    run("charge", "edit", "CHG-1", "--suspect", "S-001", "--mode", "25(3)(b)", "--reason", "ordered it")
    assert "S-001 as 25(3)(b)" in run("charge", "show", "CHG-1").out
    run("undo")
    assert "S-001 as 28(a)" in run("charge", "show", "CHG-1").out
    refused_delete = run("exhibit", "delete", "EX-1", "--reason", "dup", code=1)
    assert "EL-1" in refused_delete.err
    run("charge", "delete", "CHG-1", "--reason", "withdrawn")
    assert "(none)" in run("charge", "list").out
    run("charge", "restore", "CHG-1")
    assert "8(2)(e)(iv)" in run("charge", "list").out
    assert run("verify").code == 0
