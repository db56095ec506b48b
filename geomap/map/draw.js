/* geomap: draws the events of a map from the JSON block the page carries.
 *
 * All text from the events file reaches the page through textContent, never innerHTML,
 * and links only when they are http(s): an events file cannot run code in a reader's browser.
 */
function geomapDraw(map, data, groups, basemap) {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s<>"'`]+$/i.test(url) ? url : null;
  }

  /* Outlines arrive as [scale, polygons of rings of delta-encoded integers] (payload.py). */
  function decodePolygons(encoded) {
    var scale = encoded[0];
    var polygons = encoded[1].map(function (rings) {
      return rings.map(function (flat) {
        var ring = [], x = 0, y = 0;
        for (var i = 0; i < flat.length; i += 2) {
          x += flat[i];
          y += flat[i + 1];
          ring.push([x / scale, y / scale]);
        }
        return ring;
      });
    });
    return {type: "MultiPolygon", coordinates: polygons};
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function day(iso) {
    var p = iso.split("-");
    return parseInt(p[2], 10) + " " + MONTHS[parseInt(p[1], 10) - 1] + " " + p[0];
  }
  function dateLabel(ev) {
    var text = ev.start === ev.end ? day(ev.start) : day(ev.start) + " – " + day(ev.end);
    if (ev.as_of && ev.as_of !== ev.end) text += " (figures as of " + day(ev.as_of) + ")";
    return text;
  }
  function countLabel(name, count, currency) {
    var value = Number(count.value).toLocaleString("en-GB");
    if (currency && /cost|price|paid|sum|bribe|fee/.test(name)) value += " " + currency;
    return name.replace(/_/g, " ") + ": " + (count.qualifier ? count.qualifier + " " : "") + value;
  }
  function maxCount(events) {
    var best = 0;
    events.forEach(function (ev) {
      Object.keys(ev.counts || {}).forEach(function (k) {
        if (!/cost|price|paid|sum|bribe|fee|years/.test(k)) best = Math.max(best, Number(ev.counts[k].value) || 0);
      });
    });
    return best;
  }

  /* One popup for every event of a layer at one place. */
  function popupContent(events, place) {
    var box = el("div", "geomap-popup");
    if (place) box.appendChild(el("div", "geomap-where", place.label || place.name));
    events.forEach(function (ev) {
      var item = el("article", "geomap-event");
      item.appendChild(el("h3", null, ev.title));
      var meta = [dateLabel(ev), ev.certainty, "located at " + ev.precision + " level"];
      item.appendChild(el("p", "geomap-meta", meta.join(" · ")));
      if (ev.certainty === "unverified") item.appendChild(el("p", "geomap-unverified", "Unverified report"));
      item.appendChild(el("p", null, ev.summary));
      var names = Object.keys(ev.counts || {});
      if (names.length) {
        var list = el("ul", "geomap-counts");
        names.forEach(function (n) { list.appendChild(el("li", null, countLabel(n, ev.counts[n], ev.currency))); });
        item.appendChild(list);
      }
      var where = (ev.route.length ? ev.route : ev.places).map(function (p) { return p.written; });
      item.appendChild(el("p", "geomap-meta", (ev.route.length ? "Route: " : "Where: ") + where.join(ev.route.length ? " → " : "; ")));
      if (ev.precision_note) item.appendChild(el("p", "geomap-meta", "Note: " + ev.precision_note));
      if (ev.reported_by) item.appendChild(el("p", "geomap-meta", "Reported by: " + ev.reported_by));
      if (ev.source_title) {
        var src = el("p", "geomap-meta", "Source: ");
        var url = safeUrl(ev.source_url);
        if (url) {
          var link = el("a", null, ev.source_title);
          link.href = url;
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          src.appendChild(link);
        } else {
          src.appendChild(document.createTextNode(ev.source_title));
        }
        if (ev.source_publisher) src.appendChild(document.createTextNode(", " + ev.source_publisher));
        item.appendChild(src);
      }
      box.appendChild(item);
    });
    return box;
  }

  function tooltipContent(events, place) {
    var text = events.map(function (ev) { return ev.title; }).join(" · ");
    return el("span", null, place ? (place.name + ": " + text) : text);
  }

  /* Popup and tooltip, and keyboard access: each mark is a focusable button that opens
     its popup with Enter or Space. */
  function bind(layer, events, place) {
    layer.bindPopup(function () { return popupContent(events, place); }, {maxWidth: 320, autoPanPadding: [20, 20]});
    layer.bindTooltip(tooltipContent(events, place), {sticky: true, direction: "top", opacity: 0.95});
    var label = (place ? place.name + ": " : "") + events.map(function (ev) { return ev.title; }).join("; ");
    layer.on("add", function () {
      var parts = layer.eachLayer ? [] : [layer];
      if (layer.eachLayer) layer.eachLayer(function (child) { parts.push(child); });
      parts.forEach(function (part) {
        var node = part.getElement && part.getElement();
        if (!node) return;
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        node.setAttribute("aria-label", label);
        node.addEventListener("keydown", function (e) {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          layer.openPopup(layer.getBounds ? layer.getBounds().getCenter() : undefined);
        });
      });
    });
    return layer;
  }

  function allUnverified(events) {
    return events.every(function (ev) { return ev.certainty === "unverified"; });
  }

  /* An arrowhead at the end of a route, in screen pixels so it keeps its size when zooming. */
  function arrowHead(latlngs, color, layerClass) {
    var n = latlngs.length, tip = latlngs[n - 1], from = latlngs[n - 2];
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
  }

  /* Panes keep the stacking order whatever the drawing order: outlines under regions under
     country-wide rings under routes and markers, so a town is never hidden by a vaguer mark. */
  [["geomap-basemap", 250], ["geomap-regions", 350], ["geomap-countrywide", 380]].forEach(function (pane) {
    if (!map.getPane(pane[0])) map.createPane(pane[0]).style.zIndex = pane[1];
  });

  var layerById = {};
  data.layers.forEach(function (layer, index) { layerById[layer.id] = {layer: layer, index: index}; });

  /* Group events by layer and place, so one marker or area carries all of its events. */
  var byPlace = {};
  data.events.features.forEach(function (feature) {
    var ev = feature.properties;
    if (!groups[ev.layer]) return;
    ev.places.forEach(function (place) {
      var key = ev.layer + "|" + place.id;
      (byPlace[key] = byPlace[key] || {layer: ev.layer, place: place, events: []}).events.push(ev);
    });
    if (ev.route.length > 1) {
      var color = layerById[ev.layer].layer.color;
      var latlngs = ev.route.map(function (p) { return [p.lat, p.lon]; });
      var dashed = ev.certainty === "unverified";
      var layerClass = "geomap-layer-" + ev.layer;
      var line = L.polyline(latlngs, {color: color, weight: 3, opacity: 0.85, dashArray: dashed ? "6 6" : null,
        className: "geomap-route geomap-event " + layerClass});
      bind(line, [ev], null).addTo(groups[ev.layer]);
      arrowHead(latlngs, color, layerClass).addTo(groups[ev.layer]);
      [ev.route[0], ev.route[ev.route.length - 1]].forEach(function (p, end) {
        L.circleMarker([p.lat, p.lon], {radius: end ? 4 : 3, color: color, weight: 1, fillColor: "#fff", fillOpacity: 1,
          interactive: false, className: "geomap-route-end " + layerClass})
          .addTo(groups[ev.layer]);
      });
    }
  });

  /* Choropleth: a region's own numbers (from events placed in it alone) set its shade,
     on a log scale within its layer; without numbers, the number of events does. */
  function regionValue(events) {
    var own = events.filter(function (ev) { return ev.places.length === 1; });
    return maxCount(own);
  }
  var layerMax = {};
  Object.keys(byPlace).forEach(function (key) {
    var entry = byPlace[key];
    if (entry.place.shape) layerMax[entry.layer] = Math.max(layerMax[entry.layer] || 0, regionValue(entry.events));
  });
  function regionOpacity(layerId, events) {
    if (layerMax[layerId] > 0) {
      return 0.12 + 0.5 * Math.log10(regionValue(events) + 1) / Math.log10(layerMax[layerId] + 1);
    }
    return Math.min(0.2 + 0.12 * (events.length - 1), 0.6);
  }

  Object.keys(byPlace).sort().forEach(function (key) {
    var entry = byPlace[key], place = entry.place, events = entry.events;
    var color = layerById[entry.layer].layer.color, index = layerById[entry.layer].index;
    var unverified = allUnverified(events);
    var classes = " geomap-event geomap-layer-" + entry.layer;
    var shape = place.shape && data.shapes[place.shape] && decodePolygons(data.shapes[place.shape]);
    var layer;
    if (shape) {
      layer = L.geoJSON(shape, {pane: "geomap-regions", style: {
        color: color, weight: 1.5, fillColor: color,
        fillOpacity: unverified ? 0.08 : regionOpacity(entry.layer, events),
        dashArray: unverified || place.precision.indexOf("approximate") >= 0 ? "5 4" : null,
        className: "geomap-region" + classes}});
    } else if (place.kind === "country") {
      // Country-wide facts: a dashed ring near the country's centre, one per layer.
      var angle = 2 * Math.PI * index / data.layers.length, r = 1.6;
      var at = [place.lat + r * Math.sin(angle), place.lon + r * 1.6 * Math.cos(angle)];
      layer = L.circleMarker(at, {pane: "geomap-countrywide", radius: 13, color: color, weight: 3, dashArray: "4 3",
        fillColor: color, fillOpacity: unverified ? 0.05 : 0.25, className: "geomap-country" + classes});
    } else {
      var radius = 6 + 2.5 * Math.log10(maxCount(events) + 1);
      layer = L.circleMarker([place.lat, place.lon], {radius: radius,
        color: place.kind === "checkpoint" ? "#111" : color, weight: place.kind === "checkpoint" ? 3 : 2,
        dashArray: unverified ? "3 3" : null, fillColor: color, fillOpacity: unverified ? 0.1 : 0.75,
        className: "geomap-" + place.kind + classes});
    }
    bind(layer, events, place).addTo(groups[entry.layer]);
  });

  /* The vector basemap: country outlines, drawn once into their own base layer. */
  if (basemap && data.basemap) {
    var outlines = data.basemap.map(function (country) { return decodePolygons(country.shape); });
    L.geoJSON(outlines, {pane: "geomap-basemap", interactive: false, style: {color: "#9aa4ad", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1}})
      .addTo(basemap);
  }
  function seaColour(e) {
    map.getContainer().style.background = e.layer === basemap ? "#d8e6ef" : "";
  }
  map.on("baselayerchange", seaColour);
  if (basemap && map.hasLayer(basemap)) seaColour({layer: basemap});

  /* Fit the data, leaving room for the title box and, on wide screens, the legend. */
  var narrow = map.getSize().x < 600;
  map.fitBounds(data.bounds, {paddingTopLeft: [10, narrow ? 70 : 110], paddingBottomRight: [narrow ? 10 : 300, 20]});

  /* Credit the data beside the tiles' own attribution (as text, never HTML). */
  var credit = el("span", null, data.attribution);
  map.attributionControl.addAttribution(credit.innerHTML);

  /* The download link serves the embedded events as a GeoJSON file. */
  var download = document.getElementById(data.download_id);
  if (download) {
    var blob = new Blob([JSON.stringify(data.events, null, 1)], {type: "application/geo+json"});
    download.href = URL.createObjectURL(blob);
  }

  /* Tests and the PNG export wait for this. */
  document.documentElement.setAttribute("data-geomap-ready", "1");
}
