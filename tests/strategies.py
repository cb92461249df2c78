"""Hypothesis strategies: whole dossiers over arbitrary Unicode articles, valid by construction.

The article is built from random pieces, so every evidence span is known
exactly; names, quotes and descriptions carry quotes, backslashes,
newlines, control and non-BMP characters; dates come at every precision.
"""

from __future__ import annotations

import calendar
from typing import Any

from hypothesis import reject
from hypothesis import strategies as st

import dossier
from dossier.vocabulary import Capacity, Certainty, EventKind, OrgKind, PlaceKind, Polarity, RoleType, Tense

# Surrogates cannot be encoded; everything else, controls included, must survive every format.
CHARS = st.characters(blacklist_categories=("Cs",))
HOSTILE = st.sampled_from(['"', "\\", "\n", "\r", "\t", "\x00", "\x7f", "'", "<", ">", "@", "#", "😀", "\u2028",
                           '"""', "\\u0041", "é", "漢字", " "])
TEXT = st.lists(st.one_of(st.text(CHARS, min_size=1, max_size=8), HOSTILE), min_size=1, max_size=4).map("".join)
IDS = st.from_regex(r"\A[a-z][a-z0-9_.\-]{0,10}\Z")
LANGS = st.sampled_from([None, "en", "de-ch", "zh-hant-tw", "sr-latn", "x-private".replace("x-", "en-x-")])


def values(enum: Any) -> list[str]:
    return [m.value for m in enum]


@st.composite
def partial_dates(draw: st.DrawFn) -> dict[str, str]:
    precision = draw(st.sampled_from(["year", "year_month", "date", "month_day"]))
    year = draw(st.integers(1000, 2999))
    month = draw(st.integers(1, 12))
    if precision == "year":
        return {"year": f"{year:04d}"}
    if precision == "year_month":
        return {"year_month": f"{year:04d}-{month:02d}"}
    if precision == "date":
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
        return {"date": f"{year:04d}-{month:02d}-{day:02d}"}
    day = draw(st.integers(1, 29 if month == 2 else calendar.monthrange(2001, month)[1]))
    return {"month_day": f"--{month:02d}-{day:02d}"}


@st.composite
def reports(draw: st.DrawFn) -> dossier.Report:
    pieces = draw(st.lists(TEXT, min_size=4, max_size=16))
    text, spans = "", []
    for piece in pieces:
        text += "|"  # a separator keeps every span's offsets exact even when pieces repeat
        spans.append((len(text), piece))
        text += piece

    def evidence(k: int = 1) -> list[dict[str, Any]]:
        picks = draw(st.lists(st.sampled_from(spans), min_size=k, max_size=k + 1, unique=True))
        return [{"quote": q, "start": s, "end": s + len(q)} for s, q in picks]

    ids = iter(draw(st.lists(IDS, min_size=40, max_size=40, unique=True)))
    persons = [{"id": next(ids), "name": draw(st.one_of(st.none(), TEXT)), "aliases": draw(st.lists(TEXT, max_size=2)),
                "plural": draw(st.booleans()), "description": draw(st.one_of(st.none(), TEXT)),
                "roles": [{"title": draw(TEXT), "evidence": evidence()} for _ in range(draw(st.integers(0, 2)))],
                "evidence": evidence()} for _ in range(draw(st.integers(1, 3)))]
    places: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 4))):
        place: dict[str, Any] = {"id": next(ids), "name": draw(TEXT), "kind": draw(st.sampled_from(values(PlaceKind))),
                                 "evidence": evidence()}
        if places:
            place["part_of"] = places[-1]["id"]  # places nest, outermost first
        if draw(st.booleans()):
            place["geo"] = {"latitude": f"{draw(st.integers(-89, 89))}.{draw(st.integers(0, 99999))}",
                            "longitude": f"{draw(st.integers(-179, 179))}.5", "source": draw(TEXT)}
            place["identifiers"] = [{"scheme": "geonames", "value": str(draw(st.integers(1, 10**7))), "source": draw(TEXT)}]
        places.append(place)
    places[0]["kind"] = "country"
    orgs = [{"id": next(ids), "name": draw(TEXT), "kind": draw(st.sampled_from(values(OrgKind))),
             "jurisdiction": places[0]["id"], "evidence": evidence()} for _ in range(draw(st.integers(0, 2)))]
    actors = [p["id"] for p in persons] + [o["id"] for o in orgs] + [places[0]["id"]]

    def participants() -> list[dict[str, Any]]:
        return [{"actor": a, "role": draw(st.sampled_from(values(RoleType))),
                 "basis": draw(st.sampled_from(["stated", "implied"]))}
                for a in draw(st.lists(st.sampled_from(actors), min_size=0, max_size=3, unique=True))]

    events: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 3))):
        event: dict[str, Any] = {"id": next(ids), "kind": draw(st.sampled_from(values(EventKind))),
                                 "name": draw(st.one_of(st.none(), TEXT)), "participants": participants(),
                                 "place": draw(st.sampled_from([p["id"] for p in places])), "evidence": evidence()}
        if draw(st.booleans()):
            event["time"] = {**draw(partial_dates()), "evidence": evidence()}
            if draw(st.booleans()):
                event["time"]["curated"] = {**draw(partial_dates()), "source": draw(TEXT)}
        events.append(event)
    events[0]["sub_events"] = [e["id"] for e in events[1:]]
    hypothetical = {"id": next(ids), "type": "HypotheticalEvent", "kind": draw(st.sampled_from(values(EventKind))),
                    "participants": participants(), "evidence": evidence()}
    events.append(hypothetical)
    gifts = []
    if draw(st.booleans()):
        gifts.append({"id": next(ids), "object": {"name": draw(TEXT), "description": draw(TEXT), "evidence": evidence()},
                      "given_by": draw(st.sampled_from(actors)), "given_to": draw(st.sampled_from(actors)),
                      "given_to_basis": draw(st.sampled_from(["stated", "implied"])), "occasion": events[0]["id"],
                      "meanings": [{"text": draw(TEXT), "evidence": evidence()}], "evidence": evidence()})

    def attribution(depth: int) -> dict[str, Any]:
        node: dict[str, Any] = {"by": draw(st.sampled_from([p["id"] for p in persons] + [o["id"] for o in orgs])),
                                "capacity": draw(st.sampled_from(values(Capacity))), "evidence": evidence(0)}
        if depth > 1:
            node["via"] = attribution(depth - 1)
        return node

    claims = []
    for i in range(draw(st.integers(1, 3))):
        claim: dict[str, Any] = {
            "id": next(ids), "text": draw(TEXT), "attribution": attribution(draw(st.integers(1, 3))),
            "certainty": draw(st.sampled_from(values(Certainty))), "polarity": draw(st.sampled_from(values(Polarity))),
            "tense": draw(st.sampled_from(values(Tense))), "cues": evidence(0),
            "about": draw(st.lists(st.sampled_from(actors + [e["id"] for e in events]), max_size=3, unique=True)),
            "evidence": evidence()}
        if i == 0:
            claim["condition"] = {"text": draw(TEXT), "event": hypothetical["id"], "evidence": evidence()}
        claims.append(claim)
    data = {"id": next(ids), "language": draw(LANGS), "headline": draw(st.one_of(st.none(), TEXT)), "text": text,
            "persons": persons, "organizations": orgs, "places": places, "events": events, "gifts": gifts,
            "claims": claims}
    from dossier.loading import report_from_document
    from dossier.reading import Document

    return report_from_document(Document(_drop_none(data), "<generated>"))


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


@st.composite
def valid_reports(draw: st.DrawFn) -> dossier.Report:
    """:func:`reports`, skipping the rare draw it cannot load (a latitude of -90.5 is out of range)."""
    try:
        return draw(reports())
    except dossier.InvalidDossier:
        reject()
