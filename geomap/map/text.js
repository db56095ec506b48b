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

  var words = L.geomap.words;

  /* Text from the events file in another language than the map's (a field the file gives
     no translation of) says so, for screen readers and hyphenation. */
  function marked(node, language) {
    if (language) node.setAttribute("lang", language);
    return node;
  }

  /* An event's dates as the table writes them: its day, week or month, a range, and the day
     a running total is as of (geomap/i18n Words.dates). */
  function dateLabel(ev) { return words.dates(ev.start, ev.end, ev.as_of, ev.date_precision); }
  L.geomap.dateLabel = dateLabel;

  /* The source's title, a link when its address is http(s), and its publisher. */
  function sourceInto(node, ev, language) {
    var url = safeUrl(ev.source_url);
    if (url) {
      var link = marked(el("a", null, ev.source_title), language);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      node.appendChild(link);
    } else {
      node.appendChild(marked(el("span", null, ev.source_title), language));
    }
    if (ev.source_publisher) node.appendChild(document.createTextNode(", " + ev.source_publisher));
    return node;
  }

  L.geomap.Text = L.Class.extend({
    initialize: function (data, events) {
      this._data = data;
      this._events = events;
      this._shown = null;  // the time window's filter (1 per event shown), or null for all
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
      for (var i = 0; i < this._events.n; i++) total += !shown || shown[i] ? this._events.weight(i) : 0;
      if (count) count.textContent = words.plural("table.show", total);
      if (!this._onOpen) {  // a closed table's rows are brought up to date as it opens
        this._onOpen = L.bind(function () { if (table.open) this._filterRows(table); }, this);
        table.addEventListener("toggle", this._onOpen);
        // A click on its button opens it: the rows are right before it shows them.
        var summary = table.firstElementChild, self = this;  // the table's button
        if (summary) summary.addEventListener("click", function () { if (!table.open) self._filterRows(table); });
      }
      if (table.open) this._filterRows(table);
    },

    /* The table's rows (in the order of their titles, the first of them in the HTML) each
       name their event's index: data-event (table.py, table.js). */
    _filterRows: function (table) {
      var rows = table.querySelectorAll("tbody tr"), shown = this._shown;
      for (var k = 0; k < rows.length; k++) {
        var hide = !!shown && !shown[+rows[k].getAttribute("data-event")];
        if (rows[k].hidden !== hide) rows[k].hidden = hide;
      }
    },

    /* Whether event i is in the time window (table.js hides the rows it adds that are not). */
    shown: function (i) { return !this._shown || !!this._shown[i]; },

    /* An event's dates as the table writes them (also for the table's rows in table.js). */
    dateLabel: dateLabel,
    sourceInto: sourceInto,

    /* "fined: about 861", with the event's currency when the count is money (the number
       and its qualifier as the table writes them: geomap/map/table.py count_label). */
    countLabel: function (name, count, currency) {
      var value = words.number(count.value);
      if (currency && this._events.countKind(name) === "money_amount") value += " " + currency;
      if (count.qualifier) value = words.get("qualifier." + count.qualifier, {n: value});
      return name.replace(/_/g, " ") + ": " + value;
    },

    /* The language of each of an event's texts that is not in the map's, by column
       (data.languages: per column, each event's, as a list or one constant {c: language};
       only columns with any such text). */
    _languages: function (ev) {
      var out = {}, all = this._data.languages || {}, i = this._events.indexOf(ev);
      Object.keys(all).forEach(function (column) {
        var languages = all[column];
        out[column] = Array.isArray(languages) ? languages[i] : languages.c;
      });
      return out;
    },

    eventArticle: function (ev) {
      var self = this, item = el("article", "geomap-event"), lang = this._languages(ev);
      item.appendChild(marked(el("h3", null, ev.title), lang.title));
      var meta = [this.dateLabel(ev), words.get("certainty." + ev.certainty),
                  words.get("event.precision", {precision: words.get("precision." + ev.precision)})];
      item.appendChild(el("p", "geomap-meta", meta.join(" · ")));
      if (ev.certainty === this._events.leastCertain()) item.appendChild(el("p", "geomap-unverified", words.get("event.unverified")));
      item.appendChild(marked(el("p", null, ev.summary), lang.summary));
      var names = Object.keys(ev.counts);
      if (names.length) {
        var list = el("ul", "geomap-counts");
        names.forEach(function (n) { list.appendChild(el("li", null, self.countLabel(n, ev.counts[n], ev.currency))); });
        item.appendChild(list);
      }
      var where = (ev.route.length ? ev.route : ev.places).map(function (p) { return p.written; });
      item.appendChild(el("p", "geomap-meta", words.get(ev.route.length ? "label.route" : "label.where",
                                                        {places: where.join(ev.route.length ? " → " : "; ")})));
      var byEditor = (ev.route.length ? ev.route : ev.places).filter(function (p) { return p.located; });
      if (byEditor.length) item.appendChild(el("p", "geomap-meta geomap-located", words.get("label.located", {places: byEditor.map(function (p) {
        return p.written + " (" + p.given_lat + ", " + p.given_lon + ", " + words.get("precision." + p.given_precision) + ")";
      }).join("; ")})));
      if (ev.precision_note) {
        var note = words.get("label.note", {text: "\u0000"}).split("\u0000");  // the words around the note
        var noteLine = el("p", "geomap-meta", note[0]);
        noteLine.appendChild(marked(el("span", null, ev.precision_note), lang.precision_note));
        noteLine.appendChild(document.createTextNode(note[1] || ""));
        item.appendChild(noteLine);
      }
      if (ev.reported_by) item.appendChild(el("p", "geomap-meta", words.get("label.reported_by", {who: ev.reported_by})));
      if (ev.source_title) {
        var source = words.get("label.source", {source: "\u0000"}).split("\u0000");
        var line = sourceInto(el("p", "geomap-meta", source[0]), ev, lang.source_title);
        if (source[1]) line.appendChild(document.createTextNode(source[1]));
        item.appendChild(line);
      }
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
