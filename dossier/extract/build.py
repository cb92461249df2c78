"""From the extractor's draft to dossier models: evidence with offsets, ids from keys, nothing invented."""

from __future__ import annotations

import re

from ..models import (Attribution, Claim, Condition, Event, Evidence, Geo, Gift, GiftObject, Identifier, Organization,
                      Participation, Passage, Person, Place, Report, Role, Time)
from .draft import Draft, Span

__all__ = ["to_report"]


def _ev(text: str, spans: list[Span]) -> list[Evidence]:
    seen, out = set(), []
    for s, e in sorted(spans):
        if (s, e) not in seen and e > s:
            seen.add((s, e))
            out.append(Evidence(quote=text[s:e], start=s, end=e))
    return out


def _sentence_case(s: str) -> str:
    # A quotation's marks and a leading "But"/"And" belong to the telling, not to what is claimed.
    s = s.strip().rstrip(",;:")
    if len(s) > 2 and s[0] in "\"“" and s.count(s[0]) + s.count("”") == 2 and s[-1] in "\"”":
        s = s[1:-1].strip().rstrip(",;:")
    s = re.sub(r"^(?:But|And|Yet|So) (?=[a-z])", "", s)
    s = s[0].upper() + s[1:] if s else s
    return s if s.endswith((".", "!", "?")) else s + "."


def to_report(d: Draft, report_id: str, language: str) -> Report:
    """A :class:`Report` holding everything in ``d`` (not yet checked)."""
    t = d.text
    persons = [Person(id=p.key, name=p.name, description=p.description, aliases=p.aliases, plural=p.plural,
                      roles=[Role(title=title, of=of, evidence=_ev(t, [span])) for title, of, span in p.roles],
                      evidence=_ev(t, p.spans)) for p in d.persons]
    orgs = [Organization(id=o.key, name=o.name, kind=o.kind, jurisdiction=o.jurisdiction, aliases=o.aliases,
                         description=o.description, evidence=_ev(t, o.spans))
            for o in d.orgs]
    places = []
    for p in d.places:
        ids, geo = [], None
        if p.gaz is not None:
            if p.gaz.geonames:
                ids.append(Identifier(scheme="geonames", value=p.gaz.geonames, source=p.gaz.sources["geonames"]))
            if p.gaz.iso:
                scheme = "iso3166-2" if "-" in p.gaz.iso else "iso3166-1"
                ids.append(Identifier(scheme=scheme, value=p.gaz.iso, source=p.gaz.sources["iso"]))
            if p.gaz.lat and p.gaz.lon:
                geo = Geo(latitude=p.gaz.lat, longitude=p.gaz.lon, source=p.gaz.sources["geonames"])
        places.append(Place(id=p.key, name=p.name, kind=p.kind, part_of=p.part_of, geo=geo, identifiers=ids,
                            evidence=_ev(t, p.spans)))
    events = []
    for e in d.events:
        time = None
        if e.time is not None:
            time = Time(**{e.time.field: str(e.time.value)}, evidence=_ev(t, [(e.time.start, e.time.end)]))
        events.append(Event(id=e.key, type="HypotheticalEvent" if e.hypothetical else "Event", kind=e.kind,
                            participants=[Participation(actor=a, role=r) for a, r in e.participants],
                            place=e.place, time=time, evidence=_ev(t, e.spans)))
    gifts = []
    for g in d.gifts:
        s, e = g.object_span
        gifts.append(Gift(id=g.key, object=GiftObject(name=g.name, description=t[s:e], evidence=_ev(t, [g.object_span])),
                          given_by=g.giver, given_to=g.recipient, given_to_basis=g.basis, occasion=g.occasion,
                          meanings=[Passage(text=_sentence_case(t[a:b]), evidence=_ev(t, [(a, b)]))
                                    for a, b in g.meanings],
                          evidence=_ev(t, g.spans)))
    claims = []
    for c in d.claims:
        via = None
        for key, spans in reversed(c.via):
            via = Attribution(by=key, capacity="reporter", via=via, evidence=_ev(t, spans))
        cond = None
        if c.condition:
            a, b = c.condition
            cond = Condition(text=_sentence_case(t[a:b]), event=c.condition_event, evidence=_ev(t, [c.condition]))
        s, e = c.span
        claims.append(Claim(id=c.key, text=_sentence_case(t[s:e]),
                            attribution=Attribution(by=c.claimant, capacity="claimant", via=via,
                                                    evidence=_ev(t, c.attribution_spans)),
                            certainty=c.certainty, polarity=c.polarity, tense=c.tense, cues=_ev(t, c.cues),
                            condition=cond, about=sorted(set(c.about)), evidence=_ev(t, [c.span, *c.extra])))
    return Report(id=report_id, language=language, text=t, persons=persons, organizations=orgs, places=places,
                  events=events, gifts=gifts, claims=claims)
