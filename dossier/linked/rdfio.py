"""Bridges between dossier's quads and the RDF libraries: pyoxigraph for parsing, rdflib for the Python API."""

from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox

from ..errors import InvalidDossier, Problem
from ..models import Report
from ..terms import NS
from .quads import IRI, Lit, Quad, quads
from .reader import report_from_quads

__all__ = ["parse_rdf", "to_dataset", "from_graph", "OX_FORMATS"]

OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
}
_PLAIN = {NS["xsd"] + "string", NS["rdf"] + "langString"}


def _from_ox(term: object, name: str | None) -> IRI | Lit:
    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Lit(term.value, term.language)
        dt = term.datatype.value
        return Lit(term.value, None, None if dt in _PLAIN else dt)
    raise InvalidDossier([Problem("blank-node", f"the input has a blank node ({term}); every node needs an IRI",
                                  file=name)])


_LABELS = {"turtle": "Turtle", "ntriples": "N-Triples", "nquads": "N-Quads", "trig": "TriG"}
# pyoxigraph repeats the place in its message; the problem carries it as line and column already.
_PLACE = re.compile(r"^Parser error at line \d+ (?:column \d+|between columns \d+ and \d+): ")


def parse_rdf(data: bytes | str, fmt: str, name: str | None = None) -> list[Quad]:
    """Parse Turtle, N-Triples, N-Quads or TriG into quads; a leading byte order mark is dropped.

    Syntax faults (IRIs with spaces or control characters, language tags
    that are not BCP 47, bytes that are not UTF-8) raise
    :class:`InvalidDossier` with the line and column (in characters) the
    parser stopped at; blank nodes are refused, naming the node.
    """
    data = data.removeprefix("\ufeff") if isinstance(data, str) else data.removeprefix(b"\xef\xbb\xbf")
    label = _LABELS[fmt]
    try:
        parsed = list(ox.parse(data, format=OX_FORMATS[fmt], base_iri=None))
    except SyntaxError as exc:
        message = _PLACE.sub("", exc.msg or str(exc))
        raise InvalidDossier([Problem("syntax", f"{label}: {message}", file=name, line=exc.lineno,
                                      column=exc.offset)]) from None
    except ValueError as exc:
        raise InvalidDossier([Problem("syntax", f"{label}: {exc}", file=name)]) from None
    out: list[Quad] = []
    for q in parsed:
        if isinstance(q.subject, ox.Triple) or isinstance(q.object, ox.Triple):
            raise InvalidDossier([Problem("rdf", f"{label}: a triple term (RDF 1.2) is not part of a dossier",
                                          file=name, node=getattr(q.subject, "value", str(q.subject)))])
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else _from_ox(q.graph_name, name)
        out.append((_from_ox(q.subject, name), _from_ox(q.predicate, name), _from_ox(q.object, name), g))  # type: ignore[arg-type]
    return out


def to_dataset(report: Report, base: str | None = None):  # type: ignore[no-untyped-def]
    """The dossier as an ``rdflib.Dataset``: facts in the default graph, each claim's content in its own graph."""
    import rdflib
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ds = rdflib.Dataset()
    for prefix, ns in NS.items():
        ds.bind(prefix, ns)

    def term(t: IRI | Lit) -> rdflib.term.Node:
        if isinstance(t, IRI):
            return rdflib.URIRef(t)
        return rdflib.Literal(t.lexical, lang=t.lang, datatype=rdflib.URIRef(t.datatype) if t.datatype else None)

    for s, p, o, g in quads(report, base):
        graph = ds.graph(DATASET_DEFAULT_GRAPH_ID if g is None else rdflib.URIRef(g))
        graph.add((term(s), term(p), term(o)))
    return ds


def from_graph(graph, name: str | None = None) -> Report:  # type: ignore[no-untyped-def]
    """Read a dossier from an ``rdflib`` Graph or Dataset (every graph merged)."""
    import rdflib

    def term(t: rdflib.term.Node) -> IRI | Lit:
        if isinstance(t, rdflib.URIRef):
            return IRI(str(t))
        if isinstance(t, rdflib.Literal):
            if t.language:
                return Lit(str(t), t.language.lower())
            dt = str(t.datatype) if t.datatype is not None else None
            return Lit(str(t), None, None if dt in _PLAIN else dt)
        raise InvalidDossier([Problem("blank-node", "the graph has a blank node; every node needs an IRI", file=name)])

    statements: Iterable[tuple] = graph.quads((None, None, None, None)) if hasattr(graph, "quads") else (
        (s, p, o, None) for s, p, o in graph)
    out = [(term(s), term(p), term(o), None) for s, p, o, *_ in statements]
    return report_from_quads(out, name)[0]  # type: ignore[arg-type]


