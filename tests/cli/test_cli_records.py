"""The record commands as a lawyer types them: read back, correct, delete, restore, undo."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import PASSPHRASE, CliResult


def test_read_back_and_correct_everything_from_the_command_line(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "Aleppo.caseapp")

    def run(*args: str) -> CliResult:
        result = cli("--case", case, *args, passphrase=PASSPHRASE)
        assert result.code == 0, (args, result.out, result.err)
        return result

    assert cli("init", case, "--timezone", "Asia/Damascus", passphrase=PASSPHRASE).code == 0
    run("person", "add", "--role", "witness", "--name", "محمد الحلبي")
    run("incident", "add", "--title", "Strike", "--when", "2016-04-27T14:05", "--place", "حلب")
    run("exhibit", "add", "--title", "Crater photo", "--kind", "image")
    run("link", "EX-1", "INC-1", "--reasoning", "shows the crater beside the entrance")
    run("tag", "INC-1", "hospital")

    # links read back from either end, with their reasoning
    assert "shows the crater beside the entrance" in run("link", "list", "INC-1").out
    assert "LNK-1" in run("show", "EX-1").out
    assert "hospital" in run("incident", "list").out  # tags show on every kind
    # the incident time keeps its zone
    assert "2016-04-27 14:05 +0300" in run("incident", "show", "INC-1").out
    shown = json.loads(run("incident", "show", "INC-1", "--json").out)
    record = shown["record"]
    assert record["time_start"] == "2016-04-27T14:05:00+03:00" and record["time_zone"] == "Asia/Damascus"

    # a protected name only on request, and the request is in the log
    assert "محمد" not in run("person", "list").out
    assert "محمد الحلبي" in run("person", "show", "W-001", "--reveal").out
    log = json.loads(run("log", "--json").out)
    assert log[-1]["action"] == "person.reveal" and "محمد" not in json.dumps(log, ensure_ascii=False)

    # correct, delete (dependents need a choice), restore, undo
    run("incident", "edit", "INC-1", "--title", "Strike on al-Quds hospital", "--reason", "as in the MSF report")
    refused = cli("--case", case, "exhibit", "delete", "EX-1", "--reason", "dup", passphrase=PASSPHRASE)
    assert refused.code == 1 and "LNK-1" in refused.err and "Nothing was deleted" in refused.err
    run("exhibit", "delete", "EX-1", "--reason", "duplicate", "--keep-dependents")
    assert "EX-1" not in run("list").out
    assert "EX-1 (deleted)" in run("list", "--deleted").out
    run("exhibit", "restore", "EX-1")
    undone = run("undo").out
    assert "exhibit.restore on EX-1" in undone
    assert "EX-1" not in run("exhibit", "list").out
    run("undo")  # the delete
    run("undo")  # the title edit
    assert "Strike on al-Quds hospital" not in run("incident", "list").out
    duplicate = cli("--case", case, "link", "EX-1", "INC-1", "--reasoning", "again", passphrase=PASSPHRASE)
    assert duplicate.code == 1 and "already links" in duplicate.err
    run("link", "delete", "LNK-1", "--reason", "wrong incident")
    assert run("link", "list").out.strip() == "(none)"
    assert "OK:" in run("verify").out
    # every command's JSON is valid and every change is in the log with its reason
    edits = [e for e in json.loads(run("log", "--json").out) if e["action"] == "incident.edit"]
    assert edits[0]["details"]["reason"] == "as in the MSF report"
    assert edits[0]["details"]["changes"]["title"] == {"old": "Strike", "new": "Strike on al-Quds hospital"}
