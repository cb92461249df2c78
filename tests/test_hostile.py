"""Hostile and broken input: one row per bad input, each with the exact message a person sees.

Every row is checked three ways: the library (``problems_in``) returns the
located problem; ``dossier validate`` exits 1 (2 for what cannot be read) and
prints no traceback; ``dossier convert -o`` writes nothing. No row may open a
network connection. The table in docs/validation.md is checked against these
rows, so the documentation shows what users really see.
"""

from __future__ import annotations

import json
import os
import pickle
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Union

import pytest

import dossier
from dossier import formats
from dossier.cli import main
from dossier.errors import InvalidDossier, ReadError
from dossier.validation import problems_in
from dossier.reading import read_bytes

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "validation.md"
EXAMPLES = ROOT / "examples"
CTX = "https://w3id.org/dossier/context/v1.jsonld"
ARTICLE = "Anna Berg met Omar Haddad in Lyon."
SHA = "03dc3a297ca63ded454fa655ec7c56e69d5976e09d0104262c54aeefa64531c2"  # the article as it was; article-edited changes it


def _dossier(**extra: Any) -> str:
    doc = {"id": "t", "language": "en", **extra,
           "persons": [{"id": "berg", "name": "Anna Berg", "evidence": [{"quote": "Anna Berg", "start": 0, "end": 9}]}]}
    return json.dumps(doc, indent=2)


def _bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def _jsonld(context: Any, **body: Any) -> str:
    return json.dumps({"@context": context, "id": "t", "type": "Report", **body}, indent=2)


@dataclass(frozen=True)
class Row:
    """One bad input: the file, the exit code of ``dossier validate``, the rule, and what the user sees first."""

    id: str
    file: str
    content: Union[str, bytes, Callable[[], Union[str, bytes]]]
    rule: str
    shows: str
    exit: int = 1
    args: tuple[str, ...] = ()
    setup: Callable[[Path], None] | None = None

    def write(self, folder: Path) -> Path:
        data = self.content() if callable(self.content) else self.content
        target = folder / self.file
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
        if self.setup:
            self.setup(folder)
        return target


def _article(folder: Path) -> None:
    (folder / "article.txt").write_text(ARTICLE + " (edited)", encoding="utf-8")


ROWS = [
    Row("yaml-malformed", "bad.yaml", "id: t\npersons: [\n  - a\n", "syntax",
        "bad.yaml:3:3: YAML: expected the node content, but found '-' [syntax]"),
    Row("json-malformed", "bad.json", '{"id": "t", "persons": [}\n', "syntax",
        "bad.json:1:25: JSON: Expecting value [syntax]"),
    Row("turtle-malformed", "bad.ttl", '<https://e.org/t> <https://schema.org/name> "x" ;\n  <https://schema.org/url> .\n',
        "syntax", "bad.ttl:2:28: Turtle: . is not a valid RDF object [syntax]"),
    Row("empty-yaml", "empty.yaml", "", "empty", "empty.yaml: the document is empty [empty] (expected a dossier)"),
    Row("empty-json", "empty.json", "  \n", "empty", "empty.json: the document is empty [empty] (expected a dossier)"),
    Row("empty-turtle", "empty.ttl", "", "empty", "empty.ttl: the document is empty [empty] (expected a dossier)"),
    Row("yaml-alias-bomb", "bomb.yaml", _bomb, "limit",
        "bomb.yaml: YAML aliases expand to 4412961516 values, more than 100000 beyond the document's own "
        "(an alias bomb?) [limit]"),
    Row("yaml-python-tag", "tag.yaml", "id: !!python/object/apply:os.system ['echo pwned']\n", "syntax",
        "tag.yaml:1:5: YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed; a dossier holds only"
        " mappings, lists, strings, numbers, booleans and null [syntax]"),
    Row("yaml-duplicate-key", "dup.yaml", "id: t\nlanguage: en\nid: u\n", "duplicate-key",
        "dup.yaml:3:1: key 'id' appears twice in one mapping [duplicate-key]"),
    Row("json-duplicate-key", "dup.json", '{"id": "t",\n "id": "u"}', "duplicate-key",
        "dup.json:2:2: key 'id' appears twice in one object [duplicate-key]"),
    Row("json-deep", "deep.json", lambda: "[" * 100_000 + "]" * 100_000, "limit",
        "deep.json: nesting deeper than 64 levels [limit]"),
    Row("yaml-deep", "deep.yaml", lambda: "a: " + "[" * 100_000 + "]" * 100_000, "limit",
        "deep.yaml:1:68: nesting deeper than 64 levels [limit]"),
    Row("over-size-limit", "big.json", lambda: _dossier(description="x" * 2000), "unreadable",
        "dossier: big.json: the file is 2256 bytes, over the limit of 1000 bytes (--max-bytes, or max_bytes in "
        "Python, raises it)", exit=2, args=("--max-bytes", "1000")),
    Row("not-utf8", "latin1.yaml", "id: t\nlanguage: en\ntext: café\n".encode("latin-1"), "encoding",
        "latin1.yaml:3:10: byte 28 (0xe9) is not UTF-8 [encoding] (expected UTF-8 text)"),
    Row("lone-surrogate", "surrogate.json", '{"id": "t",\n "text": "\\ud800"}', "encoding",
        "surrogate.json:2:2 $.text: an escape gives a lone surrogate (\\ud800-\\udfff), which is not a character "
        "[encoding]"),
    Row("jsonld-context-localhost", "local.jsonld", _jsonld("http://localhost:8000/context.jsonld"), "remote-context",
        "local.jsonld:2:3 $['@context']: the context 'http://localhost:8000/context.jsonld' is not dossier's; "
        "remote contexts are refused, never fetched [remote-context] (expected only the bundled context "
        f"{CTX})"),
    Row("jsonld-context-remote", "remote.jsonld", _jsonld([CTX, "https://schema.org/"]), "remote-context",
        "remote.jsonld:4:5 $['@context'][1]: the context 'https://schema.org/' is not dossier's; remote contexts "
        f"are refused, never fetched [remote-context] (expected only the bundled context {CTX})"),
    Row("jsonld-context-nested", "nested.jsonld",
        _jsonld(CTX, persons=[{"@context": "http://127.0.0.1:9/x", "id": "b"}]), "remote-context",
        "nested.jsonld:7:7 $.persons[0]['@context']: the context 'http://127.0.0.1:9/x' is not dossier's; "
        f"remote contexts are refused, never fetched [remote-context] (expected only the bundled context {CTX})"),
    Row("jsonld-context-import", "import.jsonld", _jsonld({"@import": "https://evil.example/ctx"}), "remote-context",
        "import.jsonld:3:5 $['@context']['@import']: the context 'https://evil.example/ctx' is not dossier's; "
        f"remote contexts are refused, never fetched [remote-context] (expected only the bundled context {CTX})"),
    Row("jsonld-context-scoped", "scoped.jsonld", _jsonld([CTX, {"persons": {
        "@id": "schema:mentions", "@context": "https://evil.example/scoped"}}]), "remote-context",
        "scoped.jsonld:7:9 $['@context'][1].persons['@context']: the context 'https://evil.example/scoped' is not "
        f"dossier's; remote contexts are refused, never fetched [remote-context] (expected only the bundled context "
        f"{CTX})"),
    Row("jsonld-context-unknown-form", "form.jsonld", _jsonld(42), "jsonld",
        "form.jsonld:2:3 $['@context']: a context is an IRI or an object, not int [jsonld] (expected the bundled "
        f"context {CTX}, or an object)"),
    Row("jsonld-context-invalid", "invalid.jsonld", _jsonld([CTX, {"@version": 2}]), "jsonld",
        "invalid.jsonld: JSON-LD: Unsupported JSON-LD version: 2 [jsonld]"),
    Row("iri-space-turtle", "space.ttl", '<https://e.org/a b> <https://schema.org/name> "x" .\n', "syntax",
        "space.ttl:1:1: Turtle: Invalid IRI code point ' ' [syntax]"),
    Row("iri-control-ntriples", "control.nt", '<https://e.org/a\\u0001b> <https://schema.org/name> "x" .\n', "syntax",
        "control.nt:1:1: N-Triples: Invalid IRI code point '\\x01' [syntax]"),
    Row("iri-space-jsonld", "space.jsonld", _jsonld([CTX, {"@base": "https://e.org/d/"}], persons=[
        {"id": "anna berg", "type": "Person"}]), "iri",
        "space.jsonld <https://e.org/d/anna berg>: the IRI contains a space; an IRI cannot hold spaces, control "
        'characters or <>"{}|^`\\ [iri]'),
    Row("iri-relative-jsonld", "relative.jsonld", _jsonld(CTX), "iri",
        "relative.jsonld <t>: the IRI is relative, and the document sets no @base to resolve it [iri]"),
    Row("id-space-yaml", "space.yaml", "id: t\npersons:\n  - id: anna berg\n    evidence: [{quote: x}]\n",
        "schema-pattern", "space.yaml:3:5 $.persons[0].id: 'anna berg' is not a local id [schema-pattern] (expected "
        "letters, digits, _ . - in segments joined by /, such as kim-jong-un; no spaces)"),
    Row("language-yaml", "lang.yaml", "id: t\nlanguage: english\ntext: x\n", "schema-pattern",
        "lang.yaml:2:1 $.language: 'english' is not a BCP 47 language tag [schema-pattern] (expected a tag such as "
        "en, de-CH or zh-Hant-TW)"),
    Row("language-turtle", "lang.ttl", '<https://e.org/t> <https://schema.org/name> "x"@en_US .\n', "syntax",
        "lang.ttl:1:51: Turtle: Unexpected character 'U' [syntax]"),
    Row("language-jsonld", "lang.jsonld", _jsonld([CTX, {"@base": "https://e.org/d/", "@language": "english language"}],
                                                  text="x"), "language-tag",
        "lang.jsonld: the language tag 'english language' is not BCP 47 [language-tag] (expected a tag such as en, "
        "de-CH or zh-Hant-TW)"),
    Row("evidence-offsets-beyond-text", "offsets.json", _dossier(text=ARTICLE).replace('"end": 9', '"end": 90'),
        "evidence-offsets", "offsets.json:10:9 $.persons[0].evidence[0]: offsets 0..90 lie outside the article "
        "(0..34) [evidence-offsets] (expected 0 <= start <= end <= 34)"),
    Row("article-edited", "edited.json", _dossier(text_path="article.txt", sha256=SHA), "article-changed",
        "edited.json:5:3 $.sha256: the article text is not the text this dossier was made from (its SHA-256 is "
        "41aa8ef45692615bac1ea0356eb5470380298b26beb61fbf2e120974b712d218) [article-changed] (expected "
        f"{SHA})", setup=_article),
    Row("article-outside-folder", "escape.json", _dossier(text_path="../../../etc/passwd"), "article-unreadable",
        "escape.json:4:3 $.text_path: the article '../../../etc/passwd' lies outside the dossier's folder "
        "[article-unreadable] (expected a path relative to the dossier's folder, within it)"),
    Row("json-infinite-number", "inf.json", '{"id": "t", "geo": 1e400}', "syntax",
        "inf.json: JSON: the number 1e400 is too large [syntax]"),
]
IDS = [r.id for r in ROWS]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record (and refuse) every attempt to open a connection or resolve a name."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert not attempts, f"network access attempted: {attempts}"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a fresh folder, so messages name files as the table does."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_library_locates_the_problem(row: Row, here: Path) -> None:
    target = row.write(here)
    max_bytes = int(row.args[1]) if row.args[:1] == ("--max-bytes",) else dossier.reading.DEFAULT_MAX_BYTES
    started = time.perf_counter()
    if row.exit == 2:
        with pytest.raises(ReadError):
            problems_in(target.name, max_bytes=max_bytes)
        return
    found = problems_in(target.name, max_bytes=max_bytes)
    assert time.perf_counter() - started < 2, "hostile input must fail fast"
    assert found, "a bad input was accepted"
    assert found[0].rule == row.rule
    assert str(found[0]) == row.shows
    assert all(p.file == target.name for p in found)


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_cli_validate_exits_cleanly(row: Row, here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = row.write(here)
    assert main(["validate", target.name, *row.args]) == row.exit
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert row.shows in out + err

    assert main(["validate", target.name, "--output", "json", *row.args]) == row.exit
    record = json.loads(capsys.readouterr().out)["problems"][0]
    assert record["file"] == target.name and record["rule"] == row.rule
    assert {"file", "location", "rule", "message"} <= set(record)


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_cli_convert_writes_nothing(row: Row, here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = row.write(here)
    before = {p.name for p in here.iterdir()}
    code = main(["convert", target.name, "--to", "turtle", "-o", "out.ttl", *row.args])
    streams = capsys.readouterr()
    assert code in (1, 2)
    assert "Traceback" not in streams.out + streams.err
    assert {p.name for p in here.iterdir()} == before, "no output and no temporary file may be left behind"


def test_a_real_process_shows_no_traceback(tmp_path: Path) -> None:
    """End to end, as a user runs it: library logging (rdflib logs ill-typed literals with a traceback) included."""
    files = [row.write(tmp_path).name for row in ROWS]
    ttl = (EXAMPLES / "000_8ca8e46f6fba684d.ttl").read_text(encoding="utf-8")
    (tmp_path / "ill-typed.ttl").write_text(ttl.replace("oa:start 92 ;", 'oa:start "abc"^^xsd:integer ;'),
                                            encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "dossier.cli", "validate", *files, "ill-typed.ttl"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.count(": invalid (") == len(files) + 1
    assert "ill-typed.ttl:150:1 <https://example.org/dossier/000_8ca8e46f6fba684d/putin/evidence/92-106>" in done.stdout


def test_alias_bomb_fails_well_under_a_second() -> None:
    started = time.perf_counter()
    with pytest.raises(InvalidDossier):
        dossier.loads(_bomb())
    assert time.perf_counter() - started < 0.5


def test_deep_json_fails_fast_without_recursion_error() -> None:
    started = time.perf_counter()
    for text in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        with pytest.raises(InvalidDossier) as info:
            dossier.loads(text, syntax="json")
        assert info.value.first.rule == "limit"
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.*[!y]")) + [ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml"],
                         ids=lambda p: p.suffix)
def test_byte_order_mark_is_accepted(path: Path, tmp_path: Path) -> None:
    if path.suffix == ".py":
        pytest.skip("not a dossier")
    target = tmp_path / path.name
    target.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    if path.suffix == ".yaml":
        (tmp_path / "000_8ca8e46f6fba684d.txt").write_bytes((path.parent / "000_8ca8e46f6fba684d.txt").read_bytes())
    assert problems_in(target, shacl=False) == []


def test_remote_context_is_refused_before_any_connection(no_network: list[object]) -> None:
    from pyld import jsonld

    from dossier.linked.jsonld import document_loader

    for url in ("http://localhost:8000/context.jsonld", "http://127.0.0.1/", "https://schema.org/"):
        with pytest.raises(dossier.RemoteContextRefused) as info:
            document_loader(url)
        assert info.value.url == url
        # Should a context slip past the scan, pyld asks the loader, which refuses it: still no connection.
        with pytest.raises(jsonld.JsonLdError) as failed:
            jsonld.expand({"@context": url, "@id": "https://e.org/a"}, {"documentLoader": document_loader})
        assert isinstance(failed.value.__cause__, dossier.RemoteContextRefused)
    assert no_network == []


def test_invalid_dossier_survives_pickling() -> None:
    exc = dossier.RemoteContextRefused("http://x/", file="a.jsonld")
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is type(exc) and again.problems == exc.problems and again.url == "http://x/"


# ---------------------------------------------------------------- output never half-written


def test_atomic_write_failure_leaves_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("previous", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        formats.atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_atomic_write_interrupted_leaves_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("previous", encoding="utf-8")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        formats.atomic_write(target, "new " * 100_000)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_atomic_write_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("previous", encoding="utf-8")
    formats.atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


@pytest.mark.parametrize("failure", ["writer", "disk"])
def test_convert_failure_leaves_previous_file(failure: str, here: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from dossier.linked import turtle

    (here / "out.ttl").write_text("previous", encoding="utf-8")
    src = EXAMPLES / "000_8ca8e46f6fba684d.json"

    def broken(*args: object) -> None:
        raise (RuntimeError("writer failed half way") if failure == "writer" else OSError(28, "No space left"))

    if failure == "writer":
        monkeypatch.setattr(turtle, "report_turtle", broken)
    else:
        monkeypatch.setattr(os, "fsync", broken)
    code = main(["convert", str(src), "--to", "turtle", "-o", "out.ttl"])
    assert code != 0 and "Traceback" not in capsys.readouterr().err
    assert (here / "out.ttl").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in here.iterdir()) == ["out.ttl"]


def test_schema_failure_leaves_previous_files(here: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from dossier import schemas

    folder = here / "schemas"
    folder.mkdir()
    (folder / "shapes.ttl").write_text("previous", encoding="utf-8")
    real = schemas.artefacts()

    def broken() -> str:
        raise RuntimeError("generator failed")

    monkeypatch.setattr(schemas, "artefacts", lambda: {**real, "shapes.ttl": broken})
    assert main(["schema", "-o", "schemas"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert (folder / "shapes.ttl").read_text(encoding="utf-8") == "previous"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


# ---------------------------------------------------------------- the documentation shows these rows


def test_docs_table_lists_every_row() -> None:
    text = DOCS.read_text(encoding="utf-8").replace("\\|", "|")
    for row in ROWS:
        assert f"`{row.id}`" in text, f"{row.id} is missing from {DOCS.name}"
        assert row.shows in text, f"the message of {row.id} in {DOCS.name} is not what users see"


def _fifo_fed(tmp_path: Path, data: bytes) -> Path:
    """A named pipe that a thread feeds ``data`` to, a little at a time (a pipe holds 64 KiB)."""
    import threading

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as sink:
                for i in range(0, len(data), 1000):
                    sink.write(data[i:i + 1000])
                    sink.flush()
        except BrokenPipeError:  # the reader stopped at its limit
            pass

    threading.Thread(target=feed, daemon=True).start()
    return fifo


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_read_bytes_reads_a_pipe_whole(tmp_path: Path) -> None:
    data = b"x" * 300_000  # more than one read of a pipe returns
    assert read_bytes(_fifo_fed(tmp_path, data)) == data


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_read_bytes_refuses_a_pipe_over_the_limit(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="over the limit of 100000 bytes"):
        read_bytes(_fifo_fed(tmp_path, b"x" * 300_000), 100_000)


def test_read_bytes_reads_a_file_that_grew_since_its_size_was_taken(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "grows.json"
    path.write_bytes(b"y" * 5000)
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result(
        (*real_stat(self, **kw)[:6], 10, *real_stat(self, **kw)[7:])) if self == path else real_stat(self, **kw))
    assert path.stat().st_size == 10
    assert read_bytes(path) == b"y" * 5000
    with pytest.raises(ReadError, match="over the limit of 1000 bytes"):
        read_bytes(path, 1000)
