"""The message catalogues and the CLDR formats of one language: `Words("ru")`.

Why gettext .po files: they are what translators and their tools (Poedit, Weblate,
Transifex) read and write, they carry plural forms and a comment per message, and Babel's
`read_po` reads them as they are, with no compile step (.mo) to forget before a release.
`msgctxt` is the key the code asks for ("legend.title"); `msgid` is the English text.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from ..errors import GeomapError

LANGUAGES = ("en", "ru", "uk")
DEFAULT_LANGUAGE = "en"
# The CLDR locale of each language's formats. English maps write "24 February 2022" (day
# first, as they always have, and as most of the world reads a date), so en_GB.
FORMAT_LOCALES = {"en": "en_GB", "ru": "ru", "uk": "uk"}
# CLDR's plural categories in its own order; gettext's msgstr[i] follow the same order
# (English: one, other; Russian and Ukrainian: one, few, many).
PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")
PRECISIONS = ("day", "week", "month")  # how exactly a date is known (Event.date_precision)
NUMBER_FORMAT = "#,##0.###"  # grouped, at most three decimals


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise GeomapError(
            f"unknown map language {lang!r}; expected one of: {', '.join(LANGUAGES)} "
            "(README: How to add a language)"
        )
    return lang


@cache
def catalogue(lang: str) -> dict:
    """{key: text, or a tuple of plural forms} for `lang`; English reads the template's msgid.
    An entry left untranslated reads as English, as gettext does (tests/test_i18n.py fails
    on any such entry of the bundled catalogues)."""
    name = "geomap.pot" if lang == DEFAULT_LANGUAGE else f"{lang}.po"
    with (resources.files("geomap.i18n") / "messages" / name).open("rb") as handle:
        read = read_po(handle)
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in read:
        if not message.id or message.context is None:  # the header (every entry has a key)
            continue
        english = message.id
        text = english if lang == DEFAULT_LANGUAGE else message.string
        if isinstance(english, (tuple, list)):
            forms = tuple(text or ())
            messages[message.context] = forms if any(forms) else tuple(english)
        else:
            messages[message.context] = str(text or english)
    return messages


class Words:
    """One language's words (from its catalogue) and formats (CLDR, through Babel)."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE):
        self.lang = check_language(lang)
        self.locale = Locale.parse(FORMAT_LOCALES[lang])
        self.messages = catalogue(lang)
        tags = self.locale.plural_form.tags | {"other"}
        self.plural_categories = tuple(c for c in PLURAL_ORDER if c in tags)

    def __call__(self, key: str, **params) -> str:
        """The message `key`, with its {placeholders} filled in."""
        text = self.messages[key]
        return text.format(**params) if params else text

    def plural(self, key: str, n: int, **params) -> str:
        """The form of message `key` that goes with the number `n` ({n} is n, formatted):
        "1 событие", "2 события", "5 событий"."""
        forms = self.messages[key]
        return forms[self.plural_index(n, len(forms))].format(n=self.number(n), **params)

    def plural_index(self, n, forms: int) -> int:
        # Past the last form ("other": fractions in Russian) the last form is used; the map
        # pluralises only whole numbers (events, places).
        index = self.plural_categories.index(self.locale.plural_form(n))
        return min(index, forms - 1)

    def number(self, value) -> str:
        """15000 → "15,000" (en), "15 000" (ru, uk: CLDR's no-break space U+00A0)."""
        return format_decimal(value, format=NUMBER_FORMAT, locale=self.locale)

    def date(self, day: dt.date | str, precision: str = "day") -> str:
        """A date as known to the day ("21 сентября 2022 г."), the week ("week of
        7 March 2022", the week's first day) or the month ("March 2022", "март 2022 г.")."""
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        if precision == "day":
            return format_date(day, "long", locale=self.locale)
        if precision == "week":  # named by its Monday, whichever of its days is given
            monday = day - dt.timedelta(days=day.weekday())
            return self("date.week", date=format_date(monday, "long", locale=self.locale))
        if precision == "month":
            return format_skeleton("yMMMM", day, locale=self.locale)
        raise ValueError(f"unknown date precision {precision!r}; expected one of {PRECISIONS}")

    def dates(self, start: str, end: str, as_of: str | None = None, precision="day") -> str:
        """An event's dates: one day, a range, and the day its figures are as of."""
        if as_of and as_of == start == end:  # a running total, on its day: "as of 1 April"
            return self("date.as_of_day", date=self.date(as_of))
        text = self.date(start, precision)
        last = self.date(end, precision)
        if last != text:  # a month's first and last day are one "March 2022"
            text = self("date.range", start=text, end=last)
        if as_of and as_of != end:
            text = self("date.as_of", dates=text, date=self.date(as_of))
        return text

    def page_block(self, days=(), numbers=()) -> dict:
        """`days`: ISO dates, or (ISO date, precision) pairs for dates known to the week or
        month (Event.date_precision); `numbers`: the events' counts.

        What the page's L.geomap.words reads: the words (plural forms by CLDR category, for
        the browser's Intl.PluralRules), and the events' dates and numbers already formatted
        here, so the popups say exactly what the table says."""
        messages: dict[str, object] = {}
        for key, text in self.messages.items():
            if isinstance(text, tuple):
                messages[key] = {
                    category: text[min(i, len(text) - 1)]
                    for i, category in enumerate(self.plural_categories)
                }
            else:
                messages[key] = text
        by_precision: dict[str, set] = {"day": set()}
        for day in days:  # an ISO date (known to the day), or (ISO date, precision)
            iso, precision = (day, "day") if isinstance(day, str) else day
            by_precision.setdefault(precision, set()).add(iso)
        return {
            "lang": self.lang,
            # The CLDR locale of its formats, as a BCP 47 tag (en-GB: "1 February 2022"), for
            # the dates and numbers only the page knows (the time window's ends).
            "locale": str(self.locale).replace("_", "-"),
            "messages": messages,
            "dates": {
                precision: {iso: self.date(iso, precision) for iso in sorted(isos)}
                for precision, isos in sorted(by_precision.items())
            },
            "numbers": {_number_key(v): self.number(v) for v in sorted(set(numbers))},
        }


def _number_key(value) -> str:
    """A number as JavaScript's String(value) writes it (1.5, 15000; 2.0 is "2")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)
