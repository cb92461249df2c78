"""A dossier as RDF quads: every node an IRI minted from its id, every field a triple by its term.

Hypothetical events, and the nodes they hold, go into the named graph of
each claim that contemplates them (nanopublication style); everything else
is in the default graph. Writers flatten or keep the graphs as their format
allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional, Union

from ..errors import DossierError
from ..models import Event, Node, Report
from ..terms import DOS
from .mapping import RDF_TYPE, class_iris, fields_of, mint_base

__all__ = ["IRI", "Lit", "Quad", "quads", "check_base", "hypothetical_graphs"]


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


def quads(report: Report, base: str | None = None) -> Iterator[Quad]:
    """Every quad of ``report`` under ``base`` (see :func:`~dossier.linked.mapping.mint_base`), in walk order."""
    prefix = check_base(mint_base(report, base))
    lang = report.language
    types = class_iris()
    placement = hypothetical_graphs(report)

    def emit(node: Node, graphs: tuple[Optional[IRI], ...]) -> Iterator[Quad]:
        subject = IRI(prefix + node.id)  # type: ignore[operator]
        rdf_type = IRI(types[node.type])  # type: ignore[attr-defined]
        for g in graphs:
            yield subject, IRI(RDF_TYPE), rdf_type, g
        for fm in fields_of(type(node)):
            value = getattr(node, fm.name)
            if value is None or value is False or (fm.many and not value):
                continue
            predicate = IRI(fm.term.iri)
            for item in value if fm.many else (value,):
                kind = fm.term.kind
                if kind == "node":
                    child_graphs = graphs
                    if isinstance(item, Event) and item.hypothetical:
                        child_graphs = tuple(IRI(prefix + c) for c in placement.get(item.id, ())) or graphs  # type: ignore[operator]
                    obj: Object = IRI(prefix + item.id)
                    for g in graphs:
                        yield (obj, predicate, subject, g) if fm.term.inverse else (subject, predicate, obj, g)
                    yield from emit(item, child_graphs)
                    continue
                if kind == "ref":
                    obj = IRI(prefix + item)
                elif kind == "vocab":
                    obj = IRI(DOS + str(item.value if hasattr(item, "value") else item))
                elif kind == "text":
                    obj = Lit(item, lang)
                elif kind == "plain":
                    obj = Lit(item)
                elif kind == "boolean":
                    obj = Lit("true" if item else "false", None, fm.term.datatype)
                else:  # integer, decimal, date
                    obj = Lit(str(item), None, fm.term.datatype)
                for g in graphs:
                    yield subject, predicate, obj, g

    yield from emit(report, (None,))
