/* geomap: the rest of the events table, listed when a reader asks for it.
 *
 * The page's HTML carries the first events of the table (geomap/map/table.py TABLE_ROWS): a
 * row written out costs about 1 KB and a dozen elements parsed before the map draws, which
 * 100,000 events could not afford. When there are more, the table's last line says so; here,
 * once the map is drawn, that line becomes a button that appends the next page of rows, made
 * from the events the map already holds, in the same cells as table.py writes.
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  var PAGE = 500;  // rows a click appends: a few hundred elements, laid out at once
  var el = L.geomap.el, words = L.geomap.words;

  /* A text in another language than the map's says so (as text.js and the template do). */
  function marked(node, language) {
    if (language) node.setAttribute("lang", language);
    return node;
  }

  L.geomap.Table = L.Class.extend({
    /* `cell`: the table's last line (td.geomap-table-more), `events` and `text` as draw.js has
       them, `layers` the payload's (for each layer's name). */
    initialize: function (cell, events, text, layers) {
      var self = this;
      this._events = events;
      this._text = text;
      this._body = cell.closest("table").querySelector("tbody");
      this._listed = parseInt(cell.getAttribute("data-listed"), 10);
      this._total = parseInt(cell.getAttribute("data-total"), 10);
      this._layers = {};
      layers.forEach(function (layer) { self._layers[layer.id] = layer; });
      cell.textContent = "";
      this._button = el("button", "geomap-more");
      this._button.type = "button";
      this._button.addEventListener("click", function () {
        events.whenTexts(function () { self.more(); });
      });
      cell.appendChild(this._button);
      this._label();
    },

    _label: function () {
      var left = this._total - this._listed;  // rows; the words count events (events.js weight)
      this._button.hidden = left <= 0;
      var next = 0, rest = 0;
      for (var i = this._listed; i < this._total; i++) {
        var w = this._events.weight(i);
        rest += w;
        if (i < this._listed + PAGE) next += w;
      }
      this._button.textContent = words.plural("table.more", next, {left: words.number(rest)});
    },

    /* The next page of rows, appended in one go. */
    more: function () {
      var rows = document.createDocumentFragment(), end = Math.min(this._total, this._listed + PAGE);
      for (var i = this._listed; i < end; i++) {
        var tr = this.row(this._events.get(i));
        tr.setAttribute("data-event", String(i));  // the payload is in the table's order (table.py)
        tr.hidden = !this._text.shown(i);  // outside the time window
        rows.appendChild(tr);
      }
      this._body.appendChild(rows);
      this._listed = end;
      this._label();
    },

    /* One event's row, cell for cell as table.py and its template write it. */
    row: function (ev) {
      var self = this, tr = el("tr"), places = ev.route.length ? ev.route : ev.places;
      var lang = this._text._languages(ev), layer = this._layers[ev.layer];
      var title = marked(el("th", null, ev.title), lang.title);
      title.scope = "row";
      tr.appendChild(title);
      var what = el("td");
      if (ev.summary) what.appendChild(marked(el("span", null, ev.summary), lang.summary));
      if (ev.precision_note) {
        var note = words.get("label.note", {text: "\u0000"}).split("\u0000");  // the words around the note
        var italic = el("i", null, note[0]);
        italic.appendChild(marked(el("span", null, ev.precision_note), lang.precision_note));
        italic.appendChild(document.createTextNode(note[1] || ""));
        what.appendChild(document.createTextNode(" "));
        what.appendChild(italic);
      }
      tr.appendChild(what);
      tr.appendChild(marked(el("td", null, layer ? layer.name : ev.layer), layer && layer.name_lang));
      tr.appendChild(el("td", null, this._text.dateLabel(ev)));
      tr.appendChild(el("td", null, places.map(function (p) {
        var precision = words.get("precision." + p.precision);  // as table.py where_label
        return p.written === p.name ? p.name + " (" + precision + ")" : p.written + " (" + p.name + ", " + precision + ")";
      }).join(ev.route.length ? " \u2192 " : "; ")));
      tr.appendChild(el("td", null, Object.keys(ev.counts).map(function (n) {
        return self._text.countLabel(n, ev.counts[n], ev.currency);
      }).join("; ")));
      tr.appendChild(el("td", null, words.get("certainty." + ev.certainty)));
      var source = el("td");
      if (ev.source_title) this._text.sourceInto(source, ev, lang.source_title);
      if (ev.reported_by) source.appendChild(document.createTextNode((ev.source_title ? "; " : "") + words.get("table.reported_by", {who: ev.reported_by})));
      tr.appendChild(source);
      return tr;
    }
  });

  /* The table of the map in `container`, if the page left events out of it. */
  L.geomap.Table.attach = function (container, events, text, layers) {
    var cell = (container.querySelector(".geomap-table-more") || document.querySelector(".geomap-table-more"));
    return cell ? new L.geomap.Table(cell, events, text, layers) : null;
  };
})();
