// @include io.devopssim.views.echarts.echarts
/*
 * The chart adjunct (io.devopssim.views.charts). Draws every <div class="devsim-chart"> with Apache ECharts'
 * SVG renderer, from the ECharts option the element carries as JSON in data-devsim-chart (built and
 * unit-tested in Java: io.devopssim.views.chart). The line above makes Stapler load ECharts first; devsim's
 * HTML report inlines both files. No inline script and no inline style on the page, so it works under
 * Jenkins' Content-Security-Policy, and a chart that cannot be drawn says so in its box.
 */
(function () {
  "use strict";

  function draw(box) {
    if (box.getAttribute("data-devsim-rendered") || box.getAttribute("data-devsim-error")) {
      return;
    }
    try {
      var height = parseInt(box.getAttribute("data-devsim-height"), 10);
      if (height > 0) {
        box.style.height = height + "px";
      }
      var chart = echarts.init(box, null, { renderer: "svg" });
      chart.setOption(JSON.parse(box.getAttribute("data-devsim-chart")));
      box.setAttribute("data-devsim-rendered", "svg");
      window.addEventListener("resize", function () {
        chart.resize();
      });
    } catch (e) {
      var message = String((e && e.message) || e);
      box.setAttribute("data-devsim-error", message);
      box.textContent = "This chart could not be drawn: " + message;
    }
  }

  function drawAll() {
    var boxes = document.querySelectorAll("div.devsim-chart");
    for (var i = 0; i < boxes.length; i++) {
      draw(boxes[i]);
    }
  }

  if (window.Behaviour && typeof window.Behaviour.specify === "function") {
    // Jenkins: also draws charts in content that arrives later (AJAX-loaded parts of a page)
    window.Behaviour.specify("div.devsim-chart", "devsim-chart", 0, draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
