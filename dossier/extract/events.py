"""Reported events around trigger words (met, held talks, travelled, boarded, arrived, left, signed,
delivered, presented, thanked, visit), with participants, place and time from their sentence.

Nouns that refer back ("the meeting", "the encounter", "the visit", "such
exchanges") add evidence to the event they name rather than making a new
one. Triggers in hedged sentences (could, would, may ...) are not reported
as facts: :mod:`.claims` makes hypothetical events of what claims contemplate.
"""

from __future__ import annotations

import re
from typing import Optional

from .draft import Draft, EventD
from .lexicon import HEDGES

__all__ = ["find_events", "HEDGED", "event_sentences"]

# (kind, pattern, is_noun). Verb forms first; nouns refer back to an event or start one.
_TRIGGERS: list[tuple[str, str, bool]] = [
    ("talks", r"\bh(?:eld|olds?|olding) (?:formal |official |bilateral |further )?(?:talks|discussions|a meeting|a summit)\b", False),
    ("meeting", r"\b(?:met|meets|meeting(?= [A-Z\u00C0-\u024F])|welcomed|welcomes|greeted|greets|hosted|hosts|"
                r"(?:was|were) received by)\b", False),
    ("travel", r"\b(?:travel(?:s|led|ed|ling|ing)?|flew|flies|flying(?= (?:on )?to\b)|journeyed|headed to|drove|"
               r"(?:was|were) driven)\b", False),
    ("ceremony", r"\bcelebrated (?:a|an|the) (?:[\w-]+ ){0,2}?(?:Mass|mass|liturgy|service)\b", False),
    ("arrival", r"\b(?:arrived|arrives|arriving|arrival|(?:was|were) received(?= at\b))\b", False),
    ("departure", r"\b(?:left(?= [A-Z\u00C0-\u024F]| for\b)|departed|departs|boarded|boards|departure)\b", False),
    ("agreement", r"\b(?:signed|signs)\b", False),
    # A giving verb is a handover only with a thing given after it ("gave Marsh a chest"), not "gave no date".
    ("handover", r"\b(?:delivered|presented(?! as\b)|handed(?: over)?|gave|gifted)\b"
                 r"(?= (?:[^\s.;]+ ){0,5}?(?:a|an|his|her|their) (?!(?:speech|statement|address|warning|date)\b))", False),
    ("handover", r"\bhandover\b", True),
    ("thanks", r"\b(?:thanked|thanks (?=[A-Z\u00C0-\u024F])|(?:offered|expressed|extended) (?:his |her |their )?(?:thanks|gratitude))\b", False),
    ("visit", r"\b(?:the|this|his|her|their|a|an|official|state) (?:[\w-]+ ){0,2}?visit\b|\bvisit(?:ed|s)?(?= [A-Z\u00C0-\u024F])", True),
    ("statement", r"\b(?:the |brief |his |her |their )?(?:remarks|statements)\b", True),
    ("talks", r"\b(?:the|this|that|their|a|his|her) (?:[\w-]+ ){0,2}?(?:meeting|talks|summit|discussions?|conversation|encounter)\b", True),
    ("agreement", r"\bthe signing\b", True),
    ("ceremony", r"\b(?:a|an|the) (?:[\w-]+ ){0,2}?ceremony\b", True),
    ("handover", r"\b(?:such|the|this|these) exchanges?\b(?! of gratitude)", True),
    ("thanks", r"\b(?:the|this|his|her|their) (?:[\w-]+ )?(?:of )?gratitude\b|\bthe exchange of gratitude\b", True),
]
_COMPILED = [(k, re.compile(p), n) for k, p, n in _TRIGGERS]
_CREATE_FROM_NOUN = {"visit", "talks", "statement", "handover", "ceremony"}
_FAMILY = {"meeting": "talks", "talks": "talks"}
# Case matters: "May 4" is a date, "may" a hedge.
HEDGED = re.compile(r"\b(?:" + "|".join(w for w in HEDGES if HEDGES[w] != "certain") + r")\b")
_ROLES = {"travel": "traveller", "arrival": "traveller", "departure": "traveller", "handover": "giver",
          "thanks": "agent", "agreement": "agent", "meeting": "attendee", "talks": "attendee", "visit": "guest",
          "ceremony": "agent", "statement": "agent"}


def event_sentences(d: Draft) -> set[int]:
    """Indices of sentences that report an event with a verb trigger."""
    return d.narrated


def find_events(d: Draft) -> None:
    """Fill ``d.events`` with the reported events of the text."""
    text = d.text
    for s in d.sentences:
        if s.paragraph in d.source_spans and d.source_spans[s.paragraph][0] == s.start:
            continue
        hits = []
        for kind, rx, noun in _COMPILED:
            for m in rx.finditer(s.text):
                a, b = s.start + m.start(), s.start + m.end()
                if any(x < b and a < y for x, y, *_ in hits):
                    continue
                hits.append((a, b, kind, noun))
        hits.sort()
        hedged = HEDGED.search(s.text) is not None
        made: dict[str, EventD] = {}
        verbs = [h for h in hits if not h[3]]
        for i, (a, b, kind, noun) in enumerate(hits):
            # A verb's clause runs to the next verb trigger ("boarded ... at the end of his visit on May 5").
            nxt = next((h[0] for h in verbs if h[0] > a), s.end)
            if noun or hedged:
                _refer(d, kind, (a, b), s.index, hedged, made)
                continue
            if kind in made and (any(t == -1 for t in made[kind].trigger) or kind == "handover"):
                ev = made[kind]  # "A presented B with X, and B gave her Y": one exchange of gifts
            else:
                ev = EventD(kind, [], s.index, (a, b))
                ev.key = d.unique_key(kind)
                made[kind] = ev
                d.events.append(ev)
            ev.trigger = (a, b)
            d.narrated.add(s.index)
            _fill(d, ev, s, a, b, nxt)
        for ev in list(made.values()):
            if ev.kind == "meeting" and re.match(r"me[et]", text[ev.trigger[0]:ev.trigger[1]]):
                _fold_meeting(d, ev)
        _fold_greeting(d, made)
    _named_meetings(d)


def _fold_greeting(d: Draft, made: dict[str, EventD]) -> None:
    """"X arrived in Y, greeted at the airport by Z": the greeting is part of the arrival, Z its host."""
    arrival, meeting = made.get("arrival"), made.get("meeting")
    if arrival is None or meeting is None or meeting not in d.events or meeting.trigger[0] < arrival.trigger[0]:
        return
    if not re.match(r"(?:greeted|welcomed|received)\b", d.text[meeting.trigger[0]:meeting.trigger[1]]):
        return
    if not re.search(r"\bby\b", d.text[meeting.trigger[1]:d.sentence_at(meeting.trigger[0]).end]):
        return
    known = {k for k, _ in arrival.participants}
    arrival.participants += [(k, "host") for k, _ in meeting.participants if k not in known]
    arrival.spans += meeting.spans
    arrival.place = arrival.place or meeting.place
    d.events.remove(meeting)


_NAMED_MEETING = re.compile(r"\b(?:the )?(?:[A-Z][\w-]* ){1,6}(?:Summit|Conference|Forum)\b")


def _named_meetings(d: Draft) -> None:
    """"the Middle East Energy Summit in Doha": a meeting named by its title, with the place after it."""
    for m in _NAMED_MEETING.finditer(d.text):
        if any((x, y) == (m.start(), m.end()) for ev in d.events for x, y in ev.spans):
            continue
        ev = EventD("meeting", [(m.start(), m.end())], d.sentence_at(m.start()).index, (m.start(), m.end()))
        ev.key = d.unique_key("meeting")
        after = re.match(r" in (?:the )?", d.text[m.end():m.end() + 10])
        at = next((x for x in d.mentions(m.end(), m.end() + 60) if x.kind == "place"), None)
        if after and at is not None and at.start == m.end() + after.end():
            ev.place = at.key
        d.events.append(ev)


def _refer(d: Draft, kind: str, span, sentence: int, hedged: bool, made: dict[str, EventD]) -> None:
    """A noun that names an event: evidence for the latest event of its kind, or a new one."""
    family = _FAMILY.get(kind, kind)
    if kind in made:
        made[kind].spans.append(span)
        return
    for ev in reversed(d.events):
        if not ev.hypothetical and _FAMILY.get(ev.kind, ev.kind) == family:
            ev.spans.append(span)
            return
    if kind in _CREATE_FROM_NOUN and not (hedged and kind == "handover"):
        if kind == "ceremony":  # "a brief ceremony in the library's extension": where it was is part of it
            where = re.match(r" (?:in|at) [^,.;]+", d.text[span[1]:span[1] + 80])
            span = (span[0], span[1] + (where.end() if where else 0))
        ev = EventD(kind, [span], sentence, (-1, -1))
        ev.key = d.unique_key(kind)
        d.events.append(ev)
        made[kind] = ev


def _fill(d: Draft, ev: EventD, s, a: int, b: int, nxt: int) -> None:
    """Participants, place and time of the event triggered at ``a..b`` in sentence ``s``."""
    text = d.text
    actors = [m for m in d.mentions(s.start, s.end) if m.kind == "person" or
              (m.kind == "org" and (d.item(m.key).kind or "") != "publication")]
    # The subject is in the verb's own clause: "A presented B with X, and C gave her Y" (C gave Y).
    cut = max((s.start + m.end() for m in re.finditer(r", (?:and|but|while) |; ", s.text) if s.start + m.end() <= a),
              default=s.start)
    before = [m for m in actors if cut <= m.start and m.end <= a]
    if ev.kind == "agreement" and not before:
        # "Qatar and Bangladesh signed": countries named as the subject sign.
        before = [m for m in d.mentions(cut, a) if m.kind == "place" and d.place_kind(m.key) == "country"
                  and d.text[m.start:m.end] == d.item(m.key).name]
    if ev.kind == "meeting" and re.match(r"welcome[sd]? (?:the|a|an|its|his|her|their) [a-z]", d.text[a:a + 30]):
        ev.kind = "statement"  # "welcomed the agreement": a statement about a thing, no meeting
    after = [m for m in actors if b <= m.start < nxt]
    role = _ROLES.get(ev.kind, "attendee")
    subject = before[0] if before else _protagonist(d, s.index)
    keys: list[tuple[str, str]] = []
    if ev.kind in ("meeting", "talks", "agreement"):
        keys = [(m.key, "attendee") for m in before + after]
        if subject is not None and not before:
            keys.insert(0, (subject if isinstance(subject, str) else subject.key, "attendee"))
    else:
        if subject is not None:
            keys.append((subject if isinstance(subject, str) else subject.key, role))
        other = {"handover": "recipient", "thanks": "addressee", "visit": "host"}.get(ev.kind)
        passive = re.search(r"\bby\b", d.text[b:nxt])
        for m in after:
            if passive and m.start > b + passive.start() and ev.kind in ("arrival", "meeting"):
                keys.append((m.key, "host"))
            elif other:
                keys.append((m.key, other))
    seen = {k for k, _ in ev.participants}
    for k, r in keys:
        if k not in seen:
            seen.add(k)
            ev.participants.append((k, r))
    # The event's place follows a locative word ("in Hanoi", "at the palace", "to Sydney"), or is what a visit
    # or departure takes as object ("left Hanoi"); never an adjective ("Serbian cinema") or an origin ("from").
    locative = r"(?:in|at|near|inside|outside|into)" if ev.kind in ("handover", "thanks") else \
        r"(?:in|at|to|near|inside|outside|into|toward|towards)"
    places = [m for m in d.mentions(b, nxt) if m.kind == "place" and (
        re.search(rf"\b{locative} (?:the )?$", text[max(0, m.start - 16):m.start])
        # "a lamp made in Kerala": where a thing was made is its origin, not where the event was
        and not re.search(r"\b(?:made|built|produced|grown|woven|crafted|born|manufactured) in (?:the )?$",
                          text[max(0, m.start - 24):m.start])
        or (m.start - b <= 5 and ev.kind in ("departure", "visit") and text[m.start:m.end] == d.item(m.key).name))]
    end = b
    if places:
        ev.place = places[0].key
        end = max(end, places[0].end)
    else:
        lead = re.match(r"(?:In|At) ", s.text)
        first = next((m for m in d.mentions(s.start, a) if m.kind == "place"), None)
        if lead and first and first.start == s.start + lead.end():
            ev.place = first.key
    dates = [t for t in d.dates if b <= t.start < nxt and t.start < s.end]
    if not dates:
        dates = [t for t in d.dates if s.start <= t.start < a and re.match(r"On ", s.text)]
    if dates:
        ev.time = dates[0]
        end = max(end, dates[0].end) if dates[0].start > b else end
    if end == b and ev.kind in ("agreement", "handover", "visit", "travel", "departure", "thanks"):
        # No place or date: the span runs over the verb's object ("signed a memorandum on trade").
        obj = re.match(r"(?: [^\s,.;]+){1,8}?(?=,|\.|;| in\b| at\b| on\b| before\b| after\b| when\b| which\b|"
                       r" that\b| who\b| made\b| during\b|$)", text[b:nxt])
        if obj:
            end = b + obj.end()
    if end - a > 160:
        end = b
    # The subject named just before the verb belongs to the span ("Santoso gave Marsh ...").
    if before and before[-1].end <= a and re.fullmatch(r" (?:[a-z]+ )?", text[before[-1].end:a]):
        a = before[-1].start
    ev.spans.append((a, end))


def _protagonist(d: Draft, sentence: int) -> Optional[str]:
    """The person most recently the subject of an event: who "his" travels are."""
    for ev in reversed(d.events):
        if ev.sentence <= sentence and ev.participants:
            return ev.participants[0][0]
    return None


def _fold_meeting(d: Draft, ev: EventD) -> None:
    """"meeting Putin" after "Putin and Kim held talks": the same meeting, if it has the same parties."""
    mine = {k for k, _ in ev.participants}
    for other in d.events:
        if other is ev or other.hypothetical or other.kind != "talks":
            continue
        if mine and {k for k, _ in other.participants} == mine:
            other.spans.extend(ev.spans)
            other.place = other.place or ev.place
            other.time = other.time or ev.time
            d.events.remove(ev)
            return
