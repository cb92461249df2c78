"""Reading dossier documents (YAML, JSON) safely, keeping where each value stood in the file.

Safe by construction: a size limit, strict UTF-8 (a BOM is accepted), no YAML
tags beyond the plain JSON types, aliases expanded under a budget, duplicate
keys refused, nesting bounded. Positions (line, column) are kept per JSON
path so an error can name the line it is about.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path as FsPath
from typing import Any, Callable

import yaml

from .errors import InvalidDossier, Problem, ReadError, json_path

__all__ = ["Document", "read_bytes", "decode", "parse_yaml", "parse_json", "DEFAULT_MAX_BYTES", "MAX_DEPTH",
           "MAX_ALIAS_VALUES"]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
# Values YAML aliases may add beyond the document's own: more than any real dossier
# uses, far too few for a billion laughs, and counted before anything is expanded.
MAX_ALIAS_VALUES = 100_000

Position = tuple[int, int]


@dataclass
class Document:
    """Parsed data, the name of the file it came from, and a lookup of positions by JSON path."""

    data: Any
    name: str | None = None
    directory: FsPath | None = None
    positions: Callable[[], dict[tuple[Any, ...], Position]] = field(default=lambda: {})
    #: False when the parser left the nesting depth unchecked (see :func:`parse_json`); :meth:`require_depth` checks it.
    depth_checked: bool = True

    def locate(self, loc: tuple[Any, ...]) -> Position | None:
        """Line and column of the value at ``loc``, or of the nearest enclosing value that has one."""
        table = self.positions()
        for n in range(len(loc), -1, -1):
            if loc[:n] in table:
                return table[loc[:n]]
        return None

    def require_depth(self) -> None:
        """Refuse data nesting deeper than ``MAX_DEPTH``, if the parser left that unchecked; then it is checked."""
        if not self.depth_checked:
            self.depth_checked = True
            if _too_deep(self.data):
                raise _fail(self.name, "limit", f"nesting deeper than {MAX_DEPTH} levels")


def read_bytes(path: FsPath, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing one larger than ``max_bytes``. I/O faults become :class:`ReadError`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"the file is {size} bytes, over the limit of {max_bytes} bytes "
                            "(--max-bytes, or max_bytes in Python, raises it)", str(path))
        with path.open("rb") as fh:
            # Asking for the size the file has: asking for max_bytes makes a buffer that large for every
            # file (an mmap and munmap of 16 MiB each time), which cost ten times the read itself.
            # One byte more tells a file that grew since, or a pipe, which is then read on to the limit.
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), str(path)) from None
    if len(data) > max_bytes:
        raise ReadError(f"the file is over the limit of {max_bytes} bytes", str(path))
    return data


def decode(data: bytes, name: str | None) -> str:
    """Strict UTF-8, with a leading byte order mark dropped; an empty document is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8", "replace")) + 1  # in characters, as editors count
        raise InvalidDossier([Problem("encoding", f"byte {exc.start} (0x{data[exc.start]:02x}) is not UTF-8",
                                      file=name, line=line, column=col, expected="UTF-8 text")]) from None
    if not text.strip():
        raise InvalidDossier([Problem("empty", "the document is empty", file=name, expected="a dossier")])
    return text


def _line_col(text: str, at: int) -> tuple[int, int]:
    """1-based line and column of character offset ``at``."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _fail(name: str | None, rule: str, message: str, line: int | None = None, column: int | None = None) -> InvalidDossier:
    return InvalidDossier([Problem(rule, message, file=name, line=line, column=column)])


# An escape such as \ud800 with no partner names no character: no output format could hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_MESSAGE = "an escape gives a lone surrogate (\\ud800-\\udfff), which is not a character"


# ---------------------------------------------------------------- YAML

class _TooDeep(Exception):
    def __init__(self, mark: Any):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver (2023-09-13 stays the string the dossier means),
    and with bounded nesting: PyYAML composes recursively, so 100,000 ``[`` would exhaust the stack."""

    _depth = 0

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        # Caught while scanning too: the scanner slows down with every open bracket.
        if self.flow_level >= MAX_DEPTH:
            raise _TooDeep(self.get_mark())
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_SCALARS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def _tag_message(tag: str) -> str:
    # Tags such as !!python/object would construct objects; a dossier is plain data, so every tag is refused.
    return f"YAML tag {tag} is not allowed; a dossier holds only mappings, lists, strings, numbers, booleans and null"


def _expanded_size(root: yaml.Node, name: str | None) -> tuple[int, int]:
    """Values the node graph expands to, and distinct nodes in it; computed without expanding anything.

    Aliases make the graph a DAG (or a cycle), so sizes are memoised per node
    and the walk is cut at ``MAX_DEPTH``, which also catches an alias to itself.
    """
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise _fail(name, "limit", f"nesting deeper than {MAX_DEPTH} levels (or an alias that contains itself)",
                        node.start_mark.line + 1, node.start_mark.column + 1)
        key = id(node)
        if key not in sizes:
            if isinstance(node, yaml.SequenceNode):
                total = 1 + sum(size(item, depth + 1) for item in node.value)
            elif isinstance(node, yaml.MappingNode):
                total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
            else:
                total = 1
            sizes[key] = total
        return sizes[key]

    return size(root, 0), len(sizes)


def parse_yaml(text: str, name: str | None = None) -> Document:
    """Parse one YAML document into plain data, with positions; every fault is an :class:`InvalidDossier`."""
    text = text.removeprefix("\ufeff")
    try:
        loader = _Loader(text)  # the reader refuses control characters here, before any parsing
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raise _fail(name, "syntax", f"YAML: the character U+{exc.character:04X} is not allowed in YAML",
                    line, col) from None
    try:
        root = loader.get_single_node()
    except yaml.reader.ReaderError as exc:  # raised again for text the reader sees later
        line, col = _line_col(text, exc.position)
        raise _fail(name, "syntax", f"YAML: the character U+{exc.character:04X} is not allowed in YAML",
                    line, col) from None
    except _TooDeep as exc:
        raise _fail(name, "limit", f"nesting deeper than {MAX_DEPTH} levels",
                    exc.mark.line + 1, exc.mark.column + 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _fail(name, "syntax", f"YAML: {exc.problem or exc.context}",
                    mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise _fail(name, "syntax", f"YAML: {exc}") from None
    finally:
        loader.dispose()
    if root is None:
        raise _fail(name, "empty", "the document is empty")
    expanded, distinct = _expanded_size(root, name)
    if expanded - distinct > MAX_ALIAS_VALUES:
        raise _fail(name, "limit", f"YAML aliases expand to {expanded} values, more than {MAX_ALIAS_VALUES} "
                    "beyond the document's own (an alias bomb?)")
    positions: dict[tuple[Any, ...], Position] = {}

    def scalar(node: yaml.ScalarNode) -> Any:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if node.tag not in _SCALARS:
            raise _fail(name, "syntax", _tag_message(node.tag), line, col)
        try:
            value = loader.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):  # an int of 5,000 digits, an explicit !!int on a word
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
            raise _fail(name, "syntax", f"YAML: {shown!r} is not a valid {node.tag.rsplit(':', 1)[-1]}",
                        line, col) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise _fail(name, "syntax", "infinite or NaN numbers are not allowed", line, col)
        if isinstance(value, str) and _SURROGATE.search(value):
            raise _fail(name, "encoding", _SURROGATE_MESSAGE, line, col)
        return value

    def build(node: yaml.Node, path: tuple[Any, ...]) -> Any:
        if len(path) > MAX_DEPTH:
            raise _fail(name, "limit", f"nesting deeper than {MAX_DEPTH} levels",
                        node.start_mark.line + 1, node.start_mark.column + 1)
        if path not in positions:
            positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return scalar(node)
        if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
            return [build(item, path + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:map":
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                    raise _fail(name, "syntax", "mapping keys must be plain strings", line, col)
                key = key_node.value
                if key == "<<":
                    raise _fail(name, "syntax", "YAML merge keys (<<) are not allowed", line, col)
                if key in out:
                    raise _fail(name, "duplicate-key", f"key {key!r} appears twice in one mapping", line, col)
                positions[path + (key,)] = (line, col)
                out[key] = build(value_node, path + (key,))
            return out
        raise _fail(name, "syntax", _tag_message(node.tag), node.start_mark.line + 1, node.start_mark.column + 1)

    data = build(root, ())
    return Document(data, name, positions=lambda: positions)


# ---------------------------------------------------------------- JSON

def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # called for every object: the loop that names the key runs only for a fault
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


class _DuplicateKey(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses as infinity, which no format of dossier can carry
        raise ValueError(f"the number {text[:40]} is too large")
    return value


def parse_json(text: str, name: str | None = None, *, check_depth: bool = True) -> Document:
    """Parse JSON into plain data; positions are computed only when an error needs one.

    Data nesting deeper than ``MAX_DEPTH`` is refused. With ``check_depth``
    false that check is left to the caller (:meth:`Document.require_depth`):
    loading a dossier makes it only where the models could not have bounded
    the depth already, which saves a pass over every value of every file.
    """
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant,
                          parse_float=_finite_float)
    except RecursionError:  # json's C parser stops itself at Python's recursion limit, long before the C stack
        raise _fail(name, "limit", f"nesting deeper than {MAX_DEPTH} levels") from None
    except json.JSONDecodeError as exc:
        raise _fail(name, "syntax", f"JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except _DuplicateKey as exc:
        line, col = _json_key_position(text, str(exc))
        raise _fail(name, "duplicate-key", f"key {str(exc)!r} appears twice in one object", line, col) from None
    except ValueError as exc:
        message = str(exc)
        if "integer string conversion" in message:
            message = "a number has more digits than Python reads (4300)"
        raise _fail(name, "syntax", f"JSON: {message}") from None
    cache: dict[str, dict[tuple[Any, ...], Position]] = {}

    def positions() -> dict[tuple[Any, ...], Position]:
        if "p" not in cache:
            cache["p"] = _json_positions(text)
        return cache["p"]

    doc = Document(data, name, positions=positions, depth_checked=False)
    surrogates = _SURROGATE_ESCAPE.search(text)
    if check_depth or surrogates:
        doc.require_depth()  # before the search below, which recurses
    if surrogates:
        where = _find_surrogate(data, ())
        if where is not None:
            line_col = doc.locate(where) or (None, None)
            raise InvalidDossier([Problem("encoding", _SURROGATE_MESSAGE, json_path(where), name, *line_col)])
    return doc


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _find_surrogate(value: Any, loc: tuple[Any, ...]) -> tuple[Any, ...] | None:
    if isinstance(value, str):
        return loc if _SURROGATE.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and _SURROGATE.search(key):
            return loc + (key,)
        found = _find_surrogate(item, loc + (key,))
        if found is not None:
            return found
    return None


_CONTAINERS = frozenset((dict, list))


def _too_deep(data: Any) -> bool:
    """Whether lists and objects nest deeper than ``MAX_DEPTH`` (the outermost is level 1); no recursion."""
    # Level by level, in comprehensions rather than a stack of (value, depth) pairs: this runs on
    # every load, over every value, and the data holds only what json makes (dict, list, scalars).
    level = [data] if type(data) in _CONTAINERS else []
    for _ in range(MAX_DEPTH):
        if not level:
            return False
        values = chain.from_iterable(value.values() if type(value) is dict else value for value in level)
        level = [value for value in values if type(value) in _CONTAINERS]
    return bool(level)


def _json_key_position(text: str, key: str) -> tuple[int | None, int | None]:
    needle = json.dumps(key)
    first = text.find(needle)
    second = text.find(needle, first + 1) if first != -1 else -1
    at = second if second != -1 else first
    if at == -1:
        return None, None
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _json_positions(text: str) -> dict[tuple[Any, ...], Position]:
    """Map each JSON path to the line and column where its value starts (text is known to be valid JSON)."""
    positions: dict[tuple[Any, ...], Position] = {}
    decoder = json.JSONDecoder()
    stack: list[list[Any]] = []  # frames: [path, is_object, next_index, pending_key]
    line, line_start, i, n = 1, 0, 0, len(text)

    def mark(path: tuple[Any, ...], at: int) -> None:
        positions.setdefault(path, (line, at - line_start + 1))

    def value_path() -> tuple[Any, ...]:
        if not stack:
            return ()
        frame = stack[-1]
        if frame[1]:
            return frame[0] + (frame[3],)
        path = frame[0] + (frame[2],)
        frame[2] += 1
        return path

    expect_key = False
    while i < n:
        ch = text[i]
        if ch == "\n":
            line, line_start = line + 1, i + 1
            i += 1
        elif ch in " \t\r,:":
            i += 1
        elif ch in "]}":
            stack.pop()
            expect_key = bool(stack) and stack[-1][1]
            i += 1
        elif ch == '"':
            s, end = decoder.raw_decode(text, i)
            if expect_key:
                stack[-1][3] = s
                mark(stack[-1][0] + (s,), i)
                expect_key = False
            else:
                mark(value_path(), i)
                expect_key = bool(stack) and stack[-1][1]
            i = end
        elif ch in "[{":
            path = value_path()
            mark(path, i)
            stack.append([path, ch == "{", 0, None])
            expect_key = ch == "{"
            i += 1
        else:
            mark(value_path(), i)
            _, end = decoder.raw_decode(text, i)
            i = end
            expect_key = bool(stack) and stack[-1][1]
    return positions
