"""Walking a dossier's nodes with their JSON paths, and putting it in canonical form.

Canonical form is what makes the outputs deterministic and the round trips
exact: every nested node has an id (minted from its holder's id where none
was given), and every list is sorted (nodes by :meth:`Node.sort_key`, plain
values by value).
"""

from __future__ import annotations

import operator
import typing
from functools import lru_cache
from typing import Any, Callable, Iterator, NamedTuple

from pydantic import BaseModel

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


_NODE, _NODE_LIST, _LEAF_LIST, _VALUE_LIST = "node", "node list", "leaf list", "value list"


def _plan(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """What a :class:`Tree` does with each field of ``model`` that holds nodes or lists, in field order."""
    holding_nodes = node_fields(model)
    plan = []
    for name in _list_fields(model):
        annotation = model.model_fields[name].annotation
        if name not in holding_nodes:
            kind = _VALUE_LIST
        elif typing.get_origin(annotation) is list:
            # A list of nodes that hold nothing (evidence, mostly): visited in the holder's loop, without a call each.
            item = typing.get_args(annotation)[0]
            kind = _LEAF_LIST if isinstance(item, type) and not _plan(item) else _NODE_LIST
        else:
            kind = _NODE
        plan.append((name, kind))
    return tuple(plan)


class _Kind(NamedTuple):
    evidence: bool  # worked out once: isinstance against a pydantic model class goes through its metaclass
    plan: tuple[tuple[str, str], ...]


_KINDS = PerModel(lambda model: _Kind(issubclass(model, Evidence), _plan(model)))


class Tree:
    """What loading needs from a report, gathered in one walk instead of one walk per step.

    ``nodes`` is every node with its location, in the order of :func:`walk`;
    ``evidence`` the :class:`Evidence` among them; ``nested`` every node but
    the root as ``(holder, field, index or None, node)``, in the same order;
    ``node_lists`` and ``value_lists`` every list of two or more items, which
    canonical order sorts (a shorter one is sorted as it is). Lists are
    gathered, not copied, so the tree stays right while ids are minted and
    offsets filled in. ``deepest`` is the longest location of a node; the
    walk stops below ``MAX_DEPTH`` (``cut``), as no document may nest deeper.
    """

    __slots__ = ("nodes", "evidence", "nested", "node_lists", "value_lists", "deepest", "cut")

    def __init__(self, root: Node, path: Path = ()):
        self.nodes: list[tuple[Path, Node]] = []
        self.evidence: list[tuple[Path, Evidence]] = []
        self.nested: list[tuple[Node, str, int | None, Node]] = []
        self.node_lists: list[list[Node]] = []
        self.value_lists: list[list[Any]] = []
        self.deepest = len(path)
        self.cut = False
        self._visit(path, root)

    @property
    def near_limit(self) -> bool:
        """Whether the data could nest deeper than ``MAX_DEPTH``: a node's data lies at most two levels below its
        location (the node, a list in it), so only a tree this deep needs the data walked to know."""
        return self.deepest + 2 > MAX_DEPTH

    def _reach(self, depth: int) -> bool:
        """Note a node at ``depth``, deeper than any before; False (and the walk cut) past ``MAX_DEPTH``."""
        self.deepest = depth
        if depth > MAX_DEPTH:
            self.cut = True
            return False
        return True

    def _visit(self, loc: Path, node: Node) -> None:
        # Recursive, and so bounded: a chain of attributions could nest as deep as the parser allowed.
        if len(loc) > self.deepest and not self._reach(len(loc)):
            return
        self.nodes.append((loc, node))
        evidence, plan = _KINDS[type(node)]
        if evidence:
            self.evidence.append((loc, node))  # type: ignore[arg-type]
        if not plan:  # most nodes are evidence, which holds nothing
            return
        values = node.__dict__
        for name, kind in plan:
            value = values[name]
            if kind is _NODE:
                if value is not None:
                    self.nested.append((node, name, None, value))
                    self._visit(loc + (name,), value)
            elif kind is _LEAF_LIST:
                if not value:
                    continue
                if len(value) > 1:
                    self.node_lists.append(value)
                if len(loc) + 2 > self.deepest and not self._reach(len(loc) + 2):  # for every item at once
                    continue
                evidence = _KINDS[type(value[0])].evidence  # the items are all of the list's one model
                for i, item in enumerate(value):
                    at = loc + (name, i)
                    self.nested.append((node, name, i, item))
                    self.nodes.append((at, item))
                    if evidence:
                        self.evidence.append((at, item))  # type: ignore[arg-type]
            elif kind is _NODE_LIST:
                if len(value) > 1:
                    self.node_lists.append(value)
                for i, item in enumerate(value):
                    self.nested.append((node, name, i, item))
                    self._visit(loc + (name, i), item)
            elif value is not None and len(value) > 1:
                self.value_lists.append(value)


def mint_ids(report: Report, tree: Tree | None = None) -> None:
    """Give every nested node without an id one minted from its holder's: ``holder/field[/n]``.

    Evidence is minted from its offsets (``holder/evidence/12-26``), so adding
    a span does not renumber the others. Must run after evidence is anchored.
    ``tree`` is the report's :class:`Tree`, when the caller has it already.
    """
    # Fields are read and set through __dict__, as pydantic's own __setattr__ does, without its per-call dispatch:
    # a dossier can have thousands of nested nodes.
    for holder, name, index, node in (tree if tree is not None else Tree(report)).nested:
        values = node.__dict__
        if values["id"] is None:
            if _KINDS[type(node)].evidence and values["start"] is not None:
                values["id"] = f"{holder.__dict__['id']}/{name}/{values['start']}-{values['end']}"
            elif index is None:
                values["id"] = f"{holder.__dict__['id']}/{name}"
            else:
                values["id"] = f"{holder.__dict__['id']}/{name}/{index + 1}"
            node.__pydantic_fields_set__.add("id")


_sort_key = operator.methodcaller("sort_key")


def canonicalize(node: Node, tree: Tree | None = None) -> None:
    """Sort every list under ``node`` in place: nodes by their sort key, plain values by value, without repeats.

    ``tree`` is the :class:`Tree` of ``node``, when the caller has it already.
    """
    if tree is None:
        tree = Tree(node)
    for nodes in tree.node_lists:
        nodes.sort(key=_sort_key)
    for values in tree.value_lists:
        # Plain values and references form a set in RDF; repeating one says nothing more.
        values[:] = sorted(set(values), key=str)
