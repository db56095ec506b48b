"""Offline gazetteer: bundled places and the name lookup."""

from .lookup import Gazetteer, Match, default_gazetteer, describe, geocode
from .normalize import normalize
from .places import Place

__all__ = ["Gazetteer", "Match", "Place", "default_gazetteer", "describe", "geocode", "normalize"]
