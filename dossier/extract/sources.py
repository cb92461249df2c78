"""Unnamed sources: persons the article does not name ("an analyst from Seoul", "a senior Australian official",
"two European diplomats", "officials in both capitals", "observers").

A singular source is an indefinite noun phrase whose head is a source noun
(:data:`~.lexicon.SOURCE_NOUNS`), with describing words before it and a
place after it; later "the official" mentions are the same person. A plural
noun is a group only when something says it is people who speak or are
counted: a number or quantifier before it ("two diplomats"), a place after it
("officials from Belgrade"), a reporting verb after it ("officials ...
denied"), or "according to" before it. Anything less is left out: a
bare plural noun is more often a topic than a source.
"""

from __future__ import annotations

import re

from .draft import Draft, PersonD, slug
from .gazetteer import gazetteer
from .lexicon import QUANTIFIERS, REPORTING_VERBS, SOURCE_MODIFIERS, SOURCE_NOUNS

__all__ = ["find_unnamed_sources"]

_CAP = r"[A-Z\u00C0-\u00DE\u0100-\u024F][\w'’.-]*"
_SINGULAR_NOUNS = sorted(SOURCE_NOUNS - {"people", "person", "group"}, key=len, reverse=True)
_PLURAL_NOUNS = sorted(SOURCE_NOUNS - {"people", "person"}, key=len, reverse=True)
# A describing word: one of the generic modifiers, or a capitalised word (checked to be a demonym).
_MOD = r"(?:[a-z][\w-]*|[A-Z][a-z]+)"
_PLACE_AFTER = rf"(?: (?:from|in|at|based in|close to|on) (?:the )?(?:both [a-z]+|{_CAP}(?: (?:of )?{_CAP})*))"
_SINGULAR = re.compile(rf"\b(?:[Aa]n?|[Oo]ne) ((?:{_MOD} ){{0,3}}?)({'|'.join(_SINGULAR_NOUNS)})\b({_PLACE_AFTER})?")
_DEFINITE = re.compile(rf"\b[Tt]he ({'|'.join(_SINGULAR_NOUNS)})\b(?! (?:of|for)\b)")
_PLURAL = re.compile(rf"\b((?:{_MOD} ){{0,3}}?)([{''.join(sorted({n[0] for n in _PLURAL_NOUNS}))}"
                     rf"{''.join(sorted({n[0].upper() for n in _PLURAL_NOUNS}))}]"
                     rf"(?:{'|'.join(n[1:] for n in _PLURAL_NOUNS)})s)\b({_PLACE_AFTER})?")
_VERB_AFTER = re.compile(r"^(?:,[^,]{0,60},)? (?:(?:also|have|had|has|long|privately|publicly|all|both|"
                         r"repeatedly|quickly|swiftly|strongly|flatly) )*(\w+)")


def _modifiers_ok(mods: str) -> bool:
    """Every describing word is a generic modifier or a demonym ("senior Australian")."""
    for w in mods.split():
        if w.lower() not in SOURCE_MODIFIERS and not (w[0].isupper() and gazetteer().demonym(w)):
            return False
    return True


def _inside_known(d: Draft, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in d.mentions(max(0, start - 200), end + 200)
               if m.kind in ("person", "org"))


def find_unnamed_sources(d: Draft) -> None:
    """Add unnamed persons and groups to ``d.persons``."""
    text = d.text
    for m in _SINGULAR.finditer(text):
        if not _modifiers_ok(m.group(1)) or _inside_known(d, m.start(), m.end()):
            continue
        # ", a former diplomat in Geneva," after a name describes that person: no one new.
        if re.search(r"[\w.]\s*,\s*$", text[max(0, m.start() - 3):m.start()]) and \
                any(x.end == text.rfind(",", 0, m.start()) for x in d.mentions(0, m.start()) if x.kind == "person"):
            continue
        noun = m.group(2)
        p = PersonD(None, [(m.start(), m.end())], description=m.group()[0].lower() + m.group()[1:], noun=noun)
        p.key = d.unique_key(slug(noun))
        d.persons.append(p)
        for dm in _DEFINITE.finditer(text, m.end()):
            if dm.group(1) == noun:
                p.spans.append((dm.start(), dm.end()))
    for m in _PLURAL.finditer(text):
        mods, noun = m.group(1), m.group(2).lower()
        if _inside_known(d, m.start(2), m.end()):
            continue
        # Drop leading words that do not describe the people ("the", "that", "claims, that").
        words = mods.split()
        while words and not _modifiers_ok(words[0]):
            words = words[1:]
        start = m.start(2) - len(" ".join(words)) - (1 if words else 0)
        counted = bool(words) and words[0].lower() in QUANTIFIERS
        placed = m.group(3) is not None
        verb = _VERB_AFTER.match(text[m.end():m.end() + 80])
        said = verb is not None and verb.group(1).lower() in REPORTING_VERBS
        before = text[max(0, start - 20):start].lower()
        if not (counted or placed or said or before.endswith(("according to ", "which ", "cited "))):
            continue
        same = next((p for p in d.persons if p.plural and p.noun == noun and not placed and not counted), None)
        if same and not words:
            same.spans.append((start, m.end()))
            continue
        phrase = text[start:m.end()]
        p = PersonD(None, [(start, m.end())], description=phrase[0].lower() + phrase[1:], plural=True, noun=noun)
        p.key = d.unique_key(slug(noun))
        d.persons.append(p)
    for m in re.finditer(r"\bthe ([A-Z][a-z]+(?: [A-Z][a-z]+)?) people\b", text):
        place = gazetteer().demonym(m.group(1))
        country = next((p for p in d.places if place and p.kind == "country" and p.name == place.name), None)
        if country:
            country.spans.append((m.start(1), m.end(1)))
            p = PersonD(None, [(m.start(), m.end())], description=m.group(), plural=True, noun="people")
            p.key = d.unique_key(slug(m.group(1) + " people"))
            d.persons.append(p)
