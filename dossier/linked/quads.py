"""A dossier as RDF quads: every node an IRI minted from its id, every field a triple by its term.

Hypothetical events, and the nodes they hold, go into the named graph of
each claim that contemplates them (nanopublication style); everything else
is in the default graph. Writers flatten or keep the graphs as their format
allows.

One walk serves every writer: :func:`node_records` visits the nodes in walk
order and gives, per node, its IRI, its graphs and its statements, one per
field, with values still raw. :func:`quads` expands those records into
:data:`Quad` tuples for rdflib and other consumers; the package's own writers
format the records directly, which saves building a term object per triple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional, Sequence, Union

from ..errors import DossierError
from ..models import Event, Node, Report
from ..terms import DOS
from .mapping import RDF_TYPE, FieldMap, class_iris, fields_of, mint_base

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


# How a plan step turns a field's value into a statement: one code per kind and number, so the walk tests once.
(_TEXT, _TYPED, _NODES, _REF, _VOCAB, _NODE, _PLAIN, _REFS, _TEXTS, _BOOLEAN, _VOCABS, _PLAINS,
 _TYPEDS) = range(13)
_SINGLE = {"text": _TEXT, "node": _NODE, "ref": _REF, "vocab": _VOCAB, "plain": _PLAIN, "boolean": _BOOLEAN}
_MANY = {"text": _TEXTS, "node": _NODES, "ref": _REFS, "vocab": _VOCABS, "plain": _PLAINS}

#: One step of a plan: field name, predicate, code, and for a typed literal its datatype, for nodes a pair:
#: whether the link is inverse, whether the field may hold a hypothetical event. Short, as it is unpacked often.
_Step = tuple[str, str, int, Union[None, str, tuple[bool, bool]]]


def _step(fm: FieldMap) -> _Step:
    term = fm.term
    code = _MANY.get(term.kind, _TYPEDS) if fm.many else _SINGLE.get(term.kind, _TYPED)
    if term.kind == "node":
        return fm.name, term.iri, code, (term.inverse, fm.model is None or issubclass(fm.model, Event))
    return fm.name, term.iri, code, term.datatype


@lru_cache(maxsize=None)
def _plan(model: type[Node]) -> tuple[tuple[_Step, ...], bool]:
    """The mapped fields of ``model`` as steps, read once from the mapping; and whether two share a predicate."""
    predicates = [fm.term.iri for fm in fields_of(model) if not fm.term.inverse]
    return tuple(_step(fm) for fm in fields_of(model)), len(set(predicates)) < len(predicates)


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
    plans: dict[type, tuple[tuple[_Step, ...], bool]] = {}
    out: list[Record] = []
    add_record = out.append
    # Depth first with a stack, not a nested recursive function: such a function refers to itself,
    # and the reference cycle would keep every record alive until the garbage collector runs.
    stack: list[tuple[Node, str, tuple[Optional[str], ...], Optional[Statement]]] = [
        (report, prefix + report.id, (None,), None)]
    pop = stack.pop
    while stack:
        node, subject, graphs, link = pop()
        values = node.__dict__
        statements: list[Statement] = [types[values["type"]]]
        append = statements.append
        if link is not None:
            append(link)  # an inverse link: the held node's statement about its holder
        add_record((subject, graphs, statements))
        plan = plans.get(type(node))
        if plan is None:
            plan = plans[type(node)] = _plan(type(node))
        steps, shared = plan
        held: list[tuple[Node, str, tuple[Optional[str], ...], Optional[Statement]]] = []
        for name, predicate, code, datatype in steps:
            value = values[name]
            if value is None:
                continue
            # The commonest first, which saves tests.
            if code == _TYPED:
                append((predicate, K_TYPED, datatype, f"{value}"))  # str(value), without the call
            elif code == _TEXT:
                append((predicate, K_LIT, lang, value))
            elif code == _NODES or code == _NODE:
                inverse, events = datatype  # type: ignore[misc]
                iris = []
                for item in (value if code == _NODES else (value,)):
                    iri = prefix + item.id
                    iris.append(iri)
                    child_graphs = graphs
                    if events and isinstance(item, Event) and item.hypothetical:
                        child_graphs = tuple(prefix + c for c in placement.get(item.id, ())) or graphs
                    held.append((item, iri, child_graphs, (predicate, K_IRI, None, subject) if inverse else None))
                if iris and not inverse:
                    # No test for repeats: ids are unique, and a repeated one would repeat a record too.
                    append((predicate, K_IRI, None, iris[0]) if len(iris) == 1 else (predicate, K_IRIS, None, iris))
            elif code == _VOCAB:
                append((predicate, K_IRI, None, DOS + value))  # a str enum adds as its value
            elif code == _REF:
                append((predicate, K_IRI, None, prefix + value))
            elif code == _PLAIN:
                append((predicate, K_LIT, None, value))
            elif code == _BOOLEAN:
                if value:  # false is the default, and left out as in the JSON
                    append((predicate, K_TYPED, datatype, "true"))
            elif not value:
                continue  # an empty list
            else:  # a list of values
                if len(value) > 1 and len(set(value)) < len(value):  # no repeats in canonical form; else, drop them
                    value = list(dict.fromkeys(value))
                if code == _TEXTS:
                    append(_statement(predicate, K_LIT, lang, value))
                elif code == _REFS:
                    append(_statement(predicate, K_IRI, None, [prefix + item for item in value]))
                elif code == _VOCABS:
                    append(_statement(predicate, K_IRI, None, [DOS + item for item in value]))
                elif code == _PLAINS:
                    append(_statement(predicate, K_LIT, None, value))
                else:
                    append(_statement(predicate, K_TYPED, datatype, [str(item) for item in value]))
        if shared:
            statements[:] = merged(statements)
        if held:
            # Held nodes come after their holder's own statements, in field order, each with all it holds.
            held.reverse()
            stack += held
    return out


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
