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


def test_article_text_converts_in_one_step_and_passes_every_check(tmp_path: Path) -> None:
    """`dossier convert ARTICLE.txt --to turtle`: the draft's Turtle passes SHACL and the models, like the seed's."""
    from dossier.cli import main
    from dossier.validation import problems_in

    out = tmp_path / "draft.ttl"
    assert main(["convert", str(ROOT / "seeds" / "000_8ca8e46f6fba684d.txt"), "--to", "turtle", "-o", str(out)]) == 0
    assert problems_in(out) == []
    assert problems_in(ROOT / "examples" / "000_8ca8e46f6fba684d.ttl") == []
