"""Using dossier as a library: load the seed's dossier, look at it, check it, write it as linked data.

Run from the repository root:  python examples/library_usage.py
"""

from pathlib import Path

import dossier
from dossier.formats import dumps
from dossier.linked.rdfio import from_graph, to_dataset

ROOT = Path(__file__).resolve().parent.parent
report = dossier.load(ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml")

# Every item is anchored to the article: the quote is the text at its offsets.
kim = next(p for p in report.persons if p.name == "Kim Jong-un")
span = kim.evidence[0]
assert report.text[span.start:span.end] == span.quote
print(f"{kim.name}: {len(kim.evidence)} mentions, first at {span.start}..{span.end}")

# Dates stay as precise as the text: a month-day, with the curator's year kept apart.
travel = next(e for e in report.events if e.kind == "travel" and e.time)
print(f"{travel.name}: text says {travel.time.value}, curator adds {travel.time.curated.value}"
      f" ({travel.time.curated.source[:40]}...)")

# Claims carry who says so, through whom, and how sure.
for claim in report.claims[:3]:
    chain, link = [], claim.attribution
    while link:
        chain.append(link.by)
        link = link.via
    print(f"- {claim.text[:60]}... [{claim.certainty.value}; {' via '.join(chain)}]")

# Linked data: any registered format, or an rdflib Dataset (claims' content in named graphs).
turtle = dumps(report, "turtle", base="https://news.example/{id}/")
dataset = to_dataset(report)
print(f"{len(turtle.splitlines())} lines of Turtle; {len(list(dataset.quads()))} quads")
assert from_graph(dataset) == report  # and back, losslessly

# Bad input is a DossierError that says where and what.
try:
    dossier.loads('{"id": "x", "persons": [{"id": "p", "nmae": "P"}]}', syntax="json", name="bad.json")
except dossier.InvalidDossier as exc:
    print(exc.problems[0])
