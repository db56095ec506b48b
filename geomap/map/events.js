/* geomap: reads the data blocks the page carries and decodes its events (drawing: draw.js).
 *
 * All text from the events file reaches the page through textContent, never innerHTML,
 * and links only when they are http(s): an events file cannot run code in a reader's browser.
 */
function geomapStart(map, dataId, textsId, groups, basemap) {
  "use strict";
  var texts = document.getElementById(textsId);
  readBlock(document.getElementById(dataId)).then(function (data) {
    data.events = geomapDecodeEvents(data.events, data.layers);
    map.geomapEvents = data.events;  // for scripts and tests: .n, .get(i)
    // The events' prose (titles, summaries) is not drawn. A small map's is plain JSON, read
    // now; a big map's is packed, and unpacked only once the map is drawn.
    var packed = texts.getAttribute("data-encoding") === "gzip+base64";
    if (!packed) data.events.setTexts(JSON.parse(texts.textContent));
    geomapDraw(map, data, groups, basemap);
    if (packed) readBlock(texts).then(data.events.setTexts);
  }).catch(function (error) {
    // Whoever waits for data-geomap-ready (the PNG export, tests) stops waiting, and learns why;
    // rethrown, so the console still shows the error where it arose.
    document.documentElement.setAttribute("data-geomap-error", String(error && error.message || error));
    throw error;
  });

  /* Large blocks are gzip+base64 (payload.py `pack`); the browser unzips them. */
  function readBlock(node) {
    if (node.getAttribute("data-encoding") !== "gzip+base64") {
      return Promise.resolve(JSON.parse(node.textContent));
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
}

/* The columns of payload.py `encode_events`, read lazily: grouping and drawing use the
   integer columns directly, and an event becomes an object only when a popup, the table
   or the download needs it (100,000 objects up front cost seconds of garbage collection). */
function geomapDecodeEvents(encoded, layers) {
  "use strict";
  var n = encoded.n, strings = encoded.strings, fields = encoded.fields, cols = {};
  Object.keys(encoded.columns).forEach(function (name) {
    var col = encoded.columns[name];
    if (Array.isArray(col)) { cols[name] = col; return; }
    var out = new Array(n);
    if ("c" in col) { out.fill(col.c); cols[name] = out; return; }
    out.fill(col.e === undefined || col.e === null ? null : []);
    col.s.forEach(function (pair) { out[pair[0]] = pair[1]; });
    cols[name] = out;
  });
  var text = function (i) { return i === null || i === undefined ? null : strings[i]; };
  var texts = null, waiting = [];  // the prose table, and who waits for it
  var prose = function (i) { return i === null || i === undefined ? null : texts[i]; };
  var places = encoded.places.map(function (row) {
    var place = {};
    fields.forEach(function (f, k) { if (row[k] !== null) place[f] = row[k]; });
    place.written = place.name;
    return place;
  });
  function records(flat) {
    var out = [];
    for (var k = 0; flat && k < flat.length; k += 2) {
      var place = places[flat[k]];
      out.push(flat[k + 1] === -1 ? place : Object.assign({}, place, {written: strings[flat[k + 1]]}));
    }
    return out;
  }
  var isoCache = {};
  function iso(day) {
    if (day === null || day === undefined) return null;
    return isoCache[day] || (isoCache[day] = new Date(day * 86400000).toISOString().slice(0, 10));
  }
  var notACount = {};  // by string index: only count names are ever asked about
  function isNotACount(name) {
    if (!(name in notACount)) notACount[name] = /cost|price|paid|sum|bribe|fee|years/.test(strings[name]);
    return notACount[name];
  }
  var cache = {};
  function get(i) {  // only once the prose is in: see whenTexts
    if (cache[i]) return cache[i];
    var source = encoded.sources[cols.source[i]], counts = {}, flat = cols.counts[i] || [];
    for (var c = 0; c < flat.length; c += 3) {
      counts[strings[flat[c]]] = flat[c + 2] === null ? {value: flat[c + 1]} : {value: flat[c + 1], qualifier: strings[flat[c + 2]]};
    }
    return (cache[i] = {
      id: cols.id[i], layer: layers[cols.layer[i]].id, title: prose(cols.title[i]), summary: prose(cols.summary[i]),
      start: iso(cols.start[i]), end: iso(cols.start[i] + cols.end[i]), as_of: iso(cols.as_of[i]),
      counts: counts, currency: text(cols.currency[i]), reported_by: prose(cols.reported_by[i]),
      source_title: source[0], source_publisher: source[1], source_url: source[2], source_date: source[3],
      certainty: ["confirmed", "reported", "unverified"][cols.certainty[i]], precision: text(cols.precision[i]),
      precision_note: prose(cols.precision_note[i]), tags: (cols.tags[i] || []).map(text),
      places: records(cols.places[i]), route: records(cols.route[i])
    });
  }
  return {
    n: n, get: get, places: places,
    setTexts: function (table) {
      texts = table;
      waiting.splice(0).forEach(function (then) { then(); });
    },
    /* Runs `then` once the prose is in: at once on small maps and once a big map is drawn. */
    whenTexts: function (then) {
      if (texts) then(); else waiting.push(then);
    },
    hasTexts: function () { return texts !== null; },
    route: function (i) { return records(cols.route[i]); },
    layer: function (i) { return layers[cols.layer[i]].id; },
    /* Calls back with each place of event i (no array made: it runs for every event). */
    eachPlace: function (i, callback) {
      var flat = cols.places[i];
      for (var k = 0; flat && k < flat.length; k += 2) callback(flat[k]);
    },
    placeCount: function (i) { return cols.places[i] ? cols.places[i].length / 2 : 0; },
    hasRoute: function (i) { return (cols.route[i] || []).length > 2; },
    unverified: function (i) { return cols.certainty[i] === 2; },
    /* The largest number an event gives, leaving out money and years. */
    maxCount: function (i) {
      var flat = cols.counts[i] || [], best = 0;
      for (var c = 0; c < flat.length; c += 3) if (!isNotACount(flat[c])) best = Math.max(best, Number(flat[c + 1]) || 0);
      return best;
    }
  };
}

/* Outlines arrive as [scale, polygons of rings of delta-encoded integers] (payload.py);
   they become rings of L.LatLng for L.polygon, decoded once however many layers use them. */
function geomapDecodeOutline(encoded) {
  "use strict";
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
}
