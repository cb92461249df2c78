"""The canonical JSON written by pydantic-core from a schema of our own, and the cheaper date checks of the models.

The text and data must stay what the plain path gives: the stdlib's JSON of
pydantic's dump with absent values (None, [], False) pruned. These tests pin
the edges the fast path could get wrong: values that are absent and values
that only look so (0, ""), lone surrogates (the fallback), JSON-LD written
alone or from the JSON text, a field type the writer has no rule for, and
the date validators, whose messages must not change.
"""

from __future__ import annotations

import json
from typing import Any, Optional

import pytest
from pydantic import BaseModel, ValidationError

import dossier
from dossier.canonical import _prune, _serializer, dumps_json, to_data, to_json
from dossier.linked.jsonld import bundled_context, local_context, to_jsonld
from dossier.models import CuratedTime, Evidence, Report, Time

from conftest import EXAMPLES
from test_fastpath import _hostile_report

BASES = [None, "urn:x-news:{id}/"]


def _plain_json(report: Report) -> str:
    return json.dumps(_prune(report.model_dump(mode="json")), ensure_ascii=False, indent=2) + "\n"


def _plain_jsonld(report: Report, base: Optional[str]) -> str:
    data = {"@context": [bundled_context()["@context"], local_context(report, base)], **to_data(report)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _edge_report() -> Report:
    """A report with values that are absent (False, [], None) next to ones that only look so (0, "")."""
    return Report.model_validate({
        "id": "edge", "text": "", "persons": [
            {"id": "a", "name": "A", "plural": False, "aliases": [], "evidence": [{"quote": "x", "start": 0, "end": 0}]},
            {"id": "b", "name": "B", "plural": True, "aliases": ["b"], "roles": [], "evidence": [{"quote": "y"}]}],
    })


def _with_lone_surrogates() -> Report:
    """The hostile report with lone surrogates, which UTF-8 cannot hold (only a report built unchecked has them)."""
    report = _hostile_report().model_copy(update={"headline": "lone \ud800 surrogate"})
    report.persons[0].aliases.append("x\udfffy")
    return report


@pytest.fixture(scope="module")
def reports(seed: Report) -> list[Report]:
    return [seed, _hostile_report(), _edge_report(), _with_lone_surrogates()]


def test_text_and_data_are_the_plain_paths(reports: list[Report]) -> None:
    for report in reports:
        data = to_data(report)
        assert json.dumps(data, ensure_ascii=False) == json.dumps(_prune(report.model_dump(mode="json")),
                                                                  ensure_ascii=False)
        assert to_json(report) == dumps_json(data) == _plain_json(report)


def test_absent_values_are_left_out_and_zero_and_empty_text_kept() -> None:
    data = to_data(_edge_report())
    assert data["text"] == ""
    first, second = data["persons"]
    assert "plural" not in first and "aliases" not in first and first["evidence"][0]["start"] == 0
    assert second["plural"] is True and second["aliases"] == ["b"] and "roles" not in second
    assert "start" not in second["evidence"][0]


def test_data_holds_plain_values(seed: Report) -> None:
    """Enum members are written as their values, plain strings, as before."""
    def kinds(value: Any) -> set[type]:
        if isinstance(value, dict):
            return set().union(*map(kinds, value.values()), {type(k) for k in value})
        if isinstance(value, list):
            return set().union(set(), *map(kinds, value))
        return {type(value)}

    assert kinds(to_data(seed)) <= {str, int, bool}


@pytest.mark.parametrize("base", BASES)
def test_jsonld_alone_and_from_the_json_text_are_the_plain_path(base: Optional[str], reports: list[Report]) -> None:
    for report in reports:
        plain = _plain_jsonld(report, base)
        assert to_jsonld(report, base) == plain
        assert to_jsonld(report, base, json_text=to_json(report)) == plain
        assert to_jsonld(report, base, json_text="not the JSON text") == plain


def test_a_field_type_without_a_rule_is_refused() -> None:
    class Odd(BaseModel):
        id: str = "odd"
        weight: float = 1.5

    with pytest.raises(TypeError, match=r"Odd\.weight"):
        _serializer(Odd)


# ---- the date checks: the same inputs accepted, the same messages


@pytest.mark.parametrize("fields, message", [
    ({}, "a time needs a date the text states, or a curated one"),
    ({"year": "2023", "date": "2023-09-13"}, "give one of year, year_month, date, month_day, not 2"),
    ({"date": "2023-02-29"}, "'2023-02-29': February 2023 has no day 29"),
    ({"month_day": "--02-30"}, "'--02-30': month 2 has no day 30"),
    ({"year_month": "2023-13"}, "String should match pattern"),
    ({"year": "2023\n"}, "String should match pattern"),
])
def test_time_messages(fields: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Time.model_validate(fields)


def test_dates_accepted_and_parsed() -> None:
    assert str(Time.model_validate({"month_day": "--02-29"}).value) == "--02-29"
    assert str(Time.model_validate({"date": "2024-02-29"}).value) == "2024-02-29"
    assert Time.model_validate({"curated": {"year": "2023", "source": "s"}}).value is None
    assert str(CuratedTime.model_validate({"year_month": "2023-09", "source": "s"}).value) == "2023-09"
    with pytest.raises(ValidationError, match="give one of year, year_month, date, month_day"):
        CuratedTime.model_validate({"source": "s"})


def test_evidence_sort_key() -> None:
    for start in (None, 0, 3):
        for end in (None, 0, 5):
            for id_ in (None, "x"):
                ev = Evidence(quote="q", start=start, end=end, id=id_)
                assert ev.sort_key() == (start if start is not None else -1, end or -1, "q", id_ or "")


def test_seed_example_files_are_written_byte_for_byte() -> None:
    """The example JSON and JSON-LD files are what the writers give for them."""
    report = dossier.read(EXAMPLES / "000_8ca8e46f6fba684d.json")
    assert to_json(report) == (EXAMPLES / "000_8ca8e46f6fba684d.json").read_text(encoding="utf-8")
    assert to_jsonld(report) == (EXAMPLES / "000_8ca8e46f6fba684d.jsonld").read_text(encoding="utf-8")
