"""The jurisdiction assistant as a form: crime (searchable), territory, nationality of the accused,
a date or a range of dates, the victim State for aggression; and its answer (within, outside or
depends) with grounds, caveats and sources in a selectable text area, saying where the answer
changes inside a range.

Asked from an incident ("Jurisdiction…" on the Incidents page) it asks what ``caseapp
jurisdiction INC-n`` asks: the dates are the incident's time range and the country the one its
coordinates fall in, unless a territory is chosen. The computation runs on the task runner; the
form and the answer (which names the incident) are cleared when the case locks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caseapp.core.entities import Incident
from caseapp.core.legal.incident_jurisdiction import incident_jurisdiction, jurisdiction_over_range
from caseapp.core.legal.jurisdiction import check_jurisdiction
from caseapp.core.legal.states import Country, load_jurisdiction_data
from caseapp.core.timeinput import zone
from caseapp.core.timeline import incident_range
from caseapp.gui.catalogue_view import LoadedCatalogue, load_catalogue_and_index
from caseapp.gui.errors import message_for
from caseapp.gui.jurisdiction_answer import incident_answer_html, range_answer_html, single_answer_html
from caseapp.gui.legal_common import LegalContext

AGGRESSION = "8 bis"


def tr(text: str) -> str:
    return QCoreApplication.translate("JurisdictionView", text)


def incident_country(incident: Incident) -> str | None:
    """The country an incident's own record names, read before its coordinates (as
    ``caseapp jurisdiction INC-n`` does); None: the coordinates decide."""
    return incident.country or None


def incident_dates(incident: Incident) -> tuple[dt.date, dt.date] | None:
    """The incident's range as calendar dates in the zone it was given in (None without a time)."""
    span = incident_range(incident)
    if span is None:
        return None
    where = zone(incident.time_zone)
    start, end = (moment.astimezone(where).date() for moment in span)
    return start, end


def _combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(20)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def chosen(combo: QComboBox) -> str:
    """The value of an item chosen in ``combo``, or what was typed (a code, before " — ")."""
    index = combo.currentIndex()
    if index >= 0 and combo.currentText() == combo.itemText(index):
        return str(combo.itemData(index) or "")
    return combo.currentText().split(" — ")[0].strip()


def choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))


class JurisdictionView(QWidget):
    def __init__(
        self, context: LegalContext, catalogue: Callable[[], LoadedCatalogue | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jurisdictionView")
        self.context = context
        self.catalogue = catalogue
        self.loaded: LoadedCatalogue | None = None
        self.incident: Incident | None = None
        self._loading = False
        self._ask_when_loaded = False
        self._generation = 0
        self._build_banner()
        form = self._build_form()
        self._build_answer(form)

    def _build_banner(self) -> None:
        self.banner = QFrame(self)
        self.banner.setObjectName("jurisdictionIncident")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.incident_label = QLabel(self.banner)
        self.incident_label.setWordWrap(True)
        self.detach_button = QPushButton(tr("Ask without the incident"), self.banner)
        self.detach_button.clicked.connect(lambda _checked=False: self.detach())
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.incident_label, 1)
        banner_layout.addWidget(self.detach_button)
        self.banner.hide()

    def _build_form(self) -> QGridLayout:
        self.crime_search = QLineEdit(self)
        self.crime_search.setObjectName("jurisdictionCrimeSearch")
        self.crime_search.setPlaceholderText(tr("Find a crime: words in English, French or Arabic (Enter)"))
        self.crime_search.setClearButtonEnabled(True)
        self.crime_search.returnPressed.connect(self.search_crimes)
        self.crime_search.textChanged.connect(lambda text: None if text else self.search_crimes())
        self.crime = _combo(self, "jurisdictionCrime")
        self.crime.currentIndexChanged.connect(lambda _index: self._crime_changed())
        self.crime.editTextChanged.connect(lambda _text: self._crime_changed())
        self.territory = _combo(self, "jurisdictionTerritory")
        self.nationality = _combo(self, "jurisdictionNationality")
        self.victim = _combo(self, "jurisdictionVictim")
        self.victim.setEnabled(False)
        self.element_territories = QLineEdit(self)
        self.element_territories.setObjectName("jurisdictionElementTerritories")
        self.element_territories.setPlaceholderText(tr("optional, country codes separated by commas, e.g. BD"))
        self.element_territories.setToolTip(
            tr("Where an element of the crime took place, such as the border crossed in a deportation.")
        )
        self.element_territories.setAccessibleName(self.element_territories.toolTip())
        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("jurisdictionFrom")
        self.date_from.setPlaceholderText(tr("YYYY-MM-DD"))
        self.date_until = QLineEdit(self)
        self.date_until.setObjectName("jurisdictionUntil")
        self.date_until.setPlaceholderText(tr("optional: the last day of a range, YYYY-MM-DD"))
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(tr("until"), self))
        dates.addWidget(self.date_until)
        self.referral = QLabel(
            tr(
                "Referral: nothing to choose. A Security Council referral the data holds (Darfur, Libya) is "
                "found from the place and date; a State referral and the Prosecutor's own initiative need the "
                "same link of territory or nationality (Art 12(2)), so they give the same answer."
            ),
            self,
        )
        self.referral.setWordWrap(True)
        self.referral.setObjectName("jurisdictionReferral")
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        rows: tuple[tuple[str, QWidget | QHBoxLayout, str, QWidget], ...] = (
            (tr("Crime"), self.crime_search, "", self.crime),
            (tr("Territory"), self.territory, tr("Nationality of the accused"), self.nationality),
            (tr("Date, or range of dates"), dates, tr("Victim State (aggression only)"), self.victim),
            (tr("Element on the territory of"), self.element_territories, "", self.referral),
        )
        for row, (first_label, first, second_label, second) in enumerate(rows):
            form.addWidget(QLabel(first_label, self), row, 0)
            if isinstance(first, QHBoxLayout):
                form.addLayout(first, row, 1)
            else:
                form.addWidget(first, row, 1)
            if second_label:
                form.addWidget(QLabel(second_label, self), row, 2)
                form.addWidget(second, row, 3)
            else:
                form.addWidget(second, row, 2, 1, 2)
        self.territory.setToolTip(tr("Territory (State where the conduct occurred)"))
        for widget, label in (
            (self.crime_search, tr("Find a crime")),
            (self.crime, tr("Crime")),
            (self.territory, tr("Territory")),
            (self.nationality, tr("Nationality of the accused")),
            (self.victim, tr("Victim State")),
            (self.date_from, tr("Date")),
            (self.date_until, tr("Last day of the range")),
        ):
            widget.setAccessibleName(label)
        return form

    def _build_answer(self, form: QGridLayout) -> None:
        self.ask_button = QPushButton(tr("Assess jurisdiction"), self)
        self.ask_button.setObjectName("jurisdictionAsk")
        self.ask_button.setDefault(True)
        self.ask_button.clicked.connect(lambda _checked=False: self.ask())
        self.error = QLabel(self)
        self.error.setObjectName("jurisdictionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(tr("The assistant's explanations are in English, like the texts of the catalogue."), self)
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ask_button)
        buttons.addWidget(note, 1)
        self.answer = QTextBrowser(self)
        self.answer.setObjectName("jurisdictionAnswer")
        self.answer.setAccessibleName(tr("Answer of the jurisdiction assistant"))
        self.answer.setOpenLinks(False)
        self.answer.setPlaceholderText(
            tr("The answer appears here: within, outside or depends, with its grounds, caveats and sources.")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.answer, 1)
        self._set_blank_country_text()

    # -- loading the crimes and the countries (once, on a worker)
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        if self.loaded is not None or self._loading:
            return
        self._loading = True
        known = self.catalogue()

        def work() -> tuple[LoadedCatalogue, list[Country]]:
            data = load_jurisdiction_data()
            countries = sorted(data.countries.values(), key=lambda c: c.name)
            return known or load_catalogue_and_index(), countries

        handle = self.context.runner.read(work, name="jurisdiction form")
        handle.succeeded.connect(lambda found: self._loaded(*found))
        handle.failed.connect(self._failed)

    def _loaded(self, loaded: LoadedCatalogue, countries: list[Country]) -> None:
        self.loaded, self._loading = loaded, False
        self._fill_crimes(None)
        for combo in (self.territory, self.nationality, self.victim):
            combo.clear()
            combo.addItem("", "")
            for country in countries:
                combo.addItem(f"{country.iso2} — {country.name}", country.iso2)
        self._set_blank_country_text()
        if self.incident is not None:
            stored = incident_country(self.incident)
            if stored:
                choose(self.territory, stored)
        if self._ask_when_loaded:
            self._ask_when_loaded = False
            self.ask()

    def _fill_crimes(self, ids: list[str] | None) -> None:
        assert self.loaded is not None
        was = chosen(self.crime)
        self.crime.clear()
        self.crime.addItem(tr("(no crime: the preconditions only)"), "")
        catalogue = self.loaded.catalogue
        crimes = list(catalogue) if ids is None else [c for i in ids if (c := catalogue.crime(i)) is not None]
        for crime in crimes:
            self.crime.addItem(f"{crime.id} — {crime.title.en}", crime.id)
        choose(self.crime, was)

    def search_crimes(self) -> None:
        """Keep only the crimes the catalogue search finds for the words typed (all when empty)."""
        if self.loaded is None:
            return
        text = self.crime_search.text().strip()
        ids = self.loaded.index.matching_crimes(text) if text else None
        self._fill_crimes(ids)
        if ids is not None:
            self.crime.setCurrentIndex(1 if ids else 0)
            self.error.setText("" if ids else tr("No crime matches these words."))

    def _set_blank_country_text(self) -> None:
        blank = tr("(from the incident's coordinates)") if self.incident is not None else tr("(none)")
        for combo in (self.territory, self.nationality, self.victim):
            if combo.count() and combo.itemData(0) == "":
                combo.setItemText(0, tr("(none)") if combo is not self.territory else blank)

    def _crime_changed(self) -> None:
        aggression = chosen(self.crime).replace(" ", "").lower() == AGGRESSION.replace(" ", "")
        self.victim.setEnabled(aggression)
        if not aggression:
            self.victim.setCurrentIndex(0)

    # -- an incident
    def from_incident(self, incident: Incident) -> None:
        """Prefill from ``incident`` (its range, its country) and ask at once."""
        self.incident = incident
        dates = incident_dates(incident)
        start, end = dates if dates is not None else (None, None)
        self.date_from.setText(start.isoformat() if start else "")
        self.date_until.setText(end.isoformat() if end and end != start else "")
        for edit in (self.date_from, self.date_until):
            edit.setEnabled(False)
        stored = incident_country(incident)
        if stored:
            how = tr("the one its record names ({code})").format(code=stored)
        elif incident.latitude is not None and incident.longitude is not None:
            how = tr("found from its coordinates, unless you choose a territory")
        else:
            how = tr("not known (it has no coordinates): choose the territory")
        self.incident_label.setText(
            tr("Asked for {ref} {title}: the dates are its time range, and its country is {how}.").format(
                ref=incident.ref, title=incident.title, how=how
            )
        )
        self.banner.show()
        self._set_blank_country_text()
        if self.loaded is None:
            self.territory.setCurrentIndex(0)
            self._ask_when_loaded = True
            self.load()
            return
        choose(self.territory, stored or "")
        self.ask()

    def detach(self) -> None:
        """Back to the free form (the dates stay, now editable)."""
        self.incident = None
        self.banner.hide()
        self.incident_label.clear()
        for edit in (self.date_from, self.date_until):
            edit.setEnabled(True)
        self._set_blank_country_text()

    # -- asking
    def _codes(self, text: str) -> list[str]:
        return [code.strip() for code in text.replace(";", ",").split(",") if code.strip()]

    def ask(self) -> None:
        """Compute the answer on a worker; a newer question makes an older answer stale."""
        self._generation += 1
        generation = self._generation
        crime = chosen(self.crime) or None
        territory = chosen(self.territory) or None
        nationality = chosen(self.nationality)
        nationalities = [nationality] if nationality else []
        elements = self._codes(self.element_territories.text())
        victim = (chosen(self.victim) or None) if self.victim.isEnabled() else None
        first, last = self.date_from.text().strip(), self.date_until.text().strip()
        incident = self.incident
        work: Callable[[], str]
        if incident is not None:
            problem = self._incident_problem(incident, territory)
            if problem:
                self._show_error(problem)
                return
            work = lambda: incident_answer_html(  # noqa: E731
                incident_jurisdiction(
                    incident,
                    crime,
                    nationalities,
                    territory or incident_country(incident),
                    element_territories=elements,
                    victim_state=victim,
                )
            )
        elif not first:
            self._show_error(tr("Enter the date of the conduct (YYYY-MM-DD), or a range of dates."))
            return
        elif last and last != first:
            work = lambda: range_answer_html(  # noqa: E731
                jurisdiction_over_range(
                    first,
                    last,
                    territory=territory,
                    element_territories=elements,
                    nationalities=nationalities,
                    crime=crime,
                    victim_state=victim,
                )
            )
        else:
            work = lambda: single_answer_html(  # noqa: E731
                check_jurisdiction(
                    date=first,
                    territory=territory,
                    element_territories=elements,
                    nationalities=nationalities,
                    crime=crime,
                    victim_state=victim,
                )
            )
        self.error.setText("")
        self.ask_button.setEnabled(False)
        handle = self.context.runner.read(work, name="jurisdiction")
        handle.succeeded.connect(lambda shown: self._answered(generation, shown))
        handle.failed.connect(lambda error: self._answered(generation, None, error))

    def _incident_problem(self, incident: Incident, territory: str | None) -> str:
        if incident_dates(incident) is None:
            return tr(
                "{ref} has no time, so there is no date to check: add it (Edit… on the Incidents page), "
                "or ask without the incident."
            ).format(ref=incident.ref)
        if not territory and not incident_country(incident) and incident.latitude is None:
            return tr(
                "{ref} has no coordinates, so its country cannot be found: choose the territory above, "
                "or add its coordinates (Edit… on the Incidents page)."
            ).format(ref=incident.ref)
        return ""

    def _answered(self, generation: int, shown: str | None, error: BaseException | None = None) -> None:
        if generation != self._generation:
            return
        self.ask_button.setEnabled(True)
        if error is not None:
            self._show_error(message_for(error))
            return
        assert shown is not None
        self.answer.setHtml(shown)

    def _show_error(self, text: str) -> None:
        self.ask_button.setEnabled(True)
        self.error.setText(text)
        self.answer.clear()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.error.setText(message_for(error))

    # -- lock
    def clear_case(self) -> None:
        """Forget the question and the answer (an incident's title and place are the case's)."""
        self._generation += 1
        self._ask_when_loaded = False
        self.detach()
        for edit in (self.date_from, self.date_until, self.element_territories, self.crime_search):
            edit.clear()
        for combo in (self.territory, self.nationality, self.victim):
            combo.setCurrentIndex(0)
        if self.loaded is not None:
            self._fill_crimes(None)
            self.crime.setCurrentIndex(0)
        self.error.clear()
        self.answer.clear()
        self.answer.document().clearUndoRedoStacks()

    def values(self) -> dict[str, Any]:
        """What the form asks (tests and screenshots read it)."""
        return {
            "crime": chosen(self.crime),
            "territory": chosen(self.territory),
            "nationality": chosen(self.nationality),
            "from": self.date_from.text(),
            "until": self.date_until.text(),
        }
