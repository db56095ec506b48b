"""A dataset's terms, in one place: what the map and the exports may pass on, and the credit.

ACLED's terms forbid giving others direct access to the raw data and ask for prominent
attribution. An events file imported from such a dataset says so (`dataset: {shareable:
false}`); the map then has no download link and `geomap export` refuses, unless the user
passes --share-data. The credit names the dataset, the access date and the filters the
user gave: inputs, never the clock, so the same file builds the same bytes.
"""

from __future__ import annotations

from ..errors import GeomapError

SHARE_FLAG = "--share-data"


def attribution(datasets, words=None) -> str:
    """The credit of each dataset, joined, in the map's words (i18n.Words; default English),
    e.g. `Events: ACLED (https://acleddata.com), accessed 2024-05-02, filters: Ukraine`; ""
    when the events come from none. The access date stays ISO: it is the user's input."""
    from ..i18n import Words

    words = words or Words()
    parts = []
    for dataset in datasets or ():
        name = dataset["name"]
        if dataset.get("url"):
            name += f" ({dataset['url']})"
        credit = words("attribution.accessed", name=name, date=dataset["accessed"])
        if dataset.get("filters"):
            credit = words("attribution.filters", credit=credit, filters=dataset["filters"])
        parts.append(credit)
    return words("attribution.events", sources="; ".join(parts)) if parts else ""


def not_shareable(datasets) -> list[str]:
    """The names of the datasets whose terms forbid passing the raw data on."""
    return [d["name"] for d in datasets or () if not d.get("shareable", True)]


def may_share(datasets, share_data: bool) -> bool:
    """Whether the events may be offered for download (or exported)."""
    return share_data or not not_shareable(datasets)


def refuse_export(datasets, share_data: bool, path) -> None:
    """`geomap export` of a dataset whose terms forbid it: one error saying how to go on."""
    names = not_shareable(datasets)
    if names and not share_data:
        raise GeomapError(
            f"{path}: the events come from {', '.join(names)}, whose terms forbid giving others "
            f"direct access to the raw data, so geomap does not export them. If your licence "
            f"allows it, pass {SHARE_FLAG}."
        )
