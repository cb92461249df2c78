"""The mapping from models to RDF, read once from the fields' :class:`~dossier.terms.Term` annotations.

Writers, the reader, the JSON-LD context, the SHACL shapes and the
vocabulary all take their terms from :func:`fields_of` and
:func:`class_iris`, so they cannot disagree.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..models import MODELS, Node, Report
from ..terms import NS, Term, expand
from ..walk import term_of

__all__ = ["FieldMap", "fields_of", "class_iris", "type_for_iris", "DEFAULT_BASE", "mint_base", "RDF_TYPE"]

RDF_TYPE = NS["rdf"] + "type"
#: Default base IRI; ``{id}`` is replaced by the report id so that two reports never share an IRI.
DEFAULT_BASE = "https://example.org/dossier/{id}/"


@dataclass(frozen=True)
class FieldMap:
    """One model field and its term: ``many`` for lists, ``model`` the nested model for node fields."""

    name: str
    term: Term
    many: bool
    required: bool
    model: type[Node] | None = None


def _unwrap(annotation: Any) -> tuple[bool, Any]:
    many = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is list:
            many, annotation = True, typing.get_args(annotation)[0]
        elif origin is typing.Union or str(origin) == "types.UnionType":
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return many, annotation


@lru_cache(maxsize=None)
def fields_of(model: type[BaseModel]) -> tuple[FieldMap, ...]:
    """Every mapped field of ``model``, in field order."""
    out = []
    for name, info in model.model_fields.items():
        term = term_of(model, name)
        if term is None:
            continue
        many, inner = _unwrap(info.annotation)
        nested = inner if isinstance(inner, type) and issubclass(inner, Node) else None
        out.append(FieldMap(name, term, many, info.is_required(), nested))
    return tuple(out)


@lru_cache(maxsize=None)
def class_iris() -> dict[str, str]:
    """The RDF class IRI of every ``type`` value of every model."""
    out: dict[str, str] = {}
    for model in MODELS:
        for name, curie in model.rdf_types.items():
            out[name] = expand(curie)
    return out


@lru_cache(maxsize=None)
def type_for_iris() -> dict[str, tuple[type[Node], str]]:
    """From a class IRI to the model and ``type`` value it stands for."""
    out: dict[str, tuple[type[Node], str]] = {}
    for model in MODELS:
        for name, curie in model.rdf_types.items():
            out[expand(curie)] = (model, name)
    return out


def mint_base(report: Report, base: str | None = None) -> str:
    """The base IRI for ``report``: ``base`` (default :data:`DEFAULT_BASE`) with ``{id}`` filled in.

    A base must end in ``/`` or ``#`` so that ids append cleanly.
    """
    out = (base or DEFAULT_BASE).replace("{id}", report.id)
    return out
