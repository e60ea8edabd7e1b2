"""What goes into a bundle, and how it is split into parts: plain values, no file system.

The app layer gives the bundle as :class:`Group` values (an exhibit's file with its sidecar and
receipt; the custody log; the dossier files); the writer (:mod:`caseapp.export.bundle`) puts each
group whole into one part, so a file and its metadata never travel apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from caseapp.core.dossier.bundle_layout import PAYLOAD
from caseapp.core.errors import ValidationError
from caseapp.core.ports import Writable

# A bag path is written as is into manifests that both BagIt (which percent-encodes CR, LF and %)
# and `sha256sum -c` (which backslash-escapes names with a backslash or a newline) must read the
# same way: such characters are never allowed in it.
_UNSAFE_PATH = re.compile(r"[\x00-\x1f\x7f%\\]")


def check_bag_path(path: str) -> str:
    """``path`` if it is a relative payload path both BagIt and ``sha256sum -c`` read alike."""
    parts = path.split("/")
    if (
        parts[0] != PAYLOAD
        or len(parts) < 2
        or any(part in ("", ".", "..") for part in parts)
        or _UNSAFE_PATH.search(path)
        or path != path.strip()
    ):
        raise ValueError(f"not a safe payload path for a bag: {path!r}")
    return path


@dataclass(frozen=True, slots=True)
class BagFile:
    """One payload file: its path in the bag, its size, and how to stream its bytes.

    ``write`` writes the whole content into the sink it is given (in pieces; never the whole file
    in memory). With ``expected_sha256`` the writer refuses the bundle if what was written has
    another SHA-256 (a damaged blob). With ``digest_from_write``, ``write`` returns the SHA-256 of
    exactly the bytes it wrote (the blob store measures it while decrypting into the sink), and the
    writer does not hash them a second time."""

    path: str
    size: int
    write: Callable[[Writable], object]
    expected_sha256: str | None = None
    digest_from_write: bool = False

    def __post_init__(self) -> None:
        check_bag_path(self.path)

    @classmethod
    def of_bytes(cls, path: str, data: bytes) -> BagFile:
        """A small generated file (a sidecar, a receipt, the custody log)."""
        return cls(path, len(data), lambda sink: sink.write(data))


@dataclass(frozen=True, slots=True)
class Group:
    """Files that travel in the same part."""

    files: tuple[BagFile, ...]

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(frozen=True, slots=True)
class PartPlan:
    """The groups of one part; ``oversize`` when a single group is larger than the part size."""

    groups: list[Group] = field(default_factory=list)
    oversize: bool = False

    @property
    def size(self) -> int:
        return sum(g.size for g in self.groups)

    @property
    def files(self) -> list[BagFile]:
        return [f for g in self.groups for f in g.files]


def plan_parts(groups: Sequence[Group], part_size: int | None) -> list[PartPlan]:
    """Groups in their order, packed into parts of at most ``part_size`` bytes of payload (None:
    one part). A group larger than a part gets a part of its own, marked ``oversize``."""
    if part_size is not None and part_size <= 0:
        raise ValidationError("the part size must be a positive number of bytes")
    if part_size is None:
        return [PartPlan(list(groups))]
    parts: list[PartPlan] = []
    current = PartPlan()
    for group in groups:
        if group.size > part_size:
            if current.groups:
                parts.append(current)
                current = PartPlan()
            parts.append(PartPlan([group], oversize=True))
            continue
        if current.groups and current.size + group.size > part_size:
            parts.append(current)
            current = PartPlan()
        current.groups.append(group)
    if current.groups or not parts:
        parts.append(current)
    return parts


_UNITS = {"": 1, "B": 1, "K": 1000, "KB": 1000, "KIB": 1024, "M": 1000**2, "MB": 1000**2, "MIB": 1024**2}
_UNITS.update({"G": 1000**3, "GB": 1000**3, "GIB": 1024**3, "T": 1000**4, "TB": 1000**4, "TIB": 1024**4})
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$")


def parse_size(text: str) -> int:
    """``500M`` → 500 000 000, ``2G``, ``1.5GiB``, ``1048576`` (bytes). Decimal units as upload
    limits are usually given; ``KiB``/``MiB``/``GiB`` for binary ones."""
    match = _SIZE.match(text)
    unit = match.group(2).upper() if match else ""
    if match is None or unit not in _UNITS:
        raise ValidationError(f"{text!r} is not a size; write it like 500M, 2G, 1.5GiB or a number of bytes")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValidationError(f"the part size {text!r} is less than one byte")
    return size


def human_size(size: int) -> str:
    """``1.5 GB``: decimal units, as ``parse_size`` reads them back."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"
