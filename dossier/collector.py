"""Pausing Python's cyclic garbage collector while a dossier is read or written.

Reading a dossier makes a few thousand container objects (models, their
dicts and field sets, lists, tuples) that all live until the report is
done with; writing one makes lists and tuples of pieces of text. CPython
runs a collection after every 700 or so new containers, and each one
walks objects that cannot be garbage yet: on a dossier that is several
percent of the time (5% of writing the seed as JSON, JSON-LD and Turtle,
measured in turns in one process), more where the program holds many
objects. A dossier's objects, and the writers', form no reference cycles,
so pausing the collector frees nothing later than it would be freed
otherwise; cycles made elsewhere meanwhile wait for the next collection
after the pause. Mercurial pauses its collector the same way while it
builds large structures.
"""

from __future__ import annotations

import functools
import gc
from typing import Callable, TypeVar

__all__ = ["collector_paused"]

F = TypeVar("F", bound=Callable[..., object])


def collector_paused(function: F) -> F:
    """``function``, run with the cyclic garbage collector paused (left as it was if it was already off)."""
    @functools.wraps(function)
    def paused(*args: object, **kwargs: object) -> object:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused  # type: ignore[return-value]
