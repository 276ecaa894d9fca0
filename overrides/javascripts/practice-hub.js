/*
 * Practice Hub: small accessibility fix to Material for MkDocs 9.8.1 search results.
 *
 * Material renders each search result's tags as <nav class="md-tags"> inside the
 * result's link. With several tagged results the dialog holds many nameless
 * navigation landmarks that cannot be told apart (axe rule landmark-unique,
 * WCAG 1.3.1 Info and Relationships); they are not navigation either, only text.
 * The results are built by Material's JavaScript, so no template override can
 * reach them: drop the landmark role as results appear.
 */
(function () {
  "use strict";
  var list = document.querySelector(".md-search-result__list");
  if (!list) {
    return;
  }
  function fix() {
    var navs = list.querySelectorAll("nav.md-tags:not([role])");
    for (var i = 0; i < navs.length; i++) {
      navs[i].setAttribute("role", "none");
    }
  }
  new MutationObserver(fix).observe(list, { childList: true, subtree: true });
})();
