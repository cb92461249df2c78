"""The checks of loading, now that they ask first, in bulk, whether there can be a fault.

The walk gathers evidence after the nodes that hold it, the references are
checked by sets, a list is sorted only when out of order, and repeated keys
are counted without taking the whitespace out of one-line JSON. These tests
pin what must not change: faults named and located in walk order, the
references that are and are not right, canonical order, minted ids, and the
repeated keys that only a careful count finds.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import dossier
from dossier import formats
from dossier.errors import InvalidDossier
from dossier.loading import report_from_document, report_from_json
from dossier.models import Evidence, Node
from dossier.reading import parse_json
from dossier.walk import Tree, walk

TEXT = "Anna Berg met Omar Haddad in Lyon, France. Berg gave Haddad a vase: a gift."


def _span(quote: str, **extra: Any) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), **extra}


BASE: dict[str, Any] = {
    "id": "t", "language": "en", "text": TEXT,
    "persons": [
        {"id": "berg", "name": "Anna Berg", "roles": [{"title": "host", "evidence": [_span("Anna")]}],
         "evidence": [_span("Anna Berg"), _span("Berg gave")]},
        {"id": "haddad", "name": "Omar Haddad", "evidence": [_span("Omar Haddad")]},
    ],
    "places": [
        {"id": "france", "name": "France", "kind": "country", "evidence": [_span("France")]},
        {"id": "lyon", "name": "Lyon", "kind": "city", "part_of": "france", "evidence": [_span("Lyon")]},
    ],
    "events": [
        {"id": "meeting", "kind": "meeting", "place": "lyon", "evidence": [_span("met")],
         "participants": [{"actor": "haddad", "role": "guest", "evidence": [_span("Omar")]},
                          {"actor": "france", "role": "host"}]},
    ],
}


def _outcome(text: str) -> Any:
    """What both ways of reading give: the canonical JSON, or each problem as a person sees it."""
    outcomes = []
    for read in (lambda: formats.loads_as(text, "json", name="x.json"),
                 lambda: report_from_document(parse_json(text, "x.json"))):
        try:
            outcomes.append(formats.dumps(read(), "json"))
        except InvalidDossier as exc:
            outcomes.append([str(p) for p in exc.problems])
    assert outcomes[0] == outcomes[1]
    return outcomes[0]


def _problems(doc: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(InvalidDossier) as info:
        dossier.loads(json.dumps(doc), syntax="json", name="x.json")
    return [(p.rule, p.path) for p in info.value.problems]


def test_the_base_loads_the_same_either_way() -> None:
    assert isinstance(_outcome(json.dumps(BASE)), str)


def test_spans_are_faulted_in_walk_order_though_gathered_after_the_walk() -> None:
    doc = copy.deepcopy(BASE)
    doc["persons"][0]["evidence"][1]["start"] += 1  # the person's own span comes after its role's in walk order
    doc["persons"][0]["roles"][0]["evidence"][0]["quote"] = "Omar"
    doc["events"][0]["participants"][0]["evidence"][0].pop("start")
    doc["places"][1]["evidence"][0] = {"quote": "a"}  # quote only, and more than once in the text
    assert _problems(doc) == [
        ("evidence-mismatch", "$.persons[0].roles[0].evidence[0]"),
        ("evidence-mismatch", "$.persons[0].evidence[1]"),
        ("evidence-ambiguous", "$.places[1].evidence[0]"),
        ("evidence-offsets", "$.events[0].participants[0].evidence[0]"),
    ]


def test_spans_without_text_are_faulted_in_walk_order() -> None:
    doc = copy.deepcopy(BASE)
    del doc["text"]
    doc["events"][0]["evidence"][0].pop("end")
    doc["persons"][1]["evidence"][0].pop("start")
    assert _problems(doc) == [("evidence-unanchored", "$.persons[1].evidence[0]"),
                              ("evidence-unanchored", "$.events[0].evidence[0]")]


@pytest.mark.parametrize("actor, rule", [("france", None), ("lyon", "wrong-reference-kind"),
                                         ("meeting", "wrong-reference-kind"), ("nobody", "dangling-reference"),
                                         ("berg/evidence/0-9", "wrong-reference-kind")])
def test_an_actor_may_be_a_country_and_nothing_else_but_a_person_or_organization(actor: str, rule: str) -> None:
    doc = copy.deepcopy(BASE)
    doc["persons"][0]["evidence"][0]["id"] = "berg/evidence/0-9"
    doc["events"][0]["participants"][1]["actor"] = actor
    if rule is None:
        assert "france" in [p.actor for p in dossier.loads(json.dumps(doc), syntax="json").events[0].participants]
    else:
        assert _problems(doc) == [(rule, "$.events[0].participants[1].actor")]


def test_faults_of_references_and_cycles_are_named_and_ordered_as_before() -> None:
    doc = copy.deepcopy(BASE)
    doc["places"][0]["part_of"] = "lyon"  # a loop
    doc["events"][0]["sub_events"] = ["berg"]
    doc["persons"][0]["roles"][0]["of"] = "haddad"
    assert _problems(doc) == [("wrong-reference-kind", "$.persons[0].roles[0].of"),
                              ("cycle", "$.places[0].part_of"),
                              ("wrong-reference-kind", "$.events[0].sub_events[0]")]


def test_repeated_and_minted_ids_are_found() -> None:
    doc = copy.deepcopy(BASE)
    doc["persons"][1]["evidence"][0]["id"] = "berg/roles/1"  # the id the role is minted
    assert _problems(doc) == [("duplicate-id", "$.persons[1].evidence[0].id")]
    doc["persons"][1]["id"] = "berg"
    assert _problems(doc)[0] == ("duplicate-id", "$.persons[1].id")


def test_ids_are_minted_and_lists_sorted_only_where_out_of_order() -> None:
    doc = copy.deepcopy(BASE)
    doc["persons"].reverse()
    doc["persons"][0]["aliases"] = ["Omar", "Haddad", "Omar"]
    report = dossier.loads(json.dumps(doc), syntax="json")
    assert [p.id for p in report.persons] == ["berg", "haddad"]
    assert report.persons[1].aliases == ["Haddad", "Omar"]
    assert [e.id for e in report.persons[0].evidence] == ["berg/evidence/0-9", "berg/evidence/43-52"]
    assert report.persons[0].roles[0].id == "berg/roles/1"
    assert [p.id for p in report.events[0].participants] == ["meeting/participants/1", "meeting/participants/2"]
    assert all("id" in node.model_fields_set for _, node in walk(report))
    for _, node in walk(report):
        assert node.sort_key() == type(node).key_of(node.__dict__)
    assert _outcome(json.dumps(doc)) == formats.dumps(report, "json")


def test_spans_without_text_keep_the_sort_key_of_an_end_of_zero() -> None:
    doc = copy.deepcopy(BASE)
    del doc["text"]
    doc["persons"][0]["evidence"] = [{"quote": "b", "start": 0, "end": 1}, {"quote": "a", "start": 0, "end": 0},
                                     {"quote": "a", "start": 0, "end": 0, "id": "a"}]
    assert [(e.end, e.id) for e in dossier.loads(json.dumps(doc), syntax="json").persons[0].evidence] == [
        (0, "a"), (0, "berg/evidence/0-0"), (1, "berg/evidence/0-1")]


@pytest.mark.parametrize("separator", [" : ", ' :', "\t:", "\n:", ":\n", "\r\n:"])
def test_a_repeated_key_is_found_however_the_json_is_spaced(separator: str) -> None:
    doc = copy.deepcopy(BASE)
    doc["headline"] = 'a "quoted": "one"'  # a string holding ": to even up the count of keys
    text = json.dumps(doc, separators=(", ", separator)).replace('"kind"' + separator + '"city"',
                                                                 '"kind"' + separator + '"city", "kind": "city"')
    assert text.count('"kind"') == 4
    assert report_from_json(text) is None
    [problem] = _outcome(text)
    assert problem.endswith(": key 'kind' appears twice in one object [duplicate-key]")


@pytest.mark.parametrize("separator", [": ", ":", " : ", "\n: "])
def test_json_spaced_any_way_loads_the_fast_way(separator: str) -> None:
    text = json.dumps(BASE, separators=(",", separator))
    report = report_from_json(text)
    assert report is not None and formats.dumps(report, "json") == _outcome(text)


def test_tree_gathers_every_node_and_locates_them_as_walk_does() -> None:
    report = dossier.loads(json.dumps(BASE), syntax="json")
    tree = Tree(report)
    walked = list(walk(report))
    assert sorted(map(id, tree.nodes)) == sorted(id(node) for _, node in walked)
    assert sorted(map(id, tree.values)) == sorted(id(node.__dict__) for _, node in walked)
    assert [id(node) for node in tree.evidence] == [id(node) for _, node in walked if isinstance(node, Evidence)]
    assert all(tree.location(node) == loc for loc, node in walked)
    assert tree.in_walk_order(list(reversed(tree.nodes))) == [node for _, node in walked]
    assert isinstance(tree.nodes[0], Node) and tree.deepest == 6 and not tree.near_limit
