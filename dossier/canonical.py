"""Canonical JSON: the one readable, deterministic JSON form of a dossier.

Keys follow the models' field order; absent values (None, empty lists,
False) are left out; lists are in canonical order; text is UTF-8, not
escaped. The same dossier always gives the same bytes.

Both the data and the text are written by pydantic-core, in Rust, from a
serializer schema made once per report class (see :func:`_serializer`).
"""

from __future__ import annotations

import json
import operator
import types
import typing
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, SchemaSerializer, core_schema
from pydantic_core import to_json as _core_to_json

from . import native
from .models import MODELS, Report

__all__ = ["to_data", "to_json", "dumps_json"]


def _prune(value: Any) -> Any:
    """``value`` without the absent values (None, [], False) of its dicts, at every depth."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None and v != [] and v is not False}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


# The absent values are left out by the serializer itself: None by exclude_none, and [] and False by
# exclude_defaults, since in our schema (and only there: the models' own defaults are not used) every
# list field has the default [] and every bool field the default False, and no other field has one.
# Without warnings: a value of another type than its field's (only in a model built unchecked) is written as
# pydantic infers it, silently, as the dump it replaces did.
_LEAVE_OUT = {"exclude_none": True, "exclude_defaults": True, "warnings": False}
_ABSENT = {"list": [], "bool": False}
# A node is written as its __dict__ (its field values, in field order) under a typed-dict schema: under a
# model schema, pydantic-core would use the class's own serializer instead, with the models' defaults.
_FIELDS = operator.attrgetter("__dict__")


def _ref(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _value_schema(annotation: Any, nodes: dict[str, core_schema.CoreSchema], where: str) -> core_schema.CoreSchema:
    """How values of ``annotation`` are written; models met on the way are added to ``nodes``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _value_schema(args[0], nodes, where)
    if origin is typing.Union or origin is types.UnionType:
        given = [a for a in args if a is not type(None)]
        if len(given) == 1:  # Optional: None is left out whatever the type
            return _value_schema(given[0], nodes, where)
    elif origin is list:
        return core_schema.list_schema(_value_schema(args[0], nodes, where))
    elif origin is typing.Literal:
        if all(type(a) is str for a in args):
            return core_schema.str_schema()
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        _add_node(annotation, nodes)
        return core_schema.definition_reference_schema(_ref(annotation))
    elif annotation is bool:
        return core_schema.bool_schema()
    elif annotation is int:
        return core_schema.int_schema()
    elif annotation is str or isinstance(annotation, type) and issubclass(annotation, str):
        # str enums too: a member's text is its value, which is what JSON holds.
        return core_schema.str_schema()
    raise TypeError(f"canonical JSON has no rule for {where}: {annotation!r}")


def _add_node(cls: type[BaseModel], nodes: dict[str, core_schema.CoreSchema]) -> None:
    """Add the schema of model ``cls``, and of every model its fields hold, to ``nodes``."""
    ref = _ref(cls)
    if ref in nodes:
        return
    nodes[ref] = core_schema.any_schema()  # a placeholder, so that a model holding itself ends the recursion
    fields = {}
    for name, info in cls.model_fields.items():
        schema = _value_schema(info.annotation, nodes, f"{cls.__name__}.{name}")
        if schema["type"] in _ABSENT:
            schema = core_schema.with_default_schema(schema, default=_ABSENT[schema["type"]])
        fields[name] = core_schema.typed_dict_field(schema)
    nodes[ref] = core_schema.any_schema(ref=ref, serialization=core_schema.plain_serializer_function_ser_schema(
        _FIELDS, return_schema=core_schema.typed_dict_schema(fields)))


@lru_cache(maxsize=None)
def _serializer(cls: type[BaseModel]) -> SchemaSerializer:
    """The serializer of canonical data for model ``cls``, made once.

    Each node is written by the schema of its field's declared model, as
    pydantic's own ``model_dump`` does, and its keys in the order of its
    ``__dict__``, which validation fills in field order.
    """
    nodes: dict[str, core_schema.CoreSchema] = {}
    _add_node(cls, nodes)
    return SchemaSerializer(core_schema.definitions_schema(
        core_schema.definition_reference_schema(_ref(cls)), list(nodes.values())))


def to_data(report: Report) -> dict[str, Any]:
    """The canonical JSON data of ``report`` as plain Python values."""
    return _serializer(type(report)).to_python(report, mode="json", **_LEAVE_OUT)  # type: ignore[no-any-return]


def dumps_json(data: Any) -> str:
    """``data`` as JSON text indented by two spaces, not ASCII-escaped, ending in a newline.

    The same text as ``json.dumps(data, ensure_ascii=False, indent=2)``,
    written by pydantic-core's serializer, which is many times faster than
    the standard library's indenting encoder.
    """
    try:
        return (_core_to_json(data, indent=2) + b"\n").decode("utf-8")
    except (PydanticSerializationError, UnicodeDecodeError, ValueError):  # lone surrogates, odd types
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def _shapes() -> dict[type, dict[str, int]]:
    """For dossier's C loop: each model class's fields, each with how the serializer leaves it out (see
    :data:`_LEAVE_OUT`): 0 when None, 1 also when ``[]``, 2 also when False."""
    how = {"list": 1, "bool": 2}
    nodes: dict[str, core_schema.CoreSchema] = {}
    return {model: {name: how.get(_value_schema(info.annotation, nodes, name)["type"], 0)
                    for name, info in model.model_fields.items()} for model in MODELS}


def to_json(report: Report) -> str:
    """The canonical JSON text of ``report``, ending in a newline: ``dumps_json(to_data(report))``, in one pass.

    Where dossier's C loops are built (:mod:`dossier.native`), one writes
    the text straight from the nodes' values, as the serializer would, for a
    fraction of its cost; for a class or value it does not know, it leaves
    the text to the serializer, its twin.
    """
    if native.canonical_json is not None:
        text = native.canonical_json(report, _shapes())
        if text is not None:
            return text  # type: ignore[no-any-return]
    try:
        return (_serializer(type(report)).to_json(report, indent=2, **_LEAVE_OUT) + b"\n").decode("utf-8")
    except PydanticSerializationError:  # lone surrogates, which UTF-8 cannot hold: the standard library writes them
        return dumps_json(to_data(report))
