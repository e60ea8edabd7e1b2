"""`show REF`: one record in full, for a person (text) or a script (--json)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from caseapp.cli.output import print_fields, print_json, when
from caseapp.core.entities import Exhibit, ExhibitDetail, Incident, Link, Note, Person, Source
from caseapp.core.errors import ValidationError
from caseapp.core.refs import Ref, RefKind

if TYPE_CHECKING:
    from caseapp.app.case_folder import OpenCase


def shown(value: object) -> str:
    """Text from a file is never printed raw: a crafted value could fake lines or drive the terminal."""
    from caseapp.intake.names import escape_name

    return escape_name(value if isinstance(value, str) else str(value))


def show_record(case: OpenCase, ref: Ref, *, as_json: bool, reveal: bool = False) -> int:
    if ref.kind is RefKind.CASE:
        raise ValidationError("CASE is the case itself: use `caseapp info`")
    records = case.records
    if ref.kind in (RefKind.CHARGE, RefKind.ELEMENT_LINK):
        from caseapp.cli.case_building import show_analysis

        return show_analysis(case, ref, as_json=as_json)
    if ref.kind is RefKind.EXHIBIT:
        detail = case.evidence.detail(ref)
        if as_json:
            print_json(detail)
        else:
            print_exhibit(detail)
        return 0
    if ref.kind is RefKind.PERSON and reveal:
        record: Any = records.reveal_person(ref).value
    else:
        record = records.get(ref)
    links: list[Link] = records.links(ref) if ref.kind in (RefKind.PERSON, RefKind.INCIDENT) else []
    notes: list[Note] = records.notes(ref) if ref.kind in (RefKind.PERSON, RefKind.INCIDENT, RefKind.SOURCE) else []
    if as_json:
        print_json({"record": record, "links": links, "notes": notes})  # one shape, whatever the data
        return 0
    print_plain(record)
    print_links(links)
    print_notes(notes)
    return 0


def _tombstone(record: Any) -> list[tuple[str, object]]:
    deleted = getattr(record, "deleted", None)
    if deleted is None:
        return []
    return [("DELETED", f"{when(deleted.at)} by {deleted.by}: {deleted.reason}")]


def print_plain(record: Any) -> None:
    out = sys.stdout
    if isinstance(record, Person):
        name = (
            "(hidden; `person show " + record.ref + " --reveal` shows it)" if record.name_hidden else record.full_name
        )
        out.write(f"{record.ref}  {record.role.value}\n")
        rows: list[tuple[str, object]] = [
            ("id", record.id),
            ("protection", record.protection.value),
            ("name", name),
            ("description", record.description if not record.name_hidden else ""),
            ("risk", record.risk.value),
        ]
        if record.identity is not None:  # only in a recorded reveal
            rows += [
                ("aliases", ", ".join(record.identity.aliases)),
                ("born", record.identity.born),
                ("contact", record.identity.contact),
            ]
    elif isinstance(record, Incident):
        day = record.time_precision.value in ("day", "month", "year")
        span = when(record.time_start, day_only=day, keep_zone=True)
        if record.time_end and record.time_end != record.time_start:
            span += " to " + when(record.time_end, day_only=day, keep_zone=True)
        out.write(f"{record.ref}  {record.title}\n")
        rows = [
            ("id", record.id),
            ("when", f"{span} ({record.time_precision.value}, {record.time_zone})" if span else ""),
            ("place", record.place_name),
            ("coordinates", f"{record.latitude:.6f}, {record.longitude:.6f}" if record.latitude is not None else ""),
            ("precision", record.place_precision.value),
            ("country", record.country or ""),
            ("description", record.description),
        ]
    elif isinstance(record, Source):
        out.write(f"{record.ref}  {record.name}\n")
        rows = [("id", record.id), ("grading", record.grading), ("description", record.description)]
    elif isinstance(record, Note):
        out.write(f"{record.ref}  note on {record.target_ref}\n")
        rows = [("id", record.id), ("author", record.author), ("text", record.text)]
    else:
        assert isinstance(record, Link)
        out.write(f"{record.ref}  {record.exhibit_ref} -> {record.target_ref} ({record.stance.value})\n")
        rows = [("id", record.id), ("author", record.author), ("reasoning", record.reasoning)]
    rows += [("created", when(record.created_at)), ("tags", ", ".join(getattr(record, "tags", ())))]
    print_fields(rows + _tombstone(record))


def print_links(links: list[Link]) -> None:
    if not links:
        return
    sys.stdout.write("Links\n")
    for link in links:
        sys.stdout.write(
            f"  {link.ref}  {link.exhibit_ref} -> {link.target_ref}  {link.stance.value}: {shown(link.reasoning)}\n"
        )


def print_notes(notes: list[Note]) -> None:
    if not notes:
        return
    sys.stdout.write("Notes\n")
    for note in notes:
        sys.stdout.write(f"  {note.ref}  {when(note.created_at)} {shown(note.author)}: {shown(note.text)}\n")


def print_exhibit(found: ExhibitDetail) -> None:
    e: Exhibit = found.exhibit
    out = sys.stdout
    out.write(f"{e.ref}  {shown(e.title)}\n")
    rows: list[tuple[str, object]] = [
        ("id", e.id),
        ("kind", e.kind.value),
        ("sensitivity", e.sensitivity.value),
        ("description", shown(e.description) if e.description else ""),
        ("acquired", when(e.acquired_at)),
        ("type", e.mime),
        ("sha256", e.sha256),
        ("size", e.size),
        ("original name", shown(e.original_name) if e.original_name else ""),
        ("found at", shown(e.relative_path) if e.relative_path else ""),
        ("file modified", e.file_modified),
        ("captured", shown(e.captured) if e.captured else ""),
        ("GPS", f"{e.latitude:.6f}, {e.longitude:.6f}" if e.latitude is not None and e.longitude is not None else None),
        ("imported by", shown(e.imported_by) if e.imported_by else ""),
        ("recorded", when(e.created_at)),
        ("source", e.source_ref),
        ("note", shown(e.acquisition_note) if e.acquisition_note else ""),
        ("tags", ", ".join(e.tags)),
    ]
    detected = found.metadata.get("detected") or {}
    if detected.get("extension_matches") is False:
        rows.insert(2, ("warning", "the file's extension does not match its content"))
    print_fields(rows + _tombstone(e))
    if e.warnings:
        out.write("Warnings when it was taken in\n")
        for warning in e.warnings:
            out.write(f"  {shown(warning)}\n")
    fields = found.metadata.get("fields") or {}
    if fields:
        out.write("Metadata (as found in the file; control characters shown escaped)\n")
        for key, value in fields.items():
            out.write(f"  {key:<14} {shown(value)}\n")
    if found.derivatives:
        out.write("Derivatives\n")
        for d in found.derivatives:
            out.write(
                f"  {d.kind:<10} {d.media_type:<28} {d.size:>9} bytes  sha256 {d.sha256[:16]}…  {shown(d.note)}\n"
            )
    if found.acquisitions:
        out.write("Acquisitions\n")
    for a in found.acquisitions:
        note = f" — {shown(a.note)}" if a.note else ""
        out.write(f"  {when(a.seen_at)} by {shown(a.actor)}: {shown(a.relative_path)} ({a.size} bytes){note}\n")
    print_links(list(found.links))
    print_notes(list(found.notes))
