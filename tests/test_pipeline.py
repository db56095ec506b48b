"""The pipeline pauses Python's cyclic collector while it works, and always gives it back."""

import gc

import pytest

from geomap.errors import EventsError
from geomap.pipeline import build, cyclic_gc_paused, locate


def test_collector_is_paused_inside_and_restored_after():
    assert gc.isenabled()
    with cyclic_gc_paused():
        assert not gc.isenabled()
        with cyclic_gc_paused():  # nested: still paused, and the outer one restores
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_comes_back_after_a_failed_build(tmp_path):
    missing = tmp_path / "missing.yaml"
    with pytest.raises(EventsError):
        build([missing], tmp_path / "out.html")
    assert gc.isenabled()
    with pytest.raises(EventsError):
        locate([missing])
    assert gc.isenabled()


def test_a_caller_that_disabled_the_collector_keeps_it_disabled():
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
