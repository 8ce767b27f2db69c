/* 决算透视 chart loader.
 *
 * Every <div class="chart" data-fig="{data, layout}"> on a page is drawn with plotly.js when it
 * scrolls into view. plotly.js (the vendored basic bundle beside this file) is fetched once, on
 * the first chart a visitor sees. Subscribed to mkdocs-material's document$, so charts are drawn
 * on a direct load and after instant navigation; the previous page's charts are purged first.
 * Colours follow the light/dark palette and are re-applied when the reader switches it.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var PLOTLY_URL = new URL("plotly-basic-4.1.1.min.js", here || location.href).href;
  var FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", ' +
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
  var COLORS = ["#3f6fd8", "#e8710a", "#1e8e3e", "#d93025", "#9334e6", "#12b5cb", "#f9ab00", "#80868b"];
  var loading = null;
  var observer = null;
  var drawn = [];

  function registerLocale(Plotly) {
    Plotly.register({
      moduleType: "locale",
      name: "zh-CN",
      dictionary: {
        "Autoscale": "自动缩放", "Reset axes": "重置坐标轴", "Zoom in": "放大", "Zoom out": "缩小",
        "Download plot as a png": "下载为 PNG 图片", "Double-click to zoom back out": "双击恢复原始比例"
      },
      format: {
        days: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        shortDays: ["日", "一", "二", "三", "四", "五", "六"],
        months: ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
        shortMonths: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
        date: "%Y-%m-%d", decimal: ".", thousands: ","
      }
    });
  }

  function plotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = PLOTLY_URL;
        s.async = true;
        s.onload = function () { registerLocale(window.Plotly); resolve(window.Plotly); };
        s.onerror = function () { loading = null; reject(new Error("plotly.js 加载失败")); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function palette() {
    var css = getComputedStyle(document.body);
    return {
      fg: css.getPropertyValue("--md-default-fg-color").trim() || "#333",
      grid: css.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd"
    };
  }

  function themeUpdate() {
    var p = palette();
    return {
      "font.family": FONT, "font.color": p.fg, "font.size": 13,
      "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
      "xaxis.gridcolor": p.grid, "yaxis.gridcolor": p.grid,
      "xaxis.zerolinecolor": p.fg, "yaxis.zerolinecolor": p.grid
    };
  }

  function themed(layout) {
    var p = palette();
    var out = JSON.parse(JSON.stringify(layout || {}));
    out.font = Object.assign({ family: FONT, color: p.fg, size: 13 }, out.font);
    out.paper_bgcolor = out.plot_bgcolor = "rgba(0,0,0,0)";
    out.colorway = COLORS;
    ["xaxis", "yaxis"].forEach(function (ax) {
      out[ax] = Object.assign({ gridcolor: p.grid, zerolinecolor: p.grid, automargin: true }, out[ax]);
    });
    return out;
  }

  function draw(el) {
    if (el.getAttribute("data-state")) return;
    el.setAttribute("data-state", "loading");
    var fig;
    try { fig = JSON.parse(el.getAttribute("data-fig")); } catch (e) { el.setAttribute("data-state", "error"); return; }
    plotly().then(function (Plotly) {
      if (!el.isConnected) return null;
      return Plotly.newPlot(el, fig.data, themed(fig.layout), {
        locale: "zh-CN", responsive: true, displayModeBar: false, displaylogo: false, scrollZoom: false
      }).then(function () { drawn.push(el); el.setAttribute("data-state", "drawn"); });
    }).catch(function (err) {
      el.setAttribute("data-state", "error");
      el.textContent = "图表未能加载，可下载下方的 CSV 数据。";
      if (window.console) console.warn(err);
    });
  }

  function purge() {
    if (observer) { observer.disconnect(); observer = null; }
    drawn.forEach(function (el) { if (window.Plotly) window.Plotly.purge(el); });
    drawn = [];
  }

  function setup() {
    purge();
    var charts = document.querySelectorAll("div.chart[data-fig]");
    if (!charts.length) return;
    if (!("IntersectionObserver" in window)) { charts.forEach(draw); return; }
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { observer.unobserve(e.target); draw(e.target); }
      });
    }, { rootMargin: "200px 0px" });
    charts.forEach(function (el) { observer.observe(el); });
  }

  new MutationObserver(function () {
    if (!window.Plotly) return;
    var update = themeUpdate();
    drawn.forEach(function (el) { if (el.isConnected) window.Plotly.relayout(el, update); });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
