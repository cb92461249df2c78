"""Attributed claims: the proposition, the claimant, the publication it came through, hedge cues, a
certainty derived from them, polarity, tense and any condition; and the hypothetical events claims contemplate.

A sentence is a claim when it is attributed ("according to X", "X said
that ..."), hedged ("could", "suggests"), or interprets rather than narrates
(no event trigger). Without a named claimant, a sentence inherits the
claimant of an earlier sentence of its paragraph (or of "the interpretation"
it refers to); failing that, the claim is the publication's own (its
"(Source: X)" line). Certainty comes from the strongest hedge: possible
cues beat probable ones; with no hedge the source presents it as certain.
"""

from __future__ import annotations

import re
from typing import Optional

from .draft import ClaimD, Draft, EventD, Span
from .events import event_sentences
from .lexicon import DENIAL_VERBS, HEDGES, REPORTING_VERBS
from .text import Sentence

__all__ = ["find_claims", "certainty_of", "CERTAINTY_ORDER"]

CERTAINTY_ORDER = ["possible", "probable", "certain"]
# Lower case only: "May 4" is a date, not a hedge.
_HEDGE = re.compile(r"\b(?:" + "|".join(sorted(HEDGES, key=len, reverse=True)) + r")\b")
_FUTURE = re.compile(r"\b(?:would|could|may|might|will|shall|should|possibility|likely|going to)\b", re.I)
_NEGATIVE = re.compile(r"\b(?:not|never|no longer|denied|denies|deny)\b|n't\b", re.I)
_INTERPRETIVE = re.compile(r"\b(?:the|this|that) (?:interpretation|reading|implication|analysis|assessment|view)\b", re.I)
_META = re.compile(r"^(?:The|This|That) (?:claim|assertion|report|account)\b")
_CONDITION = re.compile(r"\b(if|unless|should|provided that|as long as)\b ([^,.;—]+)")
# "ready to move quickly" names no event: vague verbs after "ready to" are left out.
_CONTEMPLATE = re.compile(r"\b(?:possibility of|consider(?:s|ed|ing)?|readiness to|willing(?:ness)? to|"
                          r"ready to(?! (?:move|act|proceed|go|work|help|engage|talk)\b)|prepared to|plans? to|"
                          r"offer(?:s|ed)? to|intends? to|threaten(?:s|ed)? to) ")
_COOPERATION = re.compile(r"\b(?:any |further |closer |deeper |more )+(?:[a-z]+ )?(?:cooperation|collaboration)\b"
                          r"(?= (?:could|would|may|might|will|can)\b)")
# "X may end up as ...", "X could take years": verbs of state or outcome are no event X does.
_MODAL = re.compile(r" (?:may|might|could|would|will) (?!consider|be\b|have\b|end up\b|become\b|remain\b|prove\b|"
                    r"seem\b|take\b|need\b|mean\b|cost\b|face\b|continue\b|want\b)")
_KINDS = [("meeting", r"^(?:also |then |privately )?meet\b"), ("agreement", r"^(?:also )?sign\b"),
          ("military-support", r"military support|military assistance|military backing"),
          ("military-aid", r"military aid|weapons|arms supplies|ammunition"),
          ("cooperation", r"cooperat|collaborat|\balign|partnership"), ("technology-transfer", r"technolog")]


def certainty_of(cues: list[str]) -> str:
    """Certainty from hedge cue words: any possible cue gives possible, else any probable one probable, else certain."""
    found = {HEDGES.get(c.lower().split()[0] if c else "", "certain") for c in cues}
    for level in ("possible", "probable"):
        if level in found:
            return level
    return "certain"


def find_claims(d: Draft) -> None:
    """Fill ``d.claims``, and ``d.events`` with the hypothetical events the claims contemplate."""
    text = d.text
    narrated = event_sentences(d)
    meaning_sentences = {m for g in d.gifts for m in g.meanings}
    # A sentence that gives a gift is the gift's; the meaning it gives is the gift's meaning, not a claim.
    gift_sentences = {d.sentence_at(a).index for g in d.gifts for a, _ in g.spans}
    last_claimant: dict[int, str] = {}
    last_any: Optional[str] = None
    for s in d.sentences:
        if d.source_spans.get(s.paragraph, (-1,))[0] == s.start:
            continue
        if (s.start, s.end) in meaning_sentences or s.index in gift_sentences:
            continue
        if _META.match(s.text) and d.claims:
            d.claims[-1].extra.append((s.start, s.end))
            pubs = [m.key for m in d.mentions(s.start, s.end) if m.kind == "org"]
            if pubs and "reported" in s.text:
                d.claims[-1].via.insert(0, (pubs[0], [(s.start, s.end)]))
            continue
        if _reported_claim(d, s):
            continue
        prev: Optional[ClaimD] = None
        for c in _clauses(d, s):
            claimant, prop, attr, complement = _attribution(d, c)
            hedged = _HEDGE.search(text[prop[0]:prop[1]]) is not None
            continued = prev is not None and re.match(r"(?:and |but )?that ", c.text) is not None
            if continued and prev is not None:  # ", and that P": the same speaker, through the same channel
                claim = _claim(d, c, prev.claimant, (c.start + c.text.index("that ") + 5, prop[1]), prev.attribution_spans)
                claim.via, claim.polarity = prev.via, prev.polarity
                d.claims.append(claim)
                continue
            if s.index in narrated and not hedged and not complement:
                continue
            if claimant is None and complement:
                claimant = last_claimant.get(s.paragraph) or last_any  # "..., she added"
            if prop[1] - prop[0] < 3:
                continue
            if claimant is None:
                # An unattributed sentence that neither hedges nor interprets is the publication's own
                # assertion; giving it to an earlier speaker would invent a source.
                if not hedged and not _INTERPRETIVE.search(c.text):
                    claimant = d.sources.get(s.paragraph)
                elif _INTERPRETIVE.search(c.text) and last_any:
                    claimant = last_any
                elif s.paragraph in last_claimant:
                    claimant = last_claimant[s.paragraph]
                else:
                    claimant = d.sources.get(s.paragraph)
                if claimant is None:
                    continue
            if claimant != d.sources.get(s.paragraph):
                last_claimant[s.paragraph] = claimant
                last_any = claimant
            prev = _claim(d, c, claimant, prop, attr)
            d.claims.append(prev)
            calling = re.search(r", (?:calling it|describing it as|which (?:he|she|they) called) "
                                r"[\"“]?([^\"”]{8,}?)[\"”]?[.!?]?$", c.text)
            if calling and s.start + calling.start() >= prop[1]:
                # "..., calling it "a thank-you to ..."": what the speaker calls it is a claim of its own.
                a = c.start + calling.start(1)
                d.claims.append(_claim(d, c, claimant, (a, a + len(calling.group(1))), attr))


# Where a second claim starts: after a parenthetical attribution (", the official said, and ..."), before
# ", and that ...", before ", and X said ...", and at a semicolon.
_SAID = ("said", "says", "added", "adds", "noted", "notes", "warned", "argued", "reporters")
_CLAUSE_CUT = re.compile("|".join(rf"(?<=\b{w}), (?:and|but) " for w in _SAID)
                         + r"|, (?:and|but) (?=that )|, (?:and|but) (?=[^,;]{0,60}(?:, [^,;]{0,60},)?[^,;]{0,40}?\b(?:"
                         + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True)) + r")\b)|; ")


def _clauses(d: Draft, s: Sentence) -> list[Sentence]:
    """A sentence cut where a second claim starts: ", and that ...", ", and X said ...", "; "."""
    out, cut = [], 0
    for m in _CLAUSE_CUT.finditer(s.text):
        verb = re.search(r"\b(?:" + "|".join(REPORTING_VERBS) + r")\b", s.text[m.end():])
        if m.group().startswith(", ") and not m.group().endswith("that ") and verb is not None and not any(
                x.kind in ("person", "org") for x in d.mentions(s.start + m.end(), s.start + m.end() + verb.start())):
            continue  # ", and said ...": no new speaker, so no new claim
        out.append(Sentence(s.start + cut, s.start + m.start(), s.paragraph, s.index, s.text[cut:m.start()]))
        cut = m.start() + 2
    out.append(Sentence(s.start + cut, s.end, s.paragraph, s.index, s.text[cut:]))
    return [c for c in out if c.text.strip()]


_REPORT_NOUN = re.compile(r"\b(?:claims?|reports?|allegations?|accusations?|suggestions?|rumou?rs?),? (?:(?:first |"
                          r"initially |originally |also )?(?:reported|published|carried|made) (?:by|in) (?:the )?"
                          r"([^,]+?)(?: on \w+| last \w+| this \w+)?, )?that ")
_CITED = re.compile(r"\b(?:cited|quoted|citing|quoting|attributed (?:it|them|the \w+) to) ")


def _reported_claim(d: Draft, s: Sentence) -> bool:
    """"claims, first reported by Le Monde, that P": P is a claim passed on by the publication. Its claimant is
    whom the next sentence says the publication cited ("The newspaper cited two diplomats"), else the publication."""
    m = _REPORT_NOUN.search(s.text)
    if m is None:
        return False
    text = d.text
    pstart, pend = s.start + m.end(), s.end - (1 if text[s.end - 1] in ".!?" else 0)
    pub = next((x for x in d.mentions(s.start + m.start(1), s.start + m.end(1)) if x.kind == "org"), None) \
        if m.group(1) else None
    claimant, attr = (pub.key if pub else None), [(s.start + m.start(), s.start + m.end() - 5)]
    via: list[tuple[str, list[Span]]] = []
    nxt = d.sentences[s.index + 1] if s.index + 1 < len(d.sentences) else None
    cited = _CITED.search(nxt.text) if nxt is not None and nxt.paragraph == s.paragraph else None
    if cited:
        who = next((x for x in d.mentions(nxt.start + cited.end(), nxt.end) if x.kind in ("person", "org")), None)
        if who is not None:
            if pub is not None and who.key != pub.key:
                via.append((pub.key, attr))
            claimant, attr = who.key, [(nxt.start, nxt.end)]
    if claimant is None:
        return False
    claim = _claim(d, s, claimant, (pstart, pend), attr)
    claim.via = via + [v for v in claim.via if v[0] not in {k for k, _ in via} | {claimant}]
    claim.cues.append((s.start + m.start(), s.start + m.start() + len(m.group().split(",")[0].split()[0])))
    d.claims.append(claim)
    return True


def _attribution(d: Draft, s) -> tuple[Optional[str], Span, list[Span], bool]:
    """Claimant key, proposition span, attribution spans, and whether a reporting verb takes a complement."""
    text, start, end = d.text, s.start, s.end
    if text[end - 1] in ".!?":
        end -= 1
    sources = [m for m in d.mentions(start, end) if m.kind in ("person", "org")]
    m = re.match(r"According to ", s.text)
    if m:
        comma = s.text.find(",", m.end())
        who = next((x.key for x in sources if x.start - start < comma), None) if comma > 0 else None
        if comma > 0:
            return who, (start + comma + 2, end), [(start, start + m.end() - 1)], False
    m = re.search(r", according to [^,]+$", text[start:end])
    if m:
        who = next((x.key for x in sources if x.start >= start + m.start()), None)
        cue = (start + m.start() + 2, start + m.start() + 14)
        inner = _verb_attribution(d, start, start + m.start(), [x for x in sources if x.end <= start + m.start()])
        if inner[0] is not None and who is not None:
            # "Officials said X, according to the Daily": the officials claim, the Daily passed it on.
            d.passed_on[inner[1]] = (who, [cue])
            return inner
        return who, (start, start + m.start()), [cue], False
    return _verb_attribution(d, start, end, sources)


def _verb_attribution(d: Draft, start: int, end: int, sources) -> tuple[Optional[str], Span, list[Span], bool]:
    """"X said (that) P", "X told reporters that P", "X described Y as P": claimant X, proposition P."""
    text = d.text
    s_text = text[start:end]
    words = list(re.finditer(r"[A-Za-z]+", s_text))
    # Not a report: a noun after an article ("a think tank", "the report"), or a verb the speaker withholds
    # ("would neither confirm nor rule out", "declined to confirm").
    verbs = [w for w in words if w.group().lower() in REPORTING_VERBS
             and not re.search(r"\b(?:a|an|the|neither|nor|not|never|to)\s+$|n't\s+$", s_text[:w.start()])]
    finite = [w for w in verbs if not w.group().endswith("ing")] or verbs
    for v in finite:
        vs, ve = start + v.start(), start + v.end()
        pron = re.search(r",\s+(?:he|she|they)\s+$", text[start:vs])
        if pron and text[ve:end].strip(" ,") == "" and pron.start() > 3:
            # "P, she added": the speaker is the one who spoke before (the caller resolves who).
            return None, (start, start + pron.start()), [(start + pron.start() + 2, ve)], True
        who = [x for x in sources if x.end <= vs]
        if not who:
            continue
        quote = re.match(r"[\"“]([^\"”]{12,})[,.!?]?[\"”],? ", text[start:end])
        if quote and start + quote.end() <= who[0].start:
            # '"Our farmers have waited long enough," Souza told reporters': the quotation is the claim.
            return who[0].key, (start + quote.start(1), start + quote.end(1)), [(vs, ve)], True
        lead = _leading_proposition(text, start, who[0].start, vs)
        if lead is not None:
            # "The book will be kept ..., the Vatican spokesman, José Ramírez, told reporters": the claim comes first.
            return who[0].key, lead, [(vs, ve)], True
        rest = re.match(r"(?: reporters| journalists)?(?: on \w+)?,?(?: that)? ", text[ve:end])
        pstart = ve + (rest.end() if rest else 1)
        pub = next((x for x in d.mentions(ve, min(end, ve + 60)) if x.kind == "org"
                    and (d.item(x.key).kind or "") == "publication"), None)
        if v.group().lower() in ("told", "tells", "tell") and pub is not None:
            # "X told the broadcaster VTV that P": VTV passed the claim on.
            after = re.match(r",?(?: that)? ", text[pub.end:end])
            pstart = pub.end + (after.end() if after else 1)
            d.passed_on[(pstart, end)] = (pub.key, [(vs, pub.end)])
        if pstart >= end - 3:
            return who[-1].key, (start, who[-1].start), [(vs, ve)], False
        return who[0].key, (pstart, end), [(vs, ve)], True
    return None, (start, end), [], False


def _leading_proposition(text: str, start: int, who: int, verb: int) -> Optional[Span]:
    """The clause before ", <speaker> said" when the sentence opens with it, else None."""
    if who - start < 15 or verb - who > 40 or text[start] in "\"“":
        return None
    for m in re.finditer(r", ", text[start:who]):
        comma = start + m.start()
        # Between the comma and the speaker only a title set off by commas ("the Vatican spokesman, ").
        if not re.fullmatch(r"(?:(?:[Tt]he|[Aa]n?) [^,]{1,40}, )?", text[comma + 2:who]):
            continue
        if verb - comma <= 70 and comma - start >= 12:
            return None if re.search(r"\b(?:said|says|told|according)\b", text[start:comma]) else (start, comma)
    return None


def _claim(d: Draft, s, claimant: str, prop: Span, attr: list[Span]) -> ClaimD:
    text = d.text
    p0, p1 = prop
    # The proposition's own words only: no joining "and", no trailing comma.
    lead = re.match(r"(?:and|but) ", text[p0:p1])
    p0 += lead.end() if lead else 0
    while p1 > p0 and text[p1 - 1] in " ,;:":
        p1 -= 1
    prop = (p0, p1)
    body = text[p0:p1]
    cond: Optional[Span] = None
    for m in _CONDITION.finditer(body):
        if m.group(1) == "should" and not re.search(r"\b(?:would|could|might|may|will|possibility)\b",
                                                     body[:m.start()]):
            continue
        cond = (p0 + m.start(), p0 + m.end(2))
        break
    cues = [(p0 + m.start(), p0 + m.end()) for m in _HEDGE.finditer(body)
            if not (cond and cond[0] == p0 + m.start())]
    words = [text[a:b] for a, b in cues]
    via = []
    pub = d.sources.get(s.paragraph)
    if prop in d.passed_on:
        via.append(d.passed_on[prop])
    if pub and pub != claimant and all(k != pub for k, _ in via):
        via.append((pub, [d.source_spans[s.paragraph]]))
    # "X denied that P": the claim is P, denied; a negation inside P denied again affirms it.
    denied = any(text[a:b].lower() in DENIAL_VERBS for a, b in attr)
    # "a moment of dialogue, not of doctrine": a contrast, not a denial.
    negated = [m for m in _NEGATIVE.finditer(body) if not re.search(r"[,;—] ?$", body[:m.start()])
               and not re.match(r"not only\b", body[m.start():])]
    negative = bool(negated) != denied
    if denied:
        cues = cues + [(a, b) for a, b in attr if text[a:b].lower() in DENIAL_VERBS]
    claim = ClaimD(prop, claimant, certainty_of(words),
                   "future" if _FUTURE.search(body) or cond else "non-future",
                   "negative" if negative else "positive", cues, attr, via, cond)
    claim.key = d.unique_key(f"claim-{s.index + 1}")
    _hypotheticals(d, claim, body, p0, cond)
    return claim


def _hypotheticals(d: Draft, claim: ClaimD, body: str, p0: int, cond: Optional[Span]) -> None:
    """Events a claim only contemplates: its condition, "possibility of X doing", "would consider doing", "X may do"."""
    text = d.text
    stop = re.compile(r",? (?:should|if|unless|while|before|as|during)\b|, an? |;|—|\.$")
    spans: list[tuple[Span, bool]] = []
    if cond:
        head = re.match(r"\w+ ", text[cond[0]:cond[1]])
        a = cond[0] + (head.end() if head else 0)
        if any(m.start == a for m in d.mentions(a, cond[1]) if _named_actor(d, m)):
            spans.append(((a, cond[1]), True))
    for rx in (_CONTEMPLATE, _MODAL):
        for m in rx.finditer(body):
            a = p0 + m.end()
            if rx is _MODAL and not any(x.end == p0 + m.start() for x in d.mentions(p0, p0 + m.start())):
                continue  # "X may do" only when X is a named actor
            if cond and cond[0] <= a < cond[1]:
                continue
            e = stop.search(text, a, p0 + len(body))
            spans.append(((a, e.start() if e else p0 + len(body)), False))
            break
    for m in _COOPERATION.finditer(body):
        spans.append(((p0 + m.start(), p0 + m.end()), False))
    for (a, b), is_cond in spans:
        if b - a < 3 or any(x < b and a < y for ev in d.events if ev.hypothetical for x, y in ev.spans):
            continue
        phrase = text[a:b].lower()
        kind = next((k for k, rx in _KINDS if re.search(rx, phrase)), "other-event")
        ev = EventD(kind, [(a, b)], d.sentence_at(a).index, (a, b), hypothetical=True)
        ev.key = d.unique_key(f"hypothetical-{kind}")
        actors = [m for m in d.mentions(a, b) if m.kind in ("person", "org") or d.place_kind(m.key) == "country"]
        if not is_cond and not (actors and actors[0].start == a):
            # "the Kremlin would consider providing ...": the claim's subject is the agent.
            subject = [m for m in d.mentions(p0, a) if _named_actor(d, m)]
            actors = subject[-1:] + actors
        seen: set[str] = set()
        for i, m in enumerate(actors):
            if m.key not in seen:
                seen.add(m.key)
                ev.participants.append((m.key, "agent" if not seen - {m.key} else "recipient"))
        d.events.append(ev)
        if is_cond:
            claim.condition_event = ev.key
        else:
            claim.about.append(ev.key)


def _named_actor(d: Draft, m) -> bool:
    """A person, an organization, or a country named by its name (not a demonym: "Japanese buyers" is no actor)."""
    if m.kind in ("person", "org"):
        return True
    return d.place_kind(m.key) == "country" and d.text[m.start:m.end] == d.item(m.key).name
