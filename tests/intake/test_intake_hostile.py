"""The hostile corpus: one clear report per bad file, no crash, every good file processed."""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from caseapp.core.evidence import DerivativeKind, FileFacts, Problem, Severity
from caseapp.intake.inspection import inspect_file
from caseapp.intake.names import BIDI_CONTROLS
from caseapp.intake.reader import HashingReader, stream_file
from caseapp.intake.walk import collect
from tests.intake.hostile_corpus import Corpus, build


def _hook(corpus: Corpus, path: str) -> Callable[[int], None] | None:
    if path in corpus.delete_while_reading:
        return lambda _done: Path(path).unlink(missing_ok=True)
    if path in corpus.grow_while_reading:

        def grow(_done: int) -> None:
            with open(path, "ab") as fh:
                fh.write(b"more")

        return grow
    return None


def run_intake(corpus: Corpus) -> tuple[dict[str, list[Problem]], dict[str, FileFacts]]:
    """What the import job will do, minus the database: walk, stream through age, inspect."""
    identity = x25519.Identity.generate()
    reports: dict[str, list[Problem]] = defaultdict(list)
    facts: dict[str, FileFacts] = {}
    walked = collect([corpus.root])
    for p in walked.problems:
        reports[p.path].append(p)
    for cand in walked.candidates:
        for p in cand.name_problems:
            reports[p.path].append(p)
        blob = io.BytesIO()

        def encrypt(reader: HashingReader, blob: io.BytesIO = blob) -> None:
            pyrage.encrypt_io(reader, blob, [identity.to_public()])

        streamed = stream_file(cand.path, encrypt, expected=cand.identity, progress=_hook(corpus, cand.path))
        reports[cand.path].extend(streamed.problems)
        if not streamed.complete:
            continue
        plain = pyrage.decrypt(blob.getvalue(), [identity])
        assert hashlib.sha256(plain).hexdigest() == streamed.sha256
        if any(p.severity is not Severity.INFO for p in streamed.problems):
            continue  # vanished: nothing left to inspect
        facts[cand.path] = inspect_file(cand.path, name=cand.relative_path.rsplit("/", 1)[-1])
        reports[cand.path].extend(facts[cand.path].problems)
    return reports, facts


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, dict[str, list[Problem]], dict[str, FileFacts]]:
    corpus = build(tmp_path_factory.mktemp("hostile") / "corpus")
    reports, facts = run_intake(corpus)
    return corpus, reports, facts


def _serious(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is not Severity.INFO]


def test_corpus_is_big_enough(outcome: tuple[Corpus, dict[str, list[Problem]], dict[str, FileFacts]]) -> None:
    corpus, _, _ = outcome
    assert len(corpus.bad) >= 50
    assert len(corpus.good) >= 10


def test_one_clear_report_per_bad_file(outcome: tuple[Corpus, dict[str, list[Problem]], dict[str, FileFacts]]) -> None:
    corpus, reports, _ = outcome
    wrong = {}
    for path, codes in corpus.bad.items():
        got = _serious(reports.get(path, []))
        if len(got) != 1 or got[0].code not in codes:
            wrong[path] = ([p.code.value for p in got], sorted(c.value for c in codes))
    assert wrong == {}


def test_reports_are_readable_and_safe(outcome: tuple[Corpus, dict[str, list[Problem]], dict[str, FileFacts]]) -> None:
    _, reports, _ = outcome
    for problems in reports.values():
        for p in problems:
            assert len(p.message) > 20
            assert not any(ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc" for ch in p.message), p.message
            assert "<_io." not in p.message


def test_no_report_for_anything_else(outcome: tuple[Corpus, dict[str, list[Problem]], dict[str, FileFacts]]) -> None:
    corpus, reports, _ = outcome
    unexpected = {path: [p.code.value for p in _serious(ps)] for path, ps in reports.items() if path not in corpus.bad}
    assert {k: v for k, v in unexpected.items() if v} == {}


def test_every_good_file_is_processed(outcome: tuple[Corpus, dict[str, list[Problem]], dict[str, FileFacts]]) -> None:
    corpus, _, facts = outcome
    for path in corpus.good:
        assert path in facts, path
        got = facts[path]
        assert got.metadata is not None or got.derivative(DerivativeKind.TEXT) is not None, path
    images = [p for p in corpus.good if "/images/" in p]
    assert all(facts[p].derivative(DerivativeKind.THUMBNAIL) is not None for p in images)


def test_nothing_outside_was_read(outcome: tuple[Corpus, dict[str, list[Problem]], dict[str, FileFacts]]) -> None:
    corpus, _, facts = outcome
    assert all(os.path.commonpath([str(corpus.root), p]) == str(corpus.root) for p in facts)
