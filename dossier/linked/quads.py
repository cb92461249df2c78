"""A dossier as RDF quads: every node an IRI minted from its id, every field a triple by its term.

Hypothetical events, and the nodes they hold, go into the named graph of
each claim that contemplates them (nanopublication style); everything else
is in the default graph. Writers flatten or keep the graphs as their format
allows.

One walk serves every writer: :func:`node_records` visits the nodes in walk
order and gives, per node, its IRI, its graphs and its statements grouped by
field, with values still raw. :func:`quads` expands those records into
:data:`Quad` tuples for rdflib and other consumers; the package's own writers
format the records directly, which saves building a term object per statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional, Union

from ..errors import DossierError
from ..models import Event, Node, Report
from ..terms import DOS
from .mapping import RDF_TYPE, class_iris, fields_of, mint_base

__all__ = ["IRI", "Lit", "Quad", "quads", "check_base", "hypothetical_graphs", "node_records", "Record",
           "K_IRI", "K_LIT", "K_TYPED"]


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

#: Kinds of object in a :func:`node_records` field: IRIs; literals with a language tag (or none);
#: literals with a datatype.
K_IRI, K_LIT, K_TYPED = 0, 1, 2

#: One field of a node record: predicate IRI, object kind, language tag or datatype IRI (or None), values.
Field = tuple[str, int, Optional[str], list[str]]
#: One node: its IRI, the graphs its statements go in (None for the default graph), its fields.
Record = tuple[str, tuple[Optional[str], ...], list[Field]]


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
    events = {e.id: e for e in report.events}
    out: dict[str, set[str]] = {}
    for claim in report.claims:
        todo = list(claim.about)
        if claim.condition is not None and claim.condition.event:
            todo.append(claim.condition.event)
        seen: set[str] = set()
        while todo:
            eid = todo.pop()
            event = events.get(eid)
            if eid in seen or event is None or not event.hypothetical:
                continue
            seen.add(eid)
            out.setdefault(eid, set()).add(claim.id)  # type: ignore[arg-type]
            todo.extend(event.sub_events)
    return {k: sorted(v) for k, v in out.items()}


# How a field's values become objects, by the kind of its term.
_NODE, _REF, _VOCAB, _TEXT, _PLAIN, _BOOLEAN, _LEXICAL = range(7)
_CODES = {"node": _NODE, "ref": _REF, "vocab": _VOCAB, "text": _TEXT, "plain": _PLAIN, "boolean": _BOOLEAN}


@lru_cache(maxsize=None)
def _plan(model: type[Node]) -> tuple[tuple[str, str, int, bool, Optional[str], bool, bool], ...]:
    """The mapped fields of ``model``, read once from the mapping.

    Each is (name, predicate, code, many, datatype, inverse, may hold a
    hypothetical event).
    """
    return tuple((fm.name, fm.term.iri, _CODES.get(fm.term.kind, _LEXICAL), fm.many, fm.term.datatype,
                  fm.term.inverse, fm.model is None or issubclass(fm.model, Event))
                 for fm in fields_of(model))


def _vocab(item: object) -> str:
    # An enum member's ``_value_`` is its value, read without the cost of the ``value`` property.
    return DOS + str(getattr(item, "_value_", item))


def node_records(report: Report, base: str | None = None) -> list[Record]:
    """Every node of ``report`` under ``base`` as a :data:`Record`, in walk order (a node before the nodes it holds).

    The first field of every record is ``rdf:type``; the others follow the
    model's field order. Literal values are lexical forms; IRI values are
    absolute.
    """
    prefix = check_base(mint_base(report, base))
    lang = report.language or None
    types = class_iris()
    placement = hypothetical_graphs(report)
    out: list[Record] = []
    # Depth first with a stack, not a nested recursive function: such a function refers to itself,
    # and the reference cycle would keep every record alive until the garbage collector runs.
    stack: list[tuple[Node, str, tuple[Optional[str], ...], Optional[Record]]] = [
        (report, prefix + report.id, (None,), None)]
    while stack:
        node, subject, graphs, link = stack.pop()
        if link is not None:
            out.append(link)  # an inverse link (held node -> holder) is the first statement about the held node
        values = node.__dict__
        fields: list[Field] = [(RDF_TYPE, K_IRI, None, [types[values["type"]]])]
        out.append((subject, graphs, fields))
        append = fields.append
        held: list[tuple[Node, str, tuple[Optional[str], ...], Optional[Record]]] = []
        for name, predicate, code, many, datatype, inverse, events in _plan(type(node)):
            value = values[name]
            if value is None or value is False:
                continue
            if many:
                if not value:
                    continue
                items = value
            else:
                items = [value]
            if code == _TEXT:
                append((predicate, K_LIT, lang, items))
            elif code == _NODE:
                iris = []
                for item in items:
                    iri = prefix + item.id
                    iris.append(iri)
                    child_graphs = graphs
                    if events and isinstance(item, Event) and item.hypothetical:
                        child_graphs = tuple(prefix + c for c in placement.get(item.id, ())) or graphs
                    held.append((item, iri, child_graphs,
                                 (iri, graphs, [(predicate, K_IRI, None, [subject])]) if inverse else None))
                if not inverse:
                    append((predicate, K_IRI, None, iris))
            elif code == _REF:
                append((predicate, K_IRI, None, [prefix + item for item in items]))
            elif code == _VOCAB:
                append((predicate, K_IRI, None, [_vocab(item) for item in items]))
            elif code == _PLAIN:
                append((predicate, K_LIT, None, items))
            elif code == _BOOLEAN:
                append((predicate, K_TYPED, datatype, ["true" if item else "false" for item in items]))
            else:  # integer, decimal, date
                append((predicate, K_TYPED, datatype, [str(item) for item in items]))
        # Held nodes come after their holder's own statements, in field order, each with all it holds.
        stack.extend(reversed(held))
    return out


def _expand(records: list[Record]) -> Iterator[Quad]:
    iris: dict[str, IRI] = {}

    def iri(value: str) -> IRI:
        found = iris.get(value)
        if found is None:
            found = iris[value] = IRI(value)
        return found

    for subject, graphs, fields in records:
        s = IRI(subject)
        gs = [None if g is None else iri(g) for g in graphs]
        for predicate, kind, extra, values in fields:
            p = iri(predicate)
            for value in values:
                if kind == K_IRI:
                    o: Object = iri(value)
                elif kind == K_LIT:
                    o = Lit(value, extra)
                else:
                    o = Lit(value, None, extra)
                for g in gs:
                    yield s, p, o, g


def quads(report: Report, base: str | None = None) -> Iterator[Quad]:
    """Every quad of ``report`` under ``base`` (see :func:`~dossier.linked.mapping.mint_base`), node by node in walk order."""
    return _expand(node_records(report, base))
