"""The code written per model class (dossier.linked.codegen) against the plain rule it replaces.

``node_records`` runs a function written for each model class; here the
plain rule, a walk that asks every field what kind of term it is, gives the
records it must give. The writers that go straight from the model
(``report_nquads``, ``report_ntriples``, ``report_turtle``) must give the
bytes the record writers give. On the seed, on the hostile dossier, on
generated dossiers, on dossiers that were never checked, on a nesting deeper
than the recursion limit, and on model classes made here to take the paths
no model of dossier takes yet: fields that share a predicate and merge, a
run of node fields that merge, inverse links.
"""

from __future__ import annotations

import copy
import sys
from contextlib import contextmanager
from typing import Annotated, Any, Callable, Iterator, Optional
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import Field

import dossier
from dossier import terms as t
from dossier.linked import codegen, ntriples, turtle, turtlegen
from dossier.linked.mapping import class_iris, fields_of, mint_base
from dossier.linked.ntriples import report_lines, report_nquads, report_ntriples, write_nquads, write_ntriples
from dossier.linked.quads import K_IRI, K_LIT, K_TYPED, MANY, check_base, hypothetical_graphs, merged, node_records
from dossier.linked.turtle import report_turtle, write_trig, write_turtle
from dossier.models import Attribution, Event, Evidence, Passage, Person, Role
from dossier.vocabulary import OrgKind

from strategies import valid_reports
from test_fastpath import _hostile_report, _unchecked

# The last two make IRIs of the vocabulary relative, or the nodes' IRIs prefixed names, in Turtle.
BASES = [None, "https://news.example/{id}#", "urn:x-news:{id}/", "https://schema.org/", t.DOS]


# ---- the plain rule: one walk, a test per field of what kind of term it is


def plain_records(report: dossier.Report, base: Optional[str] = None) -> list[Any]:
    """The node records of ``report`` as the plain rule makes them (what node_records must give)."""
    prefix = check_base(mint_base(report, base))
    lang = report.language or None
    placement = hypothetical_graphs(report)
    types = class_iris()
    out: list[Any] = []
    stack: list[Any] = [(report, prefix + report.id, (None,), None)]
    while stack:
        node, subject, graphs, link = stack.pop()
        statements: list[Any] = [(t.NS["rdf"] + "type", K_IRI, None, types[node.type])]
        if link is not None:
            statements.append(link)
        out.append((subject, graphs, statements))
        held: list[Any] = []
        predicates = []
        for fm in fields_of(type(node)):
            term, value = fm.term, getattr(node, fm.name)
            if not term.inverse:
                predicates.append(term.iri)
            if value is None or (fm.many and not value):
                continue
            if term.kind == "node":
                iris = []
                for item in value if fm.many else [value]:
                    iri = prefix + item.id
                    iris.append(iri)
                    child_graphs = graphs
                    if isinstance(item, Event) and item.hypothetical and item.id in placement:
                        child_graphs = tuple(prefix + c for c in placement[item.id])
                    held.append((item, iri, child_graphs, (term.iri, K_IRI, None, subject) if term.inverse else None))
                if not term.inverse:
                    statements.append(_one_or_many(term.iri, K_IRI, None, iris))
                continue
            if term.kind == "boolean" and not fm.many:
                if value:
                    statements.append((term.iri, K_TYPED, term.datatype, "true"))
                continue
            values = list(dict.fromkeys(value)) if fm.many else [value]
            if term.kind == "text":
                kind, extra, lexical = K_LIT, lang, values
            elif term.kind == "plain":
                kind, extra, lexical = K_LIT, None, values
            elif term.kind == "ref":
                kind, extra, lexical = K_IRI, None, [prefix + v for v in values]
            elif term.kind == "vocab":
                kind, extra, lexical = K_IRI, None, [t.DOS + v for v in values]
            else:
                kind, extra = K_TYPED, term.datatype
                lexical = [str(v) for v in values] if fm.many else [f"{value}"]
            statements.append(_one_or_many(term.iri, kind, extra, lexical) if fm.many else
                              (term.iri, kind, extra, lexical[0]))
        if len(set(predicates)) < len(predicates):
            statements[:] = merged(statements)
        stack.extend(reversed(held))
    return out


def _one_or_many(predicate: str, kind: int, extra: Optional[str], values: list[str]) -> Any:
    return (predicate, kind, extra, values[0]) if len(values) == 1 else (predicate, kind + MANY, extra, values)


def check(report: dossier.Report, bases: list[Optional[str]] = BASES, direct: bool = True) -> None:
    """node_records gives the plain rule's records; the writers from the model, the record writers' bytes.

    ``direct``: the writers from the model write it all themselves, without
    falling back on the records (which they do for repeated ids, for a class
    whose statements only the generic rule merges, and in Turtle for a base
    that a prefix's namespace starts).
    """
    for base in bases:
        records = node_records(report, base)
        assert records == plain_records(report, base), base
        prefix = mint_base(report, base)
        with _no_records(ntriples, direct):
            # The generated lines, which the writers use where dossier's C loop is not built (dossier.native).
            for with_graph in (True, False):
                assert "".join(report_lines(report, base, with_graph=with_graph)) == \
                    "".join(ntriples._lines(records, with_graph)), base
        assert report_nquads(report, base) == write_nquads(records), base
        assert report_ntriples(report, base) == write_ntriples(records), base
        with _no_records(turtle, direct and base != t.DOS):
            assert report_turtle(report, base) == write_turtle(records, prefix), base
        write_trig(records, prefix)  # writes, whatever the records


@contextmanager
def _no_records(module: Any, refuse: bool) -> Iterator[None]:
    """While in the block, ``module`` may not make node records (if ``refuse``)."""
    if not refuse:
        yield
        return

    def refused(*_: Any) -> None:
        raise AssertionError(f"{module.__name__} fell back on the node records")

    with mock.patch.object(module, "node_records", refused):
        yield


# ---- dossiers


@pytest.fixture(scope="module")
def hostile() -> dossier.Report:
    return _hostile_report()


def test_seed(seed: dossier.Report) -> None:
    check(seed)


def test_hostile(hostile: dossier.Report) -> None:
    check(hostile)


def test_unchecked(hostile: dossier.Report, seed: dossier.Report) -> None:
    """Repeated ids and repeated values, which only a dossier that was never checked has."""
    check(_unchecked(hostile), direct=False)
    again = copy.deepcopy(seed)
    again.events[0].sub_events = again.events[0].sub_events * 2 + [again.events[0].id]
    check(again)  # repeated values, but no repeated id
    again.persons.append(copy.deepcopy(again.persons[0]))
    check(again, direct=False)


def test_empty_ids_and_a_base_that_is_a_namespace(hostile: dossier.Report) -> None:
    """An empty id makes an IRI the base itself, which is not written relative to it."""
    odd = copy.deepcopy(hostile)
    odd.persons[0].roles[0].id = ""
    odd.places[1].part_of = ""
    check(odd)


def test_nesting_deeper_than_the_recursion_limit(hostile: dossier.Report) -> None:
    deep = copy.deepcopy(hostile)
    via = None
    for i in range(sys.getrecursionlimit() + 100):
        via = Attribution(id=f"via{i}", by="p1", capacity="reporter", via=via)
    deep.claims[0].attribution.via = via
    check(deep, [None], direct=False)  # the writers from the model recurse: they leave this to the records


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=valid_reports())
def test_generated(report: dossier.Report) -> None:
    check(report, [None, "urn:x-news:{id}/"])


# ---- model classes that take the paths no model of dossier takes yet


class Nicknamed(Person):
    """Two text fields with one predicate: their statements merge, as only the generic rule does it."""

    nick: Annotated[Optional[str], t.text("schema:name")] = None


class Listed(Person):
    """A run of node fields that merge (``evidence`` and ``more``), and lists of every kind of value."""

    more: Annotated[list[Evidence], t.node("gaf:denotedBy")] = Field(default_factory=list)
    scores: Annotated[list[int], t.integer("dos:score")] = Field(default_factory=list)
    codes: Annotated[list[str], t.plain("dos:code")] = Field(default_factory=list)
    kinds: Annotated[list[OrgKind], t.vocab("dos:kinds")] = Field(default_factory=list)
    flags: Annotated[list[bool], t.boolean("dos:flag")] = Field(default_factory=list)
    score: Annotated[Optional[int], t.integer("dos:single")] = None
    ratio: Annotated[Optional[str], t.decimal("dos:ratio")] = None


class Scattered(Person):
    """Node fields that merge but are not next to each other: left to the generic rule."""

    other_roles: Annotated[list[Role], t.node("dos:role")] = Field(default_factory=list)


class Noted(Person):
    """Nodes held by an inverse link: each note states ``note dos:noteOf person``."""

    notes: Annotated[list[Passage], t.inverse_node("dos:noteOf")] = Field(default_factory=list)
    note: Annotated[Optional[Passage], t.inverse_node("dos:soleNoteOf")] = None


def _evidence(at: str, i: int) -> Evidence:
    return Evidence(id=f"{at}/x{i}", quote=f'q "{i}"\n', start=i, end=i + 1)


def _passage(at: str, text: str) -> Passage:
    return Passage(id=at, text=text, evidence=[_evidence(at, 0)])


def _with(report: dossier.Report, model: type[Person], extra: Callable[[str], dict[str, Any]]) -> dossier.Report:
    """``report`` with every person a ``model``, with the fields ``extra`` gives for the person's id."""
    out = copy.deepcopy(report)
    out.persons = [model(**{**p.__dict__, **extra(p.id)}) for p in out.persons]
    return out


def test_shapes() -> None:
    """Which classes the written code merges itself, and which it leaves to the generic rule."""
    assert not codegen._shape(Person).shared
    assert codegen._shape(dossier.Report).groups and not codegen._shape(dossier.Report).generic
    assert codegen._shape(Listed).groups and not codegen._shape(Listed).generic
    for model in (Nicknamed, Scattered):
        assert codegen._shape(model).generic
        assert codegen.lines_function(model) is None and turtlegen.turtle_function(model) is None
    assert not codegen._shape(Noted).shared


@pytest.mark.parametrize("model, extra, direct", [
    (Nicknamed, lambda at: {"nick": "Nick"}, False),
    (Nicknamed, lambda at: {"nick": None}, False),
    (Listed, lambda at: {"more": [_evidence(at, 1), _evidence(at, 2)], "scores": [3, 1, 3, -2],
                         "codes": ["b", "a", "b"], "kinds": ["company", "military"], "flags": [True, False],
                         "score": -7, "ratio": "1.50"}, True),
    (Listed, lambda at: {"more": [_evidence(at, 1)], "scores": [4], "kinds": ["company"]}, True),
    (Scattered, lambda at: {"other_roles": [Role(id=f"{at}/r", title="envoy", evidence=[_evidence(at, 5)])]}, False),
    (Noted, lambda at: {"notes": [_passage(f"{at}/n", "a note"), _passage(f"{at}/m", "another")],
                        "note": _passage(f"{at}/o", "the one")}, True),
])
def test_model_classes(model: type[Person], extra: Callable[[str], dict[str, Any]], direct: bool,
                       hostile: dossier.Report, seed: dossier.Report) -> None:
    for report in (hostile, seed):
        check(_with(report, model, extra), direct=direct)


def test_generated_source_is_kept() -> None:
    function = codegen.lines_function(Evidence)
    assert function is not None and "def lines_Evidence(" in codegen.source_of(function)
    assert "oa#exact" in codegen.source_of(codegen.records_function(Evidence))
