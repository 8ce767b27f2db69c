/* 决算透视: a link to another page's #anchor lands on the anchor.
 *
 * Two timers in mkdocs-material's instant navigation can lose the anchor of a link that is clicked
 * while the page still settles from a scroll, when the next page takes a moment to fetch:
 * the scroll offset is written into history.state 100 ms after the last scroll (and so into the
 * new page's history entry), and navigation.tracking rewrites the address's #hash to the section
 * in view (and so strips the new address's #anchor). The theme then scrolls to the old offset or
 * to the top, and a reader following a link to a finding lands at the top of the report.
 * So the anchor of a clicked link to another page is remembered; once that page is shown with the
 * anchor off screen or gone from the address, the address gets its #anchor back and the browser
 * is sent to it.
 * Back/forward steps are not clicks and keep the offsets the theme restores on purpose.
 */
(function () {
  "use strict";
  var pending = null;

  document.addEventListener("click", function (ev) {
    pending = null;
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target && ev.target.closest ? ev.target.closest("a[href]") : null;
    if (!a || a.target || a.hasAttribute("download")) return;
    var url = new URL(a.getAttribute("href"), location.href);
    if (url.origin !== location.origin || !url.hash || url.pathname === location.pathname) return;
    pending = { path: url.pathname, hash: url.hash };
  }, true);

  function shown() {
    var p = pending;
    pending = null;
    if (!p || location.pathname !== p.path) return;
    requestAnimationFrame(function () {
      var id;
      try { id = decodeURIComponent(p.hash.slice(1)); } catch (e) { return; }
      var el = document.getElementById(id);
      if (!el) return;
      var top = el.getBoundingClientRect().top;
      if (location.hash === p.hash && top >= 0 && top <= window.innerHeight) return;
      if (location.hash !== p.hash) history.replaceState(history.state, "", p.hash);
      // As the theme does: a click on a detached link is a real fragment navigation, so the
      // scroll keeps the theme's margin under the header and :target marks the finding.
      var a = document.createElement("a");
      a.href = p.hash;
      a.click();
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(shown);
  }
})();
