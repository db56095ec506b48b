/* geomap: find a place on this map by any spelling the gazetteer knows (search_index.py).
 *
 * A combobox (WAI-ARIA 1.2): the input suggests the places whose spellings begin with what
 * the reader types, normalised by the rules Python sends (gazetteer/normalize.py); arrow keys
 * move through the suggestions, Enter flies to the place and opens its popup, Escape closes
 * the list. Beside it, the button that copies a link to this view (state.js).
 */
(function () {
  "use strict";
  if (typeof L === "undefined") return;  // page.js has said so

  var words = L.geomap.words;  // every word from the map's catalogue
  /* A place's kind, as the suggestions name it. */
  function kindName(kind) {
    switch (kind) {
      case "town": return words.get("search.town");
      case "checkpoint": return words.get("search.checkpoint");
      case "region": return words.get("search.region");
      case "group": return words.get("search.group");
      case "country": return words.get("search.country");
      default: return kind;
    }
  }
  var MAX_SUGGESTIONS = 8;
  var STEM_MIN = 4, STEM_REST = 2;  // an ending of a Russian or Ukrainian case: 1 to 2 letters (-е, -ом, -ою)
  var el = L.geomap.el;

  /* normalize.py's `normalize`, from its tables: the same keys for the same spellings
     (tests/ui/test_search.py compares both on every spelling of a map). */
  function normalizer(rules) {
    var special = /[\\^$.*+?()[\]{}|\-]/g;
    var dropped = new RegExp("[" + rules.dropped.replace(special, "\\$&") + "]", "g");
    var separators = new RegExp(rules.separators);
    var combining = new RegExp(rules.combining, "g"), cyrillic = new RegExp(rules.cyrillic);
    var look = {}, from = rules.homoglyphs[0], to = rules.homoglyphs[1];
    for (var k = 0; k < from.length; k++) look[from[k]] = to[k];
    var ascii = /^[\x00-\x7f]*$/;
    function fold(text) {
      // Python's casefold is toLowerCase but for a few letters: ß is "ss", a final sigma σ.
      return text.toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
    }
    return function (text) {
      var folded = ascii.test(text) ? text.toLowerCase()
        : fold(text.normalize("NFKD")).normalize("NFKD").replace(combining, "");
      folded = folded.replace(dropped, "");
      var tokens = folded.split(separators).filter(Boolean).map(function (t) {
        return Object.prototype.hasOwnProperty.call(rules.synonyms, t) ? rules.synonyms[t] : t;
      });
      if (!ascii.test(folded)) {
        tokens = tokens.map(function (t) {
          return cyrillic.test(t) ? t.replace(/[a-z]/g, function (c) { return look[c] || c; }) : t;
        });
      }
      return tokens.join(" ");
    };
  }

  /* The packed spellings of one place (search_index.py `_pack`): "|" between spellings, a
     case form as "~" + letters of the spelling before it to drop + its ending. */
  function unpack(text) {
    var out = [], base = "";
    (text ? text.split("|") : []).forEach(function (part) {
      if (part.charAt(0) === "~") {
        var m = /^~(\d+)(.*)$/.exec(part);
        if (m) out.push(base.slice(0, base.length - Number(m[1])) + m[2]);
      } else {
        base = part;
        out.push(part);
      }
    });
    return out;
  }

  L.geomap.Search = L.Class.extend({
    initialize: function (map, data) {
      var self = this, E = data.events, index = data.search || {spellings: []};
      this._map = map;
      this._data = data;
      this._drawing = map.geomapDrawing;
      this.normalize = normalizer(index.rules);
      this._cyrillic = new RegExp(index.rules.cyrillic);
      this._index = index;
      this._control().addTo(map);
      map.geomapSearch = this;  // for scripts and tests: find, placeFor, normalize
    },

    /* The spellings' keys and each place's events, made on first use: at 10,000 events and
       30,000 spellings they take 0.2 s, which a reader who never searches should not wait. */
    _ready: function () {
      if (this._entries) return;
      var self = this, E = this._data.events, index = this._index, rowById = {};
      this._entries = [];   // {place: row, spelling, key, named}
      this._eventsAt = E.places.map(function () { return []; });
      E.places.forEach(function (place, row) {
        rowById[place.id] = row;
        var seen = {};
        function add(spelling, named) {
          var key = self.normalize(spelling);
          if (!key || seen[key]) return;
          seen[key] = true;
          self._entries.push({place: row, spelling: spelling, key: key, named: named});
        }
        add(place.name, true);
        if (place.label) add(place.label, true);
        unpack(index.spellings[row]).forEach(function (s) { add(s, false); });
      });
      for (var i = 0; i < E.n; i++) {
        E.eachPlace(i, function (row) { self._eventsAt[row].push(i); });
        if (E.hasRoute(i)) {
          E.route(i).forEach(function (p) {
            var at = self._eventsAt[rowById[p.id]];
            if (at[at.length - 1] !== i) at.push(i);
          });
        }
      }
      this._rowById = rowById;
    },

    /* The places a query names, best first: the whole spelling, then a spelling beginning
       with it, then one of whose words does; the place's own name before an alias; the
       shortest spelling (the nearest to what is typed: Odesa before Odesa Oblast), then the
       place with more events. Each place once. */
    find: function (query, limit) {
      var q = this.normalize(query || ""), best = {}, self = this;
      if (!q) return [];
      this._ready();
      this._entries.forEach(function (entry) {
        var k = entry.key, rank = k === q ? 0 : k.lastIndexOf(q, 0) === 0 ? 2 : k.indexOf(" " + q) >= 0 ? 4 : -1;
        if (rank < 0) return;
        rank += entry.named ? 0 : 1;
        var held = best[entry.place];
        if (!held || rank < held.rank || (rank === held.rank && k.length < held.length)) {
          best[entry.place] = {place: entry.place, spelling: entry.spelling, rank: rank, length: k.length};
        }
      });
      if (!Object.keys(best).length && this._cyrillic.test(q)) {
        // An inflected name whose spelling the dictionaries did not know, so search_index.py
        // sent no case forms of it ("Харькове": the gazetteer writes "Харков"): a spelling
        // that shares all but at most two final letters with the query, each way.
        this._entries.forEach(function (entry) {
          var k = entry.key, common = 0;
          while (common < k.length && common < q.length && k[common] === q[common]) common++;
          if (common >= STEM_MIN && k.length - common <= STEM_REST && q.length - common <= STEM_REST && !best[entry.place]) {
            best[entry.place] = {place: entry.place, spelling: entry.spelling, rank: 6, length: k.length};
          }
        });
      }
      var E = this._data.events;
      return Object.keys(best).map(function (row) { return best[row]; }).sort(function (a, b) {
        return a.rank - b.rank || a.length - b.length || self._eventsAt[b.place].length - self._eventsAt[a.place].length
          || (E.places[a.place].name < E.places[b.place].name ? -1 : 1);
      }).slice(0, limit || MAX_SUGGESTIONS);
    },

    /* The place a reference names: a place's id, else the one place whose name (or, failing
       that, one spelling) normalises to it. null when none or several do. */
    placeFor: function (reference) {
      this._ready();
      if (Object.prototype.hasOwnProperty.call(this._rowById, reference)) return this._rowById[reference];
      var key = this.normalize(String(reference).replace(/-/g, " "));
      var named = {}, spelled = {};
      this._entries.forEach(function (entry) {
        if (entry.key === key) (entry.named ? named : spelled)[entry.place] = true;
      });
      var rows = Object.keys(named).length ? Object.keys(named) : Object.keys(spelled);
      return rows.length === 1 ? Number(rows[0]) : null;
    },

    /* Frames place `row` as the first view frames the events (clear of the title box and
       the legend): flying there unless `instant` or the reader asks for less motion. */
    frame: function (row, instant) {
      var map = this._map, place = this._data.events.places[row];
      var still = instant || (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
      var bounds = this._bounds(place) || L.latLngBounds([place.lat, place.lon], [place.lat, place.lon]);
      L.geomap.fitView(map, this._data, bounds, !still);
      return !still;
    },

    /* Frames place `row` and opens the popup of its events once there. */
    show: function (row) {
      var map = this._map, self = this;
      map.closePopup();
      var flying = false;
      map.once("moveend", function () { if (flying) self.openPopup(row); });
      flying = this.frame(row);
      if (!flying) this.openPopup(row);
    },

    eventsAt: function (row) { this._ready(); return this._eventsAt[row]; },

    /* The popup of the place's events in the first layer shown that has some (its mark's
       popup); when no layer shown has any, of all its events. */
    openPopup: function (row) {
      var E = this._data.events, at = this.eventsAt(row), place = E.places[row], drawing = this._drawing;
      if (!drawing || !at.length) return;
      var groups = drawing.groups(), map = this._map, chosen = null;
      this._data.layers.forEach(function (layer) {
        if (chosen || !groups[layer.id] || !map.hasLayer(groups[layer.id])) return;
        var mine = at.filter(function (i) { return E.layer(i) === layer.id; });
        if (mine.length) chosen = mine;
      });
      drawing.openEvents(chosen || at, place, L.latLng(place.lat, place.lon));
    },

    /* A region's outline, or a country's on the outline basemap; null for a point. */
    _bounds: function (place) {
      var data = this._data, shape = place.shape && data.shapes && data.shapes[place.shape];
      if (!shape && place.kind === "country") {
        (data.basemap || []).forEach(function (country) { if (country.id === place.id) shape = country.shape; });
      }
      return shape ? L.latLngBounds(L.geomap.decodeOutline(shape)) : null;
    },

    /* The box: a labelled combobox, its list of suggestions, a status for screen readers,
       and the copy-link button. */
    _control: function () {
      var self = this, control = L.control({position: "topleft"});
      control.onAdd = function () {
        var box = L.DomUtil.create("div", "geomap-search");
        box.setAttribute("role", "search");
        var label = el("label", "geomap-visually-hidden", words.get("search.label"));
        label.htmlFor = "geomap-search-input";
        var input = self._input = el("input");
        input.id = "geomap-search-input";
        input.type = "text";
        input.autocomplete = "off";
        input.spellcheck = false;
        input.placeholder = words.get("search.placeholder");
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", "geomap-search-list");
        var list = self._list = el("ul", "geomap-search-list");
        list.id = "geomap-search-list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", words.get("search.label"));
        list.hidden = true;
        var status = self._status = el("div", "geomap-visually-hidden");
        status.setAttribute("role", "status");
        var row = el("div", "geomap-search-row");
        row.appendChild(input);
        row.appendChild(self._copyButton());
        box.appendChild(label);
        box.appendChild(row);
        box.appendChild(list);
        box.appendChild(status);
        input.addEventListener("input", function () { self._suggest(); });
        input.addEventListener("keydown", function (e) { self._key(e); });
        input.addEventListener("blur", function () { setTimeout(function () { self._close(); }, 150); });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      };
      return control;
    },

    _suggest: function () {
      var self = this, list = this._list, found = this.find(this._input.value), E = this._data.events;
      this._found = found;
      this._active = -1;
      list.textContent = "";
      this._input.removeAttribute("aria-activedescendant");
      if (!this._input.value.trim()) { this._close(); this._status.textContent = ""; return; }
      found.forEach(function (hit, k) {
        var place = E.places[hit.place], option = el("li", "geomap-search-option");
        option.id = "geomap-search-option-" + k;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = place.label || place.name, n = E.eventsIn(self._eventsAt[hit.place]);
        option.appendChild(el("span", "geomap-search-name", name));
        if (self.normalize(hit.spelling) !== self.normalize(name)) option.appendChild(el("span", "geomap-search-spelling", hit.spelling));
        option.appendChild(el("span", "geomap-search-meta",
          kindName(place.kind) + (place.country ? ", " + place.country : "") + " · " + words.plural("count.events", n)));
        option.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep the focus in the box
        option.addEventListener("click", function () { self._choose(k); });
        list.appendChild(option);
      });
      list.hidden = false;
      this._input.setAttribute("aria-expanded", "true");
      if (!found.length) {
        list.appendChild(el("li", "geomap-search-none", words.get("search.none")));
      }
      this._status.textContent = !found.length ? words.get("search.none")
        : found.length === 1 ? words.get("search.found_one") : words.plural("search.found", found.length);
    },

    _key: function (e) {
      var n = (this._found || []).length, open = !this._list.hidden;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (!open) { this._suggest(); return; }
        if (!n) return;
        var step = e.key === "ArrowDown" ? 1 : -1;
        this._activate(this._active < 0 && step < 0 ? n - 1 : (this._active + step + n) % n);
      } else if (e.key === "Enter") {
        e.preventDefault();
        if (open && n) this._choose(this._active >= 0 ? this._active : 0);
      } else if (e.key === "Escape") {
        e.preventDefault();
        if (open) this._close(); else this._input.value = "";
      }
    },

    _activate: function (k) {
      var options = this._list.querySelectorAll("[role=option]");
      for (var j = 0; j < options.length; j++) options[j].setAttribute("aria-selected", j === k ? "true" : "false");
      this._active = k;
      this._input.setAttribute("aria-activedescendant", options[k].id);
      options[k].scrollIntoView({block: "nearest"});
    },

    _choose: function (k) {
      var hit = this._found[k], place = this._data.events.places[hit.place];
      this._input.value = place.label || place.name;
      this._close();
      this.show(hit.place);
    },

    _close: function () {
      this._list.hidden = true;
      this._input.setAttribute("aria-expanded", "false");
      this._input.removeAttribute("aria-activedescendant");
      this._active = -1;
    },

    /* Copies the page's address (state.js keeps the view in it); where the clipboard is
       refused (a sandboxed frame, a page opened from disk in some browsers), shows the link
       in a selected text field to copy by hand. */
    _copyButton: function () {
      var self = this, button = el("button", "geomap-copy-link", words.get("search.copy"));
      button.type = "button";
      button.title = words.get("search.copy_title");
      button.addEventListener("click", function () {
        var link = String(window.location.href);
        var copying = navigator.clipboard && window.isSecureContext ? navigator.clipboard.writeText(link) : Promise.reject(new Error("no clipboard"));
        copying.then(function () { self._say(words.get("search.copied")); }, function () { self._showLink(link); });
      });
      return button;
    },

    _say: function (text) {
      var status = this._status;
      status.textContent = text;
      var note = this._note || (this._note = el("div", "geomap-search-note"));
      note.textContent = text;
      note.setAttribute("aria-hidden", "true");  // the status above reads it out
      this._list.parentNode.appendChild(note);
      clearTimeout(this._noteTimer);
      this._noteTimer = setTimeout(function () { if (note.parentNode) note.parentNode.removeChild(note); }, 2500);
    },

    _showLink: function (link) {
      var box = this._list.parentNode, panel = box.querySelector(".geomap-link-panel");
      if (!panel) {
        panel = el("div", "geomap-link-panel");
        var label = el("label", null, words.get("search.copy_here"));
        label.htmlFor = "geomap-link-text";
        var field = el("input");
        field.id = "geomap-link-text";
        field.type = "text";
        field.readOnly = true;
        var close = el("button", null, words.get("search.close"));
        close.type = "button";
        close.addEventListener("click", function () { box.removeChild(panel); });
        field.addEventListener("keydown", function (e) { if (e.key === "Escape") box.removeChild(panel); });
        panel.appendChild(label);
        panel.appendChild(field);
        panel.appendChild(close);
        box.appendChild(panel);
      }
      var text = panel.querySelector("input");
      text.value = link;
      text.focus();
      text.select();
    }
  });
})();
