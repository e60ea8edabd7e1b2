# ruff: noqa: RUF001, RUF003  (Arabic letters look like Latin ones to ruff)
"""Arabic evidence end to end: legacy-encoded text files decode as Arabic, and search finds words
whatever their hamza, vowels, final letters or article, in a real encrypted case; Latin unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.errors import ValidationError
from caseapp.core.evidence import DerivativeKind
from caseapp.core.ports import ExhibitQuery
from caseapp.core.services.importing import FileStatus
from caseapp.intake.inspection import inspect_file

BAKERY = "إفادة الشاهد: قُصِفَ المخبز قرب مستشفى القدس صباح 13 كانون الأول."
SHELTER = "رأيتُ الجنودَ يدخلون الملجأ، ثم نُقل الجرحى إلى المُسْتَشْفَى الميداني."
CLINIC = "وصل المسعفون إلى العيادة بعد ظهر يوم ١٣."
NIGHT = "وصل المسعفون إلى العيادة في الليل."
FRENCH = "Le témoin a vu les soldats entrer dans l'église à l'aube."
ENGLISH = "Statement: the shelling of the market started at dawn."

FILES: dict[str, bytes] = {
    "bakery-cp1256.txt": BAKERY.encode("cp1256"),
    "shelter-utf16.txt": SHELTER.encode("utf-16"),  # with BOM, as Notepad saves "Unicode"
    "clinic-utf8.txt": CLINIC.encode("utf-8"),
    "temoin-cp1252.txt": FRENCH.encode("cp1252"),
    "statement.txt": ENGLISH.encode("utf-8"),
    "إفادة-الطبيب.txt": b"Interview notes, page 1",
}


@pytest.fixture
def case(make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> OpenCase:
    folder = tmp_path / "evidence"
    folder.mkdir()
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    opened, _ = make_case()
    report = opened.imports.import_paths([folder]).value
    assert report.count(FileStatus.IMPORTED) == len(FILES)
    return opened


def found(case: OpenCase, query: str) -> set[str]:
    return {exhibit.title for exhibit in case.records.exhibits(ExhibitQuery(text=query))}


def text_of(case: OpenCase, title: str) -> tuple[str, str]:
    """The note and the decrypted contents of an exhibit's text derivative."""
    (exhibit,) = [e for e in case.records.exhibits() if e.title == title]
    (info,) = [d for d in case.evidence.detail(exhibit.id).derivatives if d.kind == "text"]
    with case.db.read() as tx:
        blob = tx.derivative_blob(exhibit.id, "text")
    assert blob is not None
    return info.note, case.blobs.read_bytes(blob.name, blob.size).decode("utf-8")


def test_a_windows_1256_file_is_read_as_arabic(case: OpenCase) -> None:
    note, text = text_of(case, "bakery-cp1256.txt")
    assert note == "decoded as cp1256"
    assert text == BAKERY  # the derivative keeps the text as written: hamza, vowels, digits
    assert found(case, "المخبز") == {"bakery-cp1256.txt"}
    mojibake = BAKERY.encode("cp1256").decode("cp1252").split()[3]  # what the old decoding indexed
    assert found(case, mojibake) == set()


def test_a_utf16_file_with_bom_is_read_and_found(case: OpenCase) -> None:
    note, text = text_of(case, "shelter-utf16.txt")
    assert (note, text) == ("decoded as utf-16", SHELTER)
    assert found(case, "الملجأ") == {"shelter-utf16.txt"}


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("افادة", {"bakery-cp1256.txt", "إفادة-الطبيب.txt"}),  # bare alef finds hamza under alef, in text and titles
        ("إفادة", {"bakery-cp1256.txt", "إفادة-الطبيب.txt"}),
        ("مستشفي", {"bakery-cp1256.txt", "shelter-utf16.txt"}),  # ي for ى; vowelled text in the UTF-16 file
        ("مُسْتَشْفَى", {"bakery-cp1256.txt", "shelter-utf16.txt"}),  # a vowelled query
        ("مستشفى", {"bakery-cp1256.txt", "shelter-utf16.txt"}),
        ("قدس", {"bakery-cp1256.txt"}),  # without the article
        ("القدس", {"bakery-cp1256.txt"}),
        ("بالقدس", {"bakery-cp1256.txt"}),  # with a preposition glued to the article
        ("ملجا", {"shelter-utf16.txt"}),  # hamza on alef at the end of a word
        ("الجنود", {"shelter-utf16.txt"}),  # tanween/fatha in the text
        ("جرحي", {"shelter-utf16.txt"}),
        ("العياده", {"clinic-utf8.txt"}),  # ه for ة
        ("مسعف", {"clinic-utf8.txt"}),  # prefix of "المسعفون"
        ("١٣", {"bakery-cp1256.txt", "clinic-utf8.txt"}),  # Arabic-Indic and ASCII digits find each other
        ("13", {"bakery-cp1256.txt", "clinic-utf8.txt"}),
        ("مستشفى الميداني", {"shelter-utf16.txt"}),  # every word must match
        ("مخبز ملجأ", set()),
    ],
)
def test_arabic_search_folds_spelling_variants(case: OpenCase, query: str, titles: set[str]) -> None:
    assert found(case, query) == titles


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("temoin", {"temoin-cp1252.txt"}),  # accents still folded by the index
        ("Témoin", {"temoin-cp1252.txt"}),
        ("eglise aube", {"temoin-cp1252.txt"}),
        ("shell", {"statement.txt"}),  # English prefix search
        ("MARKET dawn", {"statement.txt"}),
        ("statement", {"statement.txt"}),
        ("soldiers", set()),
        ("interview", {"إفادة-الطبيب.txt"}),
    ],
)
def test_latin_search_does_not_regress(case: OpenCase, query: str, titles: set[str]) -> None:
    assert found(case, query) == titles


def test_french_cp1252_note_is_unchanged(case: OpenCase) -> None:
    assert text_of(case, "temoin-cp1252.txt") == ("decoded as cp1252", FRENCH)


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (BAKERY, BAKERY.encode("cp1256"), "cp1256"),
        (NIGHT, NIGHT.encode("iso-8859-6"), "iso-8859-6"),
        (FRENCH, FRENCH.encode("cp1252"), "cp1252"),
        ("ÉTAT DES LIEUX À LA SORTIE, ÇA VA.", "ÉTAT DES LIEUX À LA SORTIE, ÇA VA.".encode("cp1252"), "cp1252"),
        ("¿Dónde está? Sí, señor.", "¿Dónde está? Sí, señor.".encode("cp1252"), "cp1252"),
        ("Straße über Brücke", "Straße über Brücke".encode("cp1252"), "cp1252"),
        ("Report 2016: " + NIGHT, ("Report 2016: " + NIGHT).encode("cp1256"), "cp1256"),
        ("Свидетель сказал, что солдаты вошли.", "Свидетель сказал, что солдаты вошли.".encode("cp1251"), "cp1251"),
        ("Tanık şöyle dedi: ağır yaralı.", "Tanık şöyle dedi: ağır yaralı.".encode("cp1254"), "cp1254"),
        (CLINIC + "\ufffd" + BAKERY, CLINIC.encode() + b"\xff" + BAKERY.encode(), "utf-8, invalid bytes replaced"),
        (SHELTER, SHELTER.encode("utf-16-be"), None),  # no BOM: not recognised as text at all
    ],
)
def test_plain_text_encoding_choice(tmp_path: Path, text: str, data: bytes, encoding: str | None) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    derived = inspect_file(path).derivative(DerivativeKind.TEXT)
    if encoding is None:
        assert derived is None
        return
    assert derived is not None
    assert (derived.note, derived.data.decode("utf-8")) == (f"decoded as {encoding}", text)


def test_a_huge_search_is_refused_through_the_services(case: OpenCase) -> None:
    """Bounded where the query is built, so every caller (CLI, GUI) gets the same clear refusal."""
    with pytest.raises(ValidationError, match="limit is 1000 characters"):
        case.records.exhibits(ExhibitQuery(text="مستشفى " * 150_000))
