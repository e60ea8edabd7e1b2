"""The sample case the screenshots are taken on (``make screenshots``): a throwaway case with
made-up but plausible records of Aleppo in 2016 (incidents, a protected witness, sources, evidence
files with capture times and GPS positions, a charge with links to its elements, dossier texts),
created with a cheap key derivation: it holds nothing and is deleted after. The GUI tests use it
too, to run the windows over a case like a user's.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from caseapp.secrets.keyslots import Argon2Params

if TYPE_CHECKING:
    from uuid import UUID

    from PIL import Image

    from caseapp.app.case_folder import OpenCase
    from caseapp.core.refs import Ref

SAMPLE_KDF = Argon2Params(memory_kib=8192, iterations=1, parallelism=1)
SAMPLE_PASSPHRASE = "sample case passphrase"


def make_evidence(folder: Path) -> None:
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True)
    image = Image.new("RGB", (640, 480), (90, 90, 80))
    ImageDraw.Draw(image).ellipse((200, 150, 440, 330), fill=(40, 35, 30))
    image.save(folder / "crater.jpg", quality=85, exif=geotag(36.2026, 37.1349, "2016:04:28 07:12:40"))
    # Two photos of the street nearby that morning, in no incident yet: the map suggests one.
    for n, (lat, lon, taken) in enumerate(
        ((36.1935, 37.1402, "2016:05:03 09:20:05"), (36.1948, 37.1431, "2016:05:03 10:41:30"))
    ):
        street = Image.new("RGB", (320, 240), (120 + 20 * n, 110, 95))
        street.save(folder / f"zz-street-{n + 1}.jpg", quality=80, exif=geotag(lat, lon, taken))
    (folder / "statement-W-001.txt").write_text("شهادة: رأيت الضربة على المستشفى في الصباح.\n", encoding="utf-8")
    (folder / "field-report.txt").write_text("Field report, Aleppo, 27 April 2016.\n" * 20, encoding="utf-8")
    (folder / "notes.md").write_text("# Notes\nRubble at the entrance.\n", encoding="utf-8")
    pages = []
    for number, (size, colour) in enumerate((((595, 842), (250, 248, 240)), ((842, 595), (235, 240, 250))), 1):
        page = Image.new("RGB", size, colour)
        draw = ImageDraw.Draw(page)
        draw.rectangle((60, 60, size[0] - 60, 140), fill=(40, 60, 110))
        draw.text((80, 90), f"Medical report, page {number} of 2", fill=(255, 255, 255))
        for line in range(12):
            draw.line(
                (60, 200 + line * 30, size[0] - 60 - (line % 3) * 80, 200 + line * 30), fill=(90, 90, 90), width=3
            )
        pages.append(page)
    written = time.strptime("2016-04-29 10:30", "%Y-%m-%d %H:%M")
    pages[0].save(folder / "medical-report.pdf", save_all=True, append_images=pages[1:], creationDate=written)


def geotag(latitude: float, longitude: float, taken: str) -> Image.Exif:
    """EXIF with a capture time and a GPS position (north and east), as a phone would write it."""
    from PIL import ExifTags, Image
    from PIL.TiffImagePlugin import IFDRational

    def dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
        minutes = (value - int(value)) * 60
        seconds = IFDRational(round((minutes % 1) * 600_000), 10_000)
        return IFDRational(int(value), 1), IFDRational(int(minutes), 1), seconds

    exif = Image.Exif()
    exif[ExifTags.IFD.Exif] = {ExifTags.Base.DateTimeOriginal: taken}
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: dms(latitude),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: dms(longitude),
    }
    return exif


def build_sample(root: Path) -> Path:
    from caseapp.app.case_folder import create_case
    from caseapp.core.entities import InformationCredibility, PersonRole, PlacePrecision, SourceReliability
    from caseapp.core.refs import parse_ref

    path = root / "Aleppo-2016.caseapp"
    case, _code = create_case(path, SAMPLE_PASSPHRASE, kdf=SAMPLE_KDF, time_zone="Asia/Damascus", actor="sample")
    with case:
        records = case.records
        source = records.add_source(
            name="Field team", reliability=SourceReliability.B, credibility=InformationCredibility.PROBABLY_TRUE
        ).value
        records.add_source(name="Social media video", description="found online, not verified")
        witness = records.add_person(role=PersonRole.WITNESS, full_name="محمد الحلبي", description="nurse").value
        records.add_person(role=PersonRole.SUSPECT, full_name="Unit commander (unknown)")
        records.set_identity(
            witness.id, aliases=["أبو خالد"], born="1984-03-07", contact="Signal +963 555 0101", reason="interview"
        )
        records.record_consent(witness.id, scope="icc", state="given", on="2026-05-01", note="signed form")
        records.record_consent(witness.id, scope="public", state="withdrawn", on="2026-06-01")
        records.edit(witness.id, {"risk": "high"}, reason="threatened after the interview")
        incident = records.add_incident(
            title="Strike on al-Quds hospital",
            when="2016-04-27",
            place_name="حلب",
            latitude=36.2021,
            longitude=37.1343,
        ).value
        records.add_incident(
            title="Shelling of the bakery queue",
            when="2016-05-03T09:15",
            place_name="Aleppo, Bustan al-Qasr",
            latitude=36.1915,
            longitude=37.1418,
            place_precision=PlacePrecision.LOCALITY,
        )
        records.add_incident(title="Displacement towards Azaz", when="2016-04", until="2016-06", place_name="Azaz")
        evidence = root / "usb-stick"
        make_evidence(evidence)
        report = case.imports.import_paths([evidence], source=source.id, note="handed over in Gaziantep").value
        records.add_exhibit(title="Shell fragment (physical item)", description="kept by the field team")
        first = next(o.exhibit for o in report.outcomes if o.exhibit)
        assert first is not None
        exhibit = parse_ref(first)
        records.tag(exhibit, ["hospital", "crater"])
        records.link(exhibit, incident.id, reasoning="shows the crater beside the entrance")
        records.link(exhibit, witness.id, reasoning="the witness describes this scene")
        records.add_note(exhibit, "Photo taken by the field team the next morning.")
        legal_sample(case, exhibit, incident.id)
        records.set_dossier_fields(
            situation="Situation in the Syrian Arab Republic",
            sender=["Aleppo Documentation Clinic", "Gaziantep"],
            territory="SY",
            nationalities=["SY"],
        )
        records.write_section(
            "factual-background",
            "On 27 April 2016 the al-Quds hospital in Aleppo was struck from the air.\n\n"
            "في 27 نيسان/أبريل 2016 قُصف مستشفى القدس في حلب من الجو.",
        )
    return path


def legal_sample(case: OpenCase, exhibit: Ref, incident: UUID) -> None:
    """A charge, a link accepted by a colleague (four eyes), one awaiting review, one contradicting."""
    from caseapp.core.analysis import Basis, Weight
    from caseapp.core.entities import LinkStance
    from caseapp.core.services import RecordService

    records, colleague = case.records, RecordService(case.db, "reviewer")
    suspect = next(p for p in records.persons() if p.role.value == "suspect")
    records.add_charge("8(2)(e)(iv)", suspects=[(suspect.id, "28(a)")], incidents=[incident], analysis="Hospital")
    refs = [e.id for e in records.exhibits()]
    accepted: list[tuple[Ref | UUID, str, str]] = [
        (exhibit, "8(2)(e)(iv)-1", "the crater beside the entrance shows the strike"),
        (refs[1], "8(2)(e)(iv)-2", "the medical report describes the hospital in use that day"),
        (refs[2], "C-NIAC", "the field report describes fighting between organised armed groups"),
    ]
    for ref, element, why in accepted:
        colleague.review(records.link_element(ref, element, reasoning=why).value.id, accept=True)
    records.link_element(
        refs[3], "8(2)(e)(iv)-3", reasoning="the witness says the strike was aimed", weight=Weight.MAYBE
    )
    denial = colleague.link_element(
        refs[4],
        "8(2)(e)(iv)-2",
        reasoning="a statement calls the building a command post",
        stance=LinkStance.CONTRADICTS,
        basis=Basis.ALLEGED,
    )
    records.review(denial.value.id, accept=True)
