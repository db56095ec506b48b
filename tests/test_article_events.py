"""The events file of the first article holds every required fact, in a well-formed shape.

The file is read as plain YAML (no geomap import), so this test checks the data, not the loader.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml

EVENTS_FILE = Path(__file__).parents[1] / "geodata/events/war-resistance-2022.yaml"
# shared/ beside the checkout (CI lays a copy there too)
ARTICLE_FILE = (
    Path(__file__).resolve().parents[2] / "shared/article/war-resistance-in-russia-and-ukraine.txt"
)

LAYERS = {"protests", "prosecutions", "crossings", "desertion", "civil-resistance", "mobilisation"}
CERTAINTIES = {"confirmed", "reported", "unverified"}
QUALIFIERS = {"about", "at least", "more than", "up to"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

INVASION = dt.date(2022, 2, 24)
PUBLISHED = dt.date(2022, 4, 1)


@pytest.fixture(scope="module")
def doc() -> dict:
    with EVENTS_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def events(doc) -> list[dict]:
    return doc["events"]


# ---------------------------------------------------------------- helpers


def count(event: dict, key: str):
    """A count's value, whether written as an int or as {value: ..., qualifier: ...}."""
    raw = (event.get("counts") or {}).get(key)
    if isinstance(raw, dict):
        return raw.get("value")
    return raw


def qualifier(event: dict, key: str):
    raw = (event.get("counts") or {}).get(key)
    return raw.get("qualifier") if isinstance(raw, dict) else None


def names(event: dict) -> list[str]:
    """Every place an event names, in places and route."""
    return [str(p) for p in (event.get("places") or []) + (event.get("route") or [])]


def lower(seq) -> list[str]:
    return [str(s).casefold() for s in seq]


def first_day(event: dict) -> dt.date:
    return event.get("date") or event["start"]


def last_day(event: dict) -> dt.date:
    return event.get("date") or event.get("end") or event["start"]


# ---------------------------------------------------------------- shape


def test_document_header(doc):
    assert doc["title"].strip()
    assert doc["description"].strip()
    src = doc["source"]
    assert src["url"] == "https://aitrus.info/node/5941"
    assert src["date"] == PUBLISHED
    assert src["title"] == "War Resistance in Russia and Ukraine"
    assert "International Workers' Association" in src["publisher"]


def test_ids_unique_and_slugs(events):
    ids = [e.get("id") for e in events]
    assert all(isinstance(i, str) and SLUG.match(i) for i in ids), ids
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, dupes


@pytest.mark.parametrize("field", ["title", "summary", "reported_by"])
def test_text_fields_present(events, field):
    missing = [e.get("id") for e in events if not str(e.get(field) or "").strip()]
    assert not missing, f"{field} missing in {missing}"


def test_layers_and_certainty(events):
    bad_layer = [(e["id"], e.get("layer")) for e in events if e.get("layer") not in LAYERS]
    assert not bad_layer
    bad_cert = [
        (e["id"], e.get("certainty")) for e in events if e.get("certainty") not in CERTAINTIES
    ]
    assert not bad_cert


def test_every_layer_used(events):
    assert {e["layer"] for e in events} == LAYERS


def test_places_or_route(events):
    for e in events:
        assert names(e), f"{e['id']} has neither places nor route"
        for name in names(e):
            assert name.strip() and name == name.strip(), (e["id"], name)
        if "route" in e:
            assert len(e["route"]) >= 2, f"{e['id']}: a route needs a start and an end"


def test_dates(events):
    for e in events:
        has_date, has_start = "date" in e, "start" in e
        assert has_date != has_start, f"{e['id']}: give either date or start, not both/neither"
        if has_date:
            assert isinstance(e["date"], dt.date), e["id"]
            assert "end" not in e, f"{e['id']}: end goes with start, not date"
        else:
            assert isinstance(e["start"], dt.date), e["id"]
            if "end" in e:
                assert isinstance(e["end"], dt.date) and e["end"] >= e["start"], e["id"]
        # Nothing after the article was published.
        assert last_day(e) <= PUBLISHED, e["id"]
        if "as_of" in e:
            assert isinstance(e["as_of"], dt.date) and e["as_of"] <= PUBLISHED, e["id"]
            assert first_day(e) <= e["as_of"] <= last_day(e), e["id"]


def test_counts_shape(events):
    money_keys = {"cost_per_person"}
    for e in events:
        for key, raw in (e.get("counts") or {}).items():
            assert SLUG.match(key.replace("_", "-")), (e["id"], key)
            if isinstance(raw, dict):
                assert set(raw) <= {"value", "qualifier"}, (e["id"], key)
                assert isinstance(raw["value"], int) and not isinstance(raw["value"], bool)
                assert raw.get("qualifier") in QUALIFIERS, (e["id"], key, raw)
            else:
                assert isinstance(raw, int) and not isinstance(raw, bool), (e["id"], key, raw)
        has_money = bool(money_keys & set(e.get("counts") or {}))
        if "currency" in e:
            assert has_money, f"{e['id']}: currency without a money count"
            assert e["currency"] in {"EUR", "USD", "UAH", "RUB"}, e["id"]
        else:
            assert not has_money, f"{e['id']}: money count without currency"


def test_tags_are_slugs(events):
    for e in events:
        for tag in e.get("tags") or []:
            assert re.match(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$", tag), (e["id"], tag)


def test_no_vague_place_phrases(events):
    vague = ("many", "several", "various", "cities", "towns", "places", "country")
    for e in events:
        for name in names(e):
            assert not any(w in name.casefold().split() for w in vague), (e["id"], name)


# ---------------------------------------------------------------- own words


def _words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9']+", text.casefold())


def test_summaries_are_paraphrased(events):
    """No run of 7 words in a title or summary may be copied from the article."""
    if not ARTICLE_FILE.exists() and not os.environ.get("CI"):  # CI has shared/ beside the clone
        pytest.skip("article text not available")
    article = _words(ARTICLE_FILE.read_text(encoding="utf-8"))
    n = 7
    shingles = {tuple(article[i : i + n]) for i in range(len(article) - n + 1)}
    copied = []
    for e in events:
        for field in ("title", "summary"):
            words = _words(e[field])
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) in shingles:
                    copied.append((e["id"], field, " ".join(words[i : i + n])))
    assert not copied, copied


# ---------------------------------------------------------------- required facts
# Each row: label, layer, a place the event names (places or route, case-insensitive),
# expected counts (int, or (int, qualifier)), and further expectations on the event.

Q = tuple  # readability: (value, qualifier)

REQUIRED = [
    # protests
    (
        "street protests",
        "protests",
        "Russia",
        {"detained": Q((15000, "about")), "towns": Q((100, "more than"))},
        {"places": ["Russia"], "as_of": dt.date(2022, 3, 13), "start": INVASION},
    ),
    (
        "feminist 8 March",
        "protests",
        "Russia",
        {},
        {"date": dt.date(2022, 3, 8), "places": ["Russia"]},
    ),
    (
        "St Petersburg courts",
        "protests",
        "St. Petersburg",
        {"cases": 3710, "fined": 861, "administrative": 2456, "forced_labour": 123},
        {"as_of": dt.date(2022, 3, 25), "certainty": "confirmed"},
    ),
    # prosecutions
    (
        "criminal cases, 22 regions",
        "prosecutions",
        "Trans-Baikal Territory",
        {
            "indicted": 46,
            "in_custody": 9,
            "house_arrest": 3,
            "abroad": Q((5, "at least")),
            "regions": 22,
            "criminal_code_articles": 14,
            "article_207_3": 10,
            "article_214_2": 9,
            "article_318_1": 9,
            "justifying_terrorism": 2,
        },
        {"n_places": 22, "tags_include": ["criminal-code-207.3"]},
    ),
    (
        "Ukraine 340 charged",
        "prosecutions",
        "Ukraine",
        {"charged": Q((340, "more than")), "treason_or_collaboration": Q((100, "about"))},
        {"as_of": dt.date(2022, 3, 28), "places": ["Ukraine"]},
    ),
    (
        "SBI 1,700 men",
        "prosecutions",
        "Ukraine",
        {"identified": Q((1700, "more than"))},
        {"reported_by_has": "State Bureau of Investigation", "places": ["Ukraine"]},
    ),
    (
        "smuggling channels",
        "prosecutions",
        "Vinnitsa area",
        {},
        {"places": ["Vinnitsa area", "Chernivtsi area", "Odessa area", "Lviv area"]},
    ),
    (
        "Bill 7171",
        "prosecutions",
        "Ukraine",
        {"max_sentence_years": Q((10, "up to"))},
        {"places": ["Ukraine"], "tags_include": ["bill-7171"]},
    ),
    # crossings
    (
        "Mogilev-Podolsky checkpoint",
        "crossings",
        "Mogilev-Podolsky checkpoint",
        {},
        {"start": dt.date(2022, 3, 1), "end_by": dt.date(2022, 3, 10), "reported_by_has": "BBC"},
    ),
    (
        "Mukachevo to Poland",
        "crossings",
        "Mukachevo",
        {"cost_per_person": Q((2000, "up to"))},
        {"route": ["Mukachevo", "Poland"], "currency": "EUR"},
    ),
    (
        "Odessa region price",
        "crossings",
        "Odessa region",
        {"cost_per_person": 1500},
        {"currency": "USD"},
    ),
    ("destination Poland", "crossings", "Poland", {}, {"route_end": "Poland"}),
    ("destination Romania", "crossings", "Romania", {}, {"route_end": "Romania"}),
    ("destination Moldova", "crossings", "Moldova", {}, {"route_end": "Moldova"}),
    (
        "destination Hungary (fewer)",
        "crossings",
        "Hungary",
        {},
        {"route_end": "Hungary", "tags_include": ["smaller-flow"]},
    ),
    (
        "Border Service 1,000 in 21 days",
        "crossings",
        "Ukraine",
        {"caught": Q((1000, "more than")), "days": 21},
        {"places": ["Ukraine"], "reported_by_has": "Border Service"},
    ),
    # desertion
    (
        "155th brigade",
        "desertion",
        "Ukraine",
        {"refused": Q((200, "about"))},
        {"certainty": "unverified", "places": ["Ukraine"], "text_has": "155th"},
    ),
    (
        "810th brigade",
        "desertion",
        "Crimea",
        {},
        {"certainty": "unverified", "route": ["Crimea", "Odessa area"], "text_has": "810th"},
    ),
    (
        "Leningrad-region unit",
        "desertion",
        "Leningrad region",
        {},
        {
            "route": ["Leningrad region", "Kursk", "Belgorod", "Ukraine"],
            "reported_by_has": "mother",
        },
    ),
    (
        "Ufa contract soldier",
        "desertion",
        "Ufa",
        {"max_sentence_years": Q((7, "up to"))},
        {"route": ["Belgorod region", "Ufa"], "text_has": "Sakhibgareyev"},
    ),
    (
        "Krasnodar OMON",
        "desertion",
        "Krasnodar Territory",
        {"officers": 12},
        {"text_has": "Chitayev", "text_has_2": "dismissed"},
    ),
    ("Izhevsk OMON", "desertion", "Izhevsk", {}, {"text_has": "resignation"}),
    (
        "South Ossetia returnees",
        "desertion",
        "South Ossetia",
        {},
        {
            "start": dt.date(2022, 3, 21),
            "end_by": dt.date(2022, 3, 31),
            "reported_by_has": "President",
        },
    ),
    (
        "Odessa posters",
        "desertion",
        "Odessa",
        {},
        {"start": INVASION, "end_by": dt.date(2022, 3, 10)},
    ),
    # civil resistance
    (
        "Koryukovka",
        "civil-resistance",
        "Koryukovka (Chernihiv region)",
        {},
        {"date": dt.date(2022, 2, 27)},
    ),
    ("Slavutych", "civil-resistance", "Slavutych", {}, {"date": dt.date(2022, 3, 26)}),
    ("Kharkov residents", "civil-resistance", "Kharkov", {}, {}),
    (
        "hunger riots",
        "civil-resistance",
        "Ukraine",
        {},
        {"places": ["Ukraine"], "text_has": "expropriation"},
    ),
    # mobilisation
    ("DPR forced mobilisation", "mobilisation", "Donetsk People's Republic", {}, {}),
]


def _matches(event: dict, want_counts: dict, extra: dict) -> list[str]:
    """Why an event does not fit the expectations (empty when it fits)."""
    why = []
    for key, want in want_counts.items():
        value, qual = want if isinstance(want, tuple) else (want, None)
        if count(event, key) != value:
            why.append(f"count {key}={count(event, key)!r}, want {value}")
        elif qual is not None and qualifier(event, key) != qual:
            why.append(f"qualifier {key}={qualifier(event, key)!r}, want {qual!r}")
    text = f"{event.get('title', '')} {event.get('summary', '')}".casefold()
    for key, want in extra.items():
        if key == "places" and lower(event.get("places") or []) != lower(want):
            why.append(f"places {event.get('places')}, want {want}")
        elif key == "route" and lower(event.get("route") or []) != lower(want):
            why.append(f"route {event.get('route')}, want {want}")
        elif key == "route_end" and lower((event.get("route") or [None])[-1:]) != lower([want]):
            why.append(f"route {event.get('route')} should end at {want}")
        elif key == "n_places" and len(event.get("places") or []) != want:
            why.append(f"{len(event.get('places') or [])} places, want {want}")
        elif key in ("date", "as_of", "start", "currency", "certainty") and event.get(key) != want:
            why.append(f"{key}={event.get(key)!r}, want {want!r}")
        elif key == "end_by" and ("date" in event or not event.get("end") or event["end"] > want):
            why.append(f"want a start/end range ending by {want}, got {event.get('end')!r}")
        elif key == "tags_include" and not set(want) <= set(event.get("tags") or []):
            why.append(f"tags {event.get('tags')} lack {want}")
        elif key == "reported_by_has" and (
            want.casefold() not in str(event.get("reported_by", "")).casefold()
        ):
            why.append(f"reported_by {event.get('reported_by')!r} lacks {want!r}")
        elif key.startswith("text_has") and want.casefold() not in text:
            why.append(f"title/summary lack {want!r}")
    return why


@pytest.mark.parametrize(
    "label,layer,place,want_counts,extra", REQUIRED, ids=[row[0] for row in REQUIRED]
)
def test_required_fact(events, label, layer, place, want_counts, extra):
    candidates = [
        e for e in events if e.get("layer") == layer and place.casefold() in lower(names(e))
    ]
    assert candidates, f"{label}: no {layer} event names {place!r}"
    reasons = {e["id"]: _matches(e, want_counts, extra) for e in candidates}
    assert any(not r for r in reasons.values()), f"{label}: no candidate fits: {reasons}"


def test_22_regions_exact(events):
    expected = {
        "Adygea",
        "Tatarstan",
        "Karelia",
        "Moscow City",
        "Ingushetia",
        "St. Petersburg",
        "Kemerovo region",
        "Tomsk region",
        "Tyumen region",
        "Belgorod region",
        "Vladimir region",
        "Moscow region",
        "Tula region",
        "Sverdlovsk region",
        "Pskov region",
        "Samara region",
        "Rostov region",
        "Novosibirsk region",
        "Crimea",
        "Primorsky Territory",
        "Krasnodar Territory",
        "Trans-Baikal Territory",
    }
    (event,) = [e for e in events if count(e, "indicted") == 46]
    places = event["places"]
    assert len(places) == len(set(places)) == 22
    assert set(places) == expected


def test_country_level_facts_not_overplaced(events):
    """Facts the text gives for a whole country are not pinned to a city."""
    bills = [e for e in events if "bill-7171" in (e.get("tags") or [])]
    assert bills
    for e in bills:
        assert not {"kyiv", "kiev"} & set(lower(names(e))), e["id"]
    protests = [e for e in events if count(e, "detained") == 15000]
    assert protests and all(e["places"] == ["Russia"] for e in protests)
    riots = [e for e in events if "hunger-riot" in (e.get("tags") or [])]
    assert riots and all(e["places"] == ["Ukraine"] for e in riots)


def test_unverified_rumours_flagged(events):
    """Both brigade rumours are unverified, and nothing official is marked unverified."""
    texts = {e["id"]: f"{e['title']} {e['summary']}" for e in events}
    for marker in ("155th", "810th"):
        hits = [i for i, t in texts.items() if marker in t]
        assert hits, marker
        by_id = {e["id"]: e for e in events}
        assert all(by_id[i]["certainty"] == "unverified" for i in hits), hits
    for e in events:
        if e["certainty"] == "confirmed":
            assert "unnamed" not in e["reported_by"].casefold(), e["id"]
