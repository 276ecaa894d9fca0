/* Practice Hub: the search's first files, fetched once the page has loaded and the browser is
 * idle, while the reader reads: Pagefind's script, its WebAssembly and each index's metadata,
 * all at once. The search worker asks for the same files when the search opens; the web server
 * lets the browser keep them (hosting/nginx-practice-hub.conf: Pagefind's index files by their
 * content, its script and WebAssembly five minutes), so the worker gets them from the browser's
 * cache instead of one after another over a slow connection, and so do the next pages.
 * Only the site's own files; a file that does not come is left to the search to fetch. */
(function () {
  "use strict";

  function config() {
    var element = document.getElementById("__config");
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  function warm(address) {
    return window.fetch(address, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response : Promise.reject(new Error(address));
    });
  }

  /* One index (pagefind/, or a large site's pagefind/shard-1/, ...): its entry file names the
     metadata and WebAssembly to fetch. Returns whether the index is there. */
  function warmIndex(folder, first) {
    /* the server lets the browser keep the entry file 30 seconds: the search opens on it */
    return window.fetch(new URL("pagefind-entry.json", folder).href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (entry) {
        if (!entry || !entry.languages) return false;
        Object.keys(entry.languages).forEach(function (language) {
          var index = entry.languages[language];
          if (index.hash) warm(new URL("pagefind." + index.hash + ".pf_meta", folder).href).catch(function () {});
          /* the other indexes share the first's WebAssembly (the worker's mergeIndex) */
          if (first) warm(new URL("wasm." + (index.wasm || language) + ".pagefind", folder).href).catch(function () {});
        });
        return true;
      });
  }

  /* How many indexes the site has: the build writes it into the search worker (SHARDS, one
     entry per index; search/index.py), which is fetched here too, so the search starts from the
     browser's cache. A worker that cannot be read: the first index only. */
  function shardCount(text) {
    var found = /const SHARDS = (\[.*\]);/.exec(text || "");
    try {
      var shards = found ? JSON.parse(found[1]) : [];
      return Math.max(1, Math.min(shards.length, 64));
    } catch (error) {
      return 1;
    }
  }

  function preload() {
    var settings = config();
    // Opened from a folder (the evidence pack's copy of the site), a browser fetches nothing.
    if (!settings || !window.fetch || window.location.protocol === "file:") return;
    var root = new URL(settings.base || ".", window.location.href);
    var folder = new URL("pagefind/", root);
    warm(new URL("pagefind.js", folder).href).catch(function () {});
    warmIndex(folder, true).catch(function () {});
    if (!settings.search) return;
    window.fetch(new URL(settings.search, window.location.href).href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (text) {
        for (var number = 1; number < shardCount(text); number++) {
          warmIndex(new URL("pagefind/shard-" + number + "/", root)).catch(function () {});
        }
      })
      .catch(function () {});
  }

  function whenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(preload, { timeout: 1000 });
    else window.setTimeout(preload, 50);
  }

  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle);
})();
