"""Model -> every format -> model is the identity, for generated dossiers and for the seed."""

from __future__ import annotations

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings

import dossier
from dossier.formats import FORMATS, dumps, loads_as
from dossier.linked.rdfio import from_graph, to_dataset

from strategies import reports

WRITABLE = [name for name, f in FORMATS.items() if f.write]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", WRITABLE)
@SETTINGS
@given(report=reports())
def test_every_format_round_trips(fmt: str, report: dossier.Report) -> None:
    assert loads_as(dumps(report, fmt), fmt) == report


@pytest.mark.parametrize("fmt", WRITABLE)
def test_seed_round_trips(fmt: str, seed: dossier.Report) -> None:
    assert loads_as(dumps(seed, fmt), fmt) == seed


@SETTINGS
@given(report=reports())
def test_rdflib_dataset_round_trips(report: dossier.Report) -> None:
    assert from_graph(to_dataset(report)) == report


@pytest.mark.parametrize("fmt,rdflib_name", [("turtle", "turtle"), ("ntriples", "nt"), ("trig", "trig"),
                                              ("nquads", "nquads")])
@SETTINGS
@given(report=reports())
def test_rdflib_parses_what_we_write(fmt: str, rdflib_name: str, report: dossier.Report) -> None:
    """rdflib, an independent parser, reads our output back to the same dossier (partial dates included)."""
    graph = rdflib.Dataset() if fmt in ("trig", "nquads") else rdflib.Graph()
    graph.parse(data=dumps(report, fmt), format=rdflib_name)
    assert from_graph(graph) == report


def test_gyear_is_read_back_as_a_year_not_a_date() -> None:
    """rdflib once read xsd:gYear back as a full date; a year must stay a year."""
    text = "It happened in 2023 and on March 4."
    report = dossier.loads(
        '{"id": "y", "text": "%s", "events": [{"id": "e", "kind": "other-event", "evidence": [{"quote": "happened"}],'
        ' "time": {"year": "2023", "evidence": [{"quote": "2023"}]}},'
        ' {"id": "f", "kind": "other-event", "evidence": [{"quote": "on"}],'
        ' "time": {"month_day": "--03-04", "evidence": [{"quote": "March 4"}]}}]}' % text, syntax="json")
    graph = rdflib.Graph().parse(data=dumps(report, "turtle"), format="turtle")
    back = from_graph(graph)
    assert back.events[0].time.year == "2023" and back.events[0].time.date is None
    assert back.events[1].time.month_day == "--03-04"
    assert back == report
