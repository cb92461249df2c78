"""dossier's optional C loops (``dossier/_speedups.c``), or None where they are not built or not wanted.

``pip install`` compiles them where a C compiler is at hand and installs
dossier without them where none is. Each has a twin in Python that gives
the same result, which dossier uses when the loop is None here, or when
the loop returns None for data it was not made for. Set the environment
variable ``DOSSIER_PURE`` (to anything but the empty string) to use only
the Python twins, to compare or to debug.

- :data:`canonical_json` (``report, shapes``): a report's canonical JSON
  text; twin: pydantic-core's serializer (:func:`dossier.canonical.to_json`).
- :data:`count_keys` (``data``): the number of keys in the objects of a
  valid JSON text; twin: :func:`dossier.loading._keys_unique`'s count.
- :data:`plain_text` (``text``): whether a str holds no character that
  N-Triples and Turtle escape; twin: the three scans of
  :func:`dossier.linked.turtlegen._escaped`.
- :data:`walk` (``root, ...``): the walk of :class:`dossier.walk.Tree`
  that gathers a report's nodes; twin: ``Tree._visit``.
- :data:`nquads` (``records, with_graph, as_text=False``): the N-Quads or
  N-Triples lines of node records whose subjects are unique, as UTF-8
  bytes, or joined in a str with ``as_text``; twin:
  :func:`dossier.linked.ntriples._lines`.
"""

from __future__ import annotations

import os
from typing import Callable, Optional

__all__ = ["canonical_json", "count_keys", "nquads", "plain_text", "walk", "BUILT"]

try:
    from . import _speedups
except ImportError:  # built without a C compiler
    _speedups = None  # type: ignore[assignment]

#: Whether the C loops were built with this installation (whether or not ``DOSSIER_PURE`` turns them off).
BUILT = _speedups is not None
_USE = BUILT and not os.environ.get("DOSSIER_PURE")


def _loop(name: str) -> Optional[Callable[..., object]]:
    # A build older than this source (a checkout updated without reinstalling) may lack a loop: its twin runs.
    return getattr(_speedups, name, None) if _USE else None


canonical_json: Optional[Callable[[object, dict], Optional[str]]] = _loop("canonical_json")  # type: ignore
count_keys: Optional[Callable[[bytes], Optional[int]]] = _loop("count_keys")  # type: ignore[assignment]
nquads: Optional[Callable[..., object]] = _loop("nquads")
plain_text: Optional[Callable[[str], bool]] = _loop("plain_text")  # type: ignore[assignment]
walk: Optional[Callable[..., tuple[int, bool]]] = _loop("walk")  # type: ignore[assignment]
