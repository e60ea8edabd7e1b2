"""A person's identity, consent and risk from the command line: set, listed, revealed, undone, verified."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import PASSPHRASE, CliResult

ALIAS_AR = "أبو خالد"
CONTACT = "+963 944 000 111"


def test_identity_consent_and_risk_from_the_command_line(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "Aleppo.caseapp")

    def run(*args: str) -> CliResult:
        result = cli("--case", case, *args, passphrase=PASSPHRASE)
        assert result.code == 0, (args, result.out, result.err)
        return result

    assert cli("init", case, passphrase=PASSPHRASE).code == 0
    run("person", "add", "--role", "witness", "--name", "محمد الحلبي")
    run(
        "person", "identity", "W-001", "--alias", ALIAS_AR, "--alias", "Abu Khaled",
        "--born", "1984-03-07", "--contact", CONTACT, "--reason", "first interview",
    )  # fmt: skip
    for listing in (run("person", "list").out, run("person", "list", "--json").out, run("person", "show", "W-001").out):
        for secret in (ALIAS_AR, "Abu Khaled", "1984", CONTACT):
            assert secret not in listing
    shown = run("person", "show", "W-001", "--reveal").out
    assert ALIAS_AR in shown and "Abu Khaled" in shown and "1984-03-07" in shown and CONTACT in shown
    log = json.loads(run("log", "--json").out)
    assert [e["action"] for e in log[-2:]] == ["person.identity", "person.reveal"]
    assert all(s not in json.dumps(log, ensure_ascii=False) for s in (ALIAS_AR, CONTACT, "1984-03-07"))

    given = run("person", "consent", "W-001", "--scope", "icc", "--given", "--date", "2026-05-01", "--note", "form")
    assert "consent to share with the ICC: given 2026-05-01" in given.out
    run("person", "consent", "W-001", "--scope", "icc", "--withdrawn", "--date", "2026-06-01")
    listed = run("person", "consent", "list", "W-001").out
    assert "consent to share with the ICC: withdrawn 2026-06-01" in listed and "form" in listed
    as_json = json.loads(run("person", "consent", "list", "W-001", "--json").out)
    assert as_json["now"]["icc"]["state"] == "withdrawn" and len(as_json["statements"]) == 2
    refused = cli("--case", case, "person", "consent", "W-001", "--given", passphrase=PASSPHRASE)
    assert refused.code != 0 and "--scope" in refused.err

    run("person", "edit", "W-001", "--risk", "high", "--reason", "threatened")
    assert "high" in run("person", "show", "W-001").out
    run("undo")  # the risk back to unknown
    assert "unknown" in run("person", "show", "W-001").out
    run("undo")  # the withdrawal taken back: the consent given holds again
    assert "consent to share with the ICC: given 2026-05-01" in run("person", "consent", "list", "W-001").out
    verified = cli("--case", case, "verify", passphrase=PASSPHRASE)
    assert verified.code == 0, verified.out + verified.err
