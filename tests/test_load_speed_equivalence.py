"""What the load path must keep doing now that it reads and walks a dossier in fewer passes.

The JSON reader checks duplicate keys and the nesting limit without a loop of
its own per value, and loading walks the report once for anchoring, minting,
integrity and canonical order. These tests pin the edges of that: nesting of
exactly 64 and 65 levels, which fault wins when a document has several,
duplicate keys deep inside, ids minted and lists sorted as before, spans
with a prefix and suffix, and faults located at the node walk order puts second.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import dossier
from dossier.errors import InvalidDossier
from dossier.reading import MAX_DEPTH, parse_json

TEXT = "Anna Berg met Omar Haddad in Lyon. Berg gave Haddad a vase."


def _span(quote: str, nth: int = 0, **extra: Any) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    return {"quote": quote, "start": start, "end": start + len(quote), **extra}


BASE: dict[str, Any] = {
    "id": "t",
    "language": "en",
    "text": TEXT,
    "persons": [
        {"id": "berg", "name": "Anna Berg", "aliases": ["Berg", "Anna", "Berg"],
         "evidence": [_span("Berg", 1), _span("Anna Berg")]},
        {"id": "haddad", "name": "Omar Haddad", "evidence": [_span("Omar Haddad")]},
    ],
    "places": [
        {"id": "france", "name": "France", "kind": "country", "evidence": [_span("Lyon")]},
        {"id": "lyon", "name": "Lyon", "kind": "city", "part_of": "france", "evidence": [_span("Lyon")],
         "geo": {"latitude": "45.76", "longitude": "4.84", "source": "a gazetteer"}},
    ],
    "events": [
        {"id": "meeting", "kind": "meeting", "place": "lyon",
         "participants": [{"actor": "haddad", "role": "guest"}, {"actor": "berg", "role": "host"},
                          {"actor": "france", "role": "host"}],
         "evidence": [_span("met")]},
    ],
}


def _load(doc: dict[str, Any]) -> dossier.Report:
    return dossier.loads(json.dumps(doc), syntax="json", name="case.json")


def _nested(depth: int, kind: str) -> str:
    """``depth`` levels of lists and objects around a 1: objects only, lists only, or taking turns."""
    text = "1"
    for level in range(depth):
        if kind == "objects" or (kind == "mixed" and level % 2):
            text = '{"k": ' + text + "}"
        else:
            text = "[" + text + "]"
    return text


@pytest.mark.parametrize("kind", ["lists", "objects", "mixed"])
def test_nesting_of_exactly_max_depth_is_read(kind: str) -> None:
    doc = parse_json(_nested(MAX_DEPTH, kind), "deep.json")
    value, levels = doc.data, 0
    while isinstance(value, (list, dict)):
        value = value[0] if isinstance(value, list) else value["k"]
        levels += 1
    assert levels == MAX_DEPTH == 64


@pytest.mark.parametrize("kind", ["lists", "objects", "mixed"])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, MAX_DEPTH + 2, 500])
def test_nesting_deeper_than_max_depth_is_refused(kind: str, depth: int) -> None:
    with pytest.raises(InvalidDossier) as info:
        parse_json(_nested(depth, kind), "deep.json")
    assert [(p.rule, p.message, p.line) for p in info.value.problems] == [
        ("limit", "nesting deeper than 64 levels", None)]


def test_nesting_limit_counts_the_deepest_branch_only() -> None:
    wide = "[" + ", ".join([_nested(MAX_DEPTH - 1, "mixed")] * 50 + ['{"a": [1, [2]]}']) + "]"
    assert len(parse_json(wide).data) == 51
    with pytest.raises(InvalidDossier):
        parse_json("[" + ", ".join([_nested(3, "lists")] * 50 + [_nested(MAX_DEPTH, "mixed")]) + "]")


def _depth(text: str) -> int:
    """The nesting depth of JSON ``text``, counted on the characters (its strings hold no brackets or quotes)."""
    depth = deepest = 0
    for ch in text:
        depth += (ch in "[{") - (ch in "]}")
        deepest = max(deepest, depth)
    return deepest


def _chain(links: int) -> dict[str, Any]:
    """A dossier with one claim whose attribution passes through ``links`` more hands: one level each."""
    doc = copy.deepcopy(BASE)
    attribution: dict[str, Any] = {"by": "berg", "capacity": "claimant"}
    doc["claims"] = [{"id": "c", "text": "Berg gave Haddad a vase", "attribution": attribution,
                      "certainty": "certain", "polarity": "positive", "tense": "non-future",
                      "evidence": [_span("Berg gave Haddad a vase")]}]
    for _ in range(links):
        attribution["via"] = {"by": "haddad", "capacity": "reporter"}
        attribution = attribution["via"]
    return doc


@pytest.mark.parametrize("links", [0, 30, 58, 59, 60, 61, 62, 400])
def test_loading_refuses_a_chain_of_attributions_exactly_past_the_limit(links: int) -> None:
    # The loader leaves the depth of JSON to the models where they bound it; a chain of attributions they do not.
    text = json.dumps(_chain(links))
    if _depth(text) <= MAX_DEPTH:
        report = dossier.loads(text, syntax="json", name="chain.json")
        hands, attribution = 0, report.claims[0].attribution
        while attribution.via is not None:
            hands, attribution = hands + 1, attribution.via
        assert hands == links
    else:
        with pytest.raises(InvalidDossier) as info:
            dossier.loads(text, syntax="json", name="chain.json")
        assert [(p.rule, p.message) for p in info.value.problems] == [("limit", "nesting deeper than 64 levels")]


@pytest.mark.parametrize("where", ["root", "field", "unknown field"])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 900])
def test_loading_refuses_deep_data_before_naming_other_faults(where: str, depth: int) -> None:
    deep = _nested(depth, "mixed")
    doc = copy.deepcopy(BASE)
    if where == "field":
        doc["persons"][0]["aliases"] = "DEEP"
    elif where == "unknown field":
        doc["extra"] = "DEEP"
    text = deep if where == "root" else json.dumps(doc).replace('"DEEP"', deep)
    with pytest.raises(InvalidDossier) as info:
        dossier.loads(text, syntax="json", name="deep.json")
    assert [(p.rule, p.message) for p in info.value.problems] == [("limit", "nesting deeper than 64 levels")]


def test_a_syntax_error_is_reported_before_the_nesting_limit() -> None:
    with pytest.raises(InvalidDossier) as info:
        parse_json(_nested(MAX_DEPTH + 5, "mixed") + " x", "deep.json")
    assert info.value.first.rule == "syntax"


def test_a_duplicate_key_is_reported_before_the_nesting_limit() -> None:
    text = "[" * (MAX_DEPTH + 5) + '{"a": 1, "a": 2}' + "]" * (MAX_DEPTH + 5)
    with pytest.raises(InvalidDossier) as info:
        parse_json(text, "deep.json")
    assert [(p.rule, p.message) for p in info.value.problems] == [
        ("duplicate-key", "key 'a' appears twice in one object")]


def test_a_duplicate_key_deep_inside_is_named_and_located() -> None:
    text = ('{"id": "t",\n "persons": [\n  {"id": "p", "evidence": [],\n   "name": "A",\n   "name": "B"}\n ]\n}')
    with pytest.raises(InvalidDossier) as info:
        parse_json(text, "dup.json")
    assert [str(p) for p in info.value.problems] == ["dup.json:5:4: key 'name' appears twice in one object "
                                                     "[duplicate-key]"]


def test_a_repeated_key_in_different_objects_is_no_duplicate() -> None:
    doc = parse_json('[{"a": 1, "b": 2}, {"a": 3, "b": 4}, {"c": {"a": 5}}]')
    assert doc.data == [{"a": 1, "b": 2}, {"a": 3, "b": 4}, {"c": {"a": 5}}]


def test_ids_are_minted_and_lists_put_in_canonical_order() -> None:
    report = _load(BASE)
    berg = report.persons[0]
    assert berg.aliases == ["Anna", "Berg"]  # sorted, the repeat dropped
    assert [e.id for e in berg.evidence] == ["berg/evidence/0-9", "berg/evidence/35-39"]  # by offsets
    assert report.places[1].geo.id == "lyon/geo"  # a single node: no index
    # List items are numbered by their place as given, then sorted by id.
    assert [(p.id, p.actor) for p in report.events[0].participants] == [
        ("meeting/participants/1", "haddad"), ("meeting/participants/2", "berg"), ("meeting/participants/3", "france")]
    assert "id" in report.events[0].participants[0].model_fields_set


def test_loading_twice_gives_the_same_report() -> None:
    first = _load(BASE)
    again = dossier.loads(json.dumps(first.model_dump(mode="json", exclude_none=True)), syntax="json")
    assert again == first


def test_span_with_right_prefix_and_suffix_loads_and_a_wrong_one_is_located() -> None:
    doc = copy.deepcopy(BASE)
    doc["persons"][1]["evidence"] = [_span("Omar Haddad", prefix="met ", suffix=" in")]
    assert _load(doc).persons[1].evidence[0].start == TEXT.index("Omar")
    doc["persons"][1]["evidence"] = [_span("Omar Haddad", prefix="met ", suffix=" at")]
    with pytest.raises(InvalidDossier) as info:
        _load(doc)
    assert [(p.rule, p.path) for p in info.value.problems] == [("evidence-mismatch", "$.persons[1].evidence[0]")]


def test_a_country_may_act_and_a_city_may_not() -> None:
    _load(BASE)
    doc = copy.deepcopy(BASE)
    doc["events"][0]["participants"][2]["actor"] = "lyon"
    with pytest.raises(InvalidDossier) as info:
        _load(doc)
    assert [(p.rule, p.path) for p in info.value.problems] == [
        ("wrong-reference-kind", "$.events[0].participants[2].actor")]


def test_an_id_minted_twice_is_reported_where_the_walk_meets_it_second() -> None:
    doc = copy.deepcopy(BASE)
    doc["persons"][0]["id"] = "meeting/participants/2"  # persons come before events in the walk
    for person_ref in doc["events"][0]["participants"]:
        if person_ref["actor"] == "berg":
            person_ref["actor"] = "meeting/participants/2"
    with pytest.raises(InvalidDossier) as info:
        _load(doc)
    assert [(p.rule, p.path, p.message) for p in info.value.problems if p.rule == "duplicate-id"] == [
        ("duplicate-id", "$.events[0].participants[1].id", "id 'meeting/participants/2' is already used at $.persons[0]")]
