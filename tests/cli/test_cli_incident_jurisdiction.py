"""`caseapp jurisdiction INC-n --crime ...`: the incident's country and time range, from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import PASSPHRASE, CliResult


def test_jurisdiction_over_an_incident(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "Gaza.caseapp")

    def run(*args: str, code: int = 0) -> CliResult:
        result = cli("--case", case, *args, passphrase=PASSPHRASE)
        assert result.code == code, (args, result.out, result.err)
        return result

    assert cli("init", case, "--timezone", "Asia/Gaza", passphrase=PASSPHRASE).code == 0
    run("incident", "add", "--title", "Strike", "--when", "2014-06", "--until", "2014-07",
        "--lat", "31.50", "--lon", "34.45", "--place-precision", "vicinity")  # fmt: skip
    run("incident", "add", "--title", "Boat", "--when", "2016-04-27", "--lat", "35.0", "--lon", "18.0")
    run("incident", "add", "--title", "Azaz", "--when", "2016-04-27",
        "--lat", "36.6885", "--lon", "37.0", "--place-precision", "locality")  # fmt: skip

    shown = json.loads(run("jurisdiction", "INC-1", "--crime", "8(2)(e)(i)", "--json").out)
    assert shown["incident"] == "INC-1" and shown["changes"] is True and shown["crime"] == "8(2)(e)(i)"
    assert shown["country"]["from"] == "coordinates" and shown["country"]["candidates"] == ["PS"]
    assert shown["country"]["lookup"]["precision"] == "vicinity" and shown["country"]["lookup"]["radius_m"] == 100
    assert shown["range"] == {"from": "2014-06-01", "to": "2014-07-31", "precision": "month", "time_zone": "Asia/Gaza"}
    (territory,) = shown["territories"]
    assert [(p["from"], p["to"], p["answer"]["verdict"]) for p in territory["periods"]] == [
        ("2014-06-01", "2014-06-12", "outside"),
        ("2014-06-13", "2014-07-31", "within"),
    ]
    grounds = territory["periods"][1]["answer"]["grounds"]
    assert any(g["kind"] == "territory" and g["status"] == "met" and g["sources"] for g in grounds)
    assert territory["changes"][0]["date"] == "2014-06-13" and territory["changes"][0]["because"]

    readable = run("jurisdiction", "INC-1", "--crime", "8(2)(e)(i)").out
    assert "State of Palestine (PS), from the coordinates 31.5, 34.45 (precision vicinity, ±100 m)" in readable
    assert "Range: 2014-06-01 to 2014-07-31" in readable
    assert "The answer changes on 2014-06-13 (outside -> within) because" in readable

    typed = json.loads(run("jurisdiction", "INC-2", "--crime", "8(2)(e)(i)", "--territory", "MT", "--json").out)
    assert typed["country"] == {"from": "typed", "candidates": ["MT"], "uncertain": False, "lookup": None}
    assert typed["changes"] is False and typed["territories"][0]["periods"][0]["answer"]["verdict"] == "within"

    at_sea = run("jurisdiction", "INC-2", "--crime", "8(2)(e)(i)", code=1)
    assert "in no country" in at_sea.err and "--territory" in at_sea.err

    border = run("jurisdiction", "INC-3", "--crime", "8(2)(e)(i)", "--nationality", "FR").out
    assert "Country: UNCERTAIN" in border and "may be Syria (SY) or Turkey (TR)" in " ".join(border.split())
    assert "The answer is the same whichever of these countries it is." in border  # the accused is French

    refused = run("jurisdiction", "INC-1", "--crime", "8(2)(e)(i)", "--date", "2014-06-01", code=1)
    assert "--date is not used with an incident" in refused.err
    missing = run("jurisdiction", "INC-9", "--crime", "8(2)(e)(i)", code=1)
    assert "INC-9" in missing.err


def test_the_one_date_form_still_works_and_needs_a_date(cli: Callable[..., CliResult]) -> None:
    answer = cli("jurisdiction", "--territory", "PS", "--date", "2014-06-13", "--crime", "8(2)(e)(i)", "--json")
    assert answer.code == 0 and json.loads(answer.out)["verdict"] == "within"
    no_date = cli("jurisdiction", "--territory", "PS")
    assert no_date.code == 1 and "--date YYYY-MM-DD" in no_date.err
