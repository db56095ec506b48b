/* geomap: the page's one namespace, L.geomap, its start and its one failure path.
 *
 * Scripts here: page.js (this: start, failures), events.js (L.geomap.Events: the events'
 * columns, decoded from the declaration Python sends), text.js (L.geomap.Text: popups, the
 * table, the download), table.js (L.geomap.Table: the table's rows not in the HTML),
 * labels.js (L.geomap.Labels: names), draw.js (L.geomap.Drawing: the marks). No other globals.
 *
 * Every word a script shows comes through L.geomap.words (below): the map's language's
 * message catalogue, sent by Python (geomap/i18n) in the block #geomap-words, with the
 * events' dates and numbers already formatted there.
 */
(function () {
  "use strict";
  var failed = false;

  /* The page's words. The block is read when first needed: fail() may need it before
     Leaflet or the map's data are there. */
  var WORDS_ID = "geomap-words";  // elements.py WORDS_ID
  var block = null, pluralRules = null, numberFormat = null;
  function wordsBlock() {
    if (block) return block;
    var node = document.getElementById(WORDS_ID);
    block = node ? JSON.parse(node.textContent) : {lang: "en", messages: {}, dates: {day: {}}, numbers: {}};
    pluralRules = new Intl.PluralRules(block.locale || block.lang);
    numberFormat = new Intl.NumberFormat(block.locale || block.lang);
    return block;
  }
  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }
  var words = {
    /* The message `key` with its {placeholders} filled from `params`. */
    get: function (key, params) {
      var text = wordsBlock().messages[key];
      if (typeof text !== "string") throw new Error("the page has no words for " + key);
      return fill(text, params);
    },
    /* The form of message `key` for the number n ("5 событий"), chosen by the browser's
       CLDR plural rules (Intl.PluralRules) among the forms Python sent by category. */
    plural: function (key, n, params) {
      var forms = wordsBlock().messages[key];
      if (!forms || typeof forms !== "object") throw new Error("the page has no plural words for " + key);
      var text = forms[pluralRules.select(n)] || forms.other;
      return fill(text, Object.assign({}, params, {n: words.number(n)}));
    },
    /* A number as Python formatted it for this map (the events' counts), else by the
       browser's CLDR data (numbers only the page knows, e.g. events at one place). */
    number: function (n) {
      var numbers = wordsBlock().numbers;
      return Object.prototype.hasOwnProperty.call(numbers, String(n)) ? numbers[String(n)] : numberFormat.format(n);
    },
    /* A date (ISO) as Python formatted it, known to the `precision` (default "day"). */
    date: function (iso, precision) {
      var dates = wordsBlock().dates, table = (precision ? dates[precision] : dates.day) || {};
      if (!Object.prototype.hasOwnProperty.call(table, iso)) throw new Error("the page has no date label for " + iso);
      return table[iso];
    },
    /* An event's dates, as geomap/i18n Words.dates writes them for the table. */
    dates: function (start, end, asOf, precision) {
      if (asOf && asOf === start && start === end) return words.get("date.as_of_day", {date: words.date(asOf)});
      var text = words.date(start, precision), last = end ? words.date(end, precision) : text;
      if (last !== text) text = words.get("date.range", {start: text, end: last});
      if (asOf && asOf !== end) text = words.get("date.as_of", {dates: text, date: words.date(asOf)});
      return text;
    },
    lang: function () { return wordsBlock().lang; },
    /* The CLDR locale of the map's formats (en-GB for English). */
    locale: function () { return wordsBlock().locale || wordsBlock().lang; }
  };
  /* fail() must not fail: without its words it says it in English. */
  function safeWords(key, params, english) {
    try { return words.get(key, params); } catch (e) { return fill(english, params); }
  }

  /* Every failure ends here: a short message in the map (role="alert", read out by screen
     readers) and data-geomap-error on <html> with the message, instead of a blank map. The
     PNG export and the tests wait for data-geomap-ready or data-geomap-error. */
  function fail(error, map) {
    if (failed) return;  // the first failure is the cause; the rest follow from it
    failed = true;
    var message = String((error && error.message) || error || "unknown error");
    document.documentElement.setAttribute("data-geomap-error", message);
    function show() {
      var box = document.createElement("div");
      box.className = "geomap-error";
      box.setAttribute("role", "alert");
      box.textContent = safeWords("page.failed", {message: message}, "The map could not be drawn: {message}");
      var host = (map && map.getContainer && map.getContainer()) || document.querySelector(".folium-map") || document.body;
      host.appendChild(box);
    }
    if (document.body) show(); else document.addEventListener("DOMContentLoaded", show);
  }
  window.addEventListener("error", function (e) { fail(e.error || e.message); });
  window.addEventListener("unhandledrejection", function (e) { fail(e.reason); });

  if (typeof L === "undefined") {
    fail(safeWords("page.no_leaflet", null, "Leaflet did not load (no network? build the map without --cdn)"));
    return;
  }

  /* A small message in the map's lower left corner, read out by screen readers. */
  function notice(map, text) {
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "geomap-box geomap-notice");
      box.setAttribute("role", "status");
      box.textContent = text;
      return box;
    };
    control.addTo(map);
  }

  /* Tiles need the network. When a tile layer shows and not one of its tiles loads (offline,
     or the tile server blocked), the outline basemap takes its place, once, and the map says
     so. data-geomap-tiles on <html> tells the PNG export: "loading", "loaded" or "failed". */
  function watchTiles(map, basemap) {
    var root = document.documentElement, fellBack = false;
    function watch(tiles) {
      if (tiles.geomapWatched) return;
      tiles.geomapWatched = true;
      var loaded = 0, failedTiles = 0;
      if (tiles.isLoading()) root.setAttribute("data-geomap-tiles", "loading");  // no tiles, no "load"
      tiles.on("loading", function () { root.setAttribute("data-geomap-tiles", "loading"); });
      tiles.on("tileload", function () { loaded++; });
      tiles.on("tileerror", function () { failedTiles++; });
      tiles.on("load", function () {
        var failedAll = failedTiles > 0 && loaded === 0;
        root.setAttribute("data-geomap-tiles", failedAll ? "failed" : "loaded");
        if (!failedAll || fellBack || !basemap || !map.hasLayer(tiles)) return;
        fellBack = true;
        setTimeout(function () {  // not inside the layer's own "load": Leaflet goes on using it
          map.removeLayer(tiles);
          map.addLayer(basemap);
          notice(map, words.get("page.tiles_failed"));
        });
      });
    }
    map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) watch(layer); });
    map.on("layeradd", function (e) { if (e.layer instanceof L.TileLayer) watch(e.layer); });
  }

  /* A full-screen button on the browser's Fullscreen API; none where the browser (or the
     frame the map is embedded in) does not allow it. */
  function fullscreenButton(map) {
    var container = map.getContainer();
    if (!document.fullscreenEnabled || !container.requestFullscreen) return;
    var control = L.control({position: "topright"});
    control.onAdd = function () {
      var bar = L.DomUtil.create("div", "leaflet-bar geomap-fullscreen");
      var button = L.DomUtil.create("button", "", bar);
      button.type = "button";
      var svg = "http://www.w3.org/2000/svg", icon = document.createElementNS(svg, "svg"), path = document.createElementNS(svg, "path");
      icon.setAttribute("viewBox", "0 0 16 16");
      icon.setAttribute("aria-hidden", "true");
      path.setAttribute("d", "M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4");
      icon.appendChild(path);
      button.appendChild(icon);
      function update() {
        var on = document.fullscreenElement === container;
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.title = words.get(on ? "page.leave_fullscreen" : "page.fullscreen");
        button.setAttribute("aria-label", button.title);
        map.invalidateSize();
      }
      L.DomEvent.on(button, "click", function (e) {
        L.DomEvent.stop(e);
        var asked = document.fullscreenElement === container ? document.exitFullscreen() : container.requestFullscreen();
        if (asked && asked.catch) asked.catch(function () {});  // refused (no user gesture): nothing to do
      });
      L.DomEvent.disableClickPropagation(bar);
      document.addEventListener("fullscreenchange", update);
      update();
      return bar;
    };
    control.addTo(map);
  }

  /* Large blocks are gzip+base64 (payload.py `pack`); the browser unzips them. */
  function readBlock(node) {
    if (!node) return Promise.reject(new Error("the page has lost its data block"));
    if (node.getAttribute("data-encoding") !== "gzip+base64") {
      return Promise.resolve().then(function () { return JSON.parse(node.textContent); });
    }
    var text = node.textContent.trim(), bytes;
    if (Uint8Array.fromBase64) {
      bytes = Uint8Array.fromBase64(text);
    } else {
      var binary = atob(text);
      bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  /* Keyboard order: the controls (title box, table, layers, zoom, legend, download) before
     the marks. The controls' corners are positioned by CSS, so their place in the document
     changes only the Tab order, not what the reader sees. */
  function controlsFirst(map) {
    var container = map.getContainer(), controls = container.querySelector(".leaflet-control-container");
    if (controls) container.insertBefore(controls, map.getPane("mapPane"));
  }

  /* Leaflet's own words, in the map's language: the scale's units, the popups' close
     button, the attribution's link to Leaflet. (The zoom buttons and the layer control get
     theirs from Python, in their options.) */
  var scaleUpdate = L.Control.Scale.prototype._updateScale;
  L.Control.Scale.include({
    _updateScale: function (scale, text, ratio) {
      var parts = String(text).split(" ");  // Leaflet writes "500 km", "200 mi"
      scaleUpdate.call(this, scale, words.get("scale." + parts[1], {n: words.number(Number(parts[0]))}), ratio);
    }
  });
  function leafletWords(map) {
    map.on("popupopen", function (e) {
      var close = e.popup.getElement() && e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", words.get("page.close_popup"));
    });
    var attribution = map.attributionControl, prefix = attribution && attribution.options.prefix;
    if (typeof prefix === "string") {
      var title = L.geomap.el("span", null, words.get("page.leaflet_title")).innerHTML.replace(/"/g, "&quot;");
      attribution.setPrefix(prefix.replace(/title="[^"]*"/, 'title="' + title + '"'));
    }
  }

  /* Reads the data block, decodes the events and draws them. */
  function start(map, dataId, textsId, groups, basemap) {
    var texts = document.getElementById(textsId);
    leafletWords(map);
    watchTiles(map, basemap);  // now: the tiles have started loading
    return readBlock(document.getElementById(dataId)).then(function (data) {
      fullscreenButton(map);  // here: after the other controls of its corner
      controlsFirst(map);
      data.events = new L.geomap.Events(data.events, data.layers);
      map.geomapEvents = data.events;  // for scripts and tests: .n, .get(i)
      // The events' prose (titles, summaries) is not drawn. A small map's is plain JSON, read
      // now; a big map's is packed, and unpacked only once the map is drawn.
      var packed = texts && texts.getAttribute("data-encoding") === "gzip+base64";
      if (!packed) data.events.setTexts(JSON.parse(texts ? texts.textContent : "null"));
      new L.geomap.Drawing(map, data, groups, basemap);
      // Last: the address may set the layers, the time window, the view and the open event.
      new L.geomap.State(map, data, new L.geomap.Search(map, data));
      if (packed) return readBlock(texts).then(data.events.setTexts);
    }).catch(function (error) { fail(error, map); });
  }

  L.geomap = {start: start, fail: fail, words: words};
})();
