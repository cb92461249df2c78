"""Reading dossier documents (YAML, JSON) safely, keeping where each value stood in the file.

Safe by construction: a size limit, strict UTF-8 (a BOM is accepted), no YAML
tags beyond the plain JSON types, aliases expanded under a budget, duplicate
keys refused, nesting bounded. Positions (line, column) are kept per JSON
path so an error can name the line it is about.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, Callable

import yaml

from .errors import InvalidDossier, Problem, ReadError

__all__ = ["Document", "read_bytes", "parse_yaml", "parse_json", "DEFAULT_MAX_BYTES", "MAX_DEPTH"]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
# Values built from YAML aliases: enough for any real dossier, far too few for a billion laughs.
MAX_NODES = 1_000_000

Position = tuple[int, int]


@dataclass
class Document:
    """Parsed data, the name of the file it came from, and a lookup of positions by JSON path."""

    data: Any
    name: str | None = None
    directory: FsPath | None = None
    positions: Callable[[], dict[tuple[Any, ...], Position]] = field(default=lambda: {})

    def locate(self, loc: tuple[Any, ...]) -> Position | None:
        """Line and column of the value at ``loc``, or of the nearest enclosing value that has one."""
        table = self.positions()
        for n in range(len(loc), -1, -1):
            if loc[:n] in table:
                return table[loc[:n]]
        return None


def read_bytes(path: FsPath, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing one larger than ``max_bytes``. I/O faults become :class:`ReadError`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"the file is {size} bytes, over the limit of {max_bytes} (set max_bytes to raise it)",
                            str(path))
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
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
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InvalidDossier([Problem("encoding", f"byte {exc.start} (0x{data[exc.start]:02x}) is not UTF-8",
                                      file=name, line=line, column=col, expected="UTF-8 text")]) from None
    if not text.strip():
        raise InvalidDossier([Problem("empty", "the document is empty", file=name, expected="a dossier")])
    return text


def _fail(name: str | None, rule: str, message: str, line: int | None = None, column: int | None = None) -> InvalidDossier:
    return InvalidDossier([Problem(rule, message, file=name, line=line, column=column)])


# ---------------------------------------------------------------- YAML

class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: 2023-09-13 stays the string the dossier means."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_SCALARS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def parse_yaml(text: str, name: str | None = None) -> Document:
    """Parse one YAML document into plain data, with positions; every fault is an :class:`InvalidDossier`."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
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
    positions: dict[tuple[Any, ...], Position] = {}
    budget = [MAX_NODES]

    def build(node: yaml.Node, path: tuple[Any, ...]) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise _fail(name, "limit", f"YAML aliases expand to more than {MAX_NODES} values (an alias bomb?)")
        if len(path) > MAX_DEPTH:
            raise _fail(name, "limit", f"nesting deeper than {MAX_DEPTH} levels",
                        node.start_mark.line + 1, node.start_mark.column + 1)
        if path not in positions:
            positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALARS:
                raise _fail(name, "syntax", f"YAML tag {node.tag} is not allowed; only plain strings, numbers,"
                            " booleans and null", node.start_mark.line + 1, node.start_mark.column + 1)
            value = loader.construct_object(node, deep=True)
            if isinstance(value, float) and not math.isfinite(value):
                raise _fail(name, "syntax", "infinite or NaN numbers are not allowed",
                            node.start_mark.line + 1, node.start_mark.column + 1)
            return value
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
        raise _fail(name, "syntax", f"YAML tag {node.tag} is not allowed",
                    node.start_mark.line + 1, node.start_mark.column + 1)

    data = build(root, ())
    return Document(data, name, positions=lambda: positions)


# ---------------------------------------------------------------- JSON

def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


class _DuplicateKey(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(text: str, name: str | None = None) -> Document:
    """Parse JSON into plain data; positions are computed only when an error needs one."""
    depth = _max_depth(text)
    if depth > MAX_DEPTH:
        raise _fail(name, "limit", f"nesting deeper than {MAX_DEPTH} levels ({depth})")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _fail(name, "syntax", f"JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except _DuplicateKey as exc:
        line, col = _json_key_position(text, str(exc))
        raise _fail(name, "duplicate-key", f"key {str(exc)!r} appears twice in one object", line, col) from None
    except (ValueError, RecursionError) as exc:
        raise _fail(name, "syntax", f"JSON: {exc}") from None
    cache: dict[str, dict[tuple[Any, ...], Position]] = {}

    def positions() -> dict[tuple[Any, ...], Position]:
        if "p" not in cache:
            cache["p"] = _json_positions(text)
        return cache["p"]

    return Document(data, name, positions=positions)


def _max_depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


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
