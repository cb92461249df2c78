"""The long fuzz run: every reader, fed random and mutated input for a set time.

    python fuzz/run.py --minutes 10                     # atheris if installed, else hypothesis
    python fuzz/run.py --minutes 10 --engine hypothesis
    python fuzz/run.py --minutes 10 --engine atheris    # coverage-guided (pip install atheris)

The property is the suite's (tests/test_fuzz.py, :func:`check_one`): only a
``dossier.DossierError`` may come out of a reader or the validator, and no
input may take longer than 30 s. Each distinct finding (exception type
and place) is printed once and its first input saved as
``fuzz/findings/<finding>.bin``; the run goes on to look for others. Replay a
saved input with ``--replay FILE``. Exit code 0 means nothing was found.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))


def _formats() -> list[str]:
    from dossier.formats import FORMATS

    return sorted(FORMATS)


FINDINGS = HERE / "findings"
_seen: dict[str, int] = {}


def _record(fmt: str, data: bytes, exc: BaseException) -> None:
    """Keep the first input of each distinct finding (exception type and the deepest frame in dossier)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/dossier/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    key = f"{type(exc).__name__}-{where}"
    _seen[key] = _seen.get(key, 0) + 1
    if _seen[key] == 1:
        FINDINGS.mkdir(exist_ok=True)
        names = _formats()
        (FINDINGS / f"{key}.bin").write_bytes(bytes([names.index(fmt)]) + data)
        print(f"FINDING {key} ({fmt}, {len(data)} bytes, saved as fuzz/findings/{key}.bin)", flush=True)
        traceback.print_exception(exc, file=sys.stdout)


def _report() -> int:
    if not _seen:
        print("nothing found", flush=True)
        return 0
    print(f"{len(_seen)} distinct finding(s):")
    for key, n in sorted(_seen.items()):
        print(f"  {key}: {n} input(s)", flush=True)
    return 1


def run_hypothesis(minutes: float, shacl_every: int) -> int:
    """Rounds of the suite's properties with fresh random seeds, until the time is up."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    import test_fuzz as tf

    stop = time.monotonic() + minutes * 60
    rounds = examples = 0
    while time.monotonic() < stop:
        rounds += 1
        for fmt in _formats():
            if time.monotonic() >= stop:
                break
            sample = tf.SAMPLES[fmt].read_bytes()
            shacl = shacl_every > 0 and rounds % shacl_every == 0
            strategy = st.one_of(tf.mutations(sample), st.binary(max_size=2048),
                                 st.lists(st.sampled_from(tf.TOKENS), max_size=64).map(b"".join))

            @settings(max_examples=100, deadline=None, database=None, derandomize=False,
                      suppress_health_check=list(HealthCheck), phases=[Phase.generate])
            @given(data=strategy)
            def prop(data: bytes) -> None:
                nonlocal examples
                examples += 1
                try:
                    tf.check_one(fmt, data, shacl=shacl)
                except (Exception, tf.Hang) as exc:  # recorded, and the run goes on to find others
                    _record(fmt, data, exc)

            prop()
        print(f"round {rounds}: {examples} examples, {max(0, stop - time.monotonic()):.0f} s left", flush=True)
    print(f"hypothesis: {examples} examples over {rounds} rounds")
    return _report()


def run_atheris(minutes: float, extra: list[str]) -> int:
    """Coverage-guided fuzzing: the first byte of an input picks the format, the rest is the document."""
    import atheris

    with atheris.instrument_imports(include=["dossier", "yaml", "pyld"]):
        import dossier  # noqa: F401 - instrumented for coverage
        import test_fuzz as tf

    names = _formats()
    corpus = HERE / "corpus"
    corpus.mkdir(exist_ok=True)
    for i, fmt in enumerate(names):
        (corpus / f"seed-{fmt}").write_bytes(bytes([i]) + tf.SAMPLES[fmt].read_bytes())
    FINDINGS.mkdir(exist_ok=True)

    stop = time.monotonic() + minutes * 60

    def one(data: bytes) -> None:
        if time.monotonic() > stop:  # libFuzzer's own time limit exits without a word: stop here instead
            os._exit(_report())
        if data:
            fmt = names[data[0] % len(names)]
            try:
                tf.check_one(fmt, data[1:])
            except (Exception, tf.Hang) as exc:  # recorded, and the run goes on to find others
                _record(fmt, data[1:], exc)

    argv = [sys.argv[0], str(corpus), f"-max_total_time={int(minutes * 60) + 120}", "-timeout=60",
            f"-artifact_prefix={FINDINGS}/", "-rss_limit_mb=4096", "-print_final_stats=1", *extra]
    atheris.Setup(argv, one)
    atheris.Fuzz()
    return _report()


def replay(path: Path) -> int:
    """Run one saved input (format byte first) and show what comes out."""
    import test_fuzz as tf

    data = path.read_bytes()
    names = _formats()
    fmt = names[data[0] % len(names)]
    print(f"{path}: {fmt}, {len(data) - 1} bytes")
    tf.check_one(fmt, data[1:], shacl=True)
    print("only dossier errors: nothing found")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10, help="how long to run (default 10)")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--shacl-every", type=int, default=5,
                        help="hypothesis: every Nth round also runs the SHACL shapes (slow); 0 never (default 5)")
    parser.add_argument("--replay", type=Path, metavar="FILE", help="run one saved input and stop")
    args, extra = parser.parse_known_args()
    if args.replay:
        return replay(args.replay)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    random.seed()
    print(f"fuzzing for {args.minutes} minutes with {engine}", flush=True)
    if engine == "atheris":
        return run_atheris(args.minutes, extra)
    return run_hypothesis(args.minutes, args.shacl_every)


if __name__ == "__main__":
    sys.exit(main())
