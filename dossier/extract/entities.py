"""Persons (with titles and short mentions folded in), unnamed sources, organizations and places.

Capitalised chunks are classified in this order: titled persons, the
publication of a "(Source: X)" line, gazetteer places, place-kind and
organization words, "the X" bodies; then untitled multi-word names are
persons and single words that repeat part of a person's name are that person.
"""

from __future__ import annotations

import re
from typing import Optional

from .draft import Draft, OrgD, PersonD, PlaceD, Span, slug
from .gazetteer import gazetteer
from .lexicon import (COMPASS, CONTINENTS, DENOMINATION_WORDS, FACILITY_FIRST, FACILITY_NOUNS, FACILITY_WORDS,
                      INSTITUTIONS, ORG_WORDS, REGION_WORDS, TITLE_HEADS, TITLE_WORDS)
from .sources import find_unnamed_sources
from .text import FUNCTION_WORDS, WORD, Chunk, name_chunks

__all__ = ["find_entities"]

_CAP = r"[A-Z\u00C0-\u00DE\u0100-\u024F][\w'’.-]*"
_SOURCE_LINE = re.compile(r"\((?:Source|Sources|Via)s?:\s*([^)]+)\)")
_PUBLICATION_CONTEXT = re.compile(rf"(?:according to|reported in|reported by|published in|told|in an interview with)"
                                  rf" (?:the )?(({_CAP})(?: {_CAP})*)$")


def find_entities(d: Draft) -> None:
    """Fill ``d.persons``, ``d.orgs`` and ``d.places`` from the text."""
    g = gazetteer()
    text = d.text
    chunks = name_chunks(text, d.sentences)
    countries = _countries_named(chunks, text)
    consumed: list[Span] = []

    for s in d.sentences:  # "(Source: X)": the paragraph's publication
        m = _SOURCE_LINE.search(s.text)
        if m:
            start = s.start + m.start(1)
            org = _org(d, m.group(1).strip(), (start, start + len(m.group(1).strip())), "publication")
            d.sources[s.paragraph] = org.key
            d.source_spans[s.paragraph] = (s.start + m.start(), s.start + m.end())
            consumed.append((start, start + len(m.group(1))))

    singles: list[Chunk] = []
    d.bare_demonyms = []
    for c in chunks:
        if any(a <= c.start < b for a, b in consumed):
            continue
        words = [(m.start() + c.start, m.end() + c.start, m.group()) for m in WORD.finditer(c.text)]
        if _person_with_title(d, c, words, countries):
            continue
        if _place_or_org(d, c, words, countries):
            continue
        if len(words) >= 2 and not _adjectival(words, text, c.end) and len(words) <= 4:
            _person(d, c.text, (c.start, c.end))
        else:
            singles.append(c)
    for c in singles:  # short mentions of persons ("Putin"), after every full name is known
        _short_mention(d, c)
    _surnames_not_places(d)
    _institutions(d, text)
    _publications_by_noun(d, text)
    find_unnamed_sources(d)
    _attach_demonyms(d)
    _nest_places(d, text, countries)


def _countries_named(chunks: list[Chunk], text: str) -> set[str]:
    g = gazetteer()
    codes: set[str] = set()
    for c in chunks:
        for part in [c.text] + c.text.split():
            place = g.country(part) or g.demonym(part)
            if place and place.iso:
                codes.add(place.iso)
        words = c.text.split()
        for i in range(len(words) - 1):
            place = g.demonym(" ".join(words[i:i + 2])) or g.country(" ".join(words[i:i + 2]))
            if place and place.iso:
                codes.add(place.iso)
    return codes


def _demonym_prefix(words: list[tuple[int, int, str]]) -> tuple[int, Optional[PlaceD]]:
    """How many leading words form a demonym ("North Korean"), and its country."""
    g = gazetteer()
    for n in (2, 1):
        if len(words) > n - 1:
            phrase = " ".join(w[2] for w in words[:n])
            place = g.demonym(phrase)
            if place:
                return n, place
    return 0, None


def _person_with_title(d: Draft, c: Chunk, words, countries: set[str]) -> bool:
    """"Russian President Vladimir Putin", "North Korean leader Kim Jong-un", "Sergei Shoigu, the ... minister"."""
    text = d.text
    n_dem, dem_place = _demonym_prefix(words)
    i = n_dem
    while i < len(words) and words[i][2].lower() in TITLE_WORDS:
        i += 1
    title_words = words[n_dem:i]
    if title_words and title_words[-1][2].lower() in TITLE_HEADS and len(words) - i >= 1:
        name_words = words[i:]
        of_key = _country(d, dem_place, (words[0][0], words[n_dem - 1][1])) if dem_place else None
        title_span = (words[0][0], title_words[-1][1])
        p = _person(d, text[name_words[0][0]:name_words[-1][1]], (name_words[0][0], name_words[-1][1]))
        p.roles.append((text[title_span[0]:title_span[1]], of_key, title_span))
        return True
    if n_dem or words[0][2].lower() in TITLE_WORDS:
        return False
    # Lower-case title just before the name: "North Korean leader Kim Jong-un".
    sent = d.sentence_at(c.start)
    before = text[sent.start:c.start]
    m = re.search(r"(?<!\S)((?:[a-z]+ ){0,2}?[a-z]+) $", before)
    if m and m.group(1).split()[-1] in TITLE_HEADS and all(w in TITLE_WORDS for w in m.group(1).split()):
        p = _person(d, c.text, (c.start, c.end))
        start, of_key = m.start(1) + sent.start, None
        prev = next((x for x in d.mentions(0, start) if x.end == start - 1), None)
        dem = re.search(rf"((?:{_CAP} )?{_CAP}) $", before[:m.start(1)])
        if dem and gazetteer().demonym(dem.group(1)):
            s0 = sent.start + dem.start(1)
            of_key = _country(d, gazetteer().demonym(dem.group(1)), (s0, s0 + len(dem.group(1))))
            start = s0
        elif prev is not None:
            start = prev.start
        p.roles.append((text[start:c.start - 1], of_key, (start, c.start - 1)))
        return True
    # Appositive title after the name: "Sergei Shoigu, the Russian defense minister,".
    after = text[c.end:sent.end]
    m = re.match(rf", (?:the|a|an) ((?:{_CAP} )*)((?:[a-z-]+ ){{0,2}}([a-z-]+))(?=[,.;]| and | who )", after)
    if m and m.group(3) in TITLE_HEADS and len(words) >= 2:
        p = _person(d, c.text, (c.start, c.end))
        owner = m.group(1).strip()
        of_key = None
        if owner:
            o_start = c.end + m.start(1)
            place = gazetteer().demonym(owner)
            if place:
                of_key = _country(d, place, (o_start, o_start + len(owner)))
            else:
                of_key = _org(d, owner, (o_start, o_start + len(owner)), _org_kind(owner)).key
        t_start = c.end + 2 + len(m.group().split(" ")[1]) + 1  # the title without its article
        t_end = c.end + m.end(2)
        p.roles.append((text[t_start:t_end], of_key, (t_start, t_end)))
        return True
    return False


def _adjectival(words, text: str, end: int) -> bool:
    """"East Asian newspaper": a compass word or demonym in front of a lower-case noun, not a name."""
    first = words[0][2].lower()
    nxt = re.match(r" ([a-z]+)", text[end:end + 30])
    return (first in COMPASS or gazetteer().demonym(words[0][2]) is not None) and nxt is not None


def _place_or_org(d: Draft, c: Chunk, words, countries: set[str]) -> bool:
    g = gazetteer()
    text, span, name = d.text, (c.start, c.end), c.text
    last = words[-1][2].lower()
    preceded_by_the = text[max(0, c.start - 4):c.start].lower() == "the "
    after = text[c.end:c.end + 20]
    place = g.country(name)
    if place:
        _country(d, place, span)
        return True
    n_dem, dem = _demonym_prefix(words)
    if dem and n_dem == len(words):
        # "French newspaper", "Serbian cinema": an adjective never makes a country on its own; it is kept as a
        # mention of a country the text makes otherwise (by name, a title or an institution), see _attach_demonyms.
        d.bare_demonyms.append((dem, span))
        return True
    if last == "church" and DENOMINATION_WORDS & {w[2].lower() for w in words}:
        # "the Serbian Orthodox Church" is a body (a denomination), not a building.
        org = _org(d, name, span, "other-organization")
        if dem:
            d.bare_demonyms.append((dem, (words[0][0], words[n_dem - 1][1])))
            org.jurisdiction = dem.name  # resolved to the country's key in _attach_demonyms
        return True
    if words[0][2].lower() in FACILITY_FIRST and len(words) >= 2 and not g.city(name, countries):
        # "Port Botany", "Temple of Literature", "Port of Sines": a built site named by its kind first.
        _place(d, _with_facility_noun(d, c), "facility", (c.start, c.end + _facility_tail(text, c.end)))
        return True
    region = re.match(r" (" + "|".join(REGION_WORDS) + r")\b", after)
    if region and not _org_kind(name):
        _place(d, f"{name} {region.group(1)}", REGION_WORDS[region.group(1)], (c.start, c.end + region.end()))
        return True
    if last in FACILITY_WORDS and len(words) >= 2:
        _place(d, name, "facility", span)
        return True
    if _facility_tail(text, c.end) and not g.country(name) and not c.sentence_initial:
        # "the Port Botany container terminal", "the Vostochny spaceport": a name with a facility noun after it.
        _place(d, _with_facility_noun(d, c), "facility", (c.start, c.end + _facility_tail(text, c.end)))
        return True
    if last in REGION_WORDS and len(words) >= 2:
        _place(d, name, REGION_WORDS[last], span)
        return True
    if all(w[2].lower() in COMPASS | CONTINENTS for w in words) and (len(words) >= 2 or last in CONTINENTS):
        _place(d, name, "region", span)
        return True
    kind = _org_kind(name)
    if kind and len(words) >= 2:
        _org(d, name, span, kind)
        if re.match(r" headquarters\b", after):
            _place(d, f"{name} headquarters", "facility", (c.start, c.end + 13))
        return True
    if preceded_by_the and len(words) == 1 and last.endswith("s") and not c.sentence_initial:
        _place(d, name, "other-place", span)  # "the Andes", "the Balkans": plural proper names are places
        return True
    if not any(p.name and name in p.name.split() for p in d.persons):
        # A city in a country the text names beats a subdivision; a subdivision needs its country named.
        city = g.city(name, countries)
        sub = g.subdivision(name, countries)
        if city and (city.country in countries or not sub):
            _place(d, city.name, "city", span, city if city.geonames else None)
            return True
        if sub:
            _place(d, name, "region", span, sub)
            return True
    sent = d.sentence_at(c.start)
    ctx = _PUBLICATION_CONTEXT.search(text[sent.start:c.end])
    if ctx and ctx.end() == c.end - sent.start and len(words) >= 2:
        _org(d, name, span, "publication")
        return True
    if re.match(r",? (?:reported|said|wrote|added)\b", after) and preceded_by_the and len(words) >= 2:
        _org(d, name, span, "publication")
        return True
    if preceded_by_the and len(words) == 1 and not c.sentence_initial:
        # "the Kremlin": a single capitalised word after "the" that is no place or person is a body.
        if not any(p.name and name in p.name.split() for p in d.persons):
            _org(d, name, span, None)
        return True
    return False


_ORG_HEADS = {"university", "ministry", "bank", "council", "institute", "committee", "party", "union", "agency",
              "office", "department", "commission", "court", "academy", "federation", "association"}


def _org_kind(name: str) -> Optional[str]:
    words = name.lower().split()
    if "development" in words and words[-1] == "bank":
        return "international-body"
    if len(words) >= 3 and words[0] in _ORG_HEADS and words[1] == "of":  # "University of Coimbra"
        return ORG_WORDS.get(words[0], "other-organization")
    return ORG_WORDS.get(words[-1]) if words else None


def _country(d: Draft, place, span: Span) -> str:
    return _place(d, place.name, "country", span, place).key


def _place(d: Draft, name: str, kind: str, span: Span, gaz=None) -> PlaceD:
    for p in d.places:
        if p.name == name:
            if span not in p.spans:
                p.spans.append(span)
            return p
    p = PlaceD(name, kind, [span], gaz)
    p.key = d.unique_key(slug(name))
    d.places.append(p)
    return p


def _org(d: Draft, name: str, span: Span, kind: Optional[str]) -> OrgD:
    for o in d.orgs:
        if o.name == name:
            if span not in o.spans:
                o.spans.append(span)
            return o
    o = OrgD(name, [span], kind)
    o.key = d.unique_key(slug(name))
    d.orgs.append(o)
    return o


def _person(d: Draft, name: str, span: Span) -> PersonD:
    for p in d.persons:
        if p.name == name:
            if span not in p.spans:
                p.spans.append(span)
            return p
    p = PersonD(name, [span])
    p.key = d.unique_key(slug(name))
    d.persons.append(p)
    return p


def _short_mention(d: Draft, c: Chunk) -> None:
    """A single name that repeats one word of exactly one known person's name is that person ("Putin")."""
    if " " in c.text:
        return
    owners = [p for p in d.persons if p.name and c.text in p.name.split() and c.text != p.name]
    if len(owners) == 1:
        p = owners[0]
        if c.text not in p.aliases:
            p.aliases.append(c.text)
        p.spans.append((c.start, c.end))


def _institutions(d: Draft, text: str) -> None:
    """"the Russian authorities", "the Canadian government": a body of the country the demonym names."""
    inst = "|".join(sorted(INSTITUTIONS, key=len, reverse=True))
    # "the" is optional: "according to Australian government figures" names the body too.
    for m in re.finditer(rf"\b(?:[Tt]he )?((?:{_CAP} )?{_CAP}) ({inst})\b", text):
        place = gazetteer().demonym(m.group(1))
        if not place:
            continue
        country = _country(d, place, (m.start(1), m.end(1)))
        org = _org(d, f"{m.group(1)} {m.group(2)}", (m.start(), m.end()), INSTITUTIONS[m.group(2)])
        org.jurisdiction = country


def _facility_tail(text: str, end: int) -> int:
    """Length of a lower-case facility noun right after a name (" container terminal"), or 0."""
    nouns = "|".join(sorted(FACILITY_NOUNS, key=len, reverse=True))
    m = re.match(rf" (?:{nouns})\b", text[end:end + 30])
    return m.end() if m else 0


def _with_facility_noun(d: Draft, c: Chunk) -> str:
    return d.text[c.start:c.end + _facility_tail(d.text, c.end)]


def _surnames_not_places(d: Draft) -> None:
    """A one-word "city" that is a word of a person's name ("Tavares said") is that person, not a place."""
    for p in list(d.places):
        if p.kind != "city" or " " in p.name:
            continue
        owners = [q for q in d.persons if q.name and p.name in q.name.split() and q.name != p.name]
        named_alone = [s for s in p.spans if d.text[s[0]:s[1]] == p.name]
        if len(owners) == 1 and len(named_alone) == len(p.spans):
            q = owners[0]
            q.aliases += [] if p.name in q.aliases else [p.name]
            q.spans += p.spans
            d.places.remove(p)


_PUBLICATION_NOUNS = r"broadcaster|newspaper|news agency|agency|daily|weekly|channel|network|outlet|paper|tabloid|" \
                     r"magazine|website|news site|radio|television"


def _publications_by_noun(d: Draft, text: str) -> None:
    """"the Vietnamese state broadcaster VTV", "the newspaper Le Monde": a name right after a publication noun."""
    for m in re.finditer(rf"\b(?:{_PUBLICATION_NOUNS}) ({_CAP}(?: {_CAP}){{0,3}})", text):
        name = m.group(1).rstrip(".")
        if d.item_at(m.start(1)) is not None or name.lower() in FUNCTION_WORDS:
            continue
        org = _org(d, name, (m.start(1), m.start(1) + len(name)), "publication")
        before = re.search(rf"({_CAP}) (?:[a-z]+ )?(?:{_PUBLICATION_NOUNS}) $", text[max(0, m.start() - 40):m.start(1)])
        place = gazetteer().demonym(before.group(1)) if before else None
        if place:
            org.jurisdiction = place.name


def _attach_demonyms(d: Draft) -> None:
    """Bare demonyms become evidence of countries the text makes otherwise; jurisdictions by name become keys."""
    by_name = {p.name: p for p in d.places if p.kind == "country"}
    for place, span in d.bare_demonyms:
        country = by_name.get(place.name)
        if country is not None and span not in country.spans:
            country.spans.append(span)
    for o in d.orgs:
        if o.jurisdiction and not any(p.key == o.jurisdiction for p in d.places):
            o.jurisdiction = by_name[o.jurisdiction].key if o.jurisdiction in by_name else None


def _nest_places(d: Draft, text: str, countries: set[str]) -> None:
    """part_of from the gazetteer (a city's or region's country, when the text names it) and from "X in (the) Y"."""
    by_code = {p.gaz.iso: p.key for p in d.places if p.kind == "country" and p.gaz and p.gaz.iso}
    for p in d.places:
        if p.kind in ("city", "region") and p.gaz and p.gaz.country in by_code and p.gaz.country != p.gaz.iso:
            p.part_of = by_code[p.gaz.country]
    ends = {s: p for p in d.places for s in p.spans}
    for (s, e), p in ends.items():
        m = re.match(r" (?:in|near|outside) (?:the )?", text[e:e + 15])
        if not m or p.kind not in ("facility", "city", "region", "other-place"):
            continue
        container = next((q for (s2, e2), q in ends.items() if s2 == e + m.end() and q is not p), None)
        if container and p.part_of is None and _rank(container.kind) > _rank(p.kind):
            p.part_of = container.key


def _rank(kind: str) -> int:
    return {"facility": 0, "other-place": 1, "city": 2, "region": 3, "country": 4}.get(kind, 0)
