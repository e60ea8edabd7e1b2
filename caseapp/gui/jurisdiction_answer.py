"""The jurisdiction assistant's answer as the form shows it: the verdict (word, colour and mark),
where it changes inside a date range and why, each ground with its reason and sources, the
caveats; for an incident also its country and range as the case gives them.

The assistant writes its explanations in English (like the legal catalogue); the headings and
the verdicts are in the interface's language, and every English paragraph runs left-to-right
inside an Arabic window. Every value is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from caseapp.core.geo_lookup import Finding
from caseapp.core.legal.consent import GroundStatus
from caseapp.core.legal.grounds import Ground
from caseapp.core.legal.incident_jurisdiction import CountryFrom, IncidentJurisdiction, TerritoryAnswers
from caseapp.core.legal.jurisdiction import JurisdictionAnswer, Verdict
from caseapp.gui.i18n import QT_TRANSLATE_NOOP
from caseapp.gui.legal_common import ltr

VERDICT_LABELS = (
    QT_TRANSLATE_NOOP("Verdict", "within"),
    QT_TRANSLATE_NOOP("Verdict", "outside"),
    QT_TRANSLATE_NOOP("Verdict", "depends"),
    QT_TRANSLATE_NOOP("GroundStatus", "met"),
    QT_TRANSLATE_NOOP("GroundStatus", "not met"),
    QT_TRANSLATE_NOOP("GroundStatus", "uncertain"),
)
VERDICT_COLOURS = {Verdict.WITHIN: "#1b6e2a", Verdict.OUTSIDE: "#a01818", Verdict.DEPENDS: "#8a5a00"}
VERDICT_MARKS = {Verdict.WITHIN: "✔", Verdict.OUTSIDE: "✘", Verdict.DEPENDS: "?"}  # never colour alone
STATUS_MARKS = {GroundStatus.MET: "✔", GroundStatus.NOT_MET: "✘", GroundStatus.UNCERTAIN: "?"}


def tr(text: str) -> str:
    return QCoreApplication.translate("JurisdictionAnswer", text)


def _e(value: object) -> str:
    return html.escape(str(value))


def _en(text: str) -> str:
    """A paragraph of the assistant's English, left-to-right whatever the window's direction."""
    return f"<p dir='ltr' align='left'>{_e(text)}</p>"


def verdict_text(verdict: Verdict | str) -> str:
    verdict_value = verdict.value if isinstance(verdict, Verdict) else verdict
    return QCoreApplication.translate("Verdict", verdict_value)


def _verdict(verdict: Verdict) -> str:
    word = f"{VERDICT_MARKS[verdict]} {verdict_text(verdict).upper()}"
    return f"<span style='color:{VERDICT_COLOURS[verdict]}; font-weight:bold'>{_e(word)}</span>"


def _grounds(heading: str, grounds: Iterable[Ground]) -> str:
    shown = list(grounds)
    if not shown:
        return ""
    parts = [f"<h4>{_e(heading)}</h4>"]
    for ground in shown:
        ground_status = ground.status
        status = f"{STATUS_MARKS[ground_status]} {QCoreApplication.translate('GroundStatus', ground_status.value)}"
        parts.append(f"<p><b>[{_e(status)}]</b> {_e(ltr(ground.title))}</p>")
        parts.append(_en(ground.reason))
        if ground.sources:
            parts.append(f"<p><i>{_e(tr('Sources:'))}</i></p>")
            parts.append("<ul>" + "".join(f"<li dir='ltr'>{_e(s)}</li>" for s in ground.sources) + "</ul>")
    return "".join(parts)


def _answer_body(answer: JurisdictionAnswer) -> str:
    return (
        _en(answer.summary)
        + _grounds(tr("Grounds (any one suffices)"), answer.bases)
        + _grounds(tr("Conditions (all must hold)"), answer.conditions)
    )


def _caveats(answer: JurisdictionAnswer) -> str:
    items = "".join(f"<li dir='ltr'>{_e(c)}</li>" for c in answer.caveats)
    data = tr("Data as of {date}.").format(date=ltr(answer.data_as_of.isoformat()))
    return f"<h3>{_e(tr('Caveats'))}</h3><ul>{items}</ul><p>{_e(data)}</p>"


def _question(answer: JurisdictionAnswer, span: str) -> str:
    q = answer.query
    rows = [(tr("Date"), span)]
    if q.territory:
        rows.append((tr("Territory"), q.territory))
    if q.element_territories:
        rows.append((tr("Element on the territory of"), ", ".join(q.element_territories)))
    if q.nationalities:
        rows.append((tr("Nationality of the accused"), ", ".join(q.nationalities)))
    crime = f"{q.crime} — {answer.crime_title}" if q.crime else tr("none given (the preconditions only)")
    rows.append((tr("Crime"), crime))
    if q.victim_state:
        rows.append((tr("Victim State"), q.victim_state))
    cells = "".join(f"<tr><th align='left'>{_e(k)}</th><td>{_e(ltr(v))}</td></tr>" for k, v in rows)
    return f"<table cellspacing='3'>{cells}</table>"


def single_answer_html(answer: JurisdictionAnswer) -> str:
    """The answer for one date."""
    return (
        f"<h2>{_e(tr('Answer:'))} {_verdict(answer.verdict)}</h2>"
        + _question(answer, answer.query.date.isoformat())
        + _answer_body(answer)
        + _caveats(answer)
    )


def _shift(before: str, after: str) -> str:
    return tr("{before} → {after}").format(before=verdict_text(before), after=verdict_text(after))


def _changes_line(territory: TerritoryAnswers) -> str:
    shifts = [c for c in territory.changes if c.before != c.after]
    if not shifts:
        return tr("The answer does not change inside the range.")
    days = ", ".join(f"{c.day.isoformat()} ({verdict_text(c.before)} → {verdict_text(c.after)})" for c in shifts)
    return tr("The answer changes inside the range on {days}.").format(days=days)


def territory_html(territory: TerritoryAnswers, *, heading: str | None = None, intro: str = "") -> str:
    """Every period of a range with its answer, then each date it changes on and why."""
    first = territory.periods[0].answer
    whole = len(territory.periods) == 1
    verdicts = {p.answer.verdict for p in territory.periods}
    overall = next(iter(verdicts)) if len(verdicts) == 1 else None
    head = (
        f"{_e(tr('Answer:'))} {_verdict(overall)}"
        if overall is not None
        else _e(tr("Answer: it changes inside the range"))
    )
    parts = [f"<h2>{head}</h2>", intro]
    if heading:
        parts.append(f"<p><b>{_e(heading)}</b></p>")
    first_day, last_day = territory.periods[0].start, territory.periods[-1].end
    span = first_day.isoformat() if first_day == last_day else f"{first_day.isoformat()} — {last_day.isoformat()}"
    parts.append(_question(first, span))
    parts.append(f"<p><b>{_e(_changes_line(territory))}</b></p>")
    for change in territory.changes:
        if change.before != change.after:
            what = tr("On {day} the answer changes from {before} to {after}, because:").format(
                day=ltr(change.day.isoformat()), before=verdict_text(change.before), after=verdict_text(change.after)
            )
        else:
            what = tr("On {day} the answer stays {verdict} but its grounds change:").format(
                day=ltr(change.day.isoformat()), verdict=verdict_text(change.after)
            )
        parts.append(
            f"<p>{_e(what)}</p><ul>" + "".join(f"<li dir='ltr'>{_e(b)}</li>" for b in change.because) + "</ul>"
        )
    for period in territory.periods:
        if not whole:
            when = tr("From {start} to {end}:").format(
                start=ltr(period.start.isoformat()), end=ltr(period.end.isoformat())
            )
            parts.append(f"<h3>{_e(when)} {_verdict(period.answer.verdict)}</h3>")
        parts.append(_answer_body(period.answer))
    return "".join(parts)


def range_answer_html(territory: TerritoryAnswers) -> str:
    """The answer over a range of dates asked in the form."""
    return territory_html(territory) + _caveats(territory.periods[0].answer)


def incident_answer_html(result: IncidentJurisdiction) -> str:
    """The answer over an incident's whole range, for each country it may be in."""
    parts = [f"<p><b>{_e(tr('Incident'))}</b> {_e(ltr(f'{result.incident} {result.title}'))}</p>"]
    codes = ", ".join(t.name for t in result.territories)
    if result.country_from is CountryFrom.TYPED:
        country = tr("Country: {codes} (chosen in the form)").format(codes=codes)
    else:
        found = result.located
        assert found is not None
        radius = "?" if found.radius_m is None else f"±{found.radius_m:g} m"
        where = tr("from its coordinates {lat}, {lon} (precision {precision}, {radius})").format(
            lat=found.latitude, lon=found.longitude, precision=found.precision.value, radius=radius
        )
        if found.finding is Finding.UNCERTAIN:
            country = tr("Country: UNCERTAIN, {where}: it may be {codes}").format(where=where, codes=codes)
        else:
            country = tr("Country: {codes}, {where}").format(codes=codes, where=where)
    parts.append(f"<p>{_e(country)}</p>")
    if result.located is not None:
        parts.append("".join(_en(note) for note in result.located.notes))
    span = ltr(result.start.isoformat() if result.start == result.end else f"{result.start} — {result.end}")
    rng = tr("Range: {span} (time precision {precision}, zone {zone})").format(
        span=span, precision=QCoreApplication.translate("TimePrecision", result.time_precision), zone=result.time_zone
    )
    parts.append(f"<p>{_e(rng)}</p>" + "".join(_en(note) for note in result.notes))
    if len(result.territories) > 1:
        parts.append(
            f"<p><b>{_e(tr('The answer depends on which country it is: choose the territory in the form.'))}</b></p>"
            if result.depends_on_country
            else f"<p>{_e(tr('The answer is the same whichever of these countries it is.'))}</p>"
        )
    intro = "".join(parts)
    shown = []
    for number, territory in enumerate(result.territories):
        heading = tr("On the territory of {name}").format(name=territory.name)
        shown.append(territory_html(territory, heading=heading, intro=intro if number == 0 else ""))
    parts = ["<hr/>".join(shown)]
    parts.append(_caveats(result.territories[0].periods[0].answer))
    return "".join(parts)
