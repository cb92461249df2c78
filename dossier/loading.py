"""From parsed data to a checked :class:`Report`: models, article text, evidence, integrity, canonical form."""

from __future__ import annotations

import operator
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import native
from .anchoring import anchor, sha256_text
from .errors import InvalidDossier, Problem, ProblemList, ReadError, json_path
from .integrity import check_integrity
from .models import Report
from .reading import DEFAULT_MAX_BYTES, MAX_DEPTH, Document, read_bytes
from .walk import Tree, canonicalize, mint_ids

__all__ = ["report_from_document", "report_from_json", "pydantic_problems"]

_RULES = {"extra_forbidden": "unknown-field", "missing": "missing-field", "literal_error": "wrong-type-name"}


def pydantic_problems(exc: ValidationError, doc: Document) -> list[Problem]:
    """One located :class:`Problem` per pydantic error."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        line_col = doc.locate(loc)
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = f"unknown field {loc[-1]!r}"
        elif err["type"] == "missing":
            message = f"field {loc[-1]!r} is required"
        out.append(Problem(
            rule=_RULES.get(err["type"], "schema"), message=message, path=json_path(loc), file=doc.name,
            line=line_col[0] if line_col else None, column=line_col[1] if line_col else None,
        ))
    return out


def _locate_all(problems: list[Problem], doc: Document) -> list[Problem]:
    out = []
    for p in problems:
        if p.line is None and p.path.startswith("$"):
            loc = doc.locate(_parse_path(p.path))
            if loc:
                p = Problem(**{**p.as_record(), "line": loc[0], "column": loc[1]})  # type: ignore[arg-type]
        out.append(p)
    return out


def _parse_path(path: str) -> tuple[Any, ...]:
    parts: list[Any] = []
    token = ""
    for ch in path[1:] + ".":
        if ch in ".[]":
            if token:
                parts.append(int(token) if token.isdigit() else token.strip("'\""))
            token = ""
        else:
            token += ch
    return tuple(parts)


def _article_text(report: Report, doc: Document, problems: ProblemList, max_bytes: int) -> str | None:
    if report.text is not None:
        return report.text
    if report.text_path is None:
        return None
    path = _article_path(report.text_path, doc.directory, problems)
    if path is None:
        return None
    try:
        raw = read_bytes(path, max_bytes)
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except ReadError as exc:
        problems.add("article-unreadable", f"cannot read the article: {exc}", "$.text_path")
    except UnicodeDecodeError as exc:
        problems.add("article-unreadable", f"the article {path} is not UTF-8 (byte {exc.start})", "$.text_path")
    return None


def _article_path(text_path: str, directory: Path | None, problems: ProblemList) -> Path | None:
    """The article file, only if it is a regular file in the dossier's folder or below.

    A dossier from an untrusted source must not make dossier read other
    files (error messages quote the article) nor block on a pipe or device.
    """
    try:
        folder = (directory or Path.cwd()).resolve()
        path = (folder / text_path).resolve()
        if not path.is_relative_to(folder):
            problems.add("article-unreadable", f"the article {text_path!r} lies outside the dossier's folder",
                         "$.text_path", expected="a path relative to the dossier's folder, within it")
            return None
        regular = stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError) as exc:  # missing, a name too long, a NUL in the name
        problems.add("article-unreadable", f"cannot read the article {text_path!r}: "
                     f"{getattr(exc, 'strerror', None) or exc}", "$.text_path")
        return None
    if not regular:
        problems.add("article-unreadable", f"the article {text_path!r} is not a regular file", "$.text_path")
        return None
    return path


def report_from_document(doc: Document, max_bytes: int = DEFAULT_MAX_BYTES, *, keep_text: bool = True) -> Report:
    """Validate ``doc`` into a :class:`Report` and apply every check; raise :class:`InvalidDossier` listing all faults.

    The article text is taken from ``text`` or read from ``text_path``
    (relative to the document's folder) and checked against ``sha256``;
    quote-only evidence gets its offsets; nested ids are minted; lists are
    put in canonical order. With ``keep_text`` the text read from
    ``text_path`` is kept in ``report.text``.
    """
    if not isinstance(doc.data, dict):
        doc.require_depth()
        raise InvalidDossier([Problem("schema", f"a dossier is a mapping, not {type(doc.data).__name__}",
                                      file=doc.name, expected="an object with id, persons, places ...")])
    try:
        report = Report.model_validate(doc.data)
    except ValidationError as exc:
        doc.require_depth()
        raise InvalidDossier(pydantic_problems(exc, doc)) from None
    except RecursionError:
        doc.require_depth()
        raise InvalidDossier([Problem("limit", "the document nests too deeply", file=doc.name)]) from None
    tree = Tree(report)  # walked once, for every step below
    if tree.near_limit:  # a long chain of attributions: only the data can tell
        doc.require_depth()
        if tree.cut:  # data built in Python, never parsed from text, is checked only here
            raise InvalidDossier([Problem("limit", f"nesting deeper than {MAX_DEPTH} levels", file=doc.name)])
    return _checked(report, tree, doc, max_bytes, keep_text)


def _checked(report: Report, tree: Tree, doc: Document, max_bytes: int, keep_text: bool) -> Report:
    """Every check after the models': the article, evidence, ids, integrity; then canonical order."""
    problems = ProblemList(doc.name)
    text = _article_text(report, doc, problems, max_bytes)
    if text is not None:
        digest = sha256_text(text)
        if report.sha256 is None:
            report.sha256 = digest
        if report.sha256 != digest:
            problems.add("article-changed", "the article text is not the text this dossier was made from "
                         f"(its SHA-256 is {digest})", "$.sha256", expected=report.sha256)
        else:
            anchor(report, text, problems, tree)
        if keep_text:
            report.text = text
    else:
        _require_offsets(tree, problems)
    if not problems.items:
        mint_ids(report, tree)
    check_integrity(report, problems, tree)
    if problems.items:
        raise InvalidDossier(_locate_all(problems.items, doc))
    canonicalize(report, tree)
    return report


def report_from_json(data: str | bytes, name: str | None = None, directory: Path | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> Report | None:
    """The checked :class:`Report` of a valid JSON dossier, read the fast way; None for any other data.

    pydantic parses the UTF-8 and validates it in one pass, in Rust,
    without making Python data first: a fraction of the work of the
    standard library's parser with a duplicate-key hook. It is only tried
    for the common case, a valid dossier. For anything else (a fault
    anywhere, JSON-LD, a byte order mark, a chain of attributions near the
    nesting limit) it returns None, and the caller reads the text the
    careful way (:func:`parse_json`, :func:`report_from_document`), which
    finds and locates every problem.
    """
    try:
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        report = Report.__pydantic_validator__.validate_json(raw)
    except (ValidationError, RecursionError, UnicodeEncodeError):
        return None
    tree = Tree(report)
    if tree.near_limit or not _keys_unique(raw, tree):
        return None
    try:
        return _checked(report, tree, Document(None, name, directory), max_bytes, True)
    except InvalidDossier:
        return None


_JSON_WHITESPACE = b" \t\n\r"
_fields_set = operator.attrgetter("__pydantic_fields_set__")


def _keys_unique(raw: bytes, tree: Tree) -> bool:
    """Whether no object of the JSON ``raw`` repeats a key, told from the nodes pydantic validated it into.

    pydantic keeps the last of repeated keys, silently. The models take
    each key they are given as one field they set (extra keys are refused,
    no field has an alias, no validator sets a field), so the fields set
    are as many as the keys only if no key repeats. dossier's C loop
    (:mod:`dossier.native`) counts the keys exactly, skipping strings whole.
    Its Python twin counts pairs: with JSON's whitespace taken out, every
    key ends in ``":``; inside strings that pair can stand too, but then
    there are only more of them. So as many ``":`` as fields set means every
    key was counted once, and none repeats.

    Taking the whitespace out is most of the work, and is often not needed:
    where the only whitespace is spaces (JSON on one line, as ``json.dumps``
    writes it) and no space stands just before a colon, no key has
    whitespace before its colon, and the text as it is has the same ``":``
    as without whitespace. Looking for a newline, a tab or a return costs
    next to nothing (memchr); looking for a space before a colon, a third
    of taking the whitespace out.
    """
    given = sum(map(len, map(_fields_set, tree.nodes)))
    keys = native.count_keys(raw) if native.count_keys is not None else None
    if keys is not None:
        return keys == given
    if b"\n" in raw or b"\r" in raw or b"\t" in raw or b" :" in raw:
        raw = raw.translate(None, _JSON_WHITESPACE)
    return raw.count(b'":') == given


def _require_offsets(tree: Tree, problems: ProblemList) -> None:
    unanchored = [node for node, span in zip(tree.evidence, tree.spans) if span["start"] is None or span["end"] is None]
    for node in tree.in_walk_order(unanchored) if unanchored else ():
        problems.add("evidence-unanchored", "a quote without offsets needs the article text to anchor it",
                     json_path(tree.location(node)), expected="start and end, or text / text_path on the report")
