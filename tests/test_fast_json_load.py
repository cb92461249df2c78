"""The fast way of reading a JSON dossier (:func:`dossier.loading.report_from_json`) against the careful way.

pydantic parses and validates a valid dossier in one pass; anything else
falls back to the standard library's parser with its duplicate-key hook,
which locates every problem. These tests hold the fast way (its keys
counted by dossier's C loop, and by its Python twin) to the careful way:
the same report for every valid dossier, and no text the fast way accepts
that the careful way refuses (above all, repeated keys, which pydantic
would silently take the last of).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dossier
from dossier import native
from dossier.canonical import to_json
from dossier.errors import InvalidDossier
from dossier.formats import loads_as
from dossier.loading import report_from_document, report_from_json
from dossier.models import MODELS, Report
from dossier.reading import parse_json
from dossier.walk import walk

from conftest import key_pairs
from strategies import reports

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_8ca8e46f6fba684d.json"
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _careful(text: str) -> dossier.Report:
    return report_from_document(parse_json(text, "case.json"))


def _objects(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *[o for v in value.values() for o in _objects(v)]]
    if isinstance(value, list):
        return [o for v in value for o in _objects(v)]
    return []


def _with_repeated_key(text: str, which: int, spacing: str = ": ", value: Any = None) -> str:
    """``text`` with the first key of its ``which``-th object written twice: again with its own value, or ``value``."""
    data = json.loads(text)
    target = _objects(data)[which]
    key = next(iter(target))
    again = target[key] if value is None else value
    target["__repeat__"] = None
    return json.dumps(data, ensure_ascii=False).replace(
        '"__repeat__": null', json.dumps(key) + spacing + json.dumps(again, ensure_ascii=False), 1)


@pytest.fixture(scope="module", autouse=True, params=["C loop", "Python twin"])
def key_count(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test with the keys counted by dossier's C loop (where it is built) and by its Python twin."""
    if request.param == "C loop" and native.count_keys is None:
        pytest.skip("dossier's C loops are not built")
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "Python twin":
            patch.setattr(native, "count_keys", None)
        yield


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_the_seed_is_read_the_fast_way_into_the_same_report(seed_text: str) -> None:
    fast = report_from_json(seed_text, "seed.json")
    assert fast is not None
    assert fast == _careful(seed_text)
    assert to_json(fast) == seed_text


@pytest.mark.parametrize("separators", [(",", ":"), (", ", ": "), (",\n", " :\t ")])
def test_any_spacing_of_the_seed_is_read_the_fast_way(seed_text: str, separators: tuple[str, str]) -> None:
    text = json.dumps(json.loads(seed_text), ensure_ascii=True, separators=separators)
    fast = report_from_json(text.encode(), "seed.json")
    assert fast is not None and to_json(fast) == seed_text


@SETTINGS
@given(report=reports())
def test_generated_dossiers_are_read_into_the_same_report_either_way(report: dossier.Report) -> None:
    # Generated strings may open with a colon or hold '":', which the fast way takes for keys: then it declines.
    for text in (to_json(report), json.dumps(json.loads(to_json(report)), ensure_ascii=True),
                 json.dumps(json.loads(to_json(report)), separators=(",", " :  "))):
        fast = report_from_json(text, "case.json")
        assert fast is None or to_json(fast) == to_json(_careful(text))


@pytest.mark.parametrize("spacing", [": ", " : ", ":", "\n:\t"])
@pytest.mark.parametrize("which", [0, 1, 5, -1])
def test_a_key_repeated_with_its_own_value_is_refused(seed_text: str, which: int, spacing: str) -> None:
    # pydantic would take the text as valid, with the last value; the dossier must be refused as ever.
    text = _with_repeated_key(seed_text, which, spacing)
    assert report_from_json(text, "case.json") is None
    for load in (lambda: dossier.loads(text, syntax="json", name="case.json"),
                 lambda: loads_as(text, "json", name="case.json")):
        with pytest.raises(InvalidDossier) as info:
            load()
        assert [p.rule for p in info.value.problems] == ["duplicate-key"]


@pytest.mark.parametrize("value", ["a: b", ":", "no colon"])
def test_a_repeated_key_is_refused_whatever_colons_its_values_hold(seed_text: str, value: str) -> None:
    persons = [i for i, o in enumerate(_objects(json.loads(seed_text))) if o.get("type") == "Person"]
    for text in (_with_repeated_key(seed_text, persons[0], value=value),
                 _with_repeated_key(seed_text, persons[0], value=value).replace(":", "\\u003a", 1)
                 .replace('"id"\\u003a', '"id":', 1)):
        with pytest.raises(InvalidDossier) as info:
            dossier.loads(text, syntax="json", name="case.json")
        assert "duplicate-key" in [p.rule for p in info.value.problems]


@pytest.mark.parametrize("written", ["Putin\\u003a a gift", "Putin: a gift", 'Putin \\" : a gift'])
def test_colons_and_quotes_in_strings_give_the_same_report_either_way(seed_text: str, written: str) -> None:
    data = json.loads(seed_text)
    data["headline"] = "HEADLINE"
    text = json.dumps(data, ensure_ascii=False).replace("HEADLINE", written)
    fast = report_from_json(text.encode(), "case.json")
    assert fast is None or to_json(fast) == to_json(_careful(text))
    assert dossier.loads(text.encode(), syntax="json").headline == json.loads(f'"{written}"')


@pytest.mark.parametrize("text", [
    '{"id": "x", "persons": []} x', '{"id": "x",}', '{"id": "x" /* c */}', "{'id': 'x'}", '{"id": "x\\ud800"}',
    '{"id": "a\x01b"}', '{"id": "x", "persons": [], "persons": []}', '[{"id": "x"}]', '{"@context": {}, "id": "x"}',
])
def test_text_the_careful_way_refuses_is_never_taken_the_fast_way(text: str) -> None:
    assert report_from_json(text, "case.json") is None


def test_the_models_set_only_the_fields_a_document_gives(seed_text: str) -> None:
    # What the repeated-key count rests on: every key given is one field set, and nothing else is set.
    keys = key_pairs(seed_text)
    report = Report.model_validate_json(seed_text)
    assert sum(len(node.model_fields_set) for _, node in walk(report)) == keys


def test_no_model_has_an_alias_or_a_default_with_a_colon() -> None:
    # Either would break the count too: an alias maps a key to another name, a default adds colons unseen.
    for model in MODELS:
        for name, info in model.model_fields.items():
            assert info.alias is None and info.validation_alias is None, (model, name)
            assert ":" not in str(info.default), (model, name)


@st.composite
def _key_orders(draw: st.DrawFn) -> str:
    report = draw(reports())
    data = json.loads(to_json(report))
    objects = _objects(data)
    target = objects[draw(st.integers(0, len(objects) - 1))]
    key = draw(st.sampled_from(sorted(target)))
    target["__repeat__"] = None
    again = draw(st.sampled_from([target[key], "x:y", None, 0]))
    return json.dumps(data).replace('"__repeat__": null', f"{json.dumps(key)}: {json.dumps(again)}", 1)


@SETTINGS
@given(text=_key_orders())
def test_generated_repeated_keys_are_refused(text: str) -> None:
    with pytest.raises(InvalidDossier) as info:
        dossier.loads(text, syntax="json", name="case.json")
    assert info.value.problems[0].rule == "duplicate-key"
