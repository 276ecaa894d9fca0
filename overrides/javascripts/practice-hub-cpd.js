/* Practice Hub: the CPD companion ("Record as CPD" on courses, events, briefings, research
 * entries and procedures; the My CPD page). Made by practice_hub/renderer/cpd.py.
 *
 * The records never leave the device: they live in one localStorage key of this site (its root
 * path in the key's name), exports are made in the page (Blob + download link, or the
 * clipboard) and no request carries them. Safe on a shared computer, as the audit tool is:
 * nothing opens by itself (the form opens when "Record this as CPD" is pressed, the records
 * show when "Show my CPD records" is pressed), a note says where they are kept, "Clear
 * everything on this device" removes the key.
 * Social Work England's registration year runs from 1 December to 30 November: at least two
 * pieces of CPD a year, at least one with a peer reflection. */
(function () {
  "use strict";

  var PREFIX = "practice-hub:cpd";  // every key this script writes starts so
  var FORMAT = "practice-hub-cpd", VERSION = 1;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var FIELDS = ["type", "title", "date", "learnt", "impact", "peer_with", "peer_when", "peer_notes"];

  function $(root, selector) { return root.querySelector(selector); }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function realToday() { var d = new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  /* The reader's date: a piece of CPD is recorded on the day it is written, in the registration
   * year that holds it, whatever date the site was built on (the demo's is pinned). */
  function todayOf() { return realToday(); }
  function isDate(v) {
    return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) &&
      !isNaN(Date.parse(v + "T00:00:00Z")) && new Date(v + "T00:00:00Z").toISOString().slice(0, 10) === v;
  }
  function longDate(iso) {
    if (!isDate(iso)) return iso || "";
    return parseInt(iso.slice(8, 10), 10) + " " + MONTHS[parseInt(iso.slice(5, 7), 10) - 1] + " " + iso.slice(0, 4);
  }

  /* Social Work England's registration year holding the day: 1 December to 30 November. */
  function registrationYear(day) {
    var year = parseInt(day.slice(0, 4), 10), month = parseInt(day.slice(5, 7), 10);
    var first = month === 12 ? year : year - 1;
    var start = first + "-12-01", end = (first + 1) + "-11-30";
    return { start: start, end: end, label: longDate(start) + " to " + longDate(end) };
  }
  function inYear(record, year) { return record.date >= year.start && record.date <= year.end; }
  function count(records, day) {
    var year = registrationYear(day);
    var mine = records.filter(function (r) { return inYear(r, year); });
    return { year: year, pieces: mine.length, peer: mine.filter(function (r) { return r.peer; }).length };
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function countText(c) {
    return "Registration year " + c.year.label + ": " + plural(c.pieces, "piece", "pieces") +
      " of CPD, " + c.peer + " with a peer reflection.";
  }
  function stillToDo(c) {
    var todo = [];
    if (c.pieces < 2) todo.push("record " + plural(2 - c.pieces, "more piece", "more pieces") + " of CPD");
    if (c.peer < 1) todo.push(c.pieces ? "add a peer reflection to one of them" : "give at least one a peer reflection");
    return todo.length ? "Still to do this year: " + todo.join(", and ") + "." :
      "That meets Social Work England's requirement for this year: at least two pieces, one with a peer reflection.";
  }

  /* Where the site starts (from the link to My CPD), and the one key of this site. */
  function siteRoot(root) {
    var url = new URL(root.getAttribute("data-cpd-home") || "./", window.location.href);
    var path = url.pathname.replace(/my-cpd(?:\/|\.html)?$/, "");
    return url.origin + path;
  }
  function storeKey(root) { return PREFIX + "@" + new URL(siteRoot(root)).pathname; }
  function load(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "{}");
      var records = value && Array.isArray(value.records) ? value.records : [];
      return records.filter(function (r) { return r && typeof r === "object" && typeof r.id === "string"; });
    } catch (e) { return []; }
  }
  function save(key, records) {
    try {
      if (records.length) window.localStorage.setItem(key, JSON.stringify({ format: FORMAT, version: VERSION, records: records }));
      else window.localStorage.removeItem(key);  // nothing left behind once the last record goes
      return true;
    } catch (e) { return false; }
  }
  function newId() {
    var bytes = new Uint8Array(8), hex = "";
    window.crypto.getRandomValues(bytes);
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return hex;
  }
  function newestFirst(records) {
    return records.slice().sort(function (a, b) {
      return a.date === b.date ? (b.saved || "").localeCompare(a.saved || "") : (a.date < b.date ? 1 : -1);
    });
  }

  /* The exports: text in Social Work England's field names, one block per record, and JSON. */
  function peerLine(r) {
    if (!r.peer) return "No";
    return "Yes" + (r.peer_with ? ", with " + r.peer_with : "") + (r.peer_when ? " on " + longDate(r.peer_when) : "");
  }
  function asText(records, day) {
    var sorted = newestFirst(records);
    var lines = ["My CPD records", countText(count(records, day)), "Copied on " + longDate(day) + ".", ""];
    sorted.forEach(function (r, i) {
      lines.push("Piece of CPD " + (i + 1) + " of " + sorted.length);
      lines.push("Type of CPD: " + r.type);
      lines.push("Title: " + r.title);
      lines.push("Date: " + longDate(r.date));
      lines.push("What I learnt: " + (r.learnt || ""));
      lines.push("Impact on my practice: " + (r.impact || ""));
      lines.push("Peer reflection: " + peerLine(r));
      if (r.peer && r.peer_notes) lines.push("What came out of the conversation: " + r.peer_notes);
      if (r.page) lines.push("Page: " + r.page);
      lines.push("");
    });
    return lines.join("\n");
  }
  function asJson(records, day) {
    return JSON.stringify({ format: FORMAT, version: VERSION, exported: day, records: newestFirst(records) }, null, 2) + "\n";
  }
  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url; a.download = name; a.hidden = true;
    document.body.appendChild(a); a.click(); a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* The form (the same on a page and on My CPD). */
  function formParts(form, today) {
    function field(name) { return form.elements.namedItem(name); }
    var peer = field("peer");
    var problemsBox = $(form, ".ph-cpd__problems");
    function showPeer() {
      all(form, ".ph-cpd__peer .ph-cpd__field").forEach(function (f) { f.hidden = !peer.checked; });
    }
    peer.addEventListener("change", function () {
      // The conversation is usually recent: today, until the reader says otherwise.
      if (peer.checked && !field("peer_when").value) field("peer_when").value = today();
      showPeer();
    });
    function fill(record) {
      FIELDS.forEach(function (name) { field(name).value = record[name] || ""; field(name).removeAttribute("aria-invalid"); });
      peer.checked = !!record.peer;
      problemsBox.textContent = "";
      showPeer();
    }
    function read() {
      var record = {};
      FIELDS.forEach(function (name) { record[name] = field(name).value.trim(); });
      record.peer = peer.checked;
      if (!record.peer) { record.peer_with = ""; record.peer_when = ""; record.peer_notes = ""; }
      return record;
    }
    function check(record, day) {
      var wrong = [];
      function need(name, text) { wrong.push({ name: name, text: text }); }
      if (!record.type) need("type", "Type of CPD is empty: say what kind of activity it was.");
      if (!record.title) need("title", "Title is empty.");
      if (!isDate(record.date)) need("date", "Date is not a date: choose the day you did it.");
      else if (record.date > day) need("date", "Date is after today: record CPD you have done.");
      if (!record.learnt) need("learnt", "What I learnt is empty: write what you learnt.");
      if (record.peer && !record.peer_with) need("peer_with", "With whom is empty: name a role or a colleague.");
      if (record.peer && !isDate(record.peer_when)) need("peer_when", "When is not a date: choose the day of the conversation.");
      else if (record.peer && record.peer_when > day) need("peer_when", "When is after today.");
      FIELDS.forEach(function (name) { field(name).removeAttribute("aria-invalid"); });
      problemsBox.textContent = "";
      if (!wrong.length) return true;
      var intro = document.createElement("p");
      intro.textContent = "This record cannot be saved yet:";
      var list = document.createElement("ul");
      wrong.forEach(function (w) {
        var li = document.createElement("li");
        li.textContent = w.text;
        list.appendChild(li);
        field(w.name).setAttribute("aria-invalid", "true");
      });
      problemsBox.appendChild(intro); problemsBox.appendChild(list);
      field(wrong[0].name).focus();
      return false;
    }
    function prompts(list) {
      var box = $(form, ".ph-cpd__prompts ul");
      if (!box || !list || !list.length) return;
      box.textContent = "";
      list.forEach(function (p) { var li = document.createElement("li"); li.textContent = p; box.appendChild(li); });
    }
    return { form: form, fill: fill, read: read, check: check, prompts: prompts, first: field("type") };
  }

  function reveal(root) {
    all(root, "[data-ph-cpd-needs-script]").forEach(function (p) { p.hidden = true; });
    all(root, "[data-ph-cpd-js]").forEach(function (div) { div.hidden = false; });
  }

  /* "Record as CPD" on a course, event, briefing, research entry or procedure. */
  function setUpBlock(block) {
    var key = storeKey(block), button = $(block, "button[data-cpd-action='open']");
    var status = $(block, "[data-ph-cpd-status]");
    var parts = formParts($(block, "form[data-ph-cpd-form]"), function () { return todayOf(block); });
    var prompts = [];
    try { prompts = JSON.parse(block.getAttribute("data-cpd-prompts") || "[]"); } catch (e) { prompts = []; }
    reveal(block);
    function close(text) {
      parts.form.hidden = true;
      button.setAttribute("aria-expanded", "false");
      parts.fill({});
      status.textContent = text;
      button.focus();
    }
    button.addEventListener("click", function () {
      if (!parts.form.hidden) { close("Nothing was saved."); return; }
      var day = todayOf(block), date = block.getAttribute("data-cpd-date") || "";
      parts.fill({
        type: block.getAttribute("data-cpd-type"),
        title: block.getAttribute("data-cpd-title"),
        date: isDate(date) && date <= day ? date : day,
      });
      parts.form.hidden = false;
      button.setAttribute("aria-expanded", "true");
      status.textContent = "";
      parts.first.focus();
    });
    $(parts.form, "[data-cpd-action='cancel']").addEventListener("click", function () { close("Nothing was saved."); });
    parts.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var record = parts.read();
      if (!parts.check(record, todayOf(block))) return;
      record.id = newId();
      record.page = siteRoot(block) + (block.getAttribute("data-cpd-page") || "");
      record.prompts = prompts;
      record.saved = new Date().toISOString();
      var records = load(key);
      records.push(record);
      if (!save(key, records)) { status.textContent = "This browser would not keep the record (its storage is full or switched off)."; return; }
      close("Saved in this browser on this device: " + plural(records.length, "CPD record", "CPD records") +
        " here. See them, copy them into Social Work England's form and clear them on My CPD.");
    });
  }

  /* The My CPD page. */
  function setUpPage(root) {
    var key = storeKey(root);
    var showButton = $(root, "button[data-cpd-action='show']");
    var records = $(root, "#ph-cpd-records"), yearBox = $(root, "[data-ph-cpd-year]");
    var list = $(root, "[data-ph-cpd-list]"), status = root.querySelectorAll("[data-ph-cpd-status]");
    status = status[status.length - 1];
    var parts = formParts($(root, "form[data-ph-cpd-form]"), function () { return todayOf(root); });
    var editing = null;
    reveal(root);
    parts.form.setAttribute("aria-label", "Edit a CPD record");

    function el(tag, text, cls) {
      var node = document.createElement(tag);
      if (text) node.textContent = text;
      if (cls) node.className = cls;
      return node;
    }
    function button(action, text, title, id) {
      var b = el("button", text, "md-button");
      b.type = "button";
      b.setAttribute("data-cpd-action", action);
      b.setAttribute("data-cpd-id", id);
      b.appendChild(el("span", " " + title, "ph-cpd__hidden"));
      return b;
    }
    function entry(r) {
      var article = el("article", "", "ph-cpd__record");
      var heading = el("h4", r.title);  // under the year's heading (h3)
      heading.id = "ph-cpd-record-" + r.id;
      heading.tabIndex = -1;
      article.setAttribute("aria-labelledby", heading.id);
      article.appendChild(heading);
      var flag = el("p", r.peer ? "With a peer reflection" : "No peer reflection", "ph-cpd__flag" + (r.peer ? " ph-cpd__flag--peer" : ""));
      flag.setAttribute("data-cpd-peer", r.peer ? "yes" : "no");
      article.appendChild(flag);
      var dl = el("dl");
      [["Type of CPD", r.type], ["Date", longDate(r.date)], ["What I learnt", r.learnt],
       ["Impact on my practice", r.impact], ["Peer reflection", peerLine(r)],
       ["What came out of the conversation", r.peer ? r.peer_notes : ""]].forEach(function (pair) {
        if (!pair[1]) return;
        dl.appendChild(el("dt", pair[0]));
        dl.appendChild(el("dd", pair[1]));
      });
      if (r.page && /^https?:/.test(r.page)) {
        dl.appendChild(el("dt", "Page"));
        var dd = el("dd"), a = el("a", r.title);
        a.href = r.page;
        dd.appendChild(a); dl.appendChild(dd);
      }
      article.appendChild(dl);
      var buttons = el("p", "", "ph-cpd__buttons");
      buttons.appendChild(button("edit", "Edit", r.title, r.id));
      buttons.appendChild(document.createTextNode(" "));
      buttons.appendChild(button("delete", "Delete", r.title, r.id));
      article.appendChild(buttons);
      return article;
    }
    function render() {
      var kept = load(key), day = todayOf(root), c = count(kept, day);
      yearBox.textContent = "";
      list.textContent = "";
      var summary = el("p", countText(c), "ph-cpd__count");
      summary.setAttribute("data-cpd-pieces", String(c.pieces));
      summary.setAttribute("data-cpd-peer", String(c.peer));
      yearBox.appendChild(summary);
      yearBox.appendChild(el("p", stillToDo(c)));
      if (!kept.length) {
        list.appendChild(el("p", "There are no CPD records in this browser. Record a course, event, briefing, " +
          "research entry or procedure from its page with \u201cRecord this as CPD\u201d."));
        return;
      }
      var sorted = newestFirst(kept);
      var thisYear = sorted.filter(function (r) { return inYear(r, c.year); });
      var others = sorted.filter(function (r) { return !inYear(r, c.year); });
      [[thisYear, "This registration year"], [others, "Other years"]].forEach(function (group) {
        if (!group[0].length) return;
        list.appendChild(el("h3", group[1] + " (" + group[0].length + ")", "ph-cpd__group"));
        group[0].forEach(function (r) { list.appendChild(entry(r)); });
      });
    }
    function park() {  // the form back under the list, before the list is made again
      parts.form.hidden = true;
      list.parentNode.insertBefore(parts.form, list.nextSibling);
    }
    function hide() {
      park();
      records.hidden = true;
      list.textContent = ""; yearBox.textContent = "";  // nothing of the records stays in the page
      parts.form.hidden = true; parts.fill({}); editing = null;
      showButton.textContent = "Show my CPD records";
      showButton.setAttribute("aria-expanded", "false");
    }
    function show() {
      render();
      records.hidden = false;
      showButton.textContent = "Hide my CPD records";
      showButton.setAttribute("aria-expanded", "true");
      $(root, "#ph-cpd-records-h").focus();
    }
    function stopEditing(text, focusId) {
      park(); parts.fill({}); editing = null;
      render();
      status.textContent = text;
      var target = focusId && document.getElementById("ph-cpd-record-" + focusId);
      (target || $(root, "#ph-cpd-records-h")).focus();
    }

    showButton.addEventListener("click", function () {
      if (records.hidden) { show(); status.textContent = ""; } else { hide(); status.textContent = "Your CPD records are hidden."; }
    });
    parts.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var kept = load(key), index = -1;
      kept.forEach(function (r, i) { if (r.id === editing) index = i; });
      if (index === -1) { stopEditing("That record is no longer in this browser."); return; }
      var changed = parts.read();
      if (!parts.check(changed, todayOf(root))) return;
      FIELDS.concat(["peer"]).forEach(function (name) { kept[index][name] = changed[name]; });
      kept[index].saved = new Date().toISOString();
      save(key, kept);
      stopEditing("The record \u201c" + kept[index].title + "\u201d is saved.", kept[index].id);
    });
    root.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-cpd-action]");
      if (!target) return;
      var action = target.getAttribute("data-cpd-action"), id = target.getAttribute("data-cpd-id");
      var kept = load(key), day = todayOf(root);
      var record = kept.filter(function (r) { return r.id === id; })[0];
      if (action === "edit" && record) {
        editing = id;
        parts.fill(record);
        parts.prompts(record.prompts);
        target.closest("article").appendChild(parts.form);  // under the record it edits
        parts.form.hidden = false;
        parts.first.focus();
      } else if (action === "cancel") {
        stopEditing("Nothing was changed.", editing);
      } else if (action === "delete" && record) {
        if (!window.confirm("Delete the CPD record \u201c" + record.title + "\u201d from this browser? This cannot be undone.")) return;
        save(key, kept.filter(function (r) { return r.id !== id; }));
        stopEditing("The record \u201c" + record.title + "\u201d is deleted from this browser.");
      } else if (action === "copy-text" || action === "download-text" || action === "download-json") {
        if (!kept.length) { status.textContent = "There are no CPD records in this browser to copy or download."; return; }
        if (action === "download-json") { download("my-cpd-" + day + ".json", "application/json", asJson(kept, day)); status.textContent = "Downloaded as JSON."; }
        else if (action === "download-text") { download("my-cpd-" + day + ".txt", "text/plain", asText(kept, day)); status.textContent = "Downloaded as text."; }
        else copy(asText(kept, day), kept.length);
      } else if (action === "clear-all") {
        if (!window.confirm("Remove every CPD record kept in this browser? This cannot be undone: download them first to keep them.")) return;
        clearEverything(key);
        stopEditing("Everything My CPD kept in this browser has been removed.");
      }
    });
    function copy(text, n) {
      var done = "Copied " + plural(n, "record", "records") + " as text: paste them into Social Work England's form.";
      function fallback() {
        var area = document.createElement("textarea");
        area.value = text; area.setAttribute("readonly", ""); area.className = "ph-cpd__hidden";
        document.body.appendChild(area); area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        area.remove();
        status.textContent = ok ? done : "This browser would not copy: use Download as text instead.";
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { status.textContent = done; }, fallback);
      } else fallback();
    }
  }
  function clearEverything(key) {
    [window.localStorage, window.sessionStorage].forEach(function (store) {
      try { store.removeItem(key); } catch (e) { /* storage switched off: nothing was kept */ }
    });
  }

  window.PracticeHubCpd = { registrationYear: registrationYear, count: count, asText: asText };

  function start() {
    all(document, "[data-ph-cpd]").forEach(setUpBlock);
    all(document, "[data-ph-cpd-page]").forEach(setUpPage);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
