"""Converting many inputs: one output per input into a folder, or one combined N-Quads or JSON Lines stream.

Work is spread over ``jobs`` processes. Inputs go to the workers in small
chunks, with a bounded number of chunks in flight, so memory does not grow
with the number of inputs; outputs are written in input order, so a run is
deterministic. A failing input is reported with its file and does not lose
the others' output.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sys
import tempfile
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, Callable, Iterator, Optional, Sequence, Union

from .errors import DossierError, InvalidDossier, ReadError, UnknownFormat, summarise
from .formats import FORMATS, _umask, atomic_write, dumps_bytes, get_format, output_format, read
from .reading import DEFAULT_MAX_BYTES

__all__ = ["expand_inputs", "convert_one", "convert_many", "COMBINED"]

#: Output extensions that combine every input into one stream.
COMBINED = {".nq": "nquads", ".jsonl": "jsonl"}
_EXTENSIONS = {ext for f in FORMATS.values() if f.read for ext in f.extensions}
#: Inputs per task sent to a worker, at most: enough to make the cost of a task small, few enough to stay balanced.
CHUNK = 8


def expand_inputs(inputs: Sequence[str]) -> list[Path]:
    """Files named, files of a folder (those with a known extension, sorted), and glob matches, in order."""
    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _EXTENSIONS)
        elif any(ch in item for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise ReadError(f"no file matches {item!r}")
            out += [Path(m) for m in matches]
        else:
            out.append(path)
    return out


def convert_one(path: str, to: str, base: Optional[str], source_format: Optional[str], max_bytes: int) -> bytes:
    """Read one input (any readable format, article texts included) and return it written in ``to``, as UTF-8."""
    report = read(path, source_format, max_bytes=max_bytes)
    if to == "jsonl":
        from .canonical import to_data

        return (json.dumps(to_data(report), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    return dumps_bytes(report, to, base=base)


def _safe_convert(path: str, to: str, base: Optional[str], source_format: Optional[str],
                  max_bytes: int) -> tuple[bool, Union[bytes, str]]:
    """(True, the output) or (False, what is wrong)."""
    try:
        return True, convert_one(path, to, base, source_format, max_bytes)
    except InvalidDossier as exc:
        return False, summarise(exc.problems)
    except DossierError as exc:
        return False, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
        return False, f"internal error ({type(exc).__name__}: {exc})"


def _convert_chunk(paths: list[str], args: tuple, part: Optional[str],  # type: ignore[type-arg]
                   files: Optional[list[str]]) -> tuple[list[tuple[bool, str]], int]:
    """Convert ``paths`` and write their outputs; return (converted, error message) per input, and the bytes written.

    Outputs are written here, in the worker, and never sent back: piping
    gigabytes of text through the parent would make it the bottleneck. With
    ``part`` the outputs are written one after another from the start of
    that file; with ``files`` each goes (atomically) to its own file.
    """
    results = [_safe_convert(p, *args) for p in paths]
    written = 0
    if files is not None:
        for (ok, data), target in zip(results, files):
            if ok:
                atomic_write(target, data)
    elif part is not None:
        outputs = [data for ok, data in results if ok]
        written = sum(map(len, outputs))  # type: ignore[arg-type]
        # Over what the file held before, not truncated: a part file is used again and again (see _results),
        # and writing over pages the kernel has already cached for it is cheaper than having it cache new ones.
        with os.fdopen(os.open(part, os.O_WRONLY | os.O_CREAT, 0o600), "wb") as sink:
            sink.writelines(outputs)  # type: ignore[arg-type]
    return [(ok, "" if ok else data) for ok, data in results], written  # type: ignore[misc]


def _chunks(count: int, jobs: int) -> Iterator[range]:
    # Small inputs sets still reach every worker: never more than a quarter of a worker's share per chunk.
    size = max(1, min(CHUNK, count // (jobs * 4)))
    for i in range(0, count, size):
        yield range(i, min(i + size, count))


#: Hands on the first ``size`` bytes of a part file.
Deliver = Callable[[str, int], None]


def _results(paths: list[Path], jobs: int, args: tuple, parts: Optional[str],  # type: ignore[type-arg]
             files: Optional[list[str]], deliver: Deliver) -> Iterator[tuple[Path, bool, str]]:
    """Convert every input, chunk by chunk, and yield (path, converted, error message) in input order.

    With ``parts`` (a folder), each chunk writes a part file there, which is
    handed to ``deliver`` once every chunk before it has been: a combined
    output keeps input order however the workers finish. There are as many
    part files as chunks in flight, each used again once it is delivered.
    """
    window_size = 1 if jobs <= 1 or len(paths) <= 1 else jobs * 3  # bounded: memory does not grow with the inputs
    chunks = list(_chunks(len(paths), 1 if window_size == 1 else jobs))

    def part_of(number: int) -> Optional[str]:
        # Chunk n reuses the file of chunk n - window_size, which _results delivers just before it sends chunk n.
        return os.path.join(parts, str(number % window_size)) if parts else None

    def task(number: int) -> tuple[list[str], tuple, Optional[str], Optional[list[str]]]:  # type: ignore[type-arg]
        chunk = chunks[number]
        return ([str(paths[i]) for i in chunk], args, part_of(number),
                None if files is None else [files[i] for i in chunk])

    def settle(number: int, done: tuple[list[tuple[bool, str]], int]) -> list[tuple[Path, bool, str]]:
        results, written = done
        part = part_of(number)
        if part is not None and written:
            deliver(part, written)
        return [(paths[i], *result) for i, result in zip(chunks[number], results)]

    if window_size == 1:
        for number in range(len(chunks)):
            yield from settle(number, _convert_chunk(*task(number)))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: deque[tuple[int, Future]] = deque()  # type: ignore[type-arg]
        for number in range(len(chunks)):
            window.append((number, pool.submit(_convert_chunk, *task(number))))
            if len(window) >= window_size:
                done, fut = window.popleft()
                yield from settle(done, fut.result())
        for number, fut in window:
            yield from settle(number, fut.result())


def _append_to(sink: IO[bytes]) -> Deliver:
    """Deliver a part file by appending it to ``sink``; the kernel copies, nothing passes through Python."""
    def deliver(part: str, size: int) -> None:
        sink.flush()
        with open(part, "rb") as src:
            copied = 0
            while copied < size:
                sent = os.sendfile(sink.fileno(), src.fileno(), copied, size - copied)
                if sent == 0:
                    raise OSError(f"could not copy {part}: the output stopped taking data")
                copied += sent

    return deliver


def _to_stdout(part: str, size: int) -> None:
    with open(part, "rb") as src:
        sys.stdout.write(src.read(size).decode("utf-8"))


class _Progress:
    """A one-line progress bar on ``stream``: inputs done, of how many, failures, rate."""

    def __init__(self, total: int, enabled: bool, stream: IO[str]):
        self.total, self.enabled, self.stream, self.done, self.failed = total, enabled, stream, 0, 0
        self.started = self.shown = time.monotonic()

    def step(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if self.enabled and (now - self.shown >= 0.1 or self.done == self.total):
            self.shown = now
            width = 30
            filled = width * self.done // self.total
            rate = self.done / max(now - self.started, 1e-9)
            failed = f", {self.failed} failed" if self.failed else ""
            self.stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total}{failed}"
                              f" ({rate:.0f}/s)")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()

    def clear(self) -> None:
        """Take the bar's line back, so that a message can be printed on a line of its own."""
        if self.enabled and self.done < self.total:
            self.stream.write("\r\x1b[K")


def _output_names(paths: list[Path], ext: str) -> list[str]:
    names = [path.stem.removesuffix(".dossier") + ext for path in paths]
    seen: dict[str, Path] = {}
    for path, name in zip(paths, names):
        if name in seen:
            raise UnknownFormat(f"{seen[name]} and {path} would both be written to {name}; "
                                "convert them into different folders, or combine them into a .nq or .jsonl file")
        seen[name] = path
    return names


def convert_many(inputs: Sequence[str], *, to: Optional[str] = None, output: Optional[str] = None,
                 base: Optional[str] = None, source_format: Optional[str] = None, jobs: int = 1,
                 progress: Optional[bool] = None, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Convert every input; return the exit code (0 all converted, 1 some failed). Failures go to stderr.

    ``inputs`` are files, folders and globs. ``output`` is a file (one
    input), a folder (one file per input), or a ``.nq`` or ``.jsonl`` file
    that combines them all; with no ``output``, the result goes to standard
    output, which takes several inputs only as a combined stream (``to`` is
    ``nquads`` or ``jsonl``). Without ``to``, the format is the one the
    output file's extension names (``-o out.ttl`` writes Turtle), else
    JSON. ``progress`` shows a bar on standard error; by default only when
    it is a terminal and there are several inputs.
    """
    paths = expand_inputs(inputs)
    if not paths:
        raise ReadError(f"no input files in {', '.join(inputs)} (known extensions: {', '.join(sorted(_EXTENSIONS))})")
    out = Path(output) if output else None
    combined = COMBINED.get(out.suffix.lower()) if out and not out.is_dir() else None
    if combined:
        to = combined
    elif to is None:
        to = output_format(out) if out is not None and not out.is_dir() else "json"
    elif to != "jsonl":
        fmt = get_format(to)
        if fmt.write is None:
            raise UnknownFormat(f"dossier reads {fmt.name} but does not write it")
        to = fmt.name
    if len(paths) > 1 and out is None and to not in COMBINED.values():
        raise UnknownFormat("several inputs need -o: a folder, or a .nq or .jsonl file to combine them "
                            "(or --to nquads / jsonl to stream them to standard output)")
    folder = out if out is not None and not combined and (len(paths) > 1 or out.is_dir()) else None
    if out is not None and folder is None and not out.parent.is_dir():
        raise ReadError(f"cannot write {out}: the folder {out.parent} does not exist")
    files: Optional[list[str]] = None
    if folder is not None:
        names = _output_names(paths, ".jsonl" if to == "jsonl" else get_format(to).extensions[0])
        folder.mkdir(parents=True, exist_ok=True)
        files = [str(folder / name) for name in names]
    elif out is not None and not combined:
        files = [str(out)]
    if progress is None:
        progress = len(paths) > 1 and sys.stderr.isatty()
    bar = _Progress(len(paths), progress, sys.stderr)
    failures = 0
    args = (to, base, source_format, max_bytes)
    sink, tmp, parts = None, None, None
    try:
        if files is None:  # one stream: parts in a private folder beside the output (or in the temporary folder)
            where = (out.parent if str(out.parent) else Path(".")) if combined else None  # type: ignore[union-attr]
            parts = tempfile.mkdtemp(prefix=".dossier-parts-", dir=where)
        if combined:
            fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parts)  # type: ignore[union-attr]
            sink = os.fdopen(fd, "wb")
        deliver = _append_to(sink) if sink is not None else _to_stdout
        for path, ok, message in _results(paths, jobs, args, parts, files, deliver):
            if not ok:
                failures += 1
                bar.clear()
                print(f"{path}: {message}" if not message.startswith(str(path)) else message, file=sys.stderr)
            bar.step(ok)
        if sink is not None:
            sink.close()
            os.chmod(tmp, 0o666 & ~_umask())  # type: ignore[arg-type]
            os.replace(tmp, out)  # type: ignore[arg-type]
    finally:
        if sink is not None:
            sink.close()
        if parts is not None:
            shutil.rmtree(parts, ignore_errors=True)
    return 1 if failures else 0
