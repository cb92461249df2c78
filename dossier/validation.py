"""Validating files of every format: every check that fits, every fault located.

YAML, JSON and JSON-LD bodies are checked against the published JSON
Schema; every format is read into the models, which checks integrity and
evidence against the article; RDF formats are also checked against the
SHACL shapes. A fault in an early stage stops the later ones, whose
reports would only repeat it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from .errors import InvalidDossier, Problem, json_path
from .formats import Format, format_for_path, get_format, loads_as
from .reading import DEFAULT_MAX_BYTES, Document, decode, parse_json, parse_yaml, read_bytes

__all__ = ["check_file", "problems_in", "schema_problems", "shacl_problems"]


@lru_cache(maxsize=1)
def _schema_validator() -> Any:
    import json

    from jsonschema import Draft202012Validator

    from .schemas import bundled

    return Draft202012Validator(json.loads(bundled("dossier.schema.json")))


def schema_problems(doc: Document) -> list[Problem]:
    """Faults of ``doc.data`` against the published JSON Schema, most relevant first."""
    from jsonschema.exceptions import relevance

    data = doc.data
    if isinstance(data, dict) and "@context" in data:
        data = {k: v for k, v in data.items() if k != "@context"}
    out = []
    for err in sorted(_schema_validator().iter_errors(data), key=relevance):
        loc = tuple(err.absolute_path)
        line_col = doc.locate(loc)
        rule = "unknown-field" if err.validator == "additionalProperties" else f"schema-{err.validator}"
        out.append(Problem(rule, err.message, json_path(loc), doc.name, *(line_col or (None, None)),
                           expected=_expected(err)))
    return out


def _expected(err: Any) -> Optional[str]:
    if err.validator in ("pattern", "enum", "type", "const"):
        return f"{err.validator} {err.validator_value!r}"
    return None


@lru_cache(maxsize=1)
def _shapes() -> Any:
    import rdflib

    from .schemas import bundled

    return rdflib.Graph().parse(data=bundled("shapes.ttl"), format="turtle")


def shacl_problems(quads: Iterable[Any], name: Optional[str] = None) -> list[Problem]:
    """Faults of an RDF graph (dossier quads, graphs merged) against the published SHACL shapes."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    graph = rdflib.Graph()
    for s, p, o, _ in quads:
        graph.add((_rdflib(s), _rdflib(p), _rdflib(o)))
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=_shapes(), advanced=False)
    if conforms:
        return []
    out = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        component = report.value(result, SH.sourceConstraintComponent)
        path_text = graph.namespace_manager.normalizeUri(path) if isinstance(path, rdflib.URIRef) else "$"
        rule = "shacl-" + str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent") if component else "shacl"
        out.append(Problem(rule, f"{path_text}: {message}", path="$", file=name, node=str(focus)))
    return sorted(out, key=lambda p: (p.node or "", p.message))


def _rdflib(term: Any) -> Any:
    import rdflib

    from .linked.quads import IRI

    if isinstance(term, IRI):
        return rdflib.URIRef(term)
    return rdflib.Literal(term.lexical, lang=term.lang, datatype=rdflib.URIRef(term.datatype) if term.datatype else None)


def problems_in(path: Union[str, Path], fmt: Optional[str] = None, *, shacl: bool = True,
                max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """Every problem of the file at ``path``; an empty list when it is valid. I/O faults raise :class:`ReadError`."""
    path = Path(path)
    f: Format = get_format(fmt) if fmt else format_for_path(path)
    name = str(path)
    try:
        text = decode(read_bytes(path, max_bytes), name)
        if f.name in ("yaml", "json", "jsonld"):
            doc = (parse_yaml if f.name == "yaml" else parse_json)(text, name)
            found = schema_problems(doc)
            if found:
                return found
        if f.rdf and shacl:
            from .linked.jsonld import jsonld_quads
            from .linked.rdfio import parse_rdf

            quads = jsonld_quads(text, name) if f.name == "jsonld" else parse_rdf(text, f.name, name)
            found = shacl_problems(quads, name)
            if found:
                return found
        loads_as(text, f.name, name=name, directory=path.parent)
    except InvalidDossier as exc:
        return list(exc.problems)
    return []


def check_file(path: Union[str, Path], fmt: Optional[str] = None, *, shacl: bool = True,
               max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Raise :class:`InvalidDossier` with every problem of the file at ``path``; return quietly when it is valid."""
    found = problems_in(path, fmt, shacl=shacl, max_bytes=max_bytes)
    if found:
        raise InvalidDossier(found)
