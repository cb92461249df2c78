"""Offices of persons and words that refer back to named items.

Titles come before a name ("Russian President Vladimir Putin", "Ghana's
Foreign Minister X", "the Vatican spokesman, X,") or after it as an
apposition ("X, the country's energy minister,", "X, a senior fellow at the
Y Institute,", "X, the bishop of Copenhagen,"). Whose office it is comes from
a demonym, a possessive ("Ghana's", "the country's"), "of <country>" after
the name, or the body after "at"/"for". Later "the pontiff", "the ministry",
"the agency" are mentions of the one item they can name, and nothing when
they could name two.
"""

from __future__ import annotations

import re
from typing import Optional

from .draft import Draft, Span
from .gazetteer import gazetteer
from .items import CAP, country, demonym_prefix, org, org_kind, person, place
from .lexicon import TITLE_HEADS, TITLE_WORDS
from .text import Chunk

__all__ = ["person_with_title", "refer_back"]

# Lower-case synonyms of title heads ("the pontiff" is the pope).
_SYNONYMS = {"pontiff": "pope", "premier": "prime minister"}
_POSSESSIVE = re.compile(rf"(?:\b(the country)|({CAP}(?: {CAP})?))['’]s $")


def _owner_before(d: Draft, start: int) -> Optional[str]:
    """The country of "Ghana's Foreign Minister" or "the country's energy minister" (the latest country named)."""
    text = d.text
    m = _POSSESSIVE.search(text[max(0, start - 40):start])
    if m is None:
        return None
    s0 = max(0, start - 40) + m.start()
    return _possessor(d, m.group(1), m.group(2), s0)


def _possessor(d: Draft, the_country: Optional[str], name: Optional[str], s0: int) -> Optional[str]:
    if the_country:
        before = [(s, p) for p in d.places if p.kind == "country" for s, _ in p.spans if s < s0]
        if not before:
            return None
        latest = max(before, key=lambda x: x[0])[1]
        latest.spans.append((s0, s0 + len(the_country)))
        return latest.key
    found = gazetteer().country(name) if name else None
    return country(d, found, (s0, s0 + len(name))) if found else None


def _split_of(d: Draft, name_words):
    """"Khalid al-Mansoori of Qatar": the name without "of <country>", and the country's key."""
    for k, w in enumerate(name_words):
        if k > 0 and w[2] == "of" and k + 1 < len(name_words):
            tail = name_words[k + 1:]
            found = gazetteer().country(d.text[tail[0][0]:tail[-1][1]])
            if found:
                return name_words[:k], country(d, found, (tail[0][0], tail[-1][1]))
    return name_words, None


def person_with_title(d: Draft, c: Chunk, words) -> bool:
    """"Russian President Vladimir Putin", "North Korean leader Kim Jong-un", "Sergei Shoigu, the ... minister"."""
    text = d.text
    n_dem, dem_place = demonym_prefix(words)
    i = n_dem
    while i < len(words) and words[i][2].lower() in TITLE_WORDS:
        i += 1
    title_words = words[n_dem:i]
    if title_words and title_words[-1][2].lower() in TITLE_HEADS and len(words) - i >= 1:
        of_key = country(d, dem_place, (words[0][0], words[n_dem - 1][1])) if dem_place else _owner_before(d, c.start)
        name_words, of_tail = _split_of(d, words[i:])
        title_span = (words[0][0], title_words[-1][1])
        p = person(d, text[name_words[0][0]:name_words[-1][1]], (name_words[0][0], name_words[-1][1]))
        p.roles.append((text[title_span[0]:title_span[1]], of_key or of_tail, title_span))
        return True
    if n_dem or words[0][2].lower() in TITLE_WORDS:
        return False
    sent = d.sentence_at(c.start)
    before = text[sent.start:c.start]
    # Lower-case title just before the name: "North Korean leader Kim Jong-un".
    m = re.search(r"(?<!\S)((?:[a-z]+ ){0,2}?[a-z]+) $", before)
    if m and m.group(1).split()[-1] in TITLE_HEADS and all(w in TITLE_WORDS for w in m.group(1).split()):
        p = person(d, c.text, (c.start, c.end))
        start, of_key = m.start(1) + sent.start, None
        prev = next((x for x in d.mentions(0, start) if x.end == start - 1), None)
        dem = re.search(rf"((?:{CAP} )?{CAP}) $", before[:m.start(1)])
        if dem and gazetteer().demonym(dem.group(1)):
            s0 = sent.start + dem.start(1)
            of_key = country(d, gazetteer().demonym(dem.group(1)), (s0, s0 + len(dem.group(1))))
            start = s0
        elif prev is not None:
            start = prev.start
        p.roles.append((text[start:c.start - 1], of_key, (start, c.start - 1)))
        return True
    # A title set off before the name: "the Vatican spokesman, José Ramírez,", "The minister, Farhana Akter,".
    m = re.search(rf"\b[Tt]he ((?:{CAP} )?)((?:[a-z-]+ ){{0,2}}?([a-z-]+)), $", before)
    if m and m.group(3) in TITLE_HEADS and all(w in TITLE_WORDS for w in m.group(2).split()) \
            and text[c.end:c.end + 1] == "," and len(words) >= 2:
        p = person(d, c.text, (c.start, c.end))
        t0 = sent.start + m.start(1)
        owner = d.item_at(t0) if m.group(1) else None
        p.roles.append((text[t0:sent.start + m.end(2)], owner.key if owner else None, (t0, sent.start + m.end(2))))
        return True
    return _apposition(d, c, words, sent.end)


_APPOSITION = re.compile(
    rf", (?:(?P<poss>the country|{CAP}(?: {CAP})?)['’]s |the |an? )(?P<owner>(?:{CAP} )*)"
    rf"(?P<title>(?:[a-z-]+ ){{0,2}}(?P<head>[a-z-]+))"
    rf"(?: (?P<prep>of|at|for|with) (?:the )?(?P<body>{CAP}(?: (?:of |and |for )?{CAP})*))?"
    rf"(?=[,.;]| and | who )")


def _apposition(d: Draft, c: Chunk, words, sent_end: int) -> bool:
    """"Sergei Shoigu, the Russian defense minister,", "X, a senior fellow at the Y Institute,"."""
    text = d.text
    m = _APPOSITION.match(text, c.end, sent_end)
    if not m or m.group("head") not in TITLE_HEADS or len(words) < 2:
        return False
    p = person(d, c.text, (c.start, c.end))
    of_key, t_start, t_end = None, m.start("title"), m.end("title")
    if m.group("poss"):
        the = m.group("poss") == "the country"
        of_key = _possessor(d, m.group("poss") if the else None, None if the else m.group("poss"), m.start("poss"))
    owner = m.group("owner").strip()
    if owner and gazetteer().demonym(owner):
        # "the Russian defense minister": the demonym names the office's country and is part of the title.
        of_key = country(d, gazetteer().demonym(owner), (m.start("owner"), m.start("owner") + len(owner)))
        t_start = m.start("owner")
    elif owner and d.item_at(m.start("owner")) is not None:
        of_key = d.item_at(m.start("owner")).key
        t_start = m.start("owner")
    if m.group("body"):
        b0, b1 = m.start("body"), m.end("body")
        body = d.item_at(b0)
        city = gazetteer().city(m.group("body"), set()) if body is None and m.group("prep") == "of" else None
        if city is not None:
            body = place(d, city.name, "city", (b0, b1), city if city.geonames else None)
        if body is None and org_kind(m.group("body")):
            body = org(d, m.group("body"), (b0, b1), org_kind(m.group("body")))
        if body is not None:
            of_key = of_key or body.key
            if m.group("prep") == "of":  # "bishop of Copenhagen": the place is part of the office's name
                t_end = b1
    p.roles.append((text[t_start:t_end], of_key, (t_start, t_end)))
    return True


_BACK = re.compile(r"\b[Tt]he ([a-z]+)\b(?!,? [A-Z\u00C0-\u024F])")
_ITEM_HEADS = {"ministry", "agency", "institute", "library", "museum", "airport", "terminal", "university",
               "company", "bank", "council", "commission", "committee", "palace", "cathedral", "monastery"}


def refer_back(d: Draft, nouns: dict[str, str]) -> None:
    """"the pontiff" (the one pope), "the ministry" (the latest ministry), "the agency" (the agency named so)."""
    text = d.text
    for m in _BACK.finditer(text):
        noun = m.group(1)
        span: Span = (m.start(), m.end())
        if d.item_at(m.start(1)) is not None or text[m.end():m.end() + 3] == " of":
            continue
        head = _SYNONYMS.get(noun, noun)
        if head in TITLE_HEADS or noun in _SYNONYMS:
            holders = [p for p in d.persons if p.name and any(
                t.lower() == head or t.lower().endswith(" " + head) for t, _, _ in p.roles)]
            if len(holders) == 1 and holders[0].spans[0][0] < m.start():
                holders[0].spans.append(span)
            continue
        if noun in nouns:
            item = d.item(nouns[noun])
        elif noun in _ITEM_HEADS:
            named = [(s, it) for it in [*d.orgs, *d.places] for s, _ in it.spans
                     if s < m.start() and it.name and noun in it.name.lower().split()]
            item = max(named, key=lambda x: x[0])[1] if named else None
        else:
            continue
        if item is not None and span not in item.spans:
            item.spans.append(span)
