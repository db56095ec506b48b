"""The map in the reader's language: its words, dates, numbers and plural forms (issue 17).

Every word a map shows comes from one message catalogue per language, gettext files under
`messages/` (the English template `geomap.pot`, and `ru.po`, `uk.po`), read with Babel; dates,
numbers and plural forms follow CLDR through Babel. The page gets the same words, and the
dates and numbers already formatted, from Python (`Words.page_block`), so the popups and the
no-script table agree and the same input gives the same bytes.
"""

from __future__ import annotations

from .catalogue import DEFAULT_LANGUAGE, LANGUAGES, Words, check_language
from .collation import sort_key
from .texts import TRANSLATABLE_COLUMNS, localize, missing_translations, pick

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "TRANSLATABLE_COLUMNS",
    "Words",
    "check_language",
    "localize",
    "missing_translations",
    "pick",
    "sort_key",
]
