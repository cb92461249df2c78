"""Scoring drafts against curated dossiers: matching rules and attribute accuracy, on hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from dossier.scoring import ATTRIBUTES, KINDS, MIN_IOU, format_scores, score

GOLD = Path(__file__).resolve().parent / "articles" / "hanoi_visit.dossier.yaml"


@pytest.fixture(scope="module")
def gold() -> dossier.Report:
    return dossier.load(GOLD)


def _ev(text: str, quote: str, nth: int = 0) -> dossier.Evidence:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return dossier.Evidence(quote=quote, start=start, end=start + len(quote))


def _span(text: str, start: int, end: int) -> dossier.Evidence:
    return dossier.Evidence(quote=text[start:end], start=start, end=end)


def _by_id(items, id_):
    return next(i for i in items if i.id == id_)


def test_gold_against_itself_is_perfect(gold):
    s = score(gold, gold)
    for kind in KINDS:
        ks = s.kinds[kind]
        assert (ks.precision, ks.recall, ks.f1) == (1.0, 1.0, 1.0), kind
        assert s.attribute_accuracy(kind) == 1.0, kind
        assert set(s.attributes[kind]) == set(ATTRIBUTES[kind])
    assert (s.overall.precision, s.overall.recall, s.overall.f1) == (1.0, 1.0, 1.0)
    assert (s.evidence_precision, s.evidence_recall) == (1.0, 1.0)


def test_empty_draft_has_zero_recall(gold):
    empty = dossier.Report(id="empty", text=gold.text)
    s = score(empty, gold)
    assert all(s.kinds[k].recall == 0.0 and s.kinds[k].matched == 0 for k in KINDS)
    assert s.overall.recall == 0.0 and s.overall.f1 == 0.0 and s.evidence_recall == 0.0
    assert all(a.total == 0 and a.accuracy == 1.0 for attrs in s.attributes.values() for a in attrs.values())


def test_missing_person_lowers_person_recall_exactly(gold):
    # The gold has 6 persons; without one, 5 of 6 are found: recall 5/6, precision 1, F1 = 2*(5/6)/(1+5/6) = 10/11.
    assert len(gold.persons) == 6
    draft = gold.model_copy(update={"persons": gold.persons[1:]})
    s = score(draft, gold)
    ks = s.kinds["persons"]
    assert (ks.matched, ks.draft, ks.gold) == (5, 5, 6)
    assert ks.recall == pytest.approx(5 / 6) and ks.precision == 1.0 and ks.f1 == pytest.approx(10 / 11)
    total = sum(len(getattr(gold, k)) for k in KINDS)
    assert s.overall.recall == pytest.approx((total - 1) / total)
    assert all(s.kinds[k].f1 == 1.0 for k in KINDS if k != "persons")


def test_full_name_matches_without_shared_evidence(gold):
    renamed = [p.model_copy(update={"id": f"other-{i}"}) for i, p in enumerate(gold.persons)]
    s = score(gold.model_copy(update={"persons": renamed}), gold)
    assert s.kinds["persons"].f1 == 1.0
    echeverria = _by_id(gold.persons, "echeverria")
    # Same full name (accents aside), evidence elsewhere: still the same person.
    moved = echeverria.model_copy(update={"name": "Tomas Echeverria", "evidence": [_ev(gold.text, "Santiago")]})
    s = score(gold.model_copy(update={"persons": [moved]}), gold)
    assert s.matches["persons"] == [("echeverria", "echeverria")]


def test_surname_alone_with_evidence_elsewhere_does_not_match(gold):
    # "Thành" is only an alias of Nguyễn Văn Thành: with evidence on "Hanoi" it matches nobody ...
    stray = dossier.Person(id="thanh-draft", name="Thành", evidence=[_ev(gold.text, "Hanoi")])
    s = score(gold.model_copy(update={"persons": [stray]}), gold)
    assert s.matches["persons"] == [] and s.kinds["persons"].precision == 0.0
    # ... and on one of his own mentions it matches him (alias plus shared evidence).
    placed = stray.model_copy(update={"evidence": [_ev(gold.text, "Thành welcomed")]})
    s = score(gold.model_copy(update={"persons": [placed]}), gold)
    assert s.matches["persons"] == [("thanh-draft", "thanh")]


def test_full_name_beats_alias(gold):
    # Two draft persons claim Echeverría: the full name wins, even though the alias shares more evidence.
    full = dossier.Person(id="full", name="Tomás Echeverría", evidence=[_ev(gold.text, "Tomás Echeverría")])
    alias = dossier.Person(id="alias", name="Echeverría", evidence=[
        dossier.Evidence(quote=e.quote, start=e.start, end=e.end) for e in _by_id(gold.persons, "echeverria").evidence])
    s = score(gold.model_copy(update={"persons": [alias, full]}), gold)
    assert ("full", "echeverria") in s.matches["persons"]
    assert all(d != "alias" for d, _ in s.matches["persons"])


def test_unnamed_source_matches_by_evidence_iou(gold):
    text = gold.text
    a = text.index("An economist from Santiago")  # gold span: 26 characters
    # "An economist" (12 chars) inside the 26: IoU 12/26 = 0.46 >= 0.3: a match.
    short = dossier.Person(id="x", evidence=[_span(text, a, a + 12)])
    assert score(gold.model_copy(update={"persons": [short]}), gold).matches["persons"] == [("x", "economist")]
    # "An" (2 chars): IoU 2/26 = 0.08 < 0.3: no match on one shared word.
    tiny = dossier.Person(id="x", evidence=[_span(text, a, a + 2)])
    assert score(gold.model_copy(update={"persons": [tiny]}), gold).matches["persons"] == []


def test_event_needs_substantial_evidence_overlap(gold):
    text = gold.text
    signing = _by_id(gold.events, "signing")  # "signed a memorandum on agricultural trade": 41 characters
    s0 = signing.evidence[0].start
    assert signing.evidence[0].end - s0 == 41

    def run(start: int, end: int):
        ev = dossier.Event(id="d", kind="agreement", evidence=[_span(text, start, end)])
        return score(gold.model_copy(update={"events": [ev]}), gold).matches["events"]
    # The trigger "signed" alone: IoU 6/41 = 0.15 < 0.3, and one pair IoU 0.15 < 0.6: no match.
    assert run(s0, s0 + 6) == []
    # "signed a memorandum" (19 chars): IoU 19/41 = 0.46 >= 0.3: a match.
    assert run(s0, s0 + 19) == [("d", "signing")]
    # A span that also runs 60 characters past the gold's: IoU 41/101 = 0.41: a match; 100 past: 41/141 = 0.29: none.
    assert run(s0, s0 + 101) == [("d", "signing")]
    assert 41 / 141 < MIN_IOU and ("d", "signing") not in run(s0, s0 + 141)


def test_event_with_some_of_its_mentions_matches(gold):
    # The gold talks have two spans, "held talks in Hanoi" (19) and "the meeting" (11): finding only "the meeting"
    # gives a character IoU of 11/30 = 0.37 (a match by IoU).
    talks = _by_id(gold.events, "talks")
    meeting = talks.evidence[1]
    ev = dossier.Event(id="d", kind="talks", evidence=[_span(gold.text, meeting.start, meeting.end)])
    assert score(gold.model_copy(update={"events": [ev]}), gold).matches["events"] == [("d", "talks")]
    # A span that overlaps the gold elsewhere as well ("the meeting" plus an unrelated sentence) does not.
    other = _ev(gold.text, "Analysts say")
    ev2 = ev.model_copy(update={"evidence": [*ev.evidence, _span(gold.text, other.start, other.start + 200)]})
    assert score(gold.model_copy(update={"events": [ev2]}), gold).matches["events"] == []


def test_swapped_giver_lowers_gift_attribute_accuracy(gold):
    bowl = _by_id(gold.gifts, "bowl")
    swapped = bowl.model_copy(update={"given_by": bowl.given_to, "given_to": bowl.given_by})
    gifts = [swapped if g.id == "bowl" else g for g in gold.gifts]
    s = score(gold.model_copy(update={"gifts": gifts}), gold)
    assert s.kinds["gifts"].f1 == 1.0  # still matched: the bowl is the bowl ...
    a = s.attributes["gifts"]  # ... but one of two gifts has giver and recipient wrong
    assert (a["giver"].correct, a["giver"].total) == (1, 2) and a["giver"].accuracy == 0.5
    assert a["recipient"].accuracy == 0.5 and a["basis"].accuracy == 1.0
    assert s.attribute_accuracy("gifts") == pytest.approx(4 / 6)


def test_reference_to_an_unmatched_item_is_wrong(gold):
    # The giver of the bowl is matched by name, but if the draft's giver matches no gold person the giver is wrong.
    persons = [p for p in gold.persons if p.id != "echeverria"]
    s = score(gold.model_copy(update={"persons": persons}), gold)
    assert s.attributes["gifts"]["giver"].correct == 1 and s.attributes["gifts"]["recipient"].correct == 1


def test_claim_attributes(gold):
    claims = list(gold.claims)
    i = next(k for k, c in enumerate(claims) if c.id == "claim-tariffs")
    c = claims[i]
    claims[i] = c.model_copy(update={
        "polarity": "negative", "certainty": "certain", "condition": None,
        "attribution": c.attribution.model_copy(update={"by": "analysts", "via": None})})
    s = score(gold.model_copy(update={"claims": claims}), gold)
    a = s.attributes["claims"]
    assert {k: (v.correct, v.total) for k, v in a.items()} == {
        "claimant": (4, 5), "via": (4, 5), "certainty": (4, 5), "polarity": (4, 5), "tense": (5, 5),
        "condition": (4, 5)}


def test_event_and_place_attributes(gold):
    events = [e.model_copy(update={"time": None, "place": "jakarta", "type": "HypotheticalEvent"})
              if e.id == "arrival" else e for e in gold.events]
    places = [p.model_copy(update={"part_of": None, "kind": "region"}) if p.id == "hanoi" else p for p in gold.places]
    s = score(gold.model_copy(update={"events": events, "places": places}), gold)
    n = len(gold.events)
    ev = s.attributes["events"]
    assert (ev["time"].correct, ev["place"].correct, ev["type"].correct) == (n - 1, n - 1, n - 1)
    assert ev["kind"].correct == ev["participants"].correct == n
    pl = s.attributes["places"]
    assert (pl["kind"].correct, pl["part_of"].correct, pl["kind"].total) == (len(places) - 1, len(places) - 1, len(places))


def test_role_titles_compare_by_office(gold):
    thanh = _by_id(gold.persons, "thanh")
    role = thanh.roles[0]
    longer = role.model_copy(update={"title": "Vietnamese Prime Minister"})
    wrong = role.model_copy(update={"title": "Foreign Minister"})
    for new_role, ok in ((longer, 1), (wrong, 0)):
        persons = [p.model_copy(update={"roles": [new_role]}) if p.id == "thanh" else p for p in gold.persons]
        a = score(gold.model_copy(update={"persons": persons}), gold).attributes["persons"]["roles"]
        assert (a.correct, a.total) == (len(persons) - 1 + ok, len(persons))


def test_matching_is_one_to_one(gold):
    twice = gold.model_copy(update={"places": gold.places + gold.places})
    ks = score(twice, gold).kinds["places"]
    assert (ks.matched, ks.draft, ks.gold) == (len(gold.places), 2 * len(gold.places), len(gold.places))
    assert ks.precision == 0.5


def test_format_scores_has_two_tables(gold):
    table = format_scores(score(gold, gold))
    first, second = table.split("\n\n")
    lines = first.splitlines()
    assert lines[0].split() == ["kind", "draft", "gold", "match", "P", "R", "F1"]
    assert [line.split()[0] for line in lines[1:]] == [*KINDS, "overall", "evidence"]
    rows = second.splitlines()
    assert rows[0].split() == ["kind", "attribute", "right", "pairs", "acc"]
    assert [tuple(r.split()[:2]) for r in rows[1:]] == [(k, a) for k in KINDS for a in ATTRIBUTES[k]]
