"""ZIP containers (DOCX, ODT, ...) opened with limits: no bomb gets its bytes inflated.

Before ``zipfile`` reads the central directory, its size and entry count are read from the
end-of-central-directory record; before a member is read, its declared size and compression ratio
are checked; reading is capped, so a member lying about its size cannot inflate past the cap.
"""

from __future__ import annotations

import struct
import zipfile
from typing import BinaryIO

from caseapp.core.evidence import IntakeLimits, Problem, ProblemCode, Severity
from caseapp.intake.fsutil import problem
from caseapp.intake.names import escape_name

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_MAX_COMMENT = 0xFFFF
_MAX_CENTRAL_DIR = 8 * 1024 * 1024
_RATIO_FLOOR = 1024 * 1024  # small members may compress very well (e.g. repeated XML)


class ZipRefused(Exception):
    """The container is damaged or hostile; ``problem`` says which."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _directory_shape(fp: BinaryIO) -> tuple[int, int] | None:
    """(entries, central directory size) from the end records, or None when there is no EOCD."""
    fp.seek(0, 2)
    size = fp.tell()
    tail_len = min(size, _MAX_COMMENT + 22)
    fp.seek(size - tail_len)
    tail = fp.read(tail_len)
    pos = tail.rfind(_EOCD)
    if pos < 0 or len(tail) - pos < 22:
        return None
    _sig, _d, _dcd, _n_here, entries, cd_size, _cd_off, _clen = struct.unpack("<4s4H2LH", tail[pos : pos + 22])
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
        loc = pos - 20
        if loc >= 0 and tail[loc : loc + 4] == _ZIP64_LOCATOR:
            (eocd64_off,) = struct.unpack("<Q", tail[loc + 8 : loc + 16])
            if 0 <= eocd64_off < size:
                fp.seek(eocd64_off)
                rec = fp.read(56)
                if len(rec) == 56 and rec[:4] == _ZIP64_EOCD:
                    entries, cd_size = struct.unpack("<QQ", rec[32:48])
    return entries, cd_size


def open_zip(fp: BinaryIO, path: str, limits: IntakeLimits) -> zipfile.ZipFile:
    """Open a ZIP and check every member's declared size and ratio. Raises `ZipRefused`."""
    shown = escape_name(path)
    try:
        shape = _directory_shape(fp)
    except (OSError, struct.error) as exc:
        raise ZipRefused(_corrupt(path, shown, str(exc))) from None
    if shape is None:
        raise ZipRefused(
            problem(
                path,
                ProblemCode.TRUNCATED,
                Severity.WARNING,
                f"'{shown}' is a ZIP-based file whose end is missing (truncated or damaged); its content was not read.",
            )
        )
    entries, cd_size = shape
    if entries > limits.max_zip_entries or cd_size > _MAX_CENTRAL_DIR:
        raise ZipRefused(
            _bomb(path, f"'{shown}' declares {entries} entries ({cd_size} bytes of directory), over the limit.")
        )
    try:
        fp.seek(0)
        zf = zipfile.ZipFile(fp)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error, NotImplementedError) as exc:
        raise ZipRefused(_corrupt(path, shown, str(exc))) from None
    total = packed = 0
    for info in zf.infolist():
        total += info.file_size
        packed += info.compress_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
            zf.close()
            raise ZipRefused(
                _bomb(
                    path,
                    f"'{shown}' is a ZIP bomb: the part '{escape_name(info.filename)}' would inflate "
                    f"{info.compress_size} bytes to {info.file_size} (ratio {ratio:.0f}); it was not unpacked.",
                )
            )
    if total > limits.max_zip_total_bytes and total / max(packed, 1) > limits.max_zip_ratio:
        zf.close()  # many small parts that each look harmless but inflate enormously together
        raise ZipRefused(
            _bomb(
                path,
                f"'{shown}' would inflate {packed} bytes to {total} (ratio {total / max(packed, 1):.0f}); "
                "it was not unpacked.",
            )
        )
    return zf


def read_member(zf: zipfile.ZipFile, name: str, cap: int, path: str) -> bytes | None:
    """The member's bytes (None when absent). Raises `ZipRefused` when over ``cap`` or damaged."""
    shown = escape_name(path)
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > cap:
        raise ZipRefused(
            _bomb(path, f"The part '{escape_name(name)}' of '{shown}' is {info.file_size} bytes, over the {cap} limit.")
        )
    try:
        with zf.open(info) as member:
            data = member.read(cap + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ZipRefused(_corrupt(path, shown, f"part '{escape_name(name)}': {exc}")) from None
    except Exception as exc:  # zlib.error and friends from a damaged stream
        raise ZipRefused(_corrupt(path, shown, f"part '{escape_name(name)}': {exc}")) from None
    if len(data) > cap:
        raise ZipRefused(_bomb(path, f"The part '{escape_name(name)}' of '{shown}' inflates past the {cap} limit."))
    return data


def _corrupt(path: str, shown: str, detail: str) -> Problem:
    return problem(
        path,
        ProblemCode.CORRUPT,
        Severity.WARNING,
        f"'{shown}' is a damaged ZIP-based file ({detail}); its content was not read.",
    )


def _bomb(path: str, message: str) -> Problem:
    return problem(path, ProblemCode.ZIP_BOMB, Severity.WARNING, message)
