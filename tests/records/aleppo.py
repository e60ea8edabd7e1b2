"""The Aleppo sample case built through the services (issue 14): attacks on civilians and on a
hospital in a non-international armed conflict, murder as a war crime and as a crime against
humanity, forcible transfer. An investigator proposes element links; a reviewer accepts them."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp.app.case_folder import OpenCase
from caseapp.core.analysis import Basis, Weight, parse_excerpt
from caseapp.core.entities import ExhibitKind, InformationCredibility, LinkStance, PersonRole, SourceReliability
from caseapp.core.refs import Ref, parse_ref
from caseapp.core.services import RecordService

INVESTIGATOR = "investigator"
REVIEWER = "reviewer"


@dataclass
class Aleppo:
    work: RecordService  # the investigator
    review: RecordService  # the reviewer
    charges: dict[str, Ref]
    links: dict[str, Ref]


def build(case: OpenCase) -> Aleppo:
    work = RecordService(case.db, INVESTIGATOR)
    review = RecordService(case.db, REVIEWER)

    def ref(text: str) -> Ref:
        return parse_ref(text)

    commander = ref(work.add_person(role=PersonRole.SUSPECT, full_name="Commander A").value.ref)
    shooter = ref(work.add_person(role=PersonRole.SUSPECT, full_name="Soldier B").value.ref)
    work.add_person(role=PersonRole.WITNESS, full_name="شاهد")
    hospital = ref(work.add_incident(title="Strike on al-Quds hospital", when="2016-04-27").value.ref)
    market = ref(work.add_incident(title="Shelling of Bustan al-Qasr market", when="2016-05-03").value.ref)
    evacuation = ref(work.add_incident(title="Evacuation of east Aleppo", when="2016-12-15").value.ref)

    def source(name: str, grade: str) -> Ref:
        added = work.add_source(
            name=name, reliability=SourceReliability(grade[0]), credibility=InformationCredibility(grade[1])
        )
        return ref(added.value.ref)

    field, msf, satellite = source("Field team", "B2"), source("MSF", "A2"), source("Imagery provider", "B1")
    channel, ministry, commission = source("Telegram channel", "E5"), source("Ministry", "C3"), source("UN COI", "A1")

    def exhibit(title: str, src: Ref, kind: ExhibitKind = ExhibitKind.DOCUMENT) -> Ref:
        return ref(work.add_exhibit(title=title, kind=kind, source=src).value.ref)

    crater = exhibit("Crater photo", field, ExhibitKind.IMAGE)  # EX-1 and EX-2: one source
    video = exhibit("Video of the second strike", field, ExhibitKind.VIDEO)
    report = exhibit("MSF report on al-Quds", msf)
    image = exhibit("Satellite image 28 April", satellite, ExhibitKind.IMAGE)
    post = exhibit("Channel post naming the commander", channel)
    denial = exhibit("Ministry statement: a military HQ", ministry)
    coi = exhibit("COI report A/HRC/33/55", commission)
    bodies = exhibit("Morgue register", field)
    buses = exhibit("Video of the buses", msf, ExhibitKind.VIDEO)

    charges = {
        "hospital": work.add_charge(
            "8(2)(e)(iv)", suspects=[(commander, "28(a)")], incidents=[hospital], analysis="Attack on a hospital"
        ),
        "civilians": work.add_charge("8(2)(e)(i)", suspects=[(commander, "25(3)(a)-joint")], incidents=[market]),
        "murder-war-crime": work.add_charge(
            "8(2)(c)(i)-1", suspects=[(shooter, "25(3)(a)-direct")], incidents=[market]
        ),
        "murder-cah": work.add_charge("7(1)(a)", suspects=[(shooter, "25(3)(a)-direct")], incidents=[market]),
        "transfer": work.add_charge("7(1)(d)", suspects=[(commander, "28(a)")], incidents=[evacuation]),
    }

    links: dict[str, Ref] = {}

    def link(
        name: str,
        exhibit_ref: Ref,
        element: str,
        *,
        stance: LinkStance = LinkStance.SUPPORTS,
        weight: Weight = Weight.LIKELY,
        accept: bool | None = True,
        excerpt: str | None = None,
        basis: Basis = Basis.OBSERVED,
    ) -> None:
        made = work.link_element(
            exhibit_ref,
            element,
            reasoning=f"reasoning for {name}",
            stance=stance,
            weight=weight,
            basis=basis,
            excerpt=parse_excerpt(excerpt) if excerpt else None,
        ).value
        links[name] = ref(made.ref)
        if accept is not None:
            review.review(links[name], accept=accept)

    # 8(2)(e)(iv): -1 corroborated, -2 contested, -3 weak (two exhibits of one source), -4 through
    # the shared context C-NIAC, -5 unaddressed; a rejected link counts for nothing.
    link("attack-msf", report, "8(2)(e)(iv)-1", weight=Weight.CERTAIN, excerpt="page=3")
    link("attack-satellite", image, "8(2)(e)(iv)-1", excerpt="page=1;region=10,20,200,100")
    link("attack-channel", post, "8(2)(e)(iv)-1", accept=False)
    link("hospital-msf", report, "8(2)(e)(iv)-2", excerpt="page=4")
    link("hospital-denied", denial, "8(2)(e)(iv)-2", stance=LinkStance.CONTRADICTS, basis=Basis.ALLEGED)
    link("intent-crater", crater, "8(2)(e)(iv)-3")
    link("intent-video", video, "8(2)(e)(iv)-3", excerpt="time=0:42-1:10")
    link(
        "niac-coi", coi, "C-NIAC", weight=Weight.CERTAIN, excerpt="chars=120-380;quote=non-international armed conflict"
    )
    link("niac-msf", report, "C-NIAC")
    # 28(a) for the commander: -2 weak (one poorly graded source), -3 awaiting review.
    link("commander-post", post, "28(a)-2", weight=Weight.MAYBE, basis=Basis.ALLEGED)
    link("control-coi", coi, "28(a)-3", accept=None)
    # 8(2)(e)(i) and murder: the killing corroborated by two sources.
    link("killed-morgue", bodies, "7(1)(a)-1")
    link("killed-coi", coi, "7(1)(a)-1")
    link("transfer-buses", buses, "7(1)(d)-1")
    return Aleppo(work, review, {k: ref(v.value.ref) for k, v in charges.items()}, links)
