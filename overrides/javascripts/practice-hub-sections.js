/* Practice Hub: induction checklists (ticks kept on this device only) and vacancy closing dates. */
(function () {
  "use strict";

  function storageKey(id) { return "practice-hub:checklist:" + id; }

  function load(id) {
    try { return JSON.parse(window.localStorage.getItem(storageKey(id)) || "[]"); } catch (e) { return []; }
  }

  function save(id, ticked) {
    try { window.localStorage.setItem(storageKey(id), JSON.stringify(ticked)); } catch (e) { /* private mode */ }
  }

  function setUpChecklist(list) {
    var id = list.getAttribute("data-ph-checklist");
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[data-ph-step]"));
    var progress = list.querySelector("[data-ph-progress]");
    var bar = list.querySelector("[data-ph-progress-bar]");
    var reset = list.querySelector("[data-ph-reset]");
    var confirmBox = list.querySelector("[data-ph-reset-confirm]");
    var ticked = load(id);
    function show() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      boxes.forEach(function (box) {
        var item = box.closest("li");
        if (item) item.classList.toggle("ph-checklist__step--done", box.checked);
      });
      if (progress) {
        progress.textContent = done === boxes.length && done > 0
          ? "All " + boxes.length + " steps done"
          : done + " of " + boxes.length + " steps done";
      }
      if (bar) { bar.max = boxes.length || 1; bar.value = done; bar.hidden = false; }
      if (reset) reset.disabled = done === 0;
    }
    function askToReset(asking) {
      if (!confirmBox || !reset) return;
      confirmBox.hidden = !asking;
      reset.hidden = asking;
    }
    boxes.forEach(function (box) {
      box.checked = ticked.indexOf(box.getAttribute("data-ph-step")) !== -1;
      box.addEventListener("change", function () {
        save(id, boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-ph-step"); }));
        show();
      });
    });
    if (reset && confirmBox) {
      var yes = confirmBox.querySelector("[data-ph-reset-yes]");
      var no = confirmBox.querySelector("[data-ph-reset-no]");
      reset.hidden = false;
      /* Unticking everything cannot be undone, so it asks first; "No" is the focused answer. */
      reset.addEventListener("click", function () { askToReset(true); no.focus(); });
      no.addEventListener("click", function () { askToReset(false); reset.focus(); });
      yes.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        try { window.localStorage.removeItem(storageKey(id)); } catch (e) { /* private mode */ }
        askToReset(false);
        show();
        if (boxes[0]) boxes[0].focus();
      });
    }
    show();
  }

  /* A vacancy is open to the end of its closing date, UK time near enough. */
  function closed(element, now) {
    var parts = (element.getAttribute("data-ph-closes") || "").split("-");
    if (parts.length !== 3) return false;
    var endOfDay = new Date(+parts[0], +parts[1] - 1, +parts[2], 23, 59, 59);
    return now > endOfDay;
  }

  /* The home page's big search button opens Material's search, as pressing "/" does. */
  function setUpSearchButtons() {
    document.querySelectorAll("[data-ph-open-search]").forEach(function (button) {
      button.addEventListener("click", function () {
        var toggle = document.getElementById("__search");
        var input = document.querySelector("input.md-search__input");
        if (toggle && !toggle.checked) {
          toggle.checked = true;
          toggle.dispatchEvent(new Event("change", { bubbles: true }));
        }
        if (input) input.focus();
      });
    });
  }

  function start() {
    var now = new Date();
    setUpSearchButtons();
    document.querySelectorAll("[data-ph-checklist]").forEach(setUpChecklist);
    document.querySelectorAll("li[data-ph-closes]").forEach(function (li) {
      if (closed(li, now)) li.hidden = true;
    });
    document.querySelectorAll("div[data-ph-closes]").forEach(function (box) {
      if (!closed(box, now)) return;
      var notice = box.querySelector("[data-ph-closed-notice]");
      var apply = box.querySelector("[data-ph-apply]");
      if (notice) notice.hidden = false;
      if (apply) apply.hidden = true;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
