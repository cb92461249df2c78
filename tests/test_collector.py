"""The garbage collector is paused while a dossier is read or written, and left as it was found, whatever happens."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

import pytest

import dossier
from dossier.collector import collector_paused
from dossier.errors import InvalidDossier
from dossier.formats import loads_as

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_8ca8e46f6fba684d.json"


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_on_again_after(collector_on):
    seen = []

    @collector_paused
    def work(x):
        seen.append(gc.isenabled())
        return x * 2

    assert work(21) == 42
    assert seen == [False]
    assert gc.isenabled()


def test_on_again_after_an_exception(collector_on):
    @collector_paused
    def fails():
        raise ValueError("boom")

    with pytest.raises(ValueError):
        fails()
    assert gc.isenabled()


def test_left_off_when_it_was_off(collector_on):
    gc.disable()

    @collector_paused
    def work():
        return gc.isenabled()

    assert work() is False
    assert not gc.isenabled()


@pytest.mark.parametrize("text", [SEED.read_bytes(), b'{"id": "x", "persons": [{"id": "p"}]}', b"{"])
def test_reading_leaves_the_collector_on(collector_on, text):
    try:
        loads_as(text, "json", name="x.json")
    except InvalidDossier:
        pass
    assert gc.isenabled()
    try:
        dossier.loads(text, syntax="json", name="x.json")
    except InvalidDossier:
        pass
    assert gc.isenabled()


def test_readers_run_paused(collector_on, monkeypatch):
    import dossier.formats as formats

    seen = []
    real = formats.FORMATS["json"].read

    def spy(*args):
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setitem(formats._BY_NAME, "json", dataclasses.replace(formats.get_format("json"), read=spy))
    loads_as(SEED.read_bytes(), "json")
    assert seen == [False]


def test_writers_run_paused(collector_on, monkeypatch):
    import dossier.formats as formats

    seen = []
    real = formats._Sources.__init__

    def spy(self, *args):  # every writer starts from the report's sources
        seen.append(gc.isenabled())
        real(self, *args)

    monkeypatch.setattr(formats._Sources, "__init__", spy)
    report = loads_as(SEED.read_bytes(), "json")
    formats.dumps(report, "turtle")
    formats.dumps_many(report, ["json", "turtle"])
    formats.dumps_bytes(report, "turtle")
    assert seen == [False, False, False]
    assert gc.isenabled()
