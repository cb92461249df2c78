"""Loading and checking dossiers: the functions the CLI and library users call."""

from __future__ import annotations

from pathlib import Path
from typing import Union

from .errors import InvalidDossier, Problem
from .loading import report_from_document
from .models import Report
from .reading import DEFAULT_MAX_BYTES, Document, decode, parse_json, parse_yaml, read_bytes

__all__ = ["load", "loads", "validate", "check"]

PathLike = Union[str, Path]

_PARSERS = {".yaml": parse_yaml, ".yml": parse_yaml, ".json": parse_json}


def loads(data: Union[str, bytes], *, name: str | None = None, syntax: str = "yaml",
          directory: PathLike | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Load a dossier from YAML or JSON text (``syntax`` is ``"yaml"`` or ``"json"``) and check it.

    ``directory`` is where a relative ``text_path`` is looked up. Raises
    :class:`~dossier.errors.InvalidDossier` listing every fault.
    """
    if isinstance(data, bytes):
        if len(data) > max_bytes:
            raise InvalidDossier([Problem("limit", f"the document is over the limit of {max_bytes} bytes", file=name)])
        data = decode(data, name)
    parse = parse_json if syntax == "json" else parse_yaml
    doc = parse(data, name)
    doc.directory = Path(directory) if directory is not None else None
    return report_from_document(doc, max_bytes)


def load(path: PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Load and check the dossier file at ``path`` (YAML or JSON, by extension; YAML otherwise)."""
    path = Path(path)
    raw = read_bytes(path, max_bytes)
    syntax = "json" if path.suffix.lower() in (".json", ".jsonld") else "yaml"
    return loads(raw, name=str(path), syntax=syntax, directory=path.parent, max_bytes=max_bytes)


def validate(path: PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """Every problem of the dossier file at ``path``; an empty list when it is valid.

    Unreadable files still raise :class:`~dossier.errors.ReadError`.
    """
    try:
        load(path, max_bytes=max_bytes)
    except InvalidDossier as exc:
        return list(exc.problems)
    return []


def check(report: Report, *, text: str | None = None) -> Report:
    """Check a :class:`Report` built in Python, exactly as a loaded one is checked, and return it in canonical form.

    Quote-only evidence gets its offsets, nested ids are minted. ``text``
    overrides the report's own article text.
    """
    data = report.model_dump(mode="python", exclude_none=True)
    if text is not None:
        data["text"] = text
    return report_from_document(Document(data, "<report>"))


