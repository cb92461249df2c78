"""What a dossier costs: one command, one table of medians measured in the same run.

    python benchmarks/run.py            # the full run (a corpus of 2,000 and of 10,000 dossiers)
    python benchmarks/run.py --quick    # a smaller corpus (200 and 1,000), for a first look

1. The seed dossier (``examples/000_8ca8e46f6fba684d.json``): file bytes to a
   validated model; the model to JSON and JSON-LD; each RDF format written
   from dossier's in-memory graph (the node records) against rdflib
   serializing its own in-memory graph (a ``Dataset`` of the same triples),
   and the model to each RDF format by ``dumps``; the three outputs JSON,
   JSON-LD and Turtle from one ``dumps_many`` call. Every fast output is
   checked to give the same graph as the plain one.
2. Validation, each check on its own: JSON Schema (jsonschema, and the
   compiled fastjsonschema when installed), SHACL per dossier and per batch.
3. A synthetic corpus (``benchmarks/synthetic.py``) converted to one N-Quads
   file by ``dossier convert DIR -o corpus.nq --jobs 2``: wall time,
   dossiers per second, and the peak memory of the whole process tree, at
   two corpus sizes, to show that memory does not grow with the corpus.

Times are medians of many repetitions (``time.perf_counter_ns``); each RDF
writer of dossier and rdflib's serializer of the same format are measured
in turns, one call of each per round, so that their ratio is taken under
the same conditions of the machine. The machine's load average is printed
first: on a shared machine, read the numbers with it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "examples" / "000_8ca8e46f6fba684d.json"
THREE = ("json", "jsonld", "turtle")
sys.path.insert(0, str(HERE))

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402
from pyld import jsonld as pyld  # noqa: E402
from rdflib.compare import isomorphic  # noqa: E402

import synthetic  # noqa: E402
from dossier.canonical import _prune  # noqa: E402
from dossier.formats import dumps, dumps_many, loads_as, read  # noqa: E402
from dossier.linked.jsonld import CONTEXT_URL, document_loader, jsonld_quads, local_context  # noqa: E402
from dossier import native  # noqa: E402
from dossier.terms import NS  # noqa: E402
from dossier.linked.mapping import mint_base  # noqa: E402
from dossier.linked.ntriples import write_nquads, write_ntriples  # noqa: E402
from dossier.linked.quads import Lit, node_records, quads  # noqa: E402
from dossier.linked.turtle import write_trig, write_turtle  # noqa: E402
from dossier.linked.rdfio import to_dataset  # noqa: E402
from dossier.loading import report_from_document  # noqa: E402
from dossier.reading import parse_json  # noqa: E402
from dossier.validation import schema_problems, shacl_problems  # noqa: E402

# ---------------------------------------------------------------- measuring


def median_ms(fn: Callable[[], Any], reps: int = 200, seconds: float = 1.0, max_reps: int = 5000,
              warm_up: bool = True) -> float:
    """Median wall time of ``fn()`` in milliseconds: at least ``reps`` runs and ``seconds`` seconds (after a warm-up)."""
    if warm_up:
        fn()
    gc.collect()
    times: list[int] = []
    start = time.perf_counter()
    while len(times) < max_reps and (len(times) < reps or time.perf_counter() - start < seconds):
        t0 = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - t0)
    return statistics.median(times) / 1e6


def side_by_side_ms(fns: list[Callable[[], Any]], rounds: int = 60, seconds: float = 1.5) -> list[float]:
    """Median wall time of each of ``fns`` in milliseconds, measured in turns (one call of each per round).

    Taking turns puts every function through the same moments of a shared
    machine, so the ratio of two medians holds even when the machine's speed
    changes during the run; measured one after the other, it moved 2×. Each
    timed call follows an untimed call of the same function, so that each
    is timed with its own data in the processor's caches, as it is in a
    loop or just after the data is made: timed straight after another
    function's call (rdflib's evicts everything), dossier's N-Quads writer
    read 0.82 ms for the 0.45 ms it takes with its data in cache.
    """
    for fn in fns:
        fn()
    gc.collect()
    times: list[list[int]] = [[] for _ in fns]
    start = time.perf_counter()
    while len(times[0]) < rounds or time.perf_counter() - start < seconds:
        for fn, kept in zip(fns, times):
            fn()
            t0 = time.perf_counter_ns()
            fn()
            kept.append(time.perf_counter_ns() - t0)
    return [statistics.median(kept) / 1e6 for kept in times]


def stolen_seconds() -> float:
    """CPU time the hypervisor gave to other machines so far, both cores together (``steal`` in /proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class Table:
    """Rows of a Markdown table, printed as they come, so a long run shows progress."""

    def __init__(self, title: str, header: list[str]):
        self.rows: list[list[str]] = []
        print(f"\n### {title}\n")
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(header))) + "|")

    def row(self, *cells: object) -> None:
        text = [c if isinstance(c, str) else f"{c:.3f}" if isinstance(c, float) and c < 10 else
                f"{c:.1f}" if isinstance(c, float) else str(c) for c in cells]
        self.rows.append(text)
        print("| " + " | ".join(text) + " |", flush=True)


# ---------------------------------------------------------------- the plain paths


def merged_graph(ds: rdflib.Dataset) -> rdflib.Graph:
    """Every graph of ``ds`` merged into one, with its prefixes (what Turtle and N-Triples can hold)."""
    graph = rdflib.Graph()
    for prefix, ns in ds.namespaces():
        graph.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def pyld_jsonld(nquads_text: str, base_context: dict[str, Any]) -> str:
    """JSON-LD the plain way: pyld reads the graph's N-Quads and compacts it with dossier's context."""
    expanded = pyld.from_rdf(nquads_text, {"format": "application/n-quads"})
    compacted = pyld.compact(expanded, {"@context": [CONTEXT_URL, base_context]}, {"documentLoader": document_loader})
    return json.dumps(compacted, ensure_ascii=False, indent=2) + "\n"


def oxigraph_graph(report: Any, with_graphs: bool) -> list[Any]:
    """The quads of ``report`` as pyoxigraph terms: its in-memory graph (a list of Quad, or of Triple if merged)."""
    names: dict[str, Any] = {}

    def node(iri: str) -> Any:
        if iri not in names:
            names[iri] = ox.NamedNode(iri)
        return names[iri]

    out: list[Any] = []
    seen: set[Any] = set()
    for s, p, o, g in quads(report):
        if isinstance(o, Lit):
            o = (ox.Literal(o.lexical, language=o.lang) if o.lang else
                 ox.Literal(o.lexical, datatype=node(o.datatype)) if o.datatype else ox.Literal(o.lexical))
        else:
            o = node(o)
        item = (ox.Quad(node(s), node(p), o, node(g) if g else ox.DefaultGraph()) if with_graphs
                else ox.Triple(node(s), node(p), o))
        if item not in seen:  # a triple in several graphs is one triple in a merged graph
            seen.add(item)
            out.append(item)
    return out


# How dumps writes each RDF format from the model (see formats._rdf_text), for the table.
_LINES = "through the node records" if native.nquads else "straight from the model"
_HOW = {"turtle": "straight from the model", "trig": "through the node records", "nquads": _LINES, "ntriples": _LINES}
_OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
               "ntriples": ox.RdfFormat.N_TRIPLES}


def same_graph(ours: str, plain: str, fmt: str) -> bool:
    """rdflib reads both texts to isomorphic graphs (graph by graph for formats with named graphs)."""
    def graphs(text: str) -> dict[str, rdflib.Graph]:
        ds = rdflib.Dataset()
        ds.parse(data=text, format=fmt)
        return {str(g.identifier): g for g in ds.graphs() if len(g)}

    a, b = graphs(ours), graphs(plain)
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


# ---------------------------------------------------------------- 1. the seed


def bench_seed(reps: int) -> dict[str, float]:
    raw = SEED.read_bytes()
    report = loads_as(raw, "json")
    results: dict[str, float] = {}
    table = Table("The seed dossier (examples/000_8ca8e46f6fba684d.json): medians in ms",
                  ["step", "dossier", "plain way", "plain / dossier", "same output"])
    # The target and its two parts in turns, so that the three are measured in the same moments of the machine;
    # and first, in a process that holds nothing but dossier, as a conversion does: after the plain ways below
    # have filled it with rdflib's and pyld's objects, the same calls read about 4% slower. Printed last.
    def measure_target() -> list[float]:  # the target and its two parts: file -> model, model -> three, both
        return side_by_side_ms([lambda: loads_as(raw, "json"), lambda: dumps_many(report, THREE),
                                lambda: dumps_many(loads_as(raw, "json"), THREE)], rounds=reps, seconds=3.0)

    target = measure_target()

    load = median_ms(lambda: loads_as(raw, "json"), reps // 4)
    results["load"] = load
    table.row("file bytes → validated model (parse, pydantic, evidence, integrity)", load, "", "", "")
    careful = median_ms(lambda: report_from_document(parse_json(raw.decode("utf-8"), check_depth=False)), reps // 4)
    table.row("the same, the careful way taken for a file with a fault (stdlib parser, duplicate-key hook)", careful,
              "", "", "")
    table.row("file on disk → validated model (`dossier.read`)", median_ms(lambda: read(SEED), reps // 4), "", "", "")

    ds = to_dataset(report)
    graph = merged_graph(ds)
    table.row("model → rdflib Dataset (`to_dataset`; the plain ways below start from it)", "",
              median_ms(lambda: to_dataset(report), 10, 0.5), "", "")

    plain_json = lambda: json.dumps(_prune(report.model_dump(mode="json")), ensure_ascii=False, indent=2) + "\n"  # noqa: E731
    assert plain_json() == dumps(report, "json")
    fast = median_ms(lambda: dumps(report, "json"), reps)
    slow = median_ms(plain_json, reps // 4)
    results["json"] = fast
    table.row("model → JSON (plain: pydantic `model_dump` + `json.dumps(indent=2)`)", fast, slow, f"{slow / fast:.1f}×",
              "bytes ✓")

    base_context = local_context(report)
    nquads_text = ds.serialize(format="nquads")
    ours_jsonld = dumps(report, "jsonld")
    by_pyld = pyld_jsonld(nquads_text, base_context)
    same = {(s, p, o) for s, p, o, _ in jsonld_quads(ours_jsonld)} == \
        {(s, p, o) for s, p, o, _ in jsonld_quads(by_pyld)} == {(s, p, o) for s, p, o, _ in quads(report)}
    fast = median_ms(lambda: dumps(report, "jsonld"), reps)
    slow = median_ms(lambda: pyld_jsonld(nquads_text, base_context), 5, 0.5)
    results["jsonld"] = fast
    table.row("model → JSON-LD (plain: pyld `from_rdf` + `compact`)", fast, slow, f"{slow / fast:.0f}×",
              "graph ✓" if same else "graph ✗")

    # Writing proper: each library serializes the graph it holds in memory. rdflib's is its Dataset;
    # dossier's is the node records (`node_records`), which every RDF writer of dossier formats.
    records = node_records(report)
    base = mint_base(report, None)
    writers = {"turtle": lambda: write_turtle(records, base), "nquads": lambda: write_nquads(records),
               "trig": lambda: write_trig(records, base), "ntriples": lambda: write_ntriples(records)}
    table.row("model → node records (`node_records`: dossier's in-memory graph, which its writers format)",
              median_ms(lambda: node_records(report), reps), "", "", "")
    rdf = [("Turtle", "turtle", "turtle", graph), ("N-Quads", "nquads", "nquads", ds), ("TriG", "trig", "trig", ds),
           ("N-Triples", "ntriples", "nt", graph)]
    for label, fmt, rdflib_name, source in rdf:
        ours = dumps(report, fmt)
        assert writers[fmt]() == ours
        plain = source.serialize(format=rdflib_name)
        same = same_graph(ours, plain, rdflib_name)
        # pyoxigraph's writer (Rust) on its own in-memory graph, as the other way to the target.
        ox_graph = oxigraph_graph(report, fmt in ("nquads", "trig"))
        prefixes = dict(NS) if fmt in ("turtle", "trig") else None

        def by_oxigraph(graph: list[Any] = ox_graph, ox_format: Any = _OX_FORMATS[fmt],
                        prefixes: Optional[dict[str, str]] = prefixes) -> str:
            return ox.serialize(graph, format=ox_format, prefixes=prefixes).decode("utf-8")

        same = same and same_graph(by_oxigraph(), plain, rdflib_name)
        write, whole, slow, oxi = side_by_side_ms([writers[fmt], lambda: dumps(report, fmt),
                                                   lambda: source.serialize(format=rdflib_name), by_oxigraph])
        results[fmt], results[fmt + "_ratio"], results[fmt + "_same"] = write, slow / write, float(same)
        check = "isomorphic ✓" if same else "isomorphic ✗"
        table.row(f"writing {label}: in-memory graph → text (plain: rdflib `serialize` of its graph)", write, slow,
                  f"{slow / write:.0f}×", check)
        table.row(f"model → {label} (`dumps`: {_HOW[fmt]})", whole,
                  slow, f"{slow / whole:.0f}×", check)
        table.row(f"pyoxigraph (Rust) writing {label}: its in-memory graph → text, for comparison", oxi, slow,
                  f"{slow / oxi:.0f}×", check)

    three = lambda: (dumps(report, "json"), dumps(report, "jsonld"), dumps(report, "turtle"))  # noqa: E731
    assert dumps_many(report, THREE) == dict(zip(THREE, three()))
    results["separately"] = median_ms(three, reps)
    results["model_to_three"], results["file_to_three"] = target[1], target[2]
    table.row("model → JSON + JSON-LD + Turtle, three `dumps` calls", results["separately"], "", "", "")
    table.row("file bytes → validated model, in turns with the two rows below, measured first", target[0], "", "", "")
    table.row("model → JSON + JSON-LD + Turtle, one `dumps_many` call", results["model_to_three"], "", "", "")
    table.row("**file bytes → model → JSON + JSON-LD + Turtle** (`loads_as` + `dumps_many`; target ≤ 2 ms)",
              results["file_to_three"], "", "", "")
    later = measure_target()[2]
    table.row("the same, measured last, with rdflib's and pyld's objects of the rows above in the process", later,
              "", "", "")
    return results


# ---------------------------------------------------------------- 2. validation


def bench_validation(reps: int) -> None:
    from jsonschema import Draft202012Validator

    from dossier.schemas import bundled

    table = Table("Validation, each check on its own: medians in ms per dossier", ["check", "ms", "note"])
    text = SEED.read_text(encoding="utf-8")
    data = json.loads(text)
    schema = json.loads(bundled("dossier.schema.json"))
    validator = Draft202012Validator(schema)
    assert not list(validator.iter_errors(data))
    table.row("JSON Schema, jsonschema Draft202012Validator (reused), seed", median_ms(
        lambda: list(validator.iter_errors(data)), reps // 10), "every error, as `dossier validate` reports them")
    doc = parse_json(text, str(SEED))
    table.row("JSON Schema, `dossier.validation.schema_problems`, seed",
              median_ms(lambda: schema_problems(doc), reps // 10), "the same, with located problems")
    try:
        import fastjsonschema
    except ImportError:
        table.row("JSON Schema, fastjsonschema (compiled)", "n/a", "not installed: pip install fastjsonschema")
    else:
        t0 = time.perf_counter()
        compiled = fastjsonschema.compile(schema)
        compile_ms = (time.perf_counter() - t0) * 1000
        compiled(data)
        table.row("JSON Schema, fastjsonschema (compiled once, then reused), seed",
                  median_ms(lambda: compiled(data), reps), f"stops at the first error; compiling took {compile_ms:.0f} ms")
    report = loads_as(text, "json")
    table.row("SHACL (pyshacl), one dossier: the seed",
              median_ms(lambda: shacl_problems(quads(report)), 3, 1.0), "graph built from the model included")
    batch = [synthetic.report(i) for i in range(50)]
    one = median_ms(lambda: shacl_problems(quads(batch[1])), 3, 1.0)
    table.row("SHACL (pyshacl), one synthetic dossier", one, "")

    def merged() -> None:
        assert not shacl_problems(q for r in batch for q in quads(r))

    total = median_ms(merged, 1, 0.0, warm_up=False)
    table.row("SHACL (pyshacl), 50 synthetic dossiers merged into one graph, per dossier", total / 50,
              f"{total / 1000:.1f} s for the batch (one run)")


# ---------------------------------------------------------------- 3. the corpus


def _write_files(args: tuple[str, int, int]) -> None:
    folder, start, stop = args
    for i in range(start, stop):
        (Path(folder) / f"synthetic-{i:05d}.json").write_text(
            json.dumps(synthetic.generate(i), ensure_ascii=False), encoding="utf-8")


def write_corpus(folder: Path, count: int, jobs: int) -> None:
    """``count`` synthetic dossiers as JSON files in ``folder``, written by ``jobs`` processes."""
    folder.mkdir(parents=True, exist_ok=True)
    step = 250
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_write_files, [(str(folder), i, min(i + step, count)) for i in range(0, count, step)]))


class TreeMemory:
    """Samples the resident memory of a process and all its descendants (from /proc) and keeps the peak of the sum."""

    def __init__(self, pid: int, every: float = 0.02):
        self.pid, self.every, self.peak, self.peak_single = pid, every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._page = os.sysconf("SC_PAGE_SIZE")

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        # Only the tree's own processes are read, found through each thread's list of children: reading every
        # process of the machine 50 times a second took CPU from the two cores the run is measured on.
        rss: dict[int, int] = {}
        todo = [self.pid]
        while todo:
            pid = todo.pop()
            try:
                with open(f"/proc/{pid}/statm", "rb") as fh:
                    rss[pid] = int(fh.read().split()[1]) * self._page
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children", "rb") as fh:
                        todo += [int(child) for child in fh.read().split() if int(child) not in rss]
            except (OSError, IndexError, ValueError):
                continue  # a process that ended while it was read
        self.peak = max(self.peak, sum(rss.values()))
        self.peak_single = max(self.peak_single, max(rss.values(), default=0))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)


def convert_corpus(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    """Time ``dossier convert FOLDER -o OUT --jobs N`` in a fresh process; measure its tree's peak memory."""
    cmd = [sys.executable, "-m", "dossier.cli", "convert", str(folder), "-o", str(out), "--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"dossier convert failed ({proc.returncode}): {err.decode()[:2000]}")
    lines = 0
    with open(out, "rb") as fh:
        while chunk := fh.read(1 << 24):
            lines += chunk.count(b"\n")
    return {"wall": wall, "peak": memory.peak / 2**20, "peak_single": memory.peak_single / 2**20,
            "size": out.stat().st_size / 2**20, "quads": lines}


def bench_corpus(sizes: list[int], jobs: int, keep: Optional[Path], runs: int) -> dict[int, dict[str, float]]:
    table = Table(f"Synthetic corpus → one N-Quads file: `dossier convert DIR -o corpus.nq --jobs {jobs}`, "
                  f"median of {runs} runs",
                  ["dossiers", "wall s", "runs, s", "dossiers/s", "quads", "output MB", "peak RSS, whole tree MB",
                   "largest process MB"])
    results = {}
    with tempfile.TemporaryDirectory(dir=keep) as tmp:
        for count in sizes:
            folder = Path(tmp) / f"corpus-{count}"
            write_corpus(folder, count, jobs)
            out = Path(tmp) / f"corpus-{count}.nq"
            each = []
            for _ in range(runs):
                # The generator's files, and the last run's output, go to disk before the clock starts: the run
                # is not to pay for writing back what it did not write.
                os.sync()
                each.append(convert_corpus(folder, out, jobs))
                out.unlink()
            walls = [r["wall"] for r in each]
            r = dict(each[0], wall=statistics.median(walls), peak=max(r["peak"] for r in each),
                     peak_single=max(r["peak_single"] for r in each))
            results[count] = r
            table.row(f"{count:,}", r["wall"], ", ".join(f"{w:.1f}" for w in walls), f"{count / r['wall']:.0f}",
                      f"{r['quads']:,}", f"{r['size']:.0f}", f"{r['peak']:.0f}", f"{r['peak_single']:.0f}")
    return results


# ---------------------------------------------------------------- the run


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pydantic
    import pyshacl

    versions = f"pydantic {pydantic.VERSION}, rdflib {rdflib.__version__}, pyshacl {pyshacl.__version__}"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    loops = ("in use" if native.walk else "built, turned off by DOSSIER_PURE" if native.BUILT else
             "not built (no C compiler): their Python twins run")
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()} ({platform.python_implementation()}), "
            f"{versions}; dossier's C loops {loops}; load average at start {load}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a corpus of 200 and 1,000 dossiers, fewer repetitions")
    parser.add_argument("--corpus", type=int, nargs="*", help="corpus sizes (default 2000 10000; quick 200 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the corpus (default 2)")
    parser.add_argument("--tmp", type=Path, help="folder for the corpus files (default: the system's temporary folder)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["seed", "validation", "corpus"])
    parser.add_argument("--runs", type=int, default=3, help="conversions of each corpus, for a median (default 3)")
    args = parser.parse_args()
    sizes = args.corpus if args.corpus is not None else ([200, 1000] if args.quick else [2000, 10000])
    reps = 100 if args.quick else 400

    print(f"Machine: {machine()}")

    def section(run: Callable[[], Any]) -> Any:
        # On a shared VM the hypervisor can give the cores to others mid-run; a reader should know when it did.
        before, start = stolen_seconds(), time.perf_counter()
        result = run()
        stolen, wall = stolen_seconds() - before, time.perf_counter() - start
        print(f"\nCPU time the hypervisor gave to other machines during this section: {stolen:.1f} s "
              f"of {wall:.0f} s (both cores)")
        return result

    seed = section(lambda: bench_seed(reps)) if "seed" not in args.skip else {}
    if "validation" not in args.skip:
        section(lambda: bench_validation(reps))
    corpus = (section(lambda: bench_corpus(sizes, args.jobs, args.tmp, args.runs))
              if "corpus" not in args.skip and sizes else {})

    print("\n### Targets\n")
    if seed:
        print(f"- seed file → JSON + JSON-LD + Turtle ≤ 2 ms: {seed['file_to_three']:.2f} ms "
              f"{'✓' if seed['file_to_three'] <= 2 else '✗'} (from the model already loaded: "
              f"{seed['model_to_three']:.2f} ms)")
        for fmt, label in [("turtle", "Turtle"), ("nquads", "N-Quads")]:
            ok = seed[fmt + "_ratio"] >= 20 and seed[fmt + "_same"]
            print(f"- {label} writing ≥ 20× faster than rdflib's serializer, isomorphic: {seed[fmt + '_ratio']:.1f}× "
                  f"{'✓' if ok else '✗'}")
    if corpus:
        largest = max(corpus)
        r = corpus[largest]
        print(f"- {largest:,} synthetic dossiers → one N-Quads file ≤ 30 s with {args.jobs} processes: "
              f"{r['wall']:.1f} s (median of {args.runs}) {'✓' if r['wall'] <= 30 or largest < 10000 else '✗'}"
              + (" (scaled: " + f"{r['wall'] * 10000 / largest:.0f} s for 10,000)" if largest < 10000 else ""))
        if len(corpus) > 1:
            smallest = min(corpus)
            a, b = corpus[smallest]["peak"], corpus[largest]["peak"]
            print(f"- peak memory flat: {a:.0f} MB at {smallest:,}, {b:.0f} MB at {largest:,} "
                  f"{'✓' if b <= a * 1.25 + 20 else '✗'}")
    print(f"\nLoad average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"(on a shared machine, other work slows every number above)")


if __name__ == "__main__":
    main()
