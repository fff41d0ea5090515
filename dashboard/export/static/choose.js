/* The static edition's "choose your treatments" page: the reader ticks up to six treatments and gets their overview
   (the same table as the live dashboard, a row per consideration, a column per treatment) and the side-effect charts
   of each, from the knowledge in the page's JSON data block (id "knowledge"). Text is only ever set as text
   (textContent), never parsed as markup; links come already checked against the allow-list. The choice is kept in
   the address (#ocrelizumab,natalizumab), so it can be bookmarked and shared, also from files. */
(function () {
  "use strict";
  var knowledge = JSON.parse(document.getElementById("knowledge").textContent);
  var form = document.getElementById("choose");
  var out = document.getElementById("overview");
  var status = document.getElementById("choose-status");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  function chosen() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  function pairFile(ids) {
    var sorted = ids.slice().sort(function (a, b) { return knowledge.order.indexOf(a) - knowledge.order.indexOf(b); });
    return "compare/" + sorted.join("--") + ".html";
  }

  function render() {
    var ids = chosen();
    boxes.forEach(function (b) { b.disabled = !b.checked && ids.length >= knowledge.most; });
    status.textContent = ids.length >= knowledge.most
      ? "You have chosen " + ids.length + ", the most this page compares. Untick one to choose another."
      : ids.length ? "You have chosen " + ids.length + " of up to " + knowledge.most + "." : "";
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", ids.length ? "#" + ids.join(",") : window.location.pathname);
    }
    out.textContent = "";
    if (!ids.length) {
      out.appendChild(el("p", "Tick one or more treatments above to see their overview.", {"class": "note"}));
      return;
    }
    var numbers = [];
    function cite(index) {
      if (index === null || index === undefined) return null;
      var n = numbers.indexOf(index);
      if (n < 0) { numbers.push(index); n = numbers.length - 1; }
      var sup = el("sup");
      sup.appendChild(el("a", "[" + (n + 1) + "]", {href: "#set-source-" + (n + 1)}));
      return sup;
    }
    var picked = ids.map(function (id) { return knowledge.treatments[id]; });

    out.appendChild(el("h2", "Overview"));
    var table = el("table", null, {"class": "overview"});
    var head = el("tr");
    head.appendChild(el("td"));
    picked.forEach(function (t) { head.appendChild(el("th", t.label, {scope: "col"})); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    knowledge.rows.forEach(function (heading, r) {
      var tr = el("tr");
      tr.appendChild(el("th", heading, {scope: "row"}));
      picked.forEach(function (t) {
        var td = el("td", t.cells[r][0], {"data-label": t.name});
        var mark = cite(t.cells[r][1]);
        if (mark) { td.appendChild(document.createTextNode(" ")); td.appendChild(mark); }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    out.appendChild(table);
    out.appendChild(el("p", knowledge.note + " Last reviewed: " + picked.map(function (t) {
      return t.name + ": " + t.reviewed; }).join("; ") + ".", {"class": "note"}));

    var pages = el("p", "Each on its own page: ");
    picked.forEach(function (t, i) {
      if (i) pages.appendChild(document.createTextNode(", "));
      pages.appendChild(el("a", t.name, {href: t.page}));
    });
    if (ids.length === 2) {
      pages.appendChild(document.createTextNode("; the two side by side: "));
      pages.appendChild(el("a", picked[0].name + " and " + picked[1].name, {href: pairFile(ids)}));
    }
    out.appendChild(pages);

    var cards = [];
    picked.forEach(function (t) { t.charts.forEach(function (c) { cards.push(c); }); });
    if (cards.length) {
      out.appendChild(el("h2", "Side effects in the trials"));
      out.appendChild(el("p", "Each treatment beside the comparator arm of its own trial, out of 100 people in each arm.",
                         {"class": "note"}));
      var range = Math.max.apply(null, cards.map(function (c) { return c.range; }));
      cards.forEach(function (c) {
        var section = el("section", null, {"class": "chart"});
        var h3 = el("h3", c.heading);
        var mark = cite(c.cite);
        if (mark) h3.appendChild(mark);
        section.appendChild(h3);
        section.appendChild(el("div", null, {id: "set-" + c.key, "class": "plot", role: "img", "aria-label": c.alt,
                                             "data-x-range": String(range)}));
        section.appendChild(el("script", JSON.stringify(c.spec), {type: "application/json", id: "set-" + c.key + "-spec"}));
        var details = el("details");
        details.appendChild(el("summary", "Show as table"));
        var wrap = details.appendChild(el("div", null, {"class": "scroll"}));
        var t = wrap.appendChild(el("table"));
        var hr = t.appendChild(el("thead")).appendChild(el("tr"));
        c.table.columns.forEach(function (name) { hr.appendChild(el("th", name)); });
        var tb = t.appendChild(el("tbody"));
        c.table.rows.forEach(function (values) {
          var tr = tb.appendChild(el("tr"));
          values.forEach(function (v) { tr.appendChild(el("td", v)); });
        });
        section.appendChild(details);
        out.appendChild(section);
      });
    }

    out.appendChild(el("h2", "Sources on this page"));
    var list = el("ol");
    numbers.forEach(function (index, n) {
      var s = knowledge.citations[index];
      var li = el("li", null, {id: "set-source-" + (n + 1), value: String(n + 1)});
      li.appendChild(s[1] ? el("a", s[0], {href: s[1], rel: "noopener noreferrer"}) : el("span", s[0]));
      li.appendChild(document.createTextNode(" (" + s[2] + ", " + s[3] + "). " + s[4] + ". "));
      li.appendChild(el("em", s[5]));
      list.appendChild(li);
    });
    out.appendChild(list);
    if (window.msCharts) window.msCharts.drawAll(out);
  }

  var asked = [];
  try {
    asked = decodeURIComponent(window.location.hash.replace(/^#/, "")).split(",");
  } catch (error) {  // a malformed address: start with nothing chosen
    asked = [];
  }
  boxes.forEach(function (b) { b.checked = asked.indexOf(b.value) >= 0; });
  var first = chosen();
  boxes.forEach(function (b) { if (first.indexOf(b.value) >= knowledge.most) b.checked = false; });
  form.addEventListener("change", render);
  render();
})();
