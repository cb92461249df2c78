"""Loading and checking dossiers: the functions the CLI and library users call.

:func:`validate` returns every problem of a file; :func:`load` raises
:class:`~dossier.errors.InvalidDossier` when there is any, the problem to
read first first (``exc.first``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Union

from .collector import collector_paused
from .errors import InvalidDossier, Problem, UnknownFormat
from .loading import report_from_document
from .models import Report
from .reading import DEFAULT_MAX_BYTES, Document, decode, parse_yaml, read_bytes

__all__ = ["load", "loads", "validate", "check"]

PathLike = Union[str, Path]


@collector_paused
def loads(data: Union[str, bytes], *, name: str | None = None, syntax: str = "yaml",
          directory: PathLike | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Load a dossier from YAML or JSON text (``syntax`` is ``"yaml"`` or ``"json"``) and check it.

    ``directory`` is where a relative ``text_path`` is looked up. Raises
    :class:`~dossier.errors.InvalidDossier` listing every fault.
    """
    if isinstance(data, bytes) and len(data) > max_bytes:
        raise InvalidDossier([Problem("limit", f"the document is over the limit of {max_bytes} bytes", file=name)])
    folder = Path(directory) if directory is not None else None
    if syntax == "json":
        from .formats import _read_json

        return _read_json(data, name, folder, max_bytes)  # JSON-LD too, read as the graph it means
    doc = parse_yaml(decode(data, name) if isinstance(data, bytes) else data, name)
    doc.directory = folder
    return report_from_document(doc, max_bytes)


def load(path: PathLike, fmt: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Load and check the dossier file at ``path``, in ``fmt`` or the format its extension names.

    Every format dossier reads is accepted; a file whose extension names no
    format is read as YAML. Raises :class:`~dossier.errors.InvalidDossier`
    listing every fault, the one to read first first (``exc.first``).
    """
    from .formats import format_for_path, get_format, read

    path = Path(path)
    if fmt is None:
        try:
            fmt = format_for_path(path).name
        except UnknownFormat:
            fmt = "yaml"
    name = get_format(fmt).name
    if name not in ("yaml", "json", "jsonld"):
        return read(path, name, max_bytes=max_bytes)
    raw = read_bytes(path, max_bytes)
    return loads(raw, name=str(path), syntax="yaml" if name == "yaml" else "json", directory=path.parent,
                 max_bytes=max_bytes)


def validate(path: PathLike, fmt: str | None = None, *, shacl: bool = True,
             max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """Every problem of the dossier file at ``path``, in any format; an empty list when it is valid.

    Applies every check that fits the format (see :func:`dossier.validation.problems_in`);
    a file whose extension names no format is read as YAML. The problem to
    read first comes first. Unreadable files raise :class:`~dossier.errors.ReadError`.
    """
    from .formats import format_for_path
    from .validation import problems_in

    if fmt is None:
        try:
            format_for_path(path)
        except UnknownFormat:
            fmt = "yaml"
    return problems_in(path, fmt, shacl=shacl, max_bytes=max_bytes)


def check(report: Report, *, text: str | None = None) -> Report:
    """Check a :class:`Report` built in Python, exactly as a loaded one is checked, and return it in canonical form.

    Quote-only evidence gets its offsets, nested ids are minted. ``text``
    overrides the report's own article text.
    """
    data = report.model_dump(mode="python", exclude_none=True)
    if text is not None:
        data["text"] = text
    return report_from_document(Document(data, "<report>"))


