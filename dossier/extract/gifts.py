"""Gifts: "X presented Y with a NP", "X gave Y a NP", "X delivered a NP (to Y)".

The object is the noun phrase; its name is the head noun. The recipient is
stated when the sentence names one; otherwise it is the guest of the visit
(the person who travelled), and marked implied.
"""
from __future__ import annotations

import re

from .draft import Draft, GiftD

__all__ = ["find_gifts"]

_GIVE = re.compile(r"\b(?:presented|gave|delivered|handed(?: over)?|gifted|offered|(?:responded|reciprocated) with)\b")
_NP_END = re.compile(r",| which\b| that\b| who\b| in return\b| as\b| to\b| for\b| during\b| at\b| on\b| before\b|"
                     r" after\b| when\b|\.|;|—|$")
_NOT_GIFTS = {"speech", "address", "statement", "remarks", "warning", "briefing", "interview", "lecture", "talk",
              "report", "message", "update", "proposal", "plan", "support", "aid", "assistance", "thanks", "blow"}
_MEANING = re.compile(r"\b(?:as|described as|called it|calling it) ((?:a|an|the) (?:symbol|token|sign|gesture|mark|"
                      r"expression|reminder|emblem) of [^,.;]+)|, ((?:a|an) (?:[\w-]+ )?(?:gift|present|tribute|"
                      r"souvenir) (?:for|from|to|of) [^,.;]+)")


def find_gifts(d: Draft) -> None:
    """Fill ``d.gifts`` from sentences with a giving verb and a concrete object."""
    text = d.text
    for s in d.sentences:
        for m in _GIVE.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            rest = text[b:s.end]
            recipient, basis = None, None
            obj = re.match(r" ((?:[\w\u00C0-\u024F-]+ ){1,3}?)with (?=(?:a|an) )", rest)  # presented Y with a NP
            if obj is None:  # gave Y a NP, gave her a NP
                obj = re.match(r" ((?:[A-Z\u00C0-\u024F][\w\u00C0-\u024F-]* ){1,3}|(?:her|him|them) )(?=(?:a|an) )",
                               rest)
            if obj is None:  # handed her counterpart, Y, a NP
                obj = re.match(r" (?:her|his|their|its|the) (?:[\w-]+ ){0,3}?[\w-]+, ((?:[A-Z\u00C0-\u024F][\w\u00C0-\u024F.-]* ?){1,4}), "
                               r"(?=(?:a|an) )", rest)
            offset = obj.end() if obj else 0
            np = re.match(r" ?((?:a|an) [^\s,.;]+(?: [^\s,.;—]+)*?)(?=" + _NP_END.pattern + ")", rest[offset:])
            if np is None:
                continue
            head = _head(np.group(1))
            if head is None or head in _NOT_GIFTS:
                continue
            o_start = b + offset + np.start(1)
            o_end = o_start + len(np.group(1))
            actors = [x for x in d.mentions(s.start, s.end) if x.kind in ("person", "org")]
            # The giver is the subject of the giving verb's own clause ("..., and Mehta gave her a lamp").
            cut = max((s.start + c.end() for c in re.finditer(r", (?:and|but|while) |; ", s.text)
                       if s.start + c.end() <= a), default=s.start)
            mine = [x for x in actors if cut <= x.start and x.end <= a]
            giver = next((x.key for x in mine if x.kind == "person"), None) or next((x.key for x in mine), None)
            if giver is None and re.search(r"\b(?:he|she)(?: had)? $", text[cut:a]):
                giver = _subject_before(d, s.start)  # "he handed over a facsimile": the story's protagonist
            if giver is None:
                continue
            if obj:
                recipient = next((x.key for x in actors if b <= x.start < b + offset), None)
                said = obj.group(1).split()
                if recipient is None and said in (["her"], ["him"], ["them"]):
                    # "B gave her a lamp" after "A presented B with ...": the pronoun is the other party.
                    recipient = next((x.key for x in reversed(actors) if x.end <= a and x.key != giver
                                      and x.kind == "person"), None)
                elif recipient is None and re.match(r"(?:her|his|their) (?:guest|visitor)s? $", obj.group(1)):
                    recipient = _guest(d, giver)  # "presented her guest with": stated, by a description
            if recipient is None:
                to = re.search(r"\bto ((?:the )?[A-Z\u00C0-\u024F][\w\u00C0-\u024F-]*)", text[o_end:s.end])
                if to:
                    recipient = next((x.key for x in actors if x.start == o_end + to.start(1)), None)
            if recipient is not None:
                basis = "stated"
            elif m.group().endswith(" with") and d.gifts and d.gifts[-1].giver != giver:
                # "Y responded with a screen": a gift in return, to whoever gave Y the last one.
                recipient, basis = d.gifts[-1].giver, "implied"
            else:
                recipient = _guest(d, giver)
                basis = "implied" if recipient else None
            gift = GiftD(head, (o_start, o_end), [(a, o_end)], giver, recipient, basis)
            gift.key = d.unique_key(head)
            gift.occasion = next((e.key for e in d.events if e.kind == "handover" and not e.hypothetical
                                  and any(x <= a < y for x, y in e.spans)), None)
            for mm in _MEANING.finditer(text, o_end, s.end):
                g = 1 if mm.group(1) else 2
                gift.meanings.append((mm.start(g), mm.end(g)))
            _meaning_sentence(d, gift, s.index, head)
            d.gifts.append(gift)


def _head(np: str):
    """The head noun of "a handmade sword adorned with ...": the last word before a participle or preposition."""
    words = np.split()[1:]
    head = None
    for w in words:
        low = w.lower()
        if head is not None and (low.endswith(("ed", "ing")) or low in {"with", "of", "from", "in", "made", "by", "and"}):
            break
        head = low
    return re.sub(r"[^\w-]", "", head) if head else None


def _subject_before(d: Draft, start: int):
    """The person most recently the subject of an event before ``start``: whom "he" refers to."""
    for ev in reversed(d.events):
        if ev.spans and min(x for x, _ in ev.spans) < start and ev.participants and not ev.hypothetical:
            return ev.participants[0][0]
    return None


def _guest(d: Draft, giver: str):
    """The person who travelled or visited (not the giver): the implied recipient."""
    for ev in d.events:
        if ev.kind in ("travel", "arrival", "departure", "visit") and not ev.hypothetical:
            for key, role in ev.participants:
                if key != giver and role in ("traveller", "guest"):
                    return key
    return None


def _meaning_sentence(d: Draft, gift: GiftD, index: int, head: str) -> None:
    """The next sentence, when it opens with "The artifact", "The gift" or the object's noun, gives its meaning."""
    if index + 1 >= len(d.sentences):
        return
    nxt = d.sentences[index + 1]
    attributed = re.search(r"\b(?:said|says|told|added|according to)\b", nxt.text)  # then it is a claim
    if not attributed and re.match(rf"(?:The|This) (?:artifact|artefact|gift|present|object|{re.escape(head)})\b",
                                   nxt.text):
        gift.meanings.append((nxt.start, nxt.end))
