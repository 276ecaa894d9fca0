/* Practice Hub: the case-file audit tool (audit/tool/) and the audit results dashboard filter.
 * The audit never leaves the device: drafts live in localStorage, exports are made in the page
 * (Blob + download link) and imports are read with FileReader. No request carries audit data. */
(function () {
  "use strict";

  var STORE = "practice-hub:audit-drafts";
  var GRADE_RANK = { outstanding: 0, good: 1, requires_improvement: 2, inadequate: 3 };

  function $(root, selector) { return root.querySelector(selector); }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function loadDrafts() {
    try {
      var value = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (e) { return {}; }
  }
  function saveDrafts(drafts) {
    try { window.localStorage.setItem(STORE, JSON.stringify(drafts)); return true; } catch (e) { return false; }
  }

  function setUpTool(form) {
    var data = JSON.parse(document.getElementById("ph-audit-data").textContent);
    var js = document.querySelector("[data-ph-audit-js]");
    var status = document.getElementById("ph-audit-status");
    var message = document.getElementById("ph-audit-message");
    var caseInput = document.getElementById("ph-audit-case");
    var caseError = document.getElementById("ph-audit-case-error");
    var pattern = new RegExp(data.case_reference_pattern);
    var labels = {};
    data.grades.forEach(function (g) { labels[g.id] = g.label; });
    var currentId = null;
    js.hidden = false;

    function field(name) { return form.elements.namedItem(name); }
    function value(name) {
      var el = field(name);
      if (!el) return "";
      if (el instanceof RadioNodeList) return el.value || "";
      if (el.type === "checkbox") return el.checked;
      return el.value;
    }
    function setValue(name, v) {
      var el = field(name);
      if (!el) return;
      if (el instanceof RadioNodeList) {
        Array.prototype.forEach.call(el, function (r) { r.checked = r.value === v; });
      } else if (el.type === "checkbox") { el.checked = !!v; } else { el.value = v == null ? "" : v; }
    }

    function caseValid() {
      var v = caseInput.value.trim();
      return v === "" || pattern.test(v);
    }
    function showCaseError() {
      var ok = caseValid();
      caseError.textContent = ok ? "" : "This is not the shape of a case reference. Enter the case system's " +
        "number, never a name or an NHS number. It has not been saved.";
      caseInput.setAttribute("aria-invalid", ok ? "false" : "true");
      return ok;
    }

    function collect() {
      var audit = {
        format: data.format, version: data.version,
        case_reference: caseValid() ? caseInput.value.trim() : "",
        service: value("service"), journey_stage: value("journey_stage"), auditor: value("auditor"),
        date: value("date"), joint_audit: !!value("joint_audit"),
        moderator: value("moderator"), moderated_on: value("moderated_on"),
        overall_rule: data.rule, sections: [], learning_actions: [], training: []
      };
      var grades = {};
      data.sections.forEach(function (s) {
        var entry = { id: s.id, title: s.title, grade: value(s.id + ".grade"), looks_for: [],
                      evidence: value(s.id + ".evidence") };
        s.looks_for.forEach(function (point, i) {
          entry.looks_for.push({ point: point, met: !!value(s.id + ".looks_for." + i + ".met"),
                                 note: value(s.id + ".looks_for." + i + ".note") });
        });
        var outcome = value(s.id + ".moderation.outcome");
        if (outcome) {
          entry.moderation = { outcome: outcome, grade: outcome === "changed" ? value(s.id + ".moderation.grade") : "",
                               reason: value(s.id + ".moderation.reason") };
        }
        grades[s.id] = entry.grade;
        audit.sections.push(entry);
      });
      for (var i = 0; i < 3; i++) {
        var action = { action: value("learning." + i + ".action"), agreed_with: value("learning." + i + ".agreed_with"),
                       by: value("learning." + i + ".by") };
        if (action.action || action.agreed_with || action.by) audit.learning_actions.push(action);
      }
      audit.overall = overall(grades);
      audit.training = suggested(audit).map(function (c) { return c.title; });
      return audit;
    }

    function finalGrade(entry) {
      if (entry.moderation && entry.moderation.outcome === "changed" && entry.moderation.grade) return entry.moderation.grade;
      return entry.grade;
    }
    function lowest(grades) {
      var worst = "";
      grades.forEach(function (g) {
        if (g in GRADE_RANK && (worst === "" || GRADE_RANK[g] > GRADE_RANK[worst])) worst = g;
      });
      return worst;
    }
    function overall(grades) {
      var ids = Object.keys(grades);
      if (data.rule === "lowest_key_section" && data.key_sections.length) {
        var keyed = ids.filter(function (id) { return data.key_sections.indexOf(id) !== -1 && grades[id] in GRADE_RANK; });
        if (keyed.length) ids = keyed;
      }
      return lowest(ids.map(function (id) { return grades[id]; }));
    }
    function suggested(audit) {
      var finals = audit.sections.map(finalGrade);
      var worst = lowest(finals);
      if (!worst || GRADE_RANK[worst] < GRADE_RANK.requires_improvement) return [];
      var seen = {}, out = [];
      audit.sections.forEach(function (entry, i) {
        if (finals[i] !== worst) return;
        data.sections[i].standards.forEach(function (st) {
          st.training.forEach(function (c) {
            if (!seen[c.id]) { seen[c.id] = true; out.push({ title: c.title, url: c.url, standard: st.title }); }
          });
        });
      });
      return out;
    }

    function showSummary(audit) {
      audit.sections.forEach(function (entry) {
        var cell = $(form, '[data-summary-grade="' + entry.id + '"]');
        var mod = $(form, '[data-summary-moderated="' + entry.id + '"]');
        if (cell) cell.textContent = labels[entry.grade] || "Not graded";
        if (mod) {
          var m = entry.moderation;
          mod.textContent = !m ? "" : m.outcome === "agree" ? "Agreed" :
            (labels[m.grade] || "Not graded") + (m.reason ? " (" + m.reason + ")" : "");
        }
      });
      var finals = {};
      audit.sections.forEach(function (entry) { finals[entry.id] = finalGrade(entry); });
      $(form, "[data-summary-overall]").textContent = labels[overall(finals)] || "Not yet graded";
      $(form, "[data-summary-about]").textContent = "Case " + (audit.case_reference || "(no reference)") +
        ", " + (audit.service || "service not chosen") + ", " + (audit.journey_stage || "stage not chosen") +
        ", audited by " + (audit.auditor || "(no name)") + " on " + (audit.date || "(no date)") +
        (audit.joint_audit ? ", jointly with the worker's manager" : "") + ".";
      var box = document.getElementById("ph-audit-training");
      var courses = suggested(audit);
      box.textContent = "";
      if (!courses.length) {
        var p = document.createElement("p");
        p.textContent = "No section is graded below good, so no training is suggested.";
        box.appendChild(p);
        return;
      }
      var list = document.createElement("ul");
      courses.forEach(function (c) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = c.url; a.textContent = c.title;
        li.appendChild(a); li.appendChild(document.createTextNode(" (builds " + c.standard + ")"));
        list.appendChild(li);
      });
      box.appendChild(list);
    }

    function fill(audit) {
      form.reset();
      ["case_reference", "service", "journey_stage", "auditor", "date", "moderator", "moderated_on"].forEach(function (n) {
        setValue(n, audit[n] || "");
      });
      setValue("joint_audit", !!audit.joint_audit);
      (audit.sections || []).forEach(function (entry) {
        setValue(entry.id + ".grade", entry.grade || "");
        setValue(entry.id + ".evidence", entry.evidence || "");
        (entry.looks_for || []).forEach(function (p, i) {
          setValue(entry.id + ".looks_for." + i + ".met", !!p.met);
          setValue(entry.id + ".looks_for." + i + ".note", p.note || "");
        });
        var m = entry.moderation || {};
        setValue(entry.id + ".moderation.outcome", m.outcome || "");
        setValue(entry.id + ".moderation.grade", m.grade || "");
        setValue(entry.id + ".moderation.reason", m.reason || "");
      });
      (audit.learning_actions || []).slice(0, 3).forEach(function (a, i) {
        setValue("learning." + i + ".action", a.action || "");
        setValue("learning." + i + ".agreed_with", a.agreed_with || "");
        setValue("learning." + i + ".by", a.by || "");
      });
      showCaseError();
      showSummary(collect());
    }

    function draftTitle(audit) {
      return (audit.case_reference || "No case reference") + ", " + (audit.date || "no date") +
        (audit.auditor ? ", " + audit.auditor : "");
    }
    function listDrafts() {
      var drafts = loadDrafts();
      var box = document.getElementById("ph-audit-draft-list");
      box.textContent = "";
      var ids = Object.keys(drafts).sort(function (a, b) {
        return String(drafts[b].saved || "").localeCompare(String(drafts[a].saved || ""));
      });
      if (!ids.length) {
        var none = document.createElement("p");
        none.textContent = "No drafts on this device.";
        box.appendChild(none);
        return;
      }
      var list = document.createElement("ul");
      list.className = "ph-audit__draft-list";
      ids.forEach(function (id) {
        var li = document.createElement("li"), name = draftTitle(drafts[id]);
        li.appendChild(document.createTextNode(name + (id === currentId ? " (open) " : " ")));
        [["Resume", "resume"], ["Delete", "delete"]].forEach(function (pair) {
          var b = document.createElement("button");
          b.type = "button"; b.className = "md-button ph-audit__small"; b.textContent = pair[0];
          b.setAttribute("aria-label", pair[0] + " draft " + name);
          b.addEventListener("click", function () { pair[1] === "resume" ? resume(id) : remove(id); });
          li.appendChild(b); li.appendChild(document.createTextNode(" "));
        });
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    function save() {
      var audit = collect();
      showSummary(audit);
      if (!currentId) currentId = "draft-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
      audit.saved = new Date().toISOString();
      var drafts = loadDrafts();
      drafts[currentId] = audit;
      status.textContent = saveDrafts(drafts) ? "Saved on this device." :
        "This browser will not keep the audit: export it before you leave the page.";
      listDrafts();
    }
    function resume(id) {
      var drafts = loadDrafts();
      if (!drafts[id]) return;
      currentId = id;
      fill(drafts[id]);
      status.textContent = "Draft " + draftTitle(drafts[id]) + " opened.";
      listDrafts();
    }
    function remove(id) {
      var drafts = loadDrafts();
      if (!drafts[id]) return;
      if (!window.confirm("Delete the draft " + draftTitle(drafts[id]) + " from this device? This cannot be undone.")) return;
      delete drafts[id];
      saveDrafts(drafts);
      if (id === currentId) { currentId = null; form.reset(); showSummary(collect()); }
      status.textContent = "Draft deleted.";
      listDrafts();
    }

    function download(name, type, text) {
      var blob = new Blob([text], { type: type });
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url; a.download = name; a.hidden = true;
      document.body.appendChild(a); a.click(); a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }
    function fileStem(audit) {
      return "audit-" + (audit.case_reference || "no-reference") + "-" + (audit.date || "undated");
    }
    function csvCell(v) {
      var s = v == null ? "" : String(v);
      if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not run it as a formula
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    function toCsv(audit) {
      var head = ["case_reference", "date", "service", "journey_stage", "auditor", "joint_audit", "section_id",
                  "section", "grade", "points_met", "evidence", "moderation", "moderated_grade", "moderation_reason",
                  "overall"];
      var rows = [head];
      audit.sections.forEach(function (s) {
        var m = s.moderation || {};
        rows.push([audit.case_reference, audit.date, audit.service, audit.journey_stage, audit.auditor,
                   audit.joint_audit ? "yes" : "no", s.id, s.title, labels[s.grade] || "",
                   s.looks_for.filter(function (p) { return p.met; }).length + " of " + s.looks_for.length,
                   s.evidence, m.outcome || "", labels[m.grade] || "", m.reason || "", labels[audit.overall] || ""]);
      });
      return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    }

    function problem(audit) {
      if (!audit || typeof audit !== "object" || Array.isArray(audit)) return "it is not an audit.";
      if (audit.format !== data.format) return "it was not exported from this audit tool.";
      if (audit.version !== data.version) return "it is version " + String(audit.version) +
        " of the audit format; this tool reads version " + data.version + ".";
      if (typeof audit.case_reference !== "string" || !pattern.test(audit.case_reference))
        return "its case reference is missing or not the shape of a case reference.";
      if (!Array.isArray(audit.sections) || !audit.sections.length) return "it has no audit sections.";
      var known = {};
      data.sections.forEach(function (s) { known[s.id] = true; });
      for (var i = 0; i < audit.sections.length; i++) {
        var s = audit.sections[i];
        if (!s || typeof s.id !== "string" || !known[s.id]) return "section " + (i + 1) + " is not a section of this tool.";
        if (s.grade && !(s.grade in labels)) return "section " + s.id + " has an unknown grade.";
      }
      return "";
    }
    function importFile(file) {
      message.textContent = "";
      if (!file) return;
      if (file.size > data.max_import_bytes) {
        message.textContent = "Import failed: " + file.name + " is too large to be an audit (over " +
          Math.round(data.max_import_bytes / 1000) + " kB). Nothing was changed.";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var audit;
        try { audit = JSON.parse(String(reader.result)); } catch (e) {
          message.textContent = "Import failed: " + file.name + " is not valid JSON, so it cannot be an exported audit. " +
            "Nothing was changed.";
          return;
        }
        var why = problem(audit);
        if (why) { message.textContent = "Import failed: " + file.name + " is not a valid audit: " + why + " Nothing was changed."; return; }
        currentId = null;
        fill(audit);
        save();
        status.textContent = "Imported " + draftTitle(audit) + ". It is saved as a draft on this device.";
      };
      reader.onerror = function () { message.textContent = "Import failed: the file could not be read. Nothing was changed."; };
      reader.readAsText(file);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      if (event.target === caseInput && !showCaseError()) { showSummary(collect()); return; }
      save();
    });
    form.addEventListener("change", function (event) { if (event.target === caseInput) showCaseError(); save(); });
    js.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action"), audit = collect();
      if (action === "export-json") download(fileStem(audit) + ".json", "application/json", JSON.stringify(audit, null, 2) + "\n");
      else if (action === "export-csv") download(fileStem(audit) + ".csv", "text/csv", toCsv(audit));
      else if (action === "print") {
        showSummary(audit);
        document.body.classList.add("ph-audit-printing");
        window.print();
        document.body.classList.remove("ph-audit-printing");
      } else if (action === "new") {
        currentId = null; form.reset(); showCaseError(); showSummary(collect());
        status.textContent = "New audit started."; listDrafts();
      }
    });
    var input = document.getElementById("ph-audit-import");
    input.addEventListener("change", function () { importFile(input.files[0]); input.value = ""; });
    window.addEventListener("beforeprint", function () { showSummary(collect()); });

    var drafts = loadDrafts();
    var latest = Object.keys(drafts).sort(function (a, b) {
      return String(drafts[b].saved || "").localeCompare(String(drafts[a].saved || ""));
    })[0];
    if (latest) resume(latest); else showSummary(collect());
    listDrafts();
  }

  function setUpResults(root) {
    var filter = document.querySelector("[data-ph-results-filter]");
    var select = document.getElementById("ph-results-service");
    if (!filter || !select) return;
    filter.hidden = false;
    function show() {
      all(root, "[data-ph-service]").forEach(function (group) {
        group.hidden = group.getAttribute("data-ph-service") !== select.value;
      });
    }
    select.addEventListener("change", show);
    show();
  }

  function start() {
    var form = document.querySelector("form[data-ph-audit]");
    if (form && document.getElementById("ph-audit-data")) setUpTool(form);
    var results = document.querySelector("[data-ph-results]");
    if (results) setUpResults(results);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
