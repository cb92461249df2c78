"""Every hand-curated dossier in the repository loads, and converts to Turtle that reads back the same."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from dossier.formats import dumps, loads_as

from conftest import ROOT

GOLDS = sorted([*ROOT.glob("seeds/*.dossier.yaml"), *ROOT.glob("tests/articles*/*.dossier.yaml")])


def test_there_are_ten_or_more_curated_articles() -> None:
    assert len(GOLDS) >= 10


@pytest.mark.parametrize("path", GOLDS, ids=[p.stem for p in GOLDS])
def test_gold_loads_and_round_trips(path: Path) -> None:
    report = dossier.load(path)
    assert report.text is not None and report.sha256
    assert loads_as(dumps(report, "turtle"), "turtle") == report
