/* geomap: the events' columns as payload.py `encode_events` carries them, read from the
 * declaration it sends beside them (geomap/events/record.py): no column, certainty or kind of
 * count is spelled here.
 *
 * Read lazily: grouping and drawing use the integer columns directly, and an event becomes an
 * object only when a popup, the table or the download needs it (100,000 objects up front
 * cost seconds of garbage collection).
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  function expand(col, n) {
    if (Array.isArray(col)) return col;
    var out = new Array(n);
    if ("c" in col) return out.fill(col.c);
    out.fill(col.e === undefined || col.e === null ? null : []);
    col.s.forEach(function (pair) { out[pair[0]] = pair[1]; });
    return out;
  }

  var isoCache = {};
  function iso(day) {
    if (day === null || day === undefined) return null;
    return isoCache[day] || (isoCache[day] = new Date(day * 86400000).toISOString().slice(0, 10));
  }

  L.geomap.Events = L.Class.extend({
    initialize: function (encoded, layers) {
      var self = this, strings = encoded.strings, fields = encoded.fields;
      if (!encoded.record || !encoded.columns) throw new Error("the page's events are not in the expected form");
      this.n = encoded.n;
      this._encoded = encoded;
      this._layers = layers;
      this._strings = strings;
      this._record = encoded.record;
      this._countKinds = encoded.count_kinds || {};
      // A dataset's map groups events into marks (payload.py events_per_mark): each mark's
      // number of events, which every count the page shows adds up; else each mark is one.
      this._weights = encoded.weights || null;
      this.total = this._weights ? this._weights.reduce(function (a, b) { return a + b; }, 0) : this.n;
      this._cols = {};
      Object.keys(encoded.columns).forEach(function (name) { self._cols[name] = expand(encoded.columns[name], self.n); });
      this._column = {};   // the declaration of each column, by name
      var sourcePart = 0;
      this._record.forEach(function (column) {
        self._column[column.name] = column;
        if (column.kind === "source_field") column.part = sourcePart++;
        else if (!self._cols[column.name]) throw new Error("the page's events lack a declared column");
      });
      this.places = encoded.places.map(function (row) {
        var place = {};
        fields.forEach(function (f, k) { if (row[k] !== null) place[f] = row[k]; });
        place.written = place.name;
        return place;
      });
      this._texts = null;   // the prose table
      this._waiting = [];   // who waits for it
      this._cache = {};
      this._index = new WeakMap();  // an event object -> its index
      // Used as callbacks (idx.map(E.get), promise.then(E.setTexts)).
      this.get = L.bind(this.get, this);
      this.setTexts = L.bind(this.setTexts, this);
      this.unverified = L.bind(this.unverified, this);
    },

    _text: function (i) { return i === null || i === undefined ? null : this._strings[i]; },

    _records: function (flat) {
      var out = [];
      for (var k = 0; flat && k < flat.length; k += 2) {
        var place = this.places[flat[k]];
        out.push(flat[k + 1] === -1 ? place : Object.assign({}, place, {written: this._strings[flat[k + 1]]}));
      }
      return out;
    },

    _counts: function (flat) {
      var counts = {};
      for (var c = 0; flat && c < flat.length; c += 3) {
        counts[this._strings[flat[c]]] = flat[c + 2] === null ? {value: flat[c + 1]}
          : {value: flat[c + 1], qualifier: this._strings[flat[c + 2]]};
      }
      return counts;
    },

    /* One value of event i, as the column's declaration says it is carried. */
    _value: function (column, i) {
      var cols = this._cols;
      if (column.kind === "source_field") return this._encoded.sources[cols.source[i]][column.part];
      var v = cols[column.name][i];
      switch (column.kind) {
        case "plain": return v;
        case "layer_index": return this._layers[v].id;
        case "prose": return v === null || v === undefined ? null : this._texts[v];
        case "text": return this._text(v);
        case "text_list": return (v || []).map(this._text, this);
        case "day_number": return iso(v);
        case "days_after": return iso(cols[column.after][i] + v);
        case "choice": return column.choices[v];
        case "place_list": return this._records(v);
        case "count_list": return this._counts(v);
      }
      throw new Error("the page cannot read a column of kind " + column.kind);
    },

    /* Event i as an object (as GeoJSON properties); only once the prose is in: see whenTexts. */
    get: function (i) {
      if (this._cache[i]) return this._cache[i];
      var ev = {};
      for (var k = 0; k < this._record.length; k++) ev[this._record[k].name] = this._value(this._record[k], i);
      this._index.set(ev, i);
      return (this._cache[i] = ev);
    },
    /* Which event an object of get() is (text.js: the languages of its texts). */
    indexOf: function (ev) { return this._index.get(ev); },

    /* Event i as a GeoJSON feature: its route as a LineString, else its one place as a Point
       or its places as a MultiPoint (as geomap/events/record.py `geometry`). */
    feature: function (i) {
      var ev = this.get(i), route = ev.route.length > 0;
      var points = (route ? ev.route : ev.places).map(function (p) { return [p.lon, p.lat]; });
      var geometry = route ? {type: "LineString", coordinates: points}
        : points.length === 1 ? {type: "Point", coordinates: points[0]} : {type: "MultiPoint", coordinates: points};
      return {type: "Feature", geometry: geometry, properties: ev};
    },

    setTexts: function (table) {
      this._texts = table;
      this._waiting.splice(0).forEach(function (then) { then(); });
    },
    /* Runs `then` once the prose is in: at once on small maps and once a big map is drawn. */
    whenTexts: function (then) {
      if (this._texts) then(); else this._waiting.push(then);
    },
    hasTexts: function () { return this._texts !== null; },

    route: function (i) { return this._records(this._cols.route[i]); },
    layer: function (i) { return this._layers[this._cols.layer[i]].id; },
    /* Calls back with each place of event i (no array made: it runs for every event). */
    eachPlace: function (i, callback) {
      var flat = this._cols.places[i];
      for (var k = 0; flat && k < flat.length; k += 2) callback(flat[k]);
    },
    /* Event i's days as numbers since 1970-01-01 (a week or month spans its days), and the
       day its running totals are as of (NaN when none): the time window reads these. */
    startDay: function (i) { return this._cols.start[i]; },
    endDay: function (i) { return this._cols.start[i] + this._cols.end[i]; },
    asOfDay: function (i) { var v = this._cols.as_of[i]; return v === null || v === undefined ? NaN : v; },
    layerIndex: function (i) { return this._cols.layer[i]; },
    /* How many events mark i stands for (1 but on a dataset's grouped map). */
    weight: function (i) { return this._weights ? this._weights[i] : 1; },
    /* The events the marks `idx` stand for. */
    eventsIn: function (idx) {
      if (!this._weights) return idx.length;
      var sum = 0;
      for (var k = 0; k < idx.length; k++) sum += this._weights[idx[k]];
      return sum;
    },
    /* Calls back with the name of each count of event i. */
    eachCountName: function (i, callback) {
      var flat = this._cols.counts[i];
      for (var c = 0; flat && c < flat.length; c += 3) callback(this._strings[flat[c]]);
    },
    /* The route's places as one key (an event drawn as a route has no `places` of its own). */
    routeKey: function (i) { return (this._cols.route[i] || []).filter(function (v, k) { return k % 2 === 0; }).join(">"); },
    placeCount: function (i) { return this._cols.places[i] ? this._cols.places[i].length / 2 : 0; },
    hasRoute: function (i) { return (this._cols.route[i] || []).length > 2; },
    /* The least certain level (the last of the order Python sends) is drawn dashed and pale. */
    unverified: function (i) {
      return this._cols.certainty[i] === this._column.certainty.choices.length - 1;
    },
    leastCertain: function () {
      var choices = this._column.certainty.choices;
      return choices[choices.length - 1];
    },
    /* "money_amount", "duration", "age" or "number": decided in Python from the count's name. */
    countKind: function (name) { return this._countKinds[name] || "number"; },
    /* The largest number (of people, cases, things) an event gives: not money, time or age. */
    maxCount: function (i) {
      var flat = this._cols.counts[i] || [], best = 0;
      for (var c = 0; c < flat.length; c += 3) {
        if (this.countKind(this._strings[flat[c]]) === "number") best = Math.max(best, Number(flat[c + 1]) || 0);
      }
      return best;
    }
  });

  /* Outlines arrive as [scale, polygons of rings of delta-encoded integers] (payload.py);
     they become rings of L.LatLng for L.polygon, decoded once however many layers use them. */
  L.geomap.decodeOutline = function (encoded) {
    var scale = encoded[0];
    return encoded[1].map(function (rings) {
      return rings.map(function (flat) {
        var ring = new Array(flat.length / 2), x = 0, y = 0;
        for (var i = 0; i < flat.length; i += 2) {
          x += flat[i];
          y += flat[i + 1];
          ring[i / 2] = L.latLng(y / scale, x / scale);
        }
        return ring;
      });
    });
  };
})();
