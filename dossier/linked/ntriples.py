"""N-Triples and N-Quads: exact escaping, one triple a line, in the node records' walk order.

Lines are not sorted: the records come from a dossier in canonical form, so
the same dossier always gives the same lines in the same order, and the
output is byte-stable without the cost of a sort. No line repeats.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional, Union

from .. import native
from ..models import Report
from .codegen import Fallback, Functions, lines_function
from .mapping import RDF_TYPE, class_iris, mint_base
from .quads import K_IRI, K_IRIS, K_LIT, K_TYPED, MANY, Record, check_base, hypothetical_graphs, node_records

__all__ = ["escape_string", "write_nquads", "write_ntriples", "report_nquads", "report_ntriples", "report_lines",
           "report_bytes"]

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7F]}
_TABLE.update({ord(k): v for k, v in _ECHAR.items()})
_RARE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_string(text: str) -> str:
    """Escape ``text`` for a double-quoted N-Triples/Turtle string: ECHARs, and other controls as \\uXXXX."""
    # Three scans in C (every control is unprintable) tell that most text needs no escaping, far faster than
    # a regular expression; and most of the rest holds no controls but newlines, returns and tabs, which a
    # few replaces escape. Only what is still unprintable then, rarely, is searched for other controls.
    if '"' not in text and "\\" not in text and text.isprintable():
        return text
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
               .replace("\t", "\\t"))
    if escaped.isprintable() or not _RARE_CONTROL.search(text):
        return escaped
    return text.translate(_TABLE)


def _object(kind: int, extra: Optional[str], value: str) -> str:
    """The N-Triples text of one object of a statement of ``kind`` (one value)."""
    if kind == K_IRI:
        return f"<{value}>"
    if kind == K_LIT:
        return f'"{escape_string(value)}"@{extra}' if extra else f'"{escape_string(value)}"'
    return f'"{escape_string(value)}"^^<{extra}>'


def _lines(records: list[Record], with_graph: bool) -> list[str]:
    """One N-Triples or N-Quads line per triple of ``records``, in record order, formatted straight from them."""
    out: list[str] = []
    append = out.append
    escape = escape_string
    ends: dict[tuple[Optional[str], ...], tuple[str, ...]] = {}
    for subject, graphs, statements in records:
        tails = ends.get(graphs)
        if tails is None:
            # A node in several graphs is one triple in a merged graph.
            tails = ends[graphs] = tuple({f" <{g}> .\n" if with_graph and g is not None else " .\n": None
                                          for g in graphs})
        subject = f"<{subject}> <"
        for tail in tails:
            for predicate, kind, extra, value in statements:
                # What _object gives, inline for the statements of one value: nearly all, and a call costs.
                if kind == K_IRI:
                    append(f"{subject}{predicate}> <{value}>{tail}")
                elif kind == K_LIT:
                    if '"' in value or "\\" in value or not value.isprintable():  # type: ignore[operator]
                        value = escape(value)  # type: ignore[arg-type]
                    append(f'{subject}{predicate}> "{value}"@{extra}{tail}' if extra else
                           f'{subject}{predicate}> "{value}"{tail}')
                elif kind == K_TYPED:
                    # Digits (most typed values are integers) need no escaping, which one test shows.
                    if not value.isdigit() and ('"' in value or "\\" in value or  # type: ignore[union-attr]
                                                not value.isprintable()):  # type: ignore[union-attr]
                        value = escape(value)  # type: ignore[arg-type]
                    append(f'{subject}{predicate}> "{value}"^^<{extra}>{tail}')
                elif kind == K_IRIS:  # the commonest of several values (the report's mentions): no call each
                    head, end = f"{subject}{predicate}> <", f">{tail}"
                    out += [f"{head}{one}{end}" for one in value]  # type: ignore[union-attr]
                else:
                    for one in value:
                        append(f"{subject}{predicate}> {_object(kind - MANY, extra, one)}{tail}")
    if len({record[0] for record in records}) < len(records):
        # Only a dossier that was never checked repeats an id, and so perhaps a triple.
        return list(dict.fromkeys(out))
    return out


def _native(records: list[Record], with_graph: bool, as_text: bool) -> Union[str, bytes, None]:
    """What :func:`_lines` gives, joined (``as_text``) or joined and encoded as UTF-8, by dossier's C loop; None
    where that loop is not built (see :mod:`dossier.native`), or is not for these records (a repeated subject,
    another shape)."""
    if native.nquads is None or len({record[0] for record in records}) < len(records):
        return None
    return native.nquads(records, with_graph, as_text)


def _text(records: list[Record], with_graph: bool) -> str:
    text = _native(records, with_graph, True)
    return text if text is not None else "".join(_lines(records, with_graph))  # type: ignore[return-value]


def write_nquads(records: list[Record]) -> str:
    """N-Quads text of the node records: claim graphs kept, lines unique, in walk order."""
    return _text(records, True)


def write_ntriples(records: list[Record]) -> str:
    """N-Triples text of the node records: every graph merged into one, lines unique, in walk order."""
    return _text(records, False)


# ---- straight from the model


Records = Callable[[], list[Record]]


def report_nquads(report: Report, base: Optional[str] = None, *, records: Optional[Records] = None) -> str:
    """N-Quads text of ``report`` under ``base``: what :func:`write_nquads` gives for its node records.

    ``records`` gives those records, where the caller makes them for other
    formats too (see :func:`dossier.formats.dumps_many`): called only if
    they are written from.
    """
    return _report_text(report, base, True, records)


def report_ntriples(report: Report, base: Optional[str] = None, *, records: Optional[Records] = None) -> str:
    """N-Triples text of ``report`` under ``base``: what :func:`write_ntriples` gives for its node records;
    ``records`` as for :func:`report_nquads`."""
    return _report_text(report, base, False, records)


def _report_text(report: Report, base: Optional[str], with_graph: bool, records: Optional[Records]) -> str:
    # The C loop formats the records several times faster than the generated Python writes the lines from the
    # model, which is faster than making the records and formatting them in Python.
    if native.nquads is not None:
        return _text(records() if records is not None else node_records(report, base), with_graph)
    return "".join(report_lines(report, base, with_graph=with_graph))


def report_bytes(report: Report, base: Optional[str] = None, *, with_graph: bool = True) -> bytes:
    """The UTF-8 bytes of :func:`report_nquads` (``with_graph``) or :func:`report_ntriples`.

    Without the C loop, the lines are encoded one by one: most are ASCII,
    which encodes as a copy, while the joined text of a dossier with any
    non-ASCII character would be encoded character by character.
    """
    if native.nquads is not None:
        encoded = _native(node_records(report, base), with_graph, False)
        if encoded is not None:
            return encoded  # type: ignore[return-value]
    return b"".join(map(str.encode, report_lines(report, base, with_graph=with_graph)))


@lru_cache(maxsize=None)
def _type_texts() -> dict[str, str]:
    """The ``rdf:type`` line of each ``type`` value, between the subject's bracket and the tail."""
    return {name: f"{RDF_TYPE}> <{iri}>" for name, iri in class_iris().items()}


#: The lines function of each model class (codegen.lines_function), made when first needed.
_LINES = Functions(lines_function)


def report_lines(report: Report, base: Optional[str] = None, *, with_graph: bool = True) -> list[str]:
    """The lines of :func:`report_nquads` (``with_graph``) or :func:`report_ntriples`, not joined.

    The lines :func:`_lines` gives for the node records of ``report``, in
    the same order, from the model. Not joined, for writing them out as
    UTF-8 line by line: most lines are ASCII, which encodes as a copy, while
    the joined text of a dossier with any non-ASCII character would be
    encoded character by character.

    Each node's lines are written by its class's own function, which then
    writes the nodes it holds, in the order of
    :func:`~dossier.linked.quads.node_records`. Where that cannot be done
    (see :class:`~dossier.linked.codegen.Fallback`), the lines are written
    from the records.
    """
    prefix = check_base(mint_base(report, base))
    lang = report.language or None
    q = f'"@{lang}' if lang else '"'  # what closes a text literal
    placed: dict[str, tuple[str, ...]] = {}
    if with_graph:  # in N-Triples, every graph is the one graph
        for eid, claims in hypothetical_graphs(report).items():
            placed[eid] = tuple(dict.fromkeys(f" <{prefix}{c}> .\n" for c in claims))
    out: list[str] = []
    ids: list[str] = []  # ids are hashed already when the dossier was checked: a set of them is cheap
    try:
        _LINES[type(report)](report.__dict__, (" .\n",), None, out, prefix, q, placed, ids, _LINES)
    except (Fallback, RecursionError):
        return _lines(node_records(report, base), with_graph)
    if len(set(ids)) < len(ids):
        # Only a dossier that was never checked repeats an id, and so perhaps a triple.
        return list(dict.fromkeys(out))
    return out
