"""JSON-LD: the published context, generated from the mapping, and an offline document loader.

The canonical JSON with the context *is* the linked data: expanding it gives
the graph the Turtle holds. The context ships inside the package; the
loader serves it and refuses every other URL before any connection is made.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

from ..canonical import to_data
from ..errors import DossierError, InvalidDossier, Problem, RemoteContextRefused
from ..models import MODELS, Report
from ..reading import parse_json
from ..terms import NS, curie
from ..vocabulary import VALUE_DOCS
from .mapping import class_iris, fields_of, mint_base
from .quads import IRI, Lit, Quad, check_base

__all__ = ["CONTEXT_URL", "build_context", "bundled_context", "document_loader", "to_jsonld", "jsonld_quads"]

CONTEXT_URL = "https://w3id.org/dossier/context/v1.jsonld"


def _definition(fm: Any) -> dict[str, Any]:
    term = fm.term
    key = "@reverse" if term.inverse else "@id"
    out: dict[str, Any] = {key: curie(term.iri)}
    if term.kind == "plain":
        out["@language"] = None
    elif term.kind in ("integer", "decimal", "boolean", "date"):
        out["@type"] = curie(term.datatype)
    elif term.kind == "ref":
        out["@type"] = "@id"
    elif term.kind == "vocab":
        out["@type"] = "@vocab"
    return out


def build_context() -> dict[str, Any]:
    """The JSON-LD context of dossier, generated from the models' terms.

    Enum values expand through ``@vocab`` to dossier's vocabulary, so no
    value may share its name with a term; that is checked here.
    """
    ctx: dict[str, Any] = {"@version": 1.1, "@vocab": NS["dos"], "id": "@id", "type": "@type"}
    ctx.update(NS)
    for name, iri in sorted(class_iris().items()):
        ctx[name] = curie(iri)
    for model in MODELS:
        for fm in fields_of(model):
            definition = _definition(fm)
            if fm.name in ctx and ctx[fm.name] != definition:
                raise DossierError(f"field {fm.name!r} maps to {ctx[fm.name]} and to {definition}; one name, one term")
            ctx[fm.name] = definition
    clash = sorted(set(VALUE_DOCS) & set(ctx))
    if clash:
        raise DossierError(f"enum values {clash} are also context terms; rename one side")
    return {"@context": ctx}


@lru_cache(maxsize=1)
def bundled_context() -> dict[str, Any]:
    """The context as shipped inside the package (``dossier/data/context.jsonld``)."""
    with resources.files("dossier").joinpath("data/context.jsonld").open("rb") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


def document_loader(url: str, options: Any = None) -> dict[str, Any]:
    """A pyld document loader that serves the bundled context and refuses every other URL, fetching nothing."""
    if url == CONTEXT_URL:
        return {"contextUrl": None, "documentUrl": url, "document": bundled_context()}
    raise RemoteContextRefused(
        f"refused to load {url!r}: dossier fetches nothing; only its bundled context {CONTEXT_URL} is known")


def local_context(report: Report, base: str | None = None) -> dict[str, Any]:
    """The document's own context: its base IRI and, where known, its language."""
    ctx: dict[str, Any] = {"@base": check_base(mint_base(report, base))}
    if report.language:
        ctx["@language"] = report.language
    return ctx


def to_jsonld(report: Report, base: str | None = None) -> str:
    """JSON-LD text: the canonical JSON under the published context and the document's base and language."""
    doc = {"@context": [CONTEXT_URL, local_context(report, base)], **to_data(report)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _contexts(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                yield from (item if isinstance(item, list) else [item])
            else:
                yield from _contexts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _contexts(item)


def jsonld_quads(text: str, name: str | None = None) -> list[Quad]:
    """Parse JSON-LD text into quads, offline: any context but the bundled one is refused, never fetched."""
    from pyld import jsonld  # imported here: pyld is slow to import and only this path needs it

    doc = parse_json(text, name).data
    for ctx in _contexts(doc):
        if isinstance(ctx, str) and ctx != CONTEXT_URL:
            raise RemoteContextRefused(f"{name or 'document'}: the context {ctx!r} is not dossier's; "
                                       "remote contexts are refused, never fetched")
    try:
        dataset = jsonld.to_rdf(doc, {"documentLoader": document_loader, "base": ""})
    except jsonld.JsonLdError as exc:
        cause: Any = exc
        while cause is not None:
            if isinstance(cause, RemoteContextRefused):
                raise cause from None
            cause = getattr(cause, "cause", None) or cause.__cause__
        raise InvalidDossier([Problem("jsonld", f"JSON-LD: {exc}", file=name)]) from None
    out: list[Quad] = []
    for graph, triples in dataset.items():
        g = None if graph == "@default" else IRI(graph)
        for t in triples:
            terms = [_term(t[k]) for k in ("subject", "predicate", "object")]
            if any(x is None for x in terms):
                raise InvalidDossier([Problem("blank-node", "JSON-LD gives a node with no id (a blank node); "
                                              "every node needs an id", file=name)])
            out.append((terms[0], terms[1], terms[2], g))  # type: ignore[arg-type]
    return out


def _term(t: dict[str, Any]) -> Any:
    if t["type"] == "IRI":
        return IRI(t["value"])
    if t["type"] == "blank node":
        return None
    dt = t.get("datatype")
    lang = t.get("language")
    if lang:
        return Lit(t["value"], lang.lower())
    if dt in (None, NS["xsd"] + "string"):
        return Lit(t["value"])
    return Lit(t["value"], None, dt)
