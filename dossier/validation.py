"""Validating files of every format: every check that fits, every fault located.

YAML, JSON and JSON-LD bodies are checked against the published JSON
Schema; every format is read into the models, which checks integrity and
evidence against the article; RDF formats are also checked against the
SHACL shapes. A fault in an early stage stops the later ones, whose
reports would only repeat it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from .errors import InvalidDossier, Problem, UnknownFormat, in_reading_order, json_path
from .models import ID_PATTERN, LANGUAGE_PATTERN
from .formats import Format, format_for_path, get_format, loads_as
from .terms import NS
from .reading import DEFAULT_MAX_BYTES, Document, decode, parse_json, parse_yaml, read_bytes

__all__ = ["check_file", "problems_in", "schema_problems", "shacl_problems"]


@lru_cache(maxsize=1)
def _schema_validator() -> Any:
    import json

    from jsonschema import Draft202012Validator

    from .schemas import bundled

    return Draft202012Validator(json.loads(bundled("dossier.schema.json")))


def schema_problems(doc: Document) -> list[Problem]:
    """Faults of ``doc.data`` against the published JSON Schema, in reading order.

    An object with unknown fields gives one problem per field, located at
    the field itself, naming the fields that are allowed.
    """
    data = doc.data
    if isinstance(data, dict) and "@context" in data:
        data = {k: v for k, v in data.items() if k != "@context"}
    from jsonschema.exceptions import best_match

    out = []
    for err in _schema_validator().iter_errors(data):
        if err.context:  # anyOf / oneOf: the branch that came closest says what is wrong
            closer = [e for e in err.context if not (e.validator == "type" and e.validator_value == "null")]
            err = best_match(closer or err.context)
        loc = tuple(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = sorted(err.schema.get("properties", {}))
            for key in err.instance:
                if key not in allowed:
                    out.append(_located(doc, "unknown-field", f"unknown field {key!r}", loc + (key,),
                                        "one of " + ", ".join(allowed) if allowed else None))
            continue
        message = err.message
        if err.validator == "pattern":
            message = f"{err.instance!r} is not {_PATTERNS.get(err.validator_value, ('in the expected form',))[0]}"
        out.append(_located(doc, f"schema-{err.validator}", message, loc, _expected(err)))
    return in_reading_order(out)


# The patterns a person meets most, said in words: (what the value is not, what was expected).
_PATTERNS = {
    ID_PATTERN: ("a local id", "letters, digits, _ . - in segments joined by /, such as kim-jong-un; no spaces"),
    LANGUAGE_PATTERN: ("a BCP 47 language tag", "a tag such as en, de-CH or zh-Hant-TW"),
}


def _located(doc: Document, rule: str, message: str, loc: tuple[Any, ...], expected: Optional[str]) -> Problem:
    line_col = doc.locate(loc) or (None, None)
    return Problem(rule, message, json_path(loc), doc.name, *line_col, expected=expected)


def _expected(err: Any) -> Optional[str]:
    if err.validator == "pattern" and err.validator_value in _PATTERNS:
        return _PATTERNS[err.validator_value][1]
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
    # rdflib logs each ill-typed literal (oa:start "abc"^^xsd:integer) with a traceback; the shapes report
    # the same fault with its node, so the log is kept quiet while the graph is built and checked.
    log = logging.getLogger("rdflib.term")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return _shacl_problems(quads, name)
    finally:
        log.setLevel(level)


def _shacl_problems(quads: Iterable[Any], name: Optional[str]) -> list[Problem]:
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    graph = rdflib.Graph()
    for prefix, ns in NS.items():
        graph.bind(prefix, ns)
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
    """Every problem of the file at ``path``, the one to read first first; an empty list when it is valid.

    ``fmt`` names the format (default: from the extension). Files larger
    than ``max_bytes`` are refused. A file that cannot be read at all raises
    :class:`ReadError`; an unknown format raises :class:`UnknownFormat`.
    """
    path = Path(path)
    f: Format = get_format(fmt) if fmt else format_for_path(path)
    if f.write is None and f.name != "yaml":
        raise UnknownFormat(f"{path}: {f.name} is not a dossier format; `dossier extract` drafts a dossier from it")
    name = str(path)
    try:
        text = decode(read_bytes(path, max_bytes), name)
        return in_reading_order(_stages(text, f, name, path.parent, shacl))
    except InvalidDossier as exc:
        return list(exc.problems)


def _stages(text: str, f: Format, name: str, directory: Path, shacl: bool) -> list[Problem]:
    from .linked.jsonld import jsonld_quads
    from .linked.rdfio import parse_rdf

    quads = None
    if f.name in ("yaml", "json", "jsonld"):
        doc = (parse_yaml if f.name == "yaml" else parse_json)(text, name)
        linked = isinstance(doc.data, dict) and "@context" in doc.data
        if linked and f.name == "yaml":
            return [Problem("jsonld", "a YAML dossier cannot carry @context; JSON-LD is written as JSON",
                            "$['@context']", name, *(doc.locate(("@context",)) or (None, None)))]
        if linked or f.name == "jsonld":
            quads = jsonld_quads(text, name)  # refuses remote contexts, bad IRIs and language tags first
        found = schema_problems(doc)
        if found:
            return found
    elif f.rdf:
        quads = parse_rdf(text, f.name, name)
    if quads is None:
        loads_as(text, f.name, name=name, directory=directory)
        return []
    if shacl:
        found = shacl_problems(quads, name)
        if found:
            return _with_lines(found, text, f)
    return _with_lines(_model_problems(quads, name, directory), text, f)


def _model_problems(quads: list[Any], name: str, directory: Path) -> list[Problem]:
    """The models' checks on a graph, each problem given the IRI of the node its JSON path lands in."""
    from .linked.reader import data_from_quads  # the data, before the models, tells a path's node
    from .loading import report_from_document

    try:
        data, base = data_from_quads(quads, name)
    except InvalidDossier as exc:
        return list(exc.problems)
    try:
        report_from_document(Document(data, name, directory))
    except InvalidDossier as exc:
        return [p if p.node else replace(p, node=_node_at(data, p.path, base)) for p in exc.problems]
    return []


def _node_at(data: Any, path: str, base: str) -> Optional[str]:
    """The IRI of the innermost node with an id on ``path`` (``$.persons[0].evidence[1]``) in ``data``."""
    node = data.get("id") if isinstance(data, dict) else None
    for part in re.findall(r"\.(\w+)|\[(\d+)\]|\['([^']*)'\]", path):
        key: Any = int(part[1]) if part[1] else part[0] or part[2]
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            node = data["id"]
    return base + node if isinstance(node, str) else None


def _with_lines(problems: list[Problem], text: str, f: Format) -> list[Problem]:
    """Give each problem about a node the line where that node first stands as a subject (Turtle and kin)."""
    if f.name == "jsonld":
        return problems
    out = []
    for i, p in enumerate(problems):
        if p.node and p.line is None and i < 200:  # enough for a person; keeps a huge report fast
            found = _subject_line(text, p.node)
            if found:
                p = replace(p, line=found[0], column=found[1])
        out.append(p)
    return out


def _subject_line(text: str, iri: str) -> Optional[tuple[int, int]]:
    # N-Triples and N-Quads write full IRIs; Turtle and TriG write them relative to @base: try each tail.
    cuts = [0] + [i + 1 for i, ch in enumerate(iri) if ch in "/#"]
    for cut in cuts:
        for indent in ("", "    "):
            needle = f"\n{indent}<{iri[cut:]}> "
            at = ("\n" + text).find(needle)
            if at != -1:
                return text.count("\n", 0, at) + 1, len(indent) + 1
    return None


def check_file(path: Union[str, Path], fmt: Optional[str] = None, *, first: bool = False, shacl: bool = True,
               max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Return quietly when the file at ``path`` is valid; raise :class:`InvalidDossier` when it is not.

    The exception lists every problem, the one to read first first
    (``exc.first``); with ``first=True`` it carries that one only.
    """
    found = problems_in(path, fmt, shacl=shacl, max_bytes=max_bytes)
    if found:
        raise InvalidDossier(found[:1] if first else found)
