"""Anchoring evidence to the article: every quote must be the text at its offsets.

Offsets count Unicode code points with the end excluded (Python ``str``
slicing, as W3C Web Annotation's TextPositionSelector). Where a span gives
only its quote, the quote must occur exactly once in the article, or exactly
once with its prefix and suffix, and the offsets are filled in.
"""

from __future__ import annotations

import hashlib
import operator
from typing import Any

from .errors import ProblemList, json_path
from .models import Evidence, Report
from .walk import Tree

__all__ = ["anchor", "find_quote", "sha256_text"]

_span_fields = operator.itemgetter("start", "end", "quote", "prefix", "suffix")


def sha256_text(text: str) -> str:
    """Hex SHA-256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_quote(text: str, quote: str, prefix: str | None = None, suffix: str | None = None) -> list[int]:
    """Every start offset where ``quote`` occurs in ``text`` with the given prefix and suffix around it."""
    starts = []
    at = text.find(quote)
    while at != -1:
        end = at + len(quote)
        if (prefix is None or text.endswith(prefix, 0, at)) and (suffix is None or text.startswith(suffix, end)):
            starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def _check_span(ev: Evidence, text: str, where: str, problems: ProblemList) -> None:
    start, end = ev.start, ev.end
    if start is None or end is None:
        problems.add("evidence-offsets", "give both start and end, or neither", where)
        return
    if end < start or end > len(text):
        problems.add("evidence-offsets", f"offsets {start}..{end} lie outside the article (0..{len(text)})", where,
                     expected=f"0 <= start <= end <= {len(text)}")
        return
    actual = text[start:end]
    if actual != ev.quote:
        found = find_quote(text, ev.quote)
        hint = f"; the quote occurs at {', '.join(map(str, found[:5]))}" if found else "; the quote is not in the article"
        problems.add("evidence-mismatch", f"the article at {start}..{end} reads {actual!r}, not {ev.quote!r}{hint}",
                     where, expected=repr(ev.quote))
        return
    if ev.prefix is not None and not text.endswith(ev.prefix, 0, start):
        problems.add("evidence-mismatch", f"the text before {start} is not the prefix {ev.prefix!r}", where)
    if ev.suffix is not None and not text.startswith(ev.suffix, end):
        problems.add("evidence-mismatch", f"the text after {end} is not the suffix {ev.suffix!r}", where)


def anchor(report: Report, text: str, problems: ProblemList, tree: Tree | None = None) -> None:
    """Check every evidence span of ``report`` against ``text``; fill offsets of quote-only spans.

    Faults are added to ``problems`` with the JSON path of the span, in the order of
    :func:`~dossier.walk.walk`. ``tree`` is the report's :class:`~dossier.walk.Tree`,
    when the caller has it already.
    """
    if tree is None:
        tree = Tree(report)
    if _all_right(text, tree.spans):
        return  # the common case
    # Each span is looked at again, in walk order, for the faults to come in that order with their paths.
    for loc, node in tree.walked():
        if isinstance(node, Evidence) and not _all_right(text, [node.__dict__]):
            _anchor_span(node, text, json_path(loc), problems)


def _all_right(text: str, spans: list[dict[str, Any]]) -> bool:
    """Whether every span (the ``__dict__`` of each) is right as given: offsets, quote, prefix and suffix."""
    # Fields are read from each span's __dict__, five in one call: this runs for every span on every load.
    size = len(text)
    for start, end, quote, prefix, suffix in map(_span_fields, spans):
        if not (start is not None and end is not None and start <= end <= size and text[start:end] == quote
                and (prefix is None or text.endswith(prefix, 0, start))
                and (suffix is None or text.startswith(suffix, end))):
            return False
    return True


def _anchor_span(node: Evidence, text: str, where: str, problems: ProblemList) -> None:
    """Fill the offsets of a quote-only span, or add what is wrong with a span to ``problems``."""
    if node.start is None and node.end is None:
        found = find_quote(text, node.quote, node.prefix, node.suffix)
        if len(found) == 1:
            node.start, node.end = found[0], found[0] + len(node.quote)
        elif not found:
            problems.add("evidence-not-found", f"the quote {node.quote!r} is not in the article"
                         + (" with that prefix and suffix" if node.prefix or node.suffix else ""), where)
        else:
            problems.add("evidence-ambiguous",
                         f"the quote {node.quote!r} occurs {len(found)} times (at {', '.join(map(str, found[:5]))});"
                         " give start and end, or a prefix or suffix that picks one", where)
    else:
        _check_span(node, text, where, problems)
