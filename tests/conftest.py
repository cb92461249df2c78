"""Shared fixtures: the seed paths, and a loaded seed dossier."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "000_8ca8e46f6fba684d.txt"
SEED = ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed() -> dossier.Report:
    return dossier.load(SEED)
