/* geomap: draws the events of a map (the data comes from events.js, their text from text.js).
 *
 * All text from the events file reaches the page through textContent, never innerHTML.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  var POPUP_PAGE = 20, CANVAS_ABOVE = 1500;
  var FLY_SECONDS = 1.2;  // Leaflet's own flight across a continent takes four seconds
  var GATHER_BELOW_ZOOM = 11;  // from here on every place has its own mark, however close
  // px: the furthest spreading may move a mark from its place.
  // A crowd whose ring would move any of its marks further is gathered instead: a ring of a
  // hundred towns round the middle of Russia put Moscow's marks in Mongolia.
  var SPREAD_REACH = 48;
  var el = L.geomap.el;

  /* The first view of the map. */
  L.geomap.fitView = function (map, data, bounds, fly) {
    /* Fit the data (or `bounds`, a framing), leaving room for the title box and, on wide
       screens, the legend; first and without animation, so every mark is projected once, at
       the view the reader sees. `fly`: animated, for a place the reader asked for (search.js). */
    var narrow = map.getSize().x < 600;
    var view = L.latLngBounds(bounds || data.bounds);
    // Python (view.py) sends finite bounds of some size; a broken payload must fail here, with
    // its reason, not later as "Invalid LatLng object: (NaN, NaN)" in some mark.
    if (!view.isValid() || ![view.getSouth(), view.getWest(), view.getNorth(), view.getEast()].every(isFinite)) {
      throw new Error("geomap: the map's bounds are not a place on Earth: " + JSON.stringify(data.bounds));
    }
    // maxZoom: a map with no tile layer has no maximum zoom of its own, and bounds of one point
    // would zoom without end; the cap keeps any small extent above street level.
    // The time window (time.js) takes the lower left corner: the first view keeps above it.
    var below = data.time && L.geomap.time ? L.geomap.time.roomBelow(map) : 20;
    var options = {animate: false, maxZoom: data.max_fit_zoom,
      paddingTopLeft: [10, narrow ? 70 : 110], paddingBottomRight: [narrow ? 10 : 300, below]};
    if (fly) map.flyToBounds(view, L.extend(options, {animate: true, duration: FLY_SECONDS})); else map.fitBounds(view, options);
  };

  /* A region shaded in several layers has one outline, decoded once, and converted,
     projected, clipped and simplified once per view: each layer's polygon borrows the result.
     This extends Leaflet 1.9's private Polygon._setLatLngs, _project and _update, which
     would redo it all per layer; tests/ui/test_regions.py pins Leaflet 1.9.4, these methods,
     and that the layers share one projection and each still draws its own right path. */
  L.geomap.Shading = L.Polygon.extend({
    _setLatLngs: function (latlngs) {
      var shared = this.options.outline;
      if (!shared.latlngsSet) {
        L.Polygon.prototype._setLatLngs.call(this, latlngs);
        shared.latlngsSet = {latlngs: this._latlngs, bounds: this._bounds};
      }
      this._latlngs = shared.latlngsSet.latlngs;
      this._bounds = shared.latlngsSet.bounds;
    },
    _project: function () {
      var shared = this.options.outline, view = this._map.getZoom() + "@" + this._map.getPixelOrigin();
      if (shared.view === view) {
        this._rings = shared.rings;
        this._rawPxBounds = shared.pxBounds;
        if (this._rawPxBounds) this._updateBounds();
        return;
      }
      L.Polygon.prototype._project.call(this);
      shared.view = view;
      shared.rings = this._rings;
      shared.pxBounds = this._rawPxBounds;
      shared.partsFor = null;
    },
    _update: function () {
      if (!this._map) return;
      var shared = this.options.outline, bounds = this._renderer._bounds;
      var key = shared.view + "|" + bounds.min + bounds.max + "|" + this.options.weight;
      if (shared.partsFor !== key) {
        this._clipPoints();
        this._simplifyPoints();
        shared.partsFor = key;
        shared.parts = this._parts;
      }
      this._parts = shared.parts;
      this._updatePath();
    }
  });

  /* Draws every event of `data` into its layer's group; the basemap's outlines into `basemap`. */
  L.geomap.Drawing = L.Class.extend({
    initialize: function (map, data, groups, basemap) {
      this._map = map;
      this._data = data;
      this._groups = groups;
      this._events = data.events;
      this._text = new L.geomap.Text(data, data.events);
      this._outlines = {};
      this._layerById = {};
      var self = this;
      data.layers.forEach(function (layer, index) { self._layerById[layer.id] = {layer: layer, index: index}; });

      map.geomapDrawing = this;  // for search.js and state.js: groups, openEvents
      this._listen();
      L.geomap.fitView(map, data);
      this._panes();
      this._shown = null;  // the time window's filter (time.js): 1 per event shown; null, all
      this._pointsPerZoom();
      var all = this._group();
      // Past a few thousand marks, SVG elements cost seconds: draw them on a canvas instead.
      // Decided, like the shading's scale, on every event: a window changes neither.
      this._renderer = all.keys.length + all.routes.length > CANVAS_ABOVE ? L.canvas({padding: 0.5}) : undefined;
      this._layerMax = this._maxima(all);
      var time = this._timeWindow(map, data);
      this._drawEvents(time ? this._group() : all);
      this._drawBasemap(basemap);
      if (data.names) map.geomapLabels = new L.geomap.Labels(data.names.labels, this._groups, basemap, data.basemap).addTo(map);
      this._credit();
      this._framingButtons();
      this._text.download();
      L.geomap.Table.attach(map.getContainer(), data.events, this._text, data.layers);  // the rows not in the HTML
      if (time) {
        time.addTo(map);
        this._showWindow();
        document.documentElement.setAttribute("data-geomap-time", map.geomapTime.get().join("/"));
      }
      /* Tests and the PNG export wait for this. */
      document.documentElement.setAttribute("data-geomap-ready", "1");
    },

    /* The time window (time.js), when the page has one: its first filter is in place before
       anything is drawn. */
    _timeWindow: function (map, data) {
      if (!data.time || !L.geomap.Time || !this._events.n) return null;
      var self = this, index = new L.geomap.TimeIndex(this._events);
      var time = this._time = new L.geomap.Time(map, index, data.time, function (shown) { self.show(shown); });
      this._shown = time.shown;
      // The layer control writes its names again when a layer is switched from a script.
      Object.keys(this._groups).forEach(function (id) { self._groups[id].on("add remove", self._showCounts, self); });
      return time;
    },

    /* Shows only the events `shown` marks (one filter for every part of the page). */
    show: function (shown) {
      this._shown = shown;
      this._drawEvents(this._group());
      this._showWindow();
      this._map.fire("geomapmarksmoved");  // labels make room for the marks drawn now, once
    },

    _showWindow: function () {
      this._text.filter(this._shown);
      this._showCounts();
    },

    /* The events in the window per layer, in the layer control and the legend. */
    _showCounts: function () {
      if (!this._shown) return;
      var E = this._events, shown = this._shown, counts = this._data.layers.map(function () { return 0; });
      for (var i = 0; i < E.n; i++) if (shown[i]) counts[E.layerIndex(i)] += E.weight(i);
      var byId = {};
      this._data.layers.forEach(function (layer, k) { byId[layer.id] = counts[k]; });
      this._countNodes().forEach(function (node) {
        var n = byId[node.getAttribute("data-layer")];
        var text = n === undefined ? null : L.geomap.words.number(n);
        if (text !== null && node.textContent !== text) node.textContent = text;
      });
    },

    /* The count elements of the layer control and the legend, looked up in those two boxes
       only (a search of the whole map would walk a table of up to 100,000 rows). */
    _countNodes: function () {
      // The legend is a control of this map (found without its download link, which a
      // dataset's map without --share-data does not have).
      var nodes = [], control = this._map.geomapLayers;
      var legend = this._map.getContainer().querySelector(".leaflet-control-container .geomap-legend");
      [control && control.getContainer(), legend].forEach(function (box) {
        if (box) nodes.push.apply(nodes, box.querySelectorAll(".geomap-count"));
      });
      return nodes;
    },

    /* Draws the events of `grouped` into the layers' groups, in place of what was there. */
    _drawEvents: function (grouped) {
      var groups = this._groups, kept = this._kept || {};
      // Regions of places still shown are kept and restyled (a new window moves few of them);
      // point marks and gathered numbers are kept by _showPoints; the rest is drawn again.
      this._reusable = kept;
      this._kept = {};
      Object.keys(groups).forEach(function (id) {
        groups[id].eachLayer(function (layer) { if (!layer.geomapKey && !layer.geomapPoint) groups[id].removeLayer(layer); });
      });
      this._badgeSlots = {};
      grouped.routes.forEach(this._drawRoute, this);
      this._drawPlaces(grouped);
      Object.keys(kept).forEach(function (key) {  // what the window no longer shows
        var layer = kept[key];
        if (layer.geomapKey === key) groups[layer.geomapLayer].removeLayer(layer);
      });
      this._reusable = null;
    },

    /* The region or mark drawn last time for this place and layer, restyled for `events`;
       or null. */
    _reuse: function (key, events, style) {
      var layer = this._reusable && this._reusable[key];
      if (!layer) return null;
      delete this._reusable[key];
      this._kept[key] = layer;
      if (layer.geomap.events !== events) this._retitle(layer, events);
      if (restyled(layer, style)) layer.setStyle(style);  // an unchanged shade is not written again
      return layer;
    },

    _keep: function (key, layerId, layer) {
      layer.geomapKey = key;
      layer.geomapLayer = layerId;
      this._kept[key] = layer;
      return layer;
    },

    _maxCount: function (idx) {
      var best = 0;
      for (var k = 0; k < idx.length; k++) best = Math.max(best, this._events.maxCount(idx[k]));
      return best;
    },

    /* One popup for every event of a layer at one place, a page at a time. */
    _popupContent: function (idx, place) {
      var E = this._events, text = this._text;
      var box = el("div", "geomap-popup");
      if (place) {
        var heading = place.label || place.name, events = E.eventsIn(idx);
        box.appendChild(el("div", "geomap-where", events > 1
          ? L.geomap.words.get("popup.heading", {place: heading, events: L.geomap.words.plural("count.events", events)}) : heading));
      }
      var shown = 0;
      function more() {
        idx.slice(shown, shown + POPUP_PAGE).map(E.get).forEach(function (ev) { box.insertBefore(text.eventArticle(ev), button); });
        shown = Math.min(idx.length, shown + POPUP_PAGE);
        button.hidden = shown >= idx.length;
        button.textContent = L.geomap.words.get("popup.more", {k: L.geomap.words.number(Math.min(POPUP_PAGE, idx.length - shown)),
                                                               m: L.geomap.words.number(idx.length - shown)});
      }
      var button = el("button", "geomap-more");
      button.type = "button";
      button.addEventListener("click", function (e) { L.DomEvent.stopPropagation(e); more(); });
      box.appendChild(button);
      more();
      return box;
    },

    _titles: function (idx, place) {
      var E = this._events;
      var text = idx.slice(0, 3).map(function (i) { return E.get(i).title; }).join(" · ");
      if (idx.length > 3) text += " · " + L.geomap.words.get("popup.and_more", {n: L.geomap.words.number(idx.length - 3)});
      return place ? place.name + ": " + text : text;
    },

    /* Each mark carries its events; one click and one hover handler per layer open popups and
       tooltips when a reader asks, so 100,000 events cost no popup objects up front. Marks
       drawn as SVG are also focusable buttons that open their popup with Enter or Space
       (canvas marks have no element; the table gives those events to keyboard users). */
    _bind: function (layer, events, place) {
      var self = this, info = {events: events, place: place};
      layer.geomap = info;
      if (layer.eachLayer) layer.eachLayer(function (child) { child.geomap = info; });
      if (!this._renderer) layer.on("add", function () { self._keyboardAccess(layer, info); });
      return layer;
    },

    /* The event layers' groups, by layer id. */
    groups: function () { return this._groups; },

    /* Opens the popup of `events` (indexes) at `place`, as its mark's click would. */
    openEvents: function (events, place, latlng) {
      this._openPopup({geomap: {events: events, place: place}}, latlng);
    },

    _openPopup: function (layer, latlng) {
      var self = this, info = layer.geomap;
      this._events.whenTexts(function () {
        var map = self._map, width = Math.min(320, map.getSize().x - 2 * PAD - POPUP_FRAME);
        var popup = L.popup({maxWidth: width, autoPan: false,
          maxHeight: Math.max(120, popupRoom(map, width + POPUP_FRAME) - 2 * PAD - POPUP_FRAME)})
          .setLatLng(latlng).setContent(self._popupContent(info.events, info.place));
        popup.geomapEvents = info.events;  // state.js keeps the open event in the address
        popup.openOn(map);
        clearOfControls(map, popup);
      });
    },

    _keyboardAccess: function (layer, info) {
      var self = this, parts = layer.eachLayer ? [] : [layer];
      if (layer.eachLayer) layer.eachLayer(function (child) { parts.push(child); });
      parts.forEach(function (part) {
        var node = part.getElement && part.getElement();
        if (!node) return;
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        self._events.whenTexts(function () { node.setAttribute("aria-label", self._titles(info.events, info.place)); });
        node.addEventListener("keydown", function (e) {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          self._openPopup(layer, centre(layer));
        });
      });
    },

    _listen: function () {
      var self = this, groups = this._groups;
      Object.keys(groups).forEach(function (id) {
        groups[id].on("click", function (e) {
          if (e.layer && e.layer.geomap) self._openPopup(e.layer, e.latlng || centre(e.layer));
        });
        groups[id].on("mouseover", function (e) {
          var mark = e.layer;
          if (!mark || !mark.geomap || mark.getTooltip()) return;
          self._events.whenTexts(function () {
            if (mark.getTooltip()) return;
            mark.bindTooltip(el("span", null, self._titles(mark.geomap.events, mark.geomap.place)),
                             {sticky: true, direction: "top", opacity: 0.95});
            mark.openTooltip(e.latlng);
          });
        });
      });
    },

    /* Panes keep the stacking order whatever the drawing order: outlines under regions under
       country-wide rings under routes and markers, so a town is never hidden by a vaguer mark. */
    _panes: function () {
      var map = this._map;
      [["geomap-basemap", 250], ["geomap-regions", 350], ["geomap-countrywide", 380],
       ["geomap-countrywide-badges", 395]].forEach(function (pane) {
        if (!map.getPane(pane[0])) map.createPane(pane[0]).style.zIndex = pane[1];
      });
    },

    /* Group events by layer and place, so one marker or area carries all of its events. The
       groups' keys (layer|place, in order) and each event's keys are worked out once (_keyed);
       a window only fills them. */
    _group: function () {
      var E = this._events, shown = this._shown, keyed = this._keyed || (this._keyed = this._keyEvents());
      var lists = new Array(keyed.keys.length), from = keyed.from, flat = keyed.flat, routes = [];
      for (var i = 0; i < E.n; i++) {
        if (shown && !shown[i]) continue;
        for (var k = from[i]; k < from[i + 1]; k++) (lists[flat[k]] = lists[flat[k]] || []).push(i);
        if (keyed.route[i]) routes.push(i);
      }
      var byPlace = {}, keys = [];
      for (var j = 0; j < lists.length; j++) {
        if (!lists[j]) continue;
        keys.push(keyed.keys[j]);
        byPlace[keyed.keys[j]] = {layer: keyed.layer[j], place: E.places[keyed.place[j]], idx: lists[j]};
      }
      return {byPlace: byPlace, keys: keys, routes: routes};
    },

    /* Every layer|place key in sorted order, and event i's keys as numbers into them:
       flat[from[i]] up to flat[from[i + 1]] (none for an event of a layer with no group). */
    _keyEvents: function () {
      var E = this._events, groups = this._groups, number = {}, names = [], layer = [], place = [];
      var from = new Int32Array(E.n + 1), route = new Uint8Array(E.n), keyOf = [], layerId, i;
      function add(p) {
        var key = layerId + "|" + p;
        if (!(key in number)) {
          number[key] = names.length;
          names.push(key);
          layer.push(layerId);
          place.push(p);
        }
        keyOf.push(number[key]);
      }
      for (i = 0; i < E.n; i++) {
        from[i] = keyOf.length;
        layerId = E.layer(i);
        if (!groups[layerId]) continue;
        E.eachPlace(i, add);
        route[i] = E.hasRoute(i) ? 1 : 0;
      }
      from[E.n] = keyOf.length;
      // The keys renumbered in their sorted order (the order the marks are drawn in).
      var order = names.map(function (key, j) { return j; }).sort(function (a, b) { return names[a] < names[b] ? -1 : 1; });
      var rank = new Int32Array(names.length), flat = new Int32Array(keyOf.length);
      order.forEach(function (j, r) { rank[j] = r; });
      for (var k = 0; k < keyOf.length; k++) flat[k] = rank[keyOf[k]];
      return {keys: order.map(function (j) { return names[j]; }), layer: order.map(function (j) { return layer[j]; }),
              place: order.map(function (j) { return place[j]; }), from: from, flat: flat, route: route};
    },

    /* An arrowhead at the end of a route, in screen pixels so it keeps its size when zooming. */
    _arrowHead: function (latlngs, color, layerClass) {
      var map = this._map, n = latlngs.length, tip = latlngs[n - 1], from = latlngs[n - 2];
      var marker = L.marker(tip, {interactive: false, keyboard: false, icon: L.divIcon({className: "geomap-arrow " + layerClass, iconSize: [0, 0]})});
      marker.on("add", function () {
        var a = map.latLngToLayerPoint(from), b = map.latLngToLayerPoint(tip);
        var angle = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
        var icon = marker.getElement();
        if (!icon) return;
        icon.textContent = "";
        var head = el("span", "geomap-arrowhead");
        head.style.borderLeftColor = color;
        head.style.transform = "translate(-14px,-7px) rotate(" + angle + "deg)";
        head.style.transformOrigin = "14px 7px";
        icon.appendChild(head);
      });
      return marker;
    },

    _drawRoute: function (i) {
      var E = this._events, renderer = this._renderer;
      var layerId = E.layer(i), route = E.route(i), group = this._groups[layerId];
      var color = this._layerById[layerId].layer.color;
      var latlngs = route.map(function (p) { return [p.lat, p.lon]; });
      var layerClass = "geomap-layer-" + layerId;
      var line = L.polyline(latlngs, {color: color, weight: 3, opacity: 0.85, dashArray: E.unverified(i) ? "6 6" : null,
        className: "geomap-route geomap-event " + layerClass, renderer: renderer});
      this._bind(line, [i], null).addTo(group);
      this._arrowHead(latlngs, color, layerClass).addTo(group);
      [route[0], route[route.length - 1]].forEach(function (p, end) {
        L.circleMarker([p.lat, p.lon], {radius: end ? 4 : 3, color: color, weight: 1, fillColor: "#fff", fillOpacity: 1,
          interactive: false, className: "geomap-route-end " + layerClass, renderer: renderer})
          .addTo(group);
      });
    },

    /* Choropleth: a region's own numbers (from events placed in it alone) set its shade,
       on a log scale within its layer; without numbers, the number of events does. */
    _regionValue: function (idx) {
      var E = this._events;
      return this._maxCount(idx.filter(function (i) { return E.placeCount(i) === 1; }));
    },
    _regionOpacity: function (layerId, events) {
      if (this._layerMax[layerId] > 0) {
        return 0.12 + 0.5 * Math.log10(this._regionValue(events) + 1) / Math.log10(this._layerMax[layerId] + 1);
      }
      return Math.min(0.2 + 0.12 * (events.length - 1), 0.6);
    },

    /* What of a town's or checkpoint's mark follows its events: size and certainty. A point
       the editor (or ACLED's geo_precision 2) gives as approximate wears a wide, broken rim,
       "somewhere about here", so that it never reads as a town's exact mark. */
    _pointStyle: function (entry) {
      var unverified = entry.idx.every(this._events.unverified);
      var style = {radius: 6 + 2.5 * Math.log10(this._maxCount(entry.idx) + 1),
                   dashArray: unverified ? "3 3" : null, fillOpacity: unverified ? 0.1 : 0.75};
      if (entry.place.precision === "approximate") {
        style.weight = APPROXIMATE_RIM;
        style.opacity = 0.6;
        style.dashArray = "3 3";
        style.lineCap = "butt";  // round caps would close the gaps of so wide a line
      }
      return style;
    },

    _pointMark: function (entry) {
      var place = entry.place, events = entry.idx, color = this._layerById[entry.layer].layer.color;
      var approximate = place.precision === "approximate" ? " geomap-approximate" : "";
      return this._bind(L.circleMarker([place.lat, place.lon], L.extend({renderer: this._renderer,
        color: place.kind === "checkpoint" ? "#111" : color, weight: place.kind === "checkpoint" ? 3 : 2,
        fillColor: color, className: "geomap-" + place.kind + approximate + " geomap-event geomap-layer-" + entry.layer},
        this._pointStyle(entry))), events, place);
    },

    _outline: function (id) {
      var shapes = this._data.shapes;
      if (!(id in this._outlines)) this._outlines[id] = shapes[id] ? {latlngs: L.geomap.decodeOutline(shapes[id])} : null;
      return this._outlines[id];
    },

    /* Each layer's largest region value, the top of its shading scale: over every event, so a
       shade means the same number whatever the time window. */
    _maxima: function (grouped) {
      var self = this, layerMax = {};
      grouped.keys.forEach(function (key) {
        var entry = grouped.byPlace[key];
        if (entry.place.shape) layerMax[entry.layer] = Math.max(layerMax[entry.layer] || 0, self._regionValue(entry.idx));
      });
      return layerMax;
    },

    _drawPlaces: function (grouped) {
      var self = this, data = this._data, byPlace = grouped.byPlace;
      var badges = this._badgeTotals = {};  // country-wide: how many layers' badges per country
      grouped.keys.forEach(function (key) {
        var place = byPlace[key].place;
        if (place.kind === "country" && !place.shape) badges[place.id] = (badges[place.id] || 0) + 1;
      });
      var points = [];  // towns and checkpoints: drawn at once, or gathered per zoom when many
      grouped.keys.forEach(function (key) {
        var entry = byPlace[key], place = entry.place, events = entry.idx;
        var color = self._layerById[entry.layer].layer.color, index = self._layerById[entry.layer].index;
        var unverified = events.every(self._events.unverified);
        var classes = " geomap-event geomap-layer-" + entry.layer;
        var shape = place.shape && self._outline(place.shape);
        var layer;
        if (shape) {
          var style = {fillOpacity: unverified ? 0.08 : self._regionOpacity(entry.layer, events),
            dashArray: unverified || place.precision.indexOf("approximate") >= 0 ? "5 4" : null};
          if (self._reuse(key, events, style)) return;
          layer = self._keep(key, entry.layer, new L.geomap.Shading(shape.latlngs, L.extend({
            pane: "geomap-regions", outline: shape, color: color, weight: 1.5, fillColor: color,
            className: "geomap-region" + classes}, style)));
        } else if (place.kind === "country") {
          layer = self._countryBadge(place, entry, color, unverified, classes);
        } else {
          entry.key = key;
          points.push(entry);
          return;
        }
        self._bind(layer, events, place).addTo(self._groups[entry.layer]);
      });
      // Each place its own mark, spread apart where they touch; or, past gather_above, numbers
      // per screen cell. Either way only the marks that change are added or taken away.
      var many = points.length > data.gather_above;
      this._spreading = many ? null : points.map(this._pointFor, this);
      this._gathering = many ? this._byLayer(points) : null;
      if (many) this._gather(); else this._spread(true);
    },

    /* The mark of a town or checkpoint (entry.key: its layer and place), made the first time
       a window shows it and restyled for each later window's events: kept whether the
       window's places are spread or gathered, so a new window redraws only what it changes. */
    _pointFor: function (entry) {
      var mark = this._pointMarks[entry.key];
      if (!mark) {
        mark = this._pointMarks[entry.key] = this._pointMark(entry);
        mark.geomapPoint = entry.key;
        mark.geomapLayer = entry.layer;
        mark.geomapHome = mark.getLatLng();  // spreading may move it; its place stays here
        mark.geomapEntry = entry;
        return mark;
      }
      mark.geomapEntry = entry;  // spreading gathers a crowd's entries
      if (mark.geomap.events !== entry.idx) this._retitle(mark, entry.idx);
      var style = this._pointStyle(entry);
      if (restyled(mark, style)) mark.setStyle(style);
      return mark;
    },

    /* A kept mark now stands for `events`: its tooltip and spoken name follow them. */
    _retitle: function (layer, events) {
      var info = layer.geomap, self = this, node = layer.getElement && layer.getElement();
      info.events = events;
      layer.unbindTooltip();  // its titles were of the last window's events
      if (node && node.hasAttribute("aria-label")) {
        this._events.whenTexts(function () { node.setAttribute("aria-label", self._titles(info.events, info.place)); });
      }
    },

    /* Shows exactly `marks` of the point marks and gathered numbers (each names its key in
       geomapPoint and its layer in geomapLayer): those already shown stay as they are. */
    _showPoints: function (marks) {
      var groups = this._groups, drawn = this._drawnPoints, wanted = {};
      marks.forEach(function (m) { wanted[m.geomapPoint] = m; });
      Object.keys(drawn).forEach(function (key) {
        if (wanted[key] !== drawn[key]) groups[drawn[key].geomapLayer].removeLayer(drawn[key]);
      });
      marks.forEach(function (m) {
        if (drawn[m.geomapPoint] !== m) groups[m.geomapLayer].addLayer(m);
      });
      this._drawnPoints = wanted;
    },

    /* Country-wide facts: not a point (that would read as a town) but a hatched badge, in the
       layer's colour, with the number of events, under the country's name; one per layer,
       side by side. */
    _countryBadge: function (place, entry, color, unverified, classes) {
      var anchors = (this._data.names && this._data.names.countries) || {};
      var at = anchors[place.id] || [place.lat, place.lon];
      var slots = this._badgeSlots = this._badgeSlots || {};
      var slot = slots[place.id] = (slots[place.id] || 0) + 1;
      var count = this._events.eventsIn(entry.idx), width = 26;
      var badge = el("span", "geomap-badge-inner", String(count));
      badge.style.setProperty("--geomap-badge", color);
      var icon = L.divIcon({className: "geomap-country geomap-badge" + (unverified ? " geomap-unverified" : "") + classes,
        iconSize: [width, 16], iconAnchor: badgeAnchor(slot - 1, this._badgeTotals[place.id], width), html: badge});
      return L.marker(at, {icon: icon, pane: "geomap-countrywide-badges", keyboard: false, title: ""});
    },

    /* The point marks follow the zoom (spread apart) and the view (gathered): listened for
       once, before the labels are, so the labels always place themselves after the marks. */
    _pointsPerZoom: function () {
      this._pointMarks = {};   // key (layer|place) → its mark, once a window has shown it
      this._drawnPoints = {};  // key → the point mark or gathered number now in its layer
      this._gatheredMarks = {};  // "g|layer|zoom|cell" → gathered number, of the last view
      this._spreading = null;  // the marks to spread apart, when each place has its own
      this._gathering = null;  // or the places per layer, when they are gathered
      this._map.on("zoomend", function () { if (this._spreading) this._spread(false); }, this);
      this._map.on("zoomend moveend", function () { if (this._gathering) this._gather(); }, this);
    },

    /* Marks that overlap on screen (several layers at one town; towns close together at a
       small zoom) are spread around their common centre on every zoom, so none hides
       another; each returns to its place once there is room. A crowd whose ring would move a
       mark further than SPREAD_REACH from its place is gathered per screen cell instead, as
       _gather does. `shown`: the marks of a new window, moved before they are shown (the
       caller tells the labels). */
    _spread: function (shown) {
      var map = this._map, marks = this._spreading;
      var biggestRadius = 0;
      marks.forEach(function (m) { biggestRadius = Math.max(biggestRadius, m.getRadius()); });
      var zoom = map.getZoom(), pts = marks.map(function (m) { return map.project(m.geomapHome, zoom); });
      var parent = marks.map(function (m, i) { return i; }), cells = {}, CELL = 2 * (biggestRadius + 2);
      function root(i) { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; }
      // Only marks in neighbouring cells (as wide as two of the biggest marks) can touch.
      pts.forEach(function (p, i) {
        var cx = Math.floor(p.x / CELL), cy = Math.floor(p.y / CELL);
        for (var x = cx - 1; x <= cx + 1; x++) {
          for (var y = cy - 1; y <= cy + 1; y++) {
            (cells[x + ":" + y] || []).forEach(function (j) {
              if (p.distanceTo(pts[j]) < marks[i].getRadius() + marks[j].getRadius() + 2) parent[root(i)] = root(j);
            });
          }
        }
        (cells[cx + ":" + cy] = cells[cx + ":" + cy] || []).push(i);
      });
      var clusters = {}, crowd = [];
      marks.forEach(function (m, i) { (clusters[root(i)] = clusters[root(i)] || []).push(i); });
      Object.keys(clusters).forEach(function (key) {
        var members = clusters[key];
        if (members.length === 1) {
          home(marks[members[0]]);  // redraw only what moves
          return;
        }
        var c = L.point(0, 0), biggest = 0;
        members.forEach(function (i) { c = c.add(pts[i]); biggest = Math.max(biggest, marks[i].getRadius()); });
        c = c.divideBy(members.length);
        // Around a circle whose chords between neighbours clear two of the biggest marks.
        var ring = (biggest + 2) / Math.sin(Math.PI / members.length);
        var spots = members.map(function (i) { return {i: i, a: Math.atan2(pts[i].y - c.y, pts[i].x - c.x) + 1e-6 * i}; })
          .sort(function (x, y) { return x.a - y.a; })
          .map(function (m, k) {
            var a = -Math.PI / 2 + 2 * Math.PI * k / members.length;
            return {i: m.i, at: c.add(L.point(ring * Math.cos(a), ring * Math.sin(a)))};
          });
        if (spots.some(function (m) { return m.at.distanceTo(pts[m.i]) > SPREAD_REACH; })) {
          members.forEach(function (i) { crowd.push(marks[i].geomapEntry); });
          return;
        }
        spots.forEach(function (m) {
          var at = map.unproject(m.at, zoom);
          if (!marks[m.i].getLatLng().equals(at)) marks[m.i].setLatLng(at);  // a kept mark may stand there
          marks[m.i].geomapMoved = true;
        });
      });
      var inCrowd = {};
      crowd.forEach(function (entry) { inCrowd[entry.key] = true; });
      this._showPoints(marks.filter(function (m) { return !inCrowd[m.geomapPoint]; })
        .concat(this._cells(this._byLayer(crowd), null)));
      if (!shown) map.fire("geomapmarksmoved");
    },

    /* The places of `entries` per layer, each with its latlng. */
    _byLayer: function (entries) {
      var byLayer = {};
      entries.forEach(function (entry) {
        entry.latlng = L.latLng(entry.place.lat, entry.place.lon);
        (byLayer[entry.layer] = byLayer[entry.layer] || []).push(entry);
      });
      return byLayer;
    },

    /* Many places: per zoom level, the marks of a layer that fall in one grid cell of the
       screen become one numbered circle (a click zooms in), and only the visible area is
       drawn. Each place's own mark appears once it has a cell to itself. A cell's number stays
       from one view or window to the next, rewritten only where its places or count changed. */
    _gather: function () {
      this._showPoints(this._cells(this._gathering, this._map.getBounds().pad(0.25)));
    },

    /* The marks of the places `byLayer` (those in `view`, or all): per layer and screen cell,
       a place's own mark (at its place) or a gathered number. */
    _cells: function (byLayer, view) {
      var self = this, map = this._map, CELL = 84;
      var zoom = map.getZoom(), marks = [], last = this._gatheredMarks, now = {};
      // Each place's pixel at this zoom, worked out once for every window and view at it.
      var px = this._placePx = this._placePx && this._placePx.zoom === zoom ? this._placePx : {zoom: zoom, at: {}};
      Object.keys(byLayer).forEach(function (id) {
        var cells = {};
        byLayer[id].forEach(function (entry) {
          if (view && !view.contains(entry.latlng)) return;
          var p = px.at[entry.place.id] || (px.at[entry.place.id] = map.project(entry.latlng, zoom));
          var cell = zoom >= GATHER_BELOW_ZOOM ? entry.place.id
              : Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
          (cells[cell] = cells[cell] || []).push(entry);
        });
        Object.keys(cells).forEach(function (cell) {
          var group = cells[cell];
          if (group.length === 1) {
            marks.push(home(self._pointFor(group[0])));
            return;
          }
          var key = "g|" + id + "|" + zoom + "|" + cell, box = null;
          if (zoom < GATHER_BELOW_ZOOM) {
            // The circle stands at its places' centre, kept off the cell's edges: circles of
            // neighbouring cells then never sit one on another (a centre on either side of a
            // cell border would put two of one layer in one spot).
            var sx = 0, sy = 0;
            group.forEach(function (entry) { var q = px.at[entry.place.id]; sx += q.x; sy += q.y; });
            var col = Math.floor(sx / group.length / CELL), row = Math.floor(sy / group.length / CELL);
            var inner = CELL * GATHER_KEEP_OFF;
            box = L.point(Math.min(Math.max(sx / group.length, col * CELL + inner), (col + 1) * CELL - inner),
                          Math.min(Math.max(sy / group.length, row * CELL + inner), (row + 1) * CELL - inner));
            box = map.unproject(box, zoom);
          }
          marks.push(now[key] = self._gatheredMark(id, group, zoom, key, last[key], box));
        });
      });
      this._gatheredMarks = now;
      return marks;
    },

    /* The numbered circle of the places `entries` of a layer; `was`: the one of this cell in
       the last view, kept and moved or rewritten where its places or count changed. */
    _gatheredMark: function (layerId, entries, zoom, key, was, where) {
      var map = this._map, color = this._layerById[layerId].layer.color, count = 0, lat = 0, lon = 0, E = this._events;
      var places = entries.map(function (e) { return e.key; }).join(" ");
      entries.forEach(function (e) { count += E.eventsIn(e.idx); lat += e.place.lat; lon += e.place.lon; });
      // Each layer's numbered circle stands off the centre in a direction of its own, so the
      // circles of several layers that gather in one cell sit side by side, not one on another.
      var layers = this._data.layers.length, angle = 2 * Math.PI * this._layerById[layerId].index / layers;
      var at = where || L.latLng(lat / entries.length, lon / entries.length), mark = was, info = mark && mark.geomapGathered;
      function paint() { if (mark.getElement()) mark.getElement().style.background = color; }
      // Its number and title (the words of both) are written only when they change.
      function icon() {
        var size = Math.round(22 + 6 * Math.log10(count)), off = layers > 1 ? GATHERED_OFFSET * size : 0;
        return L.divIcon({className: "geomap-gathered geomap-layer-" + layerId, iconSize: [size, size],
                          iconAnchor: [size / 2 - off * Math.cos(angle), size / 2 - off * Math.sin(angle)],
                          html: el("span", null, count > 999 ? L.geomap.words.get("gathered.thousands", {n: Math.round(count / 1000)}) : String(count))});
      }
      function title() {
        return L.geomap.words.get("gathered.title", {events: L.geomap.words.plural("count.events", count),
                                                     places: L.geomap.words.plural("count.places", entries.length)});
      }
      if (mark) {
        var before = info.entries.length;
        info.entries = entries;
        if (info.places !== places) {  // other places in this cell: their centre
          info.places = places;
          if (!mark.getLatLng().equals(at)) mark.setLatLng(at);
        }
        if (info.events !== count || before !== entries.length) {
          info.events = count;
          mark.options.title = title();
          mark.setIcon(icon());  // Leaflet rewrites a divIcon's element in place
          mark.setZIndexOffset(-1000 * mark.options.icon.options.iconSize[0]);
          paint();
        }
        return mark;
      }
      // the smaller circle on top: a big one peeps out around it, a small one under a big one not
      mark = L.marker(at, {icon: icon(), keyboard: true, title: title()});
      mark.setZIndexOffset(-1000 * mark.options.icon.options.iconSize[0]);
      mark.geomapGathered = {layer: layerId, entries: entries, events: count, places: places};
      mark.geomapPoint = key;
      mark.geomapLayer = layerId;
      mark.on("add", paint);
      mark.on("click", function () {
        map.fitBounds(L.latLngBounds(mark.geomapGathered.entries.map(function (e) { return e.latlng; })).pad(0.1),
                      {maxZoom: Math.max(zoom + 2, 3)});
      });
      return mark;
    },

    /* The vector basemap: country outlines, drawn once into their own base layer. */
    _drawBasemap: function (basemap) {
      var map = this._map, data = this._data;
      if (basemap && data.basemap) {
        data.basemap.forEach(function (country) {
          L.polygon(L.geomap.decodeOutline(country.shape), {pane: "geomap-basemap", interactive: false,
            color: "#9aa4ad", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1}).addTo(basemap);
        });
      }
      function seaColour(e) {
        map.getContainer().style.background = e.layer === basemap ? "#d8e6ef" : "";
      }
      map.on("baselayerchange", seaColour);
      if (basemap && map.hasLayer(basemap)) seaColour({layer: basemap});
    },

    /* Buttons for the framings Python derived from the data (view.py `framings`): all the
       events, or one country's (the report: "Ukraine"), without a view of empty land. */
    _framingButtons: function () {
      var map = this._map, data = this._data, framings = data.framings || [];
      if (!framings.length) return;
      var control = L.control({position: "topleft"});
      control.onAdd = function () {
        var bar = L.DomUtil.create("div", "leaflet-bar geomap-framings");
        bar.setAttribute("role", "group");
        bar.setAttribute("aria-label", L.geomap.words.get("framing.group"));
        [{name: L.geomap.words.get("framing.all"), bounds: null}].concat(framings).forEach(function (framing) {
          var button = L.DomUtil.create("button", "", bar);
          button.type = "button";
          button.textContent = framing.name;
          L.DomEvent.on(button, "click", function (e) {
            L.DomEvent.stop(e);
            map.closePopup();
            L.geomap.fitView(map, data, framing.bounds);
          });
        });
        L.DomEvent.disableClickPropagation(bar);
        return bar;
      };
      control.addTo(map);
    },

    /* Credit the data beside the tiles' own attribution (as text, never HTML). */
    _credit: function () {
      var credit = el("span", null, this._data.attribution);
      this._map.attributionControl.addAttribution(credit.innerHTML);
    }
  });

  /* Popups open clear of the map's own boxes (title, legend, layer control, buttons, scale,
     attribution): Leaflet's autoPan knows only the map's edges, so after a popup opens the map
     pans by the smallest offset, among those that line the popup up beside each box, that
     leaves it clear of every box and inside the map. */
  var PAD = 8;
  var GATHERED_OFFSET = 0.8;  // of its size: how far a layer's numbered circle stands off its centre
  var GATHER_KEEP_OFF = 0.4;  // of a cell: how far a numbered circle's centre stays from the cell's edges
  var APPROXIMATE_RIM = 6;  // px: the broken rim of an approximate point, thrice a town's outline
  var controlBoxes = L.geomap.controlBoxes;  // labels.js
  var POPUP_FRAME = 40;  // px a popup takes beyond its content: margins, the tip under it
  /* The tallest free height for a popup `width` px wide: over every column of that width that
     lines up with the map's edge or beside a box (where clearOfControls may pan the popup to),
     the longest stretch no box crosses. Counting each box as if it spanned the whole map left a
     popup at 1280x800 120 px tall, because the legend at the right reaches below the middle. */
  function popupRoom(map, width) {
    var size = map.getSize(), boxes = controlBoxes(map), best = 0, lefts = [PAD, size.x - PAD - width];
    boxes.forEach(function (b) { lefts.push(b[2] + PAD, b[0] - PAD - width); });
    lefts.forEach(function (left) {
      if (left < 0 || left + width > size.x) return;
      var across = boxes.filter(function (b) { return b[0] < left + width && left < b[2]; })
        .sort(function (a, b) { return a[1] - b[1]; });
      var top = 0;
      across.forEach(function (b) {
        best = Math.max(best, b[1] - top);
        top = Math.max(top, b[3]);
      });
      best = Math.max(best, size.y - top);
    });
    return best;
  }
  function clearOfControls(map, popup) {
    var node = popup.getElement();
    if (!node) return;
    var origin = map.getContainer().getBoundingClientRect(), r = node.getBoundingClientRect(), size = map.getSize();
    var box = [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top];
    var controls = controlBoxes(map);
    var xs = [0, PAD - box[0], size.x - PAD - box[2]], ys = [0, PAD - box[1], size.y - PAD - box[3]];
    controls.forEach(function (c) {
      xs.push(c[2] + PAD - box[0], c[0] - PAD - box[2]);
      ys.push(c[3] + PAD - box[1], c[1] - PAD - box[3]);
    });
    function overlap(dx, dy) {
      var b = [box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy], area = 0;
      var outside = Math.max(0, -b[0]) + Math.max(0, b[2] - size.x) + Math.max(0, -b[1]) + Math.max(0, b[3] - size.y);
      controls.forEach(function (c) {
        area += Math.max(0, Math.min(b[2], c[2]) - Math.max(b[0], c[0])) * Math.max(0, Math.min(b[3], c[3]) - Math.max(b[1], c[1]));
      });
      return area + 1000 * outside;
    }
    var best = null;
    xs.forEach(function (dx) {
      ys.forEach(function (dy) {
        var cost = overlap(dx, dy) * 1e6 + Math.abs(dx) + Math.abs(dy);
        if (!best || cost < best.cost) best = {dx: dx, dy: dy, cost: cost};
      });
    });
    if (best && (best.dx || best.dy)) map.panBy([-best.dx, -best.dy], {animate: false});
  }

  /* Badges sit in rows of at most BADGE_ROW, centred under the country's name. */
  var BADGE_ROW = 3;
  function badgeAnchor(index, total, width) {
    var row = Math.floor(index / BADGE_ROW), inRow = Math.min(BADGE_ROW, total - row * BADGE_ROW);
    var step = width + 2, column = index % BADGE_ROW;
    return [(inRow * step - 2) / 2 - column * step, -9 - row * 18];
  }

  /* Whether `style` changes any of the layer's options (a kept mark or region restyled only
     then: each write redraws it). */
  function restyled(layer, style) {
    return Object.keys(style).some(function (k) { return layer.options[k] !== style[k]; });
  }

  /* A point mark back at its own place, if spreading had moved it. */
  function home(mark) {
    if (mark.geomapMoved) mark.setLatLng(mark.geomapHome);
    mark.geomapMoved = false;
    return mark;
  }

  function centre(layer) {
    return layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter();
  }
})();
