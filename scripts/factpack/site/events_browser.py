"""The events browser: every event, filtered by type, person, organization, place and date, sorted by any column.

The page reads the published JSON tables (events_flat, actors, organizations) from the site itself, so it
stays small however many events there are, and loads nothing from another host. Every value is put on the
page as text (textContent), never as HTML.
"""

from factpack.site.pages import Page

SHOWN = 500  # rows drawn at once; the count says how many match

_FORM = """<div id="fp-events" data-tables="../../datasets/json/">
<form id="fp-filters" role="search" onsubmit="return false">
<label>Type <select name="type"><option value="">any</option></select></label>
<label>Person <input name="person" type="search" list="fp-people"></label>
<label>Organization <input name="organization" type="search" list="fp-organizations"></label>
<label>Place <input name="place" type="search"></label>
<label>From <input name="from" type="date"></label>
<label>To <input name="to" type="date"></label>
</form>
<datalist id="fp-people"></datalist><datalist id="fp-organizations"></datalist>
<p id="fp-count" aria-live="polite">Loading the events…</p>
<table id="fp-table"><thead><tr>
<th data-key="date_start" aria-sort="ascending"><button type="button">Date</button></th>
<th data-key="type"><button type="button">Type</button></th>
<th data-key="summary"><button type="button">Summary</button></th>
<th data-key="who"><button type="button">Who</button></th>
<th data-key="place"><button type="button">Place</button></th>
<th data-key="source_count"><button type="button">Sources</button></th>
</tr></thead><tbody></tbody></table>
</div>
"""

# Plain JavaScript, inline: no library, no request to another host. Values are set with textContent only.
_SCRIPT = """<script>
(function () {
  var root = document.getElementById("fp-events"), form = document.getElementById("fp-filters");
  var body = document.querySelector("#fp-table tbody"), count = document.getElementById("fp-count");
  var events = [], people = {}, groups = {}, sortKey = "date_start", ascending = true;
  function load(name) { return fetch(root.dataset.tables + name + ".json").then(function (r) { return r.json(); }); }
  function names(row, table) {
    var out = [];
    Object.keys(row).forEach(function (column) {
      if (!/_ids$/.test(column) || column === "source_ids" || !row[column]) { return; }
      row[column].forEach(function (id) { if (table[id]) { out.push(table[id]); } });
    });
    return out;
  }
  function who(row) {
    var out = [];
    Object.keys(row).forEach(function (column) {
      var role = column.replace(/_names$/, "");
      if (role !== column && row[column]) { out.push(role + ": " + row[column].join(", ")); }
    });
    return out.join("; ");
  }
  function place(row) { return [row.place_name || row.location, row.country].filter(Boolean).join(", "); }
  function has(list, wanted) {
    return !wanted || list.some(function (name) { return name.toLowerCase().indexOf(wanted) >= 0; });
  }
  function value(row, key) {
    if (key === "who") { return who(row); }
    if (key === "place") { return place(row); }
    if (key === "date_start") { return row.date_start || row.date_end; }
    return row[key] === null ? "" : row[key];
  }
  function cell(tr, text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); }
  function draw() {
    var f = form.elements, kind = f.type.value, person = f.person.value.trim().toLowerCase();
    var group = f.organization.value.trim().toLowerCase(), where = f.place.value.trim().toLowerCase();
    var from = f.from.value, to = f.to.value;
    var found = events.filter(function (row) {
      return (!kind || row.type === kind) && has(row.fp_people, person) && has(row.fp_groups, group)
        && (!where || place(row).toLowerCase().indexOf(where) >= 0)
        && (!from || row.date_end >= from) && (!to || (row.date_start || row.date_end) <= to);
    });
    found.sort(function (a, b) {
      var x = value(a, sortKey), y = value(b, sortKey);
      var order = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
      return (ascending ? order : -order) || a.event_id.localeCompare(b.event_id);
    });
    body.textContent = "";
    found.slice(0, SHOWN).forEach(function (row) {
      var tr = document.createElement("tr");
      [row.date, row.type, row.summary || "", who(row), place(row), String(row.source_count)].forEach(function (text) {
        cell(tr, text);
      });
      body.appendChild(tr);
    });
    count.textContent = found.length + " of " + events.length + " events" +
      (found.length > SHOWN ? " (the first " + SHOWN + " are shown)" : "");
  }
  document.querySelectorAll("#fp-table th").forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      ascending = sortKey === th.dataset.key ? !ascending : true;
      sortKey = th.dataset.key;
      document.querySelectorAll("#fp-table th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      draw();
    });
  });
  function fill(id, values) {
    var list = document.getElementById(id);
    values.sort().forEach(function (text) { var o = document.createElement("option"); o.value = text; list.appendChild(o); });
  }
  Promise.all([load("events_flat"), load("actors"), load("organizations")]).then(function (tables) {
    tables[1].forEach(function (row) { people[row.actor_id] = row.name; });
    tables[2].forEach(function (row) { groups[row.organization_id] = row.name; });
    events = tables[0].map(function (row) {
      row.fp_people = names(row, people); row.fp_groups = names(row, groups); return row;
    });
    var types = {};
    events.forEach(function (row) { types[row.type] = true; });
    fill("fp-people", Object.values(people)); fill("fp-organizations", Object.values(groups));
    Object.keys(types).sort().forEach(function (kind) {
      var o = document.createElement("option"); o.value = kind; o.textContent = kind; form.elements.type.appendChild(o);
    });
    form.addEventListener("input", draw);
    draw();
  }).catch(function () { count.textContent = "The events could not be loaded: open the site through a web server."; });
})();
</script>
"""


def page() -> Page:
    body = ("Every event in the dataset, from the published `events_flat` table. Filter by type, by a person's or an "
            "organization's name, by place or by dates (an event is shown when it can fall in the range), and sort by "
            "any column.\n\n" + _FORM + _SCRIPT.replace("SHOWN", str(SHOWN)))
    return Page("events.md", "Events", body)
