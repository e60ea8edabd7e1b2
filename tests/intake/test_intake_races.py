"""Races with the file system, made deterministic with hooks: nothing outside the chosen folder is
ever reached through a folder swapped for a link, and no derivative is made from bytes other than
the ones hashed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.core.evidence import Candidate, FileIdentity, Problem, ProblemCode, Severity
from caseapp.core.operations import Task
from caseapp.core.services.import_report import FileStatus
from caseapp.intake.inspection import inspect_file
from caseapp.intake.reader import stream_file
from caseapp.intake.walk import collect, walk

SECRET = b"root:$6$very-secret-hash:19000:0:99999:7:::\n"


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    """``evidence/a.txt``, ``evidence/sub/shadow``; and, outside, ``etc/shadow`` holding a secret."""
    root = tmp_path / "evidence"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_bytes(b"first file")
    (root / "z.txt").write_bytes(b"listed after sub: yielded once sub was examined as a folder")
    (root / "sub" / "shadow").write_bytes(b"an innocent file named shadow")
    (root / "sub" / "deeper" / "shadow").write_bytes(b"another innocent one")
    outside = tmp_path / "etc"
    (outside / "deeper").mkdir(parents=True)
    (outside / "shadow").write_bytes(SECRET)
    (outside / "deeper" / "shadow").write_bytes(SECRET)
    (outside / "passwd").write_bytes(SECRET)
    return root, outside


def _swap_for_link(folder: Path, target: Path) -> None:
    folder.rename(folder.with_name(folder.name + ".moved"))
    folder.symlink_to(target, target_is_directory=True)


def _outside_identities(outside: Path) -> set[tuple[int, int]]:
    return {(p.stat().st_dev, p.stat().st_ino) for p in outside.rglob("*")}


def _codes(problems: tuple[Problem, ...] | list[Problem]) -> list[ProblemCode]:
    return [p.code for p in problems]


# -- 1. folders swapped for links ----------------------------------------------------------------


def test_walk_does_not_follow_a_subfolder_swapped_for_a_link_after_listing(tmp_path: Path) -> None:
    """The walk is lazy: when it yields ``z.txt``, ``sub`` (sorted before) was examined as a folder but
    not yet opened: the hook swaps it for a link to a folder outside then."""
    root, outside = _tree(tmp_path)
    items: list[Candidate | Problem] = []
    for item in walk([root]):
        items.append(item)
        if isinstance(item, Candidate) and item.relative_path == "evidence/z.txt":
            _swap_for_link(root / "sub", outside)
    candidates = [i for i in items if isinstance(i, Candidate)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [c.relative_path for c in candidates] == ["evidence/a.txt", "evidence/z.txt"]
    assert not {(c.identity.device, c.identity.inode) for c in candidates} & _outside_identities(outside)
    (refused,) = problems
    assert refused.code is ProblemCode.SYMLINK_OUTSIDE
    assert refused.severity is Severity.SKIPPED
    assert "evidence/sub" in refused.message and "link" in refused.message


def test_walk_stays_in_the_chosen_folder_when_it_is_swapped_for_a_link(tmp_path: Path) -> None:
    """Swapped once its listing began: what is still listed and walked is the folder chosen (by its
    descriptor), never the folder the link leads to, which holds files of the same names."""
    root, outside = _tree(tmp_path)
    (outside / "sub").mkdir()
    (outside / "sub" / "shadow").write_bytes(SECRET)
    (outside / "z.txt").write_bytes(SECRET)
    chosen = _outside_identities(root)
    gen = walk([root])
    first = next(gen)
    assert isinstance(first, Candidate) and first.relative_path == "evidence/a.txt"
    _swap_for_link(root, outside)
    candidates = [first, *(i for i in gen if isinstance(i, Candidate))]
    assert {(c.identity.device, c.identity.inode) for c in candidates} <= chosen
    assert not {(c.identity.device, c.identity.inode) for c in candidates} & _outside_identities(outside)
    assert [c.relative_path for c in candidates] == [
        "evidence/a.txt",
        "evidence/z.txt",
        "evidence/sub/shadow",
        "evidence/sub/deeper/shadow",
    ]


def test_walk_does_not_descend_into_a_folder_replaced_after_listing(tmp_path: Path) -> None:
    """A real folder moved into place of a listed one is not the folder that was listed."""
    root, _ = _tree(tmp_path)
    items: list[Candidate | Problem] = []
    other = tmp_path / "other"
    other.mkdir()
    (other / "planted").write_bytes(b"planted")
    for item in walk([root]):
        items.append(item)
        if isinstance(item, Candidate) and item.relative_path == "evidence/z.txt":
            (root / "sub").rename(tmp_path / "sub.moved")
            other.rename(root / "sub")
    assert [i.relative_path for i in items if isinstance(i, Candidate)] == ["evidence/a.txt", "evidence/z.txt"]
    (refused,) = [i for i in items if isinstance(i, Problem)]
    assert refused.code is ProblemCode.DIR_UNREADABLE
    assert "replaced" in refused.message


@pytest.mark.parametrize("swapped", ["evidence/sub", "evidence/sub/deeper", "evidence"])
def test_reading_after_the_walk_never_goes_through_a_folder_swapped_for_a_link(tmp_path: Path, swapped: str) -> None:
    """Listing done, a folder on the way (the chosen one, a child, a grandchild) becomes a link to
    a folder holding files of the same names: neither the hashing pass nor the inspection reads them."""
    root, outside = _tree(tmp_path)
    listed = {c.relative_path: c for c in collect([root]).candidates}
    target = listed["evidence/sub/deeper/shadow"]
    link_to = outside / "deeper" if swapped.endswith("deeper") else outside
    if swapped == "evidence":
        (outside / "sub" / "deeper").mkdir(parents=True)
        (outside / "sub" / "deeper" / "shadow").write_bytes(SECRET)
    else:
        (outside / "deeper" / "deeper").mkdir()
        (outside / "deeper" / "deeper" / "shadow").write_bytes(SECRET)
        (outside / "deeper" / "shadow").write_bytes(SECRET)
    _swap_for_link(tmp_path / swapped, link_to)
    assert (tmp_path / target.relative_path).read_bytes() == SECRET  # a plain open would read the secret

    streamed = stream_file(target.path, expected=target.identity)
    assert not streamed.complete
    assert streamed.sha256 == ""
    assert _codes(streamed.problems) == [ProblemCode.SYMLINK_OUTSIDE]
    assert "link" in streamed.problems[0].message
    facts = inspect_file(target.path)
    assert facts.identity is None and facts.metadata is None and not facts.derivatives
    assert _codes(facts.problems) == [ProblemCode.SYMLINK_OUTSIDE]


def test_import_never_takes_in_a_file_from_a_folder_swapped_for_a_link(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    """End to end: the job reports each file before it reads it; at that moment, swap its folder."""
    root, outside = _tree(tmp_path)
    case, _ = make_case()

    def progress(_done: int, _total: int, label: str) -> None:
        if label.endswith(" evidence/sub/deeper/shadow") and not (root / "sub.moved").exists():
            _swap_for_link(root / "sub", outside)

    report = case.imports.import_paths([root], task=Task(progress=progress)).value
    status = {o.path: o for o in report.outcomes}
    assert status["evidence/a.txt"].status is FileStatus.IMPORTED
    assert status["evidence/sub/deeper/shadow"].status is FileStatus.SKIPPED
    assert _codes(status["evidence/sub/deeper/shadow"].problems) == [ProblemCode.SYMLINK_OUTSIDE]
    secret = hashlib.sha256(SECRET).hexdigest()
    assert all(o.sha256 != secret for o in report.outcomes)
    with case.db.read() as tx:
        assert secret not in tx.exhibits_by_sha256()


# -- 2. the file inspected is the file hashed ---------------------------------------------------

WITNESS = b"Witness A saw the soldiers at the bakery at dawn.\n" * 20
PLANTED = b"Nothing happened; the witness was never present.\n".rjust(len(WITNESS) // 20) * 20


def _hashed(tmp_path: Path) -> tuple[Path, FileIdentity]:
    src = tmp_path / "statement.txt"
    src.write_bytes(WITNESS)
    streamed = stream_file(src)
    assert streamed.complete and streamed.after is not None
    return src, streamed.after


def _refused(facts_problems: tuple[Problem, ...]) -> Problem:
    (only,) = facts_problems
    assert only.code is ProblemCode.CHANGED_WHILE_READING
    assert only.severity is Severity.SKIPPED
    return only


def test_a_file_swapped_between_hashing_and_inspecting_gets_no_derivatives(tmp_path: Path) -> None:
    src, hashed = _hashed(tmp_path)
    planted = tmp_path / "planted"
    planted.write_bytes(PLANTED)
    os.replace(planted, src)  # the hook: between the hashing pass and the inspection
    facts = inspect_file(src, expected=hashed)
    assert not facts.derivatives and facts.metadata is None
    assert "not the file that was hashed" in _refused(facts.problems).message


def test_a_file_rewritten_in_place_between_hashing_and_inspecting_is_refused(tmp_path: Path) -> None:
    """Same inode and same size; modification time put back: only the change time tells."""
    src, hashed = _hashed(tmp_path)
    assert len(PLANTED) == len(WITNESS)
    mtime = src.stat().st_mtime_ns
    src.write_bytes(PLANTED)
    os.utime(src, ns=(mtime, mtime))
    facts = inspect_file(src, expected=hashed)
    assert not facts.derivatives
    _refused(facts.problems)


def test_a_file_changed_during_inspection_is_refused(tmp_path: Path) -> None:
    """The inspection polls ``cancel`` once the type is known: the hook changes the file there."""
    src, hashed = _hashed(tmp_path)
    calls: list[int] = []

    def cancel() -> bool:
        if not calls:
            with src.open("r+b") as f:
                f.write(PLANTED[:40])
        calls.append(1)
        return False

    facts = inspect_file(src, expected=hashed, cancel=cancel)
    assert calls
    assert not facts.derivatives
    assert "changed while it was analysed" in _refused(facts.problems).message


def test_an_unchanged_file_keeps_its_derivatives(tmp_path: Path) -> None:
    src, hashed = _hashed(tmp_path)
    facts = inspect_file(src, expected=hashed)
    assert facts.problems == ()
    (text,) = facts.derivatives
    assert text.data == WITNESS


def test_import_skips_a_file_swapped_between_hashing_and_inspection(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path
) -> None:
    """The import job inspects through the Intake port; this real FileIntake swaps the file's
    content just before inspecting it (the moment the race needs), so the job must refuse it."""
    from caseapp.core.services.importing import ImportService
    from caseapp.intake.adapter import FileIntake

    case, _ = make_case()
    folder = tmp_path / "handover"
    folder.mkdir()
    statement = folder / "statement.txt"
    statement.write_bytes(WITNESS)
    (folder / "other.txt").write_bytes(b"an unrelated file\n")

    class SwappingIntake(FileIntake):
        def inspect_file(self, path: str, **kwargs: object) -> object:  # type: ignore[override]
            if path.endswith("statement.txt"):
                replacement = Path(path).with_name("swap.tmp")
                replacement.write_bytes(b"A different statement naming nobody.\n")
                os.replace(replacement, path)
            return super().inspect_file(path, **kwargs)  # type: ignore[arg-type]

    service = ImportService(case.db, case.blobs, SwappingIntake(), case.actor, case.folder)
    report = service.import_paths([folder]).value
    status = {o.path: o for o in report.outcomes}
    assert status["handover/other.txt"].status is FileStatus.IMPORTED
    swapped = status["handover/statement.txt"]
    assert swapped.status is FileStatus.SKIPPED
    assert ProblemCode.CHANGED_WHILE_READING in _codes(swapped.problems)
    with case.db.read() as tx:
        assert hashlib.sha256(WITNESS).hexdigest() not in tx.exhibits_by_sha256()
        # no blob of it left recorded: every file in the local map is one a record needs (a text file's
        # original and its text derivative share one file)
        assert {blob.name for blob in tx.referenced_blobs()} == tx.stored_blob_names()
        assert hashlib.sha256(WITNESS).hexdigest() not in {sha256 for _, sha256, _ in tx.blob_files()}
    # a second run takes the file in whole, as it is now
    again = case.imports.import_paths([folder]).value
    assert {o.path: o.status for o in again.outcomes}["handover/statement.txt"] is FileStatus.IMPORTED
