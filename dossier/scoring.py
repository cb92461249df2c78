"""Scoring a draft dossier against a curated (gold) one: precision, recall and F1 per kind of item, and the
accuracy of the attributes of matched items.

Matching, per kind (persons, organizations, places, events, gifts, claims):

- **Names first.** A draft and a gold person, organization or place whose
  names are equal (lower-case, accents stripped, a leading "the" dropped) are
  a candidate pair of the strongest tier. A gift's name is its object's name.
- **Aliases need evidence.** When the names agree only through an alias
  ("Souza" against Ana Souza's alias), the pair is a candidate only if their
  evidence also overlaps: a surname alone says little when two persons share
  it, so the mention must be the same one. Alias pairs rank below full-name pairs.
- **Evidence alone must overlap substantially.** Items without agreeing names
  (always so for events and claims, which have no names; also unnamed
  sources) pair when the intersection-over-union (IoU) of the *character
  sets* of their evidence is at least :data:`MIN_IOU` (0.3). Persons,
  organizations and places, which are mentioned many times, may instead
  pair on one draft span and one gold span with that IoU: a draft that
  found one mention of an unnamed source is still about that source. An
  event or claim may instead pair when one draft span and one gold span have
  an IoU of at least :data:`MIN_PAIR_IOU` (0.6) *and* every draft span
  overlaps the gold item's evidence: the draft found some of the mentions
  ("his official visit", "the visit") of an event the gold gives five, and
  none elsewhere. IoU is used
  rather than "the draft covers the gold" because it also punishes a draft
  span that swallows the whole sentence: a draft span covering a paragraph
  "covers" every gold span in it. 0.3 admits a draft that found the main
  span of an event but not its later mentions ("the talks ended"), and
  rejects two spans that only share a short phrase ("the exhibition"
  inside a long, different span).
- Pairs are ranked by tier (full name, alias with evidence, evidence only),
  then by evidence IoU, and matched greedily one-to-one.
- Matched pairs are true positives; precision is matches / draft items,
  recall is matches / gold items, F1 their harmonic mean. A kind with no draft
  items has precision 1.0 if it has no gold items either, else 0.0 (recall
  likewise). Overall scores are micro-averaged over the six kinds.
- Evidence: every top-level evidence span of every item. A draft span is
  correct when it overlaps a gold span of an item of the same kind; a gold
  span is found when a draft span of the same kind overlaps it.

Attributes of matched pairs (:data:`ATTRIBUTES`) are compared after the
match: references (an event's participants, a gift's giver, a claim's
claimant ...) are correct only when the draft's item is matched to the gold's
item; values (kinds, certainty, dates) are compared as values. A pair counts
once for each attribute, so an attribute that both leave empty is correct.

Items are never matched by id: ids are the curator's choice.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .models import Claim, Evidence, Gift, Node, Person, Report

__all__ = ["KINDS", "ATTRIBUTES", "MIN_IOU", "MIN_PAIR_IOU", "KindScore", "AttrScore", "Scores", "score", "format_scores"]

#: The report lists that are scored, in table order.
KINDS = ("persons", "organizations", "places", "events", "gifts", "claims")
#: Least evidence intersection-over-union for a pair matched by evidence alone.
MIN_IOU = 0.3
#: Least IoU of one draft span with one gold span for an event or claim whose evidence is otherwise partial.
MIN_PAIR_IOU = 0.6

_FULL, _ALIAS, _EVIDENCE = 3, 2, 1


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
class AttrScore:
    """How many matched pairs agree on one attribute."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """Correct / total (1.0 when no pair was compared: nothing was wrong)."""
        return self.correct / self.total if self.total else 1.0


@dataclass
class _EvidenceCounts:
    draft_ok: int = 0
    draft: int = 0
    gold_found: int = 0
    gold: int = 0


@dataclass
class Scores:
    """Per-kind scores, the overall score, evidence scores, attribute accuracies and the matched pairs."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    overall: KindScore = field(default_factory=KindScore)
    evidence_precision: float = 0.0
    evidence_recall: float = 0.0
    matches: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: kind -> attribute -> agreement of matched pairs on it.
    attributes: dict[str, dict[str, AttrScore]] = field(default_factory=dict)

    @property
    def evidence_f1(self) -> float:
        """Harmonic mean of evidence precision and recall."""
        p, r = self.evidence_precision, self.evidence_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attribute_accuracy(self, kind: str) -> float:
        """Micro-averaged accuracy over every attribute of ``kind`` (1.0 when nothing was compared)."""
        scores = self.attributes.get(kind, {}).values()
        total = sum(a.total for a in scores)
        return sum(a.correct for a in scores) / total if total else 1.0


def _fold(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().strip()
    return s[4:] if s.startswith("the ") else s


def _name(item: Node) -> Optional[str]:
    if isinstance(item, Gift):
        return _fold(item.object.name)
    name = getattr(item, "name", None)
    return _fold(name) if name else None


def _names(item: Node) -> set[str]:
    names = {_fold(n) for n in getattr(item, "aliases", []) if n}
    full = _name(item)
    return names | {full} if full else names


def _spans(item: Node) -> list[tuple[int, int]]:
    evidence: list[Evidence] = list(getattr(item, "evidence", []))
    if isinstance(item, Gift):
        evidence += item.object.evidence
    return [(e.start, e.end) for e in evidence if e.start is not None and e.end is not None]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def _iou(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    """Intersection-over-union of the character sets of two lists of spans."""
    ca, cb = _chars(a), _chars(b)
    union = len(ca | cb)
    return len(ca & cb) / union if union else 0.0


def _best_pair(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    """The best IoU of one span of ``a`` with one span of ``b``."""
    best = 0.0
    for s1, e1 in a:
        for s2, e2 in b:
            inter = max(0, min(e1, e2) - max(s1, s2))
            if inter:
                best = max(best, inter / (max(e1, e2) - min(s1, s2)))
    return best


def _evidence_agrees(named_kind: bool, d: list[tuple[int, int]], g: list[tuple[int, int]]) -> bool:
    """Whether evidence alone makes a pair: see the module docstring."""
    if _iou(d, g) >= MIN_IOU:
        return True
    if named_kind:
        return _best_pair(d, g) >= MIN_IOU
    # One mention anchored almost exactly, and no draft mention outside the gold item's evidence.
    return _best_pair(d, g) >= MIN_PAIR_IOU and all(_overlap([s], g) > 0 for s in d)


def _match(kind: str, draft: list[Node], gold: list[Node]) -> list[tuple[int, int]]:
    by_name = kind not in ("events", "claims")
    pairs = []
    for i, d in enumerate(draft):
        d_name, d_names, d_spans = _name(d), _names(d) if by_name else set(), _spans(d)
        for j, g in enumerate(gold):
            g_spans = _spans(g)
            iou = _iou(d_spans, g_spans)
            if by_name and d_name is not None and d_name == _name(g):
                tier = _FULL
            elif by_name and d_names & _names(g) and _overlap(d_spans, g_spans) > 0:
                tier = _ALIAS
            elif _evidence_agrees(by_name, d_spans, g_spans):
                tier = _EVIDENCE
            else:
                continue
            pairs.append((tier, iou, -i, -j))
    pairs.sort(reverse=True)
    used_d, used_g, out = set(), set(), []
    for _, _, ni, nj in pairs:
        i, j = -ni, -nj
        if i not in used_d and j not in used_g:
            used_d.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


# ---- attributes of matched pairs ----

Ref = Callable[[Optional[str]], Optional[str]]


def _same_titles(d: Person, g: Person) -> bool:
    """Every title of one has a title of the other equal to it or ending it ("Chilean President", "President"):
    the leading words name whose office it is, which the role's ``of`` says in either case."""
    dt, gt = {_fold(r.title) for r in d.roles}, {_fold(r.title) for r in g.roles}

    def covered(xs: set[str], ys: set[str]) -> bool:
        return all(any(x == y or x.endswith(" " + y) or y.endswith(" " + x) for y in ys) for x in xs)
    return covered(dt, gt) and covered(gt, dt)


def _via(c: Claim, ref: Ref) -> Any:
    chain, link = [], c.attribution.via
    while link is not None:
        chain.append(ref(link.by))
        link = link.via
    return chain


#: kind -> attribute -> how to read it from an item; ``ref`` maps a draft id to its matched gold id.
ATTRIBUTES: dict[str, dict[str, Optional[Callable[[Any, Ref], Any]]]] = {
    "persons": {"roles": None},  # compared by _same_titles
    "organizations": {"kind": lambda o, _: o.kind, "jurisdiction": lambda o, ref: ref(o.jurisdiction)},
    "places": {"kind": lambda p, _: p.kind, "part_of": lambda p, ref: ref(p.part_of)},
    "events": {
        "type": lambda e, _: e.type,
        "kind": lambda e, _: e.kind,
        "participants": lambda e, ref: sorted({str(ref(x.actor)) for x in e.participants}),
        "place": lambda e, ref: ref(e.place),
        "time": lambda e, _: str(e.time.value) if e.time and e.time.value else None,
    },
    "gifts": {
        "giver": lambda g, ref: ref(g.given_by),
        "recipient": lambda g, ref: ref(g.given_to),
        "basis": lambda g, _: g.given_to_basis,
    },
    "claims": {
        "claimant": lambda c, ref: ref(c.attribution.by),
        "via": _via,
        "certainty": lambda c, _: c.certainty,
        "polarity": lambda c, _: c.polarity,
        "tense": lambda c, _: c.tense,
        "condition": lambda c, _: c.condition is not None,
    },
}


def _attributes(draft: Report, gold: Report, result: Scores) -> None:
    """Compare the attributes of every matched pair; a draft id not matched to any gold item is never right."""
    to_gold: dict[str, str] = {}
    for kind in KINDS:
        to_gold.update(result.matches[kind])

    def d_ref(x: Optional[str]) -> Optional[str]:
        return None if x is None else to_gold.get(x, f"unmatched:{x}")

    def g_ref(x: Optional[str]) -> Optional[str]:
        return x

    for kind, attrs in ATTRIBUTES.items():
        d_by, g_by = {i.id: i for i in getattr(draft, kind)}, {i.id: i for i in getattr(gold, kind)}
        out = result.attributes.setdefault(kind, {a: AttrScore() for a in attrs})
        for d_id, g_id in result.matches[kind]:
            d, g = d_by[d_id], g_by[g_id]
            for name, get in attrs.items():
                out[name].total += 1
                out[name].correct += _same_titles(d, g) if get is None else get(d, d_ref) == get(g, g_ref)


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
    _attributes(draft, gold, result)
    return result


def format_scores(scores: Scores) -> str:
    """Two plain-text tables: P/R/F1 per kind, overall and evidence; then attribute accuracy of matched pairs."""
    lines = [f"{'kind':<14}{'draft':>6}{'gold':>6}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    rows = [*scores.kinds.items(), ("overall", scores.overall)]
    for name, ks in rows:
        lines.append(f"{name:<14}{ks.draft:>6}{ks.gold:>6}{ks.matched:>6}"
                     f"{ks.precision:>7.2f}{ks.recall:>7.2f}{ks.f1:>7.2f}")
    lines.append(f"{'evidence':<14}{'':>18}{scores.evidence_precision:>7.2f}{scores.evidence_recall:>7.2f}"
                 f"{scores.evidence_f1:>7.2f}")
    lines.append("")
    lines.append(f"{'kind':<14}{'attribute':<14}{'right':>6}{'pairs':>6}{'acc':>7}")
    for kind, attrs in scores.attributes.items():
        for name, a in attrs.items():
            lines.append(f"{kind:<14}{name:<14}{a.correct:>6}{a.total:>6}{a.accuracy:>7.2f}")
    return "\n".join(lines)
