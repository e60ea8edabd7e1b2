"""The walk lists regular files and reports, one by one, everything it leaves out."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from caseapp.core.errors import Cancelled
from caseapp.core.evidence import Candidate, ProblemCode, Severity
from caseapp.intake.walk import collect, walk


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "dump"
    (root / "DCIM" / "100CANON").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "DCIM" / "100CANON" / "IMG_0001.JPG").write_bytes(b"\xff\xd8\xff fake jpeg")
    (root / "docs" / "statement.txt").write_text("hello", encoding="utf-8")
    (root / ".hidden").write_text("still evidence", encoding="utf-8")
    return root


def by_rel(result_candidates: tuple[Candidate, ...]) -> dict[str, Candidate]:
    return {c.relative_path: c for c in result_candidates}


def test_regular_files_with_relative_paths(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    result = collect([root])
    assert result.problems == ()
    assert sorted(by_rel(result.candidates)) == [
        "dump/.hidden",
        "dump/DCIM/100CANON/IMG_0001.JPG",
        "dump/docs/statement.txt",
    ]
    cand = by_rel(result.candidates)["dump/docs/statement.txt"]
    assert cand.path == str(root / "docs" / "statement.txt")
    assert cand.identity.size == 5
    assert cand.identity.inode == os.stat(cand.path).st_ino
    assert not cand.via_symlink


def test_order_is_reproducible(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    for i in range(20):
        (root / f"f{i:02d}").write_bytes(b"x")
    first = [c.relative_path for c in collect([root]).candidates]
    assert first == [c.relative_path for c in collect([root]).candidates]
    assert first.index("dump/f00") < first.index("dump/f19")


def test_single_file_and_missing_path(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("x", encoding="utf-8")
    result = collect([f, tmp_path / "nope"])
    assert [c.relative_path for c in result.candidates] == ["one.txt"]
    assert [p.code for p in result.problems] == [ProblemCode.NOT_FOUND]
    assert result.problems[0].severity is Severity.SKIPPED


def test_symlink_loop_to_ancestor_is_reported_not_followed(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "docs" / "back").symlink_to(root)
    result = collect([root])
    loops = [p for p in result.problems if p.code is ProblemCode.SYMLINK_LOOP]
    assert len(loops) == 1
    assert loops[0].path == str(root / "docs" / "back")
    assert len(result.candidates) == 3  # nothing walked twice


def test_self_referencing_links_are_a_loop(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "a").symlink_to(root / "b")
    (root / "b").symlink_to(root / "a")
    result = collect([root])
    assert sorted(p.code for p in result.problems) == [ProblemCode.SYMLINK_LOOP, ProblemCode.SYMLINK_LOOP]
    assert result.candidates == ()


def test_links_leading_outside_are_reported(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    secret = tmp_path / "outside.txt"
    secret.write_text("not chosen", encoding="utf-8")
    (root / "to_file").symlink_to(secret)
    (root / "to_dir").symlink_to(tmp_path)
    (root / "to_etc").symlink_to("/etc")
    result = collect([root])
    outside = sorted(Path(p.path).name for p in result.problems if p.code is ProblemCode.SYMLINK_OUTSIDE)
    assert outside == ["to_dir", "to_etc", "to_file"]
    assert all(p.severity is Severity.SKIPPED for p in result.problems)
    assert "outside.txt" not in {Path(c.path).name for c in result.candidates}


def test_broken_link(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "dangling").symlink_to(root / "gone")
    result = collect([root])
    assert [p.code for p in result.problems] == [ProblemCode.SYMLINK_BROKEN]


def test_links_inside_the_folder(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "alias.txt").symlink_to(root / "docs" / "statement.txt")
    (root / "photos").symlink_to(root / "DCIM")
    result = collect([root])
    alias = by_rel(result.candidates)["dump/alias.txt"]
    assert alias.via_symlink
    assert alias.path == str(root / "docs" / "statement.txt")
    assert [p.code for p in result.problems] == [ProblemCode.SYMLINK_INSIDE]
    assert result.problems[0].severity is Severity.INFO
    assert not any(c.relative_path.startswith("dump/photos/") for c in result.candidates)


def test_chosen_path_that_is_a_link_is_followed(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    link = tmp_path / "shortcut"
    link.symlink_to(root)
    result = collect([link])
    assert len(result.candidates) == 3
    assert all(c.relative_path.startswith("shortcut/") for c in result.candidates)


def test_fifo_socket_and_device_are_never_opened(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    os.mkfifo(root / "pipe")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(root / "sock"))
        (root / "null").symlink_to("/dev/null")  # outside the folder anyway
        result = collect([root])
    finally:
        sock.close()
    codes = {Path(p.path).name: p.code for p in result.problems}
    assert codes == {
        "pipe": ProblemCode.SPECIAL_FILE,
        "sock": ProblemCode.SPECIAL_FILE,
        "null": ProblemCode.SYMLINK_OUTSIDE,
    }
    assert "named pipe" in next(p.message for p in result.problems if p.path.endswith("pipe"))
    assert len(result.candidates) == 3


def test_chosen_device_is_reported(tmp_path: Path) -> None:
    result = collect(["/dev/null"])
    assert result.candidates == ()
    assert [p.code for p in result.problems] == [ProblemCode.SPECIAL_FILE]
    assert "character device" in result.problems[0].message


def test_unsafe_names_are_kept_reported_and_escaped(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "report\u202efdp.exe").write_bytes(b"MZ")
    (root / "two\nlines.txt").write_text("x", encoding="utf-8")
    (root / "bad\u2066dir").mkdir()
    (root / "bad\u2066dir" / "inner.txt").write_text("x", encoding="utf-8")
    result = collect([root])
    cands = by_rel(result.candidates)
    rtl = cands["dump/report\u202efdp.exe"]
    assert rtl.display_path == "dump/report\\u202efdp.exe"
    assert [p.code for p in rtl.name_problems] == [ProblemCode.UNSAFE_NAME]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in rtl.name_problems[0].message
    assert "\u202e" not in rtl.name_problems[0].message
    assert cands["dump/two\nlines.txt"].display_path == "dump/two\\x0alines.txt"
    # the folder with an isolate is reported once, its file is still listed, shown escaped
    assert [p.code for p in result.problems] == [ProblemCode.UNSAFE_NAME]
    assert cands["dump/bad\u2066dir/inner.txt"].display_path == "dump/bad\\u2066dir/inner.txt"
    assert cands["dump/bad\u2066dir/inner.txt"].name_problems == ()
    assert len(result.all_problems) == 3


def test_non_utf8_name_is_listed_and_can_be_reopened(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    raw = os.fsencode(str(root)) + b"/caf\xe9.txt"  # Latin-1 name from an old camera or Windows
    with open(raw, "wb") as fh:
        fh.write(b"latin")
    (cand,) = collect([root]).candidates
    assert os.fsencode(cand.path) == raw
    assert cand.display_path == "d/caf\\xe9.txt"
    assert [p.code for p in cand.name_problems] == [ProblemCode.UNSAFE_NAME]
    with open(cand.path, "rb") as fh:
        assert fh.read() == b"latin"


def test_depth_cap(tmp_path: Path) -> None:
    root = tmp_path / "deep"
    current = root
    for i in range(6):
        current = current / f"l{i}"
    current.mkdir(parents=True)
    (current / "bottom.txt").write_text("x", encoding="utf-8")
    result = collect([root], max_depth=3)
    assert result.candidates == ()
    assert [p.code for p in result.problems] == [ProblemCode.TOO_DEEP]
    assert len(collect([root]).candidates) == 1


def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every folder; permissions cannot make one unreadable")
    root = _tree(tmp_path)
    (root / "docs").chmod(0)
    try:
        result = collect([root])
    finally:
        (root / "docs").chmod(0o700)
    assert [p.code for p in result.problems] == [ProblemCode.DIR_UNREADABLE]


def test_cancel_stops_the_walk(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        list(walk([root], cancel=cancel))
    assert len(calls) == 3


def test_walk_is_lazy(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    it = walk([root])
    first = next(it)
    assert isinstance(first, Candidate)
