"""Event datasets in: an ACLED export or another table of points becomes an events file
(`geomap import`), where an editor reviews it before it is mapped. See README "Datasets".

One module per idea: layout.py (ACLED's layouts and date forms), mapping.py (types → layers),
regions.py (the region a point lies in), acled.py (rows → events), update.py (re-importing
into an events file), importer.py (the command's one call), terms.py (what a dataset's terms
let the map pass on)."""
