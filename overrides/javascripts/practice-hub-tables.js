/*
 * Practice Hub: a wide table that scrolls sideways (on a phone, or at 200 % zoom) can be
 * reached and scrolled with the keyboard (WCAG 2.1.1 Keyboard; axe rule
 * scrollable-region-focusable). Material wraps each table in <div class="md-typeset__scrollwrap">
 * with its own script; a wrapper whose table is wider than the screen becomes a named region in
 * the tab order, and leaves it again when the table fits.
 */
(function () {
  "use strict";

  function name(wrap) {
    var caption = wrap.querySelector("caption");
    var text = caption ? caption.textContent.trim() : "";
    return text ? "Table: " + text + " (scrolls sideways)" : "Table (scrolls sideways)";
  }

  function mark() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name(wrap));
        wrap.setAttribute("data-ph-scrolls", "");
      } else if (!scrolls && wrap.hasAttribute("data-ph-scrolls")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        wrap.removeAttribute("data-ph-scrolls");
      }
    }
  }

  var pending = false;
  function soon() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        mark();
      });
    }
  }

  document.addEventListener("DOMContentLoaded", soon);
  window.addEventListener("load", soon);
  window.addEventListener("resize", soon);
  var content = document.querySelector(".md-content") || document.body;
  new MutationObserver(soon).observe(content, { childList: true, subtree: true });
  soon();
})();
