"""A dossier as RDF quads: every node an IRI minted from its id, every field a triple by its term.

Hypothetical events, and the nodes they hold, go into the named graph of
each claim that contemplates them (nanopublication style); everything else
is in the default graph. Writers flatten or keep the graphs as their format
allows.

One walk serves every writer: :func:`node_records` visits the nodes in walk
order and gives, per node, its IRI, its graphs and its statements, one per
field, with values still raw. Each node's statements are made by a function
written for its model class (:func:`~dossier.linked.codegen.records_function`),
not by testing field by field what kind of term each is. :func:`quads`
expands those records into :data:`Quad` tuples for rdflib and other
consumers; the package's own writers format the records directly, which
saves building a term object per triple, or go straight from the model
(``report_nquads``, ``report_ntriples``, ``report_turtle``), which saves the
records too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional, Sequence, Union

from ..errors import DossierError
from ..models import Node, Report
from .codegen import Functions, merges, records_function
from .mapping import RDF_TYPE, class_iris, mint_base

__all__ = ["IRI", "Lit", "Quad", "quads", "check_base", "hypothetical_graphs", "node_records", "Record",
           "Statement", "K_IRI", "K_LIT", "K_TYPED", "MANY", "K_IRIS", "K_LITS", "K_TYPEDS"]


class IRI(str):
    """An absolute IRI."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Lit:
    """A literal: its lexical form, and a language tag or a datatype IRI (neither for a plain string)."""

    lexical: str
    lang: Optional[str] = None
    datatype: Optional[str] = None


Object = Union[IRI, Lit]
Quad = tuple[IRI, IRI, Object, Optional[IRI]]

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

#: Kinds of object in a :func:`node_records` statement: IRIs; literals with a language tag (or none);
#: literals with a datatype. A statement of one of these kinds has one value.
K_IRI, K_LIT, K_TYPED = 0, 1, 2
#: Added to a kind: the statement has several values, a sequence of them (all its predicate's of that kind).
MANY = 3
K_IRIS, K_LITS, K_TYPEDS = K_IRI + MANY, K_LIT + MANY, K_TYPED + MANY

#: One statement of a node record: predicate IRI, object kind, language tag or datatype IRI (or None), and
#: the value, or for the kinds with :data:`MANY` the values (read them, never change them: they may be shared).
Statement = tuple[str, int, Optional[str], Union[str, Sequence[str]]]
#: One node: its IRI, the graphs its statements go in (None for the default graph), its statements.
Record = tuple[str, tuple[Optional[str], ...], list[Statement]]


def check_base(base: str) -> str:
    """Refuse a base IRI that is not absolute, ends in neither ``/`` nor ``#``, or has characters an IRI cannot hold."""
    bad = _IRI_BAD.search(base)
    if bad:
        raise DossierError(f"base IRI {base!r} contains {bad.group()!r}, which an IRI cannot hold")
    if not _SCHEME.match(base):
        raise DossierError(f"base IRI {base!r} is not absolute (it needs a scheme such as https:)")
    if not base.endswith(("/", "#")):
        raise DossierError(f"base IRI {base!r} must end in '/' or '#' so that ids can be appended")
    return base


def hypothetical_graphs(report: Report) -> dict[str, list[str]]:
    """For each hypothetical event id, the sorted ids of the claims whose content it is."""
    events = {e.id: e for e in report.events if e.hypothetical}
    out: dict[str, set[str]] = {}
    if not events:
        return {}  # most dossiers: nothing to place, and no claim to look at
    for claim in report.claims:
        # Only hypothetical events are placed, and only through them are their sub-events reached.
        todo = [eid for eid in claim.about if eid in events]
        if claim.condition is not None and claim.condition.event in events:
            todo.append(claim.condition.event)  # type: ignore[arg-type]
        seen: set[str] = set()
        while todo:
            eid = todo.pop()
            if eid in seen:
                continue
            seen.add(eid)
            out.setdefault(eid, set()).add(claim.id)  # type: ignore[arg-type]
            todo.extend(sub for sub in events[eid].sub_events if sub in events)
    return {k: sorted(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _type_statements() -> dict[str, Statement]:
    """The ``rdf:type`` statement of each ``type`` value, made once: every record of that type shares it."""
    return {name: (RDF_TYPE, K_IRI, None, iri) for name, iri in class_iris().items()}


def _unique(values: list) -> list:  # type: ignore[type-arg]
    """``values`` without repeats, in order: a list in canonical form has none, which one set shows."""
    if len(values) > 1 and len(set(values)) < len(values):
        return list(dict.fromkeys(values))
    return values


def _statement(predicate: str, kind: int, extra: Optional[str], values: Sequence[str]) -> Statement:
    """The statement of ``values`` (at least one): of ``kind`` for one value, of the kind with :data:`MANY` for more."""
    if len(values) == 1:
        return predicate, kind, extra, values[0]
    return predicate, kind + MANY, extra, values


def merged(statements: list[Statement]) -> list[Statement]:
    """``statements`` with those of one predicate and kind of object as one, where the first was, values unique."""
    groups: dict[tuple[str, int, Optional[str]], list[str]] = {}
    for predicate, kind, extra, value in statements:
        group = groups.setdefault((predicate, kind % MANY, extra), [])
        if kind >= MANY:
            group.extend(value)
        else:
            group.append(value)  # type: ignore[arg-type]
    return [_statement(predicate, kind, extra, _unique(values)) for (predicate, kind, extra), values in groups.items()]


def node_records(report: Report, base: str | None = None) -> list[Record]:
    """Every node of ``report`` under ``base`` as a :data:`Record`, in walk order (a node before the nodes it holds).

    The first statement of every record is its ``rdf:type``; the others
    follow the model's field order, one statement a field, fields with the
    same predicate and kind of object (the report's ``schema:mentions``)
    merged into the first. Literal values are lexical forms; IRI values are
    absolute. In a checked dossier no triple repeats: a statement's values
    are unique, no two statements of a record share predicate and kind, and
    no two records share a subject, as ids are unique. Only a dossier that
    was never checked can repeat an id, and so a record; the writers then
    drop the repeats.
    """
    prefix = check_base(mint_base(report, base))
    lang = report.language or None
    types = _type_statements()
    placement = hypothetical_graphs(report)
    functions = _RECORDS  # each class's own function (codegen.records_function): no field by field dispatch
    out: list[Record] = []
    add_record = out.append
    # Depth first with a stack, not recursion: a dossier built in Python may nest deeper than the recursion limit.
    stack: list[tuple[Node, str, tuple[Optional[str], ...], Optional[Statement]]] = [
        (report, prefix + report.id, (None,), None)]
    pop = stack.pop
    while stack:
        node, subject, graphs, link = pop()
        values = node.__dict__
        # An inverse link is the held node's statement about its holder, next after its type.
        statements: list[Statement] = [types[values["type"]]] if link is None else [types[values["type"]], link]
        add_record((subject, graphs, statements))
        functions[type(node)](values, subject, graphs, statements, stack, prefix, lang, placement)
        if link is not None and merges(type(node)):
            statements[:] = merged(statements)  # the link may merge with a field, which its class cannot know
    return out


#: The records function of each model class (codegen.records_function), made when first needed.
_RECORDS = Functions(records_function)


def _expand(records: list[Record]) -> Iterator[Quad]:
    iris: dict[str, IRI] = {}

    def iri(value: str) -> IRI:
        found = iris.get(value)
        if found is None:
            found = iris[value] = IRI(value)
        return found

    for subject, graphs, statements in records:
        s = IRI(subject)
        gs = [None if g is None else iri(g) for g in graphs]
        for predicate, kind, extra, value in statements:
            p = iri(predicate)
            for one in (value if kind >= MANY else (value,)):
                if kind % MANY == K_IRI:
                    o: Object = iri(one)  # type: ignore[arg-type]
                elif kind % MANY == K_LIT:
                    o = Lit(one, extra)  # type: ignore[arg-type]
                else:
                    o = Lit(one, None, extra)  # type: ignore[arg-type]
                for g in gs:
                    yield s, p, o, g


def quads(report: Report, base: str | None = None) -> Iterator[Quad]:
    """Every quad of ``report`` under ``base`` (see :func:`~dossier.linked.mapping.mint_base`), node by node in walk order."""
    return _expand(node_records(report, base))
