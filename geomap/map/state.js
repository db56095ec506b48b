/* geomap: the reader's view in the page's address, so a link (or `geomap embed`) shows it.
 *
 *   #layers=crossings,protests&view=49.98,36.25,7&from=2022-03-01&to=2022-03-31&event=ID
 *
 * layers: the layers shown (absent: all; empty: none); view: lat,lon,zoom or a place (an id,
 * or a name this map's search knows: "kharkiv"); from, to: the time window, read and set only
 * through the time control's `map.geomapTime` and its event `geomap:timechange` (a map
 * without one ignores them); event: the event whose popup is open.
 *
 * The fragment is untrusted input: each value is checked against this map (its layers, its
 * places, its events, real dates), anything else is ignored without a word, and nothing of it
 * ever reaches the page as markup or code. The address is rewritten in place
 * (history.replaceState) as the reader changes the view: no entry in the history per move.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  var KEYS = ["layers", "view", "from", "to", "event"];
  var MAX_FRAGMENT = 2000;  // characters: more than any state of a map needs
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var NUMBER = /^-?\d{1,3}(\.\d{1,8})?$/;

  /* The fragment's values by key: only the known keys, each once (the first), as text. */
  function readFragment(hash) {
    var out = {};
    var text = String(hash || "").replace(/^#/, "");
    if (!text || text.length > MAX_FRAGMENT) return out;
    text.split("&").forEach(function (pair) {
      var at = pair.indexOf("="), key = at < 0 ? pair : pair.slice(0, at), value;
      if (KEYS.indexOf(key) < 0 || Object.prototype.hasOwnProperty.call(out, key)) return;
      try {
        value = decodeURIComponent(at < 0 ? "" : pair.slice(at + 1).replace(/\+/g, " "));
      } catch (e) {
        return;  // a broken %-escape: that value is ignored
      }
      out[key] = value;
    });
    return out;
  }

  function isDate(text) {
    var m = DATE.exec(text);
    if (!m) return false;
    var d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.toISOString().slice(0, 10) === text;  // 2022-02-30 is not a day
  }

  /* A value as the address writes it: letters, digits and , : - . _ kept readable. */
  function encode(value) {
    return encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":");
  }

  L.geomap.readFragment = readFragment;

  L.geomap.State = L.Class.extend({
    initialize: function (map, data, search) {
      var self = this;
      this._map = map;
      this._data = data;
      this._search = search;
      this._groups = map.geomapDrawing ? map.geomapDrawing.groups() : {};
      this._layerIds = data.layers.map(function (l) { return l.id; }).filter(function (id) { return self._groups[id]; });
      this._state = {};
      map.geomapState = this;  // for scripts and tests: fragment, restore
      this.restore(window.location.hash);
      map.on("layeradd layerremove", function (e) {
        if (!self._restoring && self._isEventLayer(e.layer)) self._set("layers", self._layersShown());
      });
      map.on("moveend", function () { if (!self._restoring) self._set("view", self._viewNow()); });
      map.on("geomap:timechange", function () {
        if (self._restoring) return;
        var window_ = map.geomapTime ? map.geomapTime.get() : null;
        self._state.from = window_ ? window_[0] : null;
        self._set("to", window_ ? window_[1] : null);
      });
      map.on("popupopen", function (e) {
        var events = e.popup.geomapEvents;
        if (!events || self._restoring) return;
        data.events.whenTexts(function () { self._set("event", data.events.get(events[0]).id); });
      });
      map.on("popupclose", function (e) {
        if (e.popup.geomapEvents && !self._restoring) self._set("event", null);
      });
      // The reader (or a script) edits the address by hand: show what it now says.
      window.addEventListener("hashchange", function () { self.restore(window.location.hash); });
    },

    /* Shows what the fragment says, as far as it is valid for this map. */
    restore: function (hash) {
      var given = readFragment(hash), map = this._map, self = this, state = this._state = {};
      this._restoring = true;
      try {
        // No layers key is every layer (as a map opens); one that is not valid changes nothing.
        var layers = given.layers === undefined ? this._layerIds : this._validLayers(given.layers);
        if (layers) {
          this._layerIds.forEach(function (id) {
            var on = layers.indexOf(id) >= 0, group = self._groups[id];
            if (on && !map.hasLayer(group)) map.addLayer(group);
            if (!on && map.hasLayer(group)) map.removeLayer(group);
          });
          if (given.layers !== undefined) state.layers = given.layers;
        }
        if (map.geomapTime && isDate(given.from || "") && isDate(given.to || "") && given.from <= given.to) {
          map.geomapTime.set(given.from, given.to);
          state.from = given.from;
          state.to = given.to;
        }
        var view = this._validView(given.view);
        if (view) {
          if (view.place !== undefined) this._search.frame(view.place, true);
          else map.setView(view.latlng, view.zoom, {animate: false});
          state.view = given.view;
        }
        map.closePopup();
        if (typeof given.event === "string" && given.event) {
          // The ids are read with the events' prose (at once on a small map, once drawn on a big one).
          // An address changed again before it is in (the reader cleared the fragment, or
          // named another event) has closed this popup already: it must not open after all.
          var E = this._data.events;
          E.whenTexts(function () {
            if (self._state !== state) return;
            var i = self._eventIndex(given.event);
            if (i === null) return;
            var was = self._restoring;
            self._restoring = true;
            try { self._openEvent(i); } finally { self._restoring = was; }
            state.event = given.event;
          });
        }
      } finally {
        this._restoring = false;
      }
    },

    /* The layer ids of `value` ("a,b"; "" for none), or null unless every one is a layer
       of this map. */
    _validLayers: function (value) {
      if (typeof value !== "string") return null;
      if (value === "") return [];
      var ids = value.split(","), known = this._layerIds;
      return ids.every(function (id) { return known.indexOf(id) >= 0; }) ? ids : null;
    },

    /* {latlng, zoom} of "lat,lon,zoom", or {place: row} of a place on this map; null else. */
    _validView: function (value) {
      if (typeof value !== "string" || !value) return null;
      var parts = value.split(",");
      if (parts.length === 3 && parts.every(function (p) { return NUMBER.test(p); })) {
        var lat = Number(parts[0]), lon = Number(parts[1]), zoom = Number(parts[2]);
        if (Math.abs(lat) > 90 || Math.abs(lon) > 360 || zoom < 0 || zoom > 20) return null;
        var map = this._map;
        return {latlng: L.latLng(lat, lon), zoom: Math.min(Math.max(zoom, map.getMinZoom()), map.getMaxZoom())};
      }
      var row = this._search ? this._search.placeFor(value) : null;
      return row === null ? null : {place: row};
    },

    _eventIndex: function (id) {
      if (typeof id !== "string" || !id) return null;
      var E = this._data.events, ids = this._ids;
      if (!ids) {
        ids = this._ids = {};
        for (var i = 0; i < E.n; i++) ids[E.get(i).id] = i;
      }
      return Object.prototype.hasOwnProperty.call(ids, id) ? ids[id] : null;
    },

    /* The popup of event i: its mark's popup when i comes first in it (a link made by
       opening a mark shows that mark's popup again), else i's alone. */
    _openEvent: function (i) {
      var E = this._data.events, drawing = this._map.geomapDrawing, search = this._search;
      if (!drawing) return;
      var rows = [];
      E.eachPlace(i, function (row) { rows.push(row); });
      if (!rows.length && E.hasRoute(i)) rows.push(search.placeFor(E.route(i)[0].id));
      if (!rows.length || rows[0] === null) return;
      var layer = E.layer(i), chosen = [i], row = rows[0];
      rows.some(function (r) {
        var group = search.eventsAt(r).filter(function (j) {
          var here = false;
          E.eachPlace(j, function (p) { here = here || p === r; });
          return here && E.layer(j) === layer;
        });
        if (group[0] === i) { chosen = group; row = r; return true; }
        return false;
      });
      var place = E.places[row];
      drawing.openEvents(chosen, place, L.latLng(place.lat, place.lon));
    },

    _isEventLayer: function (layer) {
      var groups = this._groups;
      return Object.keys(groups).some(function (id) { return groups[id] === layer; });
    },

    _layersShown: function () {
      var map = this._map, groups = this._groups;
      var on = this._layerIds.filter(function (id) { return map.hasLayer(groups[id]); });
      return on.length === this._layerIds.length ? null : on.join(",");
    },

    _viewNow: function () {
      var map = this._map, c = map.getCenter(), zoom = map.getZoom();
      var digits = Math.max(1, Math.min(5, Math.round(zoom / 3) + 1));  // a pixel or less
      return [c.lat.toFixed(digits), L.Util.wrapNum(c.lng, [-180, 180], true).toFixed(digits), Number(zoom.toFixed(2))].join(",");
    },

    _set: function (key, value) {
      this._state[key] = value;
      this.write();
    },

    /* The fragment of the state now; null values left out. */
    fragment: function () {
      var state = this._state;
      return KEYS.filter(function (key) { return typeof state[key] === "string"; })
        .map(function (key) { return key + "=" + encode(state[key]); }).join("&");
    },

    write: function () {
      var fragment = this.fragment(), here = window.location;
      var url = here.pathname + here.search + (fragment ? "#" + fragment : "");
      try {
        window.history.replaceState(window.history.state, "", url);
      } catch (e) {
        // A browser that refuses to rewrite this page's address (some sandboxed frames):
        // the map works on, without a shareable address.
      }
    }
  });
})();
