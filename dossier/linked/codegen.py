"""Per-model-class writers, written once as Python source and compiled with ``exec`` (as dataclasses does).

A generic walk over a node's fields asks, field by field and node by node,
what kind of term each field is. The answers never change for a model
class, so this module asks them once per class and writes a function that
does only what that class needs: a straight run of ``if value is not None``
blocks, one per mapped field, with the field name, the predicate and the
datatype as constants. Three functions can be written per class:

* a *records* function (:func:`records_function`), which adds a node's
  statements to its :data:`~dossier.linked.quads.Record` and pushes the
  nodes it holds on the walk's stack (:func:`~dossier.linked.quads.node_records`);
* a *lines* function (:func:`lines_function`), which writes a node's
  N-Quads (or N-Triples) lines straight from the model, with no record in
  between, then the nodes it holds, each with its own class's function;
* a *Turtle* function (:func:`~dossier.linked.turtlegen.turtle_function`,
  in its own module, which uses this one's), likewise for a node's Turtle
  block.

Each gives exactly what the generic rule gives (the records, and the record
writers' text): ``tests/test_writer_codegen.py`` checks that against a plain
walk, on dossiers and on model classes made to take every path. The lines
and Turtle functions call each other, one level of Python call per level
of nesting; where they cannot write a dossier they raise :class:`Fallback`,
and the caller writes it from its records. The source of every written
function can be read with :func:`source_of`, and shows in tracebacks.
"""

from __future__ import annotations

import linecache
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Callable, Optional

from ..models import Event, Node
from ..terms import DOS
from .mapping import RDF_TYPE, fields_of

__all__ = ["records_function", "lines_function", "merges", "source_of", "Fallback", "Functions"]

# The kinds of object of a record's statements (the K_* constants of quads.py, which imports this module).
_K_IRI, _K_LIT, _K_TYPED, _MANY = 0, 1, 2, 3


@dataclass(frozen=True)
class _Field:
    """One mapped field, as the code written for it needs it."""

    name: str
    predicate: str
    kind: str  # the term's kind: text, plain, integer, decimal, boolean, date, ref, node, vocab
    many: bool
    inverse: bool
    events: bool  # a node field that may hold an event, and so a hypothetical one, placed in claim graphs
    datatype: Optional[str]

    @property
    def key(self) -> tuple[str, int, Optional[str]]:
        """What statements merge on: predicate, kind of object, and datatype (a language tag counts as none)."""
        if self.kind in ("text", "plain"):
            # A text's tag is the report's language, which may be none: then it merges with a plain literal.
            return self.predicate, _K_LIT, None
        if self.kind in ("node", "ref", "vocab"):
            return self.predicate, _K_IRI, None
        return self.predicate, _K_TYPED, self.datatype


def _fields(model: type[Node]) -> tuple[_Field, ...]:
    """The mapped fields of ``model``, from the mapping (:func:`~dossier.linked.mapping.fields_of`)."""
    return tuple(_Field(fm.name, fm.term.iri, fm.term.kind, fm.many, fm.term.inverse,
                        fm.term.kind == "node" and (fm.model is None or issubclass(fm.model, Event)),
                        fm.term.datatype) for fm in fields_of(model))


@dataclass(frozen=True)
class _Shape:
    """How a class's statements merge (see :func:`~dossier.linked.quads.merged`), worked out from its fields.

    ``shared``: two fields share a predicate, so the generic rule merges the
    node's statements. ``groups``: the first field of each run of node
    fields that merge into one statement, and the run. ``generic``: the
    merging is not one the written code does itself (fields other than node
    fields merge, or a run is broken by other fields, or a field merges with
    the type): the written code calls ``merged`` as the generic rule does.
    An inverse link, which the holder adds, could merge too: the callers
    merge a node of a shared class that has one, or leave it to the records.
    """

    shared: bool
    groups: dict[str, tuple[_Field, ...]]
    generic: bool


@lru_cache(maxsize=None)
def _shape(model: type[Node]) -> _Shape:
    """How the statements of a ``model`` node merge (see :class:`_Shape`)."""
    fields = _fields(model)
    predicates = [f.predicate for f in fields if not f.inverse]
    shared = len(set(predicates)) < len(predicates)
    if not shared:
        return _Shape(False, {}, False)
    stated = [f for f in fields if not f.inverse]
    by_key: dict[tuple[str, int, Optional[str]], list[int]] = {}
    for i, f in enumerate(stated):
        by_key.setdefault(f.key, []).append(i)
    reserved = (RDF_TYPE, _K_IRI, None)  # the type's statement, always first
    groups: dict[str, tuple[_Field, ...]] = {}
    generic = False
    for key, where in by_key.items():
        if key == reserved:
            generic = True
        if len(where) > 1:
            run = [stated[i] for i in where]
            if where != list(range(where[0], where[0] + len(where))) or any(f.kind != "node" for f in run):
                generic = True
            groups[run[0].name] = tuple(run)
    # A run is contiguous among the stated fields; an inverse node field inside it would put its held nodes
    # out of field order, so that too is left to the generic rule.
    names = [f.name for f in fields]
    for run in groups.values():
        first, last = names.index(run[0].name), names.index(run[-1].name)
        if last - first + 1 != len(run):
            generic = True
    return _Shape(True, {} if generic else groups, generic)


def merges(model: type[Node]) -> bool:
    """Whether the generic rule merges the statements of a ``model`` node: two of its fields share a predicate."""
    return _shape(model).shared


# ---- writing source


class _Source:
    """Lines of Python source, indented as they are added."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def __call__(self, line: str) -> None:
        self.lines.append("    " * self.depth + line)

    def block(self, line: str) -> "_Source":
        """Add ``line`` (an ``if``/``for``) and indent what follows, until the ``with`` ends."""
        self(line)
        return self

    def __enter__(self) -> "_Source":
        self.depth += 1
        return self

    def __exit__(self, *_: Any) -> None:
        self.depth -= 1


def _in_fstring(text: str) -> str:
    """``text`` as it is written inside a single-quoted f-string of the generated source."""
    return text.encode("unicode_escape").decode("ascii").replace("'", "\\'").replace("{", "{{").replace("}", "}}")


_SOURCES: dict[Callable[..., Any], str] = {}


def _compile(name: str, source: str, namespace: dict[str, Any]) -> Callable[..., Any]:
    """Compile the function ``name`` from ``source``; its source shows in tracebacks, as a file's would."""
    filename = f"<dossier.linked.codegen {name} #{len(_SOURCES)}>"  # two classes may share a name
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    function = namespace[name]
    _SOURCES[function] = source
    return function  # type: ignore[no-any-return]


def source_of(function: Callable[..., Any]) -> str:
    """The source a written function was compiled from."""
    return _SOURCES[function]


def _given(src: _Source, f: _Field) -> _Source:
    """Source that reads field ``f`` into ``x`` and opens a block run if it is given (not None, or a non-empty list)."""
    src(f"x = v[{f.name!r}]")
    return src.block("if x:" if f.many else "if x is not None:")


def _write(model: type[Node], name: str, signature: str, prelude: list[str],
           field: Callable[[_Source, _Field], None], run: Callable[[_Source, tuple[_Field, ...]], None],
           ending: list[str], namespace: dict[str, Any],
           children: Optional[Callable[[_Source, _Field], None]] = None,
           done: frozenset[str] = frozenset()) -> Callable[..., Any]:
    """Write and compile the function ``name`` for ``model``: ``prelude``, then a block per field, in field order.

    ``field`` writes the block of a field that is not a node field, run when
    the field is given, with its value in ``x``; ``run`` the whole source of
    node fields making one statement (one field, or a run that merges).
    ``ending`` follows. Then the held nodes: with ``children``, the function
    writes them itself, ``children`` writing the source that does it for a
    node field, with its value given in ``x``; else it pushes them on the
    walk's stack, from a list ``held`` that ``run`` fills. The fields named
    in ``done`` are left out: ``prelude`` writes them.
    """
    shape = _shape(model)
    fields = _fields(model)
    nodes = [f for f in fields if f.kind == "node"]
    src = _Source()
    with src.block(f"def {name}({signature}):"):
        for line in prelude:
            src(line)
        if nodes and children is None:
            src("held = []")
        grouped = {f.name for run_ in shape.groups.values() for f in run_}
        for f in fields:
            if f.name in done:
                continue
            if f.kind == "node":
                if f.name in grouped and f.name not in shape.groups:
                    continue  # written with the first of its run
                run(src, shape.groups.get(f.name, (f,)))
            elif f.kind == "boolean" and not f.many:
                # False is the default, and left out as in the JSON: one test for None and for false.
                src(f"x = v[{f.name!r}]")
                with src.block("if x:"):
                    field(src, f)
            else:
                with _given(src, f):
                    field(src, f)
        for line in ending:
            src(line)
        if children is not None:
            # Then each held node, with all it holds, in field order: the walk's order, depth first.
            for f in nodes:
                with _given(src, f):
                    children(src, f)
        elif nodes:
            with src.block("if held:"):
                src("held.reverse()  # so that the first held node is visited next, with all it holds")
                src("stack += held")
        src("return None")
    return _compile(name, "\n".join(src.lines) + "\n", namespace)


class Fallback(Exception):
    """Raised where the written code cannot write a dossier: a node of a class whose statements only the
    generic rule merges (see :class:`_Shape`), or one with an inverse link that may merge; or nesting deeper
    than the recursion limit. The caller writes the dossier from its node records instead."""


class Functions(dict):  # type: ignore[type-arg]
    """Each model class's written function, by class, written by ``write`` when first looked up.

    Looked up as ``functions[type(node)]``, one subscript. Looking up a class
    ``write`` writes no function for (None) raises :class:`Fallback`.
    """

    def __init__(self, write: Callable[[type[Node]], Optional[Callable[..., None]]]):
        super().__init__()
        self.write = write

    def __missing__(self, model: type[Node]) -> Callable[..., None]:
        function = self.write(model)
        if function is None:
            raise Fallback(model.__name__)
        self[model] = function
        return function


def _visit(src: _Source, f: _Field, call: str, tails: str, link: Optional[str], placed: str) -> None:
    """Source that writes each node of node field ``f`` (in ``x``) with its own function, by ``call``.

    ``call`` is the call's text after the function, with ``{tails}`` and
    ``{link}`` for the node's graphs and inverse link; ``tails`` names the
    holder's graphs, ``placed`` the graphs of each hypothetical event (empty
    where graphs are not written).
    """
    if f.many:
        src("for item in x:")
        src.depth += 1
    else:
        src("item = x")
    if link is not None:
        # The link merges with a field of the held node's class if that class merges its statements.
        with src.block("if merges(type(item)):"):
            src("raise Fallback('a merging inverse link')")
    if f.events and placed:
        # A hypothetical event goes in the graphs of the claims that contemplate it; all else in its holder's.
        src(f"t = {tails}")
        with src.block(f"if {placed} and isinstance(item, Event) and item.hypothetical:"):
            src(f"t = {placed}.get(item.id) or {tails}")
        tails = "t"
    src("functions[type(item)](item.__dict__, " + call.format(tails=tails, link=link or "None") + ")")
    if f.many:
        src.depth -= 1


# ---- records


_RECORD_GRAPHS = ("placement", "tuple(prefix + c for c in placement.get(item.id, ())) or graphs", "graphs")


def _held(src: _Source, f: _Field, each: list[str], graphs: tuple[str, str, str], link: str,
          one: str = "x") -> None:
    """Source that visits the items of node field ``f`` (in ``x``): ``each`` for each, then adds it to ``held``.

    ``graphs`` names, in the source, the placement of hypothetical events, the
    graphs of an event placed there, and the holder's graphs; ``link`` is the
    held node's inverse link, or ``None``. For a field of one node, ``one``
    is that node.
    """
    placement, placed, own = graphs
    if f.many:
        src("for item in x:")
        src.depth += 1
    else:
        src(f"item = {one}")
    src("iri = prefix + item.id")
    for line in each:
        src(line)
    if f.events:
        # A hypothetical event goes in the graphs of the claims that contemplate it; all else in its holder's.
        with src.block(f"if {placement} and isinstance(item, Event) and item.hypothetical:"):
            src(f"held.append((item, iri, {placed}, {link}))")
        with src.block("else:"):
            src(f"held.append((item, iri, {own}, {link}))")
    else:
        src(f"held.append((item, iri, {own}, {link}))")
    if f.many:
        src.depth -= 1


def _record_field(src: _Source, f: _Field) -> None:
    """Source that adds the statement of field ``f`` (not a node field; value in ``x``) to ``statements``."""
    p, dt, kind = repr(f.predicate), repr(f.datatype), f.kind
    if not f.many:
        if kind == "text":
            src(f"append(({p}, {_K_LIT}, lang, x))")
        elif kind == "plain":
            src(f"append(({p}, {_K_LIT}, None, x))")
        elif kind == "vocab":
            src(f"append(({p}, {_K_IRI}, None, {DOS!r} + x))  # a str enum adds as its value")
        elif kind == "ref":
            src(f"append(({p}, {_K_IRI}, None, prefix + x))")
        elif kind == "boolean":
            src(f"append(({p}, {_K_TYPED}, {dt}, 'true'))")
        else:
            src(f"append(({p}, {_K_TYPED}, {dt}, f'{{x}}'))  # str(x), without the call")
        return
    _unique_list(src)
    if kind in ("text", "plain"):
        kind_, extra, values = _K_LIT, "lang" if kind == "text" else "None", "x"
    elif kind == "ref":
        kind_, extra, values = _K_IRI, "None", "[prefix + item for item in x]"
    elif kind == "vocab":
        kind_, extra, values = _K_IRI, "None", f"[{DOS!r} + item for item in x]"
    else:
        kind_, extra, values = _K_TYPED, dt, "[str(item) for item in x]"
    if values != "x":
        src(f"x = {values}")
    src(f"append(({p}, {kind_}, {extra}, x[0]) if len(x) == 1 else ({p}, {kind_ + _MANY}, {extra}, x))")


def _unique_list(src: _Source) -> None:
    """Source that drops repeats from the list in ``x``, keeping the first of each."""
    with src.block("if len(x) > 1 and len(set(x)) < len(x):  # no repeats in canonical form; else, drop them"):
        src("x = list(dict.fromkeys(x))")


def _record_nodes(src: _Source, run: tuple[_Field, ...], unique: bool) -> None:
    """Source for node fields making one statement: their nodes held, their IRIs the statement's values.

    ``unique``: drop repeated IRIs, as ``merged`` does in a class whose
    fields share a predicate (only a dossier that was never checked has any).
    """
    first = run[0]
    p = repr(first.predicate)
    one, some = f"({p}, {_K_IRI}, None, iris[0])", f"({p}, {_K_IRI + _MANY}, None, iris)"
    if first.inverse:
        # The held node states the link to its holder; the holder states nothing.
        with _given(src, first):
            _held(src, first, [], _RECORD_GRAPHS, f"({p}, {_K_IRI}, None, subject)")
    elif len(run) == 1 and not first.many:
        with _given(src, first):
            _held(src, first, [], _RECORD_GRAPHS, "None")
            src(f"append(({p}, {_K_IRI}, None, iri))")
    elif len(run) == 1:
        with _given(src, first):
            # Most lists of nodes hold one (a single span of evidence): its statement needs no list.
            with src.block("if len(x) == 1:"):
                _held(src, replace(first, many=False), [f"append(({p}, {_K_IRI}, None, iri))"], _RECORD_GRAPHS,
                      "None", "x[0]")
            with src.block("else:"):
                src("iris = []")
                _held(src, first, ["iris.append(iri)"], _RECORD_GRAPHS, "None")
                if unique:
                    src("iris = _unique(iris)")
                src(f"append({one} if len(iris) == 1 else {some})")
    else:
        src("iris = []")
        for f in run:
            with _given(src, f):
                _held(src, f, ["iris.append(iri)"], _RECORD_GRAPHS, "None")
        with src.block("if iris:"):
            src("iris = _unique(iris)")
            src(f"append({one} if len(iris) == 1 else {some})")


@lru_cache(maxsize=None)
def records_function(model: type[Node]) -> Callable[..., None]:
    """The function that adds the statements of a ``model`` node to its record, and pushes the nodes it holds.

    Called as ``f(v, subject, graphs, statements, stack, prefix, lang, placement)``:
    ``v`` the node's ``__dict__``; ``statements`` its record's statements,
    its type and any inverse link already in; ``stack`` the walk's stack,
    onto which the held nodes go as ``(node, iri, graphs, link)``, so that
    the first is visited next; ``placement`` the claim ids of each
    hypothetical event (:func:`~dossier.linked.quads.hypothetical_graphs`).
    """
    from .quads import _unique, merged  # quads imports this module

    shape = _shape(model)
    return _write(model, f"records_{model.__name__}",
                  "v, subject, graphs, statements, stack, prefix, lang, placement", ["append = statements.append"],
                  _record_field, lambda src, run: _record_nodes(src, run, shape.shared),
                  ["statements[:] = merged(statements)"] if shape.generic else [],
                  {"Event": Event, "_unique": _unique, "merged": merged})


# ---- N-Quads lines


def _line_field(src: _Source, f: _Field) -> None:
    """Source that adds the lines of field ``f`` (not a node field; value in ``x``) to ``out``, with ``append``.

    ``s`` is the subject's text and an opening bracket, ``q`` the quote and
    language tag that end a text literal, ``tail`` the graph and the full stop.
    """
    head = "{s}" + _in_fstring(f.predicate) + "> "
    dt, kind = _in_fstring(f.datatype or ""), f.kind
    if not f.many:
        if kind in ("text", "plain"):
            with src.block("if '\"' in x or '\\\\' in x or not x.isprintable():"):
                src("x = escape(x)")
            src(f"append(f'{head}\"{{x}}{{q}}{{tail}}')" if kind == "text" else
                f"append(f'{head}\"{{x}}\"{{tail}}')")
        elif kind in ("vocab", "ref"):
            src(f"x = {DOS!r} + x  # a str enum adds as its value" if kind == "vocab" else "x = prefix + x")
            src(f"append(f'{head}<{{x}}>{{tail}}')")
        elif kind == "boolean":
            src(f"append(f'{head}\"true\"^^<{dt}>{{tail}}')")
        else:
            src("x = f'{x}'  # str(x), without the call")
            # Digits (most typed values are integers) need no escaping, which one test shows.
            with src.block("if not x.isdigit() and ('\"' in x or '\\\\' in x or not x.isprintable()):"):
                src("x = escape(x)")
            src(f"append(f'{head}\"{{x}}\"^^<{dt}>{{tail}}')")
        return
    _unique_list(src)
    if kind == "text":
        obj = "\"{escape(one)}{q}"
    elif kind == "plain":
        obj = "\"{escape(one)}\""
    elif kind == "ref":
        obj = "<{prefix + one}>"
    elif kind == "vocab":
        obj = "<{DOS + one}>"
    else:
        obj = f"\"{{escape(str(one))}}\"^^<{dt}>"
    with src.block("for one in x:"):
        src(f"append(f'{head}{obj}{{tail}}')")


def _line_nodes(src: _Source, run: tuple[_Field, ...]) -> None:
    """Source for node fields: a line per node held, in the field's place (the nodes are written after).

    A run of fields that merge writes its lines field by field, as they are
    contiguous; the repeats that merging drops come only with repeated ids,
    and then the writer drops repeated lines anyway.
    """
    for f in run:
        if f.inverse:
            continue  # the held node states the link to its holder; the holder states nothing
        line = f"append(f'{{s}}{_in_fstring(f.predicate)}> <{{prefix}}{{item.id}}>{{tail}}')"
        with _given(src, f):
            if f.many:
                with src.block("for item in x:"):
                    src(line)
            else:
                src(line.replace("item.id", "x.id"))


def _line_children(src: _Source, f: _Field) -> None:
    """Source that writes the lines of each node of node field ``f`` (in ``x``), with all it holds."""
    link = f"f'{_in_fstring(f.predicate)}> <{{subject}}>'" if f.inverse else None
    _visit(src, f, "{tails}, {link}, out, prefix, q, placed, ids, functions", "tails", link, "placed")


_LINES_PRELUDE = [
    "subject = v['id']",
    "ids.append(subject)  # a repeated id, in a dossier never checked, repeats lines: the caller drops them",
    "subject = prefix + subject",
    "s = f'<{subject}> <'",
    "tail = tails[0]",
    "append = out.append",
    "start = len(out)",
    "append(f'{s}{TYPES[v[\"type\"]]}{tail}')",
    "if link is not None:",
    "    append(f'{s}{link}{tail}')  # an inverse link: the node's statement about its holder",
]
_LINES_ENDING = [
    "if len(tails) > 1:",
    "    more_tails(out, start, tails)  # the same lines in each other graph",
]


@lru_cache(maxsize=None)
def lines_function(model: type[Node]) -> Optional[Callable[..., None]]:
    """The function that adds the N-Quads lines of a ``model`` node, and of all it holds, to ``out``.

    Called as ``f(v, tails, link, out, prefix, q, placed, ids, functions)``:
    ``v`` the node's ``__dict__``; ``tails`` the ends of its lines, a graph
    (or none) and the full stop, one per graph it is in; ``link`` the text of
    an inverse link, from the predicate on, or None; ``prefix`` the base IRI;
    ``q`` the end of a text literal, its closing quote and language tag;
    ``placed`` the tails of each hypothetical event placed in claim graphs;
    ``ids`` gathers the nodes' ids; ``functions`` the :class:`Functions`
    that write the held nodes. None where the class's statements merge in a
    way only the generic rule does (see :class:`_Shape`).
    """
    from .ntriples import _type_texts, escape_string  # ntriples imports this module

    if _shape(model).generic:
        return None
    return _write(model, f"lines_{model.__name__}", "v, tails, link, out, prefix, q, placed, ids, functions",
                  _LINES_PRELUDE, _line_field, _line_nodes, _LINES_ENDING,
                  {"Event": Event, "escape": escape_string, "DOS": DOS, "TYPES": _type_texts(),
                   "more_tails": _more_tails, "merges": merges, "Fallback": Fallback}, _line_children)


def _more_tails(out: list[str], start: int, tails: tuple[str, ...]) -> None:
    """Add the lines of ``out`` from ``start`` on again with each tail after the first instead of the first."""
    written = out[start:]
    cut = len(tails[0])
    for other in tails[1:]:
        out += [line[:-cut] + other for line in written]
