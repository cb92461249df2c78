"""Walking a dossier's nodes with their JSON paths, and putting it in canonical form.

Canonical form is what makes the outputs deterministic and the round trips
exact: every nested node has an id (minted from its holder's id where none
was given), and every list is sorted (nodes by :meth:`Node.sort_key`, plain
values by value).
"""

from __future__ import annotations

import operator
import typing
from collections import defaultdict
from itertools import chain
from functools import lru_cache
from typing import Any, Callable, Iterator, NamedTuple

from pydantic import BaseModel

from . import native
from .models import Evidence, Node, Report
from .reading import MAX_DEPTH
from .terms import Term

__all__ = ["term_of", "walk", "Tree", "PerModel", "canonicalize", "mint_ids"]

Path = tuple[Any, ...]


@lru_cache(maxsize=None)
def term_of(model: type[BaseModel], field: str) -> Term | None:
    """The RDF :class:`Term` a model field is annotated with, or None for ``id`` and ``type``."""
    for meta in model.model_fields[field].metadata:
        if isinstance(meta, Term):
            return meta
    return None


def _holds_nodes(annotation: Any) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, Node)
    return any(_holds_nodes(a) for a in typing.get_args(annotation))


@lru_cache(maxsize=None)
def node_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose type can hold nested nodes, in field order."""
    return tuple(name for name, info in model.model_fields.items() if _holds_nodes(info.annotation))


@lru_cache(maxsize=None)
def _list_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that hold lists or nested nodes: all that canonical order touches."""
    return tuple(name for name, info in model.model_fields.items()
                 if typing.get_origin(info.annotation) is list or _holds_nodes(info.annotation)
                 or "list[" in str(info.annotation))


def children(node: Node) -> Iterator[tuple[str, int | None, Node]]:
    """The nested nodes directly held by ``node``: (field, index or None, child)."""
    values = node.__dict__
    for name in node_fields(type(node)):
        value = values[name]
        if isinstance(value, Node):
            yield name, None, value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Node):
                    yield name, i, item


def walk(node: Node, path: Path = ()) -> Iterator[tuple[Path, Node]]:
    """Every node under ``node`` (itself first), depth first, with its location tuple."""
    # A stack, not nested generators: a dossier has thousands of nodes.
    stack = [(path, node)]
    while stack:
        loc, current = stack.pop()
        yield loc, current
        held = [(loc + ((name,) if index is None else (name, index)), child) for name, index, child in children(current)]
        stack.extend(reversed(held))


class PerModel(dict):  # type: ignore[type-arg]
    """What ``make(model)`` gives for each model class, worked out once and then looked up at dict speed.

    For the loops that run once per node on every load, where even an
    ``lru_cache`` call costs more than the work it saves.
    """

    def __init__(self, make: Callable[[type[BaseModel]], Any]):
        super().__init__()
        self.make = make

    def __missing__(self, model: type[BaseModel]) -> Any:
        value = self[model] = self.make(model)
        return value


_NODE, _NODE_LIST, _LEAF_LIST, _EVIDENCE_LIST, _VALUE_LIST = "node", "node list", "leaf list", "evidence", "value list"


def _plan(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """What a :class:`Tree` does with each field of ``model`` that holds nodes or lists, in field order."""
    holding_nodes = node_fields(model)
    plan = []
    for name in _list_fields(model):
        annotation = model.model_fields[name].annotation
        if name not in holding_nodes:
            kind = _VALUE_LIST
        elif typing.get_origin(annotation) is list:
            # A list of nodes that hold nothing (evidence, mostly) is gathered whole, their values after the walk.
            item = typing.get_args(annotation)[0]
            kind = _NODE_LIST if not isinstance(item, type) or _plan(item) else (
                _EVIDENCE_LIST if issubclass(item, Evidence) else _LEAF_LIST)
        else:
            kind = _NODE
        plan.append((name, kind))
    return tuple(plan)


class _Kind(NamedTuple):
    evidence: bool  # worked out once: isinstance against a pydantic model class goes through its metaclass
    plan: tuple[tuple[str, str], ...]


_KINDS = PerModel(lambda model: _Kind(issubclass(model, Evidence), _plan(model)))
# A model's attributes, __dict__ too, go through the __getattr__ hook pydantic installs: fields are read
# from each node's __dict__, got once; for many nodes at once with map, without a bytecode loop.
_values_of = operator.attrgetter("__dict__")
_id_of = operator.itemgetter("id")
Values = dict[str, Any]


class Tree:
    """What loading needs from a report, gathered in one walk instead of one walk per step.

    ``nodes`` is every node; ``by_model`` the ``__dict__`` of each, which the
    steps read fields from, by model class, and ``values`` all of those (in
    another order than ``nodes``); ``evidence`` and ``spans`` the
    :class:`Evidence` nodes and their ``__dict__``. ``held`` is every field
    that holds nodes, a holder before what it holds: ``(holder's values,
    field, node or list of nodes, the field's kind in the walk)``.
    ``node_lists`` is every list of two or more nodes, ``value_lists`` every
    list of two or more plain values: canonical order sorts them (a shorter
    one is sorted as it is). Lists are gathered, not copied, so the tree
    stays right while ids are minted and offsets filled in. The items of a
    list of nodes are taken to be all of the list's one model, as they are
    in a validated report.

    Nodes that hold nothing (evidence, mostly) are gathered after the walk,
    in bulk, so the lists are not in the order of :func:`walk`. Only faults
    need that order and locations: :meth:`walked`, :meth:`location` and
    :meth:`in_walk_order` make them when asked. ``deepest`` is the longest
    location of a node; the walk stops below ``MAX_DEPTH`` (``cut``), as no
    document may nest deeper.
    """

    __slots__ = ("nodes", "values", "evidence", "spans", "by_model", "held", "node_lists", "value_lists",
                 "deepest", "cut", "_root", "_base", "_leaves", "_evidence_runs", "_walked", "_where")

    def __init__(self, root: Node, path: Path = ()):
        self.nodes: list[Node] = []
        self.by_model: defaultdict[type[Node], list[Values]] = defaultdict(list)
        self.held: list[tuple[Values, str, Any, str]] = []
        self.node_lists: list[list[Node]] = []
        self.value_lists: list[list[Any]] = []
        self.deepest = len(path)
        self.cut = False
        self._root, self._base = root, path
        # Lists of nodes that hold nothing: of evidence, and of other models by model; gathered after the walk.
        self._evidence_runs: list[Any] = []
        self._leaves: defaultdict[type[Node], list[Any]] = defaultdict(list)
        self._walked: list[tuple[Path, Node]] | None = None
        self._where: dict[int, Path] | None = None
        if native.walk is not None:  # the same walk, in C
            self.deepest, self.cut = native.walk(
                root, len(path), MAX_DEPTH, _KINDS, (_NODE, _NODE_LIST, _LEAF_LIST, _EVIDENCE_LIST), self.nodes,
                self.by_model, self.held, self.node_lists, self.value_lists, self._evidence_runs, self._leaves)
        else:
            self._visit(len(path), root)
        self.evidence: list[Evidence] = list(chain.from_iterable(self._evidence_runs))
        self.spans: list[Values] = list(map(_values_of, self.evidence))
        self.nodes += self.evidence
        if self.evidence:
            self.by_model[type(self.evidence[0])] += self.spans
        for model, runs in self._leaves.items():
            leaves = list(chain.from_iterable(runs))
            self.nodes += leaves
            self.by_model[model] += map(_values_of, leaves)
        self.values: list[Values] = list(chain.from_iterable(self.by_model.values()))

    @property
    def near_limit(self) -> bool:
        """Whether the data could nest deeper than ``MAX_DEPTH``: a node's data lies at most two levels below its
        location (the node, a list in it), so only a tree this deep needs the data walked to know."""
        return self.deepest + 2 > MAX_DEPTH

    def walked(self) -> list[tuple[Path, Node]]:
        """Every node with its location, in the order of :func:`walk`."""
        if self._walked is None:
            self._walked = list(walk(self._root, self._base))
        return self._walked

    def location(self, node: Node) -> Path:
        """The location tuple of ``node``, a node of this tree."""
        if self._where is None:
            self._where = {id(other): at for at, other in self.walked()}
        return self._where[id(node)]

    def in_walk_order(self, nodes: list[Node]) -> list[Node]:
        """``nodes``, nodes of this tree, in the order of :func:`walk`."""
        order = {id(node): i for i, (_, node) in enumerate(self.walked())}
        return sorted(nodes, key=lambda node: order[id(node)])

    def _reach(self, depth: int) -> bool:
        """Note a node at ``depth``, deeper than any before; False (and the walk cut) past ``MAX_DEPTH``."""
        self.deepest = depth
        if depth > MAX_DEPTH:
            self.cut = True
            return False
        return True

    def _visit(self, depth: int, node: Node) -> None:
        """Gather ``node``, at location length ``depth``, and all it holds."""
        # Recursive, and so bounded: a chain of attributions could nest as deep as the parser allowed.
        # It runs for every node that holds others, so it makes no list, set or iterator of its own.
        if depth > self.deepest and not self._reach(depth):
            return
        model = type(node)
        evidence, plan = _KINDS[model]
        if evidence:
            self._evidence_runs.append((node,))
            return
        values = node.__dict__
        self.nodes.append(node)
        self.by_model[model].append(values)
        for name, kind in plan:
            value = values[name]
            if not value:  # None, or an empty list
                continue
            if kind is _EVIDENCE_LIST or kind is _LEAF_LIST:
                if depth + 2 <= self.deepest or self._reach(depth + 2):
                    self.held.append((values, name, value, kind))
                    if kind is _EVIDENCE_LIST:
                        self._evidence_runs.append(value)
                    else:
                        self._leaves[type(value[0])].append(value)
                    if len(value) > 1:
                        self.node_lists.append(value)
            elif kind is _NODE:
                self.held.append((values, name, value, kind))
                self._visit(depth + 1, value)
            elif kind is _NODE_LIST:
                self.held.append((values, name, value, kind))
                if len(value) > 1:
                    self.node_lists.append(value)
                for item in value:
                    self._visit(depth + 2, item)
            elif len(value) > 1:
                self.value_lists.append(value)


def mint_ids(report: Report, tree: Tree | None = None) -> None:
    """Give every nested node without an id one minted from its holder's: ``holder/field[/n]``.

    Evidence is minted from its offsets (``holder/evidence/12-26``), so adding
    a span does not renumber the others. Must run after evidence is anchored.
    ``tree`` is the report's :class:`Tree`, when the caller has it already.
    """
    if tree is None:
        tree = Tree(report)
    if None not in map(_id_of, tree.values):
        return  # every id given, as in a dossier this library wrote
    # Ids are set in __dict__, as pydantic's own __setattr__ does, without its per-call dispatch. A holder
    # comes before what it holds, so its own id is there when theirs are made from it.
    for holder, name, held, kind in tree.held:
        holder_id = holder["id"]
        if kind is _NODE:
            values = held.__dict__
            if values["id"] is None:
                start = values["start"] if _KINDS[type(held)].evidence else None
                values["id"] = f"{holder_id}/{name}" if start is None else f"{holder_id}/{name}/{start}-{values['end']}"
                held.__pydantic_fields_set__.add("id")
        else:  # a list: evidence by its offsets where it has them, anything else by its place
            evidence = kind is _EVIDENCE_LIST
            for n, node in enumerate(held, 1):
                values = node.__dict__
                if values["id"] is None:
                    start = values["start"] if evidence else None
                    values["id"] = (f"{holder_id}/{name}/{n}" if start is None
                                    else f"{holder_id}/{name}/{start}-{values['end']}")
                    node.__pydantic_fields_set__.add("id")


# Node.key_of (sort_key without the attribute hook) for a model that keeps Node's sort_key; None for one that does not.
_KEY_OF = PerModel(lambda model: model.key_of if model.sort_key is Node.sort_key else None)


def canonicalize(node: Node, tree: Tree | None = None) -> None:
    """Sort every list under ``node`` in place: nodes by their sort key, plain values by value, without repeats.

    ``tree`` is the :class:`Tree` of ``node``, when the caller has it already.
    """
    if tree is None:
        tree = Tree(node)
    # Most lists are in order already, as a dossier this library wrote has them: they are only looked at.
    for nodes in tree.node_lists:
        key_of = _KEY_OF[type(nodes[0])]
        if key_of is None:  # a model with a sort_key of its own
            nodes.sort(key=_sort_key)
        elif not _in_order(nodes, key_of):
            nodes.sort(key=lambda item: key_of(item.__dict__))
    for plain in tree.value_lists:
        last = None
        for value in plain:
            if type(value) is not str or (last is not None and value <= last):
                # Plain values and references form a set in RDF; repeating one says nothing more.
                plain[:] = sorted(set(plain), key=str)
                break
            last = value


def _in_order(nodes: list[Node], key_of: Callable[[Values], Any]) -> bool:
    """Whether ``nodes`` are sorted by ``key_of`` their values already."""
    last = None
    if key_of is Node.key_of:  # by id alone: the ids are compared as they are, without a call for each node
        for item in nodes:
            key = item.__dict__["id"]
            if key is None or (last is not None and key < last):
                return False
            last = key
        return True
    for item in nodes:
        key = key_of(item.__dict__)
        if last is not None and key < last:
            return False
        last = key
    return True


_sort_key = operator.methodcaller("sort_key")
