/*
 * Material for MkDocs 9.8.1's inline scripts, moved into a file so that the Content Security
 * Policy can refuse every inline script (hosting/nginx-practice-hub.conf: no 'unsafe-inline'
 * in script-src). Each overridden partial in overrides/partials/javascripts/ loads this file
 * with data-md-part naming the part to run, at the same place in the page as the stock inline
 * script, so the order of execution is unchanged. Values the stock scripts took from the
 * template (the scope, base_url) come in data attributes of the <script> element.
 *
 * When upgrading Material: compare each stock partial in material/templates/partials/javascripts/
 * with the part of the same name below and re-apply any change.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var part = script && script.dataset.mdPart;

  if (part === "base") {  // partials/javascripts/base.html, in <head>
    window.__md_scope = new URL(script.dataset.mdScope, location);
    window.__md_hash = function (e) {
      return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
    };
    window.__md_get = function (key, storage, scope) {
      storage = storage === undefined ? localStorage : storage;
      scope = scope === undefined ? window.__md_scope : scope;
      return JSON.parse(storage.getItem(scope.pathname + "." + key));
    };
    window.__md_set = function (key, value, storage, scope) {
      storage = storage === undefined ? localStorage : storage;
      scope = scope === undefined ? window.__md_scope : scope;
      try {
        storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
      } catch (e) { /* storage full or refused: Material ignores it too */ }
    };
  } else if (part === "palette") {  // partials/javascripts/palette.html, in the header
    var palette = __md_get("__palette");
    if (palette && palette.color) {
      if (palette.color.media === "(prefers-color-scheme)") {
        var media = matchMedia("(prefers-color-scheme: light)");
        var input = document.querySelector(media.matches
          ? "[data-md-color-media='(prefers-color-scheme: light)']"
          : "[data-md-color-media='(prefers-color-scheme: dark)']");
        palette.color.media = input.getAttribute("data-md-color-media");
        palette.color.scheme = input.getAttribute("data-md-color-scheme");
        palette.color.primary = input.getAttribute("data-md-color-primary");
        palette.color.accent = input.getAttribute("data-md-color-accent");
      }
      Object.entries(palette.color).forEach(function (entry) {
        document.body.setAttribute("data-md-color-" + entry[0], entry[1]);
      });
    }
  } else if (part === "tabs") {  // partials/javascripts/content.html, with content.tabs.link
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = set.querySelector(".tabbed-labels");
        search: for (var i = 0; i < tabs.length; i++) {
          var found = labels.getElementsByTagName("label");
          for (var j = 0; j < found.length; j++) {
            if (found[j].innerText.trim() === tabs[i]) {
              document.getElementById(found[j].htmlFor).checked = true;
              break search;
            }
          }
        }
      });
    }
  } else if (part === "content") {  // partials/javascripts/content.html, after the article
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
  } else if (part === "announce") {  // partials/javascripts/announce.html
    var el = document.querySelector("[data-md-component=announce]");
    if (el) {
      var content = el.querySelector(".md-typeset");
      if (__md_hash(content.innerHTML) === __md_get("__announce")) el.hidden = true;
    }
  } else if (part === "outdated") {  // partials/javascripts/outdated.html
    var banner = document.querySelector("[data-md-component=outdated]");
    var base = new URL(script.dataset.mdBase, location);  // stock: new URL(base_url), absolute there
    if (__md_get("__outdated", sessionStorage, base) === true && banner) banner.hidden = false;
  }
}());
