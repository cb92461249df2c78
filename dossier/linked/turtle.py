"""Turtle and TriG written directly: prefixed names, relative IRIs under ``@base``, one block per node.

Nodes appear in walk order (the report, then each item followed by the
nodes it holds), predicates in field order with ``rdf:type`` first, so the
file reads like the JSON and is byte-stable.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from ..terms import NS
from .ntriples import escape_string
from .quads import IRI, Lit, Object, Quad

__all__ = ["write_turtle", "write_trig"]

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_XSD = NS["xsd"]
_SHORT = {_XSD + "integer": _INTEGER, _XSD + "boolean": re.compile(r"^(true|false)$")}
_LONG_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7F] if i != 0x0A}
_LONG_TABLE.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\r"): "\\r", ord("\t"): "\\t"})


class _Writer:
    def __init__(self, base: Optional[str]):
        # A relative reference resolves against the base's last '/', so '#'-bases get full IRIs.
        self.base = base if base and base.endswith("/") else None
        self.used: set[str] = set()

    def iri(self, iri: str) -> str:
        if self.base and iri.startswith(self.base) and len(iri) > len(self.base):
            return f"<{iri[len(self.base):]}>"
        for prefix, ns in NS.items():
            if iri.startswith(ns):
                local = iri[len(ns):]
                if _LOCAL.match(local):
                    self.used.add(prefix)
                    return f"{prefix}:{local}"
        return f"<{iri}>"

    def term(self, term: Object) -> str:
        if isinstance(term, IRI):
            return self.iri(term)
        lit: Lit = term
        if lit.datatype in _SHORT and _SHORT[lit.datatype].match(lit.lexical):
            return lit.lexical
        if "\n" in lit.lexical:
            body = '"""' + lit.lexical.translate(_LONG_TABLE) + '"""'
        else:
            body = '"' + escape_string(lit.lexical) + '"'
        if lit.lang:
            return f"{body}@{lit.lang}"
        if lit.datatype:
            return f"{body}^^{self.iri(lit.datatype)}"
        return body

    def block(self, triples: list[tuple[IRI, IRI, Object]], indent: str) -> list[str]:
        subjects: dict[str, dict[str, list[str]]] = {}
        for s, p, o in triples:
            preds = subjects.setdefault(s, {})
            objs = preds.setdefault(p, [])
            text = self.term(o)
            if text not in objs:
                objs.append(text)
        out = []
        for s, preds in subjects.items():
            lines = []
            for p, objs in preds.items():
                name = "a" if p == NS["rdf"] + "type" else self.iri(p)
                joined = ", ".join(objs)
                if len(joined) > 72 and len(objs) > 1:
                    joined = (",\n" + indent + "        ").join(objs)
                lines.append(f"{name} {joined}")
            out.append(indent + self.iri(s) + " " + (" ;\n" + indent + "    ").join(lines) + " .\n")
        return out


def _header(writer: _Writer, base: Optional[str]) -> str:
    head = f"@base <{writer.base}> .\n" if writer.base else ""
    head += "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in NS.items() if p in writer.used)
    return head + "\n"


def write_turtle(quads: Iterable[Quad], base: Optional[str] = None) -> str:
    """Turtle text of every quad, graphs merged."""
    writer = _Writer(base)
    body = writer.block([(s, p, o) for s, p, o, _ in quads], "")
    return _header(writer, base) + "\n".join(body)


def write_trig(quads: Iterable[Quad], base: Optional[str] = None) -> str:
    """TriG text: the default graph first, then each named graph as its own block."""
    writer = _Writer(base)
    graphs: dict[Optional[str], list[tuple[IRI, IRI, Object]]] = {None: []}
    for s, p, o, g in quads:
        graphs.setdefault(g, []).append((s, p, o))
    parts = writer.block(graphs.pop(None), "")
    for g, triples in graphs.items():
        inner = "\n".join(writer.block(triples, "    "))
        parts.append(f"{writer.iri(g)} {{\n{inner}}}\n")  # type: ignore[arg-type]
    return _header(writer, base) + "\n".join(parts)
