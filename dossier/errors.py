"""The one exception root of dossier, and the located problem records it carries.

Every failure the library reports is a :class:`DossierError`. Validation
failures carry a list of :class:`Problem` records, each naming the file, the
place in it (a JSON path, and a line and column where the input has lines, or
a node IRI for RDF), the rule that was broken and what was expected.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterable, Sequence

__all__ = [
    "DossierError",
    "InvalidDossier",
    "Problem",
    "ReadError",
    "UnknownFormat",
    "RemoteContextRefused",
    "json_path",
    "in_reading_order",
    "rank",
    "summarise",
    "printable",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place of one input.

    ``path`` is a JSON path such as ``$.events[2].participants[0]``; ``line``
    and ``column`` are 1-based and set when the input format has lines;
    ``node`` is the IRI of the RDF node at fault, for RDF inputs.
    """

    rule: str
    message: str
    path: str = "$"
    file: str | None = None
    line: int | None = None
    column: int | None = None
    node: str | None = None
    expected: str | None = None

    def where(self) -> str:
        """The place of the problem, as a person reads it: ``file:line:col: $.path``."""
        parts = []
        if self.file:
            loc = printable(self.file)
            if self.line is not None:
                loc += f":{self.line}"
                if self.column is not None:
                    loc += f":{self.column}"
            parts.append(loc)
        if self.node:
            parts.append(f"<{printable(self.node)}>")
        if self.path and self.path != "$" or not parts:
            parts.append(printable(self.path))
        return " ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where()}: {printable(self.message)} [{self.rule}]"
        if self.expected:
            text += f" (expected {printable(self.expected)})"
        return text

    def as_record(self) -> dict[str, object]:
        """A plain dict for machine-readable output; unset fields are dropped."""
        return {k: v for k, v in asdict(self).items() if v is not None}


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters escaped: hostile input must not drive the reader's terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def json_path(loc: Iterable[object]) -> str:
    """Turn a location tuple such as ``("events", 2, "participants", 0)`` into ``$.events[2].participants[0]``."""
    out = "$"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            out += f".{part}"
        else:
            out += "[" + repr(str(part)) + "]"
    return out


class DossierError(Exception):
    """Root of every error dossier raises."""


class InvalidDossier(DossierError):
    """The input was read but is not a valid dossier; ``problems`` lists every fault found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = in_reading_order(problems)
        super().__init__(summarise(self.problems))

    @property
    def first(self) -> Problem:
        """The problem a person should read first."""
        return self.problems[0]

    def __reduce__(self) -> tuple[object, ...]:
        # __init__ takes problems, not the message in args: pickling (a process pool) must say so.
        return (_rebuild, (type(self), self.problems, dict(self.__dict__)))


class ReadError(DossierError):
    """The input could not be read at all: missing, unreadable, too large, or not text."""

    def __init__(self, message: str, file: str | None = None):
        self.file = file
        super().__init__(f"{file}: {message}" if file else message)


class UnknownFormat(DossierError):
    """A format name, alias, media type or file extension that the registry does not know."""


class RemoteContextRefused(InvalidDossier):
    """A JSON-LD document asked for a context other than the bundled one; nothing was fetched.

    ``url`` is the context asked for; the one problem carries where it was asked.
    """

    def __init__(self, url: str, *, file: str | None = None, path: str = "$", line: int | None = None,
                 column: int | None = None, expected: str | None = None):
        self.url = url
        super().__init__([Problem(
            "remote-context", f"the context {url!r} is not dossier's; remote contexts are refused, never fetched",
            path, file, line, column, expected=expected)])


def _rebuild(cls: type, problems: list[Problem], state: dict[str, object]) -> InvalidDossier:
    exc = cls.__new__(cls)
    InvalidDossier.__init__(exc, problems)
    exc.__dict__.update(state)
    return exc  # type: ignore[no-any-return]


# Faults that make the rest of a document unreadable come first, then faults of shape
# (JSON Schema, unknown fields), then the rest: later faults are often echoes of earlier ones.
_FIRST = {"syntax", "limit", "encoding", "empty", "duplicate-key", "remote-context", "jsonld", "iri",
          "language-tag", "blank-node"}
_SHAPE = {"schema", "unknown-field", "missing-field", "wrong-type-name", "article-changed", "article-unreadable"}


def rank(rule: str) -> int:
    """0 for faults of syntax and reading, 1 for faults of shape, 2 for the rest (integrity, evidence, SHACL)."""
    if rule in _FIRST:
        return 0
    if rule in _SHAPE or rule.startswith("schema-"):
        return 1
    return 2


def _reading_order(p: Problem) -> tuple[int, str, int, int, str, str]:
    return (rank(p.rule), p.file or "", p.line or 0, p.column or 0, p.path, p.node or "")


def in_reading_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems sorted so the one a person should read first comes first."""
    return sorted(problems, key=_reading_order)


def summarise(problems: Sequence[Problem], limit: int = 20, per_rule: int = 5) -> str:
    """Render problems for a person, in the order given.

    At most ``per_rule`` problems of one rule and ``limit`` in all are shown
    in full; the others are counted by rule, so a hundred faults of one kind
    take a few lines, and a lone fault of another kind is not buried under them.
    """
    if not problems:
        return "no problems"
    lines: list[str] = []
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    for p in problems:
        if shown[p.rule] < per_rule and sum(shown.values()) < limit:
            shown[p.rule] += 1
            lines.append(str(p))
        else:
            hidden[p.rule] += 1
    for rule, n in hidden.items():
        lines.append(f"... and {n} more [{rule}]")
    return "\n".join(lines)


@dataclass
class ProblemList:
    """A collector used by checks that report every fault rather than the first."""

    file: str | None = None
    items: list[Problem] = field(default_factory=list)

    def add(self, rule: str, message: str, path: str = "$", **kw: object) -> None:
        """Record a problem at ``path``."""
        self.items.append(Problem(rule=rule, message=message, path=path, file=self.file, **kw))  # type: ignore[arg-type]

    def raise_if_any(self) -> None:
        """Raise :class:`InvalidDossier` when anything was recorded."""
        if self.items:
            raise InvalidDossier(self.items)
