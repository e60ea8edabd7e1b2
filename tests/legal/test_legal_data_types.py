"""A hand-edited legal data file with a wrong type fails to load, naming the file, the record and the field.

Each case copies the shipped files into a temporary folder, changes one field of one file and loads the copy
through the same entry points the application uses (``load_catalogue(path)``, ``load_jurisdiction_data(folder)``).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caseapp.core.legal.fields import CatalogueError
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.states import load_jurisdiction_data
from caseapp.core.resources import resource_path

SHIPPED = resource_path("legal")
DATA_FILES = ("catalogue.json", "jurisdiction.json", "countries.csv", "states-parties.csv")

Edit = Callable[[Any], None]


def _declaration(raw: Any, ident: str) -> Any:
    return next(d for d in raw["declarations_12_3"] if d["id"] == ident)


def _set(path: list[str | int], value: object) -> Edit:
    def edit(raw: Any) -> None:
        for step in path[:-1]:
            raw = raw[step]
        raw[path[-1]] = value

    return edit


# (file, edit, field named in the message, record named in the message)
JSON_CASES: list[tuple[str, Edit, str, str]] = [
    # the case of the issue: "false" as text is truthy, so bool() made the PNA declaration effective
    ("jurisdiction.json", lambda raw: _declaration(raw, "PS-2009").update(effective="false"), "effective", "PS-2009"),
    ("jurisdiction.json", lambda raw: _declaration(raw, "UA-2014").update(verified=1), "verified", "UA-2014"),
    (
        "jurisdiction.json",
        lambda raw: _declaration(raw, "UA-2014").update(territorial_only=None),
        "territorial_only",
        "UA-2014",
    ),
    ("jurisdiction.json", lambda raw: _declaration(raw, "UA-2014").update(lodged="20140417"), "lodged", "UA-2014"),
    ("jurisdiction.json", lambda raw: _declaration(raw, "UA-2014").update(sources="ICC pr1146"), "sources", "UA-2014"),
    ("jurisdiction.json", _set(["article_124_declarations", 0, "verified"], "true"), "verified", "state 'CO'"),
    ("jurisdiction.json", _set(["article_124_declarations", 0, "scope"], "everything"), "scope", "state 'CO'"),
    ("jurisdiction.json", _set(["amendments", 0, "acceptances", 0, "deposited"], 2013), "deposited", "state 'AD'"),
    ("jurisdiction.json", _set(["security_council_referrals", 0, "scope_start"], None), "scope_start", "S/RES/1593"),
    ("jurisdiction.json", _set(["aggression_activation", "date"], "17 July 2018"), "date", "aggression_activation"),
    (
        "jurisdiction.json",
        _set(["territorial_nexus_precedent", "cross_border_crimes"], "7(1)(d)"),
        "cross_border_crimes",
        "territorial_nexus_precedent",
    ),
    ("catalogue.json", _set(["crimes", 0, "elements_available"], "false"), "elements_available", "id '6(a)'"),
    ("catalogue.json", _set(["crimes", 0, "elements", 0, "n"], "1"), "n", "id '6(a)-1'"),
    ("catalogue.json", _set(["crimes", 0, "elements", 0, "footnotes"], ["2"]), "footnotes", "id '6(a)-1'"),
    ("catalogue.json", _set(["crimes", 0, "elements", 0, "role"], "Specific"), "role", "id '6(a)-1'"),
    ("catalogue.json", _set(["crimes", 0, "title"], 6), "title", "id '6(a)'"),
    ("catalogue.json", _set(["crimes", 0, "verification", "status"], True), "status", "id '6(a)'"),
    ("catalogue.json", _set(["modes_of_liability", 0, "sources"], ["no-such-source"]), "sources", "25(3)(a)-direct"),
    ("catalogue.json", _set(["schema"], True), "schema", "top level"),
]

# (file, row whose iso2 is this, column, wrong value)
CSV_CASES: list[tuple[str, str, str, str]] = [
    ("states-parties.csv", "MW", "deposit_date", "19/09/2002"),
    ("states-parties.csv", "BI", "withdrawal_effective", "soon"),
    ("states-parties.csv", "BI", "withdrawal_state", "yes"),
    ("states-parties.csv", "CV", "date_status", "maybe"),
    ("states-parties.csv", "AF", "iso2", "Afghanistan"),
    ("countries.csv", "SY", "iso2", "sy"),
    ("countries.csv", "SY", "name", ""),
]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "legal"
    folder.mkdir()
    for name in DATA_FILES:
        shutil.copyfile(SHIPPED / name, folder / name)
    return folder


def _load(folder: Path, name: str) -> None:
    if name == "catalogue.json":
        load_catalogue(folder / name)
    else:
        load_jurisdiction_data(folder)


def test_the_unedited_copies_load(tmp_path: Path) -> None:
    """The harness itself: without an edit, the copied files load (so each failure below is the edit's)."""
    folder = _copy(tmp_path)
    assert load_catalogue(folder / "catalogue.json").crimes
    assert load_jurisdiction_data(folder).declarations


@pytest.mark.parametrize(("name", "edit", "field", "record"), JSON_CASES)
def test_a_wrong_type_in_json_is_named(tmp_path: Path, name: str, edit: Edit, field: str, record: str) -> None:
    folder = _copy(tmp_path)
    raw = json.loads((folder / name).read_text(encoding="utf-8"))
    edit(raw)
    (folder / name).write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        _load(folder, name)
    message = str(caught.value)
    assert str(folder / name) in message
    assert f"field '{field}'" in message
    assert record in message
    assert "restore the file" in message


@pytest.mark.parametrize(("name", "iso2", "column", "value"), CSV_CASES)
def test_a_wrong_value_in_csv_is_named(tmp_path: Path, name: str, iso2: str, column: str, value: str) -> None:
    folder = _copy(tmp_path)
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = list(reader.fieldnames or ())
        rows = list(reader)
    target = next(r for r in rows if r["iso2"] == iso2)
    target[column] = value
    with (folder / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(CatalogueError) as caught:
        load_jurisdiction_data(folder)
    message = str(caught.value)
    assert str(folder / name) in message
    assert f"field '{column}'" in message
    assert re.search(r"line \d+ \(iso2 '", message)


def test_a_missing_csv_column_is_named(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    text = (folder / "states-parties.csv").read_text(encoding="utf-8")
    (folder / "states-parties.csv").write_text(text.replace(",date_status,", ",status,", 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"states-parties\.csv: the column\(s\) date_status are missing"):
        load_jurisdiction_data(folder)


def test_every_data_file_has_a_wrong_type_case() -> None:
    covered = {name for name, *_ in JSON_CASES} | {name for name, *_ in CSV_CASES}
    assert covered == set(DATA_FILES)
