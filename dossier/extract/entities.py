"""Persons (with titles and short mentions folded in), unnamed sources, organizations and places.

Capitalised chunks are classified in this order: titled persons, the
publication of a "(Source: X)" line, gazetteer places, place-kind and
organization words, "the X" bodies; then untitled multi-word names are
persons and single words that repeat part of a person's name are that person.
"""

from __future__ import annotations

import re

from .draft import Draft, OrgD, Span, slug
from .gazetteer import gazetteer
from .items import CAP as _CAP
from .items import country as _country
from .items import demonym_prefix as _demonym_prefix
from .items import org as _org
from .items import org_kind as _org_kind
from .items import person as _person
from .items import place as _place
from .lexicon import (BUSINESS_PARTS, COMMODITY_WORDS, COMPASS, CONTINENTS, DENOMINATION_WORDS, FACILITY_FIRST,
                      FACILITY_NOUNS, FACILITY_WORDS, INSTITUTIONS, REGION_WORDS, STREET_FIRST, STREET_WORDS)
from .sources import find_unnamed_sources
from .text import FUNCTION_WORDS, WORD, Chunk, name_chunks
from .titles import person_with_title, refer_back

__all__ = ["find_entities"]

_SOURCE_LINE = re.compile(r"\((?:Source|Sources|Via)s?:\s*([^)]+)\)")
_PUBLICATION_CONTEXT = re.compile(rf"(?:according to|reported in|reported by|published in|told|in an interview with)"
                                  rf" (?:the )?(({_CAP})(?: {_CAP})*)$")


def find_entities(d: Draft) -> None:
    """Fill ``d.persons``, ``d.orgs`` and ``d.places`` from the text."""
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
        if _publication_in_context(d, c) or person_with_title(d, c, words):
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
    _media(d, text)
    refer_back(d, d.nouns)
    find_unnamed_sources(d)
    _attach_demonyms(d)
    _nest_places(d, text, countries)
    _jurisdictions(d, text)


_MEDIA = re.compile(r"\b(?:[Ll]ocal|[Ss]tate|[Ss]tate-run|[Oo]fficial|[Nn]ational|[Ff]oreign|[Ii]nternational) media\b")


def _media(d: Draft, text: str) -> None:
    """"Local media", "state media": unnamed publications, one item for each phrase."""
    for m in _MEDIA.finditer(text):
        phrase = m.group()[0].lower() + m.group()[1:]
        o = next((o for o in d.orgs if o.name is None and o.description == phrase), None)
        if o is None:
            o = OrgD(None, [], "publication", description=phrase)
            o.key = d.unique_key(slug(phrase))
            d.orgs.append(o)
        o.spans.append((m.start(), m.end()))


def _jurisdictions(d: Draft, text: str) -> None:
    """A ministry's country from "Qatar's Ministry of Energy" or "In Dhaka, the Ministry ..."; a bare "the
    government" is the government of the latest such body's country."""
    for o in d.orgs:
        if o.kind not in ("government", "government-body") or o.jurisdiction or not o.spans or o.name is None:
            continue
        s0 = o.spans[0][0]
        poss = re.search(rf"({_CAP}(?: {_CAP})?)['’]s (?:the )?$", text[max(0, s0 - 30):s0])
        found = gazetteer().country(poss.group(1)) if poss else None
        if found:
            o.jurisdiction = next((p.key for p in d.places if p.name == found.name), None)
            continue
        sent = d.sentence_at(s0)
        lead = re.match(rf"In ({_CAP}(?: {_CAP})?),", sent.text)
        city = next((p for p in d.places if lead and p.name == lead.group(1) and p.kind == "city"), None)
        if city is not None and city.part_of:
            o.jurisdiction = city.part_of
    bodies = sorted(((o.spans[0][0], o) for o in d.orgs
                     if o.jurisdiction and o.kind in ("government", "government-body")), key=lambda x: x[0])
    for m in re.finditer(r"\b[Tt]he government\b", text):
        if d.item_at(m.start()) is not None:
            continue
        prior = [o for s, o in bodies if s < m.start()]
        if not prior:
            continue
        gov = next((o for o in d.orgs if o.name == "government" and o.jurisdiction == prior[-1].jurisdiction), None)
        if gov is None:
            gov = OrgD("government", [], "government", prior[-1].jurisdiction)
            gov.key = d.unique_key(f"government-{prior[-1].jurisdiction}")
            d.orgs.append(gov)
        gov.spans.append((m.start(), m.end()))


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


def _shape_says_what(d: Draft, c: Chunk, words) -> bool:
    """Names whose words say what they are: streets and squares, adjectives, national churches, companies."""
    text, span = d.text, (c.start, c.end)
    low = [w[2].lower() for w in words]
    if len(words) >= 2 and (low[-1] in STREET_WORDS or (low[0] in STREET_FIRST and low[1] not in ("of",))):
        # "Søren Kierkegaard Plads", "Piazza Navona": a street or square, never a person or a building.
        _place(d, c.text, "other-place", span)
        return True
    if len(words) == 1 and (low[0] in DENOMINATION_WORDS or re.search(r"-[a-z]+$", c.text)):
        return True  # "the Lutheran churches", "the Polish-born bishop": adjectives, not bodies
    if len(words) >= 3 and low[0] == "church" and low[1] == "of":
        # "the Church of Denmark": a national church is a body of its country.
        o = _org(d, c.text, span, "other-organization")
        found = gazetteer().country(text[words[2][0]:words[-1][1]])
        o.jurisdiction = found.name if found else None  # resolved to the country's key in _attach_demonyms
        return True
    parts = re.findall(r"[A-Z][a-z]+", c.text)
    if len(words) == 1 and len(parts) >= 2 and "".join(parts) == c.text and (
            parts[-1].lower() in BUSINESS_PARTS or parts[0].lower() in BUSINESS_PARTS):
        _org(d, c.text, span, "company")  # "QatarEnergy", "AirAsia": one word of two capitalised parts
        return True
    return False


_PUBLICATION_NOUNS = r"broadcaster|newspaper|news agency|agency|daily|weekly|channel|network|outlet|paper|tabloid|" \
                     r"magazine|website|news site|radio|television"
_PUB_AFTER = re.compile(rf", (?:the|an?) (?:[\w-]+ ){{0,2}}?({_PUBLICATION_NOUNS})\b")


def _publication_in_context(d: Draft, c: Chunk) -> bool:
    """"the state-run news agency Bangladesh Sangbad Sangstha (BSS)", "X, the state news agency": a publication,
    however like a person's name it looks; an acronym in brackets after it is another name of it."""
    text = d.text
    before = re.search(rf"\b({_PUBLICATION_NOUNS}) $", text[max(0, c.start - 30):c.start])
    after = _PUB_AFTER.match(text, c.end)
    if (before is None and after is None) or len(c.text) < 2:
        return False
    o = _org(d, c.text, (c.start, c.end), "publication")
    d.nouns[(before or after).group(1).split()[-1]] = o.key
    acro = re.match(r" \(([A-Z]{2,6})\)", text[c.end:c.end + 10])
    if acro:
        o.aliases.append(acro.group(1))
        for m in re.finditer(rf"\b{acro.group(1)}\b", text):
            if (m.start(), m.end()) not in o.spans:
                o.spans.append((m.start(), m.end()))
    return True


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
    if _shape_says_what(d, c, words):
        return True
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
    if re.match(rf" (?:{'|'.join(COMMODITY_WORDS)})\b", after):
        return True  # "Brent crude", "Henry Hub prices": a commodity or index named after a place is no place
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
    """Jurisdictions given by a country's name become its key, or nothing when the text makes no such country.

    A bare adjective ("Indian drugmakers", "Polish-born") is not a mention of its country: curated dossiers
    keep to the country's name (and "the country"), so ``d.bare_demonyms`` is kept apart and never evidence.
    """
    by_name = {p.name: p for p in d.places if p.kind == "country"}
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
