"""JSON-LD: the published context, generated from the mapping, and an offline document loader.

The canonical JSON with the context *is* the linked data: expanding it gives
the graph the Turtle holds. The context ships inside the package; the
loader serves it and refuses every other URL before any connection is made.
"""

from __future__ import annotations

import json
import re
import warnings
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

from ..canonical import dumps_json, to_json
from ..errors import DossierError, InvalidDossier, Problem, RemoteContextRefused, json_path
from ..models import LANGUAGE_PATTERN, MODELS, Report
from ..reading import Document, parse_json
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
    """A pyld document loader that serves the bundled context and refuses every other URL, fetching nothing.

    No URL is ever opened, not even ``http://localhost``: the refusal is
    decided on the string alone.
    """
    if url == CONTEXT_URL:
        return {"contextUrl": None, "documentUrl": url, "document": bundled_context()}
    raise RemoteContextRefused(url, expected=f"only the bundled context {CONTEXT_URL}")


def local_context(report: Report, base: str | None = None) -> dict[str, Any]:
    """The document's own context: its base IRI and, where known, its language."""
    ctx: dict[str, Any] = {"@base": check_base(mint_base(report, base))}
    if report.language:
        ctx["@language"] = report.language
    return ctx


# How the canonical JSON text opens, and how a JSON text of {"@context": [...]} closes, indented by two.
_OPEN, _CLOSE = "{\n", "\n  ]\n}\n"


@lru_cache(maxsize=1)
def _context_head() -> str:
    """The JSON-LD text from its start to the end of the published context, written once: it never changes."""
    text = dumps_json({"@context": [bundled_context()["@context"]]})
    assert text.endswith(_CLOSE)
    return text[:-len(_CLOSE)]


def to_jsonld(report: Report, base: str | None = None, *, json_text: str | None = None) -> str:
    """JSON-LD text: the canonical JSON under the published context and the document's base and language.

    The context is written inline, not by its URL: any JSON-LD processor reads
    the file offline, with no loader of ours and nothing fetched.
    ``json_text``, the canonical JSON text of ``report`` when the caller has
    it already (:func:`~dossier.canonical.to_json`), is reused rather than
    written again.
    """
    if json_text is None or not json_text.startswith(_OPEN):
        json_text = to_json(report)
        if not json_text.startswith(_OPEN):  # "{}": a report with nothing in it, not even its type
            return dumps_json({"@context": [bundled_context()["@context"], local_context(report, base)]})
    # The text dumps_json({"@context": [context, local], **to_data(report)}) gives, put together from parts:
    # the published context's, written once; the local context's, indented to its place (JSON text has
    # newlines only between lines); and the JSON's, whose keys are the document's. Replacing the opening
    # brace, rather than slicing it off and joining, copies the long JSON text once instead of twice.
    local = dumps_json(local_context(report, base))[:-1].replace("\n", "\n    ")
    return json_text.replace(_OPEN, f"{_context_head()},\n    {local}\n  ],\n", 1)


def _loaded_urls(value: Any, loc: tuple[Any, ...] = (), in_context: bool = False) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every value a JSON-LD processor would load as a document: ``@context`` entries that are not
    objects, anywhere (term definitions hold scoped contexts), and ``@import``. Yields (location, value)."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = loc + (key,)
            if key == "@context" or (key == "@import" and in_context):
                for i, entry in enumerate(item if isinstance(item, list) else [item]):
                    at = here + (i,) if isinstance(item, list) else here
                    if isinstance(entry, dict):
                        yield from _loaded_urls(entry, at, True)
                    elif entry is not None:
                        yield at, entry
            else:
                yield from _loaded_urls(item, here, in_context)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _loaded_urls(item, loc + (i,), in_context)


def _refuse_remote(doc: Document) -> None:
    for loc, url in _loaded_urls(doc.data):
        line_col = doc.locate(loc) or (None, None)
        if not isinstance(url, str):
            raise InvalidDossier([Problem(
                "jsonld", f"a context is an IRI or an object, not {type(url).__name__}", json_path(loc), doc.name,
                *line_col, expected=f"the bundled context {CONTEXT_URL}, or an object")])
        if url != CONTEXT_URL:
            raise RemoteContextRefused(str(url), file=doc.name, path=json_path(loc), line=line_col[0],
                                       column=line_col[1], expected=f"only the bundled context {CONTEXT_URL}")


def _jsonld_message(exc: Any) -> str:
    """The innermost message of a pyld error chain, which names the actual fault."""
    messages = []
    while exc is not None:
        if exc.args:
            messages.append(str(exc.args[0]))
        exc = getattr(exc, "cause", None) or exc.__cause__
    inner = messages[-1] if messages else "not valid JSON-LD"
    return inner.removeprefix("Invalid JSON-LD syntax; ")


# pyld resolves relative IRIs of a document without @base against http://example.org/base/,
# silently inventing IRIs; resolving against a reserved, never-resolvable base lets them be found.
_NO_BASE = "https://no-base.dossier.invalid/"
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def _iri_fault(iri: str) -> str | None:
    bad = _IRI_BAD.search(iri)
    if bad:
        ch = bad.group()
        what = "a space" if ch == " " else f"the character {ch!r}" if ch.isprintable() else \
            f"the control character U+{ord(ch):04X}"
        return f"the IRI contains {what}; an IRI cannot hold spaces, control characters or <>\"{{}}|^`\\"
    if iri.startswith(_NO_BASE) or not _ABSOLUTE.match(iri) and not iri.startswith("_:"):
        return "the IRI is relative, and the document sets no @base to resolve it"
    return None


def _term_problems(expanded: Any, name: str | None) -> list[Problem]:
    """IRIs a processor would drop without a word, and language tags that are not BCP 47."""
    out: dict[Problem, None] = {}  # one problem per IRI, however often it is used
    stack = [expanded]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            iris = [value.get("@id")] + (value["@type"] if isinstance(value.get("@type"), list) else
                                         [value.get("@type")])
            for iri in iris:
                fault = _iri_fault(iri) if isinstance(iri, str) and not iri.startswith("@") else None
                if fault:
                    out[Problem("iri", fault, file=name, node=iri.removeprefix(_NO_BASE))] = None
            lang = value.get("@language")
            if isinstance(lang, str) and not _LANGUAGE.match(lang):
                out[Problem("language-tag", f"the language tag {lang!r} is not BCP 47", file=name,
                            expected="a tag such as en, de-CH or zh-Hant-TW")] = None
            stack.extend(v for k, v in value.items() if k not in ("@id", "@type", "@language", "@value"))
    return list(out)


def jsonld_quads(text: str, name: str | None = None) -> list[Quad]:
    """Parse JSON-LD text into quads, offline; raise :class:`InvalidDossier` with located faults.

    Any context but the bundled one is refused before processing starts
    (and the loader refuses it again, should one slip through): nothing is
    ever fetched. IRIs with spaces or control characters, relative IRIs
    with no base, and language tags that are not BCP 47 are reported rather
    than dropped.
    """
    from pyld import jsonld  # imported here: pyld is slow to import and only this path needs it

    doc = parse_json(text, name)
    if not isinstance(doc.data, (dict, list)):
        raise InvalidDossier([Problem("jsonld", f"a JSON-LD document is an object or an array, not "
                                      f"{type(doc.data).__name__}", file=name)])
    _refuse_remote(doc)
    options = {"documentLoader": document_loader, "base": _NO_BASE}
    try:
        with warnings.catch_warnings():  # pyld warns (and ignores) terms such as "@foo": not the user's concern
            warnings.simplefilter("ignore")
            expanded = jsonld.expand(doc.data, options)
            problems = _term_problems(expanded, name)
            if problems:
                raise InvalidDossier(problems)
            dataset = jsonld.to_rdf(expanded, options)
    except jsonld.JsonLdError as exc:
        cause: Any = exc
        while cause is not None:
            if isinstance(cause, RemoteContextRefused):
                raise RemoteContextRefused(cause.url, file=name, expected=cause.first.expected) from None
            cause = getattr(cause, "cause", None) or cause.__cause__
        raise InvalidDossier([Problem("jsonld", f"JSON-LD: {_jsonld_message(exc)}", file=name)]) from None
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
