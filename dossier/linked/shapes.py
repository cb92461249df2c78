"""SHACL shapes generated from the mapping: one open node shape per model, one property shape per term.

Shapes are open (never ``sh:closed``), so graphs that add statements or
subclass dossier's classes still conform. Each property shape carries the
field's name and description, so a validation report reads as the JSON does.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ..models import MODELS, Evidence, Node
from ..terms import NS, curie
from ..vocabulary import ENUMS
from .mapping import fields_of

__all__ = ["SHAPES_NS", "build_shapes"]

SHAPES_NS = "https://w3id.org/dossier/shapes#"
# Optional in the model because the loader fills them in, but always present in what dossier writes.
_ALWAYS_WRITTEN = {(Evidence, "start"), (Evidence, "end")}
_NONNEGATIVE = {(Evidence, "start"), (Evidence, "end")}

def _str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

def _class_of(model_name: str) -> list[str]:
    model = next(m for m in MODELS if m.__name__ == model_name)
    return [c for c in model.rdf_types.values()]

def _ref_constraint(targets: tuple[str, ...], actor: bool) -> list[str]:
    options = []
    for target in targets:
        for cls in _class_of(target):
            if target == "Place" and actor:
                # A country may act; other places may not.
                options.append(f"[ sh:class {cls} ; sh:property [ sh:path dos:kind ; sh:hasValue dos:country ] ]")
            else:
                options.append(f"[ sh:class {cls} ]")
    if len(options) == 1:
        return [options[0][2:-2]]
    return ["sh:or ( " + " ".join(options) + " )"]

def _enum_values(model: type[Node], name: str) -> list[str]:

    from .mapping import _unwrap

    _, enum = _unwrap(model.model_fields[name].annotation)
    assert enum in ENUMS, (model, name)
    return [f"dos:{v.value}" for v in enum]  # type: ignore[attr-defined]

def _property(model: type[Node], fields: list[Any]) -> list[str]:
    fm = fields[0]
    lines = [f"sh:path {curie(fm.term.iri)}", f"sh:name {_str(' / '.join(f.name for f in fields))}"]
    info = model.model_fields[fm.name]
    if info.description:
        lines.append(f"sh:description {_str(info.description)}")
    if any(f.required or (model, f.name) in _ALWAYS_WRITTEN for f in fields):
        lines.append("sh:minCount 1")
    if all(not f.many for f in fields):
        lines.append("sh:maxCount 1")
    kind = fm.term.kind
    if kind == "text":
        lines.append("sh:or ( [ sh:datatype rdf:langString ] [ sh:datatype xsd:string ] )")
    elif kind == "plain":
        lines.append("sh:datatype xsd:string")
    elif kind in ("integer", "decimal", "boolean") or (kind == "date" and len(fields) == 1):
        lines.append(f"sh:datatype {curie(fm.term.datatype)}")
        if (model, fm.name) in _NONNEGATIVE:
            lines.append("sh:minInclusive 0")
    elif kind == "date":
        lines.append("sh:or ( " + " ".join(f"[ sh:datatype {curie(f.term.datatype)} ]" for f in fields) + " )")
    elif kind == "ref":
        lines += ["sh:nodeKind sh:IRI", *_ref_constraint(fm.term.targets, fm.term.actor)]
    elif kind == "vocab":
        lines += ["sh:nodeKind sh:IRI", "sh:in ( " + " ".join(_enum_values(model, fm.name)) + " )"]
    elif kind == "node":
        lines.append("sh:nodeKind sh:IRI")
        models = {f.model for f in fields}
        # schema:mentions holds every list of the report; each item is checked by its own shape.
        if len(models) == 1:
            classes = list(fields[0].model.rdf_types.values())
            lines.append(f"sh:class {classes[0]}" if len(classes) == 1 else
                         "sh:or ( " + " ".join(f"[ sh:class {c} ]" for c in classes) + " )")
    return lines

def build_shapes() -> str:
    """The SHACL shapes of dossier as Turtle text."""
    out = [f"@prefix dsh: <{SHAPES_NS}> .\n", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"]
    out += [f"@prefix {p}: <{ns}> .\n" for p, ns in NS.items()]
    out.append("\n")
    for model in MODELS:
        groups: "OrderedDict[str, list[Any]]" = OrderedDict()
        for fm in fields_of(model):
            groups.setdefault(fm.term.iri, []).append(fm)
        doc = (model.__doc__ or "").strip().splitlines()[0]
        head = [
            f"dsh:{model.__name__}Shape a sh:NodeShape",
            "sh:targetClass " + ", ".join(model.rdf_types.values()),
            f"rdfs:label {_str(model.__name__)}",
            f"rdfs:comment {_str(doc)}",
        ]
        props = []
        for iri, fields in groups.items():
            body = " ;\n        ".join(_property(model, fields))
            props.append(f"sh:property [\n        {body}\n    ]")
        out.append(" ;\n    ".join(head + props) + " .\n\n")
    return "".join(out).rstrip("\n") + "\n"

