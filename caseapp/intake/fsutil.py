"""Opening evidence files safely and describing them (identity snapshots)."""

from __future__ import annotations

import errno
import io
import os
import stat

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


def open_regular(path: str) -> tuple[io.FileIO, FileIdentity]:
    """Open ``path`` read-only as a regular file, without following a final symlink.

    ``O_NONBLOCK`` keeps a FIFO swapped in after the walk from blocking us; ``O_NOATIME`` (when
    permitted) leaves the access time of the evidence as found. Raises `OpenRefused`.
    """
    shown = escape_name(path)
    flags = _BASE_FLAGS | _NONBLOCK
    try:
        try:
            fd = os.open(path, flags | _NOATIME)
        except PermissionError:
            fd = os.open(path, flags)  # O_NOATIME needs ownership; the plain open may still work
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
