"""The published artefacts, generated from the models: JSON Schema, JSON-LD context, SHACL shapes, vocabulary.

``dossier schema`` writes them to ``schemas/`` (and the package keeps a copy
in ``dossier/data/``); a test fails when the checked-in files differ from
what this module generates.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from . import __version__
from .models import MODELS, Report

__all__ = ["SCHEMA_ID", "json_schema", "artefacts", "write_artefacts", "bundled"]

SCHEMA_ID = "https://w3id.org/dossier/schema/v1/dossier.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a dossier document, generated from the models."""
    schema = Report.model_json_schema(ref_template="#/$defs/{model}")
    # pydantic leaves the description off a property that is a bare $ref to a model; put it back.
    for model in MODELS:
        target = schema if model is Report else schema["$defs"].get(model.__name__, {})
        for name, prop in target.get("properties", {}).items():
            description = model.model_fields[name].description
            if description and "description" not in prop:
                prop["description"] = description
    schema["properties"]["@context"] = {
        "description": "The JSON-LD context, present when the document is read as JSON-LD: "
                       "dossier's context URL, optionally followed by a local context giving @base and @language.",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "dossier",
        "description": f"A news report captured as linked data (dossier {__version__}). " + (schema.pop("description", "")),
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def artefacts() -> dict[str, Callable[[], str]]:
    """File name -> function generating its text, for every published artefact."""
    from .linked.jsonld import build_context
    from .linked.shapes import build_shapes
    from .linked.vocab import build_vocabulary

    return {
        "dossier.schema.json": lambda: _json_text(json_schema()),
        "context.jsonld": lambda: _json_text(build_context()),
        "shapes.ttl": build_shapes,
        "vocab.ttl": build_vocabulary,
    }


def write_artefacts(directory: str | Path) -> list[Path]:
    """Write every artefact into ``directory`` (atomically, each file whole or not at all); return the paths."""
    from .formats import atomic_write

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in artefacts().items():
        atomic_write(directory / name, make())
        written.append(directory / name)
    return written


def bundled(name: str) -> str:
    """The text of an artefact as shipped inside the package."""
    return resources.files("dossier").joinpath("data", name).read_text(encoding="utf-8")
