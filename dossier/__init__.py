"""dossier: news reports as validated linked data.

A report is captured as persons, organizations, places, events, gifts and
attributed claims, every one anchored to the exact words of the article, and
written as JSON, JSON-LD, Turtle, N-Triples, N-Quads and TriG that validate
against the schemas the project publishes.

>>> import dossier
>>> report = dossier.load("seeds/000_8ca8e46f6fba684d.dossier.yaml")  # doctest: +SKIP
>>> print(dossier.dumps(report, "turtle"))  # doctest: +SKIP
"""

from .api import check, load, loads, validate
from .canonical import to_data, to_json
from .dates import PartialDate, Precision, parse_partial_date
from .errors import DossierError, InvalidDossier, Problem, ReadError, RemoteContextRefused, UnknownFormat
from .models import (
    Attribution, Claim, Condition, CuratedTime, Event, Evidence, Geo, Gift, GiftObject, Identifier,
    Organization, Participation, Passage, Person, Place, Report, Role, Time,
)

__version__ = "0.1.0"

# rdflib, pyld and pyshacl take a while to import; these names load them only when first used.
_LAZY = {
    "dumps": "dossier.formats", "dumps_many": "dossier.formats", "read": "dossier.formats",
    "write": "dossier.formats", "loads_as": "dossier.formats",
    "FORMATS": "dossier.formats", "to_dataset": "dossier.linked.rdfio", "from_graph": "dossier.linked.rdfio",
    "extract": "dossier.extract", "problems_in": "dossier.validation", "check_file": "dossier.validation",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dossier' has no attribute {name!r}")

__all__ = [
    "load", "loads", "validate", "check", "to_data", "to_json", *_LAZY,
    "PartialDate", "Precision", "parse_partial_date",
    "DossierError", "InvalidDossier", "Problem", "ReadError", "RemoteContextRefused", "UnknownFormat",
    "Attribution", "Claim", "Condition", "CuratedTime", "Event", "Evidence", "Geo", "Gift", "GiftObject",
    "Identifier", "Organization", "Participation", "Passage", "Person", "Place", "Report", "Role", "Time",
]
