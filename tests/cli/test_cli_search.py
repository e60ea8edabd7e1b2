"""`caseapp search` and `caseapp timeline` from the command line: the JSON shapes scripts depend
on, readable tables with Arabic as typed, and filters given as options."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import PASSPHRASE, CliResult

HIT_KEYS = {"kind", "id", "ref", "title", "why", "exact", "snippet", "snippet_text", "marks", "deleted", "when"}
ENTRY_KEYS = {
    "kind", "id", "ref", "title", "start", "end", "time_precision", "time_zone", "place_name", "place_precision",
    "latitude", "longitude", "zone_assumed", "has_coordinates",
}  # fmt: skip


def test_search_and_timeline_from_the_command_line(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    case = str(tmp_path / "Aleppo.caseapp")

    def run(*args: str, code: int = 0) -> CliResult:
        result = cli("--case", case, *args, passphrase=PASSPHRASE)
        assert result.code == code, (args, result.out, result.err)
        return result

    assert cli("init", case, "--timezone", "Asia/Damascus", passphrase=PASSPHRASE).code == 0
    run("person", "add", "--role", "witness", "--name", "محمد أحمد الحلبي")
    run("incident", "add", "--title", "قصف مستشفى القدس", "--when", "2016-04-27", "--place", "حلب",
        "--lat", "36.2021", "--lon", "37.1343")  # fmt: skip
    run("incident", "add", "--title", "Evacuation of east Aleppo")
    run("source", "add", "--name", "Field team", "--reliability", "B", "--credibility", "2")
    run("exhibit", "add", "--title", "صورة المستشفى", "--kind", "image", "--source", "SRC-1")
    run("exhibit", "add", "--title", "Statement of محمد أحمد الحلبي", "--kind", "testimony")
    run("link", "EX-1", "INC-1", "--reasoning", "the crater at the hospital entrance")

    table = run("search", "المستشفى")
    assert "EX-1" in table.out and "INC-1" in table.out and "[المستشفى]" in table.out  # Arabic as typed
    assert "2 found (1 incident, 1 exhibit); showing 1-2" in table.out

    shaped = json.loads(run("search", "مستشفي", "--json").out)
    assert set(shaped) == {"text", "total", "counts", "offset", "limit", "hits"}
    assert shaped["total"] == 2 and shaped["counts"] == {"incident": 1, "exhibit": 1}
    assert all(set(hit) == HIT_KEYS for hit in shaped["hits"])
    first = shaped["hits"][0]
    assert first["kind"] == "incident" and first["when"] == "2016-04-27T00:00:00+03:00"  # in the zone it was given in
    assert first["snippet_text"][slice(*first["marks"][0])] == "مستشفى"

    named = json.loads(run("search", "محمد الحلبي", "--json").out)
    assert [hit["ref"] for hit in named["hits"]] == ["EX-2"] and named["hits"][0]["title"] == "Statement of W-001"
    assert "الحلبي" not in json.dumps(named, ensure_ascii=False).replace(named["text"], "")

    only = json.loads(run("search", "", "--kind", "link", "--incident", "INC-1", "--json").out)
    assert [hit["ref"] for hit in only["hits"]] == ["LNK-1"]
    assert json.loads(run("search", "", "--grade", "B2", "--kind", "exhibit", "--json").out)["total"] == 1
    assert json.loads(run("search", "", "--unlinked", "--json").out)["hits"][0]["ref"] == "EX-2"
    refused = run("search", "x", "--grade", "Z9", code=1)
    assert "not an Admiralty grading" in refused.err

    timeline = json.loads(run("timeline", "--json").out)
    assert set(timeline) == {"entries", "undated", "undated_total", "unreadable"}
    assert [e["ref"] for e in timeline["entries"]] == ["INC-1"]
    entry = timeline["entries"][0]
    assert set(entry) == ENTRY_KEYS and entry["has_coordinates"] and entry["place_name"] == "حلب"
    assert (entry["start"], entry["end"]) == ("2016-04-26T21:00:00Z", "2016-04-27T20:59:59.999999Z")
    assert timeline["undated"] == {"incident": 1, "exhibit": 2} and timeline["undated_total"] == 3
    text = run("timeline").out
    assert "2016-04-27" in text and "حلب 36.20210, 37.13430 (exact)" in text
    assert "undated (not shown): 1 incident(s), 2 exhibit(s)" in text
    assert json.loads(run("timeline", "--from", "2017", "--json").out)["entries"] == []
