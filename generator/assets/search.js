/* 决算透视: site search on Pagefind's chunked index (pagefind/ beside assets/, written after the
   MkDocs build). A box in the header; the Pagefind library and the index chunks a query needs are
   fetched on first use only, so a page view costs nothing. Results are plain links, so
   mkdocs-material's instant navigation handles them like any other link. */
(function () {
  "use strict";
  var script = document.currentScript;
  // absolute, so it stays right after instant navigation changes the page's depth
  var bundle = new URL("../pagefind/", script ? script.src : location.href);
  var pagefind = null;
  var seq = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (pf) {
        // result URLs are site-relative ("/reports/…"): put the site's own base in front
        return Promise.resolve(pf.options({ baseUrl: new URL("../", bundle).pathname })).then(function () {
          return pf;
        });
      });
    }
    return pagefind;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function excerpt(html) {
    // Pagefind's excerpt marks hits with <mark>; keep those as marks and everything else as text.
    // Parsed by DOMParser, whose document is inert (no script runs, no image loads).
    var p = el("p", "jl-search__excerpt");
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (n) {
      if (n.nodeType === 3) p.appendChild(document.createTextNode(n.textContent));
      else if (n.nodeName === "MARK") p.appendChild(el("mark", "", n.textContent));
      else p.appendChild(document.createTextNode(n.textContent || ""));
    });
    return p;
  }

  function render(list, status, query, results) {
    list.textContent = "";
    if (!results.length) {
      status.textContent = "没有找到“" + query + "”";
      return;
    }
    status.textContent = "找到 " + results.length + " 个结果";
    results.forEach(function (r) {
      var li = el("li", "jl-search__item");
      var a = el("a", "jl-search__link");
      a.href = r.url;
      a.appendChild(el("span", "jl-search__title", (r.meta && r.meta.title) || r.url));
      a.appendChild(excerpt(r.excerpt || ""));
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function search(box) {
    var input = box.querySelector("input");
    var list = box.querySelector("ol");
    var status = box.querySelector(".jl-search__status");
    var query = input.value.trim();
    var mine = ++seq;
    if (!query) {
      box.classList.remove("jl-search--open");
      list.textContent = "";
      return;
    }
    box.classList.add("jl-search--open");
    status.textContent = "正在搜索…";
    load()
      .then(function (pf) { return pf.debouncedSearch(query, {}, 150); })
      .then(function (found) {
        if (found === null || mine !== seq) return null; // a newer query superseded this one
        return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }));
      })
      .then(function (results) {
        if (results && mine === seq) render(list, status, query, results);
      })
      .catch(function () {
        if (mine === seq) status.textContent = "搜索暂不可用";
      });
  }

  function build() {
    var box = el("div", "jl-search");
    box.setAttribute("role", "search");
    var input = el("input", "jl-search__input");
    input.type = "search";
    input.placeholder = "搜索";
    input.setAttribute("aria-label", "搜索报告、单位和问题");
    input.autocomplete = "off";
    var panel = el("div", "jl-search__panel");
    var status = el("div", "jl-search__status");
    status.setAttribute("aria-live", "polite");
    var list = el("ol", "jl-search__results");
    panel.appendChild(status);
    panel.appendChild(list);
    box.appendChild(input);
    box.appendChild(panel);
    input.addEventListener("focus", function () { load(); }, { once: true });
    input.addEventListener("input", function () { search(box); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; search(box); input.blur(); }
    });
    // a chosen result closes the panel (instant navigation keeps the header and this box)
    list.addEventListener("click", function (e) {
      if (e.target.closest("a")) box.classList.remove("jl-search--open");
    });
    document.addEventListener("click", function (e) {
      if (!box.contains(e.target)) box.classList.remove("jl-search--open");
    });
    return box;
  }

  function mount() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".jl-search")) return;
    var before = header.querySelector(".md-header__source");
    header.insertBefore(build(), before);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
