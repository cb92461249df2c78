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


# A failing property shrinks for minutes on these large generated dossiers; in CI the failing example is
# printed unshrunk. HYPOTHESIS_PROFILE=dev shrinks it for debugging.
import os  # noqa: E402

from hypothesis import Phase, settings  # noqa: E402

settings.register_profile("ci", phases=[Phase.explicit, Phase.reuse, Phase.generate], print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
