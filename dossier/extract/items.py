"""Adding persons, organizations and places to a draft: one item per name, each new mention a span of it.

Shared by :mod:`.entities` (which classifies name chunks) and :mod:`.titles`
(which finds offices and what they refer back to).
"""

from __future__ import annotations

from typing import Optional

from .draft import Draft, OrgD, PersonD, PlaceD, Span, slug
from .gazetteer import gazetteer
from .lexicon import ORG_WORDS

__all__ = ["CAP", "ORG_HEADS", "org_kind", "country", "place", "org", "person", "demonym_prefix"]

#: A capitalised word, accented capitals included ("Ðorđević", "Łódź").
CAP = r"[A-Z\u00C0-\u00DE\u0100-\u024F][\w'’.-]*"
#: First words of "X of Y" organization names ("University of Coimbra", "Ministry of Finance").
ORG_HEADS = {"university", "ministry", "bank", "council", "institute", "committee", "party", "union", "agency",
             "office", "department", "commission", "court", "academy", "federation", "association"}


def org_kind(name: str) -> Optional[str]:
    """The kind of organization a name's words suggest, or None when they suggest none."""
    words = name.lower().split()
    if "development" in words and words[-1] == "bank":
        return "international-body"
    if len(words) >= 3 and words[0] in ORG_HEADS and words[1] == "of":  # "University of Coimbra"
        return ORG_WORDS.get(words[0], "other-organization")
    return ORG_WORDS.get(words[-1]) if words else None


def country(d: Draft, gaz_place, span: Span) -> str:
    """The key of the country ``gaz_place``, with ``span`` as a mention of it."""
    return place(d, gaz_place.name, "country", span, gaz_place).key


def place(d: Draft, name: str, kind: str, span: Span, gaz=None) -> PlaceD:
    """The place called ``name`` (made if new), with ``span`` as a mention of it."""
    for p in d.places:
        if p.name == name:
            if span not in p.spans:
                p.spans.append(span)
            return p
    p = PlaceD(name, kind, [span], gaz)
    p.key = d.unique_key(slug(name))
    d.places.append(p)
    return p


def org(d: Draft, name: str, span: Span, kind: Optional[str]) -> OrgD:
    """The organization called ``name`` (made if new), with ``span`` as a mention of it."""
    for o in d.orgs:
        if o.name == name:
            if span not in o.spans:
                o.spans.append(span)
            return o
    o = OrgD(name, [span], kind)
    o.key = d.unique_key(slug(name))
    d.orgs.append(o)
    return o


def person(d: Draft, name: str, span: Span) -> PersonD:
    """The person called ``name`` (made if new), with ``span`` as a mention of them."""
    for p in d.persons:
        if p.name == name:
            if span not in p.spans:
                p.spans.append(span)
            return p
    p = PersonD(name, [span])
    p.key = d.unique_key(slug(name))
    d.persons.append(p)
    return p


def demonym_prefix(words: list[tuple[int, int, str]]) -> tuple[int, Optional[PlaceD]]:
    """How many leading words form a demonym ("North Korean"), and its country."""
    g = gazetteer()
    for n in (2, 1):
        if len(words) > n - 1:
            phrase = " ".join(w[2] for w in words[:n])
            found = g.demonym(phrase)
            if found:
                return n, found
    return 0, None
