/* geomap: the time window. A range slider over the events' dates, with a histogram of events
 * per day or week and play/pause, in the map's lower left corner.
 *
 * L.geomap.TimeIndex decides which events a window shows: ONE filter (a Uint8Array, 1 per
 * event shown) that draw.js hands to the marks, the shading, the gathered numbers, the layer
 * counts, the table and the download alike. An event shows when its [start, end] overlaps the
 * window (a week or month spans its days, so a window touching March shows "March 2022").
 * Running totals (`as_of`) are never summed: for each series (one place, one layer, one count
 * name) the window shows the latest report made by its end, and none before the first.
 *
 * The map object carries map.geomapTime = {get, set} and fires "geomap:timechange" with
 * {from, to} (ISO days) whenever the window changes.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  // Every word comes from the map's catalogue (L.geomap.words); the window's ends are any
  // day, so they are written by the browser's CLDR data in the map's language.
  var words = L.geomap.words, dayFormats = {};
  function dayFormat(style) {
    if (!dayFormats[style]) {
      dayFormats[style] = new Intl.DateTimeFormat(words.locale(), {
        day: "numeric", month: style, year: "numeric", timeZone: "UTC"
      });
    }
    return dayFormats[style];
  }
  var DAY_MS = 86400000;
  var DAILY_UP_TO = 120;  // days: a longer span gets a bar per week
  var PLAY_STEP_MS = 700;
  var SHORT_MAP = 450;  // px: a map this short shows the control without its bars

  function date(day) { return new Date(day * DAY_MS); }
  function iso(day) { return date(day).toISOString().slice(0, 10); }
  /* "2022-03-07" → its day number, or NaN for anything that is not a real day. */
  function dayOf(text) {
    if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return NaN;
    var d = Date.parse(text + "T00:00:00Z");
    return isNaN(d) || iso(d / DAY_MS) !== text ? NaN : d / DAY_MS;
  }
  function spoken(day) { return dayFormat("long").format(date(day)); }
  function shortDay(day) { return dayFormat("short").format(date(day)); }
  /* The same day of the month `months` months later (or earlier), kept within the month. */
  function addMonths(day, months) {
    var d = date(day), y = d.getUTCFullYear(), m = d.getUTCMonth() + months;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
  }
  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  /* Which events a window shows; built once from the decoded columns (events.js). */
  L.geomap.TimeIndex = L.Class.extend({
    initialize: function (events) {
      var n = this.n = events.n, lo = Infinity, hi = -Infinity, series = {};
      this._start = new Float64Array(n);
      this._end = new Float64Array(n);
      this._asOf = new Float64Array(n);
      this._layer = new Int32Array(n);
      this._weight = new Float64Array(n);  // events per mark (events.js weight)
      this.total = events.total;
      for (var i = 0; i < n; i++) {
        var s = this._start[i] = events.startDay(i), e = this._end[i] = events.endDay(i);
        var a = this._asOf[i] = events.asOfDay(i);
        this._layer[i] = events.layerIndex(i);
        this._weight[i] = events.weight(i);
        if (isNaN(a)) {
          lo = Math.min(lo, s);
          hi = Math.max(hi, e);
          continue;
        }
        lo = Math.min(lo, a);
        hi = Math.max(hi, a);
        // Its series: each place (or its route) × each count name, in its layer.
        var places = [], names = [];
        events.eachPlace(i, function (p) { places.push(p); });
        if (!places.length) places.push("r" + events.routeKey(i));
        events.eachCountName(i, function (name) { names.push(name); });
        if (!names.length) names.push("");
        for (var p = 0; p < places.length; p++) {
          for (var c = 0; c < names.length; c++) {
            var key = places[p] + "|" + this._layer[i] + "|" + names[c];
            (series[key] = series[key] || []).push(i);
          }
        }
      }
      var asOf = this._asOf;
      // Each series in order of its reports, as [indexes, their days].
      this._series = Object.keys(series).map(function (key) {
        var idx = series[key].sort(function (x, y) { return asOf[x] - asOf[y] || x - y; });
        return {idx: idx, days: idx.map(function (k) { return asOf[k]; })};
      });
      this.extent = n ? [lo, hi] : null;
    },

    /* 1 for each event the window [from, to] (day numbers) shows, else 0. */
    shown: function (from, to) {
      var n = this.n, out = new Uint8Array(n), start = this._start, end = this._end, asOf = this._asOf;
      for (var i = 0; i < n; i++) {
        if (isNaN(asOf[i]) && start[i] <= to && end[i] >= from) out[i] = 1;
      }
      for (var k = 0; k < this._series.length; k++) {
        var days = this._series[k].days, idx = this._series[k].idx;
        var lo = 0, hi = days.length;  // the first report after `to`
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (days[mid] <= to) lo = mid + 1; else hi = mid;
        }
        // The latest report by the window's end, and any made the same day.
        for (var j = lo - 1; j >= 0 && days[j] === days[lo - 1]; j--) out[idx[j]] = 1;
      }
      return out;
    },

    /* Events per bar (a day, or a week from Monday when the span is long). */
    histogram: function () {
      var lo = this.extent[0], hi = this.extent[1], unit = hi - lo + 1 <= DAILY_UP_TO ? 1 : 7;
      var first = unit === 1 ? lo : lo - ((date(lo).getUTCDay() + 6) % 7);  // back to a Monday
      var bars = Math.floor((hi - first) / unit) + 1, diff = new Float64Array(bars + 1);
      for (var i = 0; i < this.n; i++) {
        var a = this._asOf[i];
        var s = isNaN(a) ? this._start[i] : a, e = isNaN(a) ? this._end[i] : a;
        // An event counts once in each bar it touches (a grouped mark, as its events).
        diff[Math.floor((s - first) / unit)] += this._weight[i];
        diff[Math.floor((e - first) / unit) + 1] -= this._weight[i];
      }
      var counts = new Array(bars), running = 0;
      for (var b = 0; b < bars; b++) counts[b] = running += diff[b];
      return {first: first, unit: unit, counts: counts};
    },

    /* Events shown per layer index. */
    perLayer: function (shown, layers) {
      var counts = new Array(layers).fill(0);
      for (var i = 0; i < this.n; i++) if (shown[i]) counts[this._layer[i]] += this._weight[i];
      return counts;
    }
  });

  /* The control; `options.window`: the first window as [fromISO, toISO] (geomap build --from
     --to), else all the events' dates. `onChange(shown)` redraws the page. */
  L.geomap.Time = L.Class.extend({
    initialize: function (map, index, options, onChange) {
      this._map = map;
      this._index = index;
      this._onChange = onChange;
      this._min = index.extent[0];
      this._max = index.extent[1];
      var first = (options && options.window) || [];
      this._from = clamp(isNaN(dayOf(first[0])) ? this._min : dayOf(first[0]), this._min, this._max);
      this._to = clamp(isNaN(dayOf(first[1])) ? this._max : dayOf(first[1]), this._from, this._max);
      this._reducedMotion = !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
      this._timer = null;
      this._pending = false;
      this.shown = index.shown(this._from, this._to);
      var self = this;
      map.geomapTime = {
        get: function () { return [iso(self._from), iso(self._to)]; },
        set: function (fromISO, toISO) { return self.set(fromISO, toISO); }
      };
    },

    /* Sets the window; a missing end is the events' first or last date, an invalid one is
       refused (false). Days outside the events' dates are brought within them. */
    set: function (fromISO, toISO) {
      var from = fromISO === null || fromISO === undefined ? this._min : dayOf(fromISO);
      var to = toISO === null || toISO === undefined ? this._max : dayOf(toISO);
      if (isNaN(from) || isNaN(to) || from > to) return false;
      this._window(clamp(from, this._min, this._max), clamp(to, this._min, this._max));
      return true;
    },

    addTo: function (map) {
      var self = this, control = L.control({position: "bottomleft"});
      control.onAdd = function () { return self._build(); };
      control.addTo(map);
      this._control = control;
      this._fit();
      map.on("resize", this._fit, this);
      this._show();
      this._showCount();
      return this;
    },

    _build: function () {
      var self = this, el = L.geomap.el;
      var box = this._box = L.DomUtil.create("div", "geomap-box geomap-time");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", words.get("time.group"));
      var head = el("div", "geomap-time-head");
      var play = this._play = el("button", "geomap-time-play");
      play.type = "button";
      head.appendChild(play);
      this._readout = el("span", "geomap-time-window");
      head.appendChild(this._readout);
      this._count = el("span", "geomap-time-count");
      head.appendChild(this._count);
      box.appendChild(head);
      var track = el("div", "geomap-time-track");
      this._canvas = el("canvas", "geomap-time-bars");
      this._canvas.setAttribute("aria-hidden", "true");
      track.appendChild(this._canvas);
      this._inputs = ["from", "to"].map(function (end) {
        var input = el("input", "geomap-time-" + end);
        input.type = "range";
        input.min = self._min;
        input.max = self._max;
        input.step = 1;
        input.setAttribute("aria-label", end === "from" ? words.get("time.from") : words.get("time.to"));
        input.addEventListener("input", function () { self._moved(end, Number(input.value)); });
        input.addEventListener("keydown", function (e) { self._key(e, end); });
        track.appendChild(input);
        return input;
      });
      box.appendChild(track);
      this._setPlay(false);
      L.DomEvent.on(play, "click", function (e) { L.DomEvent.stop(e); self._togglePlay(); });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      // A drag on the slider must not pan the map under it (touch screens).
      L.DomEvent.on(box, "pointerdown touchstart", L.DomEvent.stopPropagation);
      return box;
    },

    /* Arrow keys move a day (the range input's own step); PageUp and PageDown a month. */
    _key: function (e, end) {
      if (e.key !== "PageUp" && e.key !== "PageDown") return;
      e.preventDefault();
      var day = end === "from" ? this._from : this._to;
      this._moved(end, addMonths(day, e.key === "PageUp" ? 1 : -1));
    },

    /* One handle moved to `day`: it stops at the other one. */
    _moved: function (end, day) {
      this._stop();
      if (end === "from") this._window(clamp(day, this._min, this._to), this._to);
      else this._window(this._from, clamp(day, this._from, this._max));
    },

    _window: function (from, to) {
      var changed = from !== this._from || to !== this._to;
      this._from = from;
      this._to = to;
      this._show();
      if (!changed) return;
      this._map.fire("geomap:timechange", {from: iso(from), to: iso(to)});
      // Dragging sends many moves: the page redraws at most once a frame, for the latest.
      if (this._pending) return;
      this._pending = true;
      var self = this;
      requestAnimationFrame(function () {
        self._pending = false;
        self.redraw();
      });
    },

    /* Filters and redraws now; the page says which window it shows in data-geomap-time. */
    redraw: function () {
      var began = performance.now();
      this.shown = this._index.shown(this._from, this._to);
      this._onChange(this.shown);
      this._showCount();
      this._map.geomapTime.lastRedrawMs = performance.now() - began;  // bench/time_window.py
      document.documentElement.setAttribute("data-geomap-time", iso(this._from) + "/" + iso(this._to));
    },

    /* The handles, their spoken dates, the readout and the bars in the window. */
    _show: function () {
      if (!this._box) return;
      var ends = [this._from, this._to];
      this._inputs.forEach(function (input, k) {
        input.value = ends[k];
        input.setAttribute("aria-valuetext", spoken(ends[k]));
      });
      // The start handle on top when both sit at the end, so it can still be moved back.
      this._inputs[0].style.zIndex = this._from >= this._max - 1 ? 3 : 2;
      this._readout.textContent = this._from === this._to ? shortDay(this._from)
        : words.get("date.range", {start: shortDay(this._from), end: shortDay(this._to)});
      this._drawBars();
    },

    _showCount: function () {
      if (!this._count) return;
      var shown = 0, weight = this._index._weight;  // events, not marks
      for (var i = 0; i < this.shown.length; i++) if (this.shown[i]) shown += weight[i];
      this._count.textContent = words.plural("time.shown", this._index.total, {shown: words.number(shown)});
    },

    _fit: function () {
      // Beside the legend's button on a phone; never wider than the map leaves room for.
      var width = Math.max(180, Math.min(360, this._map.getSize().x - 130));
      this._box.style.width = width + "px";
      // Narrow: the readout alone on its line (the layer control and legend give the counts).
      L.DomUtil[width < 300 ? "addClass" : "removeClass"](this._box, "geomap-time-narrow");
      // Short (an article's 16:9 frame): no bars, so the map keeps its height for the marks.
      L.DomUtil[this._map.getSize().y < SHORT_MAP ? "addClass" : "removeClass"](this._box, "geomap-time-short");
      this._drawBars();
    },

    _drawBars: function () {
      var canvas = this._canvas, bars = this._bars = this._bars || this._index.histogram();
      var ratio = window.devicePixelRatio || 1, width = canvas.clientWidth, height = canvas.clientHeight;
      if (!width || !height) return;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      var g = canvas.getContext("2d"), most = Math.max.apply(null, bars.counts.concat([1]));
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.clearRect(0, 0, width, height);
      g.fillStyle = getComputedStyle(this._box).color;  // the box's text colour, light or dark
      var span = this._max - this._min + 1;
      for (var b = 0; b < bars.counts.length; b++) {
        if (!bars.counts[b]) continue;
        var day = bars.first + b * bars.unit, last = day + bars.unit - 1;
        var x0 = (Math.max(day, this._min) - this._min) / span * width;
        var x1 = (Math.min(last, this._max) - this._min + 1) / span * width;
        var h = Math.max(2, bars.counts[b] / most * height);
        g.globalAlpha = last >= this._from && day <= this._to ? 0.8 : 0.25;  // in the window, or not
        g.fillRect(x0, height - h, Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)), h);
      }
    },

    _setPlay: function (playing) {
      var play = this._play;
      var label = playing ? words.get("time.pause") : this._reducedMotion ? words.get("time.step") : words.get("time.play");
      play.textContent = playing ? "❚❚" : this._reducedMotion ? "▶|" : "▶";
      play.title = label;
      play.setAttribute("aria-label", label);
    },

    /* Play moves the window forward a bar at a time, keeping its width; a window over every
       date starts as an eighth of them. With reduced motion asked for, each press moves it
       one step and nothing moves by itself. */
    _togglePlay: function () {
      if (this._timer) { this._stop(); return; }
      var unit = this._index.histogram().unit, width = this._to - this._from;
      if (this._from === this._min && this._to === this._max) {
        width = Math.max(unit, Math.round((this._max - this._min) / 8)) - 1;
        this._window(this._min, this._min + width);
        if (this._reducedMotion) return;
      } else if (this._to >= this._max) {
        this._window(this._min, this._min + width);
        if (this._reducedMotion) return;
      }
      if (this._reducedMotion) { this._advance(unit, width); return; }
      var self = this;
      this._setPlay(true);
      this._timer = setInterval(function () {
        if (!self._advance(unit, width)) self._stop();
      }, PLAY_STEP_MS);
    },

    _advance: function (unit, width) {
      if (this._to >= this._max) return false;
      var to = Math.min(this._max, this._to + unit);
      this._window(Math.max(this._min, to - width), to);
      return to < this._max;
    },

    _stop: function () {
      if (!this._timer) return;
      clearInterval(this._timer);
      this._timer = null;
      this._setPlay(false);
    }
  });

  L.geomap.time = {
    iso: iso, dayOf: dayOf, spoken: spoken,
    /* The room the control takes at the foot of the map: the first view (draw.js) keeps its
       marks above it. */
    roomBelow: function (map) { return map.getSize().y < SHORT_MAP ? 70 : 120; }
  };
})();
