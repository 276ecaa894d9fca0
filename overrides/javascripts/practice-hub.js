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
 *
 * 3. A contact's answer carries its phone numbers and email as links, which Material puts
 *    inside the result's own link: a link in a link, which Tab does not reach and a screen
 *    reader reads as one. They are moved out, under the result, as links of their own: Tab
 *    from the result goes to its first number.
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

  function callsOutside() {
    var items = list.querySelectorAll(".md-search-result__item");
    for (var i = 0; i < items.length; i++) {
      var inside = items[i].querySelectorAll("a[href] a.ph-result-call, a[href] a.ph-result-email");
      if (!inside.length) {
        continue;
      }
      var actions = document.createElement("p");
      actions.className = "ph-result-actions";
      for (var j = 0; j < inside.length; j++) {
        var before = inside[j].previousSibling;
        if (before && before.nodeType === 3 && before.textContent.trim() === "\u00b7") {
          before.remove(); // the " · " between two links
        }
        if (j) {
          actions.appendChild(document.createTextNode(" "));
        }
        actions.appendChild(inside[j]);
      }
      items[i].appendChild(actions);
    }
  }

  function fix() {
    var navs = list.querySelectorAll("nav.md-tags:not([role])");
    for (var i = 0; i < navs.length; i++) {
      navs[i].setAttribute("role", "none");
    }
    callsOutside();
    refocus();
  }
  new MutationObserver(fix).observe(list, { childList: true, subtree: true });
})();

/*
 * Practice Hub: the menu drawer from the keyboard, at phone width and at 200 % zoom (below
 * 76.25em Material shows the menu as a drawer that slides in from the left).
 *
 * Material's menu button is a <label for="__drawer">: a mouse or a finger can press it, Tab
 * never reached it. The header partial makes it a focusable button; here Enter and Space open
 * the drawer and put focus on its first link, Escape closes it and gives focus back to the
 * button, and focus that leaves the open drawer (Tab past its last link) closes it, so the
 * focused element is never under the drawer's shade (WCAG 2.1.1, 2.4.3, 2.4.11). The closed
 * drawer takes no focus at all (visibility, in practice-hub.css). The search box likewise
 * closes when focus leaves it, so Tab does not walk under the open search.
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-ph-menu-button]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) {
    return;
  }
  function isDrawer() {
    return getComputedStyle(button).display !== "none"; // the button shows while the menu is a drawer
  }
  function set(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change")); // Material listens for it (the overlay, scroll lock)
    }
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  function firstLink() {
    var links = drawer.querySelectorAll("a[href], label[tabindex='0'], [tabindex='0']");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getClientRects().length && getComputedStyle(links[i]).visibility !== "hidden") {
        return links[i];
      }
    }
    return null;
  }
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  });
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " " && event.key !== "Spacebar") {
      return;
    }
    event.preventDefault(); // Space would scroll the page
    var opening = !toggle.checked;
    set(opening);
    if (opening) {
      // The drawer becomes visible at once (practice-hub.css); it slides in over 0.25 s.
      var link = firstLink();
      if (link) {
        link.focus({ preventScroll: true });
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked && isDrawer()) {
      set(false);
      button.focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    if (!toggle.checked || !isDrawer()) {
      return;
    }
    var target = event.target;
    if (target !== button && !drawer.contains(target)) {
      set(false); // focus went on past the drawer: close it, so nothing is left under its shade
    }
  });

  // The search button (below 60em the search box is hidden until it is pressed) works the same
  // way: Enter or Space opens the search with focus in its box; Escape closes it (Material) and
  // focus goes back to the button.
  var search = document.getElementById("__search");
  var box = document.querySelector(".md-search");
  var searchButton = document.querySelector("[data-ph-search-button]");
  var input = document.querySelector(".md-search__input");
  if (!search || !box) {
    return;
  }
  function setSearch(open) {
    if (search.checked !== open) {
      search.checked = open;
      search.dispatchEvent(new Event("change"));
    }
  }
  document.addEventListener("focusin", function (event) {
    if (search.checked && !box.contains(event.target) && event.target !== searchButton) {
      setSearch(false); // focus went on past the search: close it, so nothing is left under it
    }
  });
  if (searchButton && input) {
    searchButton.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        setSearch(true);
        input.focus();
      }
    });
    // Material's shortcuts to search ("/", "s", "f") focus the box, which cannot take focus
    // while it is hidden (below 60em, closed): open it first, as the button does.
    document.addEventListener(
      "keydown",
      function (event) {
        var target = event.target;
        var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
        if (search.checked || typing || event.ctrlKey || event.altKey || event.metaKey) {
          return;
        }
        if ((event.key === "/" || event.key === "s" || event.key === "f") && getComputedStyle(searchButton).display !== "none") {
          event.preventDefault();
          event.stopPropagation();
          setSearch(true);
          input.focus();
        }
      },
      true
    );
    document.addEventListener(
      "keydown",
      function (event) {
        if (event.key !== "Escape" || !search.checked || getComputedStyle(searchButton).display === "none") {
          return;
        }
        setTimeout(function () {
          if (!search.checked && (document.activeElement === document.body || box.contains(document.activeElement))) {
            searchButton.focus();
          }
        });
      },
      true
    );
  }
})();
