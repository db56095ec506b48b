"""Bundled geodata, shipped inside the geomap package as geomap.geodata."""
