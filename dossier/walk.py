"""Walking a dossier's nodes with their JSON paths, and putting it in canonical form.

Canonical form is what makes the outputs deterministic and the round trips
exact: every nested node has an id (minted from its holder's id where none
was given), and every list is sorted (nodes by :meth:`Node.sort_key`, plain
values by value).
"""

from __future__ import annotations

import typing
from functools import lru_cache
from typing import Any, Iterator

from pydantic import BaseModel

from .models import Evidence, Node, Report
from .terms import Term

__all__ = ["term_of", "walk", "canonicalize", "mint_ids"]

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
    # A stack, not nested generators: a dossier has thousands of nodes and is walked on every load.
    stack = [(path, node)]
    while stack:
        loc, current = stack.pop()
        yield loc, current
        held = [(loc + ((name,) if index is None else (name, index)), child) for name, index, child in children(current)]
        stack.extend(reversed(held))


def mint_ids(report: Report) -> None:
    """Give every nested node without an id one minted from its holder's: ``holder/field[/n]``.

    Evidence is minted from its offsets (``holder/evidence/12-26``), so adding
    a span does not renumber the others. Must run after evidence is anchored.
    """

    def visit(node: Node) -> None:
        for name, index, child in children(node):
            if child.id is None:
                if isinstance(child, Evidence) and child.start is not None:
                    suffix = f"/{child.start}-{child.end}"
                else:
                    suffix = "" if index is None else f"/{index + 1}"
                child.id = f"{node.id}/{name}{suffix}"
            visit(child)

    visit(report)


@lru_cache(maxsize=None)
def _list_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that hold lists or nested nodes: all that canonical order touches."""
    return tuple(name for name, info in model.model_fields.items()
                 if typing.get_origin(info.annotation) is list or _holds_nodes(info.annotation)
                 or "list[" in str(info.annotation))


def canonicalize(node: Node) -> None:
    """Sort every list under ``node`` in place: nodes by their sort key, plain values by value, without repeats."""
    values = node.__dict__
    for name in _list_fields(type(node)):
        value = values[name]
        if isinstance(value, Node):
            canonicalize(value)
        elif isinstance(value, list) and value:
            if isinstance(value[0], Node):
                for item in value:
                    canonicalize(item)
                value.sort(key=lambda n: n.sort_key())
            else:
                # Plain values and references form a set in RDF; repeating one says nothing more.
                value[:] = sorted(set(value), key=str)
