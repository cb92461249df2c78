"""The format registry: every format dossier reads or writes, by name, alias, media type and extension.

The CLI lists its formats from here; adding a format is one entry, not an
``if`` in every caller. Writers and readers are imported when first used.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Union

from .collector import collector_paused
from .errors import UnknownFormat
from .models import Report
from .reading import DEFAULT_MAX_BYTES, decode, parse_json, parse_yaml, read_bytes

if TYPE_CHECKING:
    from .linked.quads import Record

__all__ = ["Format", "FORMATS", "get_format", "format_for_path", "output_format", "dumps", "dumps_bytes", "dumps_many",
           "loads_as", "read", "write", "atomic_write"]

Writer = Callable[[Report, Optional[str]], str]
BytesWriter = Callable[[Report, Optional[str]], bytes]
# A reader takes text, or for a format that reads_bytes the file's bytes; a name for messages; the file's folder.
Reader = Callable[[str, Optional[str], Optional[Path]], Report]


@dataclass(frozen=True)
class Format:
    """One format: its canonical ``name``, other names, media type, file extensions, and how to read and write it."""

    name: str
    media_type: str
    extensions: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    write: Optional[Writer] = field(default=None, repr=False)
    read: Optional[Reader] = field(default=None, repr=False)
    rdf: bool = False
    #: Whether ``read`` takes a file's bytes undecoded (and decodes them itself, where it must).
    reads_bytes: bool = False
    #: Writes the UTF-8 bytes of what ``write`` writes, for less work than encoding that text (see :func:`dumps_bytes`).
    write_bytes: Optional[BytesWriter] = field(default=None, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this format answers to."""
        return (self.name, *self.aliases, self.media_type)


# ---- writers


class _Sources:
    """What a report's outputs are written from, each made once, when first needed.

    The canonical JSON text serves JSON and JSON-LD; the node records serve
    TriG, and N-Quads and N-Triples where dossier's C loops write them
    (Turtle is written straight from the model).
    """

    def __init__(self, report: Report, base: Optional[str]):
        self.report, self.base = report, base
        self._json: Optional[str] = None
        self._records: Optional[list[Record]] = None

    def json(self) -> str:
        if self._json is None:
            from .canonical import to_json

            self._json = to_json(self.report)
        return self._json

    def records(self) -> list[Record]:
        if self._records is None:
            from .linked.quads import node_records

            self._records = node_records(self.report, self.base)
        return self._records


def _json_text(sources: _Sources) -> str:
    return sources.json()


def _jsonld_text(sources: _Sources) -> str:
    from .linked.jsonld import to_jsonld

    # JSON-LD is the canonical JSON with a context spliced in: the JSON text is made once for both.
    return to_jsonld(sources.report, sources.base, json_text=sources.json())


def _rdf_text(kind: str) -> Callable[[_Sources], str]:
    def write(sources: _Sources) -> str:
        from .linked import ntriples, turtle
        from .linked.mapping import mint_base

        if kind == "trig":  # named graphs as blocks: from the records
            return turtle.write_trig(sources.records(), mint_base(sources.report, sources.base))
        if kind == "turtle":  # straight from the model
            return turtle.report_turtle(sources.report, sources.base)
        # Through the records with dossier's C loop (the records TriG is written from too), else straight from the
        # model: each the cheapest way it has.
        lines = ntriples.report_nquads if kind == "nquads" else ntriples.report_ntriples
        return lines(sources.report, sources.base, records=sources.records)

    return write


def _lines_bytes(with_graph: bool) -> BytesWriter:
    def write(report: Report, base: Optional[str]) -> bytes:
        from .linked.ntriples import report_bytes

        return report_bytes(report, base, with_graph=with_graph)

    return write


# Each written format's text from the sources: dumps and dumps_many both write through these.
_TEXTS: dict[str, Callable[[_Sources], str]] = {
    "json": _json_text, "jsonld": _jsonld_text, "turtle": _rdf_text("turtle"), "ntriples": _rdf_text("ntriples"),
    "nquads": _rdf_text("nquads"), "trig": _rdf_text("trig")}


def _writer(name: str) -> Writer:
    text = _TEXTS[name]

    def write(report: Report, base: Optional[str]) -> str:
        return text(_Sources(report, base))

    return write


# ---- readers


def _read_document(parse: Callable) -> Reader:  # type: ignore[type-arg]
    def read(text: str, name: Optional[str], directory: Optional[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
        from .loading import report_from_document

        doc = parse(text, name)
        if isinstance(doc.data, dict) and "@context" in doc.data:
            return _read_jsonld(text, name, directory)
        doc.directory = directory
        return report_from_document(doc, max_bytes)

    return read


# Loading checks the depth of JSON, where the models leave it unbounded (see parse_json).
_read_json_carefully = _read_document(partial(parse_json, check_depth=False))


def _read_json(data: Union[str, bytes], name: Optional[str], directory: Optional[Path],
               max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """A JSON dossier (or JSON-LD, told by its ``@context``); ``max_bytes`` bounds the article it names."""
    from .loading import report_from_json

    # The fast way for a valid dossier; for anything else, the careful way finds and locates every problem.
    report = report_from_json(data, name, directory, max_bytes)
    if report is not None:
        return report
    text = decode(data, name) if isinstance(data, bytes) else data
    return _read_json_carefully(text, name, directory, max_bytes)  # type: ignore[call-arg]


def _read_jsonld(text: str, name: Optional[str], directory: Optional[Path]) -> Report:
    from .linked.jsonld import jsonld_quads
    from .linked.reader import report_from_quads

    return report_from_quads(jsonld_quads(text, name), name, directory)[0]


def _rdf_reader(kind: str) -> Reader:
    def read(text: str, name: Optional[str], directory: Optional[Path]) -> Report:
        from .linked.rdfio import parse_rdf
        from .linked.reader import report_from_quads

        return report_from_quads(parse_rdf(text, kind, name), name, directory)[0]

    return read


def _read_article(text: str, name: Optional[str], directory: Optional[Path]) -> Report:
    from .extract import extract

    stem = Path(name).stem if name else "article"
    return extract(text, _report_id(stem))


def _report_id(stem: str) -> str:
    import re

    cleaned = re.sub(r"[^A-Za-z0-9_.\-]+", "-", stem).strip("-.") or "article"
    return cleaned if cleaned[0].isalnum() else "a" + cleaned


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("yaml", "application/yaml", (".yaml", ".yml"), ("yml",), None, _read_document(parse_yaml)),
    Format("json", "application/json", (".json",), (), _writer("json"), _read_json, reads_bytes=True),
    Format("jsonld", "application/ld+json", (".jsonld",), ("json-ld",), _writer("jsonld"), _read_jsonld, True),
    Format("turtle", "text/turtle", (".ttl",), ("ttl",), _writer("turtle"), _rdf_reader("turtle"), True),
    Format("ntriples", "application/n-triples", (".nt",), ("nt", "n-triples"), _writer("ntriples"),
           _rdf_reader("ntriples"), True, write_bytes=_lines_bytes(False)),
    Format("nquads", "application/n-quads", (".nq",), ("nq", "n-quads"), _writer("nquads"),
           _rdf_reader("nquads"), True, write_bytes=_lines_bytes(True)),
    Format("trig", "application/trig", (".trig",), (), _writer("trig"), _rdf_reader("trig"), True),
    # Reading an article text drafts a dossier from it (dossier.extract): convert ARTICLE.txt --to turtle.
    Format("article", "text/plain", (".txt",), ("text", "txt"), None, _read_article),
)}

_BY_NAME = {n.lower(): f for f in FORMATS.values() for n in f.names}
_BY_EXTENSION = {ext: f for f in FORMATS.values() for ext in f.extensions}


def get_format(name: str) -> Format:
    """The format called ``name`` (a name, alias or media type, any case)."""
    try:
        return _BY_NAME[name.strip().lower()]
    except KeyError:
        known = ", ".join(sorted(n for f in FORMATS.values() for n in (f.name, *f.aliases)))
        raise UnknownFormat(f"unknown format {name!r}; known formats: {known}") from None


def format_for_path(path: Union[str, Path]) -> Format:
    """The format a file's extension names."""
    ext = Path(path).suffix.lower()
    if ext not in _BY_EXTENSION:
        known = ", ".join(sorted(_BY_EXTENSION))
        raise UnknownFormat(f"{path}: cannot tell the format from the extension {ext or '(none)'!r}; "
                            f"known extensions: {known}; or name the format") from None
    return _BY_EXTENSION[ext]


def output_format(path: Union[str, Path], default: str = "json") -> str:
    """The written format the extension of ``path`` names (``out.ttl``: turtle), or ``default``."""
    f = _BY_EXTENSION.get(Path(path).suffix.lower())
    return f.name if f is not None and f.write is not None else default


def _writable(fmt: str) -> Format:
    f = get_format(fmt)
    if f.write is None:
        raise UnknownFormat(f"dossier reads {f.name} but does not write it")
    return f


@collector_paused
def dumps(report: Report, fmt: str = "json", *, base: Optional[str] = None) -> str:
    """``report`` written in format ``fmt``; ``base`` sets the IRI base for linked-data formats (``{id}`` is the report id)."""
    return _writable(fmt).write(report, base)  # type: ignore[misc]


@collector_paused
def dumps_many(report: Report, formats: Iterable[str], *, base: Optional[str] = None) -> dict[str, str]:
    """``report`` written in each of ``formats``, by the name given: the same texts as :func:`dumps`, for less work.

    What formats have in common is made once: the canonical JSON, which the
    JSON-LD holds, and the node records, which TriG is written from (and
    N-Quads and N-Triples, where dossier's C loops write them).
    An unknown or read-only format is refused before anything is written.
    """
    if isinstance(formats, str):
        formats = [formats]  # one name, not its letters
    chosen = {fmt: _writable(fmt).name for fmt in formats}
    sources = _Sources(report, base)
    return {fmt: _TEXTS[name](sources) for fmt, name in chosen.items()}


@collector_paused
def dumps_bytes(report: Report, fmt: str = "json", *, base: Optional[str] = None) -> bytes:
    """``dumps(report, fmt, base=base)`` as UTF-8 bytes.

    N-Triples and N-Quads are written as bytes by dossier's C loop where it
    is built (:mod:`dossier.native`), or else encoded line by line, several
    times less work than encoding the whole text when it holds any non-ASCII
    character: the way to write many dossiers to a file.
    """
    f = _writable(fmt)
    return f.write_bytes(report, base) if f.write_bytes else dumps(report, f.name, base=base).encode("utf-8")


@collector_paused
def loads_as(text: Union[str, bytes], fmt: str, *, name: Optional[str] = None,
             directory: Optional[Path] = None) -> Report:
    """Read a dossier written in format ``fmt`` from ``text`` and check it."""
    f = get_format(fmt)
    if isinstance(text, bytes) and not f.reads_bytes:
        text = decode(text, name)
    assert f.read is not None
    return f.read(text, name, directory)  # type: ignore[arg-type]


def read(path: Union[str, Path], fmt: Optional[str] = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read and check the dossier file at ``path``, in ``fmt`` or the format its extension names."""
    path = Path(path)
    f = get_format(fmt) if fmt else format_for_path(path)
    return loads_as(read_bytes(path, max_bytes), f.name, name=str(path), directory=path.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Union[str, Path], text: Union[str, bytes]) -> None:
    """Write ``text`` (or UTF-8 bytes) to ``path`` whole or not at all: a temporary file in the same folder, then a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8") if isinstance(text, str) else text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write(report: Report, path: Union[str, Path], fmt: Optional[str] = None, *, base: Optional[str] = None) -> None:
    """Write ``report`` to ``path`` atomically, in ``fmt`` or the format its extension names."""
    f = get_format(fmt) if fmt else format_for_path(path)
    atomic_write(path, dumps(report, f.name, base=base))
