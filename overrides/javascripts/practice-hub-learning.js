/* Practice Hub: the "Print this briefing" button on learning briefings.
 * Without JavaScript the button stays hidden; the browser's own Print gives the same one page. */
(function () {
  "use strict";

  function start() {
    document.querySelectorAll("[data-ph-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
