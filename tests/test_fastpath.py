"""Every fast path against the plain one: the same graph, the same data, the same bytes where bytes are promised.

Our Turtle, TriG, N-Triples and N-Quads writers are checked against rdflib's
serializers on the same graph (isomorphic merged, and graph by graph for the
formats with named graphs), with pyoxigraph as a second, independent parser;
the node records they are written from against pyld's expansion of the
JSON-LD, which shares no code with them; the canonical JSON against
pydantic's own dump and the standard library's encoder; ``dumps_many``
against ``dumps``, byte for byte; escaping against translating every
character. On the seed, on generated dossiers, and on a dossier made of
hostile strings.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

import dossier
from dossier.canonical import _prune, dumps_json, to_data, to_json
from dossier.errors import UnknownFormat
from dossier.formats import FORMATS, dumps, dumps_bytes, dumps_many, get_format
from dossier.linked import ntriples, turtle
from dossier.linked.jsonld import jsonld_quads
from dossier.linked.quads import node_records, quads
from dossier.linked.rdfio import to_dataset

from strategies import valid_reports

XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# rdflib serializes and parses slowly: fewer examples there, each checking all four formats.
RDFLIB_SETTINGS = settings(SETTINGS, max_examples=12)
# format: (rdflib's name for it, pyoxigraph's, has named graphs)
RDF_FORMATS = {"turtle": ("turtle", ox.RdfFormat.TURTLE, False), "trig": ("trig", ox.RdfFormat.TRIG, True),
               "ntriples": ("nt", ox.RdfFormat.N_TRIPLES, False), "nquads": ("nquads", ox.RdfFormat.N_QUADS, True)}
BASES = [None, "https://news.example/{id}#", "urn:x-news:{id}/"]
HOSTILE = ['say "no"', "back\\slash", "two\nlines", "cr\r\nlf", "tab\there", "nul\x00bel\x07del\x7f",
           "non-BMP 😀 𠀋 𝔊", "\u2028line\u2029para", '"""', "\\u0041 is not A", "ends with \\", "é漢字", "'single'",
           "<angle> & {brace} | ^caret` #hash @at"]


def _hostile_report() -> dossier.Report:
    """A dossier whose every string field that can hold text holds one of :data:`HOSTILE`."""
    text, spans = "", []
    for piece in HOSTILE:
        text += "|"
        spans.append({"quote": piece, "start": len(text), "end": len(text) + len(piece)})
        text += piece

    def ev(i: int) -> list[dict[str, Any]]:
        return [dict(spans[i % len(spans)])]

    data = {
        "id": "hostile", "language": "de-ch", "headline": HOSTILE[2], "text": text,
        "persons": [{"id": f"p{i}", "name": s, "aliases": [HOSTILE[(i + 1) % len(HOSTILE)]], "description": s,
                     "roles": [{"title": s, "evidence": ev(i)}], "evidence": ev(i)} for i, s in enumerate(HOSTILE)],
        "places": [{"id": "land", "name": HOSTILE[0], "kind": "country", "evidence": ev(0),
                    "geo": {"latitude": "-12.5", "longitude": "100", "source": HOSTILE[3]},
                    "identifiers": [{"scheme": "wikidata", "value": HOSTILE[5], "source": HOSTILE[6]}]},
                   {"id": "town", "name": HOSTILE[1], "kind": "city", "part_of": "land", "evidence": ev(1)}],
        "events": [{"id": "e", "kind": "meeting", "name": HOSTILE[4], "place": "town", "evidence": ev(2),
                    "participants": [{"actor": "p0", "role": "host"}, {"actor": "land", "role": "guest"}],
                    "time": {"month_day": "--02-29", "evidence": ev(3),
                             "curated": {"date": "2024-02-29", "source": HOSTILE[7]}}},
                   {"id": "h", "type": "HypotheticalEvent", "kind": "military-aid", "evidence": ev(4)}],
        "claims": [{"id": "c", "text": HOSTILE[8], "certainty": "possible", "polarity": "negative", "tense": "future",
                    "attribution": {"by": "p1", "capacity": "claimant", "via": {"by": "p2", "capacity": "reporter"}},
                    "cues": ev(9), "about": ["h", "e", "p3"], "evidence": ev(10),
                    "condition": {"text": HOSTILE[11], "event": "h", "evidence": ev(12)}}],
    }
    return dossier.loads(json.dumps(data), syntax="json")


@pytest.fixture(scope="module")
def hostile() -> dossier.Report:
    return _hostile_report()


# ---- the plain path: rdflib's serializers on the same graph


def _plain(report: dossier.Report, fmt: str, base: str | None, ds: Any = None) -> str:
    ds = to_dataset(report, base) if ds is None else ds
    name, _, named = RDF_FORMATS[fmt]
    if named:
        return ds.serialize(format=name)
    merged = rdflib.Graph()
    for prefix, ns in ds.namespaces():
        merged.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged.serialize(format=name)


def _same_values(graph: rdflib.Graph) -> rdflib.Graph:
    """rdflib's Turtle serializer rewrites the decimal 100 as 100.0: the same value, in other words; undo that."""
    for s, p, o in list(graph):
        if isinstance(o, rdflib.Literal) and str(o.datatype) == XSD_DECIMAL and "." not in o:
            graph.remove((s, p, o))
            graph.add((s, p, rdflib.Literal(f"{o}.0", datatype=o.datatype)))
    return graph


def _rdflib_graphs(text: str, fmt: str) -> dict[Any, rdflib.Graph]:
    """Each graph of ``text`` by name (None for the default graph; only that for formats without names), by rdflib."""
    name, _, named = RDF_FORMATS[fmt]
    if not named:
        return {None: _same_values(rdflib.Graph().parse(data=text, format=name))}
    ds = rdflib.Dataset()
    ds.parse(data=text, format=name)
    return {None if g.identifier == DATASET_DEFAULT_GRAPH_ID else str(g.identifier): _same_values(g)
            for g in ds.graphs() if len(g)}


def _merged(graphs: dict[Any, rdflib.Graph]) -> rdflib.Graph:
    if len(graphs) == 1:
        return next(iter(graphs.values()))
    out = rdflib.Graph()
    for g in graphs.values():
        for t in g:
            out.add(t)
    return out


def _oxigraph_quads(text: str, fmt: str) -> set[tuple[str, str, str, str]]:
    out = set()
    for q in ox.parse(text.encode("utf-8"), format=RDF_FORMATS[fmt][1]):
        obj = q.object
        if isinstance(obj, ox.Literal) and obj.datatype.value == XSD_DECIMAL and "." not in obj.value:
            obj = ox.Literal(f"{obj.value}.0", datatype=obj.datatype)
        out.add((str(q.subject), str(q.predicate), str(obj), str(q.graph_name)))
    return out


def check_rdf(report: dossier.Report, fmt: str, base: str | None = None, ds: Any = None) -> None:
    """Our writer and rdflib's serializer give the same graphs, read by rdflib and by pyoxigraph.

    ``ds`` is the report's rdflib dataset under ``base``, when the caller has it already.
    """
    ours, plain = dumps(report, fmt, base=base), _plain(report, fmt, base, ds)
    # pyoxigraph reads ours against rdflib's N-Quads (N-Triples, for the formats without named graphs) of the same
    # graph: rdflib's Turtle and TriG writers leave a quote unescaped before the closing """ of a long string (a
    # literal with a line break that ends in a backslash and a quote), which is not Turtle, and which pyoxigraph
    # rightly refuses (see test_rdflib_turtle_is_not_what_pyoxigraph_compares_against).
    line_based = "nquads" if RDF_FORMATS[fmt][2] else "ntriples"
    assert _oxigraph_quads(ours, fmt) == _oxigraph_quads(_plain(report, line_based, base, ds), line_based)
    if base and "://" not in base and fmt in ("turtle", "trig"):
        return  # rdflib cannot resolve relative IRIs against a base such as urn:x:y/ (pyoxigraph can)
    ours_graphs, plain_graphs = _rdflib_graphs(ours, fmt), _rdflib_graphs(plain, fmt)
    assert isomorphic(_merged(ours_graphs), _merged(plain_graphs))
    assert set(ours_graphs) == set(plain_graphs)
    for name, graph in ours_graphs.items():
        assert isomorphic(graph, plain_graphs[name]), name


def check_json(report: dossier.Report) -> None:
    """The canonical JSON read straight from the fields is pydantic's dump, pruned; the text is the stdlib's."""
    plain = _prune(report.model_dump(mode="json"))
    fast = to_data(report)
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(plain, ensure_ascii=False)  # key order too
    assert to_json(report) == json.dumps(plain, ensure_ascii=False, indent=2) + "\n"


WRITTEN = [f.name for f in FORMATS.values() if f.write]
# Groupings that take each path of dumps_many: JSON-LD put together from the JSON text or written alone, records shared.
GROUPS = [["json", "jsonld", "turtle"], ["jsonld"], ["jsonld", "json"], ["nq", "ttl", "trig"],
          ["application/n-triples"]]


def check_many(report: dossier.Report, base: str | None = None) -> None:
    """dumps_many gives, format by format and by the names given, the bytes dumps gives."""
    alone = {fmt: dumps(report, fmt, base=base) for fmt in WRITTEN}
    assert dumps_many(report, WRITTEN, base=base) == alone
    for group in GROUPS:
        assert dumps_many(report, group, base=base) == {fmt: alone[get_format(fmt).name] for fmt in group}
    for fmt in WRITTEN:  # encoded piece by piece where the writer has pieces: the same bytes as the text's
        assert dumps_bytes(report, fmt, base=base) == alone[fmt].encode("utf-8")


def check_lines(report: dossier.Report) -> None:
    """N-Quads and N-Triples lines are unique, and the same dossier, read again from its JSON, gives the same bytes."""
    again = dossier.loads(dumps(report, "json"), syntax="json")
    for fmt in ("nquads", "ntriples"):
        text = dumps(report, fmt)
        lines = text.split("\n")  # not splitlines: U+2028 and others stay unescaped in a line
        assert len(lines) == len(set(lines))
        assert dumps(again, fmt) == text


def check_jsonld_graph(report: dossier.Report) -> None:
    """pyld's expansion of our JSON-LD is the merged graph of our N-Quads (a plain path that shares no code)."""
    by_pyld = {(s, p, o) for s, p, o, _ in jsonld_quads(dumps(report, "jsonld"))}
    ours = {(s, p, o) for s, p, o, _ in quads(report)}
    assert by_pyld == ours


# ---- the seed


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_seed_writers_match_rdflib(fmt: str, seed: dossier.Report) -> None:
    check_rdf(seed, fmt)


def test_seed_json(seed: dossier.Report) -> None:
    check_json(seed)
    check_jsonld_graph(seed)


@pytest.mark.parametrize("base", BASES)
def test_seed_dumps_many(base: str | None, seed: dossier.Report) -> None:
    check_many(seed, base)


def test_seed_lines(seed: dossier.Report) -> None:
    check_lines(seed)


def test_dumps_many_refuses_a_format_it_cannot_write_before_writing_any(seed: dossier.Report) -> None:
    for formats in (["json", "yaml"], ["turtle", "no-such-format"]):
        with pytest.raises(UnknownFormat):
            dumps_many(seed, formats)
    assert dumps_many(seed, "ttl") == {"ttl": dumps(seed, "turtle")}  # one name, not its letters


# ---- hostile strings


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
@pytest.mark.parametrize("base", BASES)
def test_hostile_strings(fmt: str, base: str | None, hostile: dossier.Report) -> None:
    check_rdf(hostile, fmt, base)


def test_hostile_json_and_jsonld(hostile: dossier.Report) -> None:
    check_json(hostile)
    check_jsonld_graph(hostile)
    text = dumps(hostile, "nquads")
    assert "\\u0000" in text and "\\u007F" in text and "😀" in text and '\\"' in text and "\\\\u0041" in text
    assert '"""' in dumps(hostile, "turtle")  # multi-line strings use the long form


def test_rdflib_turtle_is_not_what_pyoxigraph_compares_against() -> None:
    """The case check_rdf works around: a backslash and a quote that end a text with a line break, which rdflib
    writes in a long string with the quote unescaped (``\\\\""""``), and ours escapes."""
    report = _hostile_report()
    report.persons[0].name = 'two\nlines, then a backslash and a quote\\"'
    ours, plain = dumps(report, "turtle"), _plain(report, "turtle", None)
    with pytest.raises(SyntaxError):
        list(ox.parse(plain.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    check_rdf(report, "turtle")
    assert 'and a quote\\\\\\"' in ours


@pytest.mark.parametrize("base", BASES)
def test_hostile_dumps_many(base: str | None, hostile: dossier.Report) -> None:
    check_many(hostile, base)
    check_lines(hostile)


def _unchecked(report: dossier.Report) -> dossier.Report:
    """``report`` with what only a dossier that was never checked holds: a repeated id, a repeated alias."""
    out = copy.deepcopy(report)
    out.persons.append(copy.deepcopy(out.persons[0]))
    out.persons[1].aliases = out.persons[1].aliases * 2
    return out


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_a_repeated_id_repeats_no_line(fmt: str, hostile: dossier.Report) -> None:
    unchecked = _unchecked(hostile)
    check_rdf(unchecked, fmt)
    if fmt in ("nquads", "ntriples"):
        lines = dumps(unchecked, fmt).split("\n")
        assert len(lines) == len(set(lines)) == len(set(dumps(hostile, fmt).split("\n")))


# ---- escaping: a few tests and replaces, against translating every character

ESCAPABLE = st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(
    ['"', "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x0b", "\x1f", "\x7f", "\x85", "\xa0", "\u2028", "😀"])))


@SETTINGS
@given(text=ESCAPABLE)
def test_escaping_matches_translating(text: str) -> None:
    assert ntriples.escape_string(text) == text.translate(ntriples._TABLE)
    long = '"""' + text.translate(turtle._LONG_TABLE) + '"""'
    assert turtle._quoted(text) == (long if "\n" in text else '"' + text.translate(ntriples._TABLE) + '"')


def test_hostile_strings_escape_as_translating() -> None:
    for text in HOSTILE:
        assert ntriples.escape_string(text) == text.translate(ntriples._TABLE)


def test_records_hold_each_quad_once(seed: dossier.Report, hostile: dossier.Report) -> None:
    """In a checked dossier no record repeats a triple and no subject has two records: the writers rely on it."""
    for report in (seed, hostile):
        expanded = list(quads(report))
        assert len(expanded) == len(set(expanded))
        subjects = [subject for subject, _, _ in node_records(report)]
        assert len(subjects) == len(set(subjects))


def test_json_falls_back_to_the_stdlib_for_what_utf8_cannot_hold() -> None:
    data = {"a": "lone \ud800 surrogate", "b": [1, True, None]}
    assert dumps_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---- generated dossiers


@RDFLIB_SETTINGS
@given(report=valid_reports())
def test_generated_dossiers_match_rdflib(report: dossier.Report) -> None:
    ds = to_dataset(report)
    for fmt in RDF_FORMATS:
        check_rdf(report, fmt, None, ds)


@SETTINGS
@given(report=valid_reports())
def test_generated_dossiers_json_and_jsonld(report: dossier.Report) -> None:
    check_json(report)
    check_jsonld_graph(report)


@SETTINGS
@given(report=valid_reports())
def test_generated_dossiers_dumps_many_and_lines(report: dossier.Report) -> None:
    check_many(report)
    check_lines(report)
