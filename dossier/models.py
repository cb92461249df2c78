"""The pydantic models of a dossier: a news report and what it reports, each item anchored to the text.

Every field names its RDF term in its ``Annotated`` metadata (see
:mod:`dossier.terms`); every item carries :class:`Evidence`, spans of the
article. Items refer to each other by local id; nested nodes (evidence,
roles, times ...) get ids minted from their holder's, so nothing is a blank
node. Lists are kept in a canonical order, so equal dossiers serialize to
equal bytes.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, ClassVar, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .dates import PATTERNS, PartialDate, Precision, parse_partial_date
from . import terms as t
from .vocabulary import (
    Basis, Capacity, Certainty, EventKind, IdScheme, OrgKind, PlaceKind, Polarity, RoleType, Tense,
)

__all__ = [
    "Node", "Evidence", "Role", "Person", "Organization", "Identifier", "Geo", "Place", "Time",
    "CuratedTime", "Participation", "Event", "GiftObject", "Passage", "Condition", "Gift",
    "Attribution", "Claim", "Report", "ID_PATTERN", "ITEM_LISTS", "MODELS",
]

#: Local ids: segments of letters, digits, ``_ . -`` joined by ``/``; each segment starts
#: with a letter or digit, so an id is always a safe relative IRI (no ``:``, ``..`` or spaces).
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*(/[A-Za-z0-9][A-Za-z0-9_.\-]*)*$"
# BCP 47 language tags (RFC 5646), without grandfathered irregular tags.
LANGUAGE_PATTERN = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
    r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-x(-[A-Za-z0-9]{1,8})+)?$"
)
DECIMAL_PATTERN = r"^-?[0-9]{1,3}(\.[0-9]+)?$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]


class Node(BaseModel):
    """Base of every model: strict about unknown fields; ``id`` is the node's local id."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=False)

    #: The RDF class each ``type`` value stands for.
    rdf_types: ClassVar[dict[str, str]] = {}

    id: Optional[Id] = Field(
        None, description="Local id, unique in the dossier; the IRI is the base IRI plus this id. "
        "Minted from the holder's id when a nested node has none.")

    def sort_key(self) -> tuple[Any, ...]:
        """The key lists of this node are kept sorted by."""
        # Read from __dict__: a model's attributes go through the __getattr__ hook pydantic installs, each time.
        return self.key_of(self.__dict__)

    @staticmethod
    def key_of(values: dict[str, Any]) -> tuple[Any, ...]:
        """The :meth:`sort_key` of the node whose ``__dict__`` is ``values``: for sorting many nodes at once."""
        return (values["id"] or "",)


class Evidence(Node):
    """A span of the article: the exact quote, and its start and end offsets in code points, end excluded.

    Written as a W3C Web Annotation text quote and text position selector.
    Where only the quote is given, it must occur once in the article (or once
    with the given prefix and suffix) and the offsets are filled in on load.
    """

    rdf_types = {"Evidence": "dos:Evidence"}
    type: Literal["Evidence"] = Field("Evidence", description="Always Evidence.")
    quote: Annotated[Text, t.text("oa:exact")] = Field(description="The exact words of the article.")
    start: Annotated[Optional[int], t.integer("oa:start")] = Field(
        None, ge=0, description="Offset of the first code point of the quote in the article text.")
    end: Annotated[Optional[int], t.integer("oa:end")] = Field(
        None, ge=0, description="Offset just past the last code point of the quote (end excluded).")
    prefix: Annotated[Optional[Text], t.text("oa:prefix")] = Field(
        None, description="Text just before the quote, to tell apart repeated quotes.")
    suffix: Annotated[Optional[Text], t.text("oa:suffix")] = Field(
        None, description="Text just after the quote, to tell apart repeated quotes.")

    @staticmethod
    def key_of(values: dict[str, Any]) -> tuple[Any, ...]:
        """The :meth:`sort_key` of the span whose ``__dict__`` is ``values``: by offsets, then quote and id."""
        start = values["start"]
        return (start if start is not None else -1, values["end"] or -1, values["quote"], values["id"] or "")


EvidenceList = Annotated[list[Evidence], t.node("gaf:denotedBy")]
# Items must show where the article says so; nested detail may lean on its holder's evidence.
_ITEM_EVIDENCE = dict(min_length=1, description="Spans of the article that mention this item (at least one).")
_DETAIL_EVIDENCE = dict(default_factory=list, description="Spans of the article that state this detail.")


class Role(Node):
    """A role or title the article gives a person ("Russian President"), and whom it is held in."""

    rdf_types = {"Role": "schema:Role"}
    type: Literal["Role"] = Field("Role", description="Always Role.")
    title: Annotated[Text, t.text("schema:roleName")] = Field(description="The title as the article gives it.")
    of: Annotated[Optional[Id], t.ref("dos:roleOf", "Organization", "Place")] = Field(
        None, description="Id of the organization or country the role belongs to.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)


class Person(Node):
    """A person, or an unnamed source ("an analyst from Seoul"), or a group of them ("observers")."""

    rdf_types = {"Person": "schema:Person"}
    type: Literal["Person"] = Field("Person", description="Always Person.")
    name: Annotated[Optional[Text], t.text("schema:name")] = Field(
        None, description="The person's name; absent for an unnamed source.")
    description: Annotated[Optional[Text], t.text("schema:description")] = Field(
        None, description="Who the person is, in the article's words where it has them.")
    aliases: Annotated[list[Text], t.text("schema:alternateName")] = Field(
        default_factory=list, description="Other names the article uses (\"Kim\").")
    plural: Annotated[bool, t.boolean("dos:plural")] = Field(
        False, description="True when this stands for an unspecified group of people (\"observers\").")
    roles: Annotated[list[Role], t.node("dos:role")] = Field(
        default_factory=list, description="Roles and titles the article gives the person.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)


class Organization(Node):
    """A publication, government, body or other organization."""

    rdf_types = {"Organization": "schema:Organization"}
    type: Literal["Organization"] = Field("Organization", description="Always Organization.")
    name: Annotated[Optional[Text], t.text("schema:name")] = Field(None, description="The organization's name.")
    kind: Annotated[Optional[OrgKind], t.vocab("dos:kind")] = Field(None, description="What kind of body it is.")
    description: Annotated[Optional[Text], t.text("schema:description")] = Field(
        None, description="What the organization is.")
    aliases: Annotated[list[Text], t.text("schema:alternateName")] = Field(
        default_factory=list, description="Other names the article uses.")
    jurisdiction: Annotated[Optional[Id], t.ref("dos:jurisdiction", "Place")] = Field(
        None, description="Id of the country or place whose body it is.")
    parent: Annotated[Optional[Id], t.ref("schema:parentOrganization", "Organization")] = Field(
        None, description="Id of the organization it is part of.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)


class Identifier(Node):
    """An external identifier, added by the curator from a named source, never guessed."""

    rdf_types = {"Identifier": "schema:PropertyValue"}
    type: Literal["Identifier"] = Field("Identifier", description="Always Identifier.")
    scheme: Annotated[IdScheme, t.vocab("schema:propertyID")] = Field(description="The identifier scheme.")
    value: Annotated[Text, t.plain("schema:value")] = Field(description="The identifier in that scheme.")
    source: Annotated[Text, t.plain("dos:source")] = Field(
        description="Where the curator took it from (a gazetteer and its version, a reference work).")


class Geo(Node):
    """Coordinates, added by the curator from a named source, never guessed."""

    rdf_types = {"Geo": "schema:GeoCoordinates"}
    type: Literal["Geo"] = Field("Geo", description="Always Geo.")
    latitude: Annotated[str, StringConstraints(pattern=DECIMAL_PATTERN), t.decimal("schema:latitude")] = Field(
        description="Latitude in decimal degrees, as a string so no digit is lost.")
    longitude: Annotated[str, StringConstraints(pattern=DECIMAL_PATTERN), t.decimal("schema:longitude")] = Field(
        description="Longitude in decimal degrees, as a string so no digit is lost.")
    source: Annotated[Text, t.plain("dos:source")] = Field(description="Where the curator took them from.")

    @field_validator("latitude", "longitude")
    @classmethod
    def _in_range(cls, v: str, info: Any) -> str:
        limit = 90 if info.field_name == "latitude" else 180
        if abs(float(v)) > limit:
            raise ValueError(f"{info.field_name} {v} is out of range (at most {limit} degrees either way)")
        return v


class Place(Node):
    """A location: country, region, city or facility, nested by ``part_of``."""

    rdf_types = {"Place": "schema:Place"}
    type: Literal["Place"] = Field("Place", description="Always Place.")
    name: Annotated[Text, t.text("schema:name")] = Field(description="The place's name.")
    kind: Annotated[Optional[PlaceKind], t.vocab("dos:kind")] = Field(None, description="What kind of place it is.")
    description: Annotated[Optional[Text], t.text("schema:description")] = Field(
        None, description="What the place is, in the article's words where it has them.")
    aliases: Annotated[list[Text], t.text("schema:alternateName")] = Field(
        default_factory=list, description="Other names the article uses.")
    part_of: Annotated[Optional[Id], t.ref("schema:containedInPlace", "Place")] = Field(
        None, description="Id of the place this one lies in.")
    geo: Annotated[Optional[Geo], t.node("schema:geo")] = Field(None, description="Coordinates, from a named source.")
    identifiers: Annotated[list[Identifier], t.node("schema:identifier")] = Field(
        default_factory=list, description="External identifiers, each from a named source.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)


# The date fields of _Dated, in the order of Precision, and the precision of each; the fields are read
# from a node's __dict__ in one call, not one by one through the __getattr__ hook pydantic installs.
_PRECISIONS = {p.value: p for p in Precision}
_dates = operator.itemgetter(*_PRECISIONS)


class _Dated(Node):
    """A date at one precision: exactly one of year, year_month, date, month_day."""

    type: str = Field(description="The node type.")
    year: Annotated[Optional[str], StringConstraints(pattern=PATTERNS[Precision.year]),
                    t.date("sem:hasTimeStamp", "gYear")] = Field(None, description="A year (xsd:gYear), 2023.")
    year_month: Annotated[Optional[str], StringConstraints(pattern=PATTERNS[Precision.year_month]),
                          t.date("sem:hasTimeStamp", "gYearMonth")] = Field(
        None, description="A year and month (xsd:gYearMonth), 2023-09.")
    date: Annotated[Optional[str], StringConstraints(pattern=PATTERNS[Precision.date]),
                    t.date("sem:hasTimeStamp", "date")] = Field(
        None, description="A full date (xsd:date), 2023-09-13.")
    month_day: Annotated[Optional[str], StringConstraints(pattern=PATTERNS[Precision.month_day]),
                         t.date("sem:hasTimeStamp", "gMonthDay")] = Field(
        None, description="A month and day with no year (xsd:gMonthDay), --09-13.")

    _required_dates: ClassVar[int] = 1

    # Only a date or a month-day can be impossible (February 30) once it matches its pattern: a year
    # or a year-month that matches its pattern always parses, so it is not parsed again here.
    @field_validator("date", "month_day")
    @classmethod
    def _real_date(cls, v: Optional[str], info: Any) -> Optional[str]:
        if v is not None:
            parse_partial_date(v, _PRECISIONS[info.field_name])
        return v

    @model_validator(mode="after")
    def _one_precision(self) -> "_Dated":
        given = len(_PRECISIONS) - _dates(self.__dict__).count(None)
        if given > 1:
            raise ValueError(f"give one of year, year_month, date, month_day, not {given}")
        if given < self._required_dates:
            raise ValueError("give one of year, year_month, date, month_day")
        return self

    @property
    def value(self) -> Optional[PartialDate]:
        """The date as a :class:`PartialDate`, or None when none is given."""
        for p, raw in zip(_PRECISIONS.values(), _dates(self.__dict__)):
            if raw is not None:
                return parse_partial_date(raw, p)
        return None


class CuratedTime(_Dated):
    """A date the curator adds from outside the text (the year the text leaves out), with its source."""

    rdf_types = {"CuratedTime": "dos:CuratedTime"}
    type: Literal["CuratedTime"] = Field("CuratedTime", description="Always CuratedTime.")
    source: Annotated[Text, t.plain("dos:source")] = Field(description="Where the curator took the date from.")


class Time(_Dated):
    """When an event happened, as the text gives it; the curator's completion is kept apart in ``curated``."""

    rdf_types = {"Time": "sem:Time"}
    _required_dates: ClassVar[int] = 0
    type: Literal["Time"] = Field("Time", description="Always Time.")
    curated: Annotated[Optional[CuratedTime], t.node("dos:curated")] = Field(
        None, description="A fuller date the curator adds from outside the text, with its source.")
    evidence: EvidenceList = Field(**_DETAIL_EVIDENCE)

    @model_validator(mode="after")
    def _something_known(self) -> "Time":
        # No date field given is what ``self.value is None`` means, told without parsing the date.
        if self.curated is None and _dates(self.__dict__).count(None) == len(_PRECISIONS):
            raise ValueError("a time needs a date the text states, or a curated one")
        return self


class Participation(Node):
    """An actor taking part in an event, in a role (SEM: ``sem:hasActor`` with ``rdf:value`` and ``sem:roleType``)."""

    rdf_types = {"Participation": "sem:Role"}
    type: Literal["Participation"] = Field("Participation", description="Always Participation.")
    actor: Annotated[Id, t.actor("rdf:value")] = Field(
        description="Id of the person, organization or country taking part.")
    role: Annotated[RoleType, t.vocab("sem:roleType")] = Field(description="The part the actor plays.")
    basis: Annotated[Basis, t.vocab("dos:basis")] = Field(
        Basis("stated"), description="Whether the text states the actor took part, or only implies it.")
    evidence: EvidenceList = Field(**_DETAIL_EVIDENCE)


class Event(Node):
    """Something that happened (type Event), or that a claim only contemplates (type HypotheticalEvent).

    A hypothetical event is never a fact: it is typed ``dos:HypotheticalEvent``,
    not ``schema:Event``, and must be reached through a claim.
    """

    rdf_types = {"Event": "schema:Event", "HypotheticalEvent": "dos:HypotheticalEvent"}
    type: Literal["Event", "HypotheticalEvent"] = Field(
        "Event", description="Event when reported as having happened; HypotheticalEvent when only contemplated.")
    kind: Annotated[EventKind, t.vocab("dos:kind")] = Field(description="What kind of event it is.")
    name: Annotated[Optional[Text], t.text("schema:name")] = Field(None, description="A short label for the event.")
    description: Annotated[Optional[Text], t.text("schema:description")] = Field(
        None, description="What happened, in plain words.")
    participants: Annotated[list[Participation], t.node("sem:hasActor")] = Field(
        default_factory=list, description="Who took part, and in what role.")
    place: Annotated[Optional[Id], t.ref("sem:hasPlace", "Place")] = Field(None, description="Id of where it happened.")
    time: Annotated[Optional[Time], t.node("sem:hasTime")] = Field(None, description="When it happened.")
    sub_events: Annotated[list[Id], t.ref("sem:hasSubEvent", "Event")] = Field(
        default_factory=list, description="Ids of the events that are part of this one.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)

    @property
    def hypothetical(self) -> bool:
        """True when the event is only contemplated, not reported as having happened."""
        return self.type == "HypotheticalEvent"


class GiftObject(Node):
    """The thing given."""

    rdf_types = {"GiftObject": "schema:Thing"}
    type: Literal["GiftObject"] = Field("GiftObject", description="Always GiftObject.")
    name: Annotated[Text, t.text("schema:name")] = Field(description="What the thing is (\"sword\").")
    description: Annotated[Optional[Text], t.text("schema:description")] = Field(
        None, description="How the article describes it.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)


class Passage(Node):
    """A statement of the article in plain words, with the spans that state it."""

    rdf_types = {"Passage": "dos:Passage"}
    type: Literal["Passage"] = Field("Passage", description="Always Passage.")
    text: Annotated[Text, t.text("schema:text")] = Field(description="What the article says, in plain words.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)


class Gift(Node):
    """A gift: the object, who gave it, who received it (stated or implied), and the event it was given at."""

    rdf_types = {"Gift": "schema:GiveAction"}
    type: Literal["Gift"] = Field("Gift", description="Always Gift.")
    object: Annotated[GiftObject, t.node("schema:object")] = Field(description="The thing given.")
    given_by: Annotated[Id, t.actor("schema:agent")] = Field(description="Id of the giver.")
    given_to: Annotated[Optional[Id], t.actor("schema:recipient")] = Field(
        None, description="Id of the recipient, where the article states or implies one.")
    given_to_basis: Annotated[Optional[Basis], t.vocab("dos:recipientBasis")] = Field(
        None, description="Whether the recipient is stated or only implied.")
    occasion: Annotated[Optional[Id], t.ref("dos:occasion", "Event")] = Field(
        None, description="Id of the event at which it was given.")
    meanings: Annotated[list[Passage], t.node("dos:meaning")] = Field(
        default_factory=list, description="The meaning the article itself gives the gift.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)

    @model_validator(mode="after")
    def _basis_with_recipient(self) -> "Gift":
        if (self.given_to is None) != (self.given_to_basis is None):
            raise ValueError("given_to and given_to_basis go together: say who, and whether stated or implied")
        return self


class Condition(Passage):
    """What a claim hangs on ("should South Korea supply military aid to Ukraine again")."""

    rdf_types = {"Condition": "dos:Condition"}
    type: Literal["Condition"] = Field("Condition", description="Always Condition.")  # type: ignore[assignment]
    event: Annotated[Optional[Id], t.ref("dos:conditionEvent", "Event")] = Field(
        None, description="Id of the (usually hypothetical) event the condition is about.")


class Attribution(Node):
    """Who a claim comes from, in what capacity, and through whom it reached the article (``via``)."""

    rdf_types = {"Attribution": "prov:Attribution"}
    type: Literal["Attribution"] = Field("Attribution", description="Always Attribution.")
    by: Annotated[Id, t.ref("prov:agent", "Person", "Organization")] = Field(
        description="Id of the person or organization the claim is attributed to.")
    capacity: Annotated[Capacity, t.vocab("prov:hadRole")] = Field(description="The part the agent plays.")
    via: Annotated[Optional["Attribution"], t.node("dos:via")] = Field(
        None, description="The next link of the chain: who passed the claim on.")
    evidence: EvidenceList = Field(**_DETAIL_EVIDENCE)


class Claim(Node):
    """An attributed claim: the proposition, its source chain, its hedges, certainty, polarity, tense and condition."""

    rdf_types = {"Claim": "schema:Claim"}
    type: Literal["Claim"] = Field("Claim", description="Always Claim.")
    text: Annotated[Text, t.text("schema:text")] = Field(description="The proposition, in plain words.")
    attribution: Annotated[Attribution, t.node("prov:qualifiedAttribution")] = Field(
        description="The claimant, and the chain through which the claim reached the article.")
    certainty: Annotated[Certainty, t.vocab("dos:certainty")] = Field(description="How sure the source is.")
    polarity: Annotated[Polarity, t.vocab("dos:polarity")] = Field(description="Affirmed or denied.")
    tense: Annotated[Tense, t.vocab("dos:tense")] = Field(description="About the future or not.")
    cues: Annotated[list[Evidence], t.node("dos:cue")] = Field(
        default_factory=list, description="The words that hedge or signal the claim (\"could\", \"suggests\").")
    condition: Annotated[Optional[Condition], t.node("dos:condition")] = Field(
        None, description="What the claim hangs on, if anything.")
    about: Annotated[list[Id], t.ref("schema:about", "Person", "Organization", "Place", "Event", "Gift", "Claim")] = Field(
        default_factory=list, description="Ids of the items, and hypothetical events, the claim is about.")
    evidence: EvidenceList = Field(**_ITEM_EVIDENCE)

    @property
    def claimant(self) -> str:
        """Id of the agent who makes the claim: the head of the attribution chain."""
        return self.attribution.by


class Report(Node):
    """A news report and everything the dossier captures from it: the root of a dossier."""

    rdf_types = {"Report": "schema:NewsArticle"}
    id: Id = Field(description="Id of the report; it also names the report's IRI under the base.")  # type: ignore[assignment]
    type: Literal["Report"] = Field("Report", description="Always Report.")
    headline: Annotated[Optional[Text], t.text("schema:headline")] = Field(None, description="The title, where known.")
    publisher: Annotated[Optional[Id], t.ref("schema:publisher", "Organization")] = Field(
        None, description="Id of the organization that published the report.")
    language: Annotated[Optional[str], StringConstraints(pattern=LANGUAGE_PATTERN), t.plain("schema:inLanguage")] = Field(
        None, description="BCP 47 language tag of the article (en); the language of every text literal.")
    date_published: Annotated[Optional[str], StringConstraints(pattern=PATTERNS[Precision.date]),
                              t.date("schema:datePublished", "date")] = Field(
        None, description="Publication date (xsd:date), where known.")
    text: Annotated[Optional[str], t.text("schema:text")] = Field(
        None, description="The article text. Filled in from text_path on load.")
    text_path: Annotated[Optional[Text], t.plain("dos:textPath")] = Field(
        None, description="Path of the article text file, relative to the dossier file.")
    sha256: Annotated[Optional[str], StringConstraints(pattern=r"^[0-9a-f]{64}$"), t.plain("dos:sha256")] = Field(
        None, description="SHA-256 of the article text (UTF-8), hex; the dossier is checked against it.")
    persons: Annotated[list[Person], t.node("schema:mentions")] = Field(default_factory=list, description="Persons.")
    organizations: Annotated[list[Organization], t.node("schema:mentions")] = Field(
        default_factory=list, description="Organizations.")
    places: Annotated[list[Place], t.node("schema:mentions")] = Field(default_factory=list, description="Places.")
    events: Annotated[list[Event], t.node("schema:mentions")] = Field(
        default_factory=list, description="Events, reported and hypothetical.")
    gifts: Annotated[list[Gift], t.node("schema:mentions")] = Field(default_factory=list, description="Gifts.")
    claims: Annotated[list[Claim], t.node("schema:mentions")] = Field(
        default_factory=list, description="Attributed claims.")

    @field_validator("language")
    @classmethod
    def _lower_language(cls, v: Optional[str]) -> Optional[str]:
        # RDF compares language tags without case; one spelling keeps outputs byte-identical.
        return v.lower() if v else v

    @field_validator("date_published")
    @classmethod
    def _real_date(cls, v: Optional[str]) -> Optional[str]:
        if v is not None:
            parse_partial_date(v, Precision.date)
        return v

    def items(self) -> list[Node]:
        """Every top-level item, in list order: persons, organizations, places, events, gifts, claims."""
        return [*self.persons, *self.organizations, *self.places, *self.events, *self.gifts, *self.claims]


#: The report's lists of items, and the model of each.
ITEM_LISTS: dict[str, type[Node]] = {
    "persons": Person, "organizations": Organization, "places": Place,
    "events": Event, "gifts": Gift, "claims": Claim,
}
MODELS: tuple[type[Node], ...] = (
    Report, Person, Role, Organization, Place, Geo, Identifier, Event, Participation, Time, CuratedTime,
    Gift, GiftObject, Passage, Condition, Claim, Attribution, Evidence,
)

Attribution.model_rebuild()
