"""Browser tests: the built maps driven in the system's headless Chromium.

Never a downloaded browser: Chromium comes from the machine ($GEOMAP_CHROMIUM or PATH;
.ci/run installs Debian's). Without one the tests skip, except in CI, where they fail.
Every request to a host other than the test's own server is blocked and recorded.
"""

import csv
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from geomap.png import CHROMIUM_ARGS, find_chromium


def pytest_collection_modifyitems(items):
    """Every test under tests/ui/ drives Chromium: mark it `browser`, so that
    `pytest -m "not browser"` is the fast suite (a conftest's `pytestmark` marks nothing)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    path = find_chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(
                "CI must run the browser tests: no Chromium found (apt-get install chromium)"
            )
        pytest.skip(
            "no Chromium on this machine (apt-get install chromium, or set GEOMAP_CHROMIUM)"
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A folder served on 127.0.0.1: the test's own (and only allowed) host."""
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def csv_map(site):
    """Builds a self-contained map of event rows (dicts) as `name`.html on the site; its URL."""
    from geomap.pipeline import build

    root, origin = site

    def make(name, rows):
        path = root / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        build([path], root / f"{name}.html", self_contained=True, basemap="vector")
        return f"{origin}/{name}.html"

    return make


@pytest.fixture(scope="session")
def yaml_map(site):
    """Builds a self-contained map of an events file's text as `name`.html on the site; its URL."""
    from geomap.pipeline import build

    root, origin = site

    def make(name, text):
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")
        build([root / f"{name}.yaml"], root / f"{name}.html", self_contained=True, basemap="vector")
        return f"{origin}/{name}.html"

    return make


@pytest.fixture(scope="session")
def report_page(site, report_located):
    """The bundled report, built self-contained, served as /report.html."""
    from geomap.map import assemble_map
    from geomap.outputs import save

    root, origin = site
    save(assemble_map(report_located, self_contained=True, basemap="vector"), root / "report.html")
    return f"{origin}/report.html"


class Visit:
    """A page with its console errors, page errors and blocked requests recorded."""

    def __init__(self, browser, origin, width, height, **options):
        """`options`: more of Playwright's context options (color_scheme, java_script_enabled)."""
        self.context = browser.new_context(viewport={"width": width, "height": height}, **options)
        self.page = self.context.new_page()
        self.console_errors, self.page_errors, self.blocked = [], [], []
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.context.route("**/*", self._route(origin))

    def _route(self, origin):
        def handle(route):
            url = route.request.url
            if url.startswith((origin, "data:", "blob:")):
                route.continue_()
            else:
                self.blocked.append(url)
                route.abort()

        return handle

    def open(self, url):
        self.page.goto(url)
        self.page.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=15_000)
        return self.page

    def errors_besides_blocked(self):
        """Console errors, less the 'failed to load' lines of requests we blocked ourselves."""
        blocked = len(self.blocked)
        failed = [e for e in self.console_errors if "Failed to load resource" in e]
        others = [e for e in self.console_errors if "Failed to load resource" not in e]
        return others + failed[blocked:]


@pytest.fixture
def visit(browser, site):
    visits = []

    def make(width=1280, height=800, **options):
        v = Visit(browser, site[1], width, height, **options)
        visits.append(v)
        return v

    yield make
    for v in visits:
        v.context.close()


@pytest.fixture(scope="session")
def report_events(report_path):
    import yaml

    return yaml.safe_load(Path(report_path).read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="session")
def mixed_events():
    """tests/corpus/mixed-record.yaml: counts of every kind, a route, tags, sources, unverified."""
    return Path(__file__).resolve().parents[1] / "corpus" / "mixed-record.yaml"


@pytest.fixture(scope="session")
def mixed_page(site, mixed_events):
    """A small map with counts, a route, tags, sources and unverified events, as /mixed.html."""
    from geomap.pipeline import build

    root, origin = site
    build([mixed_events], root / "mixed.html", self_contained=True, basemap="vector")
    return f"{origin}/mixed.html"
