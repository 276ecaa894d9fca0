/* Practice Hub: decide the review banner with the reader's date, as GOV.UK's page expiry does,
 * so a site built weeks ago still tells the truth. Without JavaScript the build's own view shows. */
(function () {
  "use strict";
  var DAY = 24 * 60 * 60 * 1000;

  function longDate(date) {
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function todayUtc(now) {
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }

  function update(box, now) {
    var parts = (box.getAttribute("data-ph-review-by") || "").split("-");
    if (parts.length !== 3) return;
    var due = Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
    var daysLeft = Math.round((due - todayUtc(now)) / DAY);
    var soon = parseInt(box.getAttribute("data-ph-due-days"), 10) || 30;
    var state = daysLeft < 0 ? "overdue" : daysLeft <= soon ? "due" : "current";
    var when = box.getAttribute("data-ph-review-by-text");
    var owner = box.getAttribute("data-ph-owner") || "the owner";
    box.setAttribute("data-ph-state", state);
    box.classList.remove("ph-review--current", "ph-review--due", "ph-review--overdue");
    box.classList.add("ph-review--" + state);
    var banner = box.querySelector("[data-ph-banner]");
    var text = box.querySelector("[data-ph-banner-text]");
    if (!banner || !text) return;
    if (state === "current") {
      banner.hidden = true;
      return;
    }
    text.textContent = state === "overdue"
      ? "This page was due for review on " + when + ". Check with " + owner + " before relying on it."
      : "This page is due for review by " + when + ".";
    banner.hidden = false;
  }

  function stampPrint(now) {
    document.querySelectorAll("[data-ph-print-date]").forEach(function (el) { el.textContent = longDate(now); });
    document.querySelectorAll("[data-ph-print-url]").forEach(function (el) { el.textContent = window.location.href; });
  }

  function start() {
    var now = new Date();
    document.querySelectorAll("[data-ph-review]").forEach(function (box) { update(box, now); });
    stampPrint(now);
    window.addEventListener("beforeprint", function () { stampPrint(new Date()); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
