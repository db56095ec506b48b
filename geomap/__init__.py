"""geomap: turn the places named in an article into an interactive, layered web map."""

from .errors import EventsError, GeomapError, PlaceNotFound
from .gazetteer import Gazetteer, Match, Place, geocode

__all__ = ["EventsError", "Gazetteer", "GeomapError", "Match", "Place", "PlaceNotFound", "geocode"]
__version__ = "0.1.0"
