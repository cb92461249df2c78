"""The closed lists of values dossier uses (kinds, roles, certainty ...), each value documented.

Every value becomes an IRI in dossier's vocabulary (``dos:possible``,
``dos:handover``), so its comment here is the ``rdfs:comment`` published
for it. Values are unique across lists, so one IRI never means two things.
"""

from __future__ import annotations

from enum import Enum
from typing import Type

__all__ = [
    "Basis", "Capacity", "Certainty", "EventKind", "IdScheme", "OrgKind", "PlaceKind",
    "Polarity", "RoleType", "Tense", "VALUE_DOCS", "ENUMS",
]

VALUE_DOCS: dict[str, str] = {}
ENUMS: list[Type[Enum]] = []


def _documented(name: str, doc: str, values: dict[str, str]) -> Type[Enum]:
    for value in values:
        if value in VALUE_DOCS:
            raise ValueError(f"value {value!r} of {name} is already used by another list")
    VALUE_DOCS.update(values)
    cls = Enum(name, {v.replace("-", "_"): v for v in values}, type=str)  # type: ignore[misc]
    cls.__doc__ = doc
    cls.__str__ = lambda self: self.value  # type: ignore[method-assign]
    ENUMS.append(cls)
    return cls


Certainty = _documented("Certainty", "How sure the source is of a claim (GRaSP factuality).", {
    "certain": "The source presents the claim as certain.",
    "probable": "The source presents the claim as probable (\"likely\", \"would\").",
    "possible": "The source presents the claim as possible (\"could\", \"may\", \"suggests\").",
    "underspecified": "The text does not say how sure the source is.",
})
Polarity = _documented("Polarity", "Whether a claim affirms or denies its proposition.", {
    "positive": "The claim affirms its proposition.",
    "negative": "The claim denies its proposition.",
})
Tense = _documented("Tense", "Whether a claim is about the future or not (GRaSP time).", {
    "future": "The claim is about something that has not happened yet.",
    "non-future": "The claim is about the present or the past.",
})
Basis = _documented("Basis", "Whether the text states a fact or only implies it.", {
    "stated": "The text states this in so many words.",
    "implied": "The text implies this but never states it; a reader infers it.",
})
Capacity = _documented("Capacity", "The part an agent plays in passing on a claim.", {
    "claimant": "The agent who makes the claim.",
    "reporter": "The agent, often a publication, that reported the claim of another.",
})
PlaceKind = _documented("PlaceKind", "What kind of place a location is.", {
    "country": "A sovereign state or country.",
    "region": "An administrative or geographic region within or across countries.",
    "city": "A city, town or capital.",
    "facility": "A built site: a cosmodrome, a port, a palace, a station.",
    "other-place": "Any other kind of place.",
})
OrgKind = _documented("OrgKind", "What kind of body an organization is.", {
    "publication": "A newspaper, agency or broadcaster that publishes news.",
    "government": "A national or local government, or its authorities as a whole.",
    "government-body": "An office, ministry or seat of government (the Kremlin).",
    "military": "An armed force or military unit.",
    "company": "A business.",
    "international-body": "An organization of several states.",
    "political-party": "A political party.",
    "other-organization": "Any other kind of organization.",
})
EventKind = _documented("EventKind", "What kind of event an event is.", {
    "visit": "A visit to a country or place, with everything that happens during it.",
    "travel": "Travel from one place to another.",
    "arrival": "An arrival at a place.",
    "departure": "A departure from a place.",
    "meeting": "A meeting of two or more parties.",
    "talks": "Talks or negotiations.",
    "handover": "A handing over of an object, such as a gift.",
    "ceremony": "A ceremony.",
    "thanks": "An expression of thanks.",
    "statement": "A public statement or remarks.",
    "agreement": "The signing or making of an agreement.",
    "military-support": "The offer or provision of military support.",
    "military-aid": "The supply of military aid.",
    "technology-transfer": "The provision of access to technology.",
    "cooperation": "Cooperation or closer alignment between parties.",
    "other-event": "Any other kind of event.",
})
RoleType = _documented("RoleType", "The part an actor plays in an event (SEM role type).", {
    "agent": "The actor who does or starts the event.",
    "host": "The actor who hosts the event.",
    "guest": "The visiting actor.",
    "traveller": "The actor who travels.",
    "giver": "The actor who gives something.",
    "recipient": "The actor who receives something.",
    "addressee": "The actor addressed, thanked or spoken to.",
    "beneficiary": "The actor for whose benefit the event happens.",
    "attendee": "An actor who takes part, in no more specific role.",
})
IdScheme = _documented("IdScheme", "Where an external identifier comes from.", {
    "geonames": "A GeoNames geonameid.",
    "wikidata": "A Wikidata item id (Q...).",
    "iso3166-1": "An ISO 3166-1 alpha-2 country code.",
    "iso3166-2": "An ISO 3166-2 subdivision code.",
})
