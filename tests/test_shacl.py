"""The SHACL shapes: the seed conforms; each kind of broken graph does not, with a readable report."""

from __future__ import annotations

import re

import pytest

import dossier
from dossier.formats import dumps
from dossier.linked.rdfio import parse_rdf
from dossier.validation import shacl_problems


@pytest.fixture(scope="module")
def seed_nt(seed: dossier.Report) -> str:
    return dumps(seed, "ntriples")


def test_seed_conforms(seed_nt: str) -> None:
    assert shacl_problems(parse_rdf(seed_nt, "ntriples")) == []


def _drop(nt: str, pattern: str) -> str:
    lines = [line for line in nt.splitlines(keepends=True) if not re.search(pattern, line)]
    assert len(lines) < len(nt.splitlines())
    return "".join(lines)


def _retype(nt: str, pattern: str, old: str, new: str) -> str:
    out = [line.replace(old, new) if re.search(pattern, line) else line for line in nt.splitlines(keepends=True)]
    assert out != nt.splitlines(keepends=True)
    return "".join(out)


XSD = "http://www.w3.org/2001/XMLSchema#"
BROKEN = [
    ("claim with no claimant", lambda nt: _drop(nt, r"ns/prov#qualifiedAttribution>"),
     "qualifiedAttribution", "MinCount"),
    ("gift with no giver", lambda nt: _drop(nt, r"<https://schema.org/agent>"), "schema:agent", "MinCount"),
    ("evidence with no offsets", lambda nt: _drop(nt, r"/ns/oa#start>"), "oa:start", "MinCount"),
    ("wrongly typed date", lambda nt: _retype(nt, "gMonthDay", f"<{XSD}gMonthDay>", f"<{XSD}string>"),
     "sem:hasTimeStamp", "Or"),
    ("participant that is no actor", lambda nt: _retype(
        nt, r"rdf-syntax-ns#value> <[^>]*/putin>", "/putin>", "/vostochny-cosmodrome>"), "rdf:value", "Or"),
    ("unknown certainty", lambda nt: _retype(nt, "#certainty>", "#possible>", "#maybe>"), "dos:certainty", "In"),
]


@pytest.mark.parametrize("name,breaks,path,component", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_graphs_do_not_conform(name: str, breaks, path: str, component: str, seed_nt: str) -> None:  # type: ignore[no-untyped-def]
    problems = shacl_problems(parse_rdf(breaks(seed_nt), "ntriples"), "broken.nt")
    assert problems, name
    assert any(path in p.message and p.rule == f"shacl-{component}" and p.node for p in problems), \
        [str(p) for p in problems]
    assert all(p.file == "broken.nt" for p in problems)


def test_shapes_are_open(seed_nt: str) -> None:
    """Extra statements and subclasses do not break conformance."""
    extra = ('<https://example.org/dossier/000_8ca8e46f6fba684d/putin> <https://example.org/ext#nickname> "VVP" .\n'
             '<https://example.org/dossier/000_8ca8e46f6fba684d/putin> '
             '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/ext#Leader> .\n')
    assert shacl_problems(parse_rdf(seed_nt + extra, "ntriples")) == []
    from conftest import ROOT

    assert "sh:closed" not in (ROOT / "schemas" / "shapes.ttl").read_text(encoding="utf-8")
