"""Converting many inputs: one output per input into a folder, or one combined N-Quads or JSON Lines file.

Work is spread over ``jobs`` processes with a bounded window of inputs in
flight, so memory does not grow with the number of inputs; outputs are
written in input order, so a run is deterministic. A failing input is
reported with its file and does not lose the others' output.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import tempfile
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, Iterator, Optional, Sequence

from .errors import DossierError, InvalidDossier, ReadError, UnknownFormat, summarise
from .formats import FORMATS, _umask, atomic_write, dumps, get_format, read
from .reading import DEFAULT_MAX_BYTES

__all__ = ["expand_inputs", "convert_one", "convert_many", "COMBINED"]

#: Output extensions that combine every input into one stream.
COMBINED = {".nq": "nquads", ".jsonl": "jsonl"}
_EXTENSIONS = {ext for f in FORMATS.values() if f.read for ext in f.extensions}


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


def convert_one(path: str, to: str, base: Optional[str], source_format: Optional[str], max_bytes: int) -> str:
    """Read one input (any readable format, article texts included) and return it written in ``to``."""
    report = read(path, source_format, max_bytes=max_bytes)
    if to == "jsonl":
        from .canonical import to_data

        return json.dumps(to_data(report), ensure_ascii=False, separators=(",", ":")) + "\n"
    return dumps(report, to, base=base)


def _safe_convert(path: str, to: str, base: Optional[str], source_format: Optional[str],
                  max_bytes: int) -> tuple[bool, str]:
    try:
        return True, convert_one(path, to, base, source_format, max_bytes)
    except InvalidDossier as exc:
        return False, summarise(exc.problems)
    except DossierError as exc:
        return False, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
        return False, f"internal error ({type(exc).__name__}: {exc})"


def _results(paths: list[Path], jobs: int, args: tuple) -> Iterator[tuple[Path, bool, str]]:  # type: ignore[type-arg]
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield (p, *_safe_convert(str(p), *args))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: deque[tuple[Path, Future]] = deque()  # type: ignore[type-arg]
        todo = iter(paths)
        for p in todo:
            window.append((p, pool.submit(_safe_convert, str(p), *args)))
            if len(window) >= jobs * 8:
                done_path, fut = window.popleft()
                yield (done_path, *fut.result())
        while window:
            done_path, fut = window.popleft()
            yield (done_path, *fut.result())


class _Progress:
    def __init__(self, total: int, enabled: bool, stream: IO[str]):
        self.total, self.enabled, self.stream, self.done = total, enabled, stream, 0

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            self.stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()


def convert_many(inputs: Sequence[str], *, to: str = "json", output: Optional[str] = None, base: Optional[str] = None,
                 source_format: Optional[str] = None, jobs: int = 1, progress: Optional[bool] = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Convert every input; return the exit code (0 all converted, 1 some failed). Failures go to stderr."""
    paths = expand_inputs(inputs)
    out = Path(output) if output else None
    combined = COMBINED.get(out.suffix.lower()) if out and not out.is_dir() else None
    if combined:
        to = combined
    elif to != "jsonl":
        fmt = get_format(to)
        if fmt.write is None:
            raise UnknownFormat(f"dossier reads {fmt.name} but does not write it")
        to = fmt.name
    if len(paths) > 1 and out is None:
        raise UnknownFormat("several inputs need -o: a folder, or a .nq or .jsonl file to combine them")
    if progress is None:
        progress = len(paths) > 1 and sys.stderr.isatty()
    bar = _Progress(len(paths), progress, sys.stderr)
    failures = 0
    args = (to, base, source_format, max_bytes)
    folder = out if out is not None and not combined and (len(paths) > 1 or out.is_dir()) else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    sink, tmp = _open_combined(out) if combined else (None, None)
    try:
        for path, ok, text in _results(paths, jobs, args):
            bar.step()
            if not ok:
                failures += 1
                print(f"{path}: {text}" if not text.startswith(str(path)) else text, file=sys.stderr)
            elif sink is not None:
                sink.write(text)
            elif folder is not None:
                ext = ".jsonl" if to == "jsonl" else get_format(to).extensions[0]
                atomic_write(folder / (path.stem.removesuffix(".dossier") + ext), text)
            elif out is not None:
                atomic_write(out, text)
            else:
                sys.stdout.write(text)
        if sink is not None:
            sink.close()
            os.chmod(tmp, 0o666 & ~_umask())  # type: ignore[arg-type]
            os.replace(tmp, out)  # type: ignore[arg-type]
            sink = None
    finally:
        if sink is not None:
            sink.close()
            os.unlink(tmp)  # type: ignore[arg-type]
    return 1 if failures else 0


def _open_combined(out: Path) -> tuple[IO[str], str]:
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent if str(out.parent) else ".")
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n"), tmp


