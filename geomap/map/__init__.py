"""Map assembly: located events in, a folium.Map out."""

from .build import build_map

__all__ = ["build_map"]
