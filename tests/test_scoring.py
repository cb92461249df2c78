"""Scoring drafts against curated dossiers."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from dossier.scoring import KINDS, format_scores, score

GOLD = Path(__file__).resolve().parent / "articles" / "hanoi_visit.dossier.yaml"


@pytest.fixture(scope="module")
def gold() -> dossier.Report:
    return dossier.load(GOLD)


def test_gold_against_itself_is_perfect(gold):
    s = score(gold, gold)
    for kind in KINDS:
        ks = s.kinds[kind]
        assert (ks.precision, ks.recall, ks.f1) == (1.0, 1.0, 1.0), kind
    assert (s.overall.precision, s.overall.recall, s.overall.f1) == (1.0, 1.0, 1.0)
    assert (s.evidence_precision, s.evidence_recall) == (1.0, 1.0)


def test_empty_draft_has_zero_recall(gold):
    empty = dossier.Report(id="empty", text=gold.text)
    s = score(empty, gold)
    assert all(s.kinds[k].recall == 0.0 and s.kinds[k].matched == 0 for k in KINDS)
    assert s.overall.recall == 0.0 and s.overall.f1 == 0.0 and s.evidence_recall == 0.0


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


def test_matching_ignores_ids_and_uses_names(gold):
    renamed = [p.model_copy(update={"id": f"other-{i}"}) for i, p in enumerate(gold.persons)]
    s = score(gold.model_copy(update={"persons": renamed}), gold)
    assert s.kinds["persons"].f1 == 1.0
    echeverria = next(p for p in gold.persons if p.name == "Tomás Echeverría")
    # A person with the same name (accents aside) but no shared evidence still matches.
    moved = echeverria.model_copy(update={"name": "Tomas Echeverria", "evidence": [
        dossier.Evidence(quote="Santiago", start=gold.text.index("Santiago"), end=gold.text.index("Santiago") + 8)]})
    s = score(gold.model_copy(update={"persons": [moved]}), gold)
    assert s.matches["persons"] == [(echeverria.id, echeverria.id)]


def test_matching_is_one_to_one(gold):
    twice = gold.model_copy(update={"places": gold.places + gold.places})
    ks = score(twice, gold).kinds["places"]
    assert (ks.matched, ks.draft, ks.gold) == (len(gold.places), 2 * len(gold.places), len(gold.places))
    assert ks.precision == 0.5


def test_format_scores_is_a_table(gold):
    table = format_scores(score(gold, gold))
    lines = table.splitlines()
    assert lines[0].split() == ["kind", "draft", "gold", "match", "P", "R", "F1"]
    assert [line.split()[0] for line in lines[1:]] == [*KINDS, "overall", "evidence"]
