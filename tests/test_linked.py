"""The linked data, checked by independent implementations: pyld, rdflib and pyoxigraph read what we write."""

from __future__ import annotations

import json
import re

import pyoxigraph
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic
from rdflib.namespace import SDO

import dossier
from dossier.formats import dumps
from dossier.linked.jsonld import CONTEXT_URL, document_loader
from dossier.terms import DOS, NS

from conftest import EXAMPLES, SEED

STEM = "000_8ca8e46f6fba684d"


def _graph_from_nquads(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format="nt")


def _pyld_graph(jsonld_text: str) -> rdflib.Graph:
    nquads = jsonld.to_rdf(json.loads(jsonld_text), {"documentLoader": document_loader, "format": "application/n-quads"})
    return _graph_from_nquads(nquads)


def _oxigraph_graph(data: str, fmt: pyoxigraph.RdfFormat) -> rdflib.Graph:
    quads = pyoxigraph.parse(data.encode(), format=fmt)
    nt = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    return _graph_from_nquads(nt)


def test_jsonld_turtle_and_ntriples_are_one_graph(seed: dossier.Report) -> None:
    """pyld expanding the JSON-LD, rdflib and pyoxigraph parsing the Turtle: the same graph."""
    turtle = dumps(seed, "turtle")
    by_pyld = _pyld_graph(dumps(seed, "jsonld"))
    by_rdflib = rdflib.Graph().parse(data=turtle, format="turtle")
    by_oxigraph = _oxigraph_graph(turtle, pyoxigraph.RdfFormat.TURTLE)
    assert len(by_rdflib) > 1000
    assert isomorphic(by_pyld, by_rdflib)
    assert isomorphic(by_oxigraph, by_rdflib)
    assert isomorphic(_graph_from_nquads(dumps(seed, "ntriples")), by_rdflib)


def test_plain_json_with_the_context_is_the_jsonld(seed: dossier.Report) -> None:
    """The canonical JSON plus the published context (and a base) expands to the same graph."""
    data = json.loads(dumps(seed, "json"))
    base = f"https://example.org/dossier/{seed.id}/"
    doc = {"@context": [CONTEXT_URL, {"@base": base, "@language": "en"}], **data}
    assert isomorphic(_pyld_graph(json.dumps(doc)), rdflib.Graph().parse(data=dumps(seed, "turtle"), format="turtle"))


def test_no_blank_nodes_anywhere(seed: dossier.Report) -> None:
    graph = rdflib.Graph().parse(data=dumps(seed, "turtle"), format="turtle")
    assert not any(isinstance(t, rdflib.BNode) for triple in graph for t in triple)
    assert not any(isinstance(t, rdflib.BNode) for triple in _pyld_graph(dumps(seed, "jsonld")) for t in triple)


def test_base_is_configurable(seed: dossier.Report) -> None:
    text = dumps(seed, "nquads", base="https://news.example/{id}#")
    assert f"<https://news.example/{seed.id}#putin>" in text
    assert "example.org" not in text
    with pytest.raises(dossier.DossierError, match="must end in"):
        dumps(seed, "turtle", base="https://news.example/x")
    with pytest.raises(dossier.DossierError, match="cannot hold"):
        dumps(seed, "turtle", base="https://news example/")


@pytest.mark.parametrize("ext,fmt", [("json", "json"), ("jsonld", "jsonld"), ("ttl", "turtle"), ("nt", "ntriples"),
                                     ("nq", "nquads"), ("trig", "trig")])
def test_golden_files_match_fresh_output(ext: str, fmt: str, seed: dossier.Report) -> None:
    """examples/ holds the seed in every format, read by a person; the code must still write exactly that."""
    golden = (EXAMPLES / f"{STEM}.{ext}").read_text(encoding="utf-8")
    assert dumps(seed, fmt) == golden


def test_output_is_byte_identical_across_loads() -> None:
    first, second = dossier.load(SEED), dossier.load(SEED)
    for fmt in ("json", "jsonld", "turtle", "nquads", "trig"):
        assert dumps(first, fmt) == dumps(second, fmt)


def test_no_hypothetical_event_is_a_fact_in_the_default_graph(seed: dossier.Report) -> None:
    ds = rdflib.Dataset()
    ds.parse(data=dumps(seed, "trig"), format="trig")
    default = ds.graph(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
    hypothetical = [e for e in seed.events if e.hypothetical]
    assert len(hypothetical) >= 4
    base = f"https://example.org/dossier/{seed.id}/"
    for event in hypothetical:
        node = rdflib.URIRef(base + event.id)
        assert (node, rdflib.RDF.type, SDO.Event) not in default
        assert (node, rdflib.RDF.type, rdflib.URIRef(DOS + "HypotheticalEvent")) not in default
        homes = [g.identifier for g in ds.graphs() if (node, rdflib.RDF.type, None) in g]
        claims = {rdflib.URIRef(base + c.id) for c in seed.claims
                  if event.id in c.about or (c.condition is not None and c.condition.event == event.id)}
        assert claims and claims <= set(homes)
    # In every format, no node is both hypothetical and an event in the schema.org sense.
    merged = rdflib.Graph().parse(data=dumps(seed, "turtle"), format="turtle")
    assert not set(merged.subjects(rdflib.RDF.type, SDO.Event)) & set(
        merged.subjects(rdflib.RDF.type, rdflib.URIRef(DOS + "HypotheticalEvent")))


def _iris(text: str) -> set[str]:
    graph = rdflib.Graph().parse(data=text, format="turtle")
    return {str(t) for triple in graph for t in triple if isinstance(t, rdflib.URIRef)}


def test_every_schema_org_term_exists(seed: dossier.Report) -> None:
    used = {iri for iri in _iris(dumps(seed, "turtle")) | _iris((EXAMPLES.parent / "schemas" / "shapes.ttl").read_text())
            if iri.startswith(NS["schema"])}
    assert len(used) > 15
    known = set(SDO.__annotations__)  # the closed list of terms rdflib ships for schema.org
    missing = sorted(iri for iri in used if iri[len(NS["schema"]):] not in known)
    assert not missing


def test_every_own_term_is_in_the_vocabulary(seed: dossier.Report) -> None:
    vocab = rdflib.Graph().parse(EXAMPLES.parent / "schemas" / "vocab.ttl")
    used = {iri for iri in _iris(dumps(seed, "turtle")) if iri.startswith(DOS)}
    defined = {str(s) for s in vocab.subjects(rdflib.RDFS.label, None)}
    assert used and used <= defined
    for term in defined:
        node = rdflib.URIRef(term)
        assert vocab.value(node, rdflib.RDFS.comment), term


def test_partial_dates_carry_their_xsd_type(seed: dossier.Report) -> None:
    turtle = dumps(seed, "turtle")
    assert re.search(r'"--09-13"\^\^xsd:gMonthDay', turtle)
    assert re.search(r'"2023-09-13"\^\^xsd:date', turtle)


def test_remote_context_is_refused_offline() -> None:
    doc = json.dumps({"@context": "https://schema.org/", "@id": "https://x/a", "name": "A"})
    with pytest.raises(dossier.RemoteContextRefused):
        dossier.formats.loads_as(doc, "jsonld")
    with pytest.raises(dossier.RemoteContextRefused):
        document_loader("http://localhost:8080/context.jsonld")


def test_other_processors_read_the_jsonld_offline(seed: dossier.Report) -> None:
    """rdflib's own JSON-LD parser, with no loader of ours, reads the file: the context is inline."""
    by_rdflib_jsonld = rdflib.Graph().parse(data=dumps(seed, "jsonld"), format="json-ld")
    assert isomorphic(by_rdflib_jsonld, rdflib.Graph().parse(data=dumps(seed, "turtle"), format="turtle"))
    assert json.loads(dumps(seed, "jsonld"))["@context"][0] == json.loads(
        (EXAMPLES.parent / "schemas" / "context.jsonld").read_text())["@context"]
