"""Canonical JSON: the one readable, deterministic JSON form of a dossier.

Keys follow the models' field order; absent values (None, empty lists,
False) are left out; lists are in canonical order; text is UTF-8, not
escaped. The same dossier always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from .models import Report

__all__ = ["to_data", "to_json"]


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None and v != [] and v is not False}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def to_data(report: Report) -> dict[str, Any]:
    """The canonical JSON data of ``report`` as plain Python values."""
    return _prune(report.model_dump(mode="json"))  # type: ignore[no-any-return]


def to_json(report: Report) -> str:
    """The canonical JSON text of ``report``, ending in a newline."""
    return json.dumps(to_data(report), ensure_ascii=False, indent=2) + "\n"
