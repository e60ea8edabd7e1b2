"""The jurisdiction data is internally consistent: Art 126 dates, intervals, codes, amendments."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseapp.core.legal.consent import GroundStatus, Via, accepted, as_party
from caseapp.core.legal.loader import load_catalogue
from caseapp.core.legal.states import load_jurisdiction_data

DATA = load_jurisdiction_data()


def art126(deposit: dt.date) -> dt.date:
    """Entry into force: 2002-07-01 for deposits up to the 60th (2002-04-11); else first day of the
    month after the 60th day following the deposit."""
    if deposit <= dt.date(2002, 4, 11):
        return dt.date(2002, 7, 1)
    day60 = deposit + dt.timedelta(days=60)
    return dt.date(day60.year + (day60.month == 12), day60.month % 12 + 1, 1)


def test_article_126_reproduces_every_entry_into_force() -> None:
    checked = 0
    for party in DATA.parties.values():
        if party.start is None:
            assert party.iso2 == "MY"  # accession withdrawn before entry into force
            continue
        if party.iso2 == "ME":  # succession; flagged with its alternative date
            assert party.eif_alternative == art126(party.deposit_date)
            continue
        assert party.start == art126(party.deposit_date), party.name
        checked += 1
    assert checked == 126


def test_malawi_correction_is_in_the_shipped_table() -> None:
    malawi = DATA.parties["MW"]
    assert malawi.deposit_date == dt.date(2002, 9, 19)
    assert malawi.start == dt.date(2002, 12, 1)
    assert malawi.date_status == "corrected"


def test_125_states_parties_today_as_the_icc_counts_them() -> None:
    today = DATA.as_of
    current = [p for p in DATA.parties.values() if as_party(DATA, p.iso2, today).via is Via.PARTY]
    assert len(current) == 125
    assert {"BI", "PH", "MY"}.isdisjoint(p.iso2 for p in current)
    assert {"UA", "AM", "KI", "HU"} <= {p.iso2 for p in current}


def test_intervals_are_well_formed_and_withdrawals_dated() -> None:
    for party in DATA.parties.values():
        if party.end is not None:
            assert party.start is not None and party.start < party.end
            assert party.withdrawal_notified is not None
            # Art 127(1): effective one year after the notification.
            assert party.end == party.withdrawal_notified.replace(year=party.withdrawal_notified.year + 1)
    assert DATA.parties["BI"].end == dt.date(2017, 10, 27)
    assert DATA.parties["PH"].end == dt.date(2019, 3, 17)
    assert DATA.parties["HU"].end is None and DATA.parties["HU"].pending_end == dt.date(2026, 6, 2)


# Every party with a firm entry-into-force date (Malaysia never had one; Montenegro and Saint Vincent
# and the Grenadines have flagged, doubtful dates tested in the situations table).
FIRM = sorted(iso for iso, p in DATA.parties.items() if p.start is not None and not p.uncertain_window())


def test_only_the_flagged_rows_lack_a_firm_date() -> None:
    assert set(DATA.parties) - set(FIRM) == {"MY", "ME", "VC"}


@pytest.mark.parametrize("iso", FIRM)
def test_entry_into_force_boundary_for_every_party(iso: str) -> None:
    party = DATA.parties[iso]
    assert party.start is not None
    before = accepted(DATA, iso, party.start - dt.timedelta(days=1), territorial=False)
    on = accepted(DATA, iso, party.start, territorial=False)
    assert before.status is GroundStatus.NOT_MET or party.start == DATA.statute_in_force
    assert on.status is GroundStatus.MET
    assert str(party.start) in on.reason


def test_every_code_used_is_a_known_country() -> None:
    for party in DATA.parties.values():
        assert party.iso2 in DATA.countries
    for amendment in DATA.amendments:
        for iso, acceptance in amendment.acceptances.items():
            assert iso in DATA.parties, (amendment.id, iso)  # only States Parties accept amendments
            assert acceptance.deposited >= amendment.adopted, (amendment.id, iso)
    assert len(DATA.countries) >= 200


def test_amendments_name_real_catalogue_crimes() -> None:
    catalogue = load_catalogue()
    for amendment in DATA.amendments:
        for crime_id in amendment.crimes:
            crime = catalogue.crime(crime_id)
            assert crime is not None, crime_id
            assert crime.amendment == amendment.id
    assert DATA.amendment("RC/Res.5").decisive_until == dt.date(2024, 1, 20)
    assert DATA.amendment("ICC-ASP/16/Res.4-frag").decisive_until is None


def test_declarations_and_referrals() -> None:
    ids = {d.id: d for d in DATA.declarations}
    assert ids["UA-2014"].covers(dt.date(2014, 2, 22)) and not ids["UA-2014"].covers(dt.date(2014, 2, 23))
    assert ids["PS-2014"].start == dt.date(2014, 6, 13)
    assert not ids["PS-2009"].effective and ids["PS-2009"].why_not_effective
    assert {r.territory: r.start for r in DATA.referrals} == {"SD": dt.date(2002, 7, 1), "LY": dt.date(2011, 2, 15)}
    assert DATA.aggression_activation == dt.date(2018, 7, 17)


@given(
    iso=st.sampled_from(FIRM),
    day=st.dates(min_value=dt.date(2002, 7, 1), max_value=dt.date(2030, 12, 31)),
)
@settings(max_examples=300, deadline=None)
def test_party_consent_is_exactly_the_interval(iso: str, day: dt.date) -> None:
    party = DATA.parties[iso]
    assert party.start is not None
    inside = party.start <= day and (party.end is None or day < party.end)
    consent = as_party(DATA, iso, day)
    announced = DATA.announced_withdrawals.get(iso)
    if party.pending_end is not None and day >= party.pending_end:
        assert consent.status is GroundStatus.UNCERTAIN
    elif announced is not None and day >= announced.earliest_effect:
        assert consent.status is GroundStatus.UNCERTAIN, (iso, day)
    else:
        assert (consent.status is GroundStatus.MET) == inside, (iso, day, consent.reason)
