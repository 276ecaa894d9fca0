/*
 * Practice Hub: two small accessibility fixes to Material for MkDocs 9.8.1 search results.
 * The results are built by Material's JavaScript, so no template override can reach them.
 *
 * 1. Material renders each search result's tags as <nav class="md-tags"> inside the
 *    result's link. With several tagged results the dialog holds many nameless
 *    navigation landmarks that cannot be told apart (axe rule landmark-unique,
 *    WCAG 1.3.1 Info and Relationships); they are not navigation either, only text.
 *    Drop the landmark role as results appear.
 *
 * 2. Material empties the list and renders it again each time results arrive. Practice
 *    Hub's search sends the first screenful at once and the whole list (with its true
 *    count) when typing stops, so a reader who has already moved onto a result with the
 *    arrow keys would lose their place: focus fell to the page and the next ArrowDown
 *    went back to the search box (WCAG 2.4.3 Focus Order, 3.2.2 On Input). When the
 *    focused result is re-rendered, focus goes back to the same result.
 */
(function () {
  "use strict";
  var list = document.querySelector(".md-search-result__list");
  if (!list) {
    return;
  }
  var kept = null; // href of the result link that has focus, while it is in the list

  document.addEventListener("focusin", function (event) {
    var link = list.contains(event.target) ? event.target.closest("a[href]") : null;
    kept = link ? link.href : null;
  });
  document.addEventListener("pointerdown", function (event) {
    if (!list.contains(event.target)) {
      kept = null; // the reader clicked elsewhere: focus left the results on purpose
    }
  });

  function refocus() {
    var active = document.activeElement;
    if (!kept || (active && active !== document.body && document.contains(active))) {
      return; // focus is still somewhere on purpose
    }
    var links = list.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === kept) {
        links[i].focus();
        return;
      }
    }
    // Not (yet) in the list: the list may be between emptied and filled, so keep the href
    // until focus is put somewhere else.
  }

  function fix() {
    var navs = list.querySelectorAll("nav.md-tags:not([role])");
    for (var i = 0; i < navs.length; i++) {
      navs[i].setAttribute("role", "none");
    }
    refocus();
  }
  new MutationObserver(fix).observe(list, { childList: true, subtree: true });
})();
