/* Practice Hub: what depends on today's date is decided by the reader's clock, so a site built
 * weeks ago still tells the truth. The build writes every candidate with its date:
 *   data-ph-ends="2026-12-08T10:30:00Z"  a session or event, gone once it has ended;
 *   data-ph-until="2026-11-30"           an urgent notice, shown to the end of that day;
 *   data-ph-closes="2026-12-15"          a vacancy listed (li), open to the end of its closing date.
 * and around them:
 *   data-ph-limit="3"  shows the first three still current (the build wrote more, hidden);
 *   data-ph-group      hidden, heading and all, once nothing dated in it is left;
 *   data-ph-empty      shown once nothing dated is left in its data-ph-scope (or the page).
 * Without JavaScript the build's own view shows, true on the day it was built. */
(function () {
  "use strict";
  var DATED = "[data-ph-ends], [data-ph-until], li[data-ph-closes]";

  function endOfDay(value) {
    var parts = (value || "").split("-");
    if (parts.length !== 3) return NaN;
    return new Date(+parts[0], +parts[1] - 1, +parts[2], 23, 59, 59).getTime();
  }

  function isPast(element, now) {
    var ends = element.hasAttribute("data-ph-ends")
      ? Date.parse(element.getAttribute("data-ph-ends"))
      : endOfDay(element.getAttribute("data-ph-until") || element.getAttribute("data-ph-closes"));
    return !isNaN(ends) && ends < now;
  }

  /* A list item holding only this entry goes (or comes back) with it: no empty bullet. */
  function setShown(element, shown) {
    element.hidden = !shown;
    var item = element.parentElement;
    if (element.tagName !== "LI" && item && item.tagName === "LI" && item.children.length === 1) {
      item.hidden = !shown;
    }
  }

  function current(scope) {
    return Array.prototype.filter.call(scope.querySelectorAll(DATED), function (el) {
      return !el.hasAttribute("data-ph-past");
    });
  }

  function leaveContents(group) {
    group.querySelectorAll("[id]").forEach(function (heading) {
      var selector = '.md-nav--secondary a[href="#' + CSS.escape(heading.id) + '"]';
      document.querySelectorAll(selector).forEach(function (link) {
        var entry = link.closest("li");
        if (entry) entry.hidden = true;
      });
    });
  }

  function decide(now) {
    document.querySelectorAll(DATED).forEach(function (element) {
      if (isPast(element, now)) {
        element.setAttribute("data-ph-past", "");
        setShown(element, false);
      }
    });
    document.querySelectorAll("[data-ph-limit]").forEach(function (list) {
      var limit = parseInt(list.getAttribute("data-ph-limit"), 10) || 3;
      current(list).forEach(function (element, index) { setShown(element, index < limit); });
    });
    document.querySelectorAll("[data-ph-group]").forEach(function (group) {
      if (group.querySelector(DATED) && !current(group).length) {
        group.hidden = true;
        leaveContents(group);
      }
    });
    document.querySelectorAll("[data-ph-empty]").forEach(function (empty) {
      var scope = empty.closest("[data-ph-scope]") || document;
      if (!scope.querySelector(DATED)) return; /* the build already said so */
      var none = !current(scope).length;
      empty.hidden = !none;
      if (!none) return;
      /* Only the empty state is left in the block: its list goes (no empty list). */
      scope.querySelectorAll("[data-ph-limit]").forEach(function (list) { list.hidden = true; });
    });
  }

  function start() {
    decide(Date.now());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
