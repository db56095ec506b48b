"""Keyboard order: every control is reached with Tab before the first mark of the map."""

import pytest

WHAT = """() => {
    const a = document.activeElement;
    if (!a || a === document.body) return '';
    if (a.classList.contains('geomap-event')) return 'mark';
    if (a.id === 'geomap-download') return 'download';
    if (a.closest('#geomap-legend')) return 'legend';
    if (a.closest('.geomap-table')) return 'table';
    if (a.closest('#geomap-title')) return 'title';
    if (a.closest('.leaflet-control-layers')) return 'layers';
    if (a.closest('.leaflet-control-zoom')) return 'zoom';
    return a.tagName.toLowerCase() + '.' + a.className;
}"""


@pytest.mark.parametrize("size", [(1280, 800), (360, 640)])
def test_controls_come_before_the_marks(visit, report_page, size):
    page = visit(*size).open(report_page)
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(WHAT))
        if reached[-1] == "mark":
            break
    assert reached[-1] == "mark", reached
    before = reached[:-1]
    for control in ("table", "layers", "zoom", "legend"):
        assert control in before, (control, before)
    if size[0] >= 600:  # on phones the legend is folded: its link shows once it is opened
        assert "download" in before, before
