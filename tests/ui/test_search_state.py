"""Place search (search.js) and the view in the address (state.js), in Chromium.

The time window goes through the time control's contract, `map.geomapTime = {get, set}` and
the map event `geomap:timechange`. Until that control is in the page, TIME_STUB stands in for
it: a stand-in that follows the contract and nothing more.
"""

import re

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.gazetteer.normalize import normalize

MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"

# Set on every Leaflet map of the page (and of its frames) as it is made: the contract of
# the time control (get: [fromISO, toISO] or null; set(from, to) fires geomap:timechange).
TIME_STUB = """
(function () {
  var leaflet;
  Object.defineProperty(window, "L", {configurable: true, get: function () { return leaflet; },
    set: function (value) {
      leaflet = value;
      if (!value || !value.Map || value.Map.geomapTimeStub) return;
      value.Map.geomapTimeStub = true;
      value.Map.addInitHook(function () {
        var map = this, held = null;
        map.geomapTime = {
          get: function () { return held ? held.slice() : null; },
          set: function (from, to) { held = [from, to]; map.fire("geomap:timechange"); }
        };
      });
    }});
})();
"""

OBSERVE = f"""() => {{
  const map = {MAP}, groups = map.geomapDrawing.groups(), c = map.getCenter();
  const popup = document.querySelector(".leaflet-popup-content");
  return {{
    layers: Object.keys(groups).filter(id => map.hasLayer(groups[id])),
    lat: c.lat, lon: c.lng, zoom: map.getZoom(),
    time: map.geomapTime ? map.geomapTime.get() : null,
    popup: popup ? popup.innerText : null,
  }};
}}"""


def observe(page_or_frame):
    return page_or_frame.evaluate(OBSERVE)


def same_view(a, b):
    return (
        a["layers"] == b["layers"]
        and a["zoom"] == b["zoom"]
        and abs(a["lat"] - b["lat"]) < 0.01
        and abs(a["lon"] - b["lon"]) < 0.01
        and a["time"] == b["time"]
        and a["popup"] == b["popup"]
    )


def fragment(page) -> str:
    return page.evaluate("window.location.hash")


def search_for(page, text):
    box = page.locator("#geomap-search-input")
    box.fill(text)
    return page.locator("#geomap-search-list [role=option]")


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("Харків", "Kharkiv"),
        ("Харьков", "Kharkiv"),
        ("Kharkov", "Kharkiv"),
        ("харкові", "Kharkiv"),  # a case form (Ukrainian locative)
        ("Харькове", "Kharkiv"),  # Russian locative of a spelling the dictionary lacks
        ("Мукачеві", "Mukachevo"),
        ("Slavutich", "Slavutych"),
        ("Корюковка", "Koriukivka"),
        ("Ижевск", "Izhevsk"),
        ("Санкт-Петербурге", "Saint Petersburg"),
        ("odes", "Odesa"),  # a beginning: the town before Odesa Oblast
        ("Zakarpat", "Zakarpattia Oblast"),
    ],
)
def test_search_finds_cyrillic_and_transliterated_spellings(visit, report_page, typed, place):
    page = visit().open(report_page)
    first = search_for(page, typed).first
    assert first.locator(".geomap-search-name").inner_text() == place


def test_search_says_when_no_place_of_the_map_is_called_so(visit, report_page):
    page = visit().open(report_page)
    assert search_for(page, "Vladivostok").count() == 0  # a real place, not on this map
    assert page.locator(".geomap-search-none").is_visible()
    assert "No place on this map" in page.locator(".geomap-search [role=status]").inner_text()


def test_the_page_normalises_as_python_does(visit, report_page):
    """The page's normalize is built from normalize.py's tables: the same key for every
    spelling of the map, and for strings that exercise each rule."""
    page = visit().open(report_page)
    spellings = page.evaluate(f"""() => {{
      const s = {MAP}.geomapSearch; s._ready(); return s._entries.map(e => e.spelling);
    }}""")
    tricky = [
        "Mohyliv-Podil’s’kyi", "St. Petersburg", "Харкiв", "ЗАПОРІЖЖЯ", "Bila  Tserkva",
        "Łódź", "Straße", "Kyiv (Oblast)", "«Донецк»", "Ñuñoa", "Sv. Mykolaiv", "ﬁnland",
        "Київська обл.", "Ужгород—Чоп",
    ]  # fmt: skip
    texts = spellings + tricky
    ours = page.evaluate(f"(texts) => texts.map({MAP}.geomapSearch.normalize)", texts)
    assert len(spellings) > 400
    assert ours == [normalize(t) for t in texts]


def test_search_by_keyboard_alone(visit, report_page, report_events):
    v = visit()
    page = v.open(report_page)
    for _ in range(40):  # Tab from the top of the page reaches the box among the controls
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "geomap-search-input":
            break
    else:
        pytest.fail("Tab never reached the search box")
    box = page.locator("#geomap-search-input")
    page.keyboard.type("Kharkov")
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-controls") == "geomap-search-list"
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator("#geomap-search-list").is_hidden()
    page.keyboard.press("ArrowDown")  # opens the list again
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    titles = [e["title"] for e in report_events if "Kharkov" in str(e.get("places"))]
    assert titles and all(t in popup.inner_text() for t in titles)
    assert page.evaluate(f"{MAP}.getZoom()") >= 8  # flown there
    assert v.page_errors == []


def test_the_box_keeps_clear_of_the_controls_on_a_phone(visit, report_page):
    page = visit(360, 640).open(report_page)
    search_for(page, "k")
    boxes = page.evaluate("""() => {
      const rect = n => { const b = n.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
      const search = document.querySelector(".geomap-search");
      const others = [...document.querySelectorAll(".leaflet-control")].filter(n => n !== search && n.offsetWidth);
      return {search: rect(search), list: rect(document.querySelector("#geomap-search-list")), others: others.map(rect)};
    }""")
    s = boxes["search"]
    for o in boxes["others"]:
        assert s[2] <= o[0] or o[2] <= s[0] or s[3] <= o[1] or o[3] <= s[1], (s, o)
    assert boxes["list"][2] <= 360 and boxes["list"][0] >= 0


# --- the view in the address ------------------------------------------------------------------


def _uncheck(page, *names):
    for name in names:
        toggle = page.locator(".leaflet-control-layers-overlays label", has_text=name).locator(
            "input"
        )
        toggle.hover()  # Leaflet ignores a click in the instant the pointer enters the control
        page.wait_for_timeout(50)
        toggle.uncheck()


def _layers(page):
    _uncheck(page, "Protests", "Forced mobilisation")


def _view(page):
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(400)
    page.mouse.move(640, 500)
    page.mouse.down()
    page.mouse.move(540, 450, steps=5)
    page.mouse.up()
    page.wait_for_timeout(1000)  # the drag's inertia


def _window(page):
    page.evaluate(f"{MAP}.geomapTime.set('2022-03-01', '2022-03-15')")


def _popup(page):
    page.locator('.geomap-town[aria-label^="Ufa"]').press("Enter")


def _everything(page):
    _uncheck(page, "Prosecutions")
    page.evaluate(f"{MAP}.geomapTime.set('2022-02-24', '2022-03-31')")
    search_for(page, "Мукачево")
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content").wait_for()
    page.wait_for_timeout(1600)  # the flight and its popup


STATES = {"layers": _layers, "view": _view, "window": _window, "popup": _popup, "all": _everything}


def _flags(hash_: str) -> list[str]:
    """The fragment as `geomap embed` flags."""
    flags = []
    for pair in hash_.lstrip("#").split("&"):
        key, value = pair.split("=", 1)
        flags += [{"from": "--from", "to": "--to"}.get(key, f"--{key}"), value]
    return flags


@pytest.mark.parametrize("state", STATES)
def test_a_view_survives_a_reload_and_an_embed(browser, visit, site, report_page, state):
    root = site[0]
    v = visit(1280, 800)
    v.context.add_init_script(TIME_STUB)
    page = v.open(report_page)
    before = observe(page)
    STATES[state](page)
    page.wait_for_timeout(300)
    shown = observe(page)
    hash_ = fragment(page)
    assert hash_ and shown != before
    assert re.fullmatch(r"#[a-z]+=[^&]*(?:&[a-z]+=[^&]*)*", hash_)

    again = v.context.new_page()
    again.goto(page.url)
    again.wait_for_selector("html[data-geomap-ready]", state="attached")
    again.wait_for_timeout(300)
    assert same_view(observe(again), shown), (observe(again), shown)
    assert fragment(again) == hash_  # restored, not rewritten

    # The same view through `geomap embed`, in an article opened from disk: the frame as
    # large as the page, so that the popup sits where it sat.
    snippet = CliRunner().invoke(
        cli,
        [
            "embed",
            str(root / "report.html"),
            "--url",
            "report.html",
            "--height",
            "800",
            *_flags(hash_),
        ],
        catch_exceptions=False,
    )
    assert snippet.exit_code == 0, snippet.output
    article = root / f"article-{state}.html"
    article.write_text(
        f'<!DOCTYPE html><html><body style="margin:0">{snippet.output}</body></html>',
        encoding="utf-8",
    )
    # From disk: a context of its own, since the test's router only knows the test's server;
    # a self-contained map requests nothing anyway.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(TIME_STUB)
    reader = context.new_page()
    errors = []
    reader.on("pageerror", lambda e: errors.append(str(e)))
    reader.goto(article.as_uri())
    frame = reader.frame_locator("iframe")
    frame.locator("html[data-geomap-ready]").wait_for(state="attached", timeout=15_000)
    reader.wait_for_timeout(300)
    embedded = observe(reader.frames[1])
    context.close()
    assert same_view(embedded, shown), (embedded, shown)
    assert v.page_errors == [] and errors == []


def test_the_time_part_is_left_alone_without_a_time_control(visit, site, report_located):
    """A map with no time control (`--no-time`): from and to are ignored, and the rest of the
    address works."""
    from geomap.map import assemble_map
    from geomap.outputs import save

    root, origin = site
    fmap = assemble_map(report_located, self_contained=True, basemap="vector", time=False)
    save(fmap, root / "report-no-time.html")
    v = visit()
    page = v.open(
        f"{origin}/report-no-time.html#layers=crossings,desertion&from=2022-03-01&to=2022-03-15"
    )
    assert observe(page)["layers"] == ["crossings", "desertion"]
    assert page.evaluate(f"{MAP}.geomapTime") is None
    _uncheck(page, "Border crossings")
    assert fragment(page) == "#layers=desertion"
    assert v.page_errors == []


@pytest.mark.parametrize(
    ("given", "place"),
    [("#view=kharkiv", "Kharkiv"), ("#view=gn:554840", "Izhevsk"), ("#view=lviv-oblast", None)],
)
def test_a_place_in_the_address_frames_it(visit, report_page, given, place):
    page = visit().open(report_page + given)
    state = observe(page)
    if place:
        found = page.evaluate(
            f"(name) => {MAP}.geomapSearch.find(name)[0].place", place
        )  # the place's row in the map's table
        latlon = page.evaluate(
            f"(row) => [{MAP}.geomapEvents.places[row].lat, {MAP}.geomapEvents.places[row].lon]",
            found,
        )
        bounds = page.evaluate(f"{MAP}.getBounds().toBBoxString()")
        west, south, east, north = map(float, bounds.split(","))
        assert south < latlon[0] < north and west < latlon[1] < east
        assert state["zoom"] >= 8
    else:
        assert 5 <= state["zoom"] <= 9  # an oblast, not the world
    assert state["popup"] is None  # a view opens no popup: that is `event`


MALFORMED = [
    "#layers=<img src=x onerror=window.__pwned=1>",
    '#event=<img src=x onerror="window.__pwned=1">',
    "#view=javascript:window.__pwned=1",
    "#view=NaN,NaN,5",
    "#view=1e400,0,3",
    "#view=50,30,99",
    "#view=__proto__",
    "#event=__proto__&layers=constructor",
    "#event=toString",
    "#from=2022-02-30&to=2022-03-01",
    "#from=2022-03-10&to=2022-03-01",
    "#layers=protests,nope",
    "#%E0%A4%A",
    "#view=%",
    "#" + "layers=protests&" * 300,
    "#view=50.0,30.0",
    "#event=ua-slavutych%00",
]


@pytest.mark.parametrize("given", MALFORMED)
def test_a_malformed_fragment_is_ignored_quietly_and_never_runs(visit, report_page, given):
    v = visit()
    v.context.add_init_script(TIME_STUB)
    clean = observe(v.open(report_page))
    dialogs = []
    page = v.context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(report_page + given)
    page.wait_for_selector("html[data-geomap-ready]", state="attached")
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.hasAttribute('data-geomap-error')") is False
    assert page.evaluate("window.__pwned") is None and dialogs == []
    assert page.locator("img[src=x]").count() == 0
    assert same_view(observe(page), clean)
    assert v.page_errors == []


def test_copy_link_copies_the_address_of_this_view(visit, report_page):
    v = visit()
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = v.open(report_page)
    _uncheck(page, "Border crossings")
    page.locator(".geomap-copy-link").click()
    status = page.locator(".geomap-search [role=status]")
    page.wait_for_function(  # the clipboard answers asynchronously
        "() => document.querySelector('.geomap-search [role=status]').textContent !== ''"
    )
    assert status.inner_text() == "Link copied"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and copied.endswith(
        "#layers=protests,prosecutions,desertion,civil-resistance,mobilisation"
    )


def test_copy_link_shows_the_link_where_the_clipboard_is_refused(visit, site, report_page):
    """In an embedded frame the clipboard is not the map's to write: the link is shown in a
    selected text field instead."""
    root, origin = site
    snippet = CliRunner().invoke(
        cli, ["embed", str(root / "report.html"), "--url", report_page, "--view", "kharkiv"]
    )
    (root / "article-copy.html").write_text(
        f"<!DOCTYPE html><html><body>{snippet.output}</body></html>", encoding="utf-8"
    )
    v = visit()
    page = v.page
    page.goto(f"{origin}/article-copy.html")
    page.locator("iframe").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe")
    frame.locator("html[data-geomap-ready]").wait_for(state="attached", timeout=15_000)
    frame.locator(".geomap-copy-link").click()
    field = frame.locator(".geomap-link-panel input")
    field.wait_for()
    assert field.input_value() == report_page + "#view=kharkiv"
    selected = page.frames[1].evaluate(
        "() => [document.activeElement.id, document.activeElement.selectionStart,"
        " document.activeElement.selectionEnd, document.activeElement.value.length]"
    )
    assert selected[0] == "geomap-link-text" and selected[1] == 0 and selected[2] == selected[3]
    assert v.page_errors == []


def test_an_address_edited_by_hand_is_shown(visit, report_page):
    v = visit()
    page = v.open(report_page)
    page.evaluate("window.location.hash = 'layers=desertion&event=ru-ufa-contract-soldier'")
    page.locator(".leaflet-popup-content").wait_for()
    assert observe(page)["layers"] == ["desertion"]
    assert "Ufa" in page.locator(".leaflet-popup-content").inner_text()
    page.evaluate("window.location.hash = ''")  # back to every layer, no popup
    page.wait_for_function(f"() => {MAP}.geomapState.fragment() === ''")
    assert not page.evaluate(OPEN_POPUP)  # closed at once; its element fades out
    page.wait_for_selector(".leaflet-popup", state="detached", timeout=2_000)
    assert len(observe(page)["layers"]) == 6 and observe(page)["popup"] is None
    assert v.page_errors == []


# Whether Leaflet has a popup open on the map (its element outlives it by a 200 ms fade).
OPEN_POPUP = f"() => {{ const map = {MAP}; return !!(map._popup && map.hasLayer(map._popup)); }}"


@pytest.mark.parametrize(
    "cleared",
    [
        "window.location.hash = ''",
        "window.location.href = window.location.pathname + '#'",
        "window.location.hash = 'layers=protests'",
    ],
)
def test_an_event_asked_for_before_the_prose_is_in_stays_closed_once_the_address_moves_on(
    visit, report_page, cleared
):
    """A big map unpacks its events' prose (and with it their ids) after drawing: an address
    naming an event waits for it. Changed again in the meantime, by hand or by navigating to
    the same page with another fragment, the address no longer names that event, and its
    popup must not open when the prose arrives."""
    v = visit()
    page = v.open(report_page)
    # As a big map that has not unpacked its prose yet: held back here, handed over below.
    page.evaluate(
        f"() => {{ const E = {MAP}.geomapEvents; window.heldTexts = E._texts; E._texts = null; }}"
    )
    page.evaluate("window.location.hash = 'layers=desertion&event=ru-ufa-contract-soldier'")
    page.wait_for_function(
        f"() => {MAP}.geomapDrawing && {MAP}.hasLayer({MAP}.geomapDrawing.groups().desertion)"
        f" && !{MAP}.hasLayer({MAP}.geomapDrawing.groups().protests)"
    )
    page.evaluate(cleared)
    page.wait_for_function(f"() => !{MAP}.geomapState.fragment().includes('event=')")
    page.evaluate(f"() => {MAP}.geomapEvents.setTexts(window.heldTexts)")
    page.wait_for_timeout(300)
    assert not page.evaluate(OPEN_POPUP)
    assert observe(page)["popup"] is None
    assert "event=" not in fragment(page)
    # The same wait, left alone, does open the event: the prose was the only thing missing.
    page.evaluate(f"() => {{ const E = {MAP}.geomapEvents; E._texts = null; }}")
    page.evaluate("window.location.hash = 'event=ru-ufa-contract-soldier'")
    page.evaluate(f"() => {MAP}.geomapEvents.setTexts(window.heldTexts)")
    page.locator(".leaflet-popup-content").wait_for()
    assert "Ufa" in observe(page)["popup"]
    assert v.page_errors == []
