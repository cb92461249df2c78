"""A deterministic generator of realistic synthetic dossiers, for measuring dossier at corpus scale.

Each dossier is a made-up news report: an article text written sentence by
sentence, and tens of persons, organizations, places, events and attributed
claims, every one anchored to the exact words of that text (the offsets of
each span are known as the text is built, so evidence is exact). Names are
Unicode (Latin with diacritics, Cyrillic, Greek, Arabic, Han, Hangul, a few
outside the Basic Multilingual Plane, some with quotes); dates come at every
precision (year, month, day, month-day with a curated year); places nest
country > region > city > facility; some events are only contemplated by a
claim (hypothetical) and hang on a condition.

The same ``(index, seed)`` always gives the same dossier, on any machine.

    python benchmarks/synthetic.py OUT_DIR --count 10000 [--seed 0]

writes ``OUT_DIR/synthetic-00000.json`` ... as plain JSON dossiers.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
from pathlib import Path
from typing import Any, Optional

__all__ = ["generate", "report", "write_corpus"]

GIVEN = ["Anna", "José", "Zoë", "Jürgen", "Łukasz", "Søren", "Ólafur", "Nuño", "Aoife", "Đặng", "Ayşe", "Chloé",
         "Mikołaj", "Björn", "François", "Tomáš", "Ngozi", "Kofi", "Aleksandr", "Σωκράτης", "Ελένη", "Анна", "Дмитрий",
         "Олена", "محمد", "فاطمة", "李", "王", "김", "Thảo", "Iñigo", "Šárka", "Ümit", "Ðorđe", "Ana‑Maria", "𠀋美"]
FAMILY = ["Müller", "Groß", "Wąsik", "Ødegaard", "Þórsson", "Peña", "O'Connor", "Nguyễn", "Yılmaz", "Dubois",
          "Novák", "Okafor", "Mensah", "Petrov", "Παππάς", "Οικονόμου", "Петрова", "Шевченко", "الحسن", "منصور",
          "明", "芳", "민준", "Ferreira", "Kowalczyk", "Hämäläinen", "Żuławski", "Çelik", "D’Arcy", "𝔊ray"]
TITLES = ["foreign minister", "defence minister", "prime minister", "ambassador", "spokesperson", "governor",
          "mayor", "chief executive", "general", "envoy", "deputy minister", "analyst"]
ORG_WORDS = ["Ministry of Trade", "Coastal Guard", "Institute for Strategic Studies", "\"Blue Harbour\" Forum",
             "Daily Courier", "Союз инженеров", "Ημερήσια Νέα", "長江日報", "Northern Rail Company",
             "Council of Regions", "Αθηναϊκό Πρακτορείο", "Agência Sul", "الهيئة الوطنية", "Kōgyō Holdings 🏭"]
ORG_KINDS = ["government-body", "military", "international-body", "publication", "company", "political-party",
             "publication", "publication", "company", "international-body", "publication", "company",
             "government-body", "company"]
COUNTRIES = ["Aravia", "Borduria", "Carpania", "Dalmora", "Estrelia", "Freedonia", "Grünland", "Hélvora",
             "Ïstria", "Jaskowia", "Königsmark", "Lúzitânia", "Морования", "Ελλαρία", "中洲国", "한반도국"]
REGIONS = ["Northern Province", "Amur Valley", "Río Claro", "Val-d'Ombre", "Høgland", "Ściana", "Oblast Зеленая",
           "Περιφέρεια Άλφα", "东部省", "Wādī al-Nūr", "Côte Dorée", "Škofja Region"]
CITIES = ["Port Élise", "São Teodoro", "Kraków-Nowa", "Ålesund Ny", "Nové Město", "Łódź Wschód", "Ville-Marie",
          "Кострово", "Αγία Μαρίνα", "新港", "부산항", "مدينة الورد", "Tórshavn Vestur", "Zürichberg", "Çamlıca"]
FACILITIES = ["Eastern Cosmodrome", "Grand Palace", "Central Station", "North Port", "Harbour Bridge",
              "Old Observatory", "Naval Yard 7", "Congress Hall", "Airfield “Sokol”", "Summit Centre"]
EVENT_VERBS = {"meeting": "met", "talks": "held talks", "visit": "visited the site", "travel": "travelled",
               "arrival": "arrived", "departure": "left", "ceremony": "attended a ceremony",
               "statement": "issued a statement", "agreement": "signed an agreement", "handover": "handed over a gift",
               "cooperation": "agreed to cooperate", "thanks": "thanked the hosts"}
HYPOTHETICAL = {"military-support": "offer military support to", "technology-transfer": "share technology with",
                "military-aid": "send military aid to", "cooperation": "expand cooperation with"}
MONTHS = list(calendar.month_name)[1:]
CUES = ["could", "may", "might", "would", "suggests", "is likely to", "reportedly"]
SAYS = ["said", "told reporters", "argued", "claimed", "noted", "warned", "wrote"]
GIFTS = [("sword", "a ceremonial sword with a gilded hilt"), ("rifle", "a hunting rifle"),
         ("painting", "a painting of the old harbour"), ("vase", "a porcelain vase"), ("book", "a rare atlas")]


class _Article:
    """The article text, built piece by piece, so that every span's offsets are known exactly."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def span(self, quote: str) -> dict[str, Any]:
        """Write ``quote`` and return its evidence: the quote, its start and its end (code points, end excluded)."""
        start = self.length
        self.add(quote)
        return {"quote": quote, "start": start, "end": start + len(quote)}

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _date(rng: random.Random) -> tuple[dict[str, str], str, Optional[dict[str, str]]]:
    """A partial date at a random precision: its field, its words in the text, and a curated year for month-days."""
    year, month = rng.randint(1990, 2024), rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    precision = rng.choice(["year", "year_month", "date", "date", "month_day", "month_day"])
    if precision == "year":
        return {"year": f"{year}"}, f"in {year}", None
    if precision == "year_month":
        return {"year_month": f"{year}-{month:02d}"}, f"in {MONTHS[month - 1]} {year}", None
    if precision == "date":
        return {"date": f"{year}-{month:02d}-{day:02d}"}, f"on {day} {MONTHS[month - 1]} {year}", None
    curated = {"date": f"{year}-{month:02d}-{day:02d}", "source": "publication date of the wire report"}
    return {"month_day": f"--{month:02d}-{day:02d}"}, f"on {MONTHS[month - 1]} {day}", curated


def generate(index: int, seed: int = 0) -> dict[str, Any]:
    """The data of synthetic dossier number ``index`` (a plain dict, loadable with :func:`dossier.loads`)."""
    rng = random.Random(f"dossier-synthetic/{seed}/{index}")
    art = _Article()
    lang = rng.choice(["en", "en", "en-gb", "en-us"])

    # Places: countries, then regions in them, cities in those, facilities in cities.
    places: list[dict[str, Any]] = []
    countries = rng.sample(COUNTRIES, rng.randint(3, 5))
    art.add("Leaders from ")
    for i, name in enumerate(countries):
        if i:
            art.add(", " if i < len(countries) - 1 else " and ")
        places.append({"id": f"country-{i}", "name": name, "kind": "country", "evidence": [art.span(name)],
                       "identifiers": [{"scheme": "iso3166-1", "value": f"X{chr(65 + i)}",
                                        "source": "synthetic gazetteer v1"}]})
    art.add(" gathered this week.\n")
    nested = [("region", REGIONS, "country"), ("city", CITIES, "region"), ("facility", FACILITIES, "city")]
    for kind, names, parent_kind in nested:
        parents = [p for p in places if p["kind"] == parent_kind]
        for j, name in enumerate(rng.sample(names, min(len(names), rng.randint(3, 7)))):
            parent = rng.choice(parents)
            place: dict[str, Any] = {"id": f"{kind}-{j}", "name": name, "kind": kind, "part_of": parent["id"]}
            art.add("The " if kind == "facility" else "")
            place["evidence"] = [art.span(name)]
            art.add(f" lies in {parent['name']}.")
            if kind == "city" and rng.random() < 0.6:
                place["geo"] = {"latitude": f"{rng.uniform(-60, 70):.4f}", "longitude": f"{rng.uniform(-170, 170):.4f}",
                                "source": "synthetic gazetteer v1"}
                place["identifiers"] = [{"scheme": "geonames", "value": str(rng.randint(10**5, 10**7)),
                                         "source": "synthetic gazetteer v1"}]
            if rng.random() < 0.3:
                place["description"] = f"A {kind} of {parent['name']}."
            places.append(place)
            art.add(" ")
        art.add("\n")
    country_ids = [p["id"] for p in places if p["kind"] == "country"]
    where = [p for p in places if p["kind"] != "country"]

    # Organizations, each in a country.
    organizations = []
    for k, name in enumerate(rng.sample(range(len(ORG_WORDS)), rng.randint(4, 8))):
        label = ORG_WORDS[name]
        country = rng.choice(country_ids)
        org: dict[str, Any] = {"id": f"org-{k}", "name": label, "kind": ORG_KINDS[name], "jurisdiction": country}
        art.add("Officials of the ")
        org["evidence"] = [art.span(label)]
        art.add(" were present. ")
        organizations.append(org)
    art.add("\n")

    # Persons: named people with titles, a few unnamed sources and groups.
    persons = []
    for n in range(rng.randint(10, 30)):
        if n % 9 == 8:
            quote = rng.choice(["An analyst from the capital", "Observers", "A senior diplomat", "Local residents"])
            person: dict[str, Any] = {"id": f"person-{n}", "plural": quote in ("Observers", "Local residents"),
                                      "description": f"{quote}, not named in the report.",
                                      "evidence": [art.span(quote)]}
            art.add(" followed the talks closely. ")
        else:
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            name = f"{given} {family}"
            org = rng.choice(organizations)
            title = rng.choice(TITLES)
            person = {"id": f"person-{n}", "name": name}
            evidence = [art.span(name)]
            art.add(", the ")
            role = {"title": title, "of": org["id"], "evidence": [art.span(title)]}
            art.add(" of the ")
            art.add(org["name"])
            art.add(", spoke first. ")
            if rng.random() < 0.4:
                art.add("Later, ")
                evidence.append(art.span(family))
                art.add(" repeated the point. ")
                person["aliases"] = [family]
            person.update({"roles": [role], "evidence": evidence})
        persons.append(person)
    art.add("\n")
    actors = [p["id"] for p in persons] + [o["id"] for o in organizations] + country_ids

    # Events that happened, some held within others, with partial dates.
    events: list[dict[str, Any]] = []
    for e in range(rng.randint(10, 25)):
        kind = rng.choice(list(EVENT_VERBS))
        who = rng.sample([p for p in persons if "name" in p], 2)
        place = rng.choice(where)
        art.add(f"{who[0]['name']} and {who[1]['name']} ")
        event: dict[str, Any] = {"id": f"event-{e}", "kind": kind, "evidence": [art.span(EVENT_VERBS[kind])],
                                 "place": place["id"]}
        art.add(f" in {place['name']} ")
        date, words, curated = _date(rng)
        event["time"] = {**date, "evidence": [art.span(words)]}
        if curated:
            event["time"]["curated"] = curated
        art.add(". ")
        event["participants"] = [{"actor": who[0]["id"], "role": rng.choice(["agent", "host", "guest"])},
                                 {"actor": who[1]["id"], "role": rng.choice(["attendee", "guest", "addressee"]),
                                  "basis": rng.choice(["stated", "implied"])}]
        if rng.random() < 0.3:
            event["name"] = f"{kind.replace('-', ' ')} in {place['name']}"
        events.append(event)
    for e, event in enumerate(events[1:], start=1):
        if rng.random() < 0.3:
            parent = events[rng.randrange(0, e)]  # an earlier event: sub-events never loop
            parent.setdefault("sub_events", []).append(event["id"])
    art.add("\n")

    # A gift or two, given at one of the events.
    gifts = []
    for g in range(rng.randint(0, 2)):
        thing, description = rng.choice(GIFTS)
        giver, receiver = rng.sample(actors, 2)
        art.add("As a token of friendship, ")
        quote = f"a {thing} was presented"
        gift: dict[str, Any] = {"id": f"gift-{g}", "given_by": giver, "given_to": receiver,
                                "given_to_basis": "implied", "occasion": rng.choice(events)["id"],
                                "evidence": [art.span(quote)]}
        art.add(". It was ")
        gift["object"] = {"name": thing, "description": description, "evidence": [art.span(description)]}
        art.add(", which ")
        gift["meanings"] = [{"text": "The gift is a sign of trust.", "evidence": [art.span("signals trust")]}]
        art.add(". ")
        gifts.append(gift)
    art.add("\n")

    # Claims: who says so, through whom, how sure; some about events that have not happened.
    claims = []
    speakers = [p for p in persons] + organizations
    publications = [o for o in organizations if o["kind"] == "publication"] or organizations
    for c in range(rng.randint(10, 25)):
        speaker = rng.choice(speakers)
        label = speaker.get("name") or "An analyst"
        attribution: dict[str, Any] = {"by": speaker["id"], "capacity": "claimant"}
        art.add(f"{label} ")
        attribution["evidence"] = [art.span(rng.choice(SAYS))]
        art.add(" that ")
        claim: dict[str, Any] = {"id": f"claim-{c}", "attribution": attribution,
                                 "polarity": rng.choice(["positive", "positive", "negative"])}
        if rng.random() < 0.35:
            kind, verb = rng.choice(list(HYPOTHETICAL.items()))
            a, b = rng.sample(country_ids, 2)
            names = {p["id"]: p["name"] for p in places}
            cue = rng.choice(CUES[:4])
            hypo_id = f"hypothetical-{c}"
            start = art.length
            art.add(f"{names[a]} ")
            cue_span = art.span(cue)
            art.add(f" {verb} {names[b]}")
            quote = f"{names[a]} {cue} {verb} {names[b]}"
            claim_span = {"quote": quote, "start": start, "end": start + len(quote)}
            art.add(" ")
            hypo = {"id": hypo_id, "type": "HypotheticalEvent", "kind": kind,
                    "participants": [{"actor": a, "role": "giver"}, {"actor": b, "role": "recipient"}],
                    "evidence": [{**claim_span}]}
            events.append(hypo)
            claim.update({"text": f"{names[a]} {cue} {verb} {names[b]}.", "certainty": "possible", "tense": "future",
                          "cues": [cue_span], "about": [hypo_id, a, b], "evidence": [claim_span]})
            if rng.random() < 0.5:
                condition_span = art.span(f"should {names[b]} ask for it")
                claim["condition"] = {"text": f"{names[b]} asks for it.", "event": hypo_id,
                                      "evidence": [condition_span]}
        else:
            target = rng.choice(events[:10] + persons[:5])
            quote = rng.choice(["the talks went well", "progress was made", "nothing was agreed",
                                "the visit was “historic”", "the meeting lasted three hours"])
            span = art.span(quote)
            claim.update({"text": quote[0].upper() + quote[1:] + ".", "certainty": rng.choice(["certain", "probable"]),
                          "tense": "non-future", "about": [target["id"]], "evidence": [span]})
        if rng.random() < 0.6:
            paper = rng.choice(publications)
            art.add(", according to the ")
            attribution["via"] = {"by": paper["id"], "capacity": "reporter", "evidence": [art.span(paper["name"])]}
        art.add(". ")
        claims.append(claim)

    return {"id": f"synthetic-{seed}-{index:05d}", "language": lang,
            "headline": f"Regional leaders meet in {where[0]['name']}", "text": art.text,
            "persons": persons, "organizations": organizations, "places": places, "events": events,
            "gifts": gifts, "claims": claims}


def report(index: int, seed: int = 0) -> Any:
    """Synthetic dossier number ``index`` loaded and checked as a :class:`dossier.Report`."""
    import dossier

    return dossier.loads(json.dumps(generate(index, seed), ensure_ascii=False), syntax="json",
                         name=f"synthetic-{index}")


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` synthetic dossiers as JSON files into ``folder``; return their paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"synthetic-{i:05d}.json"
        path.write_text(json.dumps(generate(i, seed), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a deterministic corpus of synthetic dossiers as JSON files.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_corpus(args.folder, args.count, args.seed)


if __name__ == "__main__":
    main()
