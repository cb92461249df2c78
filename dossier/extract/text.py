"""Sentences, paragraphs and capitalised name chunks of an English news report, with code-point offsets.

Everything the extractor finds is a span of the original text (start, end;
end excluded), so evidence is always the article's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Sentence", "Chunk", "split_sentences", "name_chunks", "WORD", "FUNCTION_WORDS", "MONTHS"]

#: A word: letters or digits, with inner hyphens or apostrophes ("Jong-un", "O'Brien"; "Ethiopia's" gives "Ethiopia").
WORD = re.compile(r"[^\W_](?:[^\W_]|-(?=[^\W_])|['’](?!s\b)(?=[^\W_]))*")

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# Words that start sentences in capitals without being names; generic English, no article's words.
FUNCTION_WORDS = {
    "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "by", "for", "from", "to", "of",
    "with", "after", "before", "during", "following", "earlier", "later", "according", "as", "and", "but",
    "or", "if", "when", "while", "since", "although", "though", "because", "however", "meanwhile", "it",
    "its", "he", "she", "they", "we", "his", "her", "their", "our", "there", "here", "such", "any", "some",
    "both", "each", "all", "no", "not", "what", "which", "who", "whom", "whose", "where", "why", "how",
    "then", "also", "still", "yet", "so", "thus", "instead", "under", "over", "across", "between", "amid",
    "among", "despite", "about", "into", "upon", "within", "without", "through", "toward", "towards",
    "once", "again", "more", "most", "other", "another", "one", "two", "three", "last", "next", "first",
    "source", "sources", "mr", "mrs", "ms", "dr", "speaking", "asked", "meanwhile", "separately",
}
# Lower-case words allowed inside a name ("Bank of England", "Charles de Gaulle").
_CONNECTORS = {"of", "de", "del", "der", "da", "di", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "dos",
               "das", "do", "den", "ter", "ten", "bint"}
# Name particles joined to the next name by a hyphen ("Khalid al-Mansoori", "Ahmed el-Sayed"): lower-case, yet
# part of the name.
_PARTICLE = re.compile(r"(?:al|el|ad|ash|as|at|ar|an|az|bin|ibn|abu|bint|ben|ould|d)[-'’][A-Z\u00C0-\u024F]")


@dataclass
class Sentence:
    """A sentence: its offsets, its paragraph's index, and its position in the article."""

    start: int
    end: int
    paragraph: int
    index: int
    text: str = field(repr=False)

    def spans(self, pattern: "re.Pattern[str]") -> list[re.Match[str]]:
        """Matches of ``pattern`` in this sentence (offsets relative to the sentence)."""
        return list(pattern.finditer(self.text))


@dataclass
class Chunk:
    """A run of capitalised words: a candidate name."""

    start: int
    end: int
    text: str
    sentence_initial: bool


_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z\u00C0-\u024F])|(?<=\))\s+(?=[A-Z])")
# Abbreviations that end with a full stop but do not end a sentence.
# A single capital with a full stop is an initial ("J. Smith"), not a sentence's end.
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Prof|Jr|Sr|U\.S|U\.N|U\.K|E\.U|No|vs|e\.g|"
                     r"i\.e|Rev|Fr|Msgr|Hon|Adm|Maj|Brig|Cdr|Inc|Ltd|Corp|Co|Bros|Mt|Ft|Ave|Blvd|Rd|approx|"
                     r"Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.$|(?<![\w.])[A-Z]\.$")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into paragraphs (at line breaks) and sentences, keeping offsets.

    A "(Source: X)" line closing a paragraph is a sentence of its own.
    """
    out: list[Sentence] = []
    para = 0
    for pm in re.finditer(r"[^\n]+", text):
        if not pm.group().strip():
            continue
        pstart, ptext = pm.start(), pm.group()
        cut = 0
        for m in _SENT_END.finditer(ptext):
            if _ABBREV.search(ptext[:m.start()]):
                continue
            _add(out, text, pstart + cut, pstart + m.start(), para)
            cut = m.end()
        _add(out, text, pstart + cut, pstart + len(ptext), para)
        para += 1
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para, len(out), text[start:end]))


def _is_cap(word: str) -> bool:
    return word[0].isupper() or _PARTICLE.match(word) is not None


def name_chunks(text: str, sentences: list[Sentence]) -> list[Chunk]:
    """Runs of capitalised words in each sentence (connectors allowed inside), months and weekdays left out.

    Leading function words ("The", "According") are dropped; a chunk that
    starts a sentence is flagged, since its capital may be the sentence's.
    """
    chunks: list[Chunk] = []
    for s in sentences:
        words = [(m.start() + s.start, m.end() + s.start, m.group()) for m in WORD.finditer(s.text)]
        i = 0
        while i < len(words):
            if not _is_cap(words[i][2]) or _skip(words[i][2]):
                i += 1
                continue
            j = i
            while j + 1 < len(words):
                nxt = words[j + 1]
                gap = text[words[j][1]:nxt[0]]
                if gap != " ":
                    break
                if _is_cap(nxt[2]) and not _skip(nxt[2]):
                    j += 1
                elif nxt[2] in _CONNECTORS and j + 2 < len(words) and _is_cap(words[j + 2][2]) \
                        and text[nxt[1]:words[j + 2][0]] == " ":
                    j += 2
                else:
                    break
            first = i
            # Drop leading function words: "The Kremlin" -> "Kremlin", "According" -> nothing.
            while first <= j and words[first][2].lower() in FUNCTION_WORDS:
                first += 1
            if first <= j:
                initial = words[first][0] == s.start or text[s.start:words[first][0]].strip() in ("", "(", "\"", "“")
                start, end = words[first][0], words[j][1]
                chunks.append(Chunk(start, end, text[start:end], initial))
            i = j + 1
    return chunks


def _skip(word: str) -> bool:
    low = word.lower()
    return low in MONTHS or low in _WEEKDAYS
