"""Generic English word lists the rules use: titles, place-kind and organization words, source nouns,
reporting verbs, hedges and event triggers. None names a person, place or phrase of a particular article.
"""

from __future__ import annotations

__all__ = [
    "TITLE_WORDS", "FACILITY_WORDS", "FACILITY_FIRST", "FACILITY_NOUNS", "DENOMINATION_WORDS", "SOURCE_MODIFIERS",
    "QUANTIFIERS", "DENIAL_VERBS", "REGION_WORDS", "ORG_WORDS", "SOURCE_NOUNS", "REPORTING_VERBS",
    "HEDGES", "COMPASS", "CONTINENTS", "INSTITUTIONS", "GOVERNMENT_WORDS", "STREET_WORDS", "STREET_FIRST",
    "COMMODITY_WORDS", "BUSINESS_PARTS",
]

#: Words that make up a title or office; lower-case forms ("defense minister") and capitalised ("President").
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "leader", "chancellor", "king", "queen", "prince", "princess",
    "crown", "emperor", "empress", "premier", "secretary", "general", "governor", "mayor", "senator",
    "ambassador", "commissioner", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman",
    "chairwoman", "chair", "chief", "director", "commander", "admiral", "pope", "sheikh", "emir", "sultan",
    "deputy", "foreign", "defense", "defence", "finance", "trade", "interior", "state", "head", "counsellor",
    "councillor", "representative", "speaker", "justice", "judge", "minister-president", "supreme", "dictator",
    "monarch", "first", "lady", "gen.", "executive", "officer", "ceo", "founder", "mr", "mrs", "ms", "dr",
    # portfolios of ministers ("Economy Minister", "culture minister")
    "economy", "economic", "culture", "health", "education", "agriculture", "energy", "environment", "industry",
    "transport", "labour", "labor", "tourism", "information", "communications", "infrastructure", "development",
    "security", "fisheries", "commerce", "home", "social", "digital", "science", "technology", "housing",
    # church offices ("Bishop Anna Berg", "Cardinal X")
    "bishop", "archbishop", "cardinal", "pontiff", "professor",
}
#: Words that head a title (the last word of "defense minister").
TITLE_HEADS = {
    "president", "minister", "leader", "chancellor", "king", "queen", "prince", "princess", "emperor", "empress",
    "premier", "secretary", "general", "governor", "mayor", "senator", "ambassador", "commissioner", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chief", "director", "commander",
    "admiral", "pope", "sheikh", "emir", "sultan", "representative", "speaker", "judge", "monarch", "dictator",
    "officer", "ceo", "founder", "head", "bishop", "archbishop", "cardinal", "pontiff", "professor", "fellow",
}
#: Capitalised last words (in several languages) that make a name a street or square: an other-place, never a person.
STREET_WORDS = {"street", "avenue", "road", "boulevard", "lane", "square", "plaza", "plads", "platz", "plein",
                "piazza", "piazzale", "place", "straße", "strasse", "gasse", "allee", "gade", "vej", "torg",
                "torget", "tori", "ulitsa", "prospekt", "calle", "avenida", "rua", "praça", "largo", "corso",
                "viale", "esplanade", "promenade", "embankment", "quay", "quai"}
#: First words that make a name a street or square ("Piazza Navona", "Rue de Rivoli", "Plaza Mayor").
STREET_FIRST = {"rue", "piazza", "plaza", "place", "avenida", "avenue", "calle", "rua", "praça", "boulevard", "corso",
                "viale", "largo", "quai"}
#: Lower-case words after a capitalised word that make it a commodity or index ("Brent crude"), not a place.
COMMODITY_WORDS = {"crude", "oil", "blend", "futures", "index", "benchmark", "contract", "contracts", "prices",
                   "price", "shares", "stock", "stocks", "bonds", "yields"}
#: Capitalised parts that, joined to another word without a space, make a company name ("AirAsia",
#: "TotalEnergies", "PetroChina").
BUSINESS_PARTS = {"energy", "energies", "air", "airways", "airlines", "gas", "oil", "petroleum", "power", "tech",
                  "soft", "net", "bank", "link", "tel", "telecom", "com", "mobile", "pharma", "steel", "motors",
                  "petro", "chem", "logistics", "shipping", "media", "sat", "data", "pay", "asia"}
#: Capitalised last words that make a name a built site.
FACILITY_WORDS = {
    "cosmodrome", "airport", "airbase", "palace", "port", "station", "base", "stadium", "hall",
    "castle", "cathedral", "bridge", "harbour", "harbor", "dam", "spaceport", "terminal", "embassy",
    "headquarters", "museum", "temple", "mosque", "church", "tower", "hotel", "plant", "shipyard",
    "launchpad", "pier", "wharf", "garden", "gardens", "park", "house", "monastery", "abbey", "shrine",
    "pagoda", "mausoleum", "memorial", "monument", "fort", "fortress", "citadel", "arena", "centre", "center",
    "complex", "compound", "barracks", "prison", "hospital", "campus", "library", "theatre", "theater",
    "gallery", "market", "refinery", "mine", "camp", "checkpoint", "crossing", "wall", "gate",
}
#: First words that make a name a built site ("Port Botany", "Temple of Literature", "Fort Worth" aside).
FACILITY_FIRST = {"port", "temple", "palace", "monastery", "cathedral", "church", "mosque", "museum", "castle",
                  "camp", "hotel", "tower", "bridge", "abbey", "basilica", "shrine", "stadium"}
#: Lower-case nouns that, after a name, make "the X terminal" a built site.
FACILITY_NOUNS = {"container terminal", "terminal", "airport", "airbase", "air base", "naval base", "port",
                  "harbour", "harbor", "shipyard", "dam", "power plant", "plant", "refinery", "monastery",
                  "cathedral", "stadium", "station", "bridge", "prison", "complex", "compound", "museum"}
#: Religious words that make a capitalised "... Church" a body (a denomination), not a building.
DENOMINATION_WORDS = {"orthodox", "catholic", "anglican", "protestant", "lutheran", "methodist", "baptist",
                      "evangelical", "apostolic", "coptic", "reformed", "presbyterian"}
#: Words (after a name) that make it a region or other place.
REGION_WORDS = {
    "region": "region", "province": "region", "oblast": "region", "krai": "region", "prefecture": "region",
    "district": "region", "territory": "region", "state": "region", "county": "region", "governorate": "region",
    "republic": "region", "valley": "other-place", "mountains": "other-place", "island": "other-place",
    "islands": "other-place", "peninsula": "other-place", "bay": "other-place", "sea": "other-place",
    "ocean": "other-place", "river": "other-place", "lake": "other-place", "desert": "other-place",
    "strait": "other-place", "gulf": "other-place", "coast": "other-place",
}
#: Last words of organization names, with the kind they suggest.
ORG_WORDS = {
    "times": "publication", "post": "publication", "news": "publication", "herald": "publication",
    "gazette": "publication", "ledger": "publication", "review": "publication", "journal": "publication",
    "tribune": "publication", "daily": "publication", "agency": "publication", "press": "publication",
    "telegraph": "publication", "guardian": "publication", "observer": "publication", "chronicle": "publication",
    "courier": "publication", "express": "publication", "record": "publication", "mirror": "publication",
    "monitor": "publication", "television": "publication", "tv": "publication", "radio": "publication",
    "broadcasting": "publication", "magazine": "publication", "weekly": "publication", "wire": "publication",
    "ministry": "government-body", "office": "government-body", "department": "government-body",
    "government": "government", "cabinet": "government", "parliament": "government-body",
    "assembly": "government-body", "senate": "government-body", "congress": "government-body",
    "council": "other-organization", "commission": "other-organization", "committee": "other-organization",
    "army": "military", "navy": "military", "forces": "military", "guard": "military", "command": "military",
    "party": "political-party", "union": "international-body", "nations": "international-body",
    "alliance": "international-body", "organization": "other-organization", "organisation": "other-organization",
    "bank": "company", "fund": "other-organization", "company": "company", "corporation": "company",
    "corp": "company", "group": "company", "inc": "company", "ltd": "company", "institute": "other-organization",
    "university": "other-organization", "foundation": "other-organization", "association": "other-organization",
    "federation": "other-organization", "court": "government-body", "police": "government-body",
}
#: Demonym + one of these ("the Russian authorities") is a body of that country.
INSTITUTIONS = {
    "government": "government", "authorities": "government", "administration": "government",
    "military": "military", "army": "military", "navy": "military", "air force": "military",
    "foreign ministry": "government-body", "defense ministry": "government-body",
    "defence ministry": "government-body", "parliament": "government-body", "embassy": "government-body",
    "cabinet": "government", "presidency": "government-body",
}
GOVERNMENT_WORDS = INSTITUTIONS
#: Nouns for unnamed sources ("an analyst from Seoul", "observers").
SOURCE_NOUNS = {
    "analyst", "economist", "diplomat", "official", "expert", "observer", "source", "researcher",
    "commentator", "spokesperson", "aide", "insider", "critic", "scholar", "historian", "lawmaker",
    "negotiator", "adviser", "advisor", "strategist", "academic", "witness", "resident", "specialist",
    "person", "people", "officer", "envoy", "activist", "investor", "trader", "manager", "spokesman",
    "spokeswoman", "representative", "executive", "banker", "lawyer", "delegate", "group",
}
#: Words before a source noun that describe it ("a senior official", "two European diplomats").
SOURCE_MODIFIERS = {
    "senior", "junior", "former", "local", "foreign", "western", "independent", "trade", "security", "military",
    "defense", "defence", "government", "political", "regional", "industry", "energy", "economic", "policy",
    "port", "business", "finance", "health", "intelligence", "police", "state", "top", "high-ranking",
    "ministry", "company", "bank", "union", "opposition", "party", "campaign", "diplomatic", "market", "farm",
    "film", "european", "western", "eastern", "arab", "african", "asian", "other", "some", "many", "several",
    "two", "three", "four", "five", "few", "both", "various", "unnamed", "anonymous", "industry",
}
#: Number words and quantifiers that make a plural noun a group of people ("two diplomats").
QUANTIFIERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many",
               "dozens", "hundreds", "few", "numerous", "various"}
#: Verbs that report speech or belief.
REPORTING_VERBS = {
    "say", "says", "said", "note", "notes", "noted", "noting", "tell", "tells", "told", "add", "adds", "added",
    "caution", "cautions", "cautioned", "warn", "warns", "warned", "suggest", "suggests", "suggested",
    "believe", "believes", "believed", "argue", "argues", "argued", "describe", "describes", "described",
    "claim", "claims", "claimed", "stated", "report", "reports", "reported",
    "estimate", "estimates", "estimated", "predict", "predicts", "predicted", "expect", "expects", "expected",
    "insist", "insists", "insisted", "assert", "asserts", "asserted", "contend", "contends", "contended",
    "point", "points", "pointed", "explain", "explains", "explained", "observe", "observes", "observed",
    "think", "thinks", "thought", "fear", "fears", "feared", "acknowledge", "acknowledged", "announced",
    "announce", "announces", "remark", "remarked", "confirm", "confirmed", "confirms", "deny", "denied", "denies",
    "complain", "complained", "complains", "insisted", "maintain", "maintained", "maintains", "stress", "stressed",
    "dismiss", "dismissed", "reject", "rejected", "rejects", "allege", "alleged", "alleges", "hope", "hoped",
    "hopes", "called", "calls", "write", "wrote", "writes", "cite", "cited", "cites", "quoted",
}
#: Reporting verbs that deny what follows: the claim is the proposition, with negative polarity.
DENIAL_VERBS = {"deny", "denied", "denies", "dismiss", "dismissed", "reject", "rejected", "rejects"}
#: Hedge and modality cues, with the certainty each gives (GRaSP factuality).
HEDGES = {
    "could": "possible", "may": "possible", "might": "possible", "can": "possible", "possibly": "possible",
    "perhaps": "possible", "maybe": "possible", "suggests": "possible", "suggest": "possible",
    "suggested": "possible", "possibility": "possible", "potentially": "possible", "reportedly": "possible",
    "allegedly": "possible", "uncertain": "possible",
    "would": "probable", "likely": "probable", "probably": "probable", "should": "probable",
    "appears": "probable", "appeared": "probable", "appear": "probable", "seems": "probable",
    "seemed": "probable", "seem": "probable", "expected": "probable", "apparently": "probable",
    "will": "certain", "certainly": "certain", "clearly": "certain", "definitely": "certain",
    "undoubtedly": "certain", "confirmed": "certain",
}
#: Compass words that, with a continent or another compass word, make a region ("Middle East").
COMPASS = {"north", "south", "east", "west", "middle", "central", "northern", "southern", "eastern",
           "western", "far", "near", "southeast", "southeastern", "northeast", "northeastern", "southwest",
           "northwest", "sub-saharan"}
CONTINENTS = {"africa", "asia", "europe", "america", "americas", "oceania", "antarctica", "pacific", "atlantic",
              "arctic", "caribbean", "balkans", "caucasus"}
