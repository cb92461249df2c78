"""The published artefacts are what the code generates, and the seed's JSON validates against the JSON Schema."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import dossier
from dossier.formats import dumps
from dossier.schemas import SCHEMA_ID, artefacts, bundled

from conftest import ROOT


@pytest.mark.parametrize("name", sorted(artefacts()))
def test_checked_in_artefacts_equal_generated(name: str) -> None:
    """Run `dossier schema` (and copy to dossier/data/) when this fails."""
    generated = artefacts()[name]()
    assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == generated
    assert bundled(name) == generated


def test_schema_is_draft_2020_12_and_versioned() -> None:
    schema = json.loads((ROOT / "schemas" / "dossier.schema.json").read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID and "/v1/" in SCHEMA_ID
    Draft202012Validator.check_schema(schema)


def _properties(schema: Any, where: str = "$") -> Iterator[tuple[str, Any]]:
    if isinstance(schema, dict):
        for name, prop in schema.get("properties", {}).items():
            yield f"{where}.{name}", prop
        for key, value in schema.items():
            if key != "properties":
                yield from _properties(value, f"{where}/{key}")
        for name, prop in schema.get("properties", {}).items():
            yield from _properties(prop, f"{where}.{name}")
    elif isinstance(schema, list):
        for item in schema:
            yield from _properties(item, where)


def test_every_property_has_a_description() -> None:
    schema = json.loads((ROOT / "schemas" / "dossier.schema.json").read_text())
    props = list(_properties(schema))
    assert len(props) > 80
    assert [where for where, prop in props if not prop.get("description")] == []


@pytest.mark.parametrize("fmt", ["json", "jsonld"])
def test_seed_output_validates_against_the_schema(fmt: str, seed: dossier.Report) -> None:
    schema = json.loads((ROOT / "schemas" / "dossier.schema.json").read_text())
    errors = list(Draft202012Validator(schema).iter_errors(json.loads(dumps(seed, fmt))))
    assert errors == []


def test_curated_yaml_validates_against_the_schema() -> None:
    import yaml

    schema = json.loads((ROOT / "schemas" / "dossier.schema.json").read_text())
    data = yaml.safe_load((ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml").read_text())
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


def test_schema_rejects_what_the_models_reject() -> None:
    validator = Draft202012Validator(json.loads((ROOT / "schemas" / "dossier.schema.json").read_text()))
    bad = {"id": "x", "persons": [{"id": "p", "nickname": "P", "evidence": [{"quote": "P"}]}]}
    assert any(e.validator == "additionalProperties" for e in validator.iter_errors(bad))
    bad = {"id": "x", "events": [{"id": "e", "kind": "party", "evidence": [{"quote": "e"}]}]}
    assert any(e.validator == "enum" for e in validator.iter_errors(bad))
    bad = {"id": "x", "events": [{"id": "e", "kind": "visit", "evidence": [{"quote": "e"}],
                                  "time": {"month_day": "09-13"}}]}
    (error,) = validator.iter_errors(bad)
    assert list(best_match([error]).absolute_path) == ["events", 0, "time", "month_day"]


def test_json_is_deterministic_and_a_fixed_point(seed: dossier.Report, tmp_path: Any) -> None:
    text = dumps(seed, "json")
    assert text == dumps(dossier.load(ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml"), "json")
    path = tmp_path / "seed.json"
    path.write_text(text, encoding="utf-8")
    assert dumps(dossier.load(path), "json") == text


def test_item_order_in_the_input_does_not_change_the_output(seed: dossier.Report) -> None:
    data = json.loads(dumps(seed, "json"))
    for key in ("persons", "places", "events", "claims"):
        data[key].reverse()
    for person in data["persons"]:
        person["evidence"].reverse()
    assert dumps(dossier.loads(json.dumps(data), syntax="json"), "json") == dumps(seed, "json")
