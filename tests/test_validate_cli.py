"""``dossier validate`` and its library pair: every format, exit codes, located errors, records for tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dossier
from dossier.cli import main
from dossier.errors import InvalidDossier, Problem, in_reading_order, summarise
from dossier.validation import check_file, problems_in

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = ROOT / "seeds" / "000_8ca8e46f6fba684d.dossier.yaml"
STEM = "000_8ca8e46f6fba684d"
SEED_FILES = [SEED] + [EXAMPLES / f"{STEM}{ext}" for ext in (".json", ".jsonld", ".ttl", ".nt", ".nq", ".trig")]
SHA = "a0ac431fdbe2edf3d8c62be70b24804af9dd90158c7a9321951e39f44911584a"


def test_seed_is_valid_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", *map(str, SEED_FILES)]) == 0
    out = capsys.readouterr().out
    assert out.count(": valid\n") == len(SEED_FILES)


def _copy(src: Path, folder: Path, edit: "callable[[str], str]") -> Path:  # type: ignore[valid-type]
    target = folder / src.name
    target.write_text(edit(src.read_text(encoding="utf-8")), encoding="utf-8")
    if src == SEED:
        (folder / f"{STEM}.txt").write_text((SEED.parent / f"{STEM}.txt").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    return target


@pytest.mark.parametrize("src", SEED_FILES, ids=lambda p: p.suffix)
def test_edited_article_hash_is_located(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _copy(src, tmp_path, lambda t: t.replace(SHA, "f" * 64))
    assert main(["validate", "--no-shacl", str(target), "--output", "json"]) == 1
    record = json.loads(capsys.readouterr().out)["problems"][0]
    assert record["rule"] == "article-changed" and record["path"] == "$.sha256"
    if src.suffix != ".jsonld":
        assert record["line"] >= 1  # YAML and JSON by path, RDF by the line where the report node stands
    if src.suffix not in (".yaml", ".json"):
        assert record["node"].endswith(f"/{STEM}")


@pytest.mark.parametrize("src", SEED_FILES, ids=lambda p: p.suffix)
def test_truncated_file_is_located(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def cut(text: str) -> str:
        lines = text.splitlines(keepends=True)
        middle = len(lines) // 2
        return "".join(lines[:middle]) + lines[middle][: len(lines[middle]) // 2 or 1]

    target = _copy(src, tmp_path, cut)
    assert main(["validate", "--no-shacl", str(target)]) == 1
    out = capsys.readouterr().out
    first = out.splitlines()[1]
    assert first.startswith(f"{target}:") and first.split(":")[1].isdigit(), out


def test_shacl_faults_name_the_node(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = EXAMPLES / f"{STEM}.ttl"
    # Drop the start offset of one evidence span: the shapes want exactly one; the datatype is checked too.
    target = _copy(src, tmp_path, lambda t: t.replace("    oa:start 92 ;\n", "", 1).replace(
        "oa:start 1595 ;", 'oa:start "1595" ;'))
    assert main(["validate", str(target), "--output", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert len({p["node"] for p in problems}) == 2 and all("/evidence/" in p["node"] for p in problems), problems
    assert all(p["rule"].startswith("shacl-") and p["line"] for p in problems), problems


def test_json_records_for_tools(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: t\nnmae: x\ntext: x\n", encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    assert main(["validate", str(SEED), str(bad), str(missing), "--output", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert [f["valid"] for f in report["files"]] == [True, False, False]
    first, unreadable = report["problems"]
    assert first == {"rule": "unknown-field", "message": "unknown field 'nmae'", "path": "$.nmae",
                     "file": str(bad), "line": 2, "column": 1, "location": f"{bad}:2:1 $.nmae",
                     "expected": first["expected"]}
    assert unreadable["rule"] == "unreadable" and unreadable["file"] == str(missing)
    assert unreadable["message"] == "No such file or directory"


@pytest.mark.parametrize("args,code", [
    (["validate", "nothing-here.yaml"], 2),
    (["validate", "README"], 2),
    (["validate", str(SEED.with_suffix("").with_suffix(".txt"))], 2),  # an article is not a dossier
    (["validate", "--format", "klingon", str(SEED)], 2),
])
def test_usage_and_io_errors_exit_2(args: list[str], code: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == code
    streams = capsys.readouterr()
    assert "Traceback" not in streams.out + streams.err and streams.err.startswith("dossier: ")


def test_format_option_overrides_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "dossier.data"
    target.write_bytes((EXAMPLES / f"{STEM}.nt").read_bytes())
    assert main(["validate", "--no-shacl", "--format", "nt", str(target)]) == 0


def test_help_names_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "Exit codes: 0" in out and "--output" in out and "--max-bytes" in out


def _many_faults(folder: Path) -> Path:
    doc = {"id": "t", "language": "en", "text": "Anna Berg met Omar Haddad in Lyon.",
           "events": [{"id": f"e{i}", "kind": "meeting", "place": "nowhere", "evidence": [{"quote": "met"}]}
                      for i in range(100)],
           "persons": [{"id": "berg", "name": "Anna Berg", "evidence": [{"quote": "Anna Berg", "start": 1, "end": 10}]}]}
    target = folder / "many.json"
    target.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return target


def test_a_hundred_faults_of_one_kind_are_summarised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _many_faults(tmp_path)
    assert main(["validate", str(target)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{target}: invalid (101 problems)"
    assert sum("[dangling-reference] (expected" in line for line in lines) == 5
    assert lines[-1] == "... and 95 more [dangling-reference]"
    # The lone fault of another kind, last in the file, is not buried under the hundred.
    assert any("[evidence-mismatch]" in line for line in lines)

    assert main(["validate", str(target), "--limit", "0"]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 102


def test_library_pair_returns_all_or_raises(tmp_path: Path) -> None:
    target = _many_faults(tmp_path)
    found = problems_in(target)
    assert len(found) == 101
    with pytest.raises(InvalidDossier) as info:
        check_file(target)
    assert info.value.problems == found and info.value.first == found[0]
    with pytest.raises(InvalidDossier) as info:
        check_file(target, first=True)
    assert info.value.problems == [found[0]]
    assert check_file(SEED) is None
    # dossier.validate is the same check, for every format; a file of no known extension is read as YAML.
    assert dossier.validate(target) == found
    assert dossier.validate(EXAMPLES / f"{STEM}.nq", shacl=False) == []
    odd = tmp_path / "dossier.conf"
    odd.write_bytes(SEED.read_bytes())
    (tmp_path / f"{STEM}.txt").write_bytes((SEED.parent / f"{STEM}.txt").read_bytes())
    assert dossier.validate(odd) == []


@pytest.mark.parametrize("src", SEED_FILES, ids=lambda p: p.suffix)
def test_load_reads_every_format(src: Path, seed: dossier.Report) -> None:
    assert dossier.load(src) == seed


def test_the_problem_to_read_first_comes_first() -> None:
    problems = [
        Problem("dangling-reference", "d", "$.events[0].place", "f", 9, 1),
        Problem("schema-pattern", "s", "$.id", "f", 20, 1),
        Problem("syntax", "x", "$", "f", 30, 1),
        Problem("dangling-reference", "d", "$.events[1].place", "f", 3, 1),
    ]
    assert [(p.rule, p.line) for p in in_reading_order(problems)] == [
        ("syntax", 30), ("schema-pattern", 20), ("dangling-reference", 3), ("dangling-reference", 9)]
    assert summarise([]) == "no problems"


def test_control_characters_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "evil.json"
    target.write_text('{"id": "t", "\\u001b[2J\\u001b[31mgotcha": 1, "text": "x"}', encoding="utf-8")
    assert main(["validate", str(target)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out
