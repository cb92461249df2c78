"""The extractor's working state: items found so far, each with its evidence spans, before they become models."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from .dates import DateMention
from .gazetteer import GazPlace
from .text import Sentence

__all__ = ["Span", "PersonD", "OrgD", "PlaceD", "EventD", "GiftD", "ClaimD", "Mention", "Draft", "slug"]

Span = tuple[int, int]


def slug(text: str) -> str:
    """A local-id segment from a name: ASCII letters, digits and hyphens ("Nguyễn Văn Thành" -> "nguyen-van-thanh")."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "item"


@dataclass
class PersonD:
    """A person found in the text; ``noun`` is the head of an unnamed source ("analyst")."""

    name: Optional[str]
    spans: list[Span]
    description: Optional[str] = None
    plural: bool = False
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, Optional[str], Span]] = field(default_factory=list)  # title, country key, span
    noun: Optional[str] = None
    key: str = ""


@dataclass
class OrgD:
    """An organization found in the text."""

    name: Optional[str]
    spans: list[Span]
    kind: Optional[str] = None
    jurisdiction: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    description: Optional[str] = None  # of an unnamed body ("local media")
    key: str = ""


@dataclass
class PlaceD:
    """A place found in the text, with what a gazetteer knows of it."""

    name: str
    kind: str
    spans: list[Span]
    gaz: Optional[GazPlace] = None
    part_of: Optional[str] = None
    key: str = ""


@dataclass
class EventD:
    """An event around a trigger word; hypothetical when only a claim contemplates it."""

    kind: str
    spans: list[Span]
    sentence: int
    trigger: Span
    participants: list[tuple[str, str]] = field(default_factory=list)  # actor key, role type
    place: Optional[str] = None
    time: Optional[DateMention] = None
    hypothetical: bool = False
    key: str = ""


@dataclass
class GiftD:
    """A gift: its object phrase, head noun, giver, recipient and the basis of the recipient."""

    name: str
    object_span: Span
    spans: list[Span]
    giver: str
    recipient: Optional[str] = None
    basis: Optional[str] = None
    occasion: Optional[str] = None
    meanings: list[Span] = field(default_factory=list)
    key: str = ""


@dataclass
class ClaimD:
    """An attributed claim found in a sentence."""

    span: Span
    claimant: str
    certainty: str
    tense: str
    polarity: str
    cues: list[Span]
    attribution_spans: list[Span] = field(default_factory=list)
    via: list[tuple[str, list[Span]]] = field(default_factory=list)  # publication key, evidence
    condition: Optional[Span] = None
    condition_event: Optional[str] = None
    about: list[str] = field(default_factory=list)
    extra: list[Span] = field(default_factory=list)
    key: str = ""


@dataclass
class Mention:
    """A span of the text that names an item (person, org or place) by key."""

    start: int
    end: int
    kind: str  # person, org, place
    key: str


@dataclass
class Draft:
    """Everything found so far in one article."""

    text: str
    sentences: list[Sentence]
    dates: list[DateMention] = field(default_factory=list)
    persons: list[PersonD] = field(default_factory=list)
    orgs: list[OrgD] = field(default_factory=list)
    places: list[PlaceD] = field(default_factory=list)
    events: list[EventD] = field(default_factory=list)
    gifts: list[GiftD] = field(default_factory=list)
    claims: list[ClaimD] = field(default_factory=list)
    sources: dict[int, str] = field(default_factory=dict)  # paragraph -> publication key of its "(Source: X)"
    source_spans: dict[int, Span] = field(default_factory=dict)
    narrated: set[int] = field(default_factory=set)  # sentences that report an event with a verb trigger
    passed_on: dict[Span, tuple[str, list[Span]]] = field(default_factory=dict)  # proposition -> "according to" org
    bare_demonyms: list = field(default_factory=list)  # (country, span) of adjectives that name no country alone
    nouns: dict[str, str] = field(default_factory=dict)  # common noun -> key of the item it introduced ("agency")

    def item_at(self, offset: int):
        """The person, organization or place with a mention covering ``offset``, or None."""
        m = next((m for m in self.mentions() if m.start <= offset < m.end), None)
        return self.item(m.key) if m else None

    def mentions(self, start: int = 0, end: int | None = None) -> list[Mention]:
        """Mentions of persons, organizations and places within ``start..end``, in text order."""
        end = len(self.text) if end is None else end
        out = []
        for kind, items in (("person", self.persons), ("org", self.orgs), ("place", self.places)):
            for item in items:
                for s, e in item.spans:
                    if start <= s and e <= end:
                        out.append(Mention(s, e, kind, item.key))
        return sorted(out, key=lambda m: (m.start, -m.end))

    def item(self, key: str):
        """The person, organization or place with ``key``."""
        for items in (self.persons, self.orgs, self.places):
            for it in items:
                if it.key == key:
                    return it
        return None

    def place_kind(self, key: str) -> Optional[str]:
        """The kind of the place with ``key``, or None when ``key`` is no place."""
        p = next((p for p in self.places if p.key == key), None)
        return p.kind if p else None

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset``."""
        return next(s for s in self.sentences if s.start <= offset < s.end + 1)

    def unique_key(self, base: str) -> str:
        """``base`` made unique among the keys given so far."""
        taken = {i.key for i in [*self.persons, *self.orgs, *self.places, *self.events, *self.gifts, *self.claims]}
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        return key
