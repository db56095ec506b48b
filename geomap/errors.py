"""Every error geomap raises on purpose derives from GeomapError.

The CLI turns these into one clean message and exit code; anything else is a bug.
"""


class GeomapError(Exception):
    """Base class: a message meant for the person running geomap."""

    exit_code = 2


class DataError(GeomapError):
    """The bundled geodata is missing or unreadable (a packaging problem, not the user's)."""


class EventsError(GeomapError):
    """An events file is malformed: the message names file, line or row, field and the fix."""

    def __init__(self, message, *, path=None, line=None, field=None):
        super().__init__(message)
        self.path = path
        self.line = line
        self.field = field
