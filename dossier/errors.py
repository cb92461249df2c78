"""The one exception root of dossier, and the located problem records it carries.

Every failure the library reports is a :class:`DossierError`. Validation
failures carry a list of :class:`Problem` records, each naming the file, the
place in it (a JSON path, and a line and column where the input has lines, or
a node IRI for RDF), the rule that was broken and what was expected.
"""

from __future__ import annotations

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
            loc = self.file
            if self.line is not None:
                loc += f":{self.line}"
                if self.column is not None:
                    loc += f":{self.column}"
            parts.append(loc)
        if self.node:
            parts.append(f"<{self.node}>")
        if self.path and self.path != "$" or not parts:
            parts.append(self.path)
        return " ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message} [{self.rule}]"
        if self.expected:
            text += f" (expected {self.expected})"
        return text

    def as_record(self) -> dict[str, object]:
        """A plain dict for machine-readable output; unset fields are dropped."""
        return {k: v for k, v in asdict(self).items() if v is not None}


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
        self.problems = sorted(problems, key=_reading_order)
        super().__init__(summarise(self.problems))


class ReadError(DossierError):
    """The input could not be read at all: missing, unreadable, too large, or not text."""

    def __init__(self, message: str, file: str | None = None):
        self.file = file
        super().__init__(f"{file}: {message}" if file else message)


class UnknownFormat(DossierError):
    """A format name, alias, media type or file extension that the registry does not know."""


class RemoteContextRefused(DossierError):
    """A JSON-LD document asked for a context other than the bundled one; nothing was fetched."""


# Syntax and schema faults make later faults noise, so a reader sees them first.
_RULE_RANK = {"syntax": 0, "limit": 0, "encoding": 0, "schema": 1, "unknown-field": 1}


def _reading_order(p: Problem) -> tuple[int, str, int, str]:
    return (_RULE_RANK.get(p.rule, 2), p.file or "", p.line or 0, p.path)


def summarise(problems: Sequence[Problem], limit: int = 20) -> str:
    """Render problems for a person: the first ``limit`` in full, the rest counted by rule."""
    if not problems:
        return "no problems"
    lines = [str(p) for p in problems[:limit]]
    rest = problems[limit:]
    if rest:
        counts = Counter(p.rule for p in rest)
        more = ", ".join(f"{n} x {rule}" for rule, n in sorted(counts.items()))
        lines.append(f"... and {len(rest)} more ({more})")
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
