/* geomap: the page's one namespace, L.geomap, its start and its one failure path.
 *
 * Scripts here: page.js (this: start, failures), events.js (L.geomap.Events: the events'
 * columns, decoded from the declaration Python sends), text.js (L.geomap.Text: popups, the
 * table, the download), draw.js (L.geomap.Drawing: the marks). No other globals.
 */
(function () {
  "use strict";
  var failed = false;

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
      box.textContent = "The map could not be drawn: " + message;
      var host = (map && map.getContainer && map.getContainer()) || document.querySelector(".folium-map") || document.body;
      host.appendChild(box);
    }
    if (document.body) show(); else document.addEventListener("DOMContentLoaded", show);
  }
  window.addEventListener("error", function (e) { fail(e.error || e.message); });
  window.addEventListener("unhandledrejection", function (e) { fail(e.reason); });

  if (typeof L === "undefined") {
    fail("Leaflet did not load (no network? build the map with --self-contained)");
    return;
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

  /* Reads the data block, decodes the events and draws them. */
  function start(map, dataId, textsId, groups, basemap) {
    var texts = document.getElementById(textsId);
    return readBlock(document.getElementById(dataId)).then(function (data) {
      controlsFirst(map);
      data.events = new L.geomap.Events(data.events, data.layers);
      map.geomapEvents = data.events;  // for scripts and tests: .n, .get(i)
      // The events' prose (titles, summaries) is not drawn. A small map's is plain JSON, read
      // now; a big map's is packed, and unpacked only once the map is drawn.
      var packed = texts && texts.getAttribute("data-encoding") === "gzip+base64";
      if (!packed) data.events.setTexts(JSON.parse(texts ? texts.textContent : "null"));
      new L.geomap.Drawing(map, data, groups, basemap);
      if (packed) return readBlock(texts).then(data.events.setTexts);
    }).catch(function (error) { fail(error, map); });
  }

  L.geomap = {start: start, fail: fail};
})();
