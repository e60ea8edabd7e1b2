"""How what intake learnt about a file becomes the fields of its exhibit record."""

from __future__ import annotations

from datetime import UTC, datetime

from caseapp.core.entities import ExhibitKind
from caseapp.core.evidence import FileFacts, TypeKind

KIND_OF_TYPE = {
    TypeKind.IMAGE: ExhibitKind.IMAGE,
    TypeKind.VIDEO: ExhibitKind.VIDEO,
    TypeKind.AUDIO: ExhibitKind.AUDIO,
    TypeKind.PDF: ExhibitKind.DOCUMENT,
    TypeKind.DOCUMENT: ExhibitKind.DOCUMENT,
    TypeKind.TEXT: ExhibitKind.DOCUMENT,
}


def iso_from_ns(ns: int) -> str:
    """A file time as found (nanoseconds since the epoch) in the one textual form caseapp stores."""
    return datetime.fromtimestamp(ns / 1e9, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def metadata_record(facts: FileFacts) -> dict[str, object]:
    """The detected type, the structured fields and the raw dump, as stored with the exhibit."""
    metadata = facts.metadata
    result: dict[str, object] = {
        "detected": {
            "kind": facts.detected.kind.value,
            "mime": facts.detected.mime,
            "method": facts.detected.method,
            "extension_matches": facts.detected.extension_matches,
        }
    }
    if metadata is None:
        return result
    fields = {
        "created": metadata.created,
        "modified": metadata.modified,
        "author": metadata.author,
        "last_modified_by": metadata.last_modified_by,
        "title": metadata.title,
        "producer": metadata.producer,
        "camera_make": metadata.camera_make,
        "camera_model": metadata.camera_model,
        "orientation": metadata.orientation,
        "width": metadata.width,
        "height": metadata.height,
        "page_count": metadata.page_count,
        "duration_s": metadata.duration_s,
        "codecs": list(metadata.codecs) or None,
        "gps": (
            {
                "latitude": metadata.gps.latitude,
                "longitude": metadata.gps.longitude,
                "altitude_m": metadata.gps.altitude_m,
            }
            if metadata.gps
            else None
        ),
    }
    result["fields"] = {k: v for k, v in fields.items() if v is not None}
    result["raw"] = metadata.raw
    result["truncated"] = metadata.truncated
    return result
