/* geomap: how an event reads as text: popups and the GeoJSON download (the marks that open
 * popups are drawn by draw.js; the events table is written into the page by geomap/map/table.py).
 *
 * All text from the events file reaches the page through textContent, never innerHTML,
 * and links only when they are http(s): an events file cannot run code in a reader's browser.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  // Words this script added for dates known to the month or week and for running totals
  // (the rest are still inline, for the message catalogue to collect).
  var WORDS = {
    months: ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"],
    weekOf: "week of {day}",
    asOf: "as of {day}"
  };

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
  /* "5 Mar 2022", "March 2022", "week of 7 Mar 2022", a range; a running total says the day
     it is as of (as table.py `date_label`). */
  var precisions = [];
  function dateLabel(ev) {
    // How exactly the date is known, as its place in the order Python sends (events/dates.py:
    // the day, the ISO week, the month).
    var p = ev.start.split("-"), exact = precisions.indexOf(ev.date_precision), text;
    if (exact === 2) text = WORDS.months[parseInt(p[1], 10) - 1] + " " + p[0];
    else if (exact === 1) text = WORDS.weekOf.replace("{day}", day(ev.start));
    else text = ev.start === ev.end ? day(ev.start) : day(ev.start) + " – " + day(ev.end);
    if (ev.as_of && ev.as_of === ev.start && ev.start === ev.end) text = WORDS.asOf.replace("{day}", day(ev.as_of));
    else if (ev.as_of && ev.as_of !== ev.end) text += " (figures as of " + day(ev.as_of) + ")";
    return text;
  }
  L.geomap.dateLabel = dateLabel;

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
      this._shown = null;  // the time window's filter (1 per event shown), or null for all
      precisions = data.date_precisions || [];  // sent by Python (events/dates.py)
    },

    /* The time window changed: the table's rows and the download follow its filter. */
    filter: function (shown) {
      this._shown = shown;
      var link = document.getElementById(this._data.download_id);
      if (link && link.href.indexOf("blob:") === 0) {  // made for the last window
        URL.revokeObjectURL(link.href);
        link.setAttribute("href", "#");
      }
      var table = document.querySelector(".geomap-table");
      if (!table) return;
      var count = table.querySelector(".geomap-row-count"), total = 0;
      for (var i = 0; i < this._events.n; i++) total += !shown || shown[i] ? 1 : 0;
      if (count) count.textContent = total.toLocaleString("en-GB");
      if (!this._onOpen) {  // a closed table's rows are brought up to date as it opens
        this._onOpen = L.bind(function () { if (table.open) this._filterRows(table); }, this);
        table.addEventListener("toggle", this._onOpen);
        // A click on its button opens it: the rows are right before it shows them.
        var summary = table.firstElementChild, self = this;  // the table's button
        if (summary) summary.addEventListener("click", function () { if (!table.open) self._filterRows(table); });
      }
      if (table.open) this._filterRows(table);
    },

    /* The table has a row per event, in the events' order (table.py). */
    _filterRows: function (table) {
      var rows = table.querySelectorAll("tbody tr"), shown = this._shown;
      for (var i = 0; i < rows.length; i++) {
        var hide = !!shown && !shown[i];
        if (rows[i].hidden !== hide) rows[i].hidden = hide;
      }
    },

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
      var features = [], shown = this._shown;
      for (var i = 0; i < this._events.n; i++) if (!shown || shown[i]) features.push(this._events.feature(i));
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
