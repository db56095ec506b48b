/* geomap: the map's names (geomap/map/labels.py chooses them and their order), placed on
 * every view so that no two overlap and none covers a mark.
 *
 * Greedy, in the order Python sends (most important first): each candidate whose zoom has come
 * tries its positions (areas: centred on their anchor; points: right, left, above, below
 * their mark) and takes the first whose box touches neither a placed label nor a mark. A
 * country where events are, whose anchor the marks crowd, then takes the free spot nearest
 * its anchor over its own land (its outline from the payload's basemap); failing that (a
 * phone, where the whole country is a few marks wide), the same in smaller letters; failing
 * that, the free spot nearest its anchor anywhere in view, with a thin line to the anchor,
 * so that the reader always knows which country the story is in.
 * Boxes are kept in a grid of screen cells, so a map of thousands of marks stays fast.
 *
 * Over the tile basemap only the places that carry events are named: the tiles name the
 * countries, regions and cities themselves (ours would print each name twice), but not which
 * mark is which place, and a mark hides the tiles' name of the town it stands on.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  var CELL = 64, GAP = 2, DOT = 3;
  var AREA_SHIFT = 24;  // px: how far a country's or region's name may move off its anchor
  var MARK_CLEAR = 10;  // px from a place to its label: past a town's usual mark (radius 6 to 9)
  var LAND_STEP = 6, LAND_REACH = 240;  // px: the spots a crowded country's name tries, and how far
  var LEADER_REACH = 200;  // px: how far from its anchor a country's name may stand, joined by a line
  var LEADER_CLEAR = 12;   // px of the line nearest the anchor that may pass under the marks there

  /* Cells are numbered, not named: a redraw asks the grid thousands of times, and a string
     per cell per question cost more than the questions (time window, issue 18). */
  function Grid() { this.cells = new Map(); }
  function cell(x, y) { return (x + 32768) * 65536 + (y + 32768); }  // any cell within ±2,000,000 px
  Grid.prototype.add = function (b) {
    for (var x = Math.floor(b[0] / CELL); x <= Math.floor(b[2] / CELL); x++) {
      for (var y = Math.floor(b[1] / CELL); y <= Math.floor(b[3] / CELL); y++) {
        var list = this.cells.get(cell(x, y));
        if (list) list.push(b); else this.cells.set(cell(x, y), [b]);
      }
    }
  };
  Grid.prototype.hits = function (b) {
    for (var x = Math.floor(b[0] / CELL); x <= Math.floor(b[2] / CELL); x++) {
      for (var y = Math.floor(b[1] / CELL); y <= Math.floor(b[3] / CELL); y++) {
        var list = this.cells.get(cell(x, y)) || [];
        for (var j = 0; j < list.length; j++) {
          var o = list[j];
          if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return true;
        }
      }
    }
    return false;
  };

  /* The boxes of the map's own controls (title, legend, buttons, scale, attribution), in
     container pixels: labels and popups keep clear of them. */
  L.geomap.controlBoxes = function (map) {
    var origin = map.getContainer().getBoundingClientRect(), out = [];
    // The controls are the children of the corners: looked up there, not by a search of the
    // whole map, whose table of events can hold 100,000 rows.
    var controls = map.getContainer().querySelector(".leaflet-control-container"), nodes = [];
    Array.prototype.forEach.call(controls ? controls.children : [], function (corner) { nodes.push.apply(nodes, corner.children); });
    nodes.forEach(function (node) {
      if (!node.classList.contains("leaflet-control")) return;
      var b = node.getBoundingClientRect();
      if (b.width && b.height) out.push([b.left - origin.left, b.top - origin.top, b.right - origin.left, b.bottom - origin.top]);
    });
    return out;
  };

  L.geomap.Labels = L.Layer.extend({
    /* `names`: [[text, lat, lon, kind, zoom, outline id or absent, 1 if it may stand beside its land], …]; `groups`: the event
       layers whose marks labels keep clear of; `basemap`: the outline basemap's layer (while
       it is not shown, tiles are: only places with events are named); `outlines`: the
       payload's basemap countries ([{id, shape}]). */
    initialize: function (names, groups, basemap, outlines) {
      this._names = names.map(function (n) {
        return {text: n[0], latlng: L.latLng(n[1], n[2]), kind: n[3], zoom: n[4], outline: n[5] || null,
                beside: n[6] === 1, area: n[3] === "country" || n[3] === "region"};
      });
      this._groups = groups;
      this._basemap = basemap || null;
      this._shapes = {};
      (outlines || []).forEach(function (c) { this._shapes[c.id] = c.shape; }, this);
      this._rings = {};
      this.shown = [];
    },

    onAdd: function (map) {
      if (!map.getPane("geomap-labels")) {
        var pane = map.createPane("geomap-labels");
        pane.style.zIndex = 390;  // over shaded regions, under the marks (400) and popups
        pane.style.pointerEvents = "none";
      }
      this._box = L.DomUtil.create("div", "geomap-labels", map.getPane("geomap-labels"));
      this._box.setAttribute("aria-hidden", "true");  // the marks and the table name every place
      map.on("moveend overlayadd overlayremove geomapmarksmoved", this.update, this);
      if (this._basemap) this._basemap.on("add remove", this.update, this);  // tiles ↔ outlines
      // The page's other scripts add their boxes (search, time window, buttons) after the
      // labels: a name placed before them would sit under one (the report's "Sweden" under
      // the search field). A box added to or taken from a corner places the names again.
      if (window.MutationObserver) {
        var self = this, pending = false;
        this._controlsWatch = new MutationObserver(function () {
          if (pending) return;
          pending = true;
          L.Util.requestAnimFrame(function () { pending = false; self.update(); });
        });
        var corners = map.getContainer().querySelector(".leaflet-control-container");
        Array.prototype.forEach.call(corners ? corners.children : [], function (corner) {
          self._controlsWatch.observe(corner, {childList: true});
        });
      }
      this.update();
    },

    onRemove: function (map) {
      map.off("moveend overlayadd overlayremove geomapmarksmoved", this.update, this);
      if (this._basemap) this._basemap.off("add remove", this.update, this);
      if (this._controlsWatch) this._controlsWatch.disconnect();
      L.DomUtil.remove(this._box);
      this.shown = [];
    },

    /* Every name's element, made and measured once (all appended, then all read: one layout). */
    _measure: function () {
      if (this._measured) return;
      var box = this._box;
      this._names.forEach(function (n) {
        n.el = L.DomUtil.create("span", "geomap-label geomap-label-" + n.kind, box);
        n.el.textContent = n.text;
        n.el.style.visibility = "hidden";
        if (n.outline) {  // a country of events: its smaller name, for where the usual does not fit
          n.small = L.DomUtil.create("span", "geomap-label geomap-label-" + n.kind + " geomap-label-small", box);
          n.small.textContent = n.text;
          n.small.style.visibility = "hidden";
          n.leader = L.DomUtil.create("span", "geomap-label-leader", box);
          n.leader.style.display = "none";
        }
        if (n.kind === "city") {
          n.dot = L.DomUtil.create("span", "geomap-label-dot", box);
          n.dot.style.display = "none";
        }
      });
      // All read before any is hidden: a read after a change would lay the page out again.
      this._names.forEach(function (n) {
        n.w = n.el.offsetWidth;
        n.h = n.el.offsetHeight;
        if (n.small) n.smallSize = [n.small.offsetWidth, n.small.offsetHeight];
      });
      this._names.forEach(function (n) {
        [n.el, n.small].forEach(function (node) {
          if (!node) return;
          node.style.display = "none";
          node.style.visibility = "";
        });
      });
      this._measured = true;
    },

    /* The boxes of the marks on the map now, in container pixels: labels keep clear of them. */
    marks: function () {
      var map = this._map, out = [], origin = map.getContainer().getBoundingClientRect();
      function visit(layer) {
        if (layer instanceof L.LayerGroup) {
          layer.eachLayer(visit);
          return;
        }
        if (layer instanceof L.CircleMarker) {
          var p = map.latLngToContainerPoint(layer.getLatLng()), r = layer.getRadius() + (layer.options.weight || 0) / 2;
          out.push([p.x - r, p.y - r, p.x + r, p.y + r]);
        } else if (layer instanceof L.Marker && layer.getElement() && layer.options.interactive !== false) {
          // From its place and its icon's size, not from its element: a view set without
          // animation tells "moveend" before "viewreset" moves the elements, so an element
          // read now stands where the last view had it.
          var icon = layer.options.icon.options, size = icon.iconSize && L.point(icon.iconSize);
          if (size) {
            var at = map.latLngToContainerPoint(layer.getLatLng()), anchor = icon.iconAnchor ? L.point(icon.iconAnchor) : size.divideBy(2, true);
            out.push([at.x - anchor.x, at.y - anchor.y, at.x - anchor.x + size.x, at.y - anchor.y + size.y]);
            return;
          }
          var b = layer.getElement().getBoundingClientRect();
          if (b.width || b.height) out.push([b.left - origin.left, b.top - origin.top, b.right - origin.left, b.bottom - origin.top]);
        }
      }
      Object.keys(this._groups).forEach(function (id) {
        if (map.hasLayer(this._groups[id])) visit(this._groups[id]);
      }, this);
      return out;
    },

    update: function () {
      var map = this._map;
      if (!map) return;
      this._measure();
      var zoom = map.getZoom(), size = map.getSize(), taken = new Grid(), names = new Grid(), shown = [];
      var onTiles = this._basemap !== null && !map.hasLayer(this._basemap);
      L.geomap.controlBoxes(map).forEach(function (b) { taken.add(b); });  // a name under the legend is no name
      this.marks().forEach(function (b) { taken.add([b[0] - GAP, b[1] - GAP, b[2] + GAP, b[3] + GAP]); });
      this._names.forEach(function (n) {
        n.el.style.display = "none";
        if (n.dot) n.dot.style.display = "none";
        if (n.small) n.small.style.display = "none";
        if (n.leader) n.leader.style.display = "none";
        if (zoom < n.zoom || (onTiles && n.kind !== "place")) return;
        var p = map.latLngToContainerPoint(n.latlng);
        var off = p.x < -n.w || p.y < -n.h || p.x > size.x + n.w || p.y > size.y + n.h;
        if (off && !n.outline) return;  // a country of events may show over the part in view
        var w = n.w, h = n.h, tries;
        if (n.area) {
          // Centred on the anchor; else just above or below it (a country's badges sit
          // under its name, and its towns' marks may sit on the anchor).
          tries = [];
          // Never far off: a name moved a long way names the wrong land.
          var shift = Math.min(w / 4, AREA_SHIFT);
          [0, -1, 1].forEach(function (dx) {
            [-0.5, -1.5, 0.5, -2.5, 1.5].forEach(function (dy) { tries.push([p.x - w / 2 + dx * shift, p.y + dy * h]); });
          });
        } else {
          // Beside the place's mark (or a city's dot): right, left, above, below; then further
          // out, past a big mark or one that spreading moved.
          tries = [];
          (n.kind === "city" ? [DOT + GAP] : [MARK_CLEAR, 2 * MARK_CLEAR]).forEach(function (d) {
            tries.push([p.x + d, p.y - h / 2], [p.x - d - w, p.y - h / 2], [p.x - w / 2, p.y - d - h], [p.x - w / 2, p.y + d]);
          });
        }
        function free(b) {  // whole, or not at all
          return !(b[0] < 0 || b[1] < 0 || b[2] > size.x || b[3] > size.y || taken.hits(b));
        }
        var b = null;
        for (var t = 0; t < tries.length && !b && !off; t++) {
          var tried = [tries[t][0], tries[t][1], tries[t][0] + w, tries[t][1] + h];
          if (free(tried)) b = tried;
        }
        var node = n.el, leader = null;
        if (!b && n.outline) b = this._overLand(n, p, free, n.w, n.h);
        if (!b && n.outline) {
          b = this._overLand(n, p, free, n.smallSize[0], n.smallSize[1]);
          if (!b && !off && n.beside) {
            b = this._besideLand(p, free, n.smallSize[0], n.smallSize[1], names);
            if (b) {
              leader = this._drawLeader(n.leader, b, p);
              leaderBoxes(leader).forEach(function (dot) { taken.add(dot); });  // no name across the line
            }
          }
          if (b) node = n.small;
        }
        if (b) {
          taken.add(b);
          names.add(b);
          if (n.dot) {  // a city with no mark of its own shows where it is with a dot
            taken.add([p.x - DOT, p.y - DOT, p.x + DOT, p.y + DOT]);
            L.DomUtil.setPosition(n.dot, map.containerPointToLayerPoint([p.x - DOT, p.y - DOT]));
            n.dot.style.display = "";
          }
          L.DomUtil.setPosition(node, map.containerPointToLayerPoint([b[0], b[1]]));
          node.style.display = "";
          var entry = {text: n.text, kind: n.kind, box: b};
          if (node === n.small) entry.small = true;
          if (leader) entry.leader = leader;
          shown.push(entry);
        }
      }, this);
      this.shown = shown;
    },

    /* The free spot nearest the anchor `p` for the box of country name `n` whose middle (its
       centre, and halfway from there to either end) lies over the country's own outline; null
       if there is none within LAND_REACH. */
    _overLand: function (n, p, free, w, h) {
      var map = this._map, shape = this._shapes[n.outline];
      if (!shape) return null;
      if (!this._rings[n.outline]) this._rings[n.outline] = L.geomap.decodeOutline(shape);
      var rings = [], size = map.getSize(), box = [Infinity, Infinity, -Infinity, -Infinity];
      this._rings[n.outline].forEach(function (polygon) {
        polygon.forEach(function (ring) {
          rings.push(ring.map(function (ll) {
            var q = map.latLngToContainerPoint(ll);
            box = [Math.min(box[0], q.x), Math.min(box[1], q.y), Math.max(box[2], q.x), Math.max(box[3], q.y)];
            return q;
          }));
        });
      });
      // Only where the country is in view: a name's centre there, at most.
      box = [Math.max(box[0], 0), Math.max(box[1], 0), Math.min(box[2], size.x), Math.min(box[3], size.y)];
      if (box[0] >= box[2] || box[1] >= box[3]) return null;
      function inside(x, y) {  // even-odd rule over every ring: holes are outside
        var odd = false;
        rings.forEach(function (ring) {
          for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            var a = ring[i], c = ring[j];
            if ((a.y > y) !== (c.y > y) && x < (c.x - a.x) * (y - a.y) / (c.y - a.y) + a.x) odd = !odd;
          }
        });
        return odd;
      }
      var spots = [];
      for (var dy = -LAND_REACH; dy <= LAND_REACH; dy += h / 2) {
        for (var dx = -LAND_REACH; dx <= LAND_REACH; dx += LAND_STEP) spots.push([dx, dy, dx * dx + dy * dy]);
      }
      spots.sort(function (a, c) { return a[2] - c[2]; });
      for (var s = 0; s < spots.length; s++) {
        var cx = p.x + spots[s][0], cy = p.y + spots[s][1];
        if (cx < box[0] || cx > box[2] || cy < box[1] || cy > box[3]) continue;
        var b = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
        if (free(b) && inside(cx, cy)) return b;
      }
      return null;
    },

    /* The free spot nearest the anchor `p` for a box of w×h anywhere in view, within
       LEADER_REACH, whose line to the anchor crosses no placed name (`names`); null if none. */
    _besideLand: function (p, free, w, h, names) {
      var spots = [];
      for (var dy = -LEADER_REACH; dy <= LEADER_REACH; dy += h / 2) {
        for (var dx = -LEADER_REACH; dx <= LEADER_REACH; dx += LAND_STEP) spots.push([dx, dy, dx * dx + dy * dy]);
      }
      spots.sort(function (a, c) { return a[2] - c[2]; });
      for (var s = 0; s < spots.length; s++) {
        var cx = p.x + spots[s][0], cy = p.y + spots[s][1];
        var b = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
        if (free(b) && !crossesNames(leaderLine(b, p), names)) return b;
      }
      return null;
    },

    /* Shows `node` as the line from the box `b` to the anchor `p`; returns the line. */
    _drawLeader: function (node, b, p) {
      var line = leaderLine(b, p), dx = line[2] - line[0], dy = line[3] - line[1];
      L.DomUtil.setPosition(node, this._map.containerPointToLayerPoint([line[0], line[1]]));
      node.style.width = Math.sqrt(dx * dx + dy * dy) + "px";
      node.style.transform += " rotate(" + Math.atan2(dy, dx) + "rad)";
      node.style.display = "";
      return line;
    }
  });

  /* From the point of box `b` nearest the anchor `p` to p. */
  function leaderLine(b, p) {
    var x = Math.max(b[0], Math.min(p.x, b[2])), y = Math.max(b[1], Math.min(p.y, b[3]));
    return [x, y, p.x, p.y];
  }

  /* Small boxes along the line, but for its last LEADER_CLEAR px (the anchor's own marks, which
     it passes under). */
  function leaderBoxes(line) {
    var dx = line[2] - line[0], dy = line[3] - line[1], length = Math.sqrt(dx * dx + dy * dy), out = [];
    for (var d = 0; d < length - LEADER_CLEAR; d += 3) {
      var x = line[0] + dx * d / length, y = line[1] + dy * d / length;
      out.push([x - 1, y - 1, x + 1, y + 1]);
    }
    return out;
  }

  /* Whether the line crosses a placed name, but for its last LEADER_CLEAR px (the anchor's
     own marks, which it passes under). */
  function crossesNames(line, names) {
    return leaderBoxes(line).some(function (dot) { return names.hits(dot); });
  }


})();
