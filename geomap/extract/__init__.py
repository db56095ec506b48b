"""Find the places an article names, offline: what `geomap extract` runs.

article (text, Markdown, HTML) → the report's own paragraphs (site furniture skipped) → word
tokens → the longest gazetteer names → rules (descriptors, lists, hints in brackets, adjectives,
common words) → `Gazetteer.lookup` for every name, so extraction and `geomap geocode` agree.
Offsets count characters of `Article.text`: for HTML, the text after stripping tags.

    from geomap.extract import extract, read_article
    extract(read_article("article.html")).mentions

Modules, in the order the text flows: article (reading; html strips tags), tokens, words (the
word lists the rules read), index (the gazetteer's names), finder (the rules), results
(Mention, Extraction), draft (a draft events file from an extraction).
"""

from .article import MAX_BYTES, Article, ArticleError, article_from_bytes, is_heading, read_article
from .draft import article_date, article_title, draft_events, write_draft
from .finder import extract
from .index import index_for
from .results import Extraction, Mention

__all__ = [
    "MAX_BYTES",
    "Article",
    "ArticleError",
    "Extraction",
    "Mention",
    "article_date",
    "article_from_bytes",
    "article_title",
    "draft_events",
    "extract",
    "index_for",
    "is_heading",
    "read_article",
    "write_draft",
]
