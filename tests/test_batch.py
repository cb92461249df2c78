"""Batch conversion: many inputs (files, folders, globs), one output each or one combined stream, over processes.

A failing input is reported with its file and the others are still written;
a progress bar is drawn on a terminal only.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import dossier
from dossier.batch import convert_many, expand_inputs
from dossier.canonical import to_data
from dossier.cli import main
from dossier.formats import dumps

from conftest import EXAMPLES

SEED_JSON = EXAMPLES / "000_8ca8e46f6fba684d.json"
TEXT = "Anna Berg met Bo Chen in Paris on May 3."


def _tiny(report_id: str) -> str:
    """A small valid dossier as JSON."""
    return json.dumps({
        "id": report_id, "language": "en", "text": TEXT,
        "persons": [{"id": "anna", "name": "Anna Berg", "evidence": [{"quote": "Anna Berg"}]},
                    {"id": "bo", "name": "Bo Chen", "evidence": [{"quote": "Bo Chen"}]}],
        "places": [{"id": "paris", "name": "Paris", "kind": "city", "evidence": [{"quote": "Paris"}]}],
        "events": [{"id": "meeting", "kind": "meeting", "place": "paris", "evidence": [{"quote": "met"}],
                    "participants": [{"actor": "anna", "role": "agent"}, {"actor": "bo", "role": "attendee"}],
                    "time": {"month_day": "--05-03", "evidence": [{"quote": "May 3"}]}}],
    })


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder of five good dossiers (JSON and YAML), a sub-folder of two more, and nothing else."""
    folder = tmp_path / "in"
    (folder / "more").mkdir(parents=True)
    for i in range(4):
        (folder / f"d{i}.json").write_text(_tiny(f"d{i}"), encoding="utf-8")
    (folder / "d4.dossier.yaml").write_text(_tiny("d4"), encoding="utf-8")  # JSON is YAML
    (folder / "notes.md").write_text("not a dossier", encoding="utf-8")
    for i in (5, 6):
        (folder / "more" / f"d{i}.json").write_text(_tiny(f"d{i}"), encoding="utf-8")
    return folder


def _expected(paths: list[Path], fmt: str) -> list[str]:
    return [dumps(dossier.read(p), fmt) for p in paths]


def test_inputs_are_files_folders_and_globs(corpus: Path) -> None:
    found = expand_inputs([str(corpus / "more" / "d5.json"), str(corpus), str(corpus / "more" / "*.json")])
    names = [p.name for p in found]
    assert names == ["d5.json", "d0.json", "d1.json", "d2.json", "d3.json", "d4.dossier.yaml", "d5.json", "d6.json"]


def test_one_output_per_input_into_a_folder(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(corpus), str(corpus / "more" / "*.json"), "--to", "turtle", "-o", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == [f"d{i}.ttl" for i in range(7)]
    assert (out / "d4.ttl").read_text(encoding="utf-8") == dumps(dossier.read(corpus / "d4.dossier.yaml"), "turtle")


@pytest.mark.parametrize("jobs", [1, 2])
def test_combined_nquads_and_json_lines(corpus: Path, tmp_path: Path, jobs: int) -> None:
    paths = expand_inputs([str(corpus), str(SEED_JSON)])
    nq, jsonl = tmp_path / "all.nq", tmp_path / "all.jsonl"
    assert convert_many([str(corpus), str(SEED_JSON)], output=str(nq), jobs=jobs) == 0
    assert nq.read_text(encoding="utf-8") == "".join(_expected(paths, "nquads"))
    assert main(["convert", str(corpus), str(SEED_JSON), "-o", str(jsonl), "--jobs", str(jobs)]) == 0
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [to_data(dossier.read(p)) for p in paths]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_combined_stream_to_standard_output(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(corpus), "--to", "nquads"]) == 0
    assert capsys.readouterr().out == "".join(_expected(expand_inputs([str(corpus)]), "nquads"))
    assert main(["convert", str(corpus), "--to", "turtle"]) == 2  # several Turtle files do not make one stream
    assert "several inputs need -o" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_input_is_reported_and_the_others_are_written(corpus: Path, tmp_path: Path, jobs: int,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = corpus / "d2.json"
    bad.write_text(_tiny("d2").replace('"Paris"}]', '"Pariss"}]'), encoding="utf-8")  # a quote not in the text
    broken = corpus / "d3.json"
    broken.write_text("{not json", encoding="utf-8")
    good = [p for p in expand_inputs([str(corpus)]) if p not in (bad, broken)]

    nq = tmp_path / "all.nq"
    assert convert_many([str(corpus)], output=str(nq), jobs=jobs) == 1
    err = capsys.readouterr().err
    assert f"{bad}" in err and "Pariss" in err and f"{broken}" in err
    assert nq.read_text(encoding="utf-8") == "".join(_expected(good, "nquads"))

    out = tmp_path / "out"
    assert main(["convert", str(corpus), "-o", str(out), "--to", "json", "--jobs", str(jobs)]) == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem.removesuffix(".dossier") + ".json" for p in good)
    assert str(bad) in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped, terminal = io.StringIO(), Terminal()
    monkeypatch.setattr(sys, "stderr", piped)
    assert convert_many([str(corpus)], output=str(tmp_path / "a.nq")) == 0
    assert piped.getvalue() == ""
    monkeypatch.setattr(sys, "stderr", terminal)
    assert convert_many([str(corpus)], output=str(tmp_path / "b.nq")) == 0
    assert "5/5" in terminal.getvalue() and "#" in terminal.getvalue()
    monkeypatch.setattr(sys, "stderr", piped)
    assert convert_many([str(corpus)], output=str(tmp_path / "c.nq"), progress=True) == 0  # --progress forces it
    assert "5/5" in piped.getvalue()


def test_usage_errors(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["convert", str(tmp_path / "empty"), "-o", str(tmp_path / "x.nq")]) == 2
    assert "no input files" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "nothing-*.json"), "-o", str(tmp_path / "x.nq")]) == 2
    assert "no file matches" in capsys.readouterr().err
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "d0.yaml").write_text(_tiny("other"), encoding="utf-8")
    assert main(["convert", str(corpus), str(tmp_path / "other"), "-o", str(tmp_path / "out")]) == 2
    assert "would both be written to d0.json" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_an_interrupted_run_leaves_nothing_behind(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.batch as batch

    real, calls = batch._safe_convert, []

    def interrupted(*args: object) -> tuple[bool, str]:
        calls.append(args)
        if len(calls) == 3:  # after two inputs have been written to a part file and appended
            raise KeyboardInterrupt
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_safe_convert", interrupted)
    out = tmp_path / "all.nq"
    with pytest.raises(KeyboardInterrupt):
        convert_many([str(corpus)], output=str(out))
    assert len(calls) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no output, no part files, no temporary file


@pytest.mark.parametrize("jobs", [1, 2])
def test_part_files_used_again_hold_only_their_own_output(corpus: Path, tmp_path: Path, jobs: int) -> None:
    # The part files are written over, not truncated: a small output after a large one in the same file must
    # not carry the large one's tail. Twenty inputs make twenty chunks, more than the part files of either run.
    inputs = []
    for i in range(20):
        if i in (0, 1, 2, 3, 9):  # large outputs first, so that later chunks have less to write
            inputs.append(str(SEED_JSON))
        else:
            small = tmp_path / f"small{i}.json"
            small.write_text(_tiny(f"small{i}"), encoding="utf-8")
            inputs.append(str(small))
    nq = tmp_path / "all.nq"
    assert convert_many(inputs, output=str(nq), jobs=jobs) == 0
    assert nq.read_bytes() == "".join(_expected([Path(p) for p in inputs], "nquads")).encode("utf-8")


@pytest.mark.parametrize("ext, fmt", [(".ttl", "turtle"), (".trig", "trig"), (".nt", "ntriples"),
                                      (".jsonld", "jsonld"), (".json", "json"), (".out", "json")])
def test_without_to_the_output_extension_names_the_format(tmp_path: Path, ext: str, fmt: str) -> None:
    out = tmp_path / f"seed{ext}"
    assert main(["convert", str(SEED_JSON), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == dumps(dossier.read(SEED_JSON), fmt)


def test_to_wins_over_the_output_extension(tmp_path: Path) -> None:
    out = tmp_path / "seed.ttl"
    assert main(["convert", str(SEED_JSON), "-o", str(out), "--to", "ntriples"]) == 0
    assert out.read_text(encoding="utf-8") == dumps(dossier.read(SEED_JSON), "ntriples")
