/* Practice Hub: the search log's "opened from search" (setting search_log, off by default).
 * When the setting is on, the page names the search worker with "?log" (overrides/main.html);
 * the worker sends each finished query itself. This script sends, when a reader opens a search
 * result, the page opened and the query it came from to the site's own search/log: a GET with
 * no cookies and nothing that names the reader (nginx answers 204 and writes it in its access
 * log; `practice-hub search-report` counts the pages opened from search). */
(function () {
  "use strict";

  function settings() {
    var element = document.getElementById("__config");
    if (!element) return null;
    try {
      var config = JSON.parse(element.textContent);
      if (String(config.search || "").indexOf("?log") === -1) return null;
      return new URL(config.base || ".", window.location.href);
    } catch (error) {
      return null;
    }
  }

  function start() {
    var root = settings();
    if (!root || !window.fetch) return;
    function opened(event) {
      var link = event.target.closest && event.target.closest(".md-search-result a[href]");
      if (!link) return;
      var input = document.querySelector("input.md-search__input");
      var query = (input ? input.value : "").trim().replace(/\s+/g, " ").slice(0, 200);
      var target = new URL(link.getAttribute("href"), window.location.href);
      if (!query || target.origin !== root.origin) return;
      var page = target.pathname.indexOf(root.pathname) === 0
        ? target.pathname.slice(root.pathname.length) : target.pathname;
      var address = new URL("search/log", root);
      address.search = new URLSearchParams({ q: query, open: "/" + page + target.hash }).toString();
      window.fetch(address.href, { credentials: "omit", keepalive: true, cache: "no-store", referrerPolicy: "no-referrer" })
        .catch(function () {});
    }
    document.addEventListener("click", opened, true);
    document.addEventListener("auxclick", opened, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
