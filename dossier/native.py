"""dossier's optional C loops (``dossier/_speedups.c``), or None where they are not built or not wanted.

``pip install`` compiles them where a C compiler is at hand and installs
dossier without them where none is. Each has a twin in Python that gives
the same result, which dossier uses when the loop is None here, or when
the loop returns None for data it was not made for. Set the environment
variable ``DOSSIER_PURE`` (to anything but the empty string) to use only
the Python twins, to compare or to debug.

- :data:`count_keys` (``data``): the number of keys in the objects of a
  valid JSON text; twin: :func:`dossier.loading._keys_unique`'s count.
- :data:`indent_json` (``data``): compact JSON indented by two spaces, as
  ``json.dumps(..., indent=2)`` writes it, and a newline; twin:
  pydantic-core's own ``indent=2`` (:func:`dossier.canonical.to_json`).
- :data:`plain_text` (``text``): whether a str holds no character that
  N-Triples and Turtle escape; twin: the three scans of
  :func:`dossier.linked.turtlegen._escaped`.
- :data:`walk` (``root, ...``): the walk of :class:`dossier.walk.Tree`
  that gathers a report's nodes; twin: ``Tree._visit``.
- :data:`nquads` (``records, with_graph``): the UTF-8 bytes of N-Quads or
  N-Triples lines of node records whose subjects are unique; twin:
  :func:`dossier.linked.ntriples._lines`.
"""

from __future__ import annotations

import os
from typing import Callable, Optional

__all__ = ["count_keys", "indent_json", "nquads", "plain_text", "walk", "BUILT"]

try:
    from . import _speedups
except ImportError:  # built without a C compiler
    _speedups = None  # type: ignore[assignment]

#: Whether the C loops were built with this installation (whether or not ``DOSSIER_PURE`` turns them off).
BUILT = _speedups is not None
_USE = BUILT and not os.environ.get("DOSSIER_PURE")

count_keys: Optional[Callable[[bytes], Optional[int]]] = _speedups.count_keys if _USE else None
nquads: Optional[Callable[[list, bool], Optional[bytes]]] = _speedups.nquads if _USE else None  # type: ignore[type-arg]
indent_json: Optional[Callable[[bytes], Optional[bytes]]] = _speedups.indent_json if _USE else None
plain_text: Optional[Callable[[str], bool]] = _speedups.plain_text if _USE else None
walk: Optional[Callable[..., tuple[int, bool]]] = _speedups.walk if _USE else None
