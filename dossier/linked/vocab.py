"""dossier's own RDFS vocabulary: only the terms no existing vocabulary has, each with a label and a comment."""

from __future__ import annotations

import re

from ..models import MODELS
from ..terms import DOS, NS
from ..vocabulary import ENUMS, VALUE_DOCS
from .mapping import fields_of
from .shapes import _str

__all__ = ["VOCAB_IRI", "build_vocabulary", "own_terms"]

VOCAB_IRI = "https://w3id.org/dossier/vocab"

# Terms several fields share get one comment that covers them all.
_SHARED = {
    "kind": "What kind of place, organization or event a node is; the value is one of dossier's kind terms.",
    "source": "Where the curator took a value from that the article does not state (a gazetteer, a reference work).",
}
_CLASS_NOTES = {
    "HypotheticalEvent": " Deliberately not a subclass of schema:Event or sem:Event: a contemplated event is no fact.",
    "Evidence": " Both a W3C Web Annotation text quote selector and a text position selector.",
}
_SUPER = {"Evidence": ["oa:TextQuoteSelector", "oa:TextPositionSelector"], "Condition": ["dos:Passage"]}


def _label(local: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).replace("-", " ").lower()


def own_terms() -> dict[str, tuple[str, str]]:
    """Every ``dos:`` term dossier uses: local name -> (kind, comment)."""
    out: dict[str, tuple[str, str]] = {}
    for model in MODELS:
        for type_name, cls in model.rdf_types.items():
            if cls.startswith("dos:"):
                doc = (model.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
                out[cls[4:]] = ("class", doc + _CLASS_NOTES.get(cls[4:], ""))
        for fm in fields_of(model):
            if fm.term.iri.startswith(DOS):
                local = fm.term.iri[len(DOS):]
                if local not in out:
                    comment = _SHARED.get(local) or model.model_fields[fm.name].description or ""
                    kind = "object" if fm.term.kind in ("ref", "node", "vocab") else "datatype"
                    out[local] = (kind, comment)
    for enum in ENUMS:
        out[enum.__name__] = ("class", enum.__doc__ or "")
        for member in enum:  # type: ignore[attr-defined]
            out[member.value] = (f"individual:{enum.__name__}", VALUE_DOCS[member.value])
    return out


def build_vocabulary() -> str:
    """The vocabulary as Turtle text."""
    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in NS.items()]
    out.append("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n\n")
    out.append(f"<{VOCAB_IRI}> a owl:Ontology ;\n    rdfs:label \"dossier vocabulary\"@en ;\n"
               "    rdfs:comment \"Terms of dossier's own, for what schema.org, PROV-O, SEM, GAF and W3C Web "
               "Annotation do not say: evidence, hypothetical events, curated values, claim certainty, "
               "polarity and tense, and the kinds and roles dossier uses.\"@en .\n\n")
    for local, (kind, comment) in own_terms().items():
        if kind == "class":
            rdf_type = "rdfs:Class, owl:Class"
        elif kind == "object":
            rdf_type = "rdf:Property, owl:ObjectProperty"
        elif kind == "datatype":
            rdf_type = "rdf:Property, owl:DatatypeProperty"
        else:
            rdf_type = f"owl:NamedIndividual, dos:{kind.split(':')[1]}"
        lines = [f"dos:{local} a {rdf_type}", f"rdfs:label {_str(_label(local))}@en",
                 f"rdfs:comment {_str(comment)}@en", f"rdfs:isDefinedBy <{VOCAB_IRI}>"]
        for sup in _SUPER.get(local, []):
            lines.append(f"rdfs:subClassOf {sup}")
        out.append(" ;\n    ".join(lines) + " .\n\n")
    return "".join(out).rstrip("\n") + "\n"


