/* Practice Hub: list filters (training catalogue, research library). Sessions and events that
 * have passed since the build are hidden by practice-hub-today.js.
 * Without JavaScript the catalogue is a complete list. */
(function () {
  "use strict";

  function setUpFilters(form) {
    var list = document.querySelector("[data-ph-filtered]");
    var count = document.querySelector(".ph-filter-count");
    if (!list) return;
    var items = Array.prototype.slice.call(list.children);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-ph-key]"));
    var noun = form.getAttribute("data-ph-noun") || "courses";
    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var match = selects.every(function (select) {
          if (!select.value) return true;
          var values = item.getAttribute("data-" + select.getAttribute("data-ph-key")) || "";
          /* A course for "all staff" is for every role. */
          if (select.getAttribute("data-ph-key") === "audience" && values.indexOf("|all staff|") !== -1) return true;
          return values.indexOf("|" + select.value + "|") !== -1;
        });
        item.hidden = !match;
        if (match) shown += 1;
      });
      showEmpty(shown === 0);
      if (count) {
        count.textContent = shown === items.length
          ? "Showing all " + items.length + " " + noun
          : "Showing " + shown + " of " + items.length + " " + noun;
      }
    }
    /* Nothing matches: say which filters are set and what to change. The form's one
       "Clear filters" button clears them (one clear action, not two). */
    var empty = document.createElement("div");
    empty.className = "ph-filter-empty";
    empty.hidden = true;
    var emptyText = document.createElement("p");
    empty.appendChild(emptyText);
    list.parentNode.insertBefore(empty, list);
    function showEmpty(isEmpty) {
      empty.hidden = !isEmpty;
      if (!isEmpty) return;
      var set = selects.filter(function (select) { return select.value; }).map(function (select) {
        var label = form.querySelector('label[for="' + select.id + '"]');
        return (label ? label.textContent : select.getAttribute("data-ph-key")) + ": " +
          select.options[select.selectedIndex].text;
      });
      emptyText.textContent = "No " + noun + " match " + set.join("; ") + ". " +
        (set.length > 1 ? "Set one of these filters back to its first choice, or clear them all with \u201cClear filters\u201d."
                        : "Choose another option, or clear it with \u201cClear filters\u201d.");
    }
    /* The filters live in the address (?audience=manager): a reload keeps them, a link shares them. */
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.getAttribute("data-ph-key"));
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });
    function remember() {
      var next = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var key = select.getAttribute("data-ph-key");
        if (select.value) next.set(key, select.value); else next.delete(key);
      });
      var query = next.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
    selects.forEach(function (select) {
      select.addEventListener("change", function () { apply(); remember(); });
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(); remember(); selects[0].focus(); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    document.querySelectorAll("form[data-ph-filter]").forEach(setUpFilters);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
