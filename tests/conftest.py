"""Shared fixtures and helpers: the seed paths, a loaded seed dossier, a count of the key-value pairs of JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import dossier

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "000_8ca8e46f6fba684d.txt"
SEED = ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml"
EXAMPLES = ROOT / "examples"


def key_pairs(text: str) -> int:
    """How many key-value pairs the objects of the JSON ``text`` hold, repeats counted, as the standard library's
    parser meets them."""
    count = 0

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal count
        count += len(pairs)
        return dict(pairs)

    json.loads(text, object_pairs_hook=hook)
    return count


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
