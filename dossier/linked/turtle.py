"""Turtle and TriG written directly: prefixed names, relative IRIs under ``@base``, one block per node.

Nodes appear in walk order (the report, then each item followed by the
nodes it holds), predicates in field order with ``rdf:type`` first, so the
file reads like the JSON and is byte-stable.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Optional

from ..models import Report
from ..terms import NS
from .codegen import Fallback, Functions
from .mapping import class_iris, mint_base
from .ntriples import escape_string
from .quads import K_IRI, K_IRIS, K_LIT, K_TYPED, MANY, Record, Statement, check_base, merged, node_records
from .turtlegen import turtle_function

__all__ = ["write_turtle", "write_trig", "report_turtle"]

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_XSD_INTEGER = NS["xsd"] + "integer"
_XSD_BOOLEAN = NS["xsd"] + "boolean"
_RDF_TYPE = NS["rdf"] + "type"
_LONG_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7F] if i != 0x0A}
_LONG_TABLE.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\r"): "\\r", ord("\t"): "\\t"})
# Controls other than newline, carriage return and tab: with none of them, escaping a long string is a few replaces.
_LONG_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _quoted(lexical: str) -> str:
    """A Turtle string: the long form for text with newlines, which stays readable; the short form otherwise."""
    if "\n" not in lexical:
        return '"' + escape_string(lexical) + '"'
    # As in escape_string: a few replaces, and a search for other controls only if something is still unprintable.
    escaped = lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\t", "\\t")
    if not escaped.replace("\n", "").isprintable() and _LONG_CONTROL.search(lexical):
        escaped = lexical.translate(_LONG_TABLE)
    return '"""' + escaped + '"""'


@lru_cache(maxsize=4096)
def _prefixed(iri: str) -> tuple[str, Optional[str]]:
    """``iri`` as a prefixed name and its prefix where one fits, else whole and None.

    Kept across calls: nearly every IRI that is not a node's is one of the
    vocabulary's few hundred, the same in every dossier.
    """
    for prefix, ns in NS.items():
        if iri.startswith(ns):
            local = iri[len(ns):]
            if _LOCAL.match(local):
                return f"{prefix}:{local}", prefix
    return f"<{iri}>", None


class _Writer:
    def __init__(self, base: Optional[str]):
        # A relative reference resolves against the base's last '/', so '#'-bases get full IRIs.
        self.base = base if base and base.endswith("/") else None
        self.prefix = base or ""  # what a node's id is appended to
        self.used: set[str] = set()
        self.names: dict[str, str] = {}  # each IRI's text, made once
        self.heads: dict[str, dict[str, str]] = {}  # by separator: each predicate's text after it, and a space

    def iri(self, iri: str) -> str:
        """``iri`` as Turtle: relative under the base, else a prefixed name where one fits, else whole."""
        found = self.names.get(iri)
        if found is None:
            if self.base and iri.startswith(self.base) and len(iri) > len(self.base):
                found = f"<{iri[len(self.base):]}>"
            else:
                found, prefix = _prefixed(iri)
                if prefix:
                    self.used.add(prefix)
            self.names[iri] = found
        return found

    def node(self, id_: str) -> str:
        """The IRI of the node with id ``id_`` (under the base the writer was made with), as Turtle."""
        return self.iri(self.prefix + id_)

    def typed(self, lexical: str, datatype: str) -> str:
        """A typed literal; integers and booleans in their short form where the lexical form allows it."""
        if datatype == _XSD_INTEGER and (lexical.isdigit() and lexical.isascii() or _INTEGER.match(lexical)):
            return lexical
        if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
            return lexical
        return f"{_quoted(lexical)}^^{self.iri(datatype)}"

    def object(self, kind: int, extra: Optional[str], value: str) -> str:
        """The Turtle text of one object of a statement of ``kind`` (one value)."""
        if kind == K_IRI:
            return self.iri(value)
        if kind == K_LIT:
            return f"{_quoted(value)}@{extra}" if extra else _quoted(value)
        return self.typed(value, extra)  # type: ignore[arg-type]

    def blocks(self, pieces: list[str], records: list[Record], indent: str) -> None:
        """Add to ``pieces`` a block per record, a blank line apart: the subject, then each predicate and its objects.

        Pieces, joined once at the end: lines joined into blocks joined into
        a text would copy the text three times.
        """
        add = pieces.append
        wrap = ",\n" + indent + "        "
        between = " ;\n" + indent + "    "
        names, iri, typed = self.names, self.iri, self.typed
        known = names.get
        heads = self.heads.setdefault(between, {_RDF_TYPE: between + "a "})  # each predicate after the separator
        head_of = heads.get
        base = self.base or "\x00"  # no IRI starts with NUL, so with no base nothing is relative
        cut = len(base)
        start = indent
        for subject, _, statements in records:
            text = f"{start}{names.get(subject) or iri(subject)}"
            start = "\n" + indent
            opening: Optional[int] = None
            if statements and statements[0][0] == _RDF_TYPE and statements[0][1] == K_IRI:
                # A record opens with its type (node_records makes it so): written with the subject.
                add(f"{text} a {known(statements[0][3]) or iri(statements[0][3])}")  # type: ignore[arg-type]
                statements = statements[1:]
            else:
                add(text)
                opening = len(pieces)
            for predicate, kind, extra, value in statements:
                head = head_of(predicate)
                if head is None:
                    head = heads[predicate] = f"{between}{iri(predicate)} "
                add(head)
                # What self.object gives, inline for the statements of one value: nearly all, and a call costs.
                if kind == K_IRI:
                    text = known(value)  # type: ignore[arg-type]
                    if text is None:
                        if value.startswith(base) and len(value) > cut:  # type: ignore[union-attr]
                            text = names[value] = f"<{value[cut:]}>"  # type: ignore[index]
                        else:
                            text = iri(value)  # type: ignore[arg-type]
                    add(text)
                elif kind == K_LIT:
                    if '"' in value or "\\" in value or not value.isprintable():  # type: ignore[operator,union-attr]
                        add(f"{_quoted(value)}@{extra}" if extra else _quoted(value))  # type: ignore[arg-type]
                    else:
                        add(f'"{value}"@{extra}' if extra else f'"{value}"')
                elif kind == K_TYPED:
                    if extra == _XSD_INTEGER and value.isdigit() and value.isascii():  # type: ignore[union-attr]
                        add(value)  # type: ignore[arg-type]
                    else:
                        add(typed(value, extra))  # type: ignore[arg-type]
                elif kind == K_IRIS:
                    add(_objects([known(one) or iri(one) for one in value], wrap))  # type: ignore[union-attr]
                else:
                    kind -= MANY
                    add(_objects([self.object(kind, extra, one) for one in value], wrap))  # type: ignore[union-attr]
            if opening is not None and len(pieces) > opening:
                # Every predicate was added after the separator: the first follows the subject after a space.
                pieces[opening] = " " + pieces[opening][len(between):]
            add(" .\n")


#: Several objects of a statement longer than this together are written one a line.
LINE_WIDTH = 72


def _objects(objects: list[str], wrap: str) -> str:
    """Several objects of a predicate: one a line if together they are long."""
    joined = ", ".join(objects)
    return wrap.join(objects) if len(joined) > LINE_WIDTH else joined


def _by_subject(records: list[Record]) -> list[Record]:
    """One record per subject and graphs: needed only if ids repeat, in a dossier that was never checked."""
    if len({record[0] for record in records}) == len(records):
        return records
    statements: dict[tuple[str, tuple[Optional[str], ...]], list[Statement]] = {}
    for subject, graphs, some in records:
        statements.setdefault((subject, graphs), []).extend(some)
    return [(subject, graphs, merged(some)) for (subject, graphs), some in statements.items()]


def _header(writer: _Writer) -> str:
    head = f"@base <{writer.base}> .\n" if writer.base else ""
    head += "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in NS.items() if p in writer.used)
    return head + "\n"


def write_turtle(records: list[Record], base: Optional[str] = None) -> str:
    """Turtle text of the node records (:func:`~dossier.linked.quads.node_records`), graphs merged."""
    writer = _Writer(base)
    pieces = [""]  # the header, known once the body is written
    writer.blocks(pieces, _by_subject(records), "")
    pieces[0] = _header(writer)
    return "".join(pieces)


def write_trig(records: list[Record], base: Optional[str] = None) -> str:
    """TriG text: the default graph first, then each named graph as its own block."""
    writer = _Writer(base)
    by_graph: dict[Optional[str], list[Record]] = {None: []}
    for record in _by_subject(records):
        for g in record[1]:
            by_graph.setdefault(g, []).append(record)
    pieces = [""]  # the header, known once the body is written
    writer.blocks(pieces, by_graph.pop(None), "")
    for g, graph_records in by_graph.items():
        if len(pieces) > 1:
            pieces.append("\n")
        pieces.append(f"{writer.iri(g)} {{\n")  # type: ignore[arg-type]
        writer.blocks(pieces, graph_records, "    ")
        pieces.append("}\n")
    pieces[0] = _header(writer)
    return "".join(pieces)


# ---- straight from the model


def report_turtle(report: Report, base: Optional[str] = None) -> str:
    """Turtle text of ``report`` under ``base``: what :func:`write_turtle` gives for its node records (under
    :func:`~dossier.linked.mapping.mint_base`), written straight from the model, with no record in between."""
    prefix = check_base(mint_base(report, base))
    text = _walk_turtle(report, prefix)
    if text is None:
        return write_turtle(node_records(report, base), prefix)
    return text


_BETWEEN = " ;\n    "  # between the statements of a block
_NAMESPACES = tuple(NS.values())


# ---- names kept across dossiers: where the base overlaps no namespace


# Where names are kept, the written code marks each prefix it uses by its place in NS, in a list with a place
# more for none: a store into a list costs the interpreter less than one into a set or dict.
_PREFIXES = tuple(NS)
_MARKS = {prefix: i for i, prefix in enumerate(_PREFIXES)}
_NO_MARK = len(_PREFIXES)


def mark_of(prefix: Optional[str]) -> int:
    """The place of ``prefix`` among the marks of the prefixes used (a place that marks nothing for None)."""
    return _MARKS[prefix] if prefix else _NO_MARK


class _KeptIris(dict):  # type: ignore[type-arg]
    """Each IRI's text and prefix's mark (see :func:`mark_of`), the text as :func:`_prefixed` gives it: what
    ``_Writer.iri`` gives for an IRI in a namespace, whatever the base, if the base overlaps no namespace (it
    cannot start the IRI then)."""

    def __missing__(self, iri: str) -> tuple[str, int]:
        if not iri.startswith(_NAMESPACES):
            # An IRI out of every namespace may be relative under one base and whole under another.
            raise Fallback(f"{iri} is in no namespace")
        text, prefix = _prefixed(iri)
        named = self[iri] = (text, mark_of(prefix))
        return named


class _KeptHeads(dict):  # type: ignore[type-arg]
    """Each predicate's text after the separator, for an IRI in a namespace (see :class:`_KeptIris`)."""

    def __missing__(self, predicate: str) -> str:
        text = self[predicate] = f"{_BETWEEN}{_IRIS[predicate][0]} "
        return text


class _KeptTypes(dict):  # type: ignore[type-arg]
    """Each ``type`` value's class: its text and prefix (see :class:`_KeptIris`)."""

    def __missing__(self, name: str) -> tuple[str, int]:
        named = self[name] = _IRIS[class_iris()[name]]
        return named


# Kept across dossiers, as they are the same in each: the vocabulary's predicates, classes and values. The
# functions that write them mark their prefixes used (codegen._mark), which naming them no longer does.
_IRIS = _KeptIris()
_HEADS = _KeptHeads({_RDF_TYPE: _BETWEEN + "a "})


def _kept_types() -> dict[str, tuple[str, int]]:
    """Every ``type`` value's class, named: a plain dict, which the interpreter looks up faster than a subclass;
    a :class:`_KeptTypes` if a class is in no namespace (naming it falls back on the records, when needed)."""
    try:
        return {name: _IRIS[iri] for name, iri in class_iris().items()}
    except Fallback:
        return _KeptTypes()


_TYPES = _kept_types()


# ---- names made for one dossier: where the base overlaps a namespace, and may make a vocabulary IRI relative


class _Heads(dict):  # type: ignore[type-arg]
    """Each predicate's text after the separator, made when first written (which marks its prefix used)."""

    def __init__(self, writer: _Writer):
        super().__init__({_RDF_TYPE: _BETWEEN + "a "})
        self.writer = writer

    def __missing__(self, predicate: str) -> str:
        text = self[predicate] = f"{_BETWEEN}{self.writer.iri(predicate)} "
        return text


class _Iris(dict):  # type: ignore[type-arg]
    """Each IRI's text, made when first written (which marks its prefix used), and None: no prefix left to mark."""

    def __init__(self, writer: _Writer):
        super().__init__()
        self.writer = writer

    def __missing__(self, iri: str) -> tuple[str, None]:
        named = self[iri] = (self.writer.iri(iri), None)
        return named


class _Types(_Iris):
    """Each ``type`` value's class, as :class:`_Iris` gives it."""

    def __missing__(self, name: str) -> tuple[str, None]:
        named = self[name] = (self.writer.iri(class_iris()[name]), None)
        return named


#: The Turtle function of each model class (turtlegen.turtle_function), made when first needed: for names made for
#: the dossier's base, and for names kept across dossiers.
_TURTLE = Functions(turtle_function)
_TURTLE_KEPT = Functions(partial(turtle_function, kept=True))


def _walk_turtle(report: Report, prefix: str) -> Optional[str]:
    """The Turtle :func:`write_turtle` gives for ``report``'s records, or None where only that can write it.

    Each node's block is written by its class's own function, which then
    writes the blocks of the nodes it holds, in the order of
    :func:`~dossier.linked.quads.node_records`. A node's IRI is relative to
    the base (``<id>``) when the base ends in ``/``, and whole (``<base id>``)
    when no prefix's namespace can start it. With a base that is neither,
    with repeated ids (whose records write_turtle merges), or where the
    written code cannot write the dossier (see
    :class:`~dossier.linked.codegen.Fallback`), the records are written instead.
    """
    writer = _Writer(prefix)
    overlaps = any(prefix.startswith(ns) or ns.startswith(prefix) for ns in _NAMESPACES)
    if writer.base == prefix:
        rel = ""
    elif not overlaps:
        rel = prefix
    else:
        return None
    if overlaps:  # a vocabulary IRI may be relative: each named for this base, its prefix marked as it is named
        heads, types, iris, functions = _Heads(writer), _Types(writer), _Iris(writer), _TURTLE
    else:
        heads, types, iris, functions = _HEADS, _TYPES, _IRIS, _TURTLE_KEPT
    lang = report.language or None
    tag = f"@{lang}" if lang else ""
    pieces = [""]  # the header, known once the body is written
    ids: list[str] = []
    used = [0] * (_NO_MARK + 1)  # the prefixes the written code marks (see mark_of)
    try:
        functions[type(report)](report.__dict__, None, pieces.append, ids, heads, types, rel, iris, writer,
                                '"' + tag, tag, functions, used)
    except (Fallback, RecursionError):
        return None
    if len(set(ids)) < len(ids):
        return None
    if not overlaps:
        writer.used.update(prefix for prefix, marked in zip(_PREFIXES, used) if marked)
    pieces[1] = pieces[1][4:]  # every block opens with the end of the one before, but the first
    pieces.append(" .\n")
    pieces[0] = _header(writer)
    return "".join(pieces)
