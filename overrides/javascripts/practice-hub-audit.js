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

    /* An import is checked whole before the form changes. The text is scanned without
     * recursion (nesting and repeated keys), parsed inside try/catch, checked against the
     * audit_export schema embedded at build time (the rules `audits summarise` uses), then the
     * form is filled in one step, and put back as it was if anything at all goes wrong. */
    var MAX_DEPTH = data.max_depth || 10;
    function where(path) {
      var text = "";
      path.forEach(function (p) { text += typeof p === "number" ? "[" + p + "]" : (text ? "." : "") + p; });
      return text || "the file";
    }
    function quote(s) { return JSON.stringify(s.length > 40 ? s.slice(0, 40) + "..." : s); }
    function describe(v) {
      if (v === null) return "null";
      if (typeof v === "boolean") return String(v);
      if (typeof v === "number") return isFinite(v) ? "the number " + String(v).slice(0, 20) : "a number too large to be read";
      if (typeof v === "string") return v ? "the text " + quote(v) : "empty text";
      if (Array.isArray(v)) return v.length ? "a list of " + v.length : "an empty list";
      return "an object";
    }
    var KINDS = { string: "text", integer: "a whole number", number: "a number", boolean: "true or false",
                  array: "a list", object: "an object", "null": "null" };
    function isKind(kind, v) {
      if (kind === "string") return typeof v === "string";
      if (kind === "integer") return typeof v === "number" && Number.isInteger(v);
      if (kind === "number") return typeof v === "number" && isFinite(v);
      if (kind === "boolean") return typeof v === "boolean";
      if (kind === "array") return Array.isArray(v);
      if (kind === "object") return v !== null && typeof v === "object" && !Array.isArray(v);
      if (kind === "null") return v === null;
      return true;
    }
    function codePoints(s) { var n = 0; for (var i = 0; i < s.length; i++) { var c = s.charCodeAt(i); if (c < 0xdc00 || c > 0xdfff) n++; } return n; }
    function choices(list) {
      var named = list.filter(function (v) { return v !== ""; }).map(function (v) { return labels[v] || JSON.stringify(v); });
      return named.join(", ") + (list.indexOf("") !== -1 ? " or nothing" : "");
    }
    var own = Object.prototype.hasOwnProperty;
    // The first way value breaks schema, as words, or "". Only the schema's own paths are visited,
    // so this recursion is as deep as the schema (5), whatever the file holds.
    function breaks(schema, value, path) {
      var here = where(path) + ": ";
      var kinds = schema.type == null ? [] : [].concat(schema.type);
      if (kinds.length && !kinds.some(function (k) { return isKind(k, value); }))
        return here + "expected " + kinds.map(function (k) { return KINDS[k] || k; }).join(" or ") + ", found " + describe(value) + ".";
      if (own.call(schema, "const") && value !== schema.const)
        return here + "expected " + JSON.stringify(schema.const) + ", found " + describe(value) + ".";
      if (schema.enum && schema.enum.indexOf(value) === -1)
        return here + describe(value) + " is not one of the choices (expected " + choices(schema.enum) + ").";
      if (typeof value === "string") {
        if (schema.maxLength != null && value.length > schema.maxLength && codePoints(value) > schema.maxLength)
          return here + "longer than " + schema.maxLength + " characters (" + codePoints(value) + ").";
        if (schema.minLength && codePoints(value) < schema.minLength) return here + "is empty; it must be filled in.";
        if (schema.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value) || schema.format === "date" &&
            isNaN(Date.parse(value + "T00:00:00Z")) || schema.format === "date" &&
            new Date(value + "T00:00:00Z").toISOString().slice(0, 10) !== value)
          return here + describe(value) + " is not a date (write it as YYYY-MM-DD).";
      }
      if (Array.isArray(value)) {
        if (schema.maxItems != null && value.length > schema.maxItems) return here + "has more than " + schema.maxItems + " entries.";
        if (schema.minItems && value.length < schema.minItems) return here + "has no entries.";
        if (schema.items) {
          for (var i = 0; i < value.length; i++) {
            var inner = breaks(schema.items, value[i], path.concat(i));
            if (inner) return inner;
          }
        }
      }
      if (isKind("object", value)) {
        var props = schema.properties || {};
        var missing = (schema.required || []).filter(function (k) { return !own.call(value, k); });
        if (missing.length) return here + "missing " + missing.map(function (k) { return '"' + k + '"'; }).join(", ") + ".";
        if (schema.additionalProperties === false) {
          var extra = Object.keys(value).filter(function (k) { return !own.call(props, k); });
          if (extra.length) return here + "unknown field " + quote(extra[0]) + " (expected only " + Object.keys(props).join(", ") + ").";
        }
        for (var key in props) {
          if (own.call(props, key) && own.call(value, key)) {
            var bad = breaks(props[key], value[key], path.concat(key));
            if (bad) return bad;
          }
        }
      }
      return "";
    }
    // Nesting deeper than MAX_DEPTH, or a key given twice in one object: found with a loop and
    // an explicit stack, never recursion. On text that is not JSON, JSON.parse says what is wrong.
    function scanText(text) {
      var stack = [], line = 1, i = 0, n = text.length;
      while (i < n) {
        var c = text.charAt(i);
        if (c === "\n") line++;
        if (c === '"') {
          var j = i + 1;
          while (j < n && text.charAt(j) !== '"') { if (text.charAt(j) === "\\") j++; j++; }
          var top = stack[stack.length - 1];
          if (top && top.keys && top.expectKey) {
            var key = text.slice(i + 1, j);
            try { key = JSON.parse(text.slice(i, j + 1)); } catch (e) { /* JSON.parse reports it */ }
            if (own.call(top.keys, key)) return "line " + line + ": the field " + quote(String(key)) + " appears more than once.";
            top.keys[key] = true; top.expectKey = false;
          }
          i = j + 1; continue;
        }
        if (c === "{" || c === "[") {
          if (stack.length >= MAX_DEPTH) return "line " + line + ": nested more than " + MAX_DEPTH +
            " levels deep (an exported audit is never more than 5).";
          stack.push(c === "{" ? { keys: Object.create(null), expectKey: true } : {});
        } else if (c === "}" || c === "]") { stack.pop(); }
        else if (c === "," && stack.length && stack[stack.length - 1].keys) stack[stack.length - 1].expectKey = true;
        i++;
      }
      return "";
    }
    function problem(audit) {
      if (!isKind("object", audit)) return "expected an audit (an object {...}), found " + describe(audit) + ".";
      if (audit.format !== data.format) return "it was not exported from this audit tool (format: expected " +
        JSON.stringify(data.format) + ", found " + describe(audit.format) + ").";
      if (audit.version !== data.version) return "version: this tool reads version " + data.version +
        " of the audit format, found " + describe(audit.version) + ".";
      var why = data.export_schema ? breaks(data.export_schema, audit, []) : "";
      if (why) return why;
      if (typeof audit.case_reference !== "string" || !pattern.test(audit.case_reference))
        return "case_reference: missing or not the shape of a case reference.";
      if (!Array.isArray(audit.sections) || !audit.sections.length) return "sections: expected a list of audit sections.";
      var known = {}, seen = {};
      data.sections.forEach(function (s) { known[s.id] = true; });
      for (var i = 0; i < audit.sections.length; i++) {
        var s = audit.sections[i];
        if (!isKind("object", s) || typeof s.id !== "string" || !own.call(known, s.id))
          return "sections[" + i + "].id: " + describe(s && s.id) + " is not a section of this audit tool.";
        if (own.call(seen, s.id)) return "sections[" + i + "].id: the section " + quote(s.id) + " appears more than once.";
        seen[s.id] = true;
        if (s.grade != null && s.grade !== "" && !own.call(labels, s.grade))
          return "sections[" + i + "].grade: " + describe(s.grade) + " is not a grade (expected " + choices(Object.keys(labels)) + ").";
      }
      return "";
    }
    function snapshot() {
      return Array.prototype.map.call(form.elements, function (el) {
        return [el, el.value, el.checked];
      });
    }
    function restore(saved) {
      saved.forEach(function (s) {
        if (s[0].type === "checkbox" || s[0].type === "radio") s[0].checked = s[2];
        else if (s[0].type !== "file" && s[0].type !== "button" && s[0].type !== "submit") s[0].value = s[1];
      });
    }
    function refuse(file, why) {
      message.textContent = "Import failed: " + file.name + " " + why + " Nothing was changed.";
    }
    function importText(file, text) {
      var deep = scanText(text);
      if (deep) { refuse(file, "is not a valid audit: " + deep); return; }
      var audit;
      try { audit = JSON.parse(text); } catch (e) {
        refuse(file, "is not valid JSON, so it cannot be an exported audit.");
        return;
      }
      var why = problem(audit);
      if (why) { refuse(file, "is not a valid audit: " + why); return; }
      var before = snapshot(), beforeId = currentId;
      try {
        fill(audit);
      } catch (e) {
        restore(before); currentId = beforeId; showCaseError(); showSummary(collect());
        refuse(file, "could not be filled in (" + String(e && e.name) + ").");
        return;
      }
      currentId = null;
      save();
      status.textContent = "Imported " + draftTitle(audit) + ". It is saved as a draft on this device.";
    }
    function importFile(file) {
      message.textContent = "";
      if (!file) return;
      if (file.size > data.max_import_bytes) {
        refuse(file, "is too large to be an audit (" + file.size.toLocaleString("en-GB") + " bytes; an exported audit is at most " +
          data.max_import_bytes.toLocaleString("en-GB") + " bytes).");
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var text;
        try { text = new TextDecoder("utf-8", { fatal: true }).decode(reader.result); } catch (e) {
          refuse(file, "is not UTF-8 text, so it cannot be an exported audit.");
          return;
        }
        try { importText(file, text); } catch (e) {
          refuse(file, "could not be read as an audit (" + String(e && e.name) + ").");
        }
      };
      reader.onerror = function () { message.textContent = "Import failed: the file could not be read. Nothing was changed."; };
      reader.readAsArrayBuffer(file);
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
