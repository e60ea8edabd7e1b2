"""`caseapp elements` and `caseapp jurisdiction`, run in-process through caseapp.cli.main.main."""

from __future__ import annotations

import json

import pytest

from caseapp.cli import main as cli_main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_module_is_registered_in_main() -> None:
    assert "legal_commands" in cli_main.COMMAND_MODULES


def test_elements_lists_every_crime(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements")
    assert code == 0
    assert "103 crime(s)" in out
    assert "7(1)(a)            Crime against humanity of murder" in out
    assert "8(2)(e)(xix)" in out and "[elements not available]" in out


def test_elements_by_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "--article", "7")
    assert code == 0
    assert "16 crime(s)" in out
    assert "8(2)" not in out
    code, out, _ = run(capsys, "elements", "--article", "8 bis")
    assert code == 0 and "1 crime(s)" in out and "Crime of aggression" in out


def test_elements_search_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "--search", "deportation", "--json")
    assert code == 0
    payload = json.loads(out)
    ids = [c["id"] for c in payload["crimes"]]
    assert "7(1)(d)" in ids
    assert payload["count"] == len(ids)
    assert all("verification" in c for c in payload["crimes"])


def test_elements_search_combined_with_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "--article", "8(2)(e)", "--search", "starvation", "--json")
    assert code == 0
    assert [c["id"] for c in json.loads(out)["crimes"]] == ["8(2)(e)(xix)"]


def test_elements_search_without_hits(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "--search", "qqqzzz")
    assert code == 0
    assert "No crime matches 'qqqzzz'" in out


def test_show_a_crime_with_wrapped_elements_and_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "show", "7(1)(a)")
    assert code == 0
    assert out.startswith("7(1)(a) — Crime against humanity of murder")
    assert "7(1)(a)-1 (specific) [fn 7]" in out
    assert "7(1)(a)-2 (contextual, C-7a)" in out
    assert "Verification: unverified transcription" in out
    assert "Sources:" in out and "robertocarroll/icc-alpha" in out
    assert "UNVERIFIED" in out  # the flagged wording of element 3
    assert max(len(line) for line in out.splitlines()) <= 120


def test_show_a_crime_without_elements_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "show", "8(2)(e)(xvi)")
    assert code == 0
    assert "ELEMENTS NOT AVAILABLE" in out
    assert "Verification: ELEMENTS NOT AVAILABLE" in out
    assert "Employing weapons, which use microbial" in out


def test_show_an_element_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "show", "7(1)(i)-1", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["element"]["id"] == "7(1)(i)-1"
    assert [a["letter"] for a in payload["element"]["alternatives"]] == ["a", "b"]
    assert payload["crime"]["id"] == "7(1)(i)"
    assert set(payload["crime"]["footnotes"]) >= {"25", "26"}


def test_show_accepts_loose_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "show", "8bis")
    assert code == 0
    assert out.startswith("8 bis — Crime of aggression")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("elements", "show", "9(z)"), "'9(z)' is not a crime reference"),
        (("elements", "show", "8(2)(c)(v)"), "no crime or element '8(2)(c)(v)'"),
        (("elements", "show", "7(1)(a)-9"), "no crime or element '7(1)(a)-9'"),
        (("elements", "--article", "12"), "'12' is not a crime reference"),
        (("jurisdiction", "--territory", "XX", "--date", "2016-12-13"), "unknown country code 'XX'"),
        (("jurisdiction", "--territory", "SY", "--date", "1997-01-01"), "1997-01-01"),
        (("jurisdiction", "--territory", "SY", "--date", "2016-12-13", "--crime", "8(2)(q)"), "'8(2)(q)'"),
        (("jurisdiction", "--date", "2016-12-13"), "territory or a nationality"),
    ],
)
def test_bad_input_exits_1_naming_the_value(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], needle: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert needle in err
    assert err.startswith("caseapp: ")
    assert out == ""


def test_missing_required_date_is_a_usage_error_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli_main.main(["jurisdiction", "--territory", "SY"])
    assert exc.value.code == 1
    assert "--date" in capsys.readouterr().err


def test_jurisdiction_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "jurisdiction",
        "--territory",
        "SY",
        "--nationality",
        "RU",
        "--date",
        "2016-12-13",
        "--crime",
        "8(2)(e)(i)",
    )
    assert code == 0
    assert "Answer: OUTSIDE" in out
    assert "[not met] Territory: Syria (SY)" in out
    assert "[not met] Nationality of the accused: Russia (RU)" in out
    assert "Sources: Rome Statute Art 12(2)(a)" in out
    assert "Caveats:" in out


def test_jurisdiction_element_territory_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "jurisdiction",
        "--territory",
        "SY",
        "--element-territory",
        "JO",
        "--date",
        "2016-12-13",
        "--crime",
        "7(1)(d)",
    )
    assert code == 0
    assert "Answer: WITHIN" in out
    assert "[met] Element of the crime on the territory of Jordan (JO)" in out
    assert "ICC-RoC46(3)-01/18" in out


def test_jurisdiction_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "jurisdiction",
        "--territory",
        "UA",
        "--nationality",
        "RU",
        "--nationality",
        "RU",
        "--date",
        "2022-02-24",
        "--crime",
        "8 bis",
        "--victim-state",
        "ua",
        "--json",
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["verdict"] == "outside"
    assert payload["query"] == {
        "date": "2022-02-24",
        "territory": "UA",
        "element_territories": [],
        "nationalities": ["RU"],
        "crime": "8 bis",
        "victim_state": "UA",
    }
    kinds = {g["kind"]: g for g in payload["grounds"]}
    assert kinds["aggression"]["status"] == "not met"
    assert kinds["aggression"]["role"] == "condition"
    assert kinds["territory"]["role"] == "basis"
    assert all(g["sources"] and g["reason"] for g in payload["grounds"])
    assert payload["data_as_of"] == "2026-11-25"


def test_modes_of_liability_are_listed_and_shown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "--modes")
    assert code == 0
    assert "25(3)(a)-joint" in out and "28(b)" in out
    assert "Art 30" in out
    code, out, _ = run(capsys, "elements", "show", "28(a)")
    assert code == 0
    assert out.startswith("28(a) — Command responsibility: military commanders (Art 28(a))")
    assert "(i) That military commander" in out
    assert "Verification: partly verified" in out
    code, out, _ = run(capsys, "elements", "show", "25(3)(b)", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["verification"]["status"] == "elements-not-available"
    assert payload["statute_text"].startswith("(b) Orders, solicits or induces")


def test_show_a_provision_split_into_several_crimes_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "show", "7(1)(g)")
    assert code == 0
    assert "not in the catalogue" not in out
    for n in range(1, 7):
        assert f"7(1)(g)-{n}" in out
    code, out, _ = run(capsys, "elements", "show", "8(2)(a)(vii)", "--json")
    assert code == 0
    assert [c["id"] for c in json.loads(out)["crimes"]] == ["8(2)(a)(vii)-1", "8(2)(a)(vii)-2"]


def test_the_aggression_introduction_is_not_labelled_statute_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "elements", "show", "8 bis")
    assert code == 0
    statute_at = out.index("Statute text:")
    intro_at = out.index("Introduction (Elements of Crimes, not Statute text):")
    elements_at = out.index("Elements:")
    assert statute_at < intro_at < elements_at
    assert "Intro: " not in out


def test_jurisdiction_colombia_war_crime_under_art_124(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "jurisdiction", "--territory", "CO", "--date", "2005-06-01", "--crime", "8(2)(e)(i)", "--json"
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["verdict"] == "outside"
    kinds = {g["kind"]: g["status"] for g in payload["grounds"]}
    assert kinds["article-124"] == "not met" and kinds["territory"] == "met"
