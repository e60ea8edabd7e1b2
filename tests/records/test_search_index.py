"""The search index of the records other than exhibits (``record_text``, issue 14): kept by the
same writes that change the records (add, edit, delete, restore, undo), never holding a protected
person's name, equal to a rebuild from the stored records, and actually consulted by the search."""

from __future__ import annotations

import random
from collections.abc import Callable

import sqlcipher3
from sqlalchemy import text

from caseapp.app.case_folder import OpenCase, open_case
from caseapp.core.entities import PersonRole, ProtectionLevel
from caseapp.core.ports import Deleted
from caseapp.core.refs import CASE_REF, RefKind, parse_ref
from caseapp.core.search import Match, SearchKind, match_text, query_terms, word_spans
from caseapp.core.search_index import index_text, index_words
from caseapp.storage.record_index import CREATE, match_query, stored_rows
from tests.conftest import PASSPHRASE, raw_connection
from tests.records.aleppo import build
from tests.records.test_export_view import WITNESS
from tests.records.test_search import refs, search


def _index(case: OpenCase) -> dict[str, tuple[str, str]]:
    """record_id -> (kind, words), as the case holds it now."""
    with case.db._engine.connect() as connection:
        rows = connection.execute(text("SELECT record_id, kind, words FROM record_text"))
        return {key: (kind, words) for key, kind, words in rows}


def _rebuilt(case: OpenCase) -> dict[str, tuple[str, str]]:
    with case.db._engine.connect() as connection:
        return {key: (kind.value, words) for kind, key, words in stored_rows(connection)}


def test_the_index_follows_edits_deletions_restores_and_undo(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    work = case.records
    incident = work.add_incident(title="Strike on the bakery", when="2016-04-27", place_name="Douma").value
    note = work.add_note(parse_ref(incident.ref), "seen from the minaret").value
    assert refs(search(case, "bakery")) == {incident.ref}
    assert refs(search(case, "minaret")) == {note.ref}

    work.edit(parse_ref(incident.ref), {"title": "Strike on the mill"}, reason="it was a mill")
    assert refs(search(case, "bakery")) == set()
    assert refs(search(case, "mill")) == {incident.ref}
    assert refs(search(case, "douma")) == {incident.ref}  # the fields not edited stay indexed

    work.undo_last()
    assert refs(search(case, "bakery")) == {incident.ref}
    assert refs(search(case, "mill")) == set()

    work.delete(parse_ref(note.ref), reason="wrong incident")
    assert refs(search(case, "minaret")) == set()
    assert refs(search(case, "minaret", deleted=Deleted.INCLUDE)) == {note.ref}  # deleted, still findable on request
    work.restore(parse_ref(note.ref))
    assert refs(search(case, "minaret")) == {note.ref}
    work.undo_last()  # takes back the restore
    assert refs(search(case, "minaret")) == set()
    assert _index(case) == _rebuilt(case)


def test_every_kind_is_indexed_as_a_rebuild_would_index_it(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    sample = build(case)
    sample.work.add_note(CASE_REF, "الشاهد رأى المستشفى")
    sample.work.edit(sample.charges["hospital"], {"analysis": "the hospital was marked"}, reason="analysis")
    index = _index(case)
    kinds = {kind for kind, _ in index.values()}
    assert kinds == {k.value for k in (RefKind.PERSON, RefKind.INCIDENT, RefKind.SOURCE, RefKind.CHARGE)} | {
        RefKind.ELEMENT_LINK.value,
        RefKind.NOTE.value,
    }
    assert index == _rebuilt(case)
    assert refs(search(case, "marked"), SearchKind.CHARGE) == {str(sample.charges["hospital"])}


def test_a_protected_name_is_never_indexed_and_never_finds_the_person(
    make_case: Callable[..., tuple[OpenCase, str]],
) -> None:
    case, _ = make_case()
    work = case.records
    witness = work.add_person(role=PersonRole.WITNESS, full_name=WITNESS, description="lives by the mill").value
    assert witness.protection is ProtectionLevel.PROTECTED
    note = work.add_note(parse_ref(witness.ref), f"{WITNESS} spoke to us").value
    (words,) = [w for kind, w in _index(case).values() if kind == RefKind.PERSON.value]
    assert words == index_text([witness.ref, "witness"])  # pseudonym and role, nothing else
    for word in ("الحلبي", "حلبي", "mill"):
        assert word not in words
    assert refs(search(case, WITNESS)) == {note.ref}  # the note it was typed into, never the person

    work.edit(parse_ref(witness.ref), {"protection": "none"}, reason="agreed to be named")
    assert refs(search(case, WITNESS)) == {note.ref, witness.ref}
    assert refs(search(case, "mill")) == {witness.ref}
    work.undo_last()
    assert refs(search(case, WITNESS)) == {note.ref}
    assert refs(search(case, "mill")) == set()
    assert _index(case) == _rebuilt(case)


def test_the_search_reads_only_what_the_index_finds(make_case: Callable[..., tuple[OpenCase, str]]) -> None:
    case, _ = make_case()
    work = case.records
    source = work.add_source(name="Field team in Douma").value
    assert refs(search(case, "douma")) == {source.ref}
    case.close()
    connection = raw_connection(case.folder)
    connection.execute("DELETE FROM record_text")  # a tamperer with the key empties the index
    connection.close()
    with open_case(case.folder, passphrase=PASSPHRASE) as again:
        assert refs(search(again, "douma")) == set()  # the index, not a scan, decides what is read
        assert refs(search(again, "", kinds=frozenset({SearchKind.SOURCE}))) == {source.ref}  # filters alone scan


def test_only_letters_and_digits_are_asked_of_the_index() -> None:
    assert index_words(["hospi", "2016", "al", "hospi"]) == ("hospi", "2016", "al")
    assert index_words(["1\u20442"]) == ()  # a folded fraction: read every record rather than miss one
    assert index_text(["Al-Quds Ḥospital", "المستشفى"]) == "al quds hospital المستشفي مستشفي"


def test_the_index_never_loses_a_record_the_search_would_match() -> None:
    """Random words in many scripts and spellings: whenever the search's own matching finds a record,
    the index query finds it too (a missing row would be a hit silently lost)."""
    alphabet = (
        "abcdeéèêëßøłæœİ\u0131iIKk\u017fﬁ"  # Latin with accents, ligatures, special case folds
        "مستشفىإأآٱةؤئءالحلبي"  # Arabic letters and variants
        "\u064e\u0650\u0651\u0640\u200c"  # harakat, shadda, tatweel, ZWNJ
        "\u0662\u0660\u0661\u06662016½²"  # Arabic-Indic and other digits
        "अस्पताल\u093f"  # Devanagari with a vowel sign
        "ΣσςДж"  # Greek final sigma, Cyrillic
    )
    rng = random.Random(14)
    connection = sqlcipher3.connect(":memory:")
    connection.execute(CREATE)
    checked = 0
    for number in range(1500):
        text = " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(4))
        spans = word_spans(text)
        if not spans:
            continue
        start, end = rng.choice(spans)
        typed = text[start : rng.randint(start + 1, end)]
        terms = query_terms(typed)
        if not terms or match_text(terms, [text]) is Match.NONE:
            continue
        words = index_words(terms)
        if not words:
            continue
        connection.execute("DELETE FROM record_text")
        connection.execute("INSERT INTO record_text VALUES (?, 'note', ?)", (str(number), index_text([text])))
        found = connection.execute("SELECT record_id FROM record_text WHERE record_text MATCH ?", (match_query(words),))
        assert found.fetchall() == [(str(number),)], (text, typed, terms)
        checked += 1
    assert checked > 500
