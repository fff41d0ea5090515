/* The static edition's charts. Loaded with `defer`, so the page's text and tables are shown before any script runs;
   then Plotly (plotly.min.js, from the edition's own folder) is loaded and each chart is drawn from its JSON data
   block. No inline script anywhere: the edition runs under a Content-Security-Policy of script-src 'self'.
   On a screen 1800 px wide or more (a projector at 1920 x 1080) every chart text is drawn at the projector size. */
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var big = Number(body.getAttribute("data-projector-size")) || 24;
  var projector = window.matchMedia("(min-width: 1800px)").matches;
  var waiting = [];
  var loading = false;

  function enlarge(node) {  // every font of a figure at least `big` px
    if (Array.isArray(node)) { node.forEach(enlarge); return; }
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (/font$/i.test(key) && value && typeof value === "object" && !Array.isArray(value)) {
        value.size = Math.max(Number(value.size) || 0, big);
      }
      enlarge(value);
    });
  }

  function drawOne(div) {
    if (div.classList.contains("js-plotly-plot")) return;
    var block = document.getElementById(div.id + "-spec");
    if (!block) return;
    var spec = JSON.parse(block.textContent);
    var range = div.getAttribute("data-x-range");
    if (range) {  // side-effect charts of one page share their scale, as on the live page
      spec.layout.xaxis = Object.assign({}, spec.layout.xaxis, {range: [0, Number(range)]});
    }
    if (projector) {
      spec.layout.font = Object.assign({}, spec.layout.font, {size: big});
      enlarge(spec.layout);
      enlarge(spec.data);
      spec.layout.height = Math.round((Number(spec.layout.height) || 450) * 1.4);
    }
    window.Plotly.newPlot(div, spec.data, spec.layout, spec.config);
  }

  function drawInTurn(plots) {  // one chart per task: each shows as soon as it is drawn, the page stays responsive
    if (!plots.length) return;
    drawOne(plots.shift());
    window.setTimeout(function () { drawInTurn(plots); }, 0);
  }

  function drawAll(container) {
    var plots = Array.prototype.slice.call((container || document).querySelectorAll("div.plot"));
    if (!plots.length) return;
    if (window.Plotly) { drawInTurn(plots); return; }
    waiting.push(container || document);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "plotly.min.js";
    script.onload = function () { waiting.splice(0).forEach(drawAll); };
    document.head.appendChild(script);
  }

  window.msCharts = {drawAll: drawAll};
  drawAll(document);
})();
