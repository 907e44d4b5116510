// armswatch console: what every page shares. Hand-written, no framework.
// Every text that comes from a feed is put in the page with textContent (never innerHTML), and links
// only ever point to http(s) addresses.
"use strict";

const AW = (() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  /** Build an element: el("a", {href: x, class: "y"}, "text", child...). Strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Only http(s) links: a feed could hand us javascript: or data: addresses. */
  function safeHref(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  async function api(path, options = {}) {
    const init = {...options, headers: {...(options.headers || {})}};
    if (init.method && init.method !== "GET") {
      init.headers["X-CSRF-Token"] = csrf;
      if (init.json !== undefined) {
        init.headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(init.json);
        delete init.json;
      }
    }
    const response = await fetch(path, init);
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      throw new Error((data && data.error) || (typeof data === "string" && data) || response.statusText);
    }
    return data;
  }

  /** Text with [start, end, kind] spans marked: <mark class="kind"> around each span. */
  function marked(text, spans, tag = "span") {
    const node = el(tag, {});
    let position = 0;
    for (const [start, end, kind] of spans || []) {
      if (start < position) continue;
      node.append(document.createTextNode(text.slice(position, start)));
      node.append(el("mark", {class: kind, title: kind}, text.slice(start, end)));
      position = end;
    }
    node.append(document.createTextNode(text.slice(position)));
    return node;
  }

  function party(code, name) {
    return el("span", {class: "party"}, code ? el("abbr", {class: "code", title: name || code}, code) : null,
      " ", name || code || "unknown");
  }

  function when(iso) {
    if (!iso) return "–";
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toISOString().slice(0, 16).replace("T", " ");
  }

  /** One transfer: pair, weapon, category, status, quantity, source, evidence, link. */
  function transferCard(m) {
    const href = safeHref(m.url);
    // The tagger lists each weapon term it found ("drones; Shahed; drones"): show each once.
    const weapon = [...new Set((m.weapon || "").split(";").map((w) => w.trim()).filter(Boolean))].join(", ");
    const facts = [weapon, m.category].filter(Boolean).map((fact) => el("span", {class: "fact"}, fact));
    facts.push(el("span", {class: `status ${m.status}`}, m.status));
    if (m.quantity) facts.push(el("span", {class: "fact"}, `${m.quantity_approximate ? "about " : ""}${number(m.quantity)} units`));
    if (m.value) facts.push(el("span", {class: "fact"}, `${m.currency || ""} ${number(m.value)}`.trim()));
    if (m.via && m.via.length) facts.push(el("span", {class: "fact"}, `via ${m.via.join(", ")}`));
    return el("li", {class: "card", "data-id": m.id},
      el("div", {class: "pair"}, party(m.supplier, m.supplier_name), el("span", {class: "arrow", "aria-label": "to"}, " → "),
        party(m.recipient, m.recipient_name)),
      el("div", {class: "facts"}, facts),
      el("blockquote", {class: "evidence", lang: m.lang || null}, marked(m.evidence || "", m.spans)),
      el("div", {class: "source"},
        el("span", {}, `${m.source || m.source_domain || ""} · ${when(m.published_at)} · ${m.lang || ""}`), " ",
        href ? el("a", {href, rel: "noopener noreferrer", target: "_blank"}, m.title || href) : el("span", {}, m.title || "")));
  }

  function articleCard(a) {
    const href = safeHref(a.url);
    return el("li", {class: "card"},
      el("div", {class: "title"}, href ? el("a", {href, rel: "noopener noreferrer", target: "_blank"}, marked(a.title || href, a.spans))
        : marked(a.title || "(untitled)", a.spans)),
      el("div", {class: "facts"}, (a.pair_names.length ? a.pair_names : ["no transfer"]).map((p) => el("span", {class: "fact"}, p)),
        a.categories.map((c) => el("span", {class: "fact"}, c))),
      el("div", {class: "source"}, `${a.source || ""} · ${when(a.published_at)} · ${a.lang || ""}`));
  }

  function message(target, text, kind = "info") {
    target.replaceChildren(text ? el("p", {class: `note ${kind}`}, text) : "");
  }

  function formParams(form) {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (String(value).trim()) params.set(key, String(value).trim());
    return params;
  }

  function fillForm(form, params) {
    for (const [key, value] of params) {
      const field = form.elements.namedItem(key);
      if (field && "value" in field) field.value = value;
    }
  }

  function number(value) {
    return value === null || value === undefined ? "–" : Math.round(value).toLocaleString("en");
  }

  // Dark and light (theme.js set the first one): the button switches and remembers.
  document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("theme");
    if (!button) return;
    button.addEventListener("click", () => {
      const theme = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
      localStorage.setItem("armswatch-theme", theme);
      document.documentElement.dataset.theme = theme;
    });
  });

  return {el, svg, api, marked, transferCard, articleCard, message, formParams, fillForm, number, when, safeHref};
})();
