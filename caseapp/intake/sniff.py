"""Type by content, never by extension: `filetype` signatures, a look inside ZIP containers, text."""

from __future__ import annotations

import os
from typing import BinaryIO

import filetype

from caseapp.core.evidence import DetectedType, IntakeLimits, TypeKind
from caseapp.intake.ziputil import ZipRefused, open_zip, read_member

HEAD_BYTES = 8192

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ZIP = "application/zip"

_ODF_EXT = {
    ODT: "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.graphics": "odg",
    "application/epub+zip": "epub",
}
_ZIP_FAMILY = {ZIP, DOCX, XLSX, PPTX, *_ODF_EXT, "application/epub+zip"}
_DOCUMENT_MIMES = {
    DOCX,
    XLSX,
    PPTX,
    *_ODF_EXT,
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/rtf",
    "application/epub+zip",
}
_ARCHIVE_EXT = {"zip", "tar", "rar", "gz", "bz2", "7z", "xz", "zst", "lz", "lz4", "lzo", "Z", "br", "cab", "ar", "deb"}
_SAME_EXT = {
    "jpg": {"jpg", "jpeg", "jpe", "jfif"},
    "tif": {"tif", "tiff"},
    "heic": {"heic", "heif", "hif"},
    "mov": {"mov", "qt"},
    "mp4": {"mp4", "m4v", "mp4v"},
    "m4a": {"m4a", "m4b", "mp4"},
    "3gp": {"3gp", "3gpp"},
    "mpg": {"mpg", "mpeg"},
    "txt": {"txt", "text", "log", "md", "csv", "tsv", "srt", "vtt", "json", "ini", "cfg", "asc"},
    "html": {"html", "htm", "xhtml"},
    "xml": {"xml", "svg", "kml", "gpx", "rss", "xsd"},
    "ogg": {"ogg", "oga", "ogv", "opus"},
}
_TEXT_CONTROLS_OK = frozenset(b"\t\n\r\f\x1b\x08")


def _kind_for(mime: str, ext: str) -> TypeKind:
    if mime == "application/pdf":
        return TypeKind.PDF
    if mime in _DOCUMENT_MIMES:
        return TypeKind.DOCUMENT
    if ext in _ARCHIVE_EXT or mime == ZIP:
        return TypeKind.ARCHIVE
    major = mime.split("/", 1)[0]
    if major in ("image", "video", "audio", "text"):
        return TypeKind(major)
    return TypeKind.OTHER


def _extension_matches(name: str, ext: str) -> bool | None:
    own = os.path.splitext(name)[1].lstrip(".").lower()
    if not own or not ext:
        return None
    return own in _SAME_EXT.get(ext, {ext})


def looks_like_text(head: bytes) -> str | None:
    """The text mime when ``head`` reads as text (any 8-bit or UTF encoding), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text/plain"
    if b"\x00" in head:
        return None
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS_OK) + head.count(0x7F)
    if controls > len(head) // 100:
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start.startswith(b"<?xml"):
        return "application/xml"
    if start.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return "text/plain"


def _zip_flavour(fp: BinaryIO, path: str, limits: IntakeLimits) -> str | None:  # noqa: PLR0911
    """The precise type of a ZIP-based file, ``application/zip`` for a plain one, None if unreadable."""
    try:
        zf = open_zip(fp, path, limits)
    except ZipRefused:
        return None
    with zf:
        names = set(zf.namelist())
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            if "ppt/presentation.xml" in names:
                return PPTX
        if "mimetype" in names:
            try:
                declared = (read_member(zf, "mimetype", 200, path) or b"").decode("ascii", "replace").strip()
            except ZipRefused:
                return ZIP
            if declared in _ODF_EXT:
                return declared
    return ZIP


def sniff(fp: BinaryIO, name: str, limits: IntakeLimits | None = None) -> DetectedType:
    """Detect the type of the open, seekable file ``fp``; ``name`` is used only to compare extensions."""
    limits = limits or IntakeLimits()
    fp.seek(0)
    head = fp.read(HEAD_BYTES)
    if not head:
        return DetectedType(kind=TypeKind.EMPTY, mime="application/x-empty", extension="", method="empty")
    guess = filetype.guess(head)
    if guess is not None:
        mime, ext, method = str(guess.mime), str(guess.extension), "magic"
        if mime in _ZIP_FAMILY:
            precise = _zip_flavour(fp, name, limits)
            if precise is not None:
                mime = precise
                ext = _ODF_EXT.get(precise) or {DOCX: "docx", XLSX: "xlsx", PPTX: "pptx"}.get(precise, "zip")
                method = "zip-container"
        if mime == "image/heif":
            ext = "heic"
        return DetectedType(
            kind=_kind_for(mime, ext),
            mime=mime,
            extension=ext,
            method=method,
            extension_matches=_extension_matches(name, ext),
        )
    text_mime = looks_like_text(head)
    if text_mime is not None:
        ext = {"application/xml": "xml", "text/html": "html"}.get(text_mime, "txt")
        kind = TypeKind.TEXT
        return DetectedType(
            kind=kind,
            mime=text_mime,
            extension=ext,
            method="text-heuristic",
            extension_matches=_extension_matches(name, ext),
        )
    return DetectedType(kind=TypeKind.OTHER, mime="application/octet-stream", extension="", method="unknown")


__all__ = ["DOCX", "ODT", "ZIP", "DetectedType", "looks_like_text", "sniff"]
