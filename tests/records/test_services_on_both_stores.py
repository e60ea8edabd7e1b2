"""The same use cases, through the same service classes, on a real SQLCipher case and on the
in-memory fakes of ``tests.fakes``: every kind of record added, listed (filters, sorts, pages,
deleted ones), edited, deleted, restored and undone; tags, notes, links, a reveal, an import of
real files and an export of an original. Both stores must give the same results (ids and times
aside), a custody chain that verifies, and no record that differs from its chain.

A difference between the two is a bug in one of them: the fake is written from the port's
contract, independently of ``caseapp.storage``.
"""

from __future__ import annotations

import enum
import shutil
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, cast
from uuid import UUID, uuid4

import pytest

from caseapp.app.case_folder import OpenCase
from caseapp.app.export_folder import FolderDestination
from caseapp.core.custody import CustodyAction, verify_chain
from caseapp.core.entities import (
    ExhibitKind,
    InformationCredibility,
    LinkStance,
    PersonRole,
    PlacePrecision,
    ProtectionLevel,
    Sensitivity,
    Source,
    SourceReliability,
)
from caseapp.core.errors import UserError
from caseapp.core.ports import (
    BlobStore,
    CaseStore,
    CustodyQuery,
    Deleted,
    ExhibitQuery,
    ExhibitSort,
    Page,
    RecordQuery,
)
from caseapp.core.refs import CASE_REF, RecordId, RefKind, parse_ref
from caseapp.core.services import RecordService
from caseapp.core.services.base import record
from caseapp.core.services.chain_records import record_mismatches
from caseapp.core.services.custody import CustodyService
from caseapp.core.services.editing import Dependents
from caseapp.core.services.evidence import EvidenceService
from caseapp.core.services.exporting import ExportService, PlaintextDestination
from caseapp.core.services.importing import ImportService
from caseapp.intake.adapter import FileIntake
from tests.fakes.memory_files import MemoryBlobStore, MemoryDestination
from tests.fakes.memory_store import MemoryCaseStore
from tests.intake.intake_factories import ARABIC, FRENCH, pdf_bytes, write_jpeg

ACTOR = "tester"
NEAR_THE_MARKET = "الحفرة قرب السوق"
BACKENDS = ("sqlcipher", "memory")
# Left out of comparisons: ids (random per store), times taken from the system clock (imports,
# exports), the chain's hashes (they cover those), and keyed digests (each case has its own key).
IGNORED = frozenset(
    {"id", "exhibit_id", "target_id", "source_id", "job_id", "record_id", "case_id", "job", "hash", "prev_hash"}
    | {"device", "at", "created_at", "acquired_at", "seen_at"}
)


class LocalBlobMap(Protocol):
    def blob_files(self) -> list[tuple[str, str, int]]: ...
    def stored_blob_names(self) -> set[str]: ...


@dataclass
class Backend:
    name: str
    store: CaseStore
    blobs: BlobStore
    case_folder: Path
    destination: Callable[[], PlaintextDestination]
    exported: Callable[[str], bytes]
    anchored: bool = True


def make_backend(name: str, make_case: Callable[..., tuple[OpenCase, str]], root: Path) -> Backend:
    if name == "sqlcipher":
        case, _ = make_case(f"{name}.caseapp")
        out = root / f"exports-{name}"
        out.mkdir()
        return Backend(
            name,
            case.db,
            case.blobs,
            case.folder,
            lambda: FolderDestination(out, case.folder),
            lambda path: Path(path).read_bytes(),
        )
    store = MemoryCaseStore.create(title="sqlcipher", actor=ACTOR, time_zone="UTC")
    destination = MemoryDestination()
    return Backend(
        name,
        store,
        MemoryBlobStore(),
        root / "memory.caseapp",
        lambda: destination,
        lambda path: destination.files[path],
    )


class Ticker:
    """A clock that moves one second at each reading: the same times on both stores."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def plain(value: Any) -> Any:
    """A value compared across stores: dataclasses as dicts, without ids, clock times or digests."""
    if is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items() if k not in IGNORED and not str(k).endswith("_digest")}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    simple: Any = {enum.Enum: lambda v: v.value, datetime: datetime.isoformat, UUID: lambda _: "<uuid>"}
    convert = next((how for kind, how in simple.items() if isinstance(value, kind)), None)
    return convert(value) if convert else value


class Transcript:
    def __init__(self) -> None:
        self.steps: list[tuple[str, Any]] = []

    def log(self, step: str, value: Any) -> Any:
        self.steps.append((step, plain(value)))
        return value

    def refused(self, step: str, action: Callable[[], object]) -> None:
        """An action that must be refused, with the message it gave."""
        with pytest.raises(UserError) as raised:
            action()
        self.steps.append((step, (type(raised.value).__name__, str(raised.value))))


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    """A few real files: a photo with GPS, a PDF, a text in Arabic and French, and a copy of it."""
    folder = tmp_path / "evidence"
    (folder / "photos").mkdir(parents=True)
    (folder / "copies").mkdir()
    write_jpeg(folder / "photos" / "IMG_0001.JPG", size=(320, 240), gps=(36.2021, 37.1343), taken="2016:12:13 06:41:09")
    (folder / "report.pdf").write_bytes(
        pdf_bytes(["Crater report page one", "Page two"], info={"Author": "Field team"})
    )
    (folder / "شهادة.txt").write_text(f"{ARABIC}\n{FRENCH}\n{NEAR_THE_MARKET}\n", encoding="utf-8")
    shutil.copy2(folder / "شهادة.txt", folder / "copies" / "statement-copy.txt")
    return folder


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> Backend:
    return make_backend(str(request.param), make_case, tmp_path)


# -- the scenario -------------------------------------------------------------------------------
def _records(t: Transcript, records: RecordService) -> dict[str, RecordId]:
    witness = records.add_person(role=PersonRole.WITNESS, full_name="محمد الحلبي", description="met in Gaziantep")
    victim = records.add_person(role=PersonRole.VICTIM, full_name="Amina")
    suspect = records.add_person(role=PersonRole.SUSPECT, full_name="Colonel X")
    other = records.add_person(role=PersonRole.OTHER, protection=ProtectionLevel.NONE)
    t.log("persons added", [r.value for r in (witness, victim, suspect, other)])
    market = records.add_incident(
        title="Strike on the market", when="2016-12-13", place_name="Aleppo", latitude=36.2, longitude=37.15
    )
    shelling = records.add_incident(title="Shelling", when="2016-12-14T14:05+03:00", until="2016-12-14T15:00+03:00")
    detention = records.add_incident(title="Checkpoint detention", place_precision=PlacePrecision.REGION)
    t.log("incidents added", [r.value for r in (market, shelling, detention)])
    team = records.add_source(
        name="Field team", reliability=SourceReliability.B, credibility=InformationCredibility.PROBABLY_TRUE
    )
    council = records.add_source(name="Local council")
    t.log("sources added", [team.value, council.value])
    src_team, src_council = parse_ref(team.value.ref), parse_ref(council.value.ref)
    added = [
        records.add_exhibit(title="Crater photo", kind=ExhibitKind.IMAGE, source=src_team, acquired="2016-12-15"),
        records.add_exhibit(
            title="Witness statement", kind=ExhibitKind.TESTIMONY, sensitivity=Sensitivity.PROTECTED_PERSON
        ),
        records.add_exhibit(title="Shrapnel", kind=ExhibitKind.PHYSICAL, source=team.value.id),
        records.add_exhibit(
            title="صورة الحفرة", kind=ExhibitKind.IMAGE, source=src_council, acquired="2016-12-13T10:00"
        ),
        records.add_exhibit(title="Map of Aleppo", kind=ExhibitKind.DOCUMENT, description="Témoin près de l'église"),
    ]
    t.log("exhibits added", [r.value for r in added])
    refs: dict[str, RecordId] = {
        "witness": parse_ref(witness.value.ref),
        "victim": victim.value.id,
        "suspect": parse_ref(suspect.value.ref),
        "market": parse_ref(market.value.ref),
        "shelling": shelling.value.id,
        "detention": parse_ref(detention.value.ref),
        "team": src_team,
        "council": src_council,
    }
    for name, result in zip(("photo", "statement", "shrapnel", "arabic", "map"), added, strict=True):
        refs[name] = parse_ref(result.value.ref)
    return refs


def _annotations(t: Transcript, records: RecordService, refs: dict[str, RecordId]) -> None:
    t.log("tag photo", records.tag(refs["photo"], ["Crater", "strike", "crater"]).value)
    t.log("tag arabic", records.tag(refs["arabic"], ["strike", "حفرة"]).value)
    t.log("tag witness", records.tag(refs["witness"], ["Protected"]).value)
    t.log("tag market", records.tag(refs["market"], ["strike"]).value)
    t.log("tag team", records.tag(refs["team"], ["ngo"]).value)
    t.log("tag again (no change)", records.tag(refs["team"], ["NGO"]))
    removed = records.tag(refs["photo"], ["crater"], remove=True, reason="not a crater")
    t.log("untag photo", removed)
    t.log("tag counts after removal", records.tag_counts())
    t.log("tag photo again clears the tombstone", records.tag(refs["photo"], ["crater"]).value)
    t.log("tags of", {name: records.tags_of(refs[name]) for name in ("photo", "arabic", "witness", "market", "team")})
    t.log("tag counts", records.tag_counts())
    undo_untag = removed.undo
    assert undo_untag is not None
    t.refused("undo of an untag already taken back", lambda: records.undo(undo_untag))
    t.log("notes added", [records.add_note(refs[n], f"note on {n}").value for n in ("witness", "photo", "market")])
    t.log("case note", records.add_note(CASE_REF, "Case opened after the field visit").value)
    t.log("link photo-market", records.link(refs["photo"], refs["market"], reasoning="shows the crater").value)
    t.log(
        "link photo-witness",
        records.link(refs["photo"], refs["witness"], reasoning="taken by", stance=LinkStance.CONTEXT).value,
    )
    t.refused("duplicate link", lambda: records.link(refs["photo"], refs["market"], reasoning="again"))
    t.log(
        "link contradicting",
        records.link(refs["photo"], refs["market"], reasoning="date", stance=LinkStance.CONTRADICTS).value,
    )
    t.log("link arabic-shelling", records.link(refs["arabic"], refs["shelling"], reasoning="same street").value)
    t.log("link statement-victim", records.link(refs["statement"], refs["victim"], reasoning="her account").value)


EXHIBIT_QUERIES = [
    ExhibitQuery(),
    ExhibitQuery(kind=ExhibitKind.IMAGE),
    ExhibitQuery(tag="STRIKE"),
    ExhibitQuery(tag="حفرة"),
    ExhibitQuery(text="crater"),
    ExhibitQuery(text="الحفرة"),
    ExhibitQuery(text="temoin"),
    ExhibitQuery(text="map aleppo"),
    ExhibitQuery(text="Witn"),
    ExhibitQuery(text="nothing-like-this"),
    ExhibitQuery(text="   "),
    *(ExhibitQuery(sort=sort, descending=down) for sort in ExhibitSort for down in (False, True)),
    ExhibitQuery(text="photograph", deleted=Deleted.INCLUDE),
    ExhibitQuery(page=Page(1, 2)),
    ExhibitQuery(page=Page(3, 0)),
    ExhibitQuery(sort=ExhibitSort.TITLE, descending=True, page=Page(2)),
    ExhibitQuery(deleted=Deleted.ONLY),
    ExhibitQuery(deleted=Deleted.INCLUDE, sort=ExhibitSort.ACQUIRED),
]


def _listings(t: Transcript, step: str, records: RecordService, refs: dict[str, RecordId]) -> None:
    for deleted in Deleted:
        by_deleted = RecordQuery(deleted=deleted)
        t.log(f"{step}: persons {deleted}", records.persons(by_deleted))
        t.log(f"{step}: incidents {deleted}", records.incidents(by_deleted))
        t.log(f"{step}: sources {deleted}", records.sources(by_deleted))
        t.log(f"{step}: notes {deleted}", records.notes(None, by_deleted))
        t.log(f"{step}: links {deleted}", records.links(None, by_deleted))
    paged = RecordQuery(page=Page(1, 2))
    t.log(f"{step}: persons paged", [p.ref for p in records.persons(paged)])
    t.log(f"{step}: notes paged", [n.ref for n in records.notes(None, RecordQuery(page=Page(1)))])
    t.log(f"{step}: sources, empty page", records.sources(RecordQuery(page=Page(0, 0))))
    for name in ("photo", "witness", "market", "shelling"):
        t.log(f"{step}: links of {name}", [link.ref for link in records.links(refs[name])])
    for name in ("photo", "witness", "market", "team"):
        t.log(f"{step}: notes of {name}", [note.ref for note in records.notes(refs[name])])
    t.log(f"{step}: notes of the case", [note.ref for note in records.notes(CASE_REF)])
    team = records.target(refs["team"])
    for query in [*EXHIBIT_QUERIES, ExhibitQuery(source_id=team.id)]:
        shown = plain(query)
        t.log(f"{step}: exhibits {shown}", [(e.ref, e.title, e.tags, e.link_count) for e in records.exhibits(query)])
        t.log(f"{step}: count {shown}", records.count_exhibits(query))
    t.log(f"{step}: counts", records.counts())
    t.log(f"{step}: get photo", records.get(refs["photo"]))
    t.log(f"{step}: get witness (name hidden)", records.get(refs["witness"]))


def _corrections(t: Transcript, records: RecordService, refs: dict[str, RecordId]) -> None:
    edits: list[tuple[str, dict[str, Any]]] = [
        ("witness", {"protection": "confidential", "full_name": "Mohammed al-Halabi"}),
        ("shelling", {"when": "2016-12-14T13:00", "until": "2016-12-14T16:00"}),
        ("market", {"latitude": 36.21, "longitude": 37.16, "place_precision": "vicinity"}),
        ("team", {"credibility": "3", "reliability": "c"}),
        ("photo", {"title": "Crater photograph", "source": "", "acquired": "2016-12-16"}),
        ("shrapnel", {"source": refs["council"], "sensitivity": "graphic"}),
    ]
    undos = []
    for name, values in edits:
        result = records.edit(refs[name], values, reason=f"correcting {name}")
        assert result.undo is not None
        undos.append(result.undo)
        t.log(f"edit {name}", result.value)
    note = records.notes(refs["witness"])[0]
    t.log("edit note", records.edit(note.id, {"text": "note on the witness, corrected"}, reason="typo").value)
    link = records.links(refs["arabic"])[0]
    t.log("edit link", records.edit(link.id, {"stance": "context"}, reason="weaker").value)
    t.refused("edit that changes nothing", lambda: records.edit(refs["map"], {"title": "Map of Aleppo"}, reason="x"))
    t.refused("edit of an unknown field", lambda: records.edit(refs["map"], {"colour": "red"}, reason="x"))
    t.log("undo edit of shrapnel", records.undo(undos[-1]).value)
    t.log("undo edit of team", records.undo(undos[3]).value)

    t.refused("delete with dependents", lambda: records.delete(refs["photo"], reason="duplicate"))
    t.log("delete detention", records.delete(refs["detention"], reason="entered twice").value)
    t.log("delete council, keep", records.delete(refs["council"], reason="merged", dependents=Dependents.KEEP).value)
    t.refused("delete again", lambda: records.delete(refs["council"], reason="again"))
    deleted = records.delete(refs["photo"], reason="wrong picture", dependents=Dependents.DELETE)
    t.log("delete photo and dependents", (deleted.value, deleted.changes))
    t.log("restore photo", records.restore(refs["photo"]).value)
    t.refused("restore what is not deleted", lambda: records.restore(refs["map"]))
    t.log("undo delete of detention by its undo", records.restore(refs["detention"]).value)
    map_deleted = records.delete(refs["map"], reason="not evidence")
    t.log("undo of map deletion", records.undo(map_deleted.undo).value if map_deleted.undo else None)
    t.log("reveal witness", records.reveal_person(refs["witness"]).value)
    t.log("persons keep names hidden", [p.full_name for p in records.persons()])
    t.log("edit arabic's acquisition", records.edit(refs["arabic"], {"acquired": "2016-12-20"}, reason="x").value)
    t.log("edit case", records.edit_case(title="Aleppo 2016", time_zone="Asia/Damascus", reason="rename").value)
    t.log("incident in the case's zone", records.add_incident(title="Night raid", when="2016-12-20T02:00").value)
    for step in range(5):
        entry, undo = records.last_undo()
        t.log(f"last undo {step}", (entry.action, entry.target, undo))
        t.log(f"undo last {step}", records.undo_last().value)
    with records.store.read() as tx:
        t.log("case after undos", tx.case_info())


def _files(t: Transcript, backend: Backend, evidence: Path) -> None:
    imports = ImportService(backend.store, backend.blobs, FileIntake(), ACTOR, backend.case_folder)
    report = imports.import_paths([evidence / "photos", evidence / "report.pdf", evidence / "شهادة.txt"]).value
    outcomes = sorted(report.outcomes, key=lambda o: o.path)
    t.log("import", (outcomes, report.summary, report.problems, report.cancelled))
    again = imports.import_paths([evidence]).value
    t.log("import again", (sorted(again.outcomes, key=lambda o: o.path), again.summary))
    records = RecordService(backend.store, ACTOR)
    for text in ("الحفرة", "soldats", "crater", "Temoignage eglise"):
        t.log(f"search {text}", [e.ref for e in records.exhibits(ExhibitQuery(text=text))])
    text_ref = next(o.exhibit for o in outcomes if o.path.endswith(".txt"))
    photo_ref = next(o.exhibit for o in outcomes if o.path.endswith(".JPG"))
    assert text_ref and photo_ref
    for ref in (text_ref, photo_ref):
        detail = EvidenceService(backend.store).detail(parse_ref(ref))
        t.log(f"detail {ref}", detail)
    exported = ExportService(backend.store, backend.blobs, ACTOR).export_original(
        parse_ref(photo_ref), backend.destination()
    )
    original = (evidence / "photos" / "IMG_0001.JPG").read_bytes()
    assert backend.exported(exported.value.path) == original
    t.log("export", (Path(exported.value.path).name, exported.value.sha256, exported.value.size, exported.changes))
    t.refused(
        "export of a record without a file",
        lambda: ExportService(backend.store, backend.blobs, ACTOR).export_original(
            parse_ref("EX-2"), backend.destination()
        ),
    )
    with backend.store.read() as tx:
        blobs = tx.referenced_blobs()
        t.log("referenced blobs", [(b.exhibit_ref, b.role, b.sha256, b.size, bool(b.name)) for b in blobs])
        t.log("by sha256", sorted(ref for _, ref in tx.exhibits_by_sha256().values()))
        text_id, photo_id = (records.target(parse_ref(ref)).id for ref in (text_ref, photo_ref))
        assert text_id is not None and photo_id is not None
        derived = [tx.derivative_blob(text_id, "text"), tx.derivative_blob(photo_id, "thumbnail")]
        t.log("derivative blobs", [(d.exhibit_ref, d.role, d.sha256, d.size, bool(d.name)) for d in derived if d])
        t.log("no such derivative", tx.derivative_blob(photo_id, "text"))
        t.log("original of a record without a file", tx.original_blob(records.target(parse_ref("EX-2")).id or text_id))
        local = cast(LocalBlobMap, tx)  # not in the ReadTx port: used by verify and the orphan sweep in app
        files = local.blob_files()
        assert {name for name, _, _ in files} == local.stored_blob_names()
        t.log("blob files", sorted((sha, size) for _, sha, size in files))
        wanted = [b.sha256 for b in blobs[:1]] + ["0" * 64]
        t.log("by some sha256", sorted(ref for _, ref in tx.exhibits_by_sha256(wanted).values()))
        t.log("acquired files", sorted((path, size, ref) for (path, size, _), (_, ref) in tx.acquired_files().items()))
    for blob in blobs:
        if blob.name:
            assert backend.blobs.check(blob.name, blob.sha256, blob.size) is None


def scenario(backend: Backend, evidence: Path) -> Transcript:
    t = Transcript()
    records = RecordService(backend.store, ACTOR, clock=Ticker())
    refs = _records(t, records)
    _annotations(t, records, refs)
    _listings(t, "before corrections", records, refs)
    _corrections(t, records, refs)
    _listings(t, "after corrections", records, refs)
    _files(t, backend, evidence)
    custody = CustodyService(backend.store)
    entries = custody.entries()
    map_id = RecordService(backend.store, ACTOR).target(refs["map"]).id
    t.log("custody", [(e.seq, e.actor, e.action, e.target, e.details, e.version) for e in entries])
    for query in (
        CustodyQuery(actor=ACTOR, action="tag.add"),
        CustodyQuery(target_ref="ex-1"),
        CustodyQuery(since_seq=10, newest_first=True, page=Page(2, 5)),
        CustodyQuery(action="undo", newest_first=True),
        CustodyQuery(target_id=map_id, target_ref="W-001"),
        CustodyQuery(page=Page(60)),
        None,
    ):
        t.log(f"custody {plain(query)}", ([e.seq for e in custody.entries(query)], custody.count(query)))
    return t


def _source(ref: str, name: str) -> Source:
    return Source(uuid4(), ref, name, "", SourceReliability.F, InformationCredibility.CANNOT_JUDGE, datetime.now(UTC))


# -- the tests -----------------------------------------------------------------------------------
def test_use_cases_keep_the_chain_and_the_records_in_step(backend: Backend, evidence: Path) -> None:
    transcript = scenario(backend, evidence)
    assert len(transcript.steps) > 150
    report = CustodyService(backend.store).verify()
    assert report.ok, report.problems
    with backend.store.read() as tx:
        entries = list(tx.custody_entries())
        assert verify_chain(entries, backend.store.custody_anchor()).problems == ()
        assert record_mismatches(tx, entries, backend.store.privacy_digest) == []
        counts = tx.counts()
    assert counts["custody_entries"] == len(entries) == 68
    assert counts["exhibits"] == 7  # five added by hand and three files; EX-1 deleted again by the last undo


def test_both_stores_give_the_same_results(
    make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path, evidence: Path
) -> None:
    transcripts = {name: scenario(make_backend(name, make_case, tmp_path), evidence).steps for name in BACKENDS}
    sql, memory = transcripts["sqlcipher"], transcripts["memory"]
    assert [step for step, _ in sql] == [step for step, _ in memory]
    for (step, expected), (_, got) in zip(sql, memory, strict=True):
        assert got == expected, f"the stores differ at {step!r}"


def test_a_read_beside_a_write_sees_what_was_committed(backend: Backend) -> None:
    records = RecordService(backend.store, ACTOR)
    records.add_source(name="Field team")
    with backend.store.write() as tx:
        ref = tx.next_ref("SRC")
        tx.add_source(
            Source(
                uuid4(), ref, "Council", "", SourceReliability.F, InformationCredibility.CANNOT_JUDGE, datetime.now(UTC)
            )
        )
        assert [s.ref for s in tx.sources(RecordQuery())] == ["SRC-1", "SRC-2"]
        with backend.store.read() as beside:
            assert [s.ref for s in beside.sources(RecordQuery())] == ["SRC-1"]
            assert beside.find(RefKind.SOURCE, "SRC-2") is None
    assert [s.ref for s in records.sources()] == ["SRC-1", "SRC-2"]


def test_a_failed_write_changes_nothing(backend: Backend) -> None:
    """All or nothing: a transaction that fails after allocating a ref, adding a record and
    appending its custody entry leaves no trace, on either store."""
    records = RecordService(backend.store, ACTOR)
    records.add_source(name="Field team")
    with backend.store.read() as tx:
        counted = tx.counts()
    with pytest.raises(RuntimeError, match="power cut"), backend.store.write() as tx:
        ref = tx.next_ref("SRC")
        source = Source(
            uuid4(), ref, "Ghost", "", SourceReliability.F, InformationCredibility.CANNOT_JUDGE, datetime.now(UTC)
        )
        tx.add_source(source)
        record(tx, actor=ACTOR, at=datetime.now(UTC), action=CustodyAction.SOURCE_ADD, target=ref, details={})
        raise RuntimeError("power cut")
    with backend.store.read() as tx:
        assert tx.counts() == counted
        assert tx.find(RefKind.SOURCE, "SRC-2") is None
    assert records.add_source(name="Council").value.ref == "SRC-2"
    assert CustodyService(backend.store).verify().ok


def test_search_finds_an_exhibit_by_its_edited_description(backend: Backend) -> None:
    records = RecordService(backend.store, ACTOR)
    ref = parse_ref(records.add_exhibit(title="Map", description="drawn by the council").value.ref)
    records.edit(ref, {"description": "drawn by the field team"}, reason="wrong author")
    assert [e.ref for e in records.exhibits(ExhibitQuery(text="council"))] == []
    assert [e.ref for e in records.exhibits(ExhibitQuery(text="field team"))] == [str(ref)]


def test_restore_and_edit_of_a_protected_person_keep_the_name_hidden(backend: Backend) -> None:
    records = RecordService(backend.store, ACTOR)
    witness = records.add_person(role=PersonRole.WITNESS, full_name="Secret Name").value
    records.delete(witness.id, reason="entered twice")
    restored = records.restore(witness.id).value
    edited = records.edit(witness.id, {"description": "met in Kilis"}, reason="place").value
    with backend.store.read() as tx:
        reveals = tx.count_custody(CustodyQuery(action="person.reveal"))
    assert (getattr(restored, "full_name", None), getattr(edited, "full_name", None), reveals) == (None, None, 0)
