"""The Turtle writer of each model class, written as Python source (see :mod:`dossier.linked.codegen`).

A *Turtle* function writes a node's Turtle block straight from the model,
with no record in between, then the blocks of the nodes it holds, each with
its own class's function: what :func:`~dossier.linked.turtle.write_turtle`
writes for the node's records. Two are written per class: one for a base
that overlaps no namespace, where the vocabulary's names are constants, and
one that names them for the dossier's base.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional

from .. import native
from ..models import Node
from ..terms import DOS
from .codegen import (Fallback, _Field, _fields, _given, _in_fstring, _shape, _Source, _unique_list, _visit, _write,
                      merges)

__all__ = ["turtle_function"]


def _turtle_field(src: _Source, f: _Field, kept: bool) -> None:
    """Source that adds the Turtle of field ``f`` (not a node field; value in ``x``) to the text, with ``add``.

    ``heads`` gives each predicate's text after the separator, ``q`` closes a
    text literal (quote and language tag), ``tag`` is that tag alone; a node
    IRI is ``<{rel}{id}>`` (see :func:`turtle_function`), or ``w.node(id)``
    for an empty id; other IRIs are named by ``iris``.
    """
    from .turtle import _XSD_BOOLEAN, _XSD_INTEGER  # turtle imports this module

    src(f"h = {_head(f.predicate, kept)}")
    _mark(src, f.predicate, kept)
    dt, kind = repr(f.datatype), f.kind
    if not f.many:
        if kind in ("text", "plain"):
            with src.block(f"if {_escaped('x')}:"):
                src("add(f'{h}{quoted(x)}{tag}')" if kind == "text" else "add(f'{h}{quoted(x)}')")
            with src.block("else:"):
                src("add(f'{h}\"{x}{q}')" if kind == "text" else "add(f'{h}\"{x}\"')")
        elif kind == "vocab":
            src(f"x = iris[{DOS!r} + x]  # a str enum adds as its value; its text and prefix")
            if kept:
                src("u[x[1]] = 1")
            src("add(f'{h}{x[0]}')")
        elif kind == "ref":
            src("add(f'{h}<{rel}{x}>' if x else f'{h}{w.node(x)}')")
        elif kind == "boolean":
            src("add(f'{h}true')" if f.datatype == _XSD_BOOLEAN else f"add(h + w.typed('true', {dt}))")
        else:
            src("x = f'{x}'  # str(x), without the call")
            if f.datatype == _XSD_INTEGER:
                src(f"add(f'{{h}}{{x}}' if x.isdigit() and x.isascii() else h + w.typed(x, {dt}))")
            elif kept and f.datatype and f.datatype != _XSD_BOOLEAN:
                # What w.typed writes for a lexical form that needs no escaping (most dates and decimals), without
                # its three calls: quoted, and the datatype's name, a constant here, its prefix marked.
                with src.block(f"if {_escaped('x')}:"):
                    src(f"add(h + w.typed(x, {dt}))")
                with src.block("else:"):
                    src(f"add(f'{{h}}\"{{x}}\"^^{_in_fstring(_kept_iri(f.datatype))}')")
                    _mark(src, f.datatype, kept)
            else:
                src(f"add(h + w.typed(x, {dt}))")
        return
    _unique_list(src)
    if kind == "text":
        src("x = [quoted(one) + tag for one in x]")
    elif kind == "plain":
        src("x = [quoted(one) for one in x]")
    elif kind == "ref":
        src("x = [f'<{rel}{one}>' if one else w.node(one) for one in x]")
    elif kind == "vocab":
        src(f"x = [iris[{DOS!r} + one] for one in x]  # each one's text and prefix")
        if kept:
            with src.block("for one in x:"):
                src("u[one[1]] = 1")
        src("x = [one[0] for one in x]")
    else:
        src(f"x = [w.typed(str(one), {dt}) for one in x]")
    src(f"add(h + {_listed('x')})")


def _plain(x: str) -> str:
    """Source for whether the text in ``x`` needs no escaping; where it may, the slow way finds out.

    dossier's C loop tells exactly (:mod:`dossier.native`); without it, the
    test is three scans in C, ``str.isprintable`` the strictest of them.
    """
    if native.plain_text is not None:
        return f"plain({x})"
    return f"'\"' not in {x} and '\\\\' not in {x} and {x}.isprintable()"


def _escaped(x: str) -> str:
    """Source for the opposite of :func:`_plain`."""
    return f"not ({_plain(x)})"


def _listed(objects: str) -> str:
    """Source for the objects in the list ``objects`` as turtle._objects joins them at the top level, without a
    call: on one line, or one a line if together they are long (one object is itself either way)."""
    from .turtle import LINE_WIDTH  # turtle imports this module

    return f"(j if len(j := ', '.join({objects})) <= {LINE_WIDTH} else ',\\n        '.join({objects}))"


def _turtle_nodes(src: _Source, run: tuple[_Field, ...], kept: bool) -> None:
    """Source for node fields making one statement: each node's IRI among its objects (the nodes are written after)."""
    first = run[0]
    if first.inverse:
        return  # the held node states the link to its holder, after its type; the holder states nothing
    text = "f'<{rel}{i}>' if (i := item.id) else w.node(i)"
    head = _head(first.predicate, kept)

    def one(node: str) -> str:
        """Source that adds the statement of one node, ``node`` in the source."""
        if kept:  # one f-string, the head a constant in it
            constant = _in_fstring(_kept_head(first.predicate))
            return f"add(f'{constant}<{{rel}}{{i}}>' if (i := {node}.id) else {head} + w.node(i))"
        return f"add({head} + ({text.replace('item', node)}))"

    if len(run) == 1 and not first.many:
        with _given(src, first):
            _mark(src, first.predicate, kept)
            src(one("x"))
        return
    if len(run) == 1:
        with _given(src, first):
            _mark(src, first.predicate, kept)
            # Most lists of nodes hold one (a single span of evidence): no list to make and join.
            with src.block("if len(x) == 1:"):
                src(one("x[0]"))
            with src.block("else:"):
                src(f"x = [{text} for item in x]")
                src(f"add({head} + {_listed('x')})")
        return
    src("texts = []")
    for f in run:
        with _given(src, f):
            src(f"texts += [{text} for item in x]" if f.many else f"texts.append({text.replace('item', 'x')})")
    with src.block("if texts:"):
        _mark(src, first.predicate, kept)
        src(f"add({head} + {_listed('texts')})")


def _turtle_children(src: _Source, f: _Field, kept: bool) -> None:
    """Source that writes the block of each node of node field ``f`` (in ``x``), and the blocks of all it holds."""
    link = f"{_head(f.predicate, kept)} + (f'<{{rel}}{{me}}>' if me else w.node(me))" if f.inverse else None
    if link is not None:
        _mark(src, f.predicate, kept)  # the held node writes the link, given that the field is
    _visit(src, f, "{link}, add, ids, heads, types, rel, iris, w, q, tag, functions, u", "", link, "")


def _kept_head(predicate: str) -> str:
    """``predicate``'s text after the separator where names are kept; Fallback for an IRI the base may change."""
    from .turtle import _HEADS  # turtle imports this module

    return _HEADS[predicate]  # type: ignore[no-any-return]


def _kept_iri(iri: str) -> str:
    """``iri``'s text where names are kept; Fallback for an IRI the base may change."""
    from .turtle import _IRIS  # turtle imports this module

    return _IRIS[iri][0]  # type: ignore[no-any-return]


def _head(predicate: str, kept: bool) -> str:
    """Source for ``predicate``'s text after the separator: a constant where names are kept, else looked up."""
    return repr(_kept_head(predicate)) if kept else f"heads[{predicate!r}]"


def _mark(src: _Source, iri: str, kept: bool) -> None:
    """Source that marks the prefix of ``iri``'s name (if it has one) as used, in ``u``.

    The header's ``@prefix`` lines are those of the prefixes the text uses.
    Where the names of the vocabulary are kept across dossiers (see
    :func:`~dossier.linked.turtle.report_turtle`), naming one marks nothing,
    so the code that writes it marks its prefix: a constant, known here.
    """
    from .turtle import _prefixed, mark_of  # turtle imports this module

    prefix = _prefixed(iri)[1]
    if prefix and kept:
        src(f"u[{mark_of(prefix)}] = 1  # {prefix}")


_TURTLE_PRELUDE = [
    "me = v['id']",
    "ids.append(me)  # a repeated id, in a dossier never checked, merges records: the caller writes those",
    "t = types[v['type']]  # the class's text and prefix",
]
_TURTLE_OPENING = [
    # The full stop and blank line that end the block before (the caller drops them from the first), and the type.
    # The node's IRI is <{rel}{id}>, but for an empty id (see turtle_function).
    "add(f' .\\n\\n<{rel}{me}> a {t[0]}' if me else f' .\\n\\n{w.node(me)} a {t[0]}')",
    "if link is not None:",
    "    add(link)  # an inverse link: the node's statement about its holder",
]


def _lead(model: type[Node]) -> tuple[_Field, ...]:
    """The fields that open most ``model`` nodes' blocks, written with the type in one piece when all are plain.

    The leading fields of one text or integer each that nodes nearly always
    give: those required, and integers (the offsets of evidence, filled in on
    load). An optional text (a prefix, a description) is often left out, so
    the run stops there, as it does at any other kind of field.
    """
    lead = []
    for f in _fields(model):
        required = model.model_fields[f.name].is_required()
        if f.many or f.inverse or f.kind not in ("text", "plain", "integer") or not (required or f.kind == "integer"):
            break
        lead.append(f)
    # Their predicates are written as they are in an f-string's expressions, between double quotes: no IRI of the
    # vocabulary has a character that cannot be there (quotes, backslashes, braces, line breaks), but one could.
    return tuple(lead) if not any(set(f.predicate) & set("\"'\\{}\n\r") for f in lead) else ()


def _turtle_prelude(model: type[Node], kept: bool) -> list[str]:
    """Source that opens a ``model`` node's block: its type, any inverse link, then the fields of :func:`_lead`.

    When there is no link and every lead field is given and needs nothing
    done (a text with no quote, backslash or unprintable character, an
    ``int``, whose text is its digits), the whole opening is one piece of
    text: one f-string and one ``add`` instead of one of each per line. Else
    each line is written as the fields after the lead are.
    """
    from .turtle import _prefixed, mark_of  # turtle imports this module

    prelude = _TURTLE_PRELUDE + (["u[t[1]] = 1"] if kept else [])
    lead = _lead(model)
    if not lead:
        return prelude + _TURTLE_OPENING
    src = _Source()
    tests, text = ["me", "link is None"], "f' .\\n\\n<{rel}{me}> a {t[0]}"
    for i, f in enumerate(lead):
        src(f"x{i} = v[{f.name!r}]")
        head = _in_fstring(_kept_head(f.predicate)) if kept else f'{{heads["{f.predicate}"]}}'
        if f.kind == "integer":
            tests.append(f"x{i}.__class__ is int")
            text += f"{head}{{x{i}}}"
        else:
            tests.append(f"x{i} is not None and {_plain(f'x{i}')}")
            text += f'{head}"{{x{i}}}{{q}}' if f.kind == "text" else f'{head}"{{x{i}}}"'
    with src.block(f"if {' and '.join(tests)}:"):
        src(f"add({text}')  # the opening, in one piece")
        for prefix in dict.fromkeys(_prefixed(f.predicate)[1] for f in lead):
            if prefix and kept:
                src(f"u[{mark_of(prefix)}] = 1  # {prefix}")
    with src.block("else:"):
        for line in _TURTLE_OPENING:
            src(line)
        for i, f in enumerate(lead):
            src(f"x = x{i}")
            with src.block("if x is not None:"):
                _turtle_field(src, f, kept)
    return prelude + src.lines


@lru_cache(maxsize=None)
def turtle_function(model: type[Node], kept: bool = False) -> Optional[Callable[..., None]]:
    """The function that adds the Turtle blocks of a ``model`` node, and of all it holds, with ``add``.

    Called as ``f(v, link, add, ids, heads, types, rel, iris, w, q, tag, functions, u)``:
    ``v`` the node's ``__dict__``; ``link`` the text of an inverse link, from
    the separator on, or None; ``add`` adds a piece of text; ``ids`` gathers
    the nodes' ids; ``heads`` gives each predicate's text, ``types`` each
    type's text and the mark of its prefix, ``iris`` each other IRI's text
    and the mark of its prefix; ``u`` holds the marks of the prefixes used
    (see :func:`~dossier.linked.turtle.mark_of` and :func:`_mark`); ``q``
    ends a text literal (quote and language tag), ``tag`` is that tag
    alone. A node's IRI is written ``<{rel}{id}>``: the caller makes sure
    that is its text when the id is not empty, and the writer ``w`` names
    it for an empty one (``w.node``) and typed literals (``w.typed``).
    ``functions`` is the :class:`Functions` that write the held nodes.
    None where the class's statements merge in a way only the generic rule
    does (see :class:`_Shape`).

    ``kept``: the function for a base that overlaps no namespace, where the
    vocabulary's names are the same in every dossier (see
    :func:`~dossier.linked.turtle.report_turtle`): each predicate's text is
    a constant of the source, ``types`` and ``iris`` are kept across
    dossiers, and the function marks in ``u`` each prefix it writes. Else
    (and where a predicate is in no namespace) it looks each predicate up in
    ``heads``, and naming marks the prefixes.
    """
    from .turtle import _quoted  # turtle imports this module

    if _shape(model).generic:
        return None
    try:
        prelude = _turtle_prelude(model, kept)
        return _write(model, f"turtle_{model.__name__}" + ("_kept" if kept else ""),
                      "v, link, add, ids, heads, types, rel, iris, w, q, tag, functions, u",
                      prelude, lambda src, f: _turtle_field(src, f, kept),
                      lambda src, run: _turtle_nodes(src, run, kept), [],
                      {"merges": merges, "Fallback": Fallback, "quoted": _quoted, "plain": native.plain_text},
                      lambda src, f: _turtle_children(src, f, kept), frozenset(f.name for f in _lead(model)))
    except Fallback:  # kept: a predicate in no namespace, whose text the base may change
        return None
