"""Every integrity rule: a small valid dossier, broken one way at a time, must fail with a located error."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

import dossier
from dossier.cli import main

TEXT = "Anna Berg met Omar Haddad in Lyon on February 3. Berg gave Haddad a vase. Berg said Haddad could return."

BASE: dict[str, Any] = {
    "id": "t",
    "language": "en",
    "text": TEXT,
    "persons": [
        {"id": "berg", "name": "Anna Berg", "evidence": [{"quote": "Anna Berg"}]},
        {"id": "haddad", "name": "Omar Haddad", "evidence": [{"quote": "Omar Haddad"}]},
    ],
    "places": [
        {"id": "france", "name": "France", "kind": "country", "evidence": [{"quote": "Lyon"}]},
        {"id": "lyon", "name": "Lyon", "kind": "city", "part_of": "france", "evidence": [{"quote": "Lyon"}]},
    ],
    "events": [
        {"id": "meeting", "kind": "meeting", "place": "lyon",
         "participants": [{"actor": "berg", "role": "host"}, {"actor": "haddad", "role": "guest"}],
         "time": {"month_day": "--02-03", "evidence": [{"quote": "February 3"}]},
         "evidence": [{"quote": "met"}]},
        {"id": "return", "type": "HypotheticalEvent", "kind": "travel",
         "participants": [{"actor": "haddad", "role": "traveller"}], "evidence": [{"quote": "return"}]},
    ],
    "gifts": [
        {"id": "vase-gift", "object": {"name": "vase", "evidence": [{"quote": "vase"}]},
         "given_by": "berg", "given_to": "haddad", "given_to_basis": "stated", "occasion": "meeting",
         "evidence": [{"quote": "Berg gave Haddad a vase"}]},
    ],
    "claims": [
        {"id": "may-return", "text": "Haddad could return.",
         "attribution": {"by": "berg", "capacity": "claimant"},
         "certainty": "possible", "polarity": "positive", "tense": "future",
         "cues": [{"quote": "could"}], "about": ["return"],
         "evidence": [{"quote": "Berg said Haddad could return."}]},
    ],
}


def test_base_is_valid() -> None:
    report = dossier.loads(json.dumps(BASE), syntax="json")
    assert report.events[0].time.month_day == "--02-03"
    assert report.persons[0].evidence[0].start == 0 and report.persons[0].evidence[0].end == 9


def _set(path: str, value: Any) -> Callable[[dict], None]:
    def apply(doc: dict) -> None:
        *head, last = path.split(".")
        target: Any = doc
        for part in head:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return apply


# (name, change, rule expected, JSON path expected)
CASES = [
    ("dangling reference", _set("events.0.place", "paris"), "dangling-reference", "$.events[0].place"),
    ("wrong kind", _set("events.0.place", "berg"), "wrong-reference-kind", "$.events[0].place"),
    ("city as actor", _set("events.0.participants.0.actor", "lyon"), "wrong-reference-kind",
     "$.events[0].participants[0].actor"),
    ("duplicate id", _set("persons.1.id", "berg"), "duplicate-id", "$.persons[1].id"),
    ("quote not at offsets", _set("persons.0.evidence.0", {"quote": "Anna Berg", "start": 1, "end": 10}),
     "evidence-mismatch", "$.persons[0].evidence[0]"),
    ("quote not in article", _set("persons.0.evidence.0", {"quote": "Anna Karenina"}),
     "evidence-not-found", "$.persons[0].evidence[0]"),
    ("ambiguous quote", _set("persons.0.evidence.0", {"quote": "Berg"}), "evidence-ambiguous",
     "$.persons[0].evidence[0]"),
    ("february 30", _set("events.0.time.month_day", "--02-30"), "schema", "$.events[0].time.month_day"),
    ("february 29 in 2023", _set("events.0.time", {"date": "2023-02-29", "evidence": []}), "schema",
     "$.events[0].time.date"),
    ("cycle in part_of", _set("places.0.part_of", "lyon"), "cycle", "$.places[0].part_of"),
    ("unknown field", _set("persons.0.nickname", "Anni"), "unknown-field", "$.persons[0].nickname"),
    ("offsets past the end", _set("persons.0.evidence.0", {"quote": "x", "start": 500, "end": 501}),
     "evidence-offsets", "$.persons[0].evidence[0]"),
    ("unreached hypothetical", _set("claims.0.about", []), "unreached-hypothetical", "$.events[1].type"),
    ("changed article", _set("sha256", "0" * 64), "article-changed", "$.sha256"),
    ("missing evidence", _set("persons.0.evidence", []), "schema", "$.persons[0].evidence"),
    ("bad language tag", _set("language", "english language"), "schema", "$.language"),
    ("recipient without basis", _set("gifts.0.given_to_basis", None), "schema", "$.gifts[0]"),
]


@pytest.mark.parametrize("name,change,rule,path", CASES, ids=[c[0] for c in CASES])
def test_each_fault_is_located(name: str, change: Callable[[dict], None], rule: str, path: str) -> None:
    doc = copy.deepcopy(BASE)
    change(doc)
    doc = {k: v for k, v in doc.items() if v is not None}
    with pytest.raises(dossier.InvalidDossier) as info:
        dossier.loads(json.dumps(doc), syntax="json", name="case.json")
    problems = info.value.problems
    assert any(p.rule == rule and p.path == path for p in problems), [str(p) for p in problems]
    assert all(p.file == "case.json" for p in problems)


@pytest.mark.parametrize("name,change,rule,path", CASES, ids=[c[0] for c in CASES])
def test_cli_rejects_with_exit_1_and_line(name: str, change: Callable[[dict], None], rule: str, path: str,
                                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = copy.deepcopy(BASE)
    change(doc)
    doc = {k: v for k, v in doc.items() if v is not None}
    target = tmp_path / "case.yaml"
    target.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert main(["validate", str(target), "--output", "json"]) == 1
    records = json.loads(capsys.readouterr().out)["problems"]
    assert records and all(r["file"] == str(target) for r in records)
    assert all("line" in r for r in records), records


def test_cycle_of_sub_events() -> None:
    doc = copy.deepcopy(BASE)
    doc["events"][0]["sub_events"] = ["meeting"]
    with pytest.raises(dossier.InvalidDossier) as info:
        dossier.loads(json.dumps(doc), syntax="json")
    assert [p.rule for p in info.value.problems] == ["cycle"]


def test_every_fault_is_listed_not_only_the_first() -> None:
    doc = copy.deepcopy(BASE)
    doc["events"][0]["place"] = "nowhere"
    doc["persons"][1]["id"] = "berg"
    doc["places"][0]["part_of"] = "lyon"
    with pytest.raises(dossier.InvalidDossier) as info:
        dossier.loads(json.dumps(doc), syntax="json")
    rules = {p.rule for p in info.value.problems}
    assert {"dangling-reference", "duplicate-id", "cycle"} <= rules


def test_prefix_settles_an_ambiguous_quote() -> None:
    doc = copy.deepcopy(BASE)
    doc["persons"][0]["evidence"].append({"quote": "Berg", "prefix": "vase. "})
    report = dossier.loads(json.dumps(doc), syntax="json")
    span = [e for e in report.persons[0].evidence if e.quote == "Berg"][0]
    assert TEXT[span.start:span.end] == "Berg" and TEXT[:span.start].endswith("vase. ")


def test_yaml_error_names_the_line(tmp_path: Path) -> None:
    target = tmp_path / "bad.yaml"
    target.write_text("id: t\ntext: x\npersons:\n  - id: a\n    nmae: A\n    evidence: [{quote: x}]\n")
    problems = dossier.validate(target)
    assert [(p.rule, p.line, p.path) for p in problems] == [("unknown-field", 5, "$.persons[0].nmae")]
