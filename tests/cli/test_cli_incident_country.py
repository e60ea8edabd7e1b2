"""An incident's country (issue 14): set with `incident add/edit --country`, checked against the
shipped country codes, shown, recorded in custody, undoable, carried in the export view, and read by
`caseapp jurisdiction INC-n` before the coordinates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from caseapp.app.case_folder import open_case
from tests.conftest import PASSPHRASE, CliResult


def test_an_incidents_country_comes_before_its_coordinates(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "Azaz.caseapp")

    def run(*args: str, code: int = 0) -> CliResult:
        result = cli("--case", case, *args, passphrase=PASSPHRASE)
        assert result.code == code, (args, result.out, result.err)
        return result

    def juris(*extra: str) -> dict[str, object]:
        shown = json.loads(run("jurisdiction", "INC-1", "--crime", "8(2)(e)(i)", "--json", *extra).out)
        country: dict[str, object] = shown["country"]
        return country

    assert cli("init", case, "--timezone", "Asia/Damascus", passphrase=PASSPHRASE).code == 0
    # Azaz, within a kilometre of the Turkish border: its coordinates alone leave the country uncertain.
    run("incident", "add", "--title", "Azaz", "--when", "2016-04-27",
        "--lat", "36.6885", "--lon", "37.0", "--place-precision", "locality", "--country", "sy")  # fmt: skip
    assert "country        SY" in run("incident", "show", "INC-1").out
    assert json.loads(run("incident", "show", "INC-1", "--json").out)["record"]["country"] == "SY"
    country = juris()
    assert (country["from"], country["candidates"], country["lookup"]) == ("incident", ["SY"], None)
    text = run("jurisdiction", "INC-1", "--crime", "8(2)(e)(i)").out
    assert "Country: Syria (SY) (set on the incident; its coordinates were not used)" in text
    assert juris("--territory", "TR")["from"] == "typed"  # what is typed for this question comes first

    refused = run("incident", "edit", "INC-1", "--country", "XX", "--reason", "typo", code=1)
    assert "country 'XX' is not a two-letter country code" in refused.err and "SY, UA or FR" in refused.err
    run("incident", "edit", "INC-1", "--country", "", "--reason", "not confirmed")
    cleared = juris()
    assert cleared["from"] == "coordinates" and sorted(cleared["candidates"]) == ["SY", "TR"]  # type: ignore[arg-type]
    run("undo")
    assert juris()["from"] == "incident"

    entries = json.loads(run("log", "--json").out)
    assert entries[1]["action"] == "incident.add" and entries[1]["details"]["country"] == "SY"
    assert entries[2]["details"]["changes"] == {"country": {"old": "SY", "new": None}}
    assert entries[3]["action"] == "undo" and entries[3]["details"]["changes"] == {
        "country": {"old": None, "new": "SY"}
    }
    assert "OK" in run("verify").out

    with open_case(Path(case), passphrase=PASSPHRASE) as opened:
        (incident,) = opened.records.export_view().incidents
        assert incident.country == "SY"
