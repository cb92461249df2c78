"""The optional C loops of dossier (dossier/_speedups.c); everything else is in pyproject.toml.

optional=True: where the extension cannot be built (no C compiler), pip
installs dossier without it, and dossier.native gives the Python loops
that write the same bytes.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("dossier._speedups", ["dossier/_speedups.c"], optional=True)])
