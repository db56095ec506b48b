"""The words extraction knows: English words that are also place names, adjectives of countries,
words for land and nature, descriptors ("oblast", "region") and the patterns of words and lists.
Declared once here; the finder's rules (finder.py) and the tokenizer (tokens.py) read them."""

from __future__ import annotations

import re

from ..gazetteer.normalize import DESCRIPTORS

# English words (and a few names) that the gazetteer also knows as places. They count only when
# capitalised inside a sentence after "in", "from", "to"… or with a descriptor or a hint.
COMMON_WORDS = frozenset(
    [
        "anus",
        "ape",
        "are",
        "as",
        "babel",
        "balky",
        "bar",
        "bender",
        "berg",
        "bile",
        "bode",
        "bor",
        "bore",
        "bum",
        "buy",
        "camber",
        "chad",
        "char",
        "chop",
        "clit",
        "cola",
        "cop",
        "dimer",
        "elk",
        "gamy",
        "gay",
        "gel",
        "grants",
        "grim",
        "gums",
        "gut",
        "harp",
        "hat",
        "hell",
        "human",
        "hut",
        "ii",
        "int",
        "is",
        "island",
        "jam",
        "jar",
        "jerky",
        "jug",
        "karma",
        "ken",
        "lazy",
        "lit",
        "log",
        "luck",
        "lug",
        "lupin",
        "major",
        "mama",
        "mare",
        "marina",
        "maritime",
        "marks",
        "mir",
        "mole",
        "never",
        "newel",
        "oar",
        "ob",
        "ocher",
        "old",
        "or",
        "oral",
        "ore",
        "pap",
        "partizan",
        "pasha",
        "pita",
        "plot",
        "police",
        "progress",
        "rouge",
        "sack",
        "sad",
        "saki",
        "sari",
        "science",
        "shack",
        "shush",
        "sim",
        "skit",
        "smile",
        "spas",
        "spat",
        "star",
        "sumo",
        "tin",
        "tor",
        "tore",
        "trip",
        "vary",
        "vi",
        "wad",
        "wary",
        "wiry",
        "xor",
        "yam",
    ]
)
# Names that in an English article mean a person or a place outside the gazetteer (Paris is
# a village in the Urals to the gazetteer): only with a descriptor or a hint in brackets.
OTHER_MEANINGS = frozenset(
    [
        "alba",
        "alexandria",
        "andropov",
        "brezhnev",
        "cali",
        "cambridge",
        "chernenko",
        "edmonton",
        "gogol",
        "grimm",
        "hamburg",
        "hindenburg",
        "java",
        "johannes",
        "kline",
        "kuibyshev",
        "kutuzov",
        "leipzig",
        "leland",
        "lenin",
        "logan",
        "loren",
        "lula",
        "malinowski",
        "markov",
        "marx",
        "molotov",
        "neo",
        "paris",
        "pravda",
        "rachel",
        "ramadan",
        "romanov",
        "rosa",
        "rosenberg",
        "roy",
        "satan",
        "stalin",
        "sven",
        "tim",
        "ustinov",
        "weinberg",
        "bolshevik",
        "linda",
        "maya",
    ]
) | {"karl marx", "karl marks", "gross karol"}
# Adjectives: of a country, they name it only before a word for land ("the Polish border");
# "Polish volunteers" are people. The others are never a place on their own ("Chechen fighters").
DEMONYMS = {
    "russian": "RU",
    "ukrainian": "UA",
    "polish": "PL",
    "romanian": "RO",
    "moldovan": "MD",
    "moldavian": "MD",
    "hungarian": "HU",
    "belarusian": "BY",
    "belarussian": "BY",
    "slovak": "SK",
    "slovakian": "SK",
    "georgian": "GE",
    "lithuanian": "LT",
    "latvian": "LV",
    "estonian": "EE",
    "finnish": "FI",
    "kazakh": "KZ",
    "kazakhstani": "KZ",
    "chinese": "CN",
    "turkish": "TR",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "mongolian": "MN",
    "norwegian": "NO",
    "german": "DE",
    "french": "FR",
    "italian": "IT",
    "portuguese": "PT",
    "lebanese": "LB",
    "czech": "CZ",
    "bulgarian": "BG",
    "serbian": "RS",
    "greek": "GR",
    "turkmen": "TM",
    "uzbek": "UZ",
}
ADJECTIVES = frozenset(DEMONYMS) | frozenset(
    [
        "chechen",
        "chuvash",
        "kalmyk",
        "jewish",
        "tatar",
        "bashkir",
        "dagestani",
        "ossetian",
        "crimean",
        "abkhazian",
        "soviet",
        "transnistrian",
        "european",
        "american",
        "british",
        "english",
        "syrian",
        "iranian",
        "japanese",
        "korean",
    ]
)
LAND_NOUNS = frozenset(
    ["border", "borders", "frontier", "territory", "soil", "airspace", "coast", "coastline"]
)
NOT_LAND_AFTER = frozenset(
    [
        "guard",
        "guards",
        "service",
        "services",
        "police",
        "patrol",
        "troops",
        "force",
        "forces",
        "agency",
        "officials",
        "authorities",
        "committee",
        "control",
    ]
)
# "the Dnipro river", "the Sea of Azov": a river or a sea, not the town of that name.
NATURE = frozenset(
    [
        "river",
        "lake",
        "sea",
        "reservoir",
        "valley",
        "basin",
        "delta",
        "bay",
        "gulf",
        "strait",
        "mountains",
        "mountain",
        "hills",
        "range",
        "peninsula",
        "island",
        "islands",
        "forest",
        "dam",
        "canal",
        "spit",
        "estuary",
        "lagoon",
    ]
)
LOCATIVES = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "outside",
        "around",
        "via",
        "towards",
        "toward",
        "across",
        "through",
        "past",
        "reach",
        "reached",
        "reaching",
        "leave",
        "left",
        "entered",
    ]
)  # Russian and Ukrainian prepositions of place: "в Мире", "під Бором"
LOCATIVES = LOCATIVES | frozenset(
    "в во у на под из изо с со от около возле близ до через "
    "з із зі від під біля поблизу коло".split()
)
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# After these, a capitalised word no gazetteer knows is listed as a place that did not resolve.
NEAR = frozenset(["in", "near", "outside", "around"])
NOT_AFTER_NEAR = frozenset(
    [
        *MONTHS,
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "cyrillic",
        "latin",
        "parliament",
        "congress",
    ]
)
FUNCTION_WORDS = frozenset(
    [
        "on",
        "in",
        "at",
        "and",
        "or",
        "as",
        "after",
        "before",
        "since",
        "this",
        "last",
        "with",
        "where",
        "when",
        "which",
        "who",
        "was",
        "were",
        "is",
        "are",
        "has",
        "had",
        "have",
        "to",
        "for",
        "by",
        "from",
        "of",
        "the",
        "said",
    ]
)
MODIFIERS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "greater",
        "upper",
        "lower",
        "soviet",
        "occupied",
    ]
)
STOPWORDS = (
    frozenset(
        [
            "the",
            "this",
            "that",
            "these",
            "those",
            "a",
            "an",
            "our",
            "their",
            "its",
            "his",
            "her",
            "whole",
            "entire",
            "each",
            "every",
            "any",
            "same",
            "other",
            "border",
            "frontier",
            "capital",
            "separatist",
            "autonomous",
            "federal",
            "neighbouring",
            "neighboring",
            "in",
            "of",
            "and",
            "or",
            "for",
        ]
    )
    | MODIFIERS
    | ADJECTIVES
)
PLURALS = {
    "regions": "region",
    "areas": "area",
    "oblasts": "oblast",
    "territories": "territory",
    "provinces": "province",
    "krais": "krai",
    "republics": "republic",
}
AFTER = {k: v for k, v in DESCRIPTORS.items() if not k.endswith(" of")} | {
    k: DESCRIPTORS.get(v, "region") for k, v in PLURALS.items()
}
BEFORE = {k: v for k, v in DESCRIPTORS.items() if k.endswith(" of") or k in ("місто", "город")}
# Paragraphs from here to the end are the site's, not the report's (when most text is above).
WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
# matched in place: slicing the rest of the text for every name is quadratic
CLOSING_BRACKET = re.compile(r"\s*\)")
# "and", "or" in English, Russian and Ukrainian
LIST_WORDS = frozenset(["and", "or", "и", "или", "та", "і", "й", "або", "чи"])
LIST_GAP = re.compile(
    r"^\s*(,\s*((and|or|и|или|та|і|й|або|чи)\s+)?|(and|or|и|или|та|і|й|або|чи)\s+|&\s*|/\s*)$"
)
# Media outlets, parties and organisations named after a place ("Radio Svoboda", "Kyiv
# Independent", "Echo of Moscow", "Novaya Gazeta", «Эхо Москвы»): a place name written next
# to one of these words is the organisation's name, not the place.
OUTLET_BEFORE = frozenset(
    "radio echo ekho voice novaya novye novaya gazeta radio "
    "радио эхо голос новая газета радіо голос".split()
)
OUTLET_AFTER = frozenset(
    "times independent post pravda gazeta gazette herald tribune telegraph journal daily "
    "news today insider media tv channel radio service agency review express weekly online "
    "party movement front union fc club bank university "
    "правда газета новости известия тв телеканал радио партия движение "
    "правда газета новини известия тб телеканал радіо партія рух".split()
)
# Written before a person's name: "Ms Volkova", "Mr Lazarev".
TITLES = frozenset(
    "mr mrs ms miss dr prof general colonel captain lieutenant sergeant private major "
    "president minister governor mayor deputy journalist activist lawyer".split()
)
