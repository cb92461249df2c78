"""Fuzzing every reader: random bytes and mutated valid documents; only dossier's own errors may come out.

Each reader (``formats.loads_as`` for every registered format) and the
validator (``validation.problems_in`` on a file) gets random bytes and the
seed's files in every format with bytes deleted, inserted or replaced, lines
swapped, tokens spliced in, or the end cut off. Anything but a
:class:`dossier.DossierError` fails the test, and so does an example that
runs longer than :data:`HANG_SECONDS` (a hang).

The suite runs a few examples per format (well under 30 s). The long run is
``python fuzz/run.py --minutes 10`` (see docs/validation.md); it reuses
:func:`check_one` and :func:`mutations` from here.
"""

from __future__ import annotations

import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import DossierError
from dossier.formats import FORMATS, loads_as
from dossier.validation import problems_in

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HANG_SECONDS = 30.0

# A valid document of each format, to mutate.
SAMPLES: dict[str, Path] = {
    "yaml": ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml",
    "article": ROOT / "seeds" / "000_8ca8e46f6fba684d.txt",
    **{name: EXAMPLES / f"000_8ca8e46f6fba684d{FORMATS[name].extensions[0]}"
       for name in ("json", "jsonld", "turtle", "ntriples", "nquads", "trig")},
}

# Tokens that reach the corners of the readers: syntax of every format, hostile YAML, JSON-LD keywords,
# bytes that are not UTF-8, escapes of lone surrogates and control characters, absurd numbers.
TOKENS = [
    b'"', b"'", b"{", b"}", b"[", b"]", b":", b",", b"\n", b" ", b"\t", b"#", b"-", b"- ", b"? ", b"|", b">",
    b"&a", b"*a", b"&a [*a, *a]", b"<<: *a", b"!!python/object/apply:os.system ['x']", b"!!binary", b"---\n",
    b"@context", b'"@context": "http://localhost/x"', b'"@import"', b"@base", b"@prefix", b"@graph", b"@id",
    b"@type", b"@language", b'"@version": 2', b"_:b0", b"<", b">", b"<>", b"<a b>", b"^^", b"@en_US", b"@1",
    b"\xff", b"\xef\xbb\xbf", b"\x00", b"\x1b", b"\\u0000", b"\\ud800", b"\\U0010FFFF", b"\\", b"1e400", b"-0",
    b"9" * 30, b"NaN", b"null", b"true", b"<<( <a> <b> <c> )>>", b"\xe2\x80\xa8", b"sha256", b"text_path",
    b"../", b"/dev/zero", b"start", b"end", b"quote", b"id", b"type",
]


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few random edits: delete, insert, replace, splice a token, swap lines, duplicate, truncate."""
    for _ in range(draw(st.integers(1, 4))):
        n = len(data)
        op = draw(st.sampled_from(["delete", "insert", "replace", "token", "swap", "duplicate", "truncate"]))
        at = draw(st.integers(0, n))
        if op == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 64)):]
        elif op == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
        elif op == "replace" and n:
            at = min(at, n - 1)
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif op == "token":
            data = data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]
        elif op == "swap":
            lines = data.split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        elif op == "duplicate":
            data = data[:at] + data[at:at + draw(st.integers(1, 256))] + data[at:]
        elif op == "truncate":
            data = data[:at]
    return data


class Hang(BaseException):
    """An example ran past its time; a BaseException, so no ``except Exception`` in a library can swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in the main thread when the block runs longer than ``seconds``."""
    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_FOLDER = Path(tempfile.mkdtemp(prefix="dossier-fuzz-"))
# The seed names its article by text_path: with it at hand, mutations reach the evidence checks.
(_FOLDER / SAMPLES["article"].name).write_bytes(SAMPLES["article"].read_bytes())


def check_one(fmt: str, data: bytes, *, validate: bool = True, shacl: bool = False) -> None:
    """Feed ``data`` to the reader of ``fmt`` and, with ``validate``, to the validator; only DossierError may escape."""
    with time_limit(HANG_SECONDS):
        try:
            loads_as(data, fmt, name=f"fuzz{FORMATS[fmt].extensions[0]}", directory=_FOLDER)
        except DossierError:
            pass
        if validate and fmt != "article":
            target = _FOLDER / f"fuzz-{os.getpid()}{FORMATS[fmt].extensions[0]}"
            target.write_bytes(data)
            try:
                problems_in(target, fmt, shacl=shacl)
            except DossierError:
                pass


FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@FUZZ
@given(data=st.binary(max_size=512) | st.lists(st.sampled_from(TOKENS), max_size=24).map(b"".join))
def test_random_bytes(fmt: str, data: bytes) -> None:
    check_one(fmt, data)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@FUZZ
@given(data=st.data())
def test_mutated_documents(fmt: str, data: st.DataObject) -> None:
    check_one(fmt, data.draw(mutations(SAMPLES[fmt].read_bytes())))


@pytest.mark.parametrize("fmt", ["jsonld", "turtle"])
@settings(FUZZ, max_examples=4)
@given(data=st.data())
def test_mutated_documents_with_shacl(fmt: str, data: st.DataObject) -> None:
    check_one(fmt, data.draw(mutations(SAMPLES[fmt].read_bytes())), shacl=True)


def test_hang_guard_works() -> None:
    import time

    with pytest.raises(Hang):
        with time_limit(0.05):
            time.sleep(1)
