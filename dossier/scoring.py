"""Scoring a draft dossier against a curated (gold) one: precision, recall and F1 per kind of item.

Matching rule, per kind (persons, organizations, places, events, gifts, claims):

- A draft item and a gold item of the same kind are a *candidate pair* when
  their names agree (compared lower-case, accents stripped, with a leading
  "the" dropped; a pair also agrees when any name or alias of one equals any
  name or alias of the other) or when their evidence spans overlap by at least
  one character. Events and claims have no names and pair by evidence only;
  a gift's name is its object's name, and its evidence includes the object's.
- Pairs are ranked by name agreement first, then by characters of overlapping
  evidence, and matched greedily one-to-one: each item is used at most once.
- Matched pairs are true positives; precision is matches / draft items,
  recall is matches / gold items, F1 their harmonic mean. A kind with no draft
  items has precision 1.0 if it has no gold items either, else 0.0 (recall
  likewise for no gold items).
- Overall scores are micro-averaged over the six kinds (summed counts).
- Evidence: every top-level evidence span of every item. A draft span is
  correct when it overlaps a gold span of an item of the same kind; a gold
  span is found when a draft span of the same kind overlaps it. Evidence
  precision and recall are those fractions.

Items are never matched by id: ids are the curator's choice.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .models import Evidence, Gift, Node, Report

__all__ = ["KINDS", "KindScore", "Scores", "score", "format_scores"]

#: The report lists that are scored, in table order.
KINDS = ("persons", "organizations", "places", "events", "gifts", "claims")


@dataclass
class KindScore:
    """Counts and scores of one kind of item (or of all kinds together, or of evidence)."""

    matched: int = 0
    draft: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Matched / draft (1.0 when both are empty, 0.0 when only the draft is)."""
        return self.matched / self.draft if self.draft else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        """Matched / gold (1.0 when both are empty, 0.0 when only the gold is)."""
        return self.matched / self.gold if self.gold else (1.0 if not self.draft else 0.0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class _EvidenceCounts:
    draft_ok: int = 0
    draft: int = 0
    gold_found: int = 0
    gold: int = 0


@dataclass
class Scores:
    """Per-kind scores, the micro-averaged overall score, evidence span-overlap scores, and the matched pairs."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    overall: KindScore = field(default_factory=KindScore)
    evidence_precision: float = 0.0
    evidence_recall: float = 0.0
    matches: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def evidence_f1(self) -> float:
        """Harmonic mean of evidence precision and recall."""
        p, r = self.evidence_precision, self.evidence_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _fold(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().strip()
    return s[4:] if s.startswith("the ") else s


def _names(item: Node) -> set[str]:
    if isinstance(item, Gift):
        return {_fold(item.object.name)}
    names = [getattr(item, "name", None), *getattr(item, "aliases", [])]
    return {_fold(n) for n in names if n}


def _spans(item: Node) -> list[tuple[int, int]]:
    evidence: list[Evidence] = list(getattr(item, "evidence", []))
    if isinstance(item, Gift):
        evidence += item.object.evidence
    return [(e.start, e.end) for e in evidence if e.start is not None and e.end is not None]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _match(kind: str, draft: list[Node], gold: list[Node]) -> list[tuple[int, int]]:
    by_name = kind not in ("events", "claims")
    pairs = []
    for i, d in enumerate(draft):
        d_names, d_spans = _names(d) if by_name else set(), _spans(d)
        for j, g in enumerate(gold):
            named = bool(d_names & _names(g)) if by_name else False
            overlap = _overlap(d_spans, _spans(g))
            if named or overlap > 0:
                pairs.append((named, overlap, -i, -j))
    pairs.sort(reverse=True)
    used_d, used_g, out = set(), set(), []
    for _, _, ni, nj in pairs:
        i, j = -ni, -nj
        if i not in used_d and j not in used_g:
            used_d.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score(draft: Report, gold: Report) -> Scores:
    """Compare ``draft`` with ``gold`` (both of the same article text) kind by kind; see the module docstring."""
    result = Scores()
    ev = _EvidenceCounts()
    for kind in KINDS:
        d_items, g_items = getattr(draft, kind), getattr(gold, kind)
        pairs = _match(kind, d_items, g_items)
        ks = KindScore(len(pairs), len(d_items), len(g_items))
        result.kinds[kind] = ks
        result.matches[kind] = [(d_items[i].id or "", g_items[j].id or "") for i, j in pairs]
        result.overall.matched += ks.matched
        result.overall.draft += ks.draft
        result.overall.gold += ks.gold
        d_spans = [s for it in d_items for s in _spans(it)]
        g_spans = [s for it in g_items for s in _spans(it)]
        ev.draft += len(d_spans)
        ev.gold += len(g_spans)
        ev.draft_ok += sum(1 for s in d_spans if _overlap([s], g_spans) > 0)
        ev.gold_found += sum(1 for s in g_spans if _overlap([s], d_spans) > 0)
    result.evidence_precision = ev.draft_ok / ev.draft if ev.draft else (1.0 if not ev.gold else 0.0)
    result.evidence_recall = ev.gold_found / ev.gold if ev.gold else (1.0 if not ev.draft else 0.0)
    return result


def format_scores(scores: Scores) -> str:
    """A plain-text table: one row per kind, then overall and evidence."""
    lines = [f"{'kind':<14}{'draft':>6}{'gold':>6}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    rows = [*scores.kinds.items(), ("overall", scores.overall)]
    for name, ks in rows:
        lines.append(f"{name:<14}{ks.draft:>6}{ks.gold:>6}{ks.matched:>6}"
                     f"{ks.precision:>7.2f}{ks.recall:>7.2f}{ks.f1:>7.2f}")
    lines.append(f"{'evidence':<14}{'':>18}{scores.evidence_precision:>7.2f}{scores.evidence_recall:>7.2f}"
                 f"{scores.evidence_f1:>7.2f}")
    return "\n".join(lines)
