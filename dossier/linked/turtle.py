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
from .quads import K_IRI, K_LIT, Record

__all__ = ["write_turtle", "write_trig"]

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_XSD = NS["xsd"]
_RDF_TYPE = NS["rdf"] + "type"
_SHORT = {_XSD + "integer": _INTEGER, _XSD + "boolean": re.compile(r"^(true|false)$")}
_LONG_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7F] if i != 0x0A}
_LONG_TABLE.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\r"): "\\r", ord("\t"): "\\t"})
# Controls other than newline, carriage return and tab: with none of them, escaping a long string is a few replaces.
_LONG_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# subject -> predicate -> object texts, each in order of first appearance
Blocks = dict[str, dict[str, list[str]]]


def _escape_long(text: str) -> str:
    if _LONG_CONTROL.search(text):
        return text.translate(_LONG_TABLE)
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\t", "\\t")


class _Writer:
    def __init__(self, base: Optional[str]):
        # A relative reference resolves against the base's last '/', so '#'-bases get full IRIs.
        self.base = base if base and base.endswith("/") else None
        self.used: set[str] = set()
        self.seen: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        found = self.seen.get(iri)
        if found is None:
            found = self.seen[iri] = self._iri(iri)
        return found

    def _iri(self, iri: str) -> str:
        if self.base and iri.startswith(self.base) and len(iri) > len(self.base):
            return f"<{iri[len(self.base):]}>"
        for prefix, ns in NS.items():
            if iri.startswith(ns):
                local = iri[len(ns):]
                if _LOCAL.match(local):
                    self.used.add(prefix)
                    return f"{prefix}:{local}"
        return f"<{iri}>"

    def literal(self, lexical: str, lang: Optional[str], datatype: Optional[str]) -> str:
        if datatype in _SHORT and _SHORT[datatype].match(lexical):
            return lexical
        if "\n" in lexical:
            body = '"""' + _escape_long(lexical) + '"""'
        else:
            body = '"' + escape_string(lexical) + '"'
        if lang:
            return f"{body}@{lang}"
        if datatype:
            return f"{body}^^{self.iri(datatype)}"
        return body

    def group_records(self, records: Iterable[Record]) -> Blocks:
        """The records' statements by subject, then predicate, each object formatted once, in record order."""
        subjects: Blocks = {}
        iri, literal, seen = self.iri, self.literal, self.seen
        for subject, _, fields in records:
            preds = subjects.get(subject)
            if preds is None:
                preds = subjects[subject] = {}
            for predicate, kind, extra, values in fields:
                objs = preds.get(predicate)
                if objs is None:
                    objs = preds[predicate] = []
                for value in values:
                    if kind == K_IRI:
                        text = seen.get(value) or iri(value)
                    elif kind == K_LIT:  # what literal(value, extra, None) gives, inline: most objects are text
                        if "\n" in value:
                            text = '"""' + _escape_long(value) + '"""'
                        else:
                            text = '"' + escape_string(value) + '"'
                        if extra:
                            text = text + "@" + extra
                    else:
                        text = literal(value, None, extra)
                    if text not in objs:
                        objs.append(text)
        return subjects

    def blocks(self, subjects: Blocks, indent: str) -> list[str]:
        out = []
        wrap = ",\n" + indent + "        "
        between = " ;\n" + indent + "    "
        iri, seen = self.iri, self.seen
        for s, preds in subjects.items():
            lines = []
            for p, objs in preds.items():
                name = "a" if p == _RDF_TYPE else seen.get(p) or iri(p)
                joined = ", ".join(objs)
                if len(joined) > 72 and len(objs) > 1:
                    joined = wrap.join(objs)
                lines.append(f"{name} {joined}")
            out.append(indent + (seen.get(s) or iri(s)) + " " + between.join(lines) + " .\n")
        return out


def _header(writer: _Writer, base: Optional[str]) -> str:
    head = f"@base <{writer.base}> .\n" if writer.base else ""
    head += "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in NS.items() if p in writer.used)
    return head + "\n"


def write_turtle(records: list[Record], base: Optional[str] = None) -> str:
    """Turtle text of the node records (:func:`~dossier.linked.quads.node_records`), graphs merged."""
    writer = _Writer(base)
    body = writer.blocks(writer.group_records(records), "")
    return _header(writer, base) + "\n".join(body)


def write_trig(records: list[Record], base: Optional[str] = None) -> str:
    """TriG text: the default graph first, then each named graph as its own block."""
    writer = _Writer(base)
    by_graph: dict[Optional[str], list[Record]] = {None: []}
    for record in records:
        for g in record[1]:
            by_graph.setdefault(g, []).append(record)
    grouped = {g: writer.group_records(rs) for g, rs in by_graph.items()}
    parts = writer.blocks(grouped.pop(None), "")
    for g, subjects in grouped.items():
        inner = "\n".join(writer.blocks(subjects, "    "))
        parts.append(f"{writer.iri(g)} {{\n{inner}}}\n")  # type: ignore[arg-type]
    return _header(writer, base) + "\n".join(parts)
