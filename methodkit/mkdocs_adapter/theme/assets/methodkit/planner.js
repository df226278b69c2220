/* The session planner and the "Add to my plan" buttons.
 *
 * A plan is a list of entries: a module id, a break ("~15" for fifteen minutes) or the
 * start of a new day ("~day"). It lives in the address of the planner page
 * (plan/?modules=alpha,~15,beta&start=09:00), so it can be shared and bookmarked, and
 * in the browser's storage, so that "Add to my plan" on any module page adds to it.
 * The modules' durations, objectives and materials come from plan/modules.js (the same
 * data as plan/modules.json), which the site's build writes in each language; nothing is
 * asked of any other host.
 */
(function () {
  "use strict";

  var STORE = "methodkit-plan";
  var DEFAULT_START = "09:00";

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function stored() {
    try {
      return new URLSearchParams(window.localStorage.getItem(STORE) || "");
    } catch (e) {
      return new URLSearchParams("");  // storage turned off: the address alone keeps the plan
    }
  }

  function store(params) {
    try { window.localStorage.setItem(STORE, params.toString()); } catch (e) { /* see stored() */ }
  }

  function entriesOf(params) {
    return (params.get("modules") || "").split(",").filter(Boolean);
  }

  function validStart(value) {
    return /^([01]\d|2[0-3]):[0-5]\d$/.test(value || "") ? value : DEFAULT_START;
  }

  function breakMinutes(entry) {
    var m = /^~(\d{1,3})$/.exec(entry);
    return m ? Math.max(1, Math.min(480, parseInt(m[1], 10))) : null;
  }

  /* "Add to my plan" on module pages and catalogue cards. */
  function setupAddButton(box) {
    var id = box.getAttribute("data-mk-plan-add");
    var button = box.querySelector("button");
    var status = document.createElement("span");
    status.className = "mk-visually-hidden";
    status.setAttribute("role", "status");
    var link = document.createElement("a");
    link.href = box.getAttribute("data-plan");
    link.className = "mk-plan-add__open";
    box.appendChild(document.createTextNode(" "));
    box.appendChild(link);
    box.appendChild(status);

    function show() {
      var entries = entriesOf(stored());
      var inPlan = entries.indexOf(id) !== -1;
      button.setAttribute("aria-pressed", inPlan ? "true" : "false");
      button.textContent = inPlan ? box.getAttribute("data-added") : button.getAttribute("data-label");
      var modules = entries.filter(function (e) { return e.charAt(0) !== "~"; }).length;
      link.hidden = modules === 0;
      link.textContent = box.getAttribute("data-open") + " (" + modules + ")";
      var params = stored();
      link.href = box.getAttribute("data-plan") + (params.toString() ? "?" + params.toString() : "");
    }

    button.setAttribute("data-label", button.textContent);
    button.addEventListener("click", function () {
      var params = stored();
      var entries = entriesOf(params);
      var at = entries.indexOf(id);
      if (at === -1) {
        entries.push(id);
        status.textContent = fill(box.getAttribute("data-announce"), { title: box.getAttribute("data-title") });
      } else {
        entries.splice(at, 1);
        status.textContent = "";
      }
      if (entries.length) params.set("modules", entries.join(",")); else params.delete("modules");
      if (!params.get("start")) params.set("start", DEFAULT_START);
      store(params);
      show();
    });
    window.addEventListener("storage", show);
    box.hidden = false;
    show();
  }

  /* The planner page. */
  function setupPlanner(root) {
    var t = root.dataset;
    var select = root.querySelector("[data-mk-module]");
    var startInput = root.querySelector("[data-mk-start]");
    var breakInput = root.querySelector("[data-mk-break-minutes]");
    var rows = root.querySelector("[data-mk-rows]");
    var table = root.querySelector("[data-mk-table]");
    var empty = root.querySelector("[data-mk-empty]");
    var total = root.querySelector("[data-mk-total]");
    var late = root.querySelector("[data-mk-late]");
    var status = root.querySelector("[data-mk-status]");
    var linkField = root.querySelector("[data-mk-link]");
    var byId = {};
    var order = [];
    var entries = [];

    function duration(minutes) {
      var h = Math.floor(minutes / 60), m = minutes % 60;
      if (h && m) return fill(t.tHoursMinutes, { h: h, m: m });
      return h ? fill(t.tHours, { h: h }) : fill(t.tMinutes, { m: m });
    }

    function clock(minutes) {
      var day = ((minutes % 1440) + 1440) % 1440;
      var h = Math.floor(day / 60), m = day % 60;
      return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
    }

    function minutesOf(value) {
      var parts = value.split(":");
      return parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
    }

    function titleOf(entry) {
      if (entry === "~day") return t.tDay.replace("{n}", "");
      var b = breakMinutes(entry);
      return b ? t.tBreak : byId[entry].title;
    }

    /* Clock times: every day starts at the start time; modules and breaks follow each other. */
    function schedule() {
      var start = minutesOf(validStart(startInput.value));
      var at = start, day = 1, out = [], sum = 0, breaks = 0;
      entries.forEach(function (entry, index) {
        if (entry === "~day") {
          day += 1;
          at = start;
          out.push({ entry: entry, index: index, day: day });
          return;
        }
        var b = breakMinutes(entry);
        var minutes = b || byId[entry].duration;
        out.push({ entry: entry, index: index, day: day, from: at, to: at + minutes, minutes: minutes, isBreak: !!b });
        at += minutes;
        sum += minutes;
        if (b) breaks += minutes;
      });
      return { slots: out, sum: sum, breaks: breaks, days: day };
    }

    /* Module ids, "~15" and "~day" need no escaping: the address stays readable. */
    function address() {
      return (entries.length ? "modules=" + entries.join(",") + "&" : "") + "start=" + validStart(startInput.value);
    }

    function save() {
      var query = address();
      window.history.replaceState(null, "", window.location.pathname + "?" + query + window.location.hash);
      store(new URLSearchParams(query));
      linkField.value = window.location.href;
    }

    function say(text) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function button(label, text, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "mk-agenda__button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.addEventListener("click", action);
      return b;
    }

    function move(index, by) {
      var target = index + by;
      if (target < 0 || target >= entries.length) return;
      var entry = entries.splice(index, 1)[0];
      entries.splice(target, 0, entry);
      render();
      save();
      say(fill(t.tMoved, { title: titleOf(entry), n: target + 1 }));
      // The focus follows the moved row: the same arrow, or its other one at the top or the bottom.
      var row = '[data-index="' + target + '"] ';
      var again = rows.querySelector(row + '[data-dir="' + (by < 0 ? "up" : "down") + '"]:not(:disabled)') ||
        rows.querySelector(row + "button:not(:disabled)");
      if (again) again.focus();
    }

    function remove(index) {
      var entry = entries.splice(index, 1)[0];
      render();
      save();
      say(fill(t.tRemoved, { title: titleOf(entry) }));
      var next = rows.querySelector('[data-index="' + Math.min(index, entries.length - 1) + '"] button');
      (next || select).focus();
    }

    function cell(row, text, className) {
      var td = document.createElement("td");
      if (className) td.className = className;
      if (text !== undefined) td.textContent = text;
      row.appendChild(td);
      return td;
    }

    function render() {
      var plan = schedule();
      rows.textContent = "";
      if (plan.days > 1 || entries[0] === "~day") {
        var first = document.createElement("tr");
        first.className = "mk-agenda__day";
        var th = document.createElement("th");
        th.colSpan = 3;
        th.scope = "rowgroup";
        th.textContent = fill(t.tDay, { n: 1 });
        first.appendChild(th);
        first.appendChild(document.createElement("td"));
        rows.appendChild(first);
      }
      plan.slots.forEach(function (slot) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-index", slot.index);
        var label;
        if (slot.entry === "~day") {
          tr.className = "mk-agenda__day";
          var head = document.createElement("th");
          head.colSpan = 3;
          head.scope = "rowgroup";
          head.textContent = fill(t.tDay, { n: slot.day });
          tr.appendChild(head);
          label = fill(t.tDay, { n: slot.day });
        } else {
          tr.className = slot.isBreak ? "mk-agenda__break" : "mk-agenda__module";
          if (slot.to > 1440) tr.classList.add("mk-agenda__late");
          cell(tr, clock(slot.from) + "–" + clock(slot.to), "mk-agenda__time");
          cell(tr, duration(slot.minutes), "mk-agenda__duration");
          var what = cell(tr, undefined, "mk-agenda__what");
          if (slot.isBreak) {
            what.textContent = t.tBreak;
            label = t.tBreak + " " + clock(slot.from);
          } else {
            var module = byId[slot.entry];
            var a = document.createElement("a");
            a.href = "../" + module.url;
            a.textContent = module.title;
            what.appendChild(a);
            var meta = document.createElement("span");
            meta.className = "mk-agenda__meta";
            meta.textContent = module.phase + " · " + module.format;
            what.appendChild(meta);
            label = module.title;
          }
        }
        var change = cell(tr, undefined, "mk-agenda__change");
        var up = button(fill(t.tUp, { title: label }), "↑", function () { move(slot.index, -1); });
        up.setAttribute("data-dir", "up");
        up.disabled = slot.index === 0;
        var down = button(fill(t.tDown, { title: label }), "↓", function () { move(slot.index, 1); });
        down.setAttribute("data-dir", "down");
        down.disabled = slot.index === entries.length - 1;
        change.appendChild(up);
        change.appendChild(down);
        change.appendChild(button(fill(t.tRemove, { title: label }), "✕", function () { remove(slot.index); }));
        rows.appendChild(tr);
      });
      var filled = entries.length > 0;
      table.hidden = !filled;
      empty.hidden = filled;
      total.textContent = filled ? (plan.breaks ? fill(t.tTotalBreaks, { total: duration(plan.sum), breaks: duration(plan.breaks) })
                                                : fill(t.tTotal, { total: duration(plan.sum) })) : "";
      root.querySelectorAll("[data-mk-when-filled]").forEach(function (el) { el.hidden = !filled; });
      renderLate(plan);
      renderLists();
    }

    /* A day that runs past midnight: the clock starts again at 00:00, so say it in words. */
    function renderLate(plan) {
      var ends = {};
      plan.slots.forEach(function (slot) {
        if (slot.to > 1440) ends[slot.day] = slot.to;
      });
      var lines = Object.keys(ends).map(function (day) {
        return fill(t.tLate, { day: fill(t.tDay, { n: day }), time: clock(ends[day]) });
      });
      late.textContent = lines.join(" ");
      late.hidden = !lines.length;
    }

    /* Objectives per module; materials and preparation combined: each line once, with the modules it serves. */
    function renderLists() {
      var modules = [];
      entries.forEach(function (e) { if (byId[e] && modules.indexOf(e) === -1) modules.push(e); });
      var objectives = root.querySelector("[data-mk-objectives]");
      objectives.textContent = "";
      modules.forEach(function (id) {
        var m = byId[id];
        var h = document.createElement("h3");
        h.textContent = m.title;
        var ul = document.createElement("ul");
        m.objectives.forEach(function (o) {
          var li = document.createElement("li");
          li.textContent = o;
          ul.appendChild(li);
        });
        objectives.appendChild(h);
        objectives.appendChild(ul);
      });
      ["materials", "preparation"].forEach(function (field) {
        var list = root.querySelector("[data-mk-" + field + "]");
        list.textContent = "";
        var seen = {}, lines = [];
        modules.forEach(function (id) {
          byId[id][field].forEach(function (line) {
            var key = line.trim().toLowerCase();
            if (!seen[key]) { seen[key] = { text: line, from: [] }; lines.push(seen[key]); }
            seen[key].from.push(byId[id].title);
          });
        });
        lines.forEach(function (line) {
          var li = document.createElement("li");
          li.textContent = line.text;
          var from = document.createElement("span");
          from.className = "mk-plan__from";
          from.textContent = " (" + fill(t.tFor, { modules: line.from.join(", ") }) + ")";
          li.appendChild(from);
          list.appendChild(li);
        });
      });
    }

    function add(entry, announce) {
      entries.push(entry);
      render();
      save();
      var slot = schedule().slots[entries.length - 1];
      say(announce || fill(t.tAdded, { title: titleOf(entry), time: slot.from === undefined ? "" : clock(slot.from) }));
    }

    function start(data) {
      data.modules.forEach(function (m) {
        byId[m.id] = m;
        order.push(m.id);
        var option = document.createElement("option");
        option.value = m.id;
        option.textContent = m.title + " (" + m.duration_label + ")";
        select.appendChild(option);
      });
      var params = new URLSearchParams(window.location.search);
      if (!params.get("modules") && !params.get("start")) params = stored();
      var wanted = entriesOf(params);
      var unknown = wanted.filter(function (e) { return e !== "~day" && !breakMinutes(e) && !byId[e]; });
      entries = wanted.filter(function (e) { return unknown.indexOf(e) === -1; }).map(function (e) {
        return breakMinutes(e) ? "~" + breakMinutes(e) : e;
      });
      startInput.value = validStart(params.get("start"));
      root.querySelector("[data-mk-print-title]").textContent = t.tAgendaCoach + " · " + t.site;
      root.hidden = false;
      render();
      save();
      if (unknown.length) say(fill(t.tUnknown, { ids: unknown.join(", ") }));
    }

    root.querySelector("[data-mk-add]").addEventListener("click", function () {
      if (!select.value) { select.focus(); return; }
      add(select.value);
    });
    root.querySelector("[data-mk-add-break]").addEventListener("click", function () {
      var minutes = parseInt(breakInput.value, 10);
      if (!(minutes > 0)) minutes = 15;
      add("~" + Math.min(480, minutes));
    });
    root.querySelector("[data-mk-add-day]").addEventListener("click", function () {
      add("~day", fill(t.tDay, { n: schedule().days + 1 }));
    });
    startInput.addEventListener("change", function () { render(); save(); });
    root.querySelector("[data-mk-clear]").addEventListener("click", function () {
      entries = [];
      render();
      save();
      say(t.tCleared);
      select.focus();
    });
    root.querySelector("[data-mk-copy-link]").addEventListener("click", function (event) {
      linkField.select();
      if (navigator.clipboard) navigator.clipboard.writeText(linkField.value).then(function () { say(t.tCopied); });
    });
    root.querySelectorAll("[data-mk-print]").forEach(function (b) {
      b.addEventListener("click", function () {
        var who = b.getAttribute("data-mk-print");
        document.documentElement.setAttribute("data-mk-print", who);
        root.querySelector("[data-mk-print-title]").textContent =
          (who === "participants" ? t.tAgendaParticipants : t.tAgendaCoach) + " · " + t.site;
        window.print();
      });
    });
    window.addEventListener("afterprint", function () { document.documentElement.removeAttribute("data-mk-print"); });

    // plan/modules.js, loaded by the page, holds the modules; without it, the JSON beside it.
    if (window.methodkitPlanData) {
      start(window.methodkitPlanData);
    } else {
      fetch(root.getAttribute("data-src"), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(start);
    }
  }

  document.querySelectorAll("[data-mk-plan-add]").forEach(setupAddButton);
  document.querySelectorAll("[data-mk-planner]").forEach(setupPlanner);
})();
