"""What the catalogue's detail pane says of an entry: its English text (the catalogue has no
other), alternatives, footnotes, notes, the sources of its text and their verification status;
and the small lookups the linking views share (an element's text, every id a link may name)."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from caseapp.core.analysis import ElementLink
from caseapp.core.legal.model import Catalogue, Role, Source, Verification, VerificationStatus
from caseapp.gui.i18n import QT_TRANSLATE_NOOP
from caseapp.gui.legal_common import legal_text

STATUS_LABELS = {
    VerificationStatus.SPOT_CHECKED: QT_TRANSLATE_NOOP("CatalogueView", "spot-checked against an independent source"),
    VerificationStatus.VERIFIED_SOURCE: QT_TRANSLATE_NOOP("CatalogueView", "taken from a cited secondary source"),
    VerificationStatus.PARTIAL: QT_TRANSLATE_NOOP("CatalogueView", "partly verified"),
    VerificationStatus.UNVERIFIED: QT_TRANSLATE_NOOP("CatalogueView", "unverified transcription"),
    VerificationStatus.ELEMENTS_NOT_AVAILABLE: QT_TRANSLATE_NOOP("CatalogueView", "elements not available"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("CatalogueView", text)


def link_summary(link: ElementLink) -> str:
    return ", ".join(legal_text(value) for value in (link.stance, link.weight, link.basis, link.review))


class _Html:
    """The detail pane's HTML; the catalogue's English texts are marked left-to-right."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.parts: list[str] = []

    def heading(self, text: str) -> None:
        self.parts.append(f"<h3>{html.escape(text)}</h3>")

    def para(self, text: str, *, english: bool = True) -> None:
        direction = ' dir="ltr"' if english else ""
        self.parts.append(f"<p{direction}>{html.escape(text)}</p>")

    def footnotes(self, numbers: Iterable[int]) -> None:
        notes = [self.catalogue.footnotes[n] for n in dict.fromkeys(numbers) if n in self.catalogue.footnotes]
        if notes:
            self.heading(tr("Footnotes"))
            for note in notes:
                self.para(f"{note.number}. {note.text.en}")

    def provenance(self, sources: Iterable[Source], verification: Verification | None) -> None:
        if verification is not None:
            self.heading(tr("Verification"))
            self.para(QCoreApplication.translate("CatalogueView", STATUS_LABELS[verification.status]), english=False)
            if verification.note:
                self.para(verification.note)
        shown = list(sources)
        if shown:
            self.heading(tr("Sources"))
            items = "".join(
                f"<li>{html.escape(s.title)} — {html.escape(s.where)} ({html.escape(s.licence)})</li>" for s in shown
            )
            self.parts.append(f"<ul dir='ltr'>{items}</ul>")

    def element_or_crime(self, key: str) -> None:
        catalogue = self.catalogue
        element = catalogue.element(key)
        crime = catalogue.crime(element.crime_id if element is not None else key)
        if element is not None:
            role = tr("contextual element") if element.role is Role.CONTEXTUAL else tr("element")
            self.heading(f"{element.id} — {role}")
            self.para(element.text.en)
            for alt in element.alternatives:
                self.para(f"({alt.letter}) {alt.text.en}")
            if element.note:
                self.para(element.note)
            self.footnotes([*element.footnotes, *(n for alt in element.alternatives for n in alt.footnotes)])
        if crime is not None:
            self.heading(f"{crime.id} — {crime.title.en}")
            self.para(f"{crime.statute_ref}: {crime.statute_text.en}")
            for text in crime.notes:
                self.para(text)
            if element is None:
                self.footnotes([*crime.heading_footnotes, *crime.paragraph_footnotes])
            self.provenance(crime.sources, crime.verification)
        elif element is None:
            self.other_element(key)

    def other_element(self, key: str) -> None:
        """A shared-context element (``C-NIAC``) or an element of a mode of liability."""
        for group in self.catalogue.contextual_groups:
            for item in group.elements:
                if item.id == key:
                    self.heading(f"{item.id} — {tr('shared contextual element')}")
                    self.para(item.text.en)
                    self.para(f"{group.title}. {group.note}")
                    self.provenance(group.sources, None)
                    return
        for mode in self.catalogue.modes_of_liability:
            for part in mode.elements:
                if part.id == key:
                    self.heading(f"{part.id} — {mode.label}")
                    self.para(part.text.en)
                    self.provenance(mode.sources, mode.verification)
                    return

    def group(self, key: str) -> None:
        group = self.catalogue.group(key)
        if group is not None:
            self.heading(group.title)
            self.para(group.note)
            for item in group.elements:
                self.para(f"{item.id}: {item.text.en}")
            self.provenance(group.sources, None)

    def mode(self, key: str) -> None:
        mode = self.catalogue.mode(key)
        if mode is not None:
            self.heading(f"{mode.id} — {mode.label}")
            self.para(mode.statute_text.en)
            for part in mode.elements:
                self.para(f"{part.id}: {part.text.en}")
            self.provenance(mode.sources, mode.verification)

    def intro(self, key: str) -> None:
        intro = self.catalogue.introduction(key)
        if intro is not None:
            self.heading(intro.title)
            for paragraph in intro.paragraphs:
                self.para(f"{paragraph.label} {paragraph.text.en}".strip())
            self.footnotes(n for paragraph in intro.paragraphs for n in paragraph.footnotes)


def detail_html(catalogue: Catalogue, kind: str, key: str) -> str:
    """The detail of a tree entry (``kind``: element, crime, group, mode, intro; an article: nothing)."""
    page = _Html(catalogue)
    if kind in ("element", "crime"):
        page.element_or_crime(key)
    elif kind == "group":
        page.group(key)
    elif kind == "mode":
        page.mode(key)
    elif kind == "intro":
        page.intro(key)
    return "".join(page.parts)


def element_text(catalogue: Catalogue, key: str) -> str:
    """The English text of anything a link may name."""
    element = catalogue.element(key)
    if element is not None:
        return element.full_text
    crime = catalogue.crime(key)
    if crime is not None:
        return crime.title.en
    for group in catalogue.contextual_groups:
        for item in group.elements:
            if item.id == key:
                return item.text.en
    for mode in catalogue.modes_of_liability:
        if mode.id == key:
            return mode.label
        for part in mode.elements:
            if part.id == key:
                return part.text.en
    return ""


def linkable_ids(catalogue: Catalogue) -> list[tuple[str, str]]:
    """Every (id, text) a link may name, in the tree's order."""
    found: list[tuple[str, str]] = []
    for group in catalogue.contextual_groups:
        found.extend((item.id, item.text.en) for item in group.elements if (item.id, item.text.en) not in found)
    for crime in catalogue:
        if not crime.elements:
            found.append((crime.id, crime.title.en))
        found.extend((element.id, element.full_text) for element in crime.elements)
    for mode in catalogue.modes_of_liability:
        if not mode.elements:
            found.append((mode.id, mode.label))
        found.extend((part.id, part.text.en) for part in mode.elements)
    return found
