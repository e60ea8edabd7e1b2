"""Walking chosen files and folders safely: the list of files to take in, and what was left out.

Rules:
- A chosen path that is itself a symlink is followed (the person chose it).
- Inside a chosen folder, a symlink is never followed when it loops, is broken, or leads outside
  the folder. A link to a file inside the folder is listed (``via_symlink``, path = the target);
  a link to a folder inside is not walked again (its files are listed at their real place).
- Devices, FIFOs and sockets are never opened; they are reported.
- Names with control or bidi-control characters are kept but reported, and shown escaped.
- Folders are walked with an explicit stack (no recursion) and a depth cap; entries are sorted so
  the order is reproducible.
- Folders are opened by descriptor, one name at a time from the chosen folder down, never following
  a link (``O_NOFOLLOW | O_DIRECTORY``), and must still be the folder listed: a folder swapped for a
  link (or for another folder) between listing and opening is reported, not entered. The paths handed
  out are resolved, and `caseapp.intake.fsutil.open_regular` opens them the same way from ``/``.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from caseapp.core.errors import Cancelled
from caseapp.core.evidence import Candidate, Problem, ProblemCode, Severity, WalkResult
from caseapp.intake.fsutil import FolderRefused, identity_of, kind_of_mode, open_absolute_folder, open_folder, problem
from caseapp.intake.names import escape_name, name_message, unsafe_chars

CancelCheck = Callable[[], bool]
MAX_DEPTH = 256


@dataclass(frozen=True, slots=True)
class _Dir:
    real: str
    rel: str
    depth: int
    ancestors: frozenset[tuple[int, int]]
    parts: tuple[str, ...]
    """Names from the chosen folder down to this one, each opened relative to the one before."""
    key: tuple[int, int]
    """Device and inode when listed: the folder opened later must still be this one."""


def _join_rel(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


def _inside(root: str, target: str) -> bool:
    try:
        return os.path.commonpath([root, target]) == root
    except ValueError:  # different drives (Windows)
        return False


def _name_problems(path: str, name: str, rel: str) -> tuple[Problem, ...]:
    chars = unsafe_chars(name)
    if not chars:
        return ()
    return (problem(path, ProblemCode.UNSAFE_NAME, Severity.WARNING, name_message(escape_name(rel), chars)),)


def _check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("The walk was cancelled.")


def walk(
    paths: Iterable[str | os.PathLike[str]],
    *,
    cancel: CancelCheck | None = None,
    max_depth: int = MAX_DEPTH,
) -> Iterator[Candidate | Problem]:
    """Yield a `Candidate` for every regular file under ``paths`` and a `Problem` for each thing left out.

    Lazy, so a caller can show progress on huge trees; ``cancel`` is checked at every folder and
    raises `caseapp.core.errors.Cancelled`. Never raises for file-system trouble.
    """
    for given in paths:
        _check_cancel(cancel)
        yield from _walk_one(os.path.abspath(os.fspath(given)), cancel, max_depth)


def collect(
    paths: Iterable[str | os.PathLike[str]],
    *,
    cancel: CancelCheck | None = None,
    max_depth: int = MAX_DEPTH,
) -> WalkResult:
    """`walk` gathered into one value."""
    candidates: list[Candidate] = []
    problems: list[Problem] = []
    for item in walk(paths, cancel=cancel, max_depth=max_depth):
        if isinstance(item, Candidate):
            candidates.append(item)
        else:
            problems.append(item)
    return WalkResult(candidates=tuple(candidates), problems=tuple(problems))


def _walk_one(given: str, cancel: CancelCheck | None, max_depth: int) -> Iterator[Candidate | Problem]:
    shown = escape_name(given)
    name = os.path.basename(given.rstrip(os.sep)) or given
    try:
        st = os.stat(given)  # the person chose this path: follow a link here
    except FileNotFoundError:
        try:
            os.lstat(given)
        except OSError:
            yield problem(given, ProblemCode.NOT_FOUND, Severity.SKIPPED, f"'{shown}' does not exist.")
        else:
            yield problem(given, ProblemCode.SYMLINK_BROKEN, Severity.SKIPPED, f"'{shown}' is a broken link.")
        return
    except OSError as exc:
        code = ProblemCode.SYMLINK_LOOP if exc.errno == errno.ELOOP else ProblemCode.UNREADABLE
        yield problem(given, code, Severity.SKIPPED, f"'{shown}' cannot be examined: {exc.strerror}.")
        return
    real = os.path.realpath(given)
    if stat.S_ISREG(st.st_mode):
        yield Candidate(
            path=real,
            relative_path=name,
            display_path=escape_name(name),
            identity=identity_of(st),
            via_symlink=real != given,
            name_problems=_name_problems(real, name, name),
        )
    elif stat.S_ISDIR(st.st_mode):
        yield from _name_problems(real, name, name)
        yield from _walk_dir(real, name, cancel, max_depth)
    else:
        yield _special(given, name, st.st_mode)


def _special(path: str, rel: str, mode: int) -> Problem:
    return problem(
        path,
        ProblemCode.SPECIAL_FILE,
        Severity.SKIPPED,
        f"'{escape_name(rel)}' is {kind_of_mode(mode)}, not a regular file; it was not read.",
    )


def _dir_problem(path: str, rel: str, refused: FolderRefused) -> Problem:
    shown = escape_name(rel)
    if refused.became_link:
        return problem(
            path,
            ProblemCode.SYMLINK_OUTSIDE,
            Severity.SKIPPED,
            f"The folder '{shown}' became a symbolic link after it was listed; it was not followed "
            "(it could lead outside the chosen folder) and nothing in it was taken in.",
        )
    if refused.error.errno == errno.ENOENT:
        return problem(
            path,
            ProblemCode.VANISHED,
            Severity.SKIPPED,
            f"The folder '{shown}' disappeared after it was listed; nothing in it was taken in.",
        )
    return problem(
        path,
        ProblemCode.DIR_UNREADABLE,
        Severity.SKIPPED,
        f"The folder '{shown}' cannot be read: {refused.error.strerror}; nothing in it was taken in.",
    )


def _walk_dir(root: str, root_rel: str, cancel: CancelCheck | None, max_depth: int) -> Iterator[Candidate | Problem]:
    """Walk ``root`` (a resolved path) by descriptors: each folder is opened relative to the chosen one,
    one name at a time, with ``O_NOFOLLOW | O_DIRECTORY``, and must still be the folder that was listed
    (device and inode), so a folder swapped for a link or another folder meanwhile is never entered."""
    try:
        root_fd = open_absolute_folder(root)
    except FolderRefused as refused:
        yield _dir_problem(root, root_rel, refused)
        return
    try:
        root_st = os.fstat(root_fd)
        key = (root_st.st_dev, root_st.st_ino)
        stack = [_Dir(root, root_rel, 0, frozenset({key}), (), key)]
        while stack:
            _check_cancel(cancel)
            current = stack.pop()
            try:
                fd = open_folder(root_fd, current.parts, base=root)
            except FolderRefused as refused:
                yield _dir_problem(current.real, current.rel, refused)
                continue
            try:
                yield from _list_dir(fd, current, root, max_depth, stack)
            finally:
                os.close(fd)
    finally:
        os.close(root_fd)


def _list_dir(fd: int, current: _Dir, root: str, max_depth: int, stack: list[_Dir]) -> Iterator[Candidate | Problem]:
    """The entries of the open folder ``fd`` (``current``); its subfolders are pushed on ``stack``."""
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) != current.key:
        yield problem(
            current.real,
            ProblemCode.DIR_UNREADABLE,
            Severity.SKIPPED,
            f"The folder '{escape_name(current.rel)}' was replaced by another after it was listed; nothing in it "
            "was taken in. Import it again once nothing is changing it.",
        )
        return
    try:
        with os.scandir(fd) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield problem(
            current.real,
            ProblemCode.DIR_UNREADABLE,
            Severity.SKIPPED,
            f"The folder '{escape_name(current.rel)}' cannot be read: {exc.strerror}; nothing in it was taken in.",
        )
        return
    subdirs: list[_Dir] = []
    for entry in entries:
        rel = _join_rel(current.rel, entry.name)
        path = os.path.join(current.real, entry.name)
        try:
            lst = entry.stat(follow_symlinks=False)  # relative to fd, not to the path
        except OSError as exc:
            yield problem(
                path,
                ProblemCode.VANISHED if exc.errno == errno.ENOENT else ProblemCode.UNREADABLE,
                Severity.SKIPPED,
                f"'{escape_name(rel)}' cannot be examined: {exc.strerror}.",
            )
            continue
        if stat.S_ISLNK(lst.st_mode):
            yield from _link(path, entry.name, rel, root, current, fd)
        elif stat.S_ISDIR(lst.st_mode):
            key = (lst.st_dev, lst.st_ino)
            if key in current.ancestors:  # a bind mount or a hard-linked folder looping back
                yield problem(
                    path,
                    ProblemCode.SYMLINK_LOOP,
                    Severity.SKIPPED,
                    f"The folder '{escape_name(rel)}' leads back to a folder that contains it; not walked again.",
                )
            elif current.depth + 1 > max_depth:
                yield problem(
                    path,
                    ProblemCode.TOO_DEEP,
                    Severity.SKIPPED,
                    f"The folder '{escape_name(rel)}' is nested more than {max_depth} levels deep; not walked.",
                )
            else:
                yield from _name_problems(path, entry.name, rel)
                subdirs.append(
                    _Dir(path, rel, current.depth + 1, current.ancestors | {key}, (*current.parts, entry.name), key)
                )
        elif stat.S_ISREG(lst.st_mode):
            yield Candidate(
                path=path,
                relative_path=rel,
                display_path=escape_name(rel),
                identity=identity_of(lst),
                name_problems=_name_problems(path, entry.name, rel),
            )
        else:
            yield _special(path, rel, lst.st_mode)
    stack.extend(reversed(subdirs))  # pop() then visits them in name order


def _link(  # noqa: PLR0917 - private helper
    path: str, name: str, rel: str, root: str, current: _Dir, dir_fd: int
) -> Iterator[Candidate | Problem]:
    shown = escape_name(rel)
    try:
        st = os.stat(name, dir_fd=dir_fd)  # the link as listed, resolved from its own folder
    except FileNotFoundError:
        yield problem(
            path, ProblemCode.SYMLINK_BROKEN, Severity.SKIPPED, f"'{shown}' is a link to nothing; it was not followed."
        )
        return
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            yield problem(
                path,
                ProblemCode.SYMLINK_LOOP,
                Severity.SKIPPED,
                f"'{shown}' is a link that loops; it was not followed.",
            )
        else:
            yield problem(
                path, ProblemCode.UNREADABLE, Severity.SKIPPED, f"'{shown}' cannot be examined: {exc.strerror}."
            )
        return
    target = os.path.realpath(path)
    if not _inside(root, target):
        yield problem(
            path,
            ProblemCode.SYMLINK_OUTSIDE,
            Severity.SKIPPED,
            f"'{shown}' is a link leading outside the chosen folder (to '{escape_name(target)}'); it was not followed.",
        )
        return
    if stat.S_ISDIR(st.st_mode):
        if (st.st_dev, st.st_ino) in current.ancestors:
            yield problem(
                path,
                ProblemCode.SYMLINK_LOOP,
                Severity.SKIPPED,
                f"'{shown}' is a link to a folder that contains it (a loop); it was not followed.",
            )
        else:
            yield problem(
                path,
                ProblemCode.SYMLINK_INSIDE,
                Severity.INFO,
                f"'{shown}' is a link to a folder inside the chosen folder; its files are taken in at their own place.",
            )
        return
    if not stat.S_ISREG(st.st_mode):
        yield _special(path, rel, st.st_mode)
        return
    yield Candidate(
        path=target,
        relative_path=rel,
        display_path=escape_name(rel),
        identity=identity_of(st),
        via_symlink=True,
        name_problems=_name_problems(path, name, rel),
    )
