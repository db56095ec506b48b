"""The words extraction knows: English words that are also place names, adjectives of countries,
words for land and nature, descriptors ("oblast", "region") and the patterns of words and lists.
Declared once here; the finder's rules (finder.py) and the tokenizer (tokens.py) read them."""

from __future__ import annotations

import re

from ..gazetteer.morphology import PREPOSITIONS
from ..gazetteer.normalize import DESCRIPTORS, normalize

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
    "kyrgyz": "KG",
    "kirghiz": "KG",
    "tajik": "TJ",
    "mongol": "MN",
}
ADJECTIVES = frozenset(DEMONYMS) | frozenset(
    [
        # peoples of Russia whose name the gazetteer holds as an alias of their republic:
        # "Buryat men", "Udmurt activists" are people ("Komi" and "Mari" name the republics
        # alone too, "in Komi", and are left to the other rules)
        "buryat",
        "udmurt",
        "chukchi",
        "khakas",
        "ingush",
        "yakut",
        "tuvan",
        "karelian",
        "adyghe",
        "kabardian",
        "circassian",
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
# Another kind of place named after a town, written after its name: "the Zaporizhzhia nuclear
# power plant" stands at Enerhodar, "the Nikopol district" is a district, not the town. geomap
# maps neither; the mention is reported with the region the town is in. Phrase → what it is.
OTHER_KINDS = {
    "district": "district",
    "districts": "district",
    "raion": "district",
    "raions": "district",
    "rayon": "district",
    "rayons": "district",
    "hromada": "district",
    "hromadas": "district",
    "county": "county",
    "nuclear power plant": "power plant",
    "nuclear power station": "power plant",
    "nuclear plant": "power plant",
    "power plant": "power plant",
    "power station": "power plant",
    "hydroelectric power plant": "power plant",
    "hydroelectric plant": "power plant",
    "hydroelectric station": "power plant",
    "npp": "power plant",
    "hpp": "power plant",
    "tpp": "power plant",
    "airport": "airport",
    "airfield": "airfield",
    "air base": "air base",
    "airbase": "air base",
    "bridge": "bridge",
    "cemetery": "cemetery",
    # a court named after its city or region sits in the region's capital, not always in the
    # place named ("the Sverdlovsk regional court" is in Yekaterinburg); "a Moscow court" is
    # left alone: it is a court in Moscow
    "regional court": "court",
    "oblast court": "court",
    "district court": "court",
    "city court": "court",
    "garrison court": "court",
    "military court": "court",
    # Russian and Ukrainian, as written after a name in the nominative: "Никополь район" is
    # rare, but "Курск АЭС" in a heading is not
    "район": "district",
    "раион": "district",
    "аэс": "power plant",
    "аес": "power plant",
    "гэс": "power plant",
    "гес": "power plant",
    "аэропорт": "airport",
    "аеропорт": "airport",
    "аэродром": "airfield",
    "аеродром": "airfield",
    "громада": "district",
    # a refinery or a power station named by its town's adjective: "Рязанський НПЗ" (not the
    # village Ryazansky), "Бурштинська ТЕС", "Харківська ТЕЦ"
    "нпз": "refinery",
    "тес": "power plant",
    "тэс": "power plant",
    "тец": "power plant",
    "тэц": "power plant",
    "гаес": "power plant",
    "гаэс": "power plant",
}
# The same, written before the name in Russian and Ukrainian (as dictionary forms), the name in
# the nominative: "порт Південний" is a port named after a town ("порт Маріуполя" is the city's).
OTHER_KINDS_BEFORE = {
    "космодром": "cosmodrome",
    "порт": "port",
    "морпорт": "port",
    "аэропорт": "airport",
    "аеропорт": "airport",
    "аэродром": "airfield",
    "аеродром": "airfield",
}
OTHER_KIND_WORDS = 3  # the longest phrase above, in words
# The English plurals above: after a list of names, each name is one of them ("the Kupiansk,
# Izium and Chuhuiv districts"); Russian and Ukrainian plurals are read by their lemmas.
OTHER_KIND_PLURALS = frozenset(["districts", "raions", "rayons", "hromadas"])
# How many names such a list may hold before its plural noun.
OTHER_KIND_LIST_NAMES = 8
# Russian and Ukrainian words for a town or a village (dictionary forms): a name after one, in
# any case, is a place even when it is also a word ("в городе Мирном", "у селищі Борова", "в
# селе Победа").
SETTLEMENT_NOUNS = frozenset(
    [
        "город",
        "місто",
        "село",
        "селище",
        "посёлок",
        "поселок",
        "деревня",
        "хутор",
        "станица",
        "станиця",
        "пгт",
        "смт",
    ]
)
# Of those, the words for a village or a small settlement: no place of a city's size
# (features.CITY_POPULATION) is called one, so "село Кам'янське" is not the city of Kamianske.
VILLAGE_NOUNS = SETTLEMENT_NOUNS - {"город", "місто"}
# Russian and Ukrainian words for a street or a square (dictionary forms): a name beside one in
# the singular is the street's, named after a town or a person ("вулиця Покровська", "на
# Московской улице", "проспект Победы", "площа Свободи"), not the place; "на улицах Харькова"
# (plural) are the city's streets.
STREETS = frozenset(
    [
        "улица",
        "вулиця",
        "проспект",
        "площадь",
        "площа",
        "переулок",
        "провулок",
        "бульвар",
        "набережная",
        "набережна",
        "шоссе",
        "шосе",
        "проезд",
        "проїзд",
        "тупик",
        "узвіз",
        "майдан",
    ]
)
# What every form of those words begins with: a word that does not is not parsed.
STREET_STARTS = (
    "улиц",
    "вулиц",
    "проспект",
    "площ",
    "переул",
    "провул",
    "бульвар",
    "набережн",
    "шосс",
    "шосе",
    "проезд",
    "проїзд",
    "тупик",
    "узвіз",
    "узвоз",
    "майдан",
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
        # the land's features as well as the water's: "the Kulunda steppe" is no village
        "steppe",
        "steppes",
        "plain",
        "plains",
        "lowland",
        "lowlands",
        "upland",
        "uplands",
        "plateau",
        "desert",
        "marsh",
        "marshes",
        "swamp",
        "swamps",
        "taiga",
        "ridge",
        "gorge",
        "glacier",
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
        # what is done only to a place: "Zelensky visited Bakhmut", "troops shelled Lozova"
        "visited",
        "visiting",
        "shelled",
        "bombed",
        "liberated",
        "occupied",
        "encircled",
        "besieged",
        "recaptured",
        "annexed",
        "retook",
        "struck",
        "stormed",
    ]
)
# Nouns of a settlement in apposition after a name: "Orlov, a town in Kirov region,".
PLACE_APPOSITIONS = frozenset(
    [
        *("town", "city", "village", "settlement", "hamlet", "hub", "capital", "port"),
        *("junction", "suburb", "stronghold", "outpost", "resort", "municipality"),
    ]
)
# What is done only to a place, after its name and an auxiliary: "Lozova was shelled".
PLACE_PREDICATES = frozenset(
    [
        *("shelled", "bombed", "liberated", "occupied", "encircled", "besieged"),
        *("recaptured", "retaken", "annexed", "flooded", "razed", "bombarded"),
    ]
)
# Russian and Ukrainian prepositions of place, as lookup reads them too: "в Мире", "під Бором"
LOCATIVES = LOCATIVES | PREPOSITIONS
# "удар по Дворічній", "обстріляли по Рильську", "ударили по Энгельсу": war news strikes "по" a
# place in the dative (lookup does not read "по" before a name, so the finder alone does)
LOCATIVES = LOCATIVES | {"по"}
# Words that make "to" or "from" after them no preposition of place: the name after them is a
# source, an addressee or a cause as often as a place ("according to Batina", "a letter from
# Ostina", "thanks to Darvin"), so it gets no help from them.
NOT_OF_PLACE = frozenset(
    [
        "according",
        "thanks",
        "due",
        "owing",
        "compared",
        "similar",
        "close",  # "close to Ivanov" (a person's circle); "near" says a place
        "wrote",
        "write",
        "writes",
        "spoke",
        "speak",
        "speaks",
        "talked",
        "talk",
        "talks",
        "said",
        "told",
        "appealed",
        "complained",
        "replied",
        "belonged",
        "belongs",
        "married",
        "listened",
        "letter",
        "letters",
        "message",
        "messages",
        "call",
        "calls",
        "statement",
        "comment",
        "comments",
        "support",
        "help",
        "request",
        "requests",
    ]
)
# Russian and Ukrainian words that say "near", "towards" or "in the area of" the place in the
# genitive after them, as front-line news writes it: "з боку Дворічної", "в районі Борової",
# "північніше Куп'янська", "на околицях Вовчанська", "со стороны Белгорода", "южнее Курахова"
# (the preposition before the noun, "з", "в", "на", says nothing of a place by itself).
# Normalised, as token keys are ("районі" → "раионі").
GENITIVE_OF_PLACE = frozenset(
    normalize(word)
    for word in [
        "боку",
        "бік",
        "районі",
        # "в районах Терен, Греківки і Торського": General Staff summaries list villages so
        "районах",
        "напрямку",
        "околиці",
        "околицях",
        "околиць",
        "неподалік",
        "північніше",
        "південніше",
        "західніше",
        "східніше",
        "стороны",
        "районе",
        "направлении",
        "окраине",
        "окраинах",
        "окрестностях",
        "севернее",
        "южнее",
        "западнее",
        "восточнее",
        # a port's, a centre's, a resident's noun before the genitive: "з порту Скадовська",
        # "у центрі Борової", "жителі Дворічної" (as "residents of", "the centre of")
        "порт",
        "порту",
        "порті",
        "порта",
        "центр",
        "центрі",
        "центру",
        "центре",
        "центра",
        "жителі",
        "жителів",
        "жителям",
        "жителями",
        "мешканцям",
        "мешканцями",
        "житель",
        "жителька",
        "мешканці",
        "мешканців",
        "мешканець",
        "мешканка",
        "жители",
        "жителей",
        # shelling "of" a place: "обстріл Рильська", "обстріли Дворічної", "обстрел Глушкова"
        "обстріл",
        "обстрілу",
        "обстріли",
        "обстрілів",
        "обстрел",
        "обстрела",
        "обстрелы",
        "обстрелов",
        "жительница",
    ]
)
# The words for a sector of the front, which military summaries name with an adjective made of a
# town's or a region's name: "на Купянском направлении", "на Покровському напрямку",
# "Авдеевское направление" (finder._front_sector). Normalised, as token keys are.
FRONT_SECTORS = frozenset(
    normalize(word)
    for word in [
        "направлении",
        "направление",
        "направления",
        "направлениях",
        "направлений",
        "напрямку",
        "напрямок",
        "напрямі",
        "напрямках",
        "напрямків",
    ]
)
# The endings of those adjectives (ru "-ском", "-ское", "-ского"; uk "-ському", "-ський"), in
# any case, so that a noun before the word ("з напрямку Бєлгорода") is not taken for one.
SECTOR_ADJECTIVE = re.compile(r"(ск|цк)(ом|ое|ого|ие|их|ий|ой)$|(ськ|цьк)(ому|ий|ого|і|их|ім)$")

# Prepositions that say "near" a place, which front-line news puts before lists of villages
# ("біля Греківки і Торського", "под Работино и Вербовым"), with GENITIVE_OF_PLACE ("в районах
# Терен, Греківки і Торського"): unlike "в", "у", "на", never before a list of bars or worlds
# (finder._listed_after_locative). Normalised, as token keys are.
NEAR_CYRILLIC = frozenset(
    normalize(word)
    for word in ["біля", "поблизу", "неподалік", "коло", "під", "около", "возле", "под", "близ"]
)

# Adjectives that begin many two-word names of towns and villages ("Старі Терни", "Нові
# Санжари", "Большие Вязёмы", "Верхний Услон"), in their dictionary form: before a capitalised
# noun they make one name with it (finder._noun_of_longer_name).
NAME_ADJECTIVES = frozenset(
    [
        "старий",
        "новий",
        "великий",
        "малий",
        "верхній",
        "нижній",
        "середній",
        "старый",
        "новый",
        "большой",
        "великий",
        "малый",
        "верхний",
        "нижний",
        "средний",
    ]
)
# The points of the compass as nouns, in their dictionary form: "Схід області", "на Сході",
# "Юг России" name a part of a country or region, never the villages and city quarters the
# gazetteer also calls so (Skhidni kvartaly of Luhansk is "Схід" to it).
CARDINAL_POINTS = frozenset(
    ["схід", "захід", "північ", "південь", "восток", "запад", "север", "юг"]
)
# "Торецьк, колишній Дзержинськ", "Покровск (бывший Красноармейск)", "Kupiansk, formerly
# Kupyansk": the town just named, by an old name, not a town of its own ("the former Soviet
# Union" is no apposition). Normalised.
FORMER = frozenset(
    normalize(word)
    for word in [
        "колишній",
        "колишня",
        "колишнє",
        "колишнього",
        "колишньої",
        "колишньому",
        "колишнім",
        "колишньою",
        "бывший",
        "бывшая",
        "бывшее",
        "бывшего",
        "бывшей",
        "бывшем",
        "бывшим",
        "formerly",
    ]
)
# Of those, the ones a person's genitive follows as often: "з боку Кличка" (Klitschko's side),
# "со стороны Путина", "центру Шептицького" (a centre named after him). Normalised.
GENITIVE_OF_PLACE_OR_PERSON = frozenset(
    normalize(word)
    for word in [
        "боку",
        "бік",
        "стороны",
        "сторони",
        "центр",
        "центрі",
        "центру",
        "центре",
        "центра",
    ]
)
# Words that make "of" a preposition of place: "out of Borova", "north of Izium".
BEFORE_OF = frozenset(
    [
        "out",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "outskirts",
        "edge",
        "centre",
        "center",
        "residents",
        "resident",
        "native",
        # what befalls a place, and its people: "the fall of Bakhmut", "the mayor of Lozova"
        "fall",
        "siege",
        "liberation",
        "shelling",
        "occupation",
        "encirclement",
        "battle",
        "mayor",
        "defenders",
        "ruins",
        "streets",
        "suburbs",
    ]
)
# Nouns and verbs before "for" or "on" and a place: "the battle for Bakhmut", "the assault on
# Lyman", "troops advanced on Lyman" ("a letter for Lazarev", "pressure on Kirov" are not).
BEFORE_FOR_ON = {
    "for": frozenset(["battle", "battles", "fight", "fighting", "struggle"]),
    "on": frozenset(
        [
            *("assault", "assaults", "attack", "attacks", "advance", "advanced", "advancing"),
            *("offensive", "push", "pushed", "march", "marched", "closing", "airstrike"),
            *("airstrikes", "missile", "drone", "shelling"),
        ]
    ),
}
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
# A crossing's noun before its name, in the cases Russian and Ukrainian write it there ("на
# пункті пропуску Шегині", "через пункт пропуска Верхний Ларс", "КПП Ягодин"): the crossing,
# not the village at its gate. Normalised, as token keys are.
BEFORE |= {
    f"{noun} {of}": "checkpoint"
    for of, nouns in (
        ("пропуску", ("пункт", "пункту", "пункті", "пунктом")),
        ("пропуска", ("пункт", "пункта", "пункте", "пунктом", "пункту")),
    )
    for noun in nouns
} | {"кпп": "checkpoint"}
# The same nouns in the plural, before a list of crossings ("пункти пропуску «Доманове» й
# «Дольськ»"): every name of the list is a crossing.
CROSSINGS_BEFORE = {
    f"{noun} {of}": "checkpoint"
    for of, nouns in (
        ("пропуску", ("пункти", "пунктів", "пунктах", "пунктами")),
        ("пропуска", ("пункты", "пунктов", "пунктах", "пунктами")),
    )
    for noun in nouns
}
BEFORE |= CROSSINGS_BEFORE
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
# to one of these words is the organisation's name, not the place. Suspilne's regional
# newsrooms are written unquoted after it ("Суспільне Херсон повідомило"). Compared as the
# tokens' keys, folded as the gazetteer folds names ("суспільне" loses its soft sign).
OUTLET_BEFORE = frozenset(
    normalize(word)
    for word in [
        "radio",
        "echo",
        "ekho",
        "voice",
        "novaya",
        "novye",
        "novaya",
        "gazeta",
        "radio",
        "радио",
        "эхо",
        "голос",
        "новая",
        "газета",
        "радіо",
        "голос",
        "суспільне",
        # football clubs: "Dynamo Kyiv", "Shakhtar Donetsk", "Zenit St Petersburg"
        "dynamo",
        "dinamo",
        "shakhtar",
        "zenit",
        "spartak",
        "lokomotiv",
        "zorya",
    ]
)
# Latin words of a broadcaster's name before its service's Cyrillic name, which is a country's
# or a city's: "BBC News Україна", "DW Русская служба" (an English "BBC News Kyiv bureau" is
# the city: there the Latin word says nothing).
# Unions of states, written before a member's or partner's name with a hyphen for their talks
# ("саміт ЄС-Україна", "Рада НАТО-Україна"): the country named there is a party, not an edition
# of an outlet ("РБК-Україна"), normalised as the extractor's keys are.
BLOCS = frozenset(
    normalize(word)
    for word in [
        "eu",
        "nato",
        "un",
        "osce",
        "ес",
        "єс",
        "нато",
        "оон",
        "обсе",
        "обсє",
        "снг",
        "снд",
    ]
)
OUTLET_BEFORE_CYRILLIC = frozenset(["news", "dw", "bbc", "rfe", "rl", "voa"])
OUTLET_AFTER = frozenset(
    [
        "times",
        "independent",
        "post",
        "pravda",
        "gazeta",
        "gazette",
        "herald",
        "tribune",
        "telegraph",
        "journal",
        "daily",
        "news",
        "today",
        "insider",
        "media",
        "tv",
        "channel",
        "radio",
        "service",
        "agency",
        "review",
        "express",
        "weekly",
        "online",
        "party",
        "movement",
        "front",
        "union",
        "fc",
        "club",
        "bank",
        "university",
        "правда",
        "газета",
        "новости",
        "известия",
        "тв",
        "телеканал",
        "радио",
        "партия",
        "движение",
        "правда",
        "газета",
        "новини",
        "известия",
        "тб",
        "телеканал",
        "радіо",
        "партія",
        "рух",
    ]
)
# Capitalised nouns (dictionary forms) that end an organisation's name whose first word is an
# adjective written like a village's name: "Червоний Хрест" (the Red Cross; Chervone is a
# village), «Красный Крест», "Червоний Півмісяць". Read as lemmas, so every case is one entry.
ORGANISATION_NOUNS_AFTER = frozenset(["хрест", "крест", "півмісяць", "полумесяц"])
# Written right after a person's surname as the subject: "Korolev said". A city's name before
# them is a government ("Moscow said"), but no city's name is a person's too.
SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "wrote",
        "writes",
        "explained",
        "recalled",
        "insisted",
        "denied",
        "argued",
        "asked",
        "replied",
        "noted",
        "admitted",
        "claimed",
        "stressed",
    ]
)
# What is done to a person and never to a town, before or after the name: "Korolev was
# detained", "the court sentenced Kirov". Not what armies do to towns ("captured", "freed").
PERSON_PREDICATES = frozenset(
    [
        "detained",
        "arrested",
        "sentenced",
        "jailed",
        "imprisoned",
        "charged",
        "fined",
        "convicted",
        "acquitted",
        "released",
        "questioned",
        "interrogated",
        "beaten",
        "tortured",
        "mobilised",
        "mobilized",
        "drafted",
        "conscripted",
        "deported",
        "pardoned",
        "prosecuted",
        "accused",
        "indicted",
        "summoned",
        "born",
    ]
)
# Prepositions before a name that make it no subject of the verb after it: "people in Kirov
# said", "residents of Korolev were detained".
SUBJECT_NOT_AFTER = LOCATIVES | frozenset(
    ["of", "for", "with", "by", "about", "on", "over", "under", "against", "between", "and"]
)
AUXILIARIES = frozenset(["was", "were", "is", "are", "has", "have", "had", "been", "being"])
# The same verbs in Russian and Ukrainian, as dictionary forms (the text's word is read first):
# "Королёв заявил", "Лазарев розповів" are men; a town does not speak (its government does,
# but the town's name is then no person's: "Киев заявил").
SPEECH_VERBS_CYRILLIC = frozenset(
    [
        "сказать",
        "заявить",
        "рассказать",
        "сообщить",
        "написать",
        "отметить",
        "пояснить",
        "добавить",
        "ответить",
        "подчеркнуть",
        "признаться",
        "уточнить",
        # the imperfective ones news quotes people with: "— говорит Королёв"
        "говорить",
        "рассказывать",
        "сообщать",
        "заявлять",
        "писать",
        "считать",
        "отмечать",
        "объяснять",
        "пояснять",
        "вспоминать",
        "признаваться",
        "жаловаться",
        "сказати",
        "заявити",
        "розповісти",
        "повідомити",
        "написати",
        "зазначити",
        "пояснити",
        "додати",
        "відповісти",
        "наголосити",
        "уточнити",
        "визнати",
        "говорити",
        "казати",
        "розповідати",
        "писати",
        "вважати",
        "зазначати",
        "пояснювати",
        "згадувати",
    ]
)
# Verbs of a person's travel (dictionary forms): a surname before one is its subject, a man
# ("Королёв уехал в Ереван"), where a town is not ("Херсон вернулся" has no surname reading).
TRAVEL_VERBS_CYRILLIC = frozenset(
    [
        "уехать",
        "приехать",
        "переехать",
        "вернуться",
        "эмигрировать",
        "сбежать",
        "улететь",
        "прилететь",
        "виїхати",
        "поїхати",
        "приїхати",
        "переїхати",
        "повернутися",
        "емігрувати",
        "втекти",
    ]
)
# What is done only to people, as Russian and Ukrainian say it of a subject in the nominative
# ("Королёв задержан", "Жуковский и Королёв были арестованы", "Корольов засуджений"):
# dictionary forms of the verbs (Russian short participles read so) and of the Ukrainian
# participles, which the dictionary reads as adjectives. Not "освобождён": a town is freed.
PERSON_PREDICATES_CYRILLIC = frozenset(
    [
        "задержать",
        "арестовать",
        "осудить",
        "приговорить",
        "обвинить",
        "оштрафовать",
        "этапировать",
        "допросить",
        "затриманий",
        "заарештований",
        "засуджений",
        "оштрафований",
        "обвинувачений",
        "затримати",
        "заарештувати",
        "засудити",
        "оштрафувати",
    ]
)
# What is done to a town, said of it in the nominative ("Бахмут разрушен", "Херсон был
# освобождён", "Бахмут зруйнований"), dictionary forms as above: a name the dictionary also
# knows as a man's is the town there.
PLACE_PREDICATES_CYRILLIC = frozenset(
    [
        "разрушить",
        "освободить",
        "обстрелять",
        "захватить",
        "оккупировать",
        "окружить",
        "эвакуировать",
        "оставить",
        "зруйнований",
        "звільнений",
        "обстріляний",
        "захоплений",
        "окупований",
        "оточений",
        "евакуйований",
        "зруйнувати",
        "звільнити",
        "захопити",
        "окупувати",
    ]
)
# Prepositions that put a place, not a person, in the case they take: "в Морозовську", "під
# Міллеровом" (not "у", "от", "від", "з", "до": "у Петрова" is Petrov's, "від Петрова" from
# him). Normalised, as token keys are.
PLACE_ONLY_PREPOSITIONS = frozenset(
    ["в", "во", "на", "під", "под", "біля", "поблизу", "возле", "около", "через"]
)
# Past forms of "to be" before such a participle: "были арестованы", "був затриманий".
BE_CYRILLIC = frozenset(["был", "была", "было", "были", "був", "була", "було", "були"])
# Nouns of a person's kin, counsel or words, before a name in the genitive: "по словам
# Королёва", "адвокат Лазарева", "за словами Орлова". Dictionary forms.
PERSON_NOUNS_CYRILLIC = frozenset(
    [
        "слово",
        "адвокат",
        "защитник",
        "жена",
        "муж",
        "сын",
        "дочь",
        "мать",
        "отец",
        "брат",
        "сестра",
        "вдова",
        "родственник",
        "коллега",
        "захисник",
        "дружина",
        "чоловік",
        "син",
        "донька",
        "дочка",
        "мати",
        "батько",
        "вдова",
        "родич",
        "колега",
    ]
)
# Offices of a town or a region, before its name in the genitive: "мэр Николаева", "губернатор
# Белгорода" are the city's, though "Николаева" is a woman's surname too. Dictionary forms.
OFFICES_OF_A_PLACE = frozenset(["мэр", "мер", "губернатор", "градоначальник", "вице-мэр"])
# Nouns of a trial or of violence done to someone, before "над" and a name in the instrumental:
# "суд над Корольовим", "расправа над Жуковским" are done to a man; "над Курськом" alone is the
# sky over the town ("дрон збили над Жуковським"). Dictionary forms.
OVER_A_PERSON = frozenset(
    [
        "суд",
        "процес",
        "процесс",
        "судилище",
        "самосуд",
        "розправа",
        "расправа",
        "знущання",
        "издевательство",
        "насильство",
        "насилие",
    ]
)
# "с", "з" with a name in the instrumental mean "with": "вместе с Лазаревым", "разом з
# Орловим" are people; "from" takes the genitive ("с Урала", "з Києва").
WITH_PREPOSITIONS = frozenset(["с", "со", "з", "із", "зі", "зо"])
# "от", "від" say where only in a distance or a range: "в 20 км от Курска", "от Москвы до
# Читы"; otherwise the name after them is a sender or a source ("письмо от Лазарева").
FROM_PREPOSITIONS = frozenset(["от", "від"])
DISTANCE_WORDS = frozenset(
    ["км", "километрах", "километров", "километре", "кілометрах", "кілометрів", "метрах", "метрів"]
)
# Written before a person's name: "Ms Volkova", "Mr Lazarev".
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "general",
        "colonel",
        "captain",
        "lieutenant",
        "sergeant",
        "private",
        "major",
        "president",
        "minister",
        "governor",
        "mayor",
        "deputy",
        "journalist",
        "activist",
        "lawyer",
    ]
)

# Capitalised before a surname, only a person's: "Ms Kurskaya", "Judge Smolensky" (not "Major",
# "General", "Deputy": "a Major Moscow airport", "Deputy Moscow Mayor"). Ranks abbreviated, with
# or without their full stop, are a person's too: "Lt. Col. Dmitrov", "Gen Kirov", "Capt.
# Nikolaev" (no place name is written after "Lt" or "Sgt").
HONORIFICS = frozenset(
    [
        *("mr", "mrs", "ms", "miss", "dr", "prof", "judge", "colonel", "captain", "lieutenant"),
        *("gen", "col", "lt", "maj", "capt", "cpt", "sgt", "cpl", "pte", "pvt", "adm", "brig"),
        # ranks no adjective shares ("Private Moscow clinics" stays a place)
        *("sergeant", "corporal", "ensign"),
    ]
)
# Nouns of a person's kin, counsel, trade or part in a case (English, singular): a name beside
# one is a person's, whatever town shares it. Before it, "his sister Sofia", "the activist
# Orlova", "mother, Alexandra,"; after it, in apposition, "Korolev, a student from Kimry,",
# "Sofia, his wife,"; possessed, "Korolev's lawyer". A town is "a city", "the capital", "his
# home town": never one of these.
PERSON_NOUNS = frozenset(
    [
        *("wife", "husband", "son", "daughter", "mother", "father", "brother", "sister"),
        *("widow", "widower", "grandson", "granddaughter", "grandmother", "grandfather"),
        *("niece", "nephew", "cousin", "uncle", "aunt", "fiance", "fiancee", "girlfriend"),
        *("boyfriend", "stepfather", "stepmother", "stepson", "stepdaughter", "neighbour"),
        *("neighbor", "friend", "colleague", "classmate", "lawyer", "attorney", "client"),
        *("defendant", "investigator", "prosecutor", "student", "teacher", "pensioner"),
        *("courier", "nurse", "doctor", "surgeon", "engineer", "driver", "soldier", "officer"),
        *("photographer", "editor", "reporter", "journalist", "correspondent", "producer"),
        *("fixer", "volunteer", "activist", "priest", "artist", "poet", "musician", "singer"),
        *("writer", "politician", "businessman", "businesswoman", "entrepreneur"),
        *("programmer", "mathematician", "historian", "scientist", "economist", "linguist"),
        *("psychologist", "blogger", "deserter", "conscript", "mercenary", "veteran"),
        *("prisoner", "detainee", "spokesman", "spokeswoman", "spokesperson", "councillor"),
        *("lawmaker", "electrician", "mechanic", "miner", "farmer", "man", "woman", "boy"),
        *("girl", "pianist", "actor", "actress", "director", "dissident", "ally", "aide"),
        *("associate", "critic", "opponent", "supporter"),
    ]
)
# Words of a sentence about football, where a town abroad is its club: "Yaremchuk scored twice
# for Olympiacos", "Chelsea and Arsenal supporters wrote to UEFA". None is said of a town.
FOOTBALL_WORDS = frozenset(
    [
        *("footballer", "footballers", "striker", "strikers", "winger", "midfielder"),
        *("goalkeeper", "teammate", "teammates", "scored", "uefa", "fifa", "transfer"),
        *("stadium", "football"),
    ]
)
# Plural kin or trades before the names they count off: "the children, Sofia and Victoria,"
# "his sons Kolya and Slava", "witnesses Ryazan and Tambov" (a list of towns follows no such
# word).
PERSON_GROUPS = frozenset(
    [
        *("children", "daughters", "sons", "grandchildren", "granddaughters", "grandsons"),
        *("sisters", "brothers", "twins", "parents", "grandparents", "witnesses"),
        *("defendants", "lawyers", "activists", "journalists", "prisoners", "friends"),
    ]
)
# What happens to a person, possessed or before "of": "Kirov's trial", "the arrest of Korolev"
# (not what happens to a town: "liberation", "shelling").
PERSON_EVENTS = frozenset(
    [
        *("arrest", "trial", "sentence", "sentencing", "conviction", "detention"),
        *("acquittal", "lawyers", "funeral", "testimony", "interrogation", "parents"),
        *("murder", "killing", "poisoning", "assassination", "imprisonment", "extradition"),
    ]
)
# Before "of" and a name, a person's kin or counsel: "the widow of Kirov", "supporters of
# Korolev". ("a resident of", "the mayor of" name a town's people.)
PERSON_OF = frozenset(
    [
        *("wife", "husband", "widow", "son", "daughter", "mother", "father", "brother"),
        *("sister", "lawyer", "lawyers", "supporters", "relatives", "friends", "family"),
    ]
)
# Before "against" and a name: "the case against Korolev".
CASE_AGAINST = frozenset(["case", "charges", "charge", "verdict", "evidence", "accusations"])
# A credit line's word before "by" or a colon: "Translated by Kirov", "Photo: Kirov".
CREDIT_WORDS = frozenset(
    [
        *("reporting", "reported", "edited", "editing", "translated", "translation", "written"),
        *("photo", "photos", "photograph", "photographs", "photography", "illustration"),
        *("interview", "interviewed", "produced", "compiled", "video", "graphics", "text"),
        *("credit", "image", "images", "words", "pictures", "writing", "author"),
    ]
)
# Between a subject and its speech verb: "Korolev later said", "Korolev has told".
VERB_ADVERBS = frozenset(
    [
        *("later", "also", "then", "once", "first", "again", "never", "always", "often"),
        *("has", "had", "have", "himself", "herself", "however", "now", "still", "earlier"),
    ]
)
# After "has" or "had", what only a person has done: "Korolev had called them heroes",
# "Nikolaev has driven us to Kramatorsk" (a town "has been shelled", "has suffered").
HUMAN_PARTICIPLES = frozenset(
    [
        *("said", "told", "written", "called", "asked", "driven", "lived", "worked", "fled"),
        *("studied", "married"),
        *("joined", "served", "met", "denied", "admitted", "insisted", "spent", "explained"),
        *("argued", "complained", "refused", "agreed", "promised"),
    ]
)
# A person's pronouns (not "it", "its", "we"): a sentence with one speaks of a person.
PERSONAL_PRONOUNS = frozenset(["he", "she", "him", "her", "his", "hers", "himself", "herself"])
# Of these, what no city does for its government: "Sofia had driven", "Sofia has fled".
PERSONAL_ACTS = frozenset(["driven", "lived", "fled", "studied", "married"])
# Words of one modifying phrase between an apposition's article and its noun ("a 24-year-old
# student", "a former Tomsk city councillor"): at most this many.
APPOSITION_WORDS = 4
APPOSITION_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "their", "our", "my"])

# Nouns (Russian and Ukrainian dictionary forms) of an organisation or outlet, before its name
# in quotation marks: Фонд «Свободная Бурятия», партия «Родина», газета «Донбас». A place name
# in those marks is the organisation's. So it is after a venue's noun: a cinema, hotel,
# stadium or sanatorium is named after a country or a city far away (кинотеатр «Россия»,
# готель «Київ»), where a station or a port bears the name of the town it stands in.
ORGANISATIONS = frozenset(
    [
        "фонд",
        "партия",
        "партія",
        "газета",
        "радио",
        "радіо",
        "телеканал",
        "канал",
        "движение",
        "рух",
        "центр",
        "издание",
        "видання",
        "агентство",
        "журнал",
        "компания",
        "компанія",
        "клуб",
        "организация",
        "організація",
        "союз",
        "спілка",
        "объединение",
        "об'єднання",
        "товариство",
        "общество",
        "ассоциация",
        "асоціація",
        "бригада",
        "батальон",
        "батальйон",
        "полк",
        # a grouping of forces, a corps, an operation named after a place: "угруповання військ
        # «Дніпро»", "оперативно-стратегічне угруповання «Хортиця»", "операція «Павутина»"
        "угруповання",
        "группировка",
        "військо",
        "войско",
        "дивізія",
        "дивизия",
        "корпус",
        "легіон",
        "легион",
        "загін",
        "отряд",
        "операція",
        "операция",
        "завод",
        "комбинат",
        "банк",
        "сайт",
        "портал",
        "проект",
        "проєкт",
        "группа",
        "група",
        "ансамбль",
        "театр",
        "команда",
        "кинотеатр",
        "кінотеатр",
        "гостиница",
        "готель",
        "отель",
        "стадион",
        "стадіон",
        "санаторий",
        "санаторій",
        "ресторан",
        "кафе",
        "магазин",
        "рынок",
        "ринок",
        # who works for an outlet, before its quoted name: "автора «Фонтанки»", "журналистку
        # «7x7»", "корреспондент «Кавказского узла»"; a place is not quoted after these
        "журналист",
        "журналистка",
        "журналіст",
        "журналістка",
        "корреспондент",
        "корреспондентка",
        "кореспондент",
        "кореспондентка",
        "автор",
        "редактор",
        "редакция",
        "редакція",
        "обозреватель",
        "оглядач",
        "колумнист",
        "колумніст",
    ]
)
# Verbs whose subject, when it is a short quoted name, is an outlet: "«Фонтанка» писала",
# "«Фонтанка» и «7x7» выяснили"; and, before a quoted name in the dative, whom someone told:
# "рассказала «Фонтанке»". A place is neither. Dictionary forms, Russian and Ukrainian.
PUBLISHING_VERBS = frozenset(
    [
        "писать",
        "написать",
        "сообщить",
        "сообщать",
        "выяснить",
        "выяснять",
        "опубликовать",
        "публиковать",
        "подсчитать",
        "рассказать",
        "рассказывать",
        "писати",
        "написати",
        "повідомити",
        "повідомляти",
        "з'ясувати",
        "опублікувати",
        "публікувати",
        "підрахувати",
        "розповісти",
        "розповідати",
    ]
)
# Acronyms and short words for a region's, district's or town's administration or council,
# written after its adjective ("Харківська ОВА", "Белгородская облдума"), normalised as token
# keys are: the institution, not the place.
ADMINISTRATIONS = frozenset(
    ["ова", "ода", "мва", "рва", "рда", "вца", "облрада", "облдума", "облсовет", "облизбирком"]
)
# The same in Russian and Ukrainian, written before the name (dictionary forms): "реки Печоры"
# is the river, not the town of Pechora; "озера Ханка", "залива Сиваш".
NATURE_BEFORE = frozenset(
    [
        "река",
        "речка",
        "річка",
        "ріка",
        "озеро",
        "море",
        "залив",
        "затока",
        "водохранилище",
        "водосховище",
        "лиман",
        "пролив",
        "протока",
        "хребет",
        "гора",
        "полуостров",
        "півострів",
        # a cape, an island, a spit named like the village on it: "на мисі Тарханкут"
        "мис",
        "мыс",
        "острів",
        "остров",
        "коса",
        "урочище",
    ]
)
# Ships and military units named after a place, which are no place: "the flagship Moskva",
# "крейсер Москва" (the words before, as dictionary forms), "the Vostok battalion", "the Kursk
# submarine" (the word after).
VESSELS_BEFORE = frozenset(
    [
        "flagship",
        "cruiser",
        "submarine",
        "frigate",
        "warship",
        "corvette",
        "icebreaker",
        "крейсер",
        "фрегат",
        "корвет",
        "ледокол",
        "підводний",
        # a ship's noun before a name is the ship's: "кораблю «Ямал»", "танкер «Волгонефть»",
        # "підводний човен «Ростов-на-Дону»"
        "корабель",
        "корабль",
        "судно",
        "катер",
        "танкер",
        "сухогруз",
        "буксир",
        "есмінець",
        "эсминец",
        "тральщик",
        "ракетоносець",
        "ракетоносец",
        "човен",
        "лодка",
        "ship",
        "vessel",
        "tanker",
        "destroyer",
    ]
)
# What only a ship does, after its name: "the Moskva sank", «"Москва" затонула». Dictionary
# forms for Russian and Ukrainian.
SHIP_VERBS = frozenset(
    ["sank", "sunk", "capsized", "docked", "moored", "затонуть", "затонути", "пришвартоваться"]
)
# Soldiers and veterans (dictionary forms), before a unit's quoted name, in the genitive or after
# "з": "бійці «Азову»", "військових з «Азову»" are the regiment's, not the town Azov's; a town
# is not quoted so.
UNIT_MEMBERS = frozenset(
    [
        "боєць",
        "військовий",
        "військовослужбовець",
        "захисник",
        "оборонець",
        "ветеран",
        "полонений",
        "командир",
        "боец",
        "военный",
        "военнослужащий",
        "защитник",
        "пленный",
    ]
)
UNITS_AFTER = frozenset(
    [
        *("battalion", "battalions", "brigade", "regiment", "division", "corps", "submarine"),
        *("cruiser", "frigate", "corvette", "warship"),
        # "Azov fighters", "the Kraken unit": units named after places ("Kharkiv volunteers"
        # are from the city, so "volunteers" is not here)
        *("fighters", "unit", "units", "mercenaries"),
    ]
)
# Words after which a place's name is a person's other name: "call sign Tula", "callsign
# 'Kursk'", 'nicknamed "Kazan"', "nom de guerre Samara" (call signs and nicknames of soldiers
# are often towns). "call sign" is read as its last word, "sign", after "call".
NICKNAME_WORDS = frozenset(
    [
        *("callsign", "nickname", "nicknamed", "codename", "codenamed", "alias", "aliases"),
        *("moniker", "pseudonym", "guerre"),
    ]
)
# Written after a person's name, never a place: "Dmitry Orlov Sr.", "Petro Lviv Jr." ("Sr" is
# also a code in the gazetteer).
NAME_SUFFIXES = frozenset(["jr", "sr", "jnr", "snr"])
# The last word of an English organisation's name: a place name among the capitalised words
# before it is part of the name ("the Moscow Helsinki Group", "the Kharkiv Human Rights
# Protection Group", "the Kherson Regional Military Administration").
ORGANISATION_HEADS = frozenset(
    [
        "group",
        "committee",
        "foundation",
        "fund",
        "centre",
        "center",
        "society",
        "network",
        "project",
        "council",
        "institute",
        "academy",
        "coalition",
        "initiative",
        "alliance",
        "forum",
        "league",
        "association",
        "bureau",
        "commission",
        "administration",
        "organisation",
        "organization",
        "union",
    ]
)
# Quotation marks, the opening one and its closing one.
QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}
# A quoted name is short and has no sentence in it; longer quoted text is speech.
QUOTED_NAME_WORDS = 5
# A Russian or Ukrainian adjective, as regions' names begin ("Tverskaya oblast", "Сумська
# область") and streets are named ("on Tverskaya", "вулиця Сумська"): Latin and Cyrillic
# endings of its nominative.
ADJECTIVE_ENDING = re.compile(
    r"(aya|iy|yy|yi|oy|oye|ska|ske|skyi|skiy|ая|яя|ий|ый|ой|ое|ее|ська|ське|ськии|ии|ыи|ои)$"
)
