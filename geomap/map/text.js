/* geomap: how an event reads as text: popups and the GeoJSON download (the marks that open
 * popups are drawn by draw.js; the events table is written into the page by geomap/map/table.py).
 *
 * All text from the events file reaches the page through textContent, never innerHTML,
 * and links only when they are http(s): an events file cannot run code in a reader's browser.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  L.geomap.el = el;

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s<>"'`]+$/i.test(url) ? url : null;
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

  /* The source's title, a link when its address is http(s), and its publisher. */
  function sourceInto(node, ev) {
    var url = safeUrl(ev.source_url);
    if (url) {
      var link = el("a", null, ev.source_title);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      node.appendChild(link);
    } else {
      node.appendChild(document.createTextNode(ev.source_title));
    }
    if (ev.source_publisher) node.appendChild(document.createTextNode(", " + ev.source_publisher));
    return node;
  }

  L.geomap.Text = L.Class.extend({
    initialize: function (data, events) {
      this._data = data;
      this._events = events;
    },

    dateLabel: dateLabel,    // also for the table's rows (table.js)
    sourceInto: sourceInto,

    /* "fined: about 861", with the event's currency when the count is money. */
    countLabel: function (name, count, currency) {
      var value = Number(count.value).toLocaleString("en-GB");
      if (currency && this._events.countKind(name) === "money_amount") value += " " + currency;
      return name.replace(/_/g, " ") + ": " + (count.qualifier ? count.qualifier + " " : "") + value;
    },

    eventArticle: function (ev) {
      var self = this, item = el("article", "geomap-event");
      item.appendChild(el("h3", null, ev.title));
      var meta = [dateLabel(ev), ev.certainty, "located at " + ev.precision + " level"];
      item.appendChild(el("p", "geomap-meta", meta.join(" · ")));
      if (ev.certainty === this._events.leastCertain()) item.appendChild(el("p", "geomap-unverified", "Unverified report"));
      item.appendChild(el("p", null, ev.summary));
      var names = Object.keys(ev.counts);
      if (names.length) {
        var list = el("ul", "geomap-counts");
        names.forEach(function (n) { list.appendChild(el("li", null, self.countLabel(n, ev.counts[n], ev.currency))); });
        item.appendChild(list);
      }
      var where = (ev.route.length ? ev.route : ev.places).map(function (p) { return p.written; });
      item.appendChild(el("p", "geomap-meta", (ev.route.length ? "Route: " : "Where: ") + where.join(ev.route.length ? " → " : "; ")));
      var byEditor = (ev.route.length ? ev.route : ev.places).filter(function (p) { return p.located; });
      if (byEditor.length) item.appendChild(el("p", "geomap-meta geomap-located", "Located by the editor: " + byEditor.map(function (p) {
        return p.written + " (" + p.given_lat + ", " + p.given_lon + ", " + p.given_precision + ")";
      }).join("; ")));
      if (ev.precision_note) item.appendChild(el("p", "geomap-meta", "Note: " + ev.precision_note));
      if (ev.reported_by) item.appendChild(el("p", "geomap-meta", "Reported by: " + ev.reported_by));
      if (ev.source_title) item.appendChild(sourceInto(el("p", "geomap-meta", "Source: "), ev));
      return item;
    },

    /* The events as a GeoJSON FeatureCollection (what `geomap export` writes). */
    geojson: function () {
      var features = [];
      for (var i = 0; i < this._events.n; i++) features.push(this._events.feature(i));
      return {type: "FeatureCollection", features: features};
    },

    /* The download link serves the events as GeoJSON, made when a reader asks for it. */
    download: function () {
      var self = this, E = this._events, link = document.getElementById(this._data.download_id);
      if (!link) return;
      link.addEventListener("click", function (e) {
        if (link.href.indexOf("blob:") === 0) return;
        if (!E.hasTexts()) {  // a big map's prose is still being unpacked: click again when in
          e.preventDefault();
          E.whenTexts(function () { link.click(); });
          return;
        }
        var blob = new Blob([JSON.stringify(self.geojson())], {type: "application/geo+json"});
        link.href = URL.createObjectURL(blob);  // the click goes on to this address
      });
    }
  });
})();
