// Alerts: rules (add, edit, enable, disable, remove), the query checked as it is typed, a test on the
// last 30 days, and the recent alerts with their delivery state per channel. The page never receives
// a channel's secret: the server sends channel labels (webhook:host), and an edit keeps the stored
// channels unless new ones are typed.
"use strict";
(() => {
  const {el, api, message, when, safeHref} = AW;
  const form = document.getElementById("rule-form");
  const check = document.getElementById("query-check");
  const formError = document.getElementById("form-error");
  const testResults = document.getElementById("test-results");
  const cancel = document.getElementById("cancel-edit");
  let editing = null;

  function values() {
    const data = Object.fromEntries(new FormData(form));
    data.channels = String(data.channels || "").split("\n").map((c) => c.trim()).filter(Boolean);
    return data;
  }

  function draftParams() {
    const data = values();
    const p = new URLSearchParams();
    for (const key of ["query", "scope", "mode", "every", "min_confidence"]) if (data[key]) p.set(key, data[key]);
    return p;
  }

  let checking = 0;
  async function checkQuery() {
    const mine = ++checking;
    if (!form.elements.query.value.trim()) { check.textContent = ""; return; }
    try {
      const result = await api(`/api/rules/check?${draftParams()}`);
      if (mine !== checking) return;
      check.className = `note ${result.ok ? "ok" : "error"}`;
      check.textContent = result.ok ? "✓ the query can be a rule" : result.error;
    } catch (error) {
      check.className = "note error";
      check.textContent = error.message;
    }
  }
  let timer = null;
  for (const name of ["query", "scope", "mode", "every", "min_confidence"]) {
    form.elements[name].addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(checkQuery, 200); });
  }

  // Two reloads may overlap (a save, then a quick disable); only the newest one may draw the table.
  let loadingRules = 0;
  async function loadRules() {
    const mine = ++loadingRules;
    const body = document.querySelector("#rules tbody");
    try {
      const {rules} = await api("/api/rules");
      if (mine !== loadingRules) return;
      body.replaceChildren(...rules.map((rule) => el("tr", {},
        el("td", {}, rule.name), el("td", {}, el("code", {}, rule.query)),
        el("td", {}, rule.mode + (rule.mode !== "immediate" ? ` ${rule.every_minutes} min` : "")),
        el("td", {}, rule.scope), el("td", {}, rule.channels.join(", ") || "index only"),
        el("td", {}, rule.enabled ? "yes" : "no"),
        el("td", {},
          el("button", {type: "button", class: "secondary", onclick: () => toggle(rule)}, rule.enabled ? "Disable" : "Enable"), " ",
          el("button", {type: "button", class: "secondary", onclick: () => edit(rule)}, "Edit"), " ",
          el("button", {type: "button", class: "danger", onclick: () => remove(rule)}, "Remove")))));
      if (!rules.length) body.append(el("tr", {}, el("td", {colspan: 7}, "no rules yet: add one below")));
    } catch (error) {
      message(document.getElementById("rules-error"), error.message, "error");
    }
  }

  async function toggle(rule) {
    await api(`/api/rules/${encodeURIComponent(rule.id)}/enabled`, {method: "POST", json: {enabled: !rule.enabled}});
    loadRules();
  }

  async function remove(rule) {
    if (!confirm(`Remove the rule “${rule.name}”? Its alerts stay.`)) return;
    await api(`/api/rules/${encodeURIComponent(rule.id)}`, {method: "DELETE", json: {}});
    loadRules();
  }

  function edit(rule) {
    editing = rule;
    form.elements.name.value = rule.name;
    form.elements.name.readOnly = true;
    form.elements.query.value = rule.query;
    form.elements.scope.value = rule.scope;
    form.elements.mode.value = rule.mode;
    form.elements.every.value = rule.mode === "immediate" ? "" : `${rule.every_minutes}m`;
    form.elements.min_confidence.value = rule.min_confidence ?? "";
    form.elements.channels.value = "";
    form.elements.channels.placeholder = `now: ${rule.channels.join(", ") || "index only"} — leave empty to keep`;
    document.getElementById("h-form").textContent = `Edit the rule “${rule.name}”`;
    document.getElementById("save").textContent = "Save changes";
    cancel.hidden = false;
    form.elements.query.focus();
    checkQuery();
  }

  function reset() {
    editing = null;
    form.reset();
    form.elements.name.readOnly = false;
    form.elements.channels.placeholder = "webhook:https://ops.example.org/hook\nemail:desk@example.org\nlog";
    document.getElementById("h-form").textContent = "Add a rule";
    document.getElementById("save").textContent = "Add rule";
    cancel.hidden = true;
    check.textContent = "";
  }
  cancel.addEventListener("click", reset);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message(formError, "");
    try {
      if (editing) await api(`/api/rules/${encodeURIComponent(editing.id)}`, {method: "PUT", json: values()});
      else await api("/api/rules", {method: "POST", json: values()});
      message(formError, editing ? "rule saved" : "rule added", "ok");
      reset();
      loadRules();
    } catch (error) {
      message(formError, error.message, "error");
    }
  });

  document.getElementById("test").addEventListener("click", async () => {
    testResults.replaceChildren(el("p", {}, "testing…"));
    try {
      const report = await api(`/api/rules/test?${draftParams()}&since=30d`);
      testResults.replaceChildren(
        el("p", {class: "note ok"}, `In the last 30 days it would have fired on ${report.articles} articles (${report.documents} matching documents).`),
        el("ol", {class: "cards", id: "test-matches"}, report.matches.map((m) => {
          const href = safeHref(m.url);
          return el("li", {class: "card"},
            el("div", {class: "title"}, href ? el("a", {href, rel: "noopener noreferrer", target: "_blank"}, m.title || href) : m.title),
            el("div", {class: "facts"}, m.pairs.map((p) => el("span", {class: "fact"}, p.replace(">", " → ")))),
            m.evidence.map((e) => el("blockquote", {class: "evidence"}, e)),
            el("div", {class: "source"}, `${m.source} · ${when(m.published_at)}`));
        })));
    } catch (error) {
      testResults.replaceChildren(el("p", {class: "note error"}, error.message));
    }
  });

  async function loadRecent() {
    const body = document.querySelector("#recent tbody");
    try {
      const {alerts} = await api("/api/alerts");
      body.replaceChildren(...alerts.map((a) => {
        const href = safeHref(a.url);
        return el("tr", {},
          el("td", {}, when(a.fired_at)), el("td", {}, a.rule_name),
          el("td", {}, href ? el("a", {href, rel: "noopener noreferrer", target: "_blank"}, a.title || href) : a.title, el("div", {class: "source"}, a.source)),
          el("td", {}, (a.pair_names || []).join("; ")),
          el("td", {}, a.deliveries.length ? el("ul", {}, a.deliveries.map((d) => el("li", {},
            `${d.channel}: `, el("span", {class: `state-${d.state}`}, d.state),
            d.attempts ? ` (${d.attempts} attempt${d.attempts > 1 ? "s" : ""})` : "",
            d.last_error ? el("div", {class: "source"}, d.last_error) : ""))) : "index only"));
      }));
      if (!alerts.length) body.append(el("tr", {}, el("td", {colspan: 5}, "no alert yet")));
    } catch (error) {
      body.replaceChildren(el("tr", {}, el("td", {colspan: 5, class: "note error"}, error.message)));
    }
  }

  loadRules();
  loadRecent();
  setInterval(loadRecent, 10000);
})();
