"""N-Triples and N-Quads: exact escaping, one statement a line, lines sorted so output is byte-stable."""

from __future__ import annotations

from typing import Iterable, Optional

from .quads import IRI, Lit, Object, Quad

__all__ = ["escape_string", "nt_term", "write_nquads", "write_ntriples"]

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7F]}
_TABLE.update({ord(k): v for k, v in _ECHAR.items()})


def escape_string(text: str) -> str:
    """Escape ``text`` for a double-quoted N-Triples/Turtle string: ECHARs, and other controls as \\uXXXX."""
    return text.translate(_TABLE)


def nt_term(term: Object) -> str:
    """One term in N-Triples syntax."""
    if isinstance(term, IRI):
        return f"<{term}>"
    lit: Lit = term
    body = f'"{escape_string(lit.lexical)}"'
    if lit.lang:
        return f"{body}@{lit.lang}"
    if lit.datatype:
        return f"{body}^^<{lit.datatype}>"
    return body


def _line(q: Quad, with_graph: bool) -> str:
    s, p, o, g = q
    graph: Optional[str] = f" <{g}>" if with_graph and g is not None else ""
    return f"<{s}> <{p}> {nt_term(o)}{graph} .\n"


def write_nquads(quads: Iterable[Quad]) -> str:
    """N-Quads text: claim graphs kept, lines sorted and unique."""
    return "".join(sorted({_line(q, True) for q in quads}))


def write_ntriples(quads: Iterable[Quad]) -> str:
    """N-Triples text: every graph merged into one, lines sorted and unique."""
    return "".join(sorted({_line(q, False) for q in quads}))
