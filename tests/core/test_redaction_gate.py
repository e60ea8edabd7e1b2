"""The redactor's quick pass over ASCII text (the gate) never changes what it replaces: over random
texts mixing protected names in every casing and gap, the gated redactor gives exactly what the
word-by-word path gives, and a listing's plain values are passed through untouched."""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from caseapp.core.entities import Person, PersonRole, ProtectionLevel
from caseapp.core.redaction import NameRedactor, RecordRedaction

NOW = datetime(2026, 11, 27, tzinfo=UTC)
NAMES = ["Samir Khaled Nasser", "José Müller", "محمد أحمد الحلبي", "Ali Hassan", "O'Brien Kelly"]
FILLER = ["saw", "the", "crater", "near", "Samirs", "Khaled", "hospital", "2016", "EX-12", "alih", "ali-hassan"]
GAPS = [" ", "  ", "-", ".", "'", "\n", ", ", "_"]


def _person(number: int, name: str) -> Person:
    return Person(uuid.uuid4(), f"W-{number:03}", PersonRole.WITNESS, ProtectionLevel.PROTECTED, name, "", NOW)


def _word_by_word(redactor: NameRedactor) -> NameRedactor:
    """The same redactor with its gate open to every text (the path the gate short-cuts)."""
    ungated = NameRedactor(list(redactor.phrases), set(redactor._first_words))
    ungated._ascii_gate = re.compile("")
    return ungated


def test_the_ascii_gate_replaces_exactly_what_the_word_by_word_path_does() -> None:
    redactor = NameRedactor.for_persons([_person(n, name) for n, name in enumerate(NAMES, 1)])
    ungated = _word_by_word(redactor)
    rng = random.Random(16)
    replaced = 0
    for _ in range(3000):
        words = []
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.3:
                name = rng.choice(NAMES).split()
                words.extend(rng.choice([str.lower, str.upper, str.title, str])(w) for w in name)
            else:
                words.append(rng.choice(FILLER))
        text = "".join(word + rng.choice(GAPS) for word in words).encode("ascii", "ignore").decode()
        gated = redactor.redact(text)
        assert gated == ungated.redact(text), text
        replaced += gated[1]
    assert replaced > 500  # names were there to be replaced (Latin ones; José folds to "jose")


def test_ascii_texts_pass_untouched_when_every_protected_name_is_arabic() -> None:
    redactor = NameRedactor.for_persons([_person(1, "محمد أحمد الحلبي")])
    assert redactor._ascii_gate is None
    assert redactor.redact("Mohammad Ahmad al-Halabi at EX-3") == ("Mohammad Ahmad al-Halabi at EX-3", 0)
    assert redactor.redact("شهد محمد أحمد الحلبي") == ("شهد W-001", 1)  # the Arabic path is unchanged


@dataclass(frozen=True)
class _Row:
    id: uuid.UUID
    title: str
    size: int | None
    at: datetime
    tags: tuple[str, ...]


def test_a_record_keeps_its_plain_values_and_loses_the_names_in_its_texts() -> None:
    redaction = RecordRedaction(NameRedactor.for_persons([_person(7, "Ali Hassan")]))
    row = _Row(uuid.uuid4(), "ALI HASSAN at the gate", None, NOW, ("ali hassan", "gate"))
    done = redaction.record(row, "EX-1")
    assert done == _Row(row.id, "W-007 at the gate", None, NOW, ("W-007", "gate"))
    assert redaction.counts == {"EX-1.title": 1, "EX-1.tags": 1}
    untouched = _Row(uuid.uuid4(), "the gate", 3, NOW, ())
    assert redaction.record(untouched, "EX-2") is untouched
