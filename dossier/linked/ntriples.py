"""N-Triples and N-Quads: exact escaping, one statement a line, lines sorted so output is byte-stable."""

from __future__ import annotations

import re
from typing import Optional

from .quads import K_IRI, K_LIT, Record

__all__ = ["escape_string", "write_nquads", "write_ntriples"]

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7F]}
_TABLE.update({ord(k): v for k, v in _ECHAR.items()})
# Most text needs no escaping, and most of the rest only quotes, backslashes, newlines or tabs:
# finding that out, and replacing those few, is much cheaper than translating every character.
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_RARE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_string(text: str) -> str:
    """Escape ``text`` for a double-quoted N-Triples/Turtle string: ECHARs, and other controls as \\uXXXX."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    if _RARE_CONTROL.search(text):
        return text.translate(_TABLE)
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
            .replace("\t", "\\t"))


def _record_lines(records: list[Record], with_graph: bool) -> set[str]:
    """One N-Triples or N-Quads line per statement of ``records``, formatted straight from the records."""
    out: set[str] = set()
    add = out.add
    escape = escape_string
    ends: dict[tuple[Optional[str], ...], tuple[str, ...]] = {}
    for subject, graphs, fields in records:
        tails = ends.get(graphs)
        if tails is None:
            tails = ends[graphs] = tuple({f" <{g}> .\n" if with_graph and g is not None else " .\n": None
                                          for g in graphs})
        subject = f"<{subject}> <"
        for tail in tails:
            for predicate, kind, extra, values in fields:
                head = subject + predicate
                if kind == K_IRI:
                    for value in values:
                        add(f"{head}> <{value}>{tail}")
                elif kind == K_LIT:
                    end = f'"@{extra}{tail}' if extra else f'"{tail}'
                    for value in values:
                        add(f'{head}> "{escape(value)}{end}')
                else:
                    end = f'"^^<{extra}>{tail}'
                    for value in values:
                        add(f'{head}> "{escape(value)}{end}')
    return out


def write_nquads(records: list[Record]) -> str:
    """N-Quads text of the node records: claim graphs kept, lines sorted and unique."""
    return "".join(sorted(_record_lines(records, True)))


def write_ntriples(records: list[Record]) -> str:
    """N-Triples text of the node records: every graph merged into one, lines sorted and unique."""
    return "".join(sorted(_record_lines(records, False)))
