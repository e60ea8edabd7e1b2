"""Opening evidence files safely and describing them (identity snapshots)."""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Sequence

from caseapp.core.evidence import FileIdentity, Problem, ProblemCode, Severity
from caseapp.intake.names import escape_name

_BASE_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOATIME = getattr(os, "O_NOATIME", 0)


def identity_of(st: os.stat_result) -> FileIdentity:
    return FileIdentity(
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        ctime_ns=st.st_ctime_ns,
        inode=st.st_ino,
        device=st.st_dev,
        mode=st.st_mode,
    )


def same_state(a: FileIdentity, b: FileIdentity) -> bool:
    """Same file (device, inode) with the same size, modification and change times: any write, or a
    modification time put back afterwards, changes the change time."""
    return (a.device, a.inode, a.size, a.mtime_ns, a.ctime_ns) == (b.device, b.inode, b.size, b.mtime_ns, b.ctime_ns)


def problem(path: str, code: ProblemCode, severity: Severity, message: str) -> Problem:
    return Problem(path=path, code=code, severity=severity, message=message)


def kind_of_mode(mode: int) -> str:  # noqa: PLR0911 - one answer per file type
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


class OpenRefused(Exception):
    """The path could not be opened as a regular file; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_SEARCH_ONLY = getattr(os, "O_PATH", 0)  # Linux: a descriptor to walk through, needing no read permission
DIR_FD_SUPPORTED = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY") and hasattr(os, "O_NOFOLLOW")
"""Whether folders can be walked by descriptor (every POSIX system; not Windows)."""


class FolderRefused(Exception):
    """A folder on the way could not be opened as a folder: ``where`` names it, ``became_link`` says
    whether it is now a symbolic link, ``error`` is what the system said."""

    def __init__(self, where: str, error: OSError, *, became_link: bool) -> None:
        super().__init__(f"{where}: {error.strerror}")
        self.where = where
        self.error = error
        self.became_link = became_link


def open_folder(start: int, parts: Sequence[str], *, base: str, listable: bool = True) -> int:
    """A new descriptor of the folder reached from the folder descriptor ``start`` through ``parts``.

    Each part is opened relative to the previous one with ``O_DIRECTORY | O_NOFOLLOW``: a part that is
    (or has become) a symbolic link, or is no longer a folder, stops the walk with `FolderRefused`
    (``base`` and the parts so far name it). No link is ever followed, whatever is swapped when.
    With ``listable`` the last folder is opened for reading its entries; the ones on the way only
    for walking through (``O_PATH`` where the system has it). ``start`` is not closed.
    """
    fd = os.dup(start) if not parts else start
    owned = not parts
    try:
        for i, name in enumerate(parts):
            if name in ("", ".", "..") or os.sep in name:
                raise FolderRefused(
                    os.path.join(base, *parts[: i + 1]), OSError(errno.EINVAL, "not a plain name"), became_link=False
                )
            last = i == len(parts) - 1
            flags = _DIR_FLAGS if (listable and last) else _DIR_FLAGS | _SEARCH_ONLY
            try:
                next_fd = os.open(name, flags, dir_fd=fd)
            except OSError as exc:
                raise FolderRefused(os.path.join(base, *parts[: i + 1]), exc, became_link=_is_link(name, fd)) from None
            if owned:
                os.close(fd)
            fd, owned = next_fd, True
        return fd
    except BaseException:
        if owned:
            os.close(fd)
        raise


def _is_link(name: str, dir_fd: int) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(name, dir_fd=dir_fd).st_mode)
    except OSError:
        return False


def open_absolute_folder(path: str, *, listable: bool = True) -> int:
    """`open_folder` from ``/`` down to the absolute ``path``: no component may be a link (give a
    resolved path, as the walk does)."""
    parts = [p for p in path.split(os.sep) if p]
    root = os.open(os.sep, _DIR_FLAGS | _SEARCH_ONLY)
    try:
        return open_folder(root, parts, base=os.sep, listable=listable)
    finally:
        os.close(root)


def _folder_refused(path: str, refused: FolderRefused) -> OpenRefused:
    shown, where = escape_name(path), escape_name(refused.where)
    if refused.became_link:
        return OpenRefused(
            problem(
                path,
                ProblemCode.SYMLINK_OUTSIDE,
                Severity.SKIPPED,
                f"'{shown}' was not read: the folder '{where}' on the way to it became a symbolic link after it "
                "was listed, and links there are never followed (it could lead outside the chosen folder).",
            )
        )
    if refused.error.errno == errno.ENOENT:
        return OpenRefused(
            problem(
                path,
                ProblemCode.VANISHED,
                Severity.SKIPPED,
                f"'{shown}' no longer exists (the folder '{where}' is gone); it was not read.",
            )
        )
    return OpenRefused(
        problem(
            path,
            ProblemCode.UNREADABLE,
            Severity.SKIPPED,
            f"'{shown}' cannot be opened: the folder '{where}' on the way to it cannot be opened as a folder "
            f"({refused.error.strerror}).",
        )
    )


def _open_file(path: str, flags: int) -> int:
    """Open ``path`` with ``flags`` and no symbolic link followed in any of its components."""
    if not DIR_FD_SUPPORTED:
        return os.open(path, flags)
    head, last = os.path.split(os.path.abspath(path))
    try:
        parent = open_absolute_folder(head, listable=False)
    except FolderRefused as refused:
        raise _folder_refused(path, refused) from None
    try:
        return os.open(last, flags, dir_fd=parent)
    finally:
        os.close(parent)


def open_regular(path: str) -> tuple[io.FileIO, FileIdentity]:
    """Open ``path`` read-only as a regular file, following no symbolic link anywhere in the path.

    Every folder from ``/`` down is opened relative to the one before it with ``O_NOFOLLOW |
    O_DIRECTORY``, and the file itself with ``O_NOFOLLOW``: a folder swapped for a link after the walk
    listed it stops the open. Give a resolved path (the walk hands out only resolved paths).
    ``O_NONBLOCK`` keeps a FIFO swapped in after the walk from blocking us; ``O_NOATIME`` (when
    permitted) leaves the access time of the evidence as found. Raises `OpenRefused`.
    """
    shown = escape_name(path)
    flags = _BASE_FLAGS | _NONBLOCK
    try:
        try:
            fd = _open_file(path, flags | _NOATIME)
        except PermissionError:
            fd = _open_file(path, flags)  # O_NOATIME needs ownership; the plain open may still work
    except FileNotFoundError:
        raise OpenRefused(
            problem(path, ProblemCode.VANISHED, Severity.SKIPPED, f"'{shown}' no longer exists; it was not read.")
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OpenRefused(
                problem(
                    path,
                    ProblemCode.SPECIAL_FILE,
                    Severity.SKIPPED,
                    f"'{shown}' became a symbolic link after it was listed; it was not followed.",
                )
            ) from None
        raise OpenRefused(
            problem(path, ProblemCode.UNREADABLE, Severity.SKIPPED, f"'{shown}' cannot be opened: {exc.strerror}.")
        ) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OpenRefused(
                problem(
                    path,
                    ProblemCode.SPECIAL_FILE,
                    Severity.SKIPPED,
                    f"'{shown}' is {kind_of_mode(st.st_mode)}, not a regular file; it was not read.",
                )
            )
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=0), identity_of(st)
    except BaseException:
        os.close(fd)
        raise
