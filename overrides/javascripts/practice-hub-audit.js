/* Practice Hub: the case-file audit tool (audit/tool/) and the audit results dashboard filter.
 * The audit never leaves the device: drafts live in localStorage, exports are made in the page
 * (Blob + download link) and imports are read with FileReader. No request carries audit data.
 *
 * Safe on a shared computer: the tool opens on the list of drafts on this device and shows no
 * case data until the user starts an audit or resumes a draft; drafts expire (the setting
 * audit_draft_expiry_days) after their last change; "Clear everything on this device" removes
 * every key the tool wrote; after an export the tool offers to delete the draft.
 * Numbers that add up: an export is checked first by the export schema and the audit rules
 * R1-R8 (the same rules as `audits summarise`), and refused with every problem listed. */
(function () {
  "use strict";

  var STORE = "practice-hub:audit-drafts";
  var PREFIX = "practice-hub:audit";  // every key the tool writes starts so
  var GRADE_RANK = { outstanding: 0, good: 1, requires_improvement: 2, inadequate: 3 };
  var DAY = 86400000;

  function $(root, selector) { return root.querySelector(selector); }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() { var d = new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function longDate(d) {
    return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }
  function longTime(d) {
    return longDate(d) + " at " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  function loadDrafts() {
    try {
      var value = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (e) { return {}; }
  }
  function saveDrafts(drafts) {
    try {
      if (Object.keys(drafts).length) window.localStorage.setItem(STORE, JSON.stringify(drafts));
      else window.localStorage.removeItem(STORE);  // nothing left behind once the last draft goes
      return true;
    } catch (e) { return false; }
  }
  function clearEverything() {
    [window.localStorage, window.sessionStorage].forEach(function (store) {
      try {
        var keys = [];
        for (var i = 0; i < store.length; i++) {
          var key = store.key(i);
          if (key && key.indexOf(PREFIX) === 0) keys.push(key);
        }
        keys.forEach(function (key) { store.removeItem(key); });
      } catch (e) { /* storage switched off: nothing was kept */ }
    });
  }
  function newId() {
    var bytes = new Uint8Array(10), hex = "";
    window.crypto.getRandomValues(bytes);
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return hex.slice(0, 8) + "-" + hex.slice(8);  // matches ^[a-z0-9][a-z0-9-]{7,63}$
  }

  /* The checks before every export, with nothing of the form: the export schema (embedded at
   * build time), then the audit rules R1-R8, the same as `audits summarise`
   * (practice_hub/audit_tool/rules.py). Pure functions of an audit, the tool's data (the page's
   * #ph-audit-data) and today's date (YYYY-MM-DD), so the tests can run them on any audit:
   * window.PracticeHubAudit.problems(audit, data, today) gives the sentences the tool lists, and
   * check(...) the same with the field each names. */
  function checker(data) {
    var pattern = new RegExp(data.case_reference_pattern);
    var nameLike = new RegExp(data.name_like), nhsLike = new RegExp(data.nhs_like);
    var controlLike = new RegExp(data.control_like);
    var byId = {}, cycles = {};
    data.sections.forEach(function (s) { byId[s.id] = s; });
    (data.cycles || []).forEach(function (c) { cycles[c.id] = c; });
    var own = Object.prototype.hasOwnProperty;
    function labelsFor(service) { return data.grade_labels[service] || data.grade_labels[""]; }

    function caseProblem(v) {
      if (!v.trim()) return "is empty (enter the case system's number for the case)";
      if (controlLike.test(v)) return "holds a line break, a tab or another control character (enter the case system's number alone)";
      if (nhsLike.test(v)) return "looks like an NHS number (enter the case system's number, never an NHS number)";
      if (nameLike.test(v)) return "looks like a name (enter the case system's number, never the child's or adult's name)";
      if (!pattern.test(v)) return "is not the shape of a case reference in this council's case system " +
        "(copy it from the case system, exactly as the case system writes it)";
      return "";
    }
    function inScope(s, service, c) {  // rules.AuditRules.in_scope on the command line
      if (service && s.services && s.services.indexOf(service) === -1) return false;
      if (c && c.audit_sections && c.audit_sections.indexOf(s.id) === -1) return false;
      return true;
    }

    /* The export schema: every way a value breaks it (at most 50), each {path, text}. */
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
      var named = list.filter(function (v) { return v !== ""; }).map(function (v) { var l = labelsFor(""); return l[v] || JSON.stringify(v); });
      return named.join(", ") + (list.indexOf("") !== -1 ? " or nothing" : "");
    }
    // A calendar date as Python's date.fromisoformat reads it: years 0001 to 9999 (JavaScript
    // would take a year 0000, which `audits summarise` refuses).
    function isDate(v) {
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && v.slice(0, 4) !== "0000" &&
        !isNaN(Date.parse(v + "T00:00:00Z")) && new Date(v + "T00:00:00Z").toISOString().slice(0, 10) === v;
    }
    // Every way value breaks schema (at most 50) into out, as {path, text}; returns the first
    // text, or "". Only the schema's own paths are visited, so this recursion is as deep as the
    // schema (5), whatever the file holds. Below a value that breaks its own rule, nothing more
    // is looked at.
    function breaks(schema, value, path, out) {
      var found = out || [];
      walk(schema, value, path, found);
      return found.length ? found[0].text : "";
    }
    function walk(schema, value, path, out) {
      if (out.length >= 50) return;
      var here = where(path) + ": ";
      function fail(text, missing) { out.push({ path: path, text: here + text, missing: missing || [] }); }
      var kinds = schema.type == null ? [] : [].concat(schema.type);
      if (kinds.length && !kinds.some(function (k) { return isKind(k, value); }))
        return fail("expected " + kinds.map(function (k) { return KINDS[k] || k; }).join(" or ") + ", found " + describe(value) + ".");
      if (own.call(schema, "const") && value !== schema.const)
        return fail("expected " + JSON.stringify(schema.const) + ", found " + describe(value) + ".");
      if (schema.enum && schema.enum.indexOf(value) === -1)
        return fail(describe(value) + " is not one of the choices (expected " + choices(schema.enum) + ").");
      if (typeof value === "string") {
        if (schema.maxLength != null && value.length > schema.maxLength && codePoints(value) > schema.maxLength)
          return fail("longer than " + schema.maxLength + " characters (" + codePoints(value) + ").");
        if (schema.minLength && codePoints(value) < schema.minLength) return fail("is empty; it must be filled in.");
        if (schema.format === "date" && !isDate(value)) return fail(describe(value) + " is not a date (write it as YYYY-MM-DD).");
        if (schema.pattern) {
          var re;
          try { re = new RegExp(schema.pattern, "u"); } catch (e) { re = new RegExp(schema.pattern); }
          if (!re.test(value)) return fail(describe(value) + " is not in the expected form (" + schema.pattern + ").");
        }
      }
      if (Array.isArray(value)) {
        if (schema.maxItems != null && value.length > schema.maxItems) return fail("has more than " + schema.maxItems + " entries.");
        if (schema.minItems && value.length < schema.minItems) return fail("has no entries.");
        if (schema.items) {
          for (var i = 0; i < value.length && out.length < 50; i++) walk(schema.items, value[i], path.concat(i), out);
        }
      }
      if (isKind("object", value)) {
        var props = schema.properties || {};
        var missing = (schema.required || []).filter(function (k) { return !own.call(value, k); });
        // A missing or unknown field says so, and the fields that are there are still checked,
        // as `audits summarise` checks them.
        if (missing.length) fail("missing " + missing.map(function (k) { return '"' + k + '"'; }).join(", ") + ".", missing);
        if (schema.additionalProperties === false) {
          var extra = Object.keys(value).filter(function (k) { return !own.call(props, k); });
          if (extra.length) fail("unknown field " + quote(extra[0]) + " (expected only " + Object.keys(props).join(", ") + ").");
        }
        for (var key in props) {
          if (own.call(props, key) && own.call(value, key)) walk(props[key], value[key], path.concat(key), out);
        }
      }
    }

    // A list's entries, each an object (what is not one, the schema refuses): the rules never
    // throw, whatever the audit holds.
    function entries(v) {
      return Array.isArray(v) ? v.map(function (e) { return isKind("object", e) ? e : {}; }) : [];
    }
    // Every broken rule as [field, sentence]; now is today's date, YYYY-MM-DD.
    function rules(audit, now) {
      var out = [], l = labelsFor(audit.service || "");
      function title(id) { return byId[id] ? "Section \u201c" + byId[id].title + "\u201d" : "Section " + id; }
      // R1
      var why = caseProblem(String(audit.case_reference || ""));
      if (why) out.push(["case_reference", "Case reference: " + why + "."]);
      // R2
      if (isDate(audit.date) && audit.date > now) out.push(["date", "Date of audit: " + audit.date + " is after today (" + now + ")."]);
      [["moderated_on", audit.moderated_on, "Date moderated"],
       ["practitioner.feedback_date", (audit.practitioner || {}).feedback_date, "Date of feedback to the worker"]]
        .concat(entries(audit.learning_actions).map(function (a, i) {
          return ["learning_actions[" + i + "].by", a.by, "Learning action " + (i + 1) + ", by when"];
        })).forEach(function (d) {
          if (d[1] && !isDate(d[1])) out.push([d[0], d[2] + ": " + JSON.stringify(d[1]) + " is not a date (write it as YYYY-MM-DD)."]);
        });
      if (isDate(audit.moderated_on)) {
        if (isDate(audit.date) && audit.moderated_on < audit.date) out.push(["moderated_on", "Date moderated: " + audit.moderated_on + " is before the date of the audit (" + audit.date + ")."]);
        if (audit.moderated_on > now) out.push(["moderated_on", "Date moderated: " + audit.moderated_on + " is after today (" + now + ")."]);
      }
      // R3
      var c = null;
      if (!audit.service) out.push(["service", "Service: choose the service audited."]);
      else if (data.services.indexOf(audit.service) === -1) out.push(["service", "Service: \u201c" + audit.service + "\u201d is not one of " + data.services.join(", ") + "."]);
      if (audit.journey_stage && data.journey_stages.indexOf(audit.journey_stage) === -1)
        out.push(["journey_stage", "Journey stage: \u201c" + audit.journey_stage + "\u201d is not one of the stages the sections list."]);
      else if (audit.journey_stage && own.call(data.service_stages || {}, audit.service) &&
               data.service_stages[audit.service].indexOf(audit.journey_stage) === -1)
        out.push(["journey_stage", "Journey stage: \u201c" + audit.journey_stage + "\u201d is not a journey stage of " +
          audit.service + " (expected " + data.service_stages[audit.service].join(", ") + ")."]);
      if (audit.cycle) {
        c = cycles[audit.cycle] || null;
        if (!c) out.push(["cycle", "Audit cycle: \u201c" + audit.cycle + "\u201d is not a cycle of this site."]);
        else if (data.services.indexOf(audit.service) !== -1 && c.services.length && c.services.indexOf(audit.service) === -1) {
          out.push(["cycle", "Audit cycle: the cycle \u201c" + c.title + "\u201d audits " + c.services.join(", ") + ", not " + audit.service + "."]);
          c = null;  // its sections say nothing about this service's audit
        }
        if (c && isDate(audit.date) && ((c.start && audit.date < c.start) || (c.end && audit.date > c.end)))
          out.push(["cycle", "Audit cycle: the audit is dated " + audit.date + ", outside the audit window of the cycle \u201c" +
            c.title + "\u201d (" + c.start + " to " + c.end + "): a closed cycle's results do not change."]);
      }
      var serviceKnown = data.services.indexOf(audit.service) !== -1;  // scope is judged only for a real service
      // R4
      var seen = {};
      entries(audit.sections).forEach(function (s) {
        if (!byId[s.id]) { out.push(["sections", "Sections: \u201c" + s.id + "\u201d is not a section of this audit tool."]); return; }
        if (seen[s.id]) out.push(["sections", title(s.id) + " appears more than once."]);
        seen[s.id] = s;
        if (serviceKnown && !inScope(byId[s.id], audit.service, c)) out.push(["sections", title(s.id) + " is not part of this audit (service " +
          (audit.service || "not chosen") + (c ? ", cycle " + c.title : "") + ")."]);
      });
      data.sections.forEach(function (s) {
        if (!serviceKnown || !inScope(s, audit.service, c)) return;
        if (!seen[s.id]) out.push(["sections", title(s.id) + " is missing from the audit."]);
        else if (!seen[s.id].grade) out.push(["sections", title(s.id) + ": choose a grade (Not applicable is a grade)."]);
      });
      // R5
      if (!audit.auditor_overall) out.push(["auditor_overall", "Overall judgement: choose the auditor's overall judgement."]);
      var reason = typeof audit.overall_reason === "string" ? audit.overall_reason.trim() : "";
      if (!reason) out.push(["overall_reason", "Reason for the overall judgement: say why the auditor chose it."]);
      else if (audit.auditor_overall && audit.suggested_overall && audit.auditor_overall !== audit.suggested_overall &&
               Array.from(reason).length < 20)  // rules.REASON_FOR_DEPARTING
        out.push(["overall_reason", "Reason for the overall judgement: it differs from the rule's suggestion, so say why " +
          "in a sentence (20 characters or more)."]);
      if ((audit.overall || "") !== (audit.moderated_overall || audit.auditor_overall || ""))
        out.push(["overall", "Overall: it must be the moderated overall judgement when there is one, else the auditor's."]);
      // R6
      entries(audit.sections).forEach(function (s) {
        var m = s.moderation || {};
        if (byId[s.id] && byId[s.id].key && (s.grade === "inadequate" || (m.outcome === "changed" && m.grade === "inadequate")) &&
            !(s.escalation && s.escalation.to && s.escalation.date))
          out.push(["sections", title(s.id) + " is a key section graded " + (l.inadequate || "Inadequate") +
            ": record who the case was escalated to (a role) and the date."]);
      });
      // R7
      if (!audit.practitioner || typeof audit.practitioner.took_part !== "boolean")
        out.push(["practitioner", "The practitioner: say whether the worker took part in the audit conversation."]);
      // R8
      var moderated = !!audit.moderated_overall;
      entries(audit.sections).forEach(function (s) {
        var m = s.moderation;
        if (!m || !m.outcome) return;
        moderated = true;
        if (m.outcome === "changed" && !m.grade) out.push(["sections", "Moderation of " + title(s.id).toLowerCase() + ": choose the moderated grade."]);
        if (m.outcome === "changed" && !String(m.reason || "").trim()) out.push(["sections", "Moderation of " + title(s.id).toLowerCase() + ": give the reason for the change."]);
      });
      if (moderated && !String(audit.moderator || "").trim()) out.push(["moderator", "Moderator: say who moderated the audit."]);
      if (moderated && !audit.moderated_on) out.push(["moderated_on", "Date moderated: give the date of moderation."]);
      if (audit.moderated_overall && !String(audit.moderation_reason || "").trim())
        out.push(["moderation_reason", "Reason for the moderated overall judgement: say why the moderator changed it."]);
      return out;
    }
    var NAMES = { case_reference: "Case reference", date: "Date of audit", service: "Service", journey_stage: "Journey stage",
                  auditor: "Auditor", cycle: "Audit cycle", overall_reason: "Reason for the overall judgement",
                  difference: "What difference the work made", moderator: "Moderator", moderated_on: "Date moderated",
                  moderation_reason: "Reason for the moderated overall judgement", practitioner: "The practitioner",
                  id: "Audit id", marking: "Protective marking", learning_actions: "Learning actions", sections: "Sections" };
    function named(text) {  // "date: ..." -> "Date of audit (date): ..."
      var field = text.split(/[.:[]/)[0];
      return NAMES[field] ? NAMES[field] + " (" + text.slice(0, text.indexOf(":")) + ")" + text.slice(text.indexOf(":")) : text;
    }
    // What stops an export: {schema: [{path, text, missing}], rules: [[field, sentence]], problems:
    // the sentences the tool lists}. A rule about a field the schema already refused is left out.
    function check(audit, now) {
      var schema = [];
      if (data.export_schema) breaks(data.export_schema, audit, [], schema);
      var fields = schema.map(function (p) { return p.text.split(/[.:[]/)[0]; });
      var broken = isKind("object", audit) ? rules(audit, now) : [];
      var left = broken.filter(function (r) { return fields.indexOf(r[0].split(/[.[]/)[0]) === -1; });
      return { schema: schema, rules: broken,
               problems: schema.map(function (p) { return named(p.text); }).concat(left.map(function (r) { return r[1]; })) };
    }
    return { caseProblem: caseProblem, inScope: inScope, breaks: breaks, describe: describe, quote: quote,
             isKind: isKind, choices: choices, labelsFor: labelsFor, check: check,
             problems: function (audit, now) { return check(audit, now).problems; } };
  }
  window.PracticeHubAudit = {
    checker: checker,
    check: function (audit, data, today) { return checker(data).check(audit, today); },
    problems: function (audit, data, today) { return checker(data).problems(audit, today); }
  };

  function setUpTool(form) {
    var data = JSON.parse(document.getElementById("ph-audit-data").textContent);
    var js = document.querySelector("[data-ph-audit-js]");
    var status = document.getElementById("ph-audit-status");
    var message = document.getElementById("ph-audit-message");
    var actions = document.getElementById("ph-audit-actions");
    var afterExport = document.getElementById("ph-audit-after-export");
    var caseInput = document.getElementById("ph-audit-case");
    var caseError = document.getElementById("ph-audit-case-error");
    var byId = {}, cycles = {};
    data.sections.forEach(function (s) { byId[s.id] = s; });
    (data.cycles || []).forEach(function (c) { cycles[c.id] = c; });
    var currentId = null;
    var lockedByImport = false;  // an imported export that had been moderated
    js.hidden = false;
    form.hidden = true;  // nothing of any audit shows until the user chooses one

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
        Array.prototype.forEach.call(el, function (r) { r.checked = v != null && r.value === v; });
      } else if (el.type === "checkbox") { el.checked = !!v; } else { el.value = v == null ? "" : v; }
    }
    function labelsFor(service) { return data.grade_labels[service] || data.grade_labels[""]; }
    function labels() { return labelsFor(value("service")); }
    function word(grade) { var l = labels(); return Object.prototype.hasOwnProperty.call(l, grade) ? l[grade] : ""; }

    var check = checker(data);  // the checks before export, outside the form (window.PracticeHubAudit)
    var caseProblem = check.caseProblem, inScope = check.inScope, breaks = check.breaks, describe = check.describe;
    var quote = check.quote, isKind = check.isKind, choices = check.choices, own = Object.prototype.hasOwnProperty;
    function siteToday() { var t = today(); return data.today_pin && data.today_pin < t ? data.today_pin : t; }
    function problemsOf(audit) { return check.problems(audit, siteToday()); }
    function caseValid() { var v = caseInput.value.trim(); return v !== "" && !caseProblem(v); }
    function showCaseError() {
      var v = caseInput.value.trim(), why = v ? caseProblem(v) : "";
      caseError.textContent = why ? "This case reference " + why + ". It has not been saved." : "";
      caseInput.setAttribute("aria-invalid", why ? "true" : "false");
      return !why;
    }

    function cycle() { return cycles[value("cycle")] || null; }
    function scoped() {
      var service = value("service"), c = cycle();
      return data.sections.filter(function (s) { return inScope(s, service, c); });
    }

    function escalationApplies(entry) {
      if (!byId[entry.id] || !byId[entry.id].key) return false;
      var m = entry.moderation || {};
      return entry.grade === "inadequate" || (m.outcome === "changed" && m.grade === "inadequate");
    }
    function moderatedNow() {
      if (lockedByImport || value("moderated_overall") || value("moderated_on")) return true;
      return data.sections.some(function (s) { return !!value(s.id + ".moderation.outcome"); });
    }

    // The audit as Export JSON writes it (forExport) or as the draft keeps it: a draft never
    // keeps a case reference that is not one, and keeps half-typed escalations.
    function collect(forExport) {
      var tookPart = value("practitioner.took_part");
      var practitioner = { role: value("practitioner.role"), team: value("practitioner.team") };
      if (tookPart) practitioner.took_part = tookPart === "yes";
      practitioner.reflection = value("practitioner.reflection");
      practitioner.feedback_date = value("practitioner.feedback_date");
      practitioner.response = value("practitioner.response");
      var reference = caseInput.value.trim();
      var audit = {
        format: data.format, version: data.version, id: currentId || "", marking: data.marking,
        cycle: value("cycle"),
        case_reference: forExport || caseValid() ? reference : "",
        service: value("service"), journey_stage: value("journey_stage"), auditor: value("auditor"),
        date: value("date"), joint_audit: !!value("joint_audit"),
        overall: "", auditor_overall: value("auditor_overall"), overall_reason: value("overall_reason"),
        suggested_overall: "", overall_rule: data.rule, difference: value("difference"),
        practitioner: practitioner,
        moderator: value("moderator"), moderated_on: value("moderated_on"),
        moderated_overall: value("moderated_overall"), moderation_reason: value("moderation_reason"),
        sections: [], learning_actions: [], training: []
      };
      var grades = {};
      scoped().forEach(function (s) {
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
        var to = value(s.id + ".escalation.to").trim(), on = value(s.id + ".escalation.date");
        if (escalationApplies(entry) && (forExport ? to && on : to || on)) entry.escalation = { to: to, date: on };
        grades[s.id] = entry.grade;
        audit.sections.push(entry);
      });
      for (var i = 0; i < 3; i++) {
        var action = { action: value("learning." + i + ".action"), agreed_with: value("learning." + i + ".agreed_with"),
                       by: value("learning." + i + ".by") };
        if (action.action || action.agreed_with || action.by) audit.learning_actions.push(action);
      }
      audit.suggested_overall = overall(grades);
      audit.overall = audit.moderated_overall || audit.auditor_overall;
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
    // The rule's suggestion (grades.overall in Python): no better than the lowest key section.
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
        if (finals[i] !== worst || !byId[entry.id]) return;
        byId[entry.id].standards.forEach(function (st) {
          st.training.forEach(function (c) {
            if (!seen[c.id]) { seen[c.id] = true; out.push({ title: c.title, url: c.url, standard: st.title }); }
          });
        });
      });
      return out;
    }

    /* What the form shows follows what is chosen: the sections of the service and the cycle,
     * the service's words for the grades, escalations for key sections graded Inadequate, the
     * overall judgement once every section is graded, and the auditor's grades locked once the
     * audit is moderated. */
    function refresh() {
      var service = value("service"), c = cycle(), l = labels();
      var cycleTitle = document.getElementById("ph-audit-cycle-title");
      cycleTitle.hidden = !c;
      cycleTitle.textContent = c ? "Themed audit for the cycle: " + c.title + "." : "";
      var serviceSelect = field("service");
      Array.prototype.forEach.call(serviceSelect.options, function (o) {
        var out = !!(c && o.value && c.services.length && c.services.indexOf(o.value) === -1);
        o.disabled = out; o.hidden = out;
      });
      var stages = (data.service_stages || {})[service] || null, stageSelect = field("journey_stage");
      Array.prototype.forEach.call(stageSelect.options, function (o) {
        var out = !!(stages && o.value && stages.indexOf(o.value) === -1);  // the service's own stages only
        o.disabled = out; o.hidden = out;
      });
      if (stageSelect.selectedOptions.length && stageSelect.selectedOptions[0].disabled) stageSelect.value = "";
      all(form, "[data-grade-label]").forEach(function (el) {
        var key = el.getAttribute("data-grade-label");
        if (l[key]) el.textContent = l[key];
      });
      var locked = moderatedNow(), remaining = [];
      data.sections.forEach(function (s) {
        var shown = inScope(s, service, c);
        var box = document.getElementById("ph-" + s.id);
        if (box) box.hidden = !shown;
        var row = $(form, '[data-summary-row="' + s.id + '"]');
        if (row) row.hidden = !shown;
        var grades = $(box, ".ph-audit__grades"), note = document.getElementById("ph-" + s.id + "-g-lock");
        if (grades) grades.disabled = locked;
        if (note) {
          note.hidden = !locked;
          note.textContent = locked ? "The auditor's grade is locked because this audit has been moderated: " +
            "the moderator records any change below." : "";
        }
        var entry = { id: s.id, grade: value(s.id + ".grade"), moderation: { outcome: value(s.id + ".moderation.outcome"),
                      grade: value(s.id + ".moderation.grade") } };
        var esc = document.getElementById("ph-" + s.id + "-escalation");
        if (esc) {
          var needed = shown && escalationApplies(entry);
          esc.hidden = !needed;
          all(esc, "input").forEach(function (i) { i.required = needed; });
        }
        if (shown && !entry.grade) remaining.push(s.title);
      });
      var choice = document.getElementById("ph-audit-overall-choice");
      var left = document.getElementById("ph-audit-overall-remaining");
      var lockNote = document.getElementById("ph-audit-overall-lock");
      choice.disabled = locked || remaining.length > 0;
      left.hidden = !remaining.length;
      left.textContent = remaining.length ? "Grade every section before choosing the overall judgement: " +
        remaining.length + " of " + scoped().length + " still to grade (" + remaining.join(", ") + ")." : "";
      lockNote.hidden = !locked;
      lockNote.textContent = locked ? "The auditor's overall judgement is locked because this audit has been moderated: " +
        "the moderator's overall judgement and reason are recorded under Moderation." : "";
      var audit = collect(false);
      document.getElementById("ph-audit-suggested").textContent = !remaining.length && word(audit.suggested_overall) ||
        "not yet (grade every section first)";
      showSummary(audit);
      return audit;
    }

    function showSummary(audit) {
      audit.sections.forEach(function (entry) {
        var cell = $(form, '[data-summary-grade="' + entry.id + '"]');
        var mod = $(form, '[data-summary-moderated="' + entry.id + '"]');
        if (cell) cell.textContent = word(entry.grade) || "Not graded";
        if (mod) {
          var m = entry.moderation;
          mod.textContent = "";
          var said = document.createElement("span");  // two lines at most in print; the export keeps it whole
          said.className = "ph-audit__reason";
          said.textContent = !m ? "" : m.outcome === "agree" ? "Agreed" :
            (word(m.grade) || "Not graded") + (m.reason ? " (" + m.reason + ")" : "");
          mod.appendChild(said);
        }
      });
      var shown = audit.moderated_overall ? word(audit.moderated_overall) + " (moderated; the auditor's: " +
        (word(audit.auditor_overall) || "not chosen") + ")" : word(audit.auditor_overall) || "Not yet chosen";
      $(form, "[data-summary-overall]").textContent = shown;
      var c = cycle();
      $(form, "[data-summary-about]").textContent = "Case " + (audit.case_reference || "(no reference)") +
        ", " + (audit.service || "service not chosen") + (c ? ", cycle: " + c.title : "") + ", " +
        (audit.journey_stage || "stage not chosen") + ", audited by " + (audit.auditor || "(no name)") + " on " +
        (audit.date || "(no date)") + (audit.joint_audit ? ", jointly with the worker's manager" : "") + ".";
      var extra = document.getElementById("ph-audit-print-extra");
      extra.textContent = "";
      function line(strong, text) {
        var p = document.createElement("p"), b = document.createElement("strong");
        b.textContent = strong; p.appendChild(b); p.appendChild(document.createTextNode(" " + text));
        extra.appendChild(p);
      }
      line("Suggested by the rule:", word(audit.suggested_overall) || "none");
      line("Auditor's overall judgement:", word(audit.auditor_overall) || "not chosen");
      if (audit.moderated_overall) line("Moderated overall judgement:", word(audit.moderated_overall) +
        (audit.moderator ? ", by " + audit.moderator : "") + (audit.moderated_on ? " on " + audit.moderated_on : ""));
      var escalations = audit.sections.filter(function (s) { return s.escalation || escalationApplies(s); });
      line("Escalations:", escalations.length ? escalations.map(function (s) {
        var e = s.escalation || {};
        return s.title + ": " + (e.to && e.date ? "to " + e.to + " on " + e.date : "needed, not yet recorded");
      }).join("; ") : "none");
      line("Learning actions:", audit.learning_actions.length ? audit.learning_actions.map(function (a) {
        return [a.action, a.agreed_with, a.by].filter(Boolean).join(" - ");
      }).join("; ") : "none");
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
      courses.forEach(function (course) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = course.url; a.textContent = course.title;
        li.appendChild(a); li.appendChild(document.createTextNode(" (builds " + course.standard + ")"));
        list.appendChild(li);
      });
      box.appendChild(list);
    }

    function fill(audit) {
      form.reset();
      ["case_reference", "cycle", "service", "journey_stage", "auditor", "date", "moderator", "moderated_on",
       "moderated_overall", "moderation_reason", "auditor_overall", "overall_reason", "difference"].forEach(function (n) {
        setValue(n, audit[n] || "");
      });
      setValue("joint_audit", !!audit.joint_audit);
      var pr = audit.practitioner || {};
      ["role", "team", "reflection", "feedback_date", "response"].forEach(function (n) {
        setValue("practitioner." + n, pr[n] || "");
      });
      setValue("practitioner.took_part", pr.took_part === true ? "yes" : pr.took_part === false ? "no" : "");
      (audit.sections || []).forEach(function (entry) {
        setValue(entry.id + ".grade", entry.grade || "");
        setValue(entry.id + ".evidence", entry.evidence || "");
        (entry.looks_for || []).forEach(function (p, i) {
          setValue(entry.id + ".looks_for." + i + ".met", !!p.met);
          setValue(entry.id + ".looks_for." + i + ".note", p.note || "");
        });
        var m = entry.moderation || {};
        setValue(entry.id + ".moderation.outcome", entry.moderation ? m.outcome || "" : null);
        setValue(entry.id + ".moderation.grade", m.grade || "");
        setValue(entry.id + ".moderation.reason", m.reason || "");
        var e = entry.escalation || {};
        setValue(entry.id + ".escalation.to", e.to || "");
        setValue(entry.id + ".escalation.date", e.date || "");
      });
      (audit.learning_actions || []).slice(0, 3).forEach(function (a, i) {
        setValue("learning." + i + ".action", a.action || "");
        setValue("learning." + i + ".agreed_with", a.agreed_with || "");
        setValue("learning." + i + ".by", a.by || "");
      });
      showCaseError();
      refresh();
    }

    /* Drafts on this device, known by the audit's own id. */
    function expiresAt(draft) {
      var saved = Date.parse(draft.saved || "");
      return isNaN(saved) ? 0 : saved + data.draft_expiry_days * DAY;
    }
    function purgeExpired() {
      var drafts = loadDrafts(), now = Date.now(), gone = 0;
      Object.keys(drafts).forEach(function (id) {
        if (!drafts[id] || typeof drafts[id] !== "object" || expiresAt(drafts[id]) <= now) { delete drafts[id]; gone++; }
      });
      if (gone) saveDrafts(drafts);
      return gone;
    }
    function draftTitle(audit) {
      return (audit.case_reference || "No case reference") + ", " + (audit.date || "no date");
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
        var d = drafts[id], li = document.createElement("li"), name = draftTitle(d);
        var strong = document.createElement("strong");
        strong.textContent = "Case " + (d.case_reference || "(no reference yet)");
        li.appendChild(strong);
        li.appendChild(document.createTextNode(
          ", audit date " + (d.date || "not given") +
          ", last changed " + longTime(new Date(Date.parse(d.saved))) +
          ", expires " + longDate(new Date(expiresAt(d))) + (id === currentId ? " (open)" : "") + " "));
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
      if (!currentId) return;
      var audit = refresh();
      if (lockedByImport) audit.locked = true;
      var drafts = loadDrafts(), before = drafts[currentId];
      if (before) {  // "last changed" (and so the expiry) moves only when something did change
        var was = Object.assign({}, before, { saved: "" });
        if (JSON.stringify(was) === JSON.stringify(Object.assign({}, audit, { saved: "" }))) return;
      }
      audit.saved = new Date().toISOString();
      drafts[currentId] = audit;
      status.textContent = saveDrafts(drafts) ? "Saved on this device." :
        "This browser will not keep the audit: export it before you leave the page.";
      listDrafts();
    }
    function open(id, audit, cycleId) {
      afterExport.hidden = true;
      message.textContent = "";
      currentId = id;
      lockedByImport = !!(audit && audit.locked);
      if (audit) fill(audit);
      else {
        form.reset();
        setValue("cycle", cycleId || "");
        var c = cycle();
        if (c && c.services.length === 1) setValue("service", c.services[0]);
        showCaseError();
        refresh();
      }
      form.hidden = false;
      actions.hidden = false;
      listDrafts();
    }
    function close(text) {
      currentId = null; lockedByImport = false;
      form.reset();
      form.hidden = true;
      actions.hidden = true;
      afterExport.hidden = true;
      status.textContent = text || "";
      listDrafts();
      document.getElementById("ph-audit-drafts-h").focus();  // back to the list, not to a hidden button
    }
    function startNew(cycleId) {
      open(newId(), null, cycleId);
      var c = cycle();
      status.textContent = c ? "New audit started for the cycle " + c.title + "." : "New audit started.";
      caseInput.focus();
    }
    function resume(id) {
      var drafts = loadDrafts();
      if (!drafts[id]) return;
      open(id, drafts[id]);
      status.textContent = "Draft " + draftTitle(drafts[id]) + " opened.";
      caseInput.focus();
    }
    function remove(id) {
      var drafts = loadDrafts();
      if (!drafts[id]) return;
      if (!window.confirm("Delete the draft " + draftTitle(drafts[id]) + " from this device? This cannot be undone.")) return;
      delete drafts[id];
      saveDrafts(drafts);
      if (id === currentId) close("Draft deleted."); else { status.textContent = "Draft deleted."; listDrafts(); }
    }

    function download(name, type, text) {
      var blob = new Blob([text], { type: type });
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url; a.download = name; a.hidden = true;
      document.body.appendChild(a); a.click(); a.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }
    function fileStem(audit) {  // a moderated export never takes the original's file name
      return "audit-" + audit.case_reference + "-" + audit.date + (audit.moderated_on ? "-moderated" : "");
    }

    /* The spreadsheet: exactly audit_tool/sheet.py (data.columns are its COLUMNS). */
    function csvCell(v) {
      var s = v == null ? "" : String(v);
      if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not run it as a formula
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    function yesNo(v) { return v === true ? "yes" : v === false ? "no" : ""; }
    function sheetRows(audit) {
      var l = labelsFor(String(audit.service || ""));
      function w(g) { var k = g == null ? "None" : String(g); return Object.prototype.hasOwnProperty.call(l, k) ? l[k] : String(g || ""); }
      function get(o, k) { return o[k] == null ? "" : o[k]; }
      var pr = audit.practitioner || {};
      var about = {
        marking: get(audit, "marking"), audit_id: get(audit, "id"),
        case_reference: get(audit, "case_reference"),
        date: get(audit, "date"), service: get(audit, "service"), journey_stage: get(audit, "journey_stage"),
        cycle: get(audit, "cycle"), auditor: get(audit, "auditor"), joint_audit: yesNo(audit.joint_audit),
        practitioner_role: get(pr, "role"), practitioner_team: get(pr, "team"), practitioner_took_part: yesNo(pr.took_part),
        practitioner_reflection: get(pr, "reflection"), practitioner_feedback_date: get(pr, "feedback_date"),
        practitioner_response: get(pr, "response"), difference: get(audit, "difference"),
        suggested_overall: w(audit.suggested_overall), auditor_overall: w(audit.auditor_overall),
        overall_reason: get(audit, "overall_reason"), moderator: get(audit, "moderator"), moderated_on: get(audit, "moderated_on"),
        moderated_overall: w(audit.moderated_overall), moderation_reason: get(audit, "moderation_reason"),
        overall: w(audit.overall),
        learning_actions: (audit.learning_actions || []).map(function (a) {
          return [get(a, "action"), get(a, "agreed_with"), get(a, "by")].filter(Boolean).join(" - ");
        }).join("; "),
        training: (audit.training || []).join("; ")
      };
      return (audit.sections || []).map(function (s) {
        var m = s.moderation || {}, e = s.escalation || {}, points = s.looks_for || [];
        var changed = m.outcome === "changed" && m.grade;
        var values = {
          section_id: get(s, "id"), section: get(s, "title"), grade: w(s.grade),
          points_met: points.filter(function (p) { return p.met; }).length + " of " + points.length,
          points: points.map(function (p) {
            return (p.met ? "met: " : "not met: ") + get(p, "point") + (p.note ? " (" + p.note + ")" : "");
          }).join("; "),
          evidence: get(s, "evidence"), moderation: { agree: "agreed", changed: "changed" }[m.outcome] || "",
          moderated_grade: changed ? w(m.grade) : "", moderation_grade_reason: get(m, "reason"),
          final_grade: w(changed ? m.grade : s.grade), escalated_to: get(e, "to"), escalated_on: get(e, "date")
        };
        return data.columns.map(function (name) {
          // Digits only as ="0012345", written as it is (the formula guard would show the formula):
          // a spreadsheet keeps it as text with its leading zeros.
          if (name === "case_reference" && /^[0-9]+$/.test(String(about.case_reference))) return '="' + about.case_reference + '"';
          return csvCell(Object.prototype.hasOwnProperty.call(values, name) ? values[name] : about[name]);
        }).join(",");
      });
    }
    function sheet(audits) {
      var lines = [data.columns.join(",")];
      audits.forEach(function (a) { lines.push.apply(lines, sheetRows(a)); });
      return "\ufeff" + lines.join("\r\n") + "\r\n";
    }

    function showProblems(intro, problems) {
      message.textContent = "";
      var p = document.createElement("p"), list = document.createElement("ul");
      p.textContent = intro;
      problems.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; list.appendChild(li); });
      message.appendChild(p); message.appendChild(list);
      message.focus();
    }
    function exportChecked(kind) {
      var audit = collect(true);
      var problems = problemsOf(audit);
      if (problems.length) {
        showProblems("The audit was not exported. Put these right first (" + problems.length + "):", problems);
        return;
      }
      message.textContent = "";
      audit.saved = new Date().toISOString();
      if (kind === "json") download(fileStem(audit) + ".json", "application/json", JSON.stringify(audit, null, 2) + "\n");
      else download(fileStem(audit) + ".csv", "text/csv", sheet([audit]));
      afterExport.hidden = false;
      status.textContent = "Exported " + draftTitle(audit) + " as " + kind.toUpperCase() +
        ". Once the file is safe, delete the draft from this device.";
    }
    /* An import is checked whole before the form changes. The text is scanned without
     * recursion (nesting and repeated keys), parsed inside try/catch, checked against the
     * audit_export schema embedded at build time (the rules `audits summarise` uses), then the
     * form is filled in one step, and put back as it was if anything at all goes wrong. The same
     * schema checker runs before every export. */
    var MAX_DEPTH = data.max_depth || 10;
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
      if (typeof audit.version === "number" && audit.version < data.version)
        return "is an older format of exported audit (version " + audit.version + "): this tool reads version " +
          data.version + ". Older exports have no audit id, overall reason or practitioner section, so they cannot " +
          "be opened here; export the audit again with this tool.";
      if (audit.version !== data.version) return "version: this tool reads version " + data.version +
        " of the audit format, found " + describe(audit.version) + ".";
      var why = data.export_schema ? breaks(data.export_schema, audit, []) : "";
      if (why) return why;
      if (typeof audit.case_reference !== "string" || caseProblem(audit.case_reference))
        return "case_reference: " + (caseProblem(String(audit.case_reference)) || "missing") + ".";
      if (!Array.isArray(audit.sections) || !audit.sections.length) return "sections: expected a list of audit sections.";
      var known = {}, seen = {};
      data.sections.forEach(function (s) { known[s.id] = true; });
      for (var i = 0; i < audit.sections.length; i++) {
        var s = audit.sections[i];
        if (!isKind("object", s) || typeof s.id !== "string" || !own.call(known, s.id))
          return "sections[" + i + "].id: " + describe(s && s.id) + " is not a section of this audit tool.";
        if (own.call(seen, s.id)) return "sections[" + i + "].id: the section " + quote(s.id) + " appears more than once.";
        seen[s.id] = true;
        if (s.grade != null && s.grade !== "" && !own.call(labelsFor(""), s.grade))
          return "sections[" + i + "].grade: " + describe(s.grade) + " is not a grade (expected " + choices(Object.keys(labelsFor(""))) + ").";
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
      message.focus();
    }
    // Reads one file as text: calls back with (text) or refuses it.
    function readFile(file, done, refused) {
      if (file.size > data.max_import_bytes) {
        refused("is too large to be an audit (" + file.size.toLocaleString("en-GB") + " bytes; an exported audit is at most " +
          data.max_import_bytes.toLocaleString("en-GB") + " bytes).");
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var text;
        try { text = new TextDecoder("utf-8", { fatal: true }).decode(reader.result); } catch (e) {
          refused("is not UTF-8 text, so it cannot be an exported audit.");
          return;
        }
        done(text);
      };
      reader.onerror = function () { refused("could not be read."); };
      reader.readAsArrayBuffer(file);
    }
    // The audit in a file's text, or why it is not one.
    function auditOf(text) {
      var deep = scanText(text);
      if (deep) return { why: "is not a valid audit: " + deep };
      var audit;
      try { audit = JSON.parse(text); } catch (e) {
        return { why: "is not valid JSON, so it cannot be an exported audit." };
      }
      var why = problem(audit);
      return why ? { why: (why.indexOf("is an older format") === 0 ? "" : "is not a valid audit: ") + why } : { audit: audit };
    }
    function importText(file, text) {
      var found = auditOf(text);
      if (found.why) { refuse(file, found.why); return; }
      var audit = found.audit;
      var before = snapshot(), beforeId = currentId, beforeLock = lockedByImport, wasHidden = form.hidden;
      try {
        var moderated = !!(audit.moderated_on || audit.moderated_overall ||
          audit.sections.some(function (s) { return s.moderation && s.moderation.outcome; }));
        open(audit.id, Object.assign({}, audit, { locked: moderated }));
      } catch (e) {
        restore(before); currentId = beforeId; lockedByImport = beforeLock; form.hidden = wasHidden;
        showCaseError(); refresh();
        refuse(file, "could not be filled in (" + String(e && e.name) + ").");
        return;
      }
      save();
      status.textContent = "Imported " + draftTitle(audit) + ". It is saved as a draft on this device.";
    }
    function importFile(file) {
      message.textContent = "";
      if (!file) return;
      readFile(file, function (text) {
        try { importText(file, text); } catch (e) {
          refuse(file, "could not be read as an audit (" + String(e && e.name) + ").");
        }
      }, function (why) { refuse(file, why); });
    }
    // Several exported audits -> one spreadsheet. Drafts are not touched.
    function makeSheet(files) {
      message.textContent = "";
      if (!files.length) return;
      var audits = new Array(files.length), problems = [], left = files.length;
      function finished() {
        if (--left) return;
        audits.forEach(function (audit, i) {
          if (!audit) return;
          problemsOf(audit).forEach(function (why) { problems.push(files[i].name + ": " + why); });
        });
        if (problems.length) {
          showProblems("No spreadsheet was made. Put these right in the tool, export them again, and try again:", problems);
          return;
        }
        var newest = {}, order = [], twice = [];
        function age(a) { return [a.moderated_on ? 1 : 0, a.moderated_on || "", a.saved || ""].join("|"); }
        audits.forEach(function (audit, i) {
          var old = newest[audit.id];
          if (!old) { newest[audit.id] = { audit: audit, file: files[i].name }; order.push(audit.id); return; }
          var keep = age(audit) > age(old.audit) ? { audit: audit, file: files[i].name } : old;
          twice.push((keep.file === files[i].name ? old.file : files[i].name) + " is another export of the audit in " + keep.file);
          newest[audit.id] = keep;
        });
        var chosen = order.map(function (id) { return newest[id].audit; });
        download("audits-" + chosen.length + "-" + today() + ".csv", "text/csv", sheet(chosen));
        status.textContent = "Made one spreadsheet of " + chosen.length + " audit" + (chosen.length === 1 ? "" : "s") + "." +
          (twice.length ? " Each audit is in it once, the newest export: " + twice.join("; ") + "." : "");
      }
      Array.prototype.forEach.call(files, function (file, i) {
        readFile(file, function (text) {
          var found;
          try { found = auditOf(text); } catch (e) { found = { why: "could not be read as an audit." }; }
          if (found.why) problems.push(file.name + " " + found.why); else audits[i] = found.audit;
          finished();
        }, function (why) { problems.push(file.name + " " + why); finished(); });
      });
    }

    function print() {
      refresh();
      document.body.classList.add("ph-audit-printing");
      window.print();
      document.body.classList.remove("ph-audit-printing");
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      if (event.target === caseInput) showCaseError();
      save();
    });
    form.addEventListener("change", function (event) { if (event.target === caseInput) showCaseError(); save(); });
    js.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "export-json") exportChecked("json");
      else if (action === "export-csv") exportChecked("csv");
      else if (action === "print") print();
      else if (action === "new") startNew("");
      else if (action === "close") close("The audit is closed. It is kept as a draft on this device until it expires.");
      else if (action === "keep") { afterExport.hidden = true; status.textContent = "The draft is kept on this device."; }
      else if (action === "delete-current") {
        var drafts = loadDrafts();
        delete drafts[currentId];
        saveDrafts(drafts);
        close("The draft is deleted: nothing of this audit is left on this device.");
      } else if (action === "clear-all") {
        if (!window.confirm("Remove every audit draft and everything else the audit tool kept on this device? " +
                            "This cannot be undone.")) return;
        clearEverything();
        close("Everything the audit tool kept on this device has been removed.");
      }
    });
    var input = document.getElementById("ph-audit-import");
    input.addEventListener("change", function () { importFile(input.files[0]); input.value = ""; });
    var many = document.getElementById("ph-audit-sheet");
    many.multiple = true;  // several exported audits at once (the page's HTML allow-list has no "multiple")
    many.addEventListener("change", function () { makeSheet(Array.prototype.slice.call(many.files)); many.value = ""; });
    window.addEventListener("beforeprint", function () { if (currentId) refresh(); });

    var expired = purgeExpired();
    listDrafts();
    if (expired) status.textContent = expired + " expired draft" + (expired === 1 ? " was" : "s were") + " deleted from this device.";
    // A cycle whose audit window has closed takes no new audits: its results stay as reported.
    function closed(c) { return !!(c && c.end && c.end < siteToday()); }
    var chooser = document.getElementById("ph-audit-cycle");
    // Kept, but not for choosing: an audit of a closed cycle opened for moderation keeps its cycle.
    if (chooser) Array.prototype.slice.call(chooser.options).forEach(function (o) {
      if (!closed(cycles[o.value])) return;
      o.disabled = true;
      o.textContent = cycles[o.value].title + " (closed on " + cycles[o.value].end + ")";
    });
    var wanted = new URLSearchParams(window.location.search).get("cycle");
    if (wanted && closed(cycles[wanted])) status.textContent = "The audit cycle \u201c" + cycles[wanted].title +
      "\u201d closed on " + cycles[wanted].end + ": it takes no new audits. Start a new audit without a cycle, or in an open one.";
    else if (wanted && cycles[wanted]) startNew(wanted);
    else if (wanted) status.textContent = "The audit cycle \u201c" + wanted + "\u201d is not one of this site's cycles: " +
      "start a new audit and choose its cycle under About the audit.";
  }

  /* The dashboard's service choice lives in the address (?service=Adults%27%20services): a
   * manager can bookmark or send it, a reload keeps it, and Back and Forward go through the
   * choices made. An unknown service in the address shows all services. */
  function setUpResults(root) {
    var filter = document.querySelector("[data-ph-results-filter]");
    var select = document.getElementById("ph-results-service");
    if (!filter || !select) return;
    filter.hidden = false;
    var first = select.options[0].value;
    function show() {
      all(root, "[data-ph-service]").forEach(function (group) {
        group.hidden = group.getAttribute("data-ph-service") !== select.value;
      });
    }
    function fromAddress() {
      var wanted = new URLSearchParams(window.location.search).get("service");
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : first;
      show();
    }
    select.addEventListener("change", function () {
      var url = new URL(window.location.href);
      if (select.value === first) url.searchParams.delete("service");
      else url.searchParams.set("service", select.value);
      window.history.pushState({ service: select.value }, "", url.pathname + url.search + url.hash);
      show();
    });
    window.addEventListener("popstate", fromAddress);
    fromAddress();
  }

  function start() {
    var form = document.querySelector("form[data-ph-audit]");
    if (form && document.getElementById("ph-audit-data")) setUpTool(form);
    var results = document.querySelector("[data-ph-results]");
    if (results) setUpResults(results);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
