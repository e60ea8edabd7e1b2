"""The Aleppo sample case (tests/records/aleppo.py) made ready for a dossier: a protected witness
whose real name is typed into a note, an exhibit title and a link's reasoning; a sensitive
statement; an incident with exact coordinates; an imported photo with GPS, an original file name
and an acquisition note; jurisdiction answers from the real assistant, one per charge."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from caseapp.app.case_folder import OpenCase
from caseapp.core.dossier.inputs import DossierInputs
from caseapp.core.entities import ExhibitKind, PersonRole, Sensitivity
from caseapp.core.export_view import ExportView
from caseapp.core.legal.jurisdiction import JurisdictionAnswer, check_jurisdiction
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.model import Catalogue
from caseapp.core.refs import parse_ref
from tests.intake.intake_factories import write_jpeg
from tests.records.aleppo import Aleppo, build
from tests.records.test_export_view import strings

__all__ = ["AleppoDossier", "prepare", "strings"]

WITNESS = "Samira Haddad"  # a protected witness: her name must appear only in the key annex
WITNESS_AR = "سميرة حداد"
PHOTO_NAME = "IMG_20160427_0930_Samsung-SM-G930F.jpg"
PHOTO_GPS = (36.2021, 37.1343)
INCIDENT_GPS = (36.1987654, 37.1612345)
ACQUISITION = "copied from the phone of the hospital's night guard, serial R58M123456"
TODAY = date(2026, 11, 27)
WITNESS_ALIASES = ("Umm Karim", "أم كريم")  # her identity beyond the name: only in the key annex
WITNESS_BORN = "1979-02-14"
WITNESS_CONTACT = "+963 933 555 210"


@dataclass
class AleppoDossier:
    case: OpenCase
    aleppo: Aleppo
    view: ExportView
    inputs: DossierInputs
    catalogue: Catalogue
    answers: tuple[JurisdictionAnswer, ...]
    statement: str  # ref of the sensitive statement
    photo: str  # ref of the imported photo


def prepare(case: OpenCase, folder: Path) -> AleppoDossier:
    aleppo = build(case)
    work = aleppo.work
    witness = work.add_person(role=PersonRole.WITNESS, full_name=WITNESS).value  # W-002, protected by default
    work.set_identity(witness.id, aliases=WITNESS_ALIASES, born=WITNESS_BORN, contact=WITNESS_CONTACT, reason="intake")
    work.record_consent(witness.id, scope="icc", state="given", on="2026-05-01")
    statement = work.add_exhibit(
        title=f"Statement of {WITNESS}",
        kind=ExhibitKind.TESTIMONY,
        description=f"{WITNESS} ({WITNESS_AR}) saw the second strike from the gate.",
        sensitivity=Sensitivity.PROTECTED_PERSON,
    ).value.ref
    work.add_note(parse_ref(statement), f"{WITNESS} asked not to be named.")
    work.link(parse_ref(statement), parse_ref("INC-1"), reasoning=f"{WITNESS} saw the strike from the gate")
    work.link(parse_ref("EX-1"), parse_ref("INC-1"), reasoning="crater in the courtyard")
    made = work.link_element(
        parse_ref(statement), "8(2)(e)(iv)-1", reasoning=f"{WITNESS} saw the aircraft fire at the hospital"
    ).value
    aleppo.review.review(parse_ref(made.ref), accept=True)
    latitude, longitude = INCIDENT_GPS
    work.add_incident(
        title="Strike on the Bab al-Nairab bakery",
        when="2016-08-12",
        place_name="Bab al-Nairab, حلب",
        latitude=latitude,
        longitude=longitude,
    )
    photo_path = write_jpeg(folder / PHOTO_NAME, gps=PHOTO_GPS, taken="2016:04:27 09:30:00")
    report = case.imports.import_paths([photo_path], note=ACQUISITION).value
    photo = report.outcomes[0].exhibit
    assert photo is not None
    work.link(parse_ref(photo), parse_ref("INC-1"), reasoning="the courtyard after the strike")
    view = case.records.export_view()
    catalogue = load_catalogue()
    inputs = DossierInputs(
        situation="Situation in the Syrian Arab Republic",
        sender=("Aleppo Documentation Clinic", "Rue de l'Université 1, Genève"),
        secure_contact="clinic@example.org (Signal on request)",
        territory="SY",
        element_territories=("JO",),
    )
    answers = tuple(answers_for(view, inputs, catalogue))
    return AleppoDossier(case, aleppo, view, inputs, catalogue, answers, statement, photo)


def answers_for(view: ExportView, inputs: DossierInputs, catalogue: Catalogue) -> Iterator[JurisdictionAnswer]:
    """One answer per charge, at the date of its first incident (as the dossier service will ask)."""
    dates = {i.ref: i.time_start.date() for i in view.incidents if i.time_start is not None}
    for charge in view.charges:
        when = min(dates[ref] for ref in charge.incidents)
        yield check_jurisdiction(
            date=when,
            territory=inputs.territory,
            element_territories=inputs.element_territories,
            nationalities=inputs.nationalities,
            crime=charge.crime_id,
            catalogue=catalogue,
        )
