"""Namespaces, and the declarative link from a model field to its RDF term.

A model field carries a :class:`Term` in its ``Annotated`` metadata. That one
annotation drives everything linked-data: the JSON-LD context, the RDF
writers, the RDF reader, the SHACL shapes and the vocabulary. Writing and
reading use the same terms, so the round trip holds by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["NS", "Term", "text", "plain", "integer", "decimal", "boolean", "date", "ref", "actor", "node", "vocab", "DOS"]

DOS = "https://w3id.org/dossier/vocab#"

#: Prefixes used in every output, in the order they are written.
NS: dict[str, str] = {
    "dos": DOS,
    "gaf": "http://groundedannotationframework.org/gaf#",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

Kind = Literal["text", "plain", "integer", "decimal", "boolean", "date", "ref", "node", "vocab"]


@dataclass(frozen=True)
class Term:
    """How one model field is written in RDF.

    ``kind`` says what the value becomes: ``text`` a literal in the report's
    language, ``plain`` a literal with no language, ``integer``/``decimal``/
    ``boolean``/``date`` typed literals, ``ref`` the IRI of another item of
    one of ``targets``, ``node`` a nested node with its own minted IRI,
    ``vocab`` an IRI in dossier's vocabulary named by the enum value.
    ``inverse`` writes the triple from the value to the holder. An ``actor``
    reference names a person, an organization or a country (states act;
    cities and buildings do not).
    """

    iri: str
    kind: Kind
    datatype: str | None = None
    targets: tuple[str, ...] = ()
    inverse: bool = False
    actor: bool = False

    @property
    def curie(self) -> str:
        """The IRI as ``prefix:local`` where a known prefix fits."""
        return curie(self.iri)


def curie(iri: str) -> str:
    """Shorten ``iri`` with the first prefix of :data:`NS` that fits; return it whole otherwise."""
    for prefix, ns in NS.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def expand(name: str) -> str:
    """Expand ``prefix:local`` with :data:`NS`."""
    prefix, _, local = name.partition(":")
    return NS[prefix] + local


def text(name: str) -> Term:
    """A natural-language literal, tagged with the report's language."""
    return Term(expand(name), "text")


def plain(name: str) -> Term:
    """A literal that is code, not language: ids, hashes, paths, schemes."""
    return Term(expand(name), "plain")


def integer(name: str) -> Term:
    """An ``xsd:integer`` literal."""
    return Term(expand(name), "integer", NS["xsd"] + "integer")


def decimal(name: str) -> Term:
    """An ``xsd:decimal`` literal, kept as a string in JSON so no digit is lost."""
    return Term(expand(name), "decimal", NS["xsd"] + "decimal")


def boolean(name: str) -> Term:
    """An ``xsd:boolean`` literal."""
    return Term(expand(name), "boolean", NS["xsd"] + "boolean")


def date(name: str, datatype: str) -> Term:
    """A date literal of the given XSD datatype (``gYear``, ``gMonthDay`` ...)."""
    return Term(expand(name), "date", NS["xsd"] + datatype)


def ref(name: str, *targets: str) -> Term:
    """A reference by local id to an item of one of the model classes ``targets``."""
    return Term(expand(name), "ref", targets=targets)


def actor(name: str) -> Term:
    """A reference to whoever acts: a Person, an Organization, or a Place of kind country."""
    return Term(expand(name), "ref", targets=("Person", "Organization", "Place"), actor=True)


def node(name: str) -> Term:
    """A nested node, written with its own minted IRI."""
    return Term(expand(name), "node")


def vocab(name: str) -> Term:
    """An enum value, written as the IRI ``dos:<value>``."""
    return Term(expand(name), "vocab")


def inverse_node(name: str) -> Term:
    """A nested node linked by the triple ``value name holder``."""
    return Term(expand(name), "node", inverse=True)
