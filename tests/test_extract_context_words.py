"""Issues 13 and 14, round 3: classes of wrong answers and misses, each tested on names the
issues do not list. No text dropped; descriptors of another kind of place; namesakes abroad
and inflected forms that two places share; region adjectives in lists."""

import pytest

from geomap.extract import extract
from geomap.extract.article import Article


def found(text):
    return {m.text: m.place.name for m in extract(text).mentions}


# --- no text dropped: a short line that opens with » is a quotation or a bullet ----------------


@pytest.mark.parametrize(
    "text",
    [
        "» В Томске задержали троих.",
        "» У Полтаві пройшла акція.",
        "— Он сказал «Приезжайте в Омск» и ушёл.",
    ],
)
def test_a_short_line_with_a_guillemet_is_the_report_s(text):
    article = Article.from_text(f"Заголовок\n\n{text}\n\nЕщё абзац.")
    assert not article.skipped
    assert len(found(text)) == 1


def test_a_breadcrumb_trail_is_still_navigation():
    article = Article.from_text("Главная » Новости » Общество\n\nВ Томске задержали троих.")
    assert [reason for *_, reason in article.skipped] == ["navigation"]
