"""Reading RDF back into a dossier, by the same mapping that wrote it.

Statements from every graph are merged; the report is the one
``schema:NewsArticle`` node; the base is its IRI up to the last ``/`` or
``#``; every node is read field by field from its term. What the mapping does
not name is ignored, so extra statements from other tools do no harm.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from ..errors import InvalidDossier, Problem
from ..loading import report_from_document
from ..models import Node, Report
from ..reading import MAX_DEPTH, Document
from ..terms import DOS, NS, expand
from .mapping import RDF_TYPE, fields_of
from .quads import IRI, Lit, Quad

__all__ = ["data_from_quads", "report_from_quads"]

_NEWS_ARTICLE = expand("schema:NewsArticle")


class _Reader:
    def __init__(self, quads: Iterable[Quad], name: str | None):
        self.name = name
        self.index: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o, _ in quads:
            objs = self.index[s][p]
            if o not in objs:
                objs.append(o)
        self.problems: list[Problem] = []
        self.base = ""

    def fail(self, node: str, message: str, rule: str = "rdf") -> None:
        self.problems.append(Problem(rule, message, file=self.name, node=node))

    def local(self, iri: Any, at: str) -> str | None:
        if not isinstance(iri, IRI):
            self.fail(at, f"expected an IRI, found the literal {iri.lexical!r}")
            return None
        if not iri.startswith(self.base) or iri == self.base:
            self.fail(at, f"<{iri}> lies outside the report's base <{self.base}>", "foreign-iri")
            return None
        return iri[len(self.base):]

    def types(self, subject: str) -> list[str]:
        return [str(t) for t in self.index.get(subject, {}).get(RDF_TYPE, [])]

    def node(self, subject: str, model: type[Node], depth: int, seen: frozenset[str]) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.local(IRI(subject), subject)}
        names = {expand(c): n for n, c in model.rdf_types.items()}
        given = [names[t] for t in self.types(subject) if t in names]
        if given:
            data["type"] = max(given)  # HypotheticalEvent wins over Event if both are stated
        if depth > MAX_DEPTH or subject in seen:
            self.fail(subject, "nodes nest in a circle or too deeply", "cycle")
            return data
        props = self.index.get(subject, {})
        for fm in fields_of(model):
            values = props.get(fm.term.iri, [])
            out = []
            for value in values:
                converted = self.value(fm, value, subject, depth, seen | {subject})
                if converted is not _SKIP:
                    out.append(converted)
            if fm.many:
                if out:
                    data[fm.name] = out
            elif len(out) > 1:
                self.fail(subject, f"{fm.term.curie} has {len(out)} values; {model.__name__}.{fm.name} takes one",
                          "too-many-values")
            elif out:
                data[fm.name] = out[0]
        return data

    def value(self, fm: Any, value: Any, subject: str, depth: int, seen: frozenset[str]) -> Any:
        kind = fm.term.kind
        if kind == "node":
            if not isinstance(value, IRI):
                self.fail(subject, f"{fm.term.curie} must point to a node, not a literal")
                return _SKIP
            wanted = {expand(c) for c in fm.model.rdf_types.values()}
            if not wanted.intersection(self.types(value)):
                # Shared predicates (schema:mentions) tell the lists apart by type.
                return _SKIP
            return self.node(value, fm.model, depth + 1, seen)
        if kind == "ref":
            return self.local(value, subject) or _SKIP
        if kind == "vocab":
            if isinstance(value, IRI) and value.startswith(DOS):
                return value[len(DOS):]
            self.fail(subject, f"{fm.term.curie} must be a term of <{DOS}>, not {value!r}")
            return _SKIP
        if not isinstance(value, Lit):
            self.fail(subject, f"{fm.term.curie} must be a literal, not <{value}>")
            return _SKIP
        if kind == "date":
            return value.lexical if value.datatype == fm.term.datatype else _SKIP
        if kind in ("integer", "boolean", "decimal") and value.datatype != fm.term.datatype:
            self.fail(subject, f"{fm.term.curie} {value.lexical!r} has datatype <{value.datatype}>, "
                      f"expected <{fm.term.datatype}>", "datatype")
            return _SKIP
        if kind == "integer":
            try:
                return int(value.lexical)
            except ValueError:
                self.fail(subject, f"{fm.term.curie} {value.lexical!r} is not an integer", "datatype")
                return _SKIP
        if kind == "boolean":
            return value.lexical in ("true", "1")
        return value.lexical

    def report(self) -> dict[str, Any]:
        reports = [s for s, props in self.index.items() if _NEWS_ARTICLE in props.get(RDF_TYPE, [])]
        if len(reports) != 1:
            self.fail(reports[0] if reports else "", f"expected one {NS['schema']}NewsArticle, found {len(reports)}",
                      "report-count")
            return {}
        subject = reports[0]
        cut = max(subject.rfind("/"), subject.rfind("#")) + 1
        self.base = subject[:cut]
        return self.node(subject, Report, 0, frozenset())


_SKIP = object()


def data_from_quads(quads: Iterable[Quad], name: str | None = None) -> tuple[dict[str, Any], str]:
    """The dossier data (as its JSON would hold it) that RDF statements carry, and the base IRI they use.

    Raises :class:`~dossier.errors.InvalidDossier` when the statements do not
    make a dossier's shape; the models' checks come after, in :func:`report_from_quads`.
    """
    reader = _Reader(quads, name)
    data = reader.report()
    if reader.problems:
        raise InvalidDossier(reader.problems)
    return data, reader.base


def report_from_quads(quads: Iterable[Quad], name: str | None = None,
                      directory: Path | None = None) -> tuple[Report, str]:
    """Read a dossier from RDF statements; return it with the base IRI it was written under.

    A ``dos:textPath`` is looked up in ``directory`` (the RDF file's folder).
    Raises :class:`~dossier.errors.InvalidDossier` with every fault, each naming its node.
    """
    data, base = data_from_quads(quads, name)
    return report_from_document(Document(data, name, directory)), base
