"""Map assembly: located events in, a folium.Map out."""

from .assemble import assemble_map

__all__ = ["assemble_map"]
