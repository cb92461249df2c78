"""dossier's C loops (dossier/_speedups.c) against their Python twins, and dossier with and without them.

The twins are the reference: ``nquads`` must give the bytes of
``ntriples._lines`` joined and encoded, ``count_keys`` the number of
key-value pairs the standard library's parser meets, ``canonical_json``
the text pydantic-core's serializer writes, ``walk`` what ``Tree._visit``
gathers (the same objects in the same order), and ``plain_text`` what a
test character by character says. (The Turtle written with ``plain_text``
is held to the Turtle written from the records, which does without it, in
test_writer_codegen and test_fastpath.) Data the loops are not made for
gets None, never a crash; and every public writer and reader gives the
same with the loops as without (``DOSSIER_PURE``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dossier
from dossier import native
from dossier.formats import dumps, dumps_bytes, loads_as
from dossier.linked import ntriples
from dossier.linked.quads import K_IRI, K_LIT, K_TYPED, MANY, node_records

from conftest import EXAMPLES, ROOT, key_pairs
from strategies import valid_reports
from test_fastpath import HOSTILE, _hostile_report, _unchecked

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASES = [None, "https://news.example/{id}#", "urn:x-news:{id}/", "https://schema.org/"]


def _can_build() -> bool:
    """Whether this Python can build extensions: a C compiler, and Python's headers."""
    cc = sysconfig.get_config_var("CC")
    headers = Path(sysconfig.get_paths()["include"], "Python.h")
    return bool(cc and shutil.which(shlex.split(cc)[0]) and headers.exists())


def test_built_where_a_compiler_is() -> None:
    """The build is optional, so a C file that stops compiling would only show here."""
    if not _can_build():
        pytest.skip("no C compiler or no Python headers: dossier runs on its Python twins")
    assert native.BUILT


@pytest.fixture(scope="module")
def speedups() -> Any:
    if not native.BUILT:
        pytest.skip("dossier's C loops are not built")
    from dossier import _speedups

    return _speedups


def _twin(records: list[Any], with_graph: bool) -> bytes:
    return "".join(ntriples._lines(records, with_graph)).encode("utf-8")


def _synthetic() -> Any:
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- nquads


def _dossiers(seed: dossier.Report) -> list[dossier.Report]:
    synthetic = _synthetic()
    return [seed, _hostile_report(), *(synthetic.report(i) for i in range(4))]


def test_nquads_the_twins_bytes(speedups: Any, seed: dossier.Report) -> None:
    for report in _dossiers(seed):
        for base in BASES:
            records = node_records(report, base)
            for with_graph in (True, False):
                expected = _twin(records, with_graph)
                assert speedups.nquads(records, with_graph) == expected, (report.id, base)
                assert speedups.nquads(records, with_graph, True) == expected.decode("utf-8"), (report.id, base)


def test_repeated_subjects_go_to_the_twin(speedups: Any) -> None:
    """Only the twin drops repeated lines: the C loop is not asked."""
    records = node_records(_unchecked(_hostile_report()))
    assert len({r[0] for r in records}) < len(records)
    assert ntriples._native(records, True, True) is None and ntriples._native(records, True, False) is None
    assert ntriples.write_nquads(records) == _twin(records, True).decode("utf-8")


TEXT = st.text(st.characters(codec=None), max_size=12)  # every code point: controls, non-BMP, lone surrogates
IRI = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x2FFF, exclude_characters='<>"{}|^`\\'), max_size=8)


@st.composite
def records(draw: st.DrawFn) -> list[Any]:
    """Node records of any shape node_records makes, with any text in their literals."""
    out = []
    for n in range(draw(st.integers(0, 4))):
        graphs = tuple(draw(st.lists(st.one_of(st.none(), IRI), min_size=0, max_size=3)))
        statements = []
        for _ in range(draw(st.integers(0, 4))):
            kind = draw(st.sampled_from([K_IRI, K_LIT, K_TYPED]))
            value = IRI if kind == K_IRI else TEXT
            extra = {K_IRI: st.none(), K_LIT: st.one_of(st.none(), st.just(""), st.sampled_from(["en", "de-CH"])),
                     K_TYPED: IRI}[kind]
            many = draw(st.booleans())
            values = draw(st.lists(value, min_size=1, max_size=3) if many else value)
            statements.append((draw(IRI), kind + MANY if many else kind, draw(extra),
                               draw(st.sampled_from([list, tuple]))(values) if many else values))
        out.append((f"s{n}", graphs, draw(st.sampled_from([list, tuple]))(statements)))
    return out


@SETTINGS
@given(records(), st.booleans())
def test_nquads_any_text(speedups: Any, recs: list[Any], with_graph: bool) -> None:
    try:
        expected: Optional[bytes] = _twin(recs, with_graph)
    except UnicodeEncodeError:  # a lone surrogate: only the twin's text can hold it
        expected = None
    assert speedups.nquads(recs, with_graph) == expected
    assert speedups.nquads(recs, with_graph, True) == (expected.decode("utf-8") if expected is not None else None)


def test_nquads_every_escape(speedups: Any) -> None:
    """Each code point below 0x80, each hostile string, alone and inside text: the twin's escapes."""
    texts = [chr(c) for c in range(0x80)] + [f"a{chr(c)}b" for c in range(0x80)] + HOSTILE + ["\u0085\u00a0\ufeff"]
    recs = [("s", (None, "g"), [("p", K_LIT, "en", text), ("p", K_TYPED, "d", text), ("p", K_LIT, None, text)])
            for text in texts]
    recs = [(f"s{i}", g, st_) for i, (_, g, st_) in enumerate(recs)]
    assert speedups.nquads(recs, True) == _twin(recs, True)
    assert b'"\\u0000"' in speedups.nquads(recs, True) and b'"\\b"' in speedups.nquads(recs, True)


@pytest.mark.parametrize("recs", [
    [("s", (None,), [("p", K_LIT, None, 5)])],  # a number for a text
    [("s", (None,), [("p", K_TYPED, None, "1")])],  # a typed literal with no datatype
    [("s", (None,), [("p", 9, None, "x")])],  # no such kind
    [("s", (None,), [("p", -1, None, "x")])],
    [("s", (None,), [("p", True, None, "x")])],  # a bool is not a kind
    [("s", (None,), [("p", 2 ** 70, None, "x")])],
    [("s", (None,), [("p", K_IRI + MANY, None, "not a list")])],
    [("s", (None,), [("p", K_IRI, None)])],  # three items
    [("s", (None,), [["p", K_IRI, None, "o"]])],  # a list, not a tuple
    [("s", [None], [("p", K_IRI, None, "o")])],  # graphs in a list
    [("s", (3,), [("p", K_IRI, None, "o")])],
    [(None, (None,), [("p", K_IRI, None, "o")])],
    [("s", (None,), "statements")],
    [("s", (None,))],
    ["record"],
    [("s", (None,), [("p", K_LIT, None, "lone \ud800 surrogate")])],
    [("s", ("\udfff",), [("p", K_IRI, None, "o")])],
], ids=lambda recs: repr(recs)[:40])
def test_nquads_odd_records(speedups: Any, recs: list[Any]) -> None:
    """None, for the twin to handle, and no crash."""
    assert speedups.nquads(recs, True) is None and speedups.nquads(recs, True, True) is None


def test_nquads_refuses_what_is_not_a_list(speedups: Any) -> None:
    with pytest.raises(TypeError):
        speedups.nquads((), True)


def test_nquads_called_back_while_writing(speedups: Any) -> None:
    """Python code that runs while the loop writes (a str subclass's hash) and calls it again: both right."""
    inner = [("i", (None,), [("p", K_LIT, None, "inner " * 50)])]
    seen: list[bytes] = []

    class Graph(str):
        def __hash__(self) -> int:
            seen.append(speedups.nquads(inner, True))
            return str.__hash__(self)

    recs = [(f"s{i}", (Graph("g"),), [("p", K_LIT, None, "outer " * 50)]) for i in range(3)]
    assert speedups.nquads(recs, True) == _twin(recs, True)
    assert seen and all(one == _twin(inner, True) for one in seen)


def test_many_graphs(speedups: Any) -> None:
    """A node in thousands of graphs (claims about one hypothetical event): each tail once, quickly."""
    graphs = tuple(f"g{i % 3000}" for i in range(6000)) + (None,)
    recs = [("s", graphs, [("p", K_IRI, None, "o")]), ("t", graphs, [("p", K_LIT, None, "x")])]
    out = speedups.nquads(recs, True)
    assert out == _twin(recs, True) and out.count(b"\n") == 2 * 3001


# ---- plain_text


def _plain_twin(text: str) -> bool:
    return not any(ord(c) < 0x20 or c in '\x7f"\\' for c in text)


@SETTINGS
@given(TEXT)
def test_plain_text(speedups: Any, text: str) -> None:
    assert speedups.plain_text(text) is _plain_twin(text)


def test_plain_text_every_kind(speedups: Any) -> None:
    """Each code point below 0x80, in a str of each width (Latin-1, UCS-2, UCS-4)."""
    for wide in ("", "\u00e9", "\u6f22", "\U0001F600"):
        for c in range(0x80):
            text = wide + "a" + chr(c) + "b"
            assert speedups.plain_text(text) is _plain_twin(text), (wide, c)
    assert speedups.plain_text("\u2028\u0085\ud800\U0010FFFF")  # unprintable, but not escaped in Turtle
    with pytest.raises(TypeError):
        speedups.plain_text(b"bytes")


# ---- count_keys


KEY_TEXT = st.text(st.sampled_from('":\\ \n\t{}[],ab\u00e9😀'), max_size=6)
JSON_DATA = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), KEY_TEXT),
                         lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                 st.lists(st.tuples(KEY_TEXT, inner), max_size=3)
                                                 .map(lambda pairs: {"__pairs__": pairs})), max_leaves=12)


def _render(value: Any, sep: str, indent: Optional[int], ascii_only: bool) -> str:
    """JSON text that may repeat keys (json.dumps of a dict cannot), with any whitespace about its colons."""
    if isinstance(value, dict):
        items = [f"{json.dumps(k, ensure_ascii=ascii_only)}{sep}{_render(v, sep, indent, ascii_only)}"
                 for k, v in value["__pairs__"]]
        gap = "\n" + " " * (indent or 0) if indent is not None else ""
        return "{" + gap + ("," + gap).join(items) + gap + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_render(v, sep, indent, ascii_only) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


@SETTINGS
@given(JSON_DATA, st.sampled_from([":", ": ", " : ", "\n:\t", "\r\n : "]), st.one_of(st.none(), st.integers(0, 3)),
       st.booleans())
def test_count_keys(speedups: Any, value: Any, sep: str, indent: Optional[int], ascii_only: bool) -> None:
    text = _render(value, sep, indent, ascii_only)
    assert speedups.count_keys(text.encode("utf-8")) == key_pairs(text)


def test_count_keys_cases(speedups: Any) -> None:
    raw = (EXAMPLES / "000_8ca8e46f6fba684d.json").read_bytes()
    assert speedups.count_keys(raw) == key_pairs(raw.decode("utf-8"))
    escapes = rb'{"a\\": 1, "b\"": {"\\\"": 2}, "c": "\\:", "d": "\":"}'  # keys a\ b" \" c d
    assert speedups.count_keys(escapes) == key_pairs(escapes.decode("utf-8")) == 5
    assert speedups.count_keys(b'["a":"b"]') == 1  # not JSON: counted as it stands, never read
    assert speedups.count_keys(b"") == 0
    for unclosed in (b'{"a": "b', b'{"a\\"}', b'"\\\\\\"'):
        assert speedups.count_keys(unclosed) is None
    with pytest.raises(TypeError):
        speedups.count_keys("text")


# ---- canonical_json


def _pydantic_json(report: dossier.Report) -> str:
    from dossier.canonical import to_json

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "canonical_json", None)
        return to_json(report)


def test_canonical_json_as_pydantic_core(speedups: Any, seed: dossier.Report) -> None:
    from dossier.canonical import _shapes

    for report in [*_dossiers(seed), _unchecked(_hostile_report())]:
        assert speedups.canonical_json(report, _shapes()) == _pydantic_json(report), report.id


@SETTINGS
@given(valid_reports())
def test_canonical_json_any_report(speedups: Any, report: dossier.Report) -> None:
    from dossier.canonical import _shapes

    assert speedups.canonical_json(report, _shapes()) == _pydantic_json(report)


def test_canonical_json_every_escape(speedups: Any, seed: dossier.Report) -> None:
    from dossier.canonical import _shapes

    every = "".join(map(chr, range(0x80))) + "\u0085\u00a0\u2028\U0001F600"
    report = seed.model_copy(update={"headline": every, "persons": [
        seed.persons[0].model_copy(update={"aliases": [every, every[::-1], every * 300], "plural": True})]})
    text = speedups.canonical_json(report, _shapes())
    assert text == _pydantic_json(report) and '\\u001f' in text and '"plural": true' in text


def test_canonical_json_leaves_the_odd_to_pydantic(speedups: Any, seed: dossier.Report) -> None:
    """A value or class it does not know: None, and to_json writes what pydantic-core writes. A lone surrogate,
    which pydantic-core refuses, is written as json.dumps writes it, which to_json then does."""
    from dossier.canonical import _shapes, to_data, to_json
    from dossier.models import Person

    class Special(Person):
        pass

    stray = Person.model_construct(id="x", name="X")
    stray.__dict__["stray"] = 1
    lone = seed.model_copy(update={"headline": "lone \ud800"})
    assert speedups.canonical_json(lone, _shapes()) == _pydantic_json(lone) == json.dumps(
        to_data(lone), ensure_ascii=False, indent=2) + "\n"
    odd = [seed.model_copy(update={"persons": [Special.model_construct(id="s", name="S")]}),
           seed.model_copy(update={"headline": 1.5}),
           seed.model_copy(update={"persons": [stray]})]
    for report in odd:
        assert speedups.canonical_json(report, _shapes()) is None
        try:
            expected = _pydantic_json(report)
        except Exception as exc:  # noqa: BLE001 - whatever pydantic-core does, to_json must do the same
            with pytest.raises(type(exc)):
                to_json(report)
        else:
            assert to_json(report) == expected
    with pytest.raises(TypeError):
        speedups.canonical_json(seed, "not a dict")
    # Built unchecked, with a required field missing from a node: the same text either way.
    partial = seed.model_copy(update={"persons": [Person.model_construct(id="x", name="X")]})
    assert speedups.canonical_json(partial, _shapes()) == _pydantic_json(partial)


# ---- walk


def _gathered(tree: Any) -> dict[str, Any]:
    """What a Tree gathered, by identity: the same objects, in the same places and order."""
    ids = lambda items: [id(item) for item in items]  # noqa: E731
    return {
        "nodes": ids(tree.nodes), "values": ids(tree.values), "evidence": ids(tree.evidence),
        "spans": ids(tree.spans), "by_model": {m: ids(v) for m, v in tree.by_model.items()},
        "held": [(id(values), name, id(value), kind) for values, name, value, kind in tree.held],
        "node_lists": ids(tree.node_lists), "value_lists": ids(tree.value_lists),
        "runs": [ids(run) for run in tree._evidence_runs], "leaves": {m: ids(v) for m, v in tree._leaves.items()},
        "deepest": tree.deepest, "cut": tree.cut}


def _both_walks(report: Any, path: tuple[Any, ...] = ()) -> tuple[dict[str, Any], dict[str, Any]]:
    from dossier.walk import Tree

    in_c = _gathered(Tree(report, path))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "walk", None)
        return in_c, _gathered(Tree(report, path))


def test_walk_the_twins(speedups: Any, seed: dossier.Report) -> None:
    for report in [*_dossiers(seed), _unchecked(_hostile_report())]:
        in_c, in_python = _both_walks(report)
        assert in_c == in_python and in_c["nodes"], report.id
    in_c, in_python = _both_walks(seed.claims[0], ("claims", 0))  # from a node, at its location
    assert in_c == in_python and in_c["deepest"] >= 2


@SETTINGS
@given(valid_reports())
def test_walk_any_report(speedups: Any, report: dossier.Report) -> None:
    in_c, in_python = _both_walks(report)
    assert in_c == in_python


@pytest.mark.parametrize("links", [20, 31, 32, 33, 100, 5000])
def test_walk_a_long_chain(speedups: Any, links: int) -> None:
    """A chain of attributions built in Python, around and far past the nesting limit: cut at the same place."""
    from dossier.models import Attribution, Claim, Evidence, Report

    via = None
    for i in range(links):
        via = Attribution(by="p", capacity="reporter", via=via,
                          evidence=[Evidence(quote="q", start=i, end=i + 1)] if i % 2 else [])
    claim = Claim(id="c", text="t", certainty="possible", polarity="negative", tense="future", attribution=via,
                  evidence=[Evidence(quote="q")])
    report = Report(id="r", claims=[claim])
    in_c, in_python = _both_walks(report)
    assert in_c == in_python
    assert in_c["cut"] is (in_c["deepest"] > 64)


def test_walk_refuses_what_is_not_a_tree(speedups: Any) -> None:
    from dossier.walk import _EVIDENCE_LIST, _KINDS, _LEAF_LIST, _NODE, _NODE_LIST

    kinds = (_NODE, _NODE_LIST, _LEAF_LIST, _EVIDENCE_LIST)
    with pytest.raises(TypeError):
        speedups.walk(object(), 0, 64, {object: "not a kind"}, kinds, [], {}, [], [], [], [], {})
    with pytest.raises(KeyError):
        speedups.walk(object(), 0, 64, {}, kinds, [], {}, [], [], [], [], {})
    with pytest.raises(TypeError):
        speedups.walk(dossier.Report(id="r"), 0, 64, _KINDS, kinds, "not a list", {}, [], [], [], [], {})


# ---- dossier with and without the loops


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "nquads", None)
    monkeypatch.setattr(native, "count_keys", None)


def _outputs(report: dossier.Report) -> dict[tuple[str, Optional[str]], Any]:
    return {(fmt, base): (dumps(report, fmt, base=base), dumps_bytes(report, fmt, base=base))
            for fmt in ("nquads", "ntriples", "json", "jsonld") for base in BASES}


@SETTINGS
@given(valid_reports())
def test_same_with_and_without(speedups: Any, report: dossier.Report) -> None:
    with_loops = _outputs(report)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "nquads", None)
        patch.setattr(native, "canonical_json", None)
        assert _outputs(report) == with_loops


def test_same_load(speedups: Any, pure: None) -> None:
    raw = (EXAMPLES / "000_8ca8e46f6fba684d.json").read_bytes()
    repeated = raw.replace(b'"language": "en",', b'"language": "en", "language": "en",', 1)
    assert repeated != raw
    pure_seed = loads_as(raw, "json")
    with pytest.raises(dossier.InvalidDossier) as pure_error:
        loads_as(repeated, "json")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(native, "count_keys", speedups.count_keys)
        assert loads_as(raw, "json") == pure_seed
        with pytest.raises(dossier.InvalidDossier) as error:
            loads_as(repeated, "json")
    assert str(error.value) == str(pure_error.value) and "language" in str(error.value)


def test_dossier_pure_turns_them_off() -> None:
    code = ("from dossier import native; "
            "print(*(f is None for f in (native.nquads, native.count_keys, native.plain_text, native.walk, "
            "native.canonical_json)))")
    env = {**os.environ, "DOSSIER_PURE": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"] * 5


def test_an_older_build_lacking_a_loop() -> None:
    """A build older than the source (a checkout updated, not reinstalled) lacks loops: their twins run."""
    code = ("import sys, types; sys.modules['dossier._speedups'] = types.ModuleType('dossier._speedups'); "
            "import dossier; from dossier import native; "
            f"report = dossier.load({str(EXAMPLES / '000_8ca8e46f6fba684d.json')!r}); "
            "print(native.BUILT, native.walk, len(dossier.dumps(report, 'nquads')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[:2] == ["True", "None"] and int(out.stdout.split()[2]) > 200_000
