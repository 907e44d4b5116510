// Deals: the board (a column per current status, newest report first) and, for the deal picked, its
// status timeline with the evidence and the source of each step.
"use strict";
(() => {
  const {el, api, message, formParams, fillForm, number, when, safeHref} = AW;
  const form = document.getElementById("deals-form");
  const board = document.getElementById("board");
  const detail = document.getElementById("deal");
  const STATUSES = ["alleged", "agreed", "ongoing", "delivered", "denied"];

  function quantity(q) {
    return q && q.value ? `${q.approximate ? "about " : ""}${number(q.value)}` : null;
  }

  function show(deal) {
    detail.hidden = false;
    document.getElementById("deal-title").textContent = `${deal.pair_name} · ${deal.category}`;
    const facts = [
      (deal.weapons || []).join(", "), `status ${deal.status}`,
      quantity(deal.quantity_ordered) && `ordered ${quantity(deal.quantity_ordered)}`,
      quantity(deal.quantity_delivered) && `delivered ${quantity(deal.quantity_delivered)}`,
      `${number(deal.outlets)} outlets, ${number(deal.articles)} articles`,
      `${when(deal.first_seen)} → ${when(deal.last_seen)}`,
    ].filter(Boolean);
    document.getElementById("deal-facts").replaceChildren(...facts.map((f) => el("span", {class: "fact"}, f)));
    document.getElementById("timeline").replaceChildren(...(deal.timeline || []).map((step) => {
      const href = safeHref(step.url);
      return el("li", {class: "card"},
        el("div", {class: "facts"}, el("span", {class: `status ${step.status}`}, step.status),
          el("span", {class: "fact"}, `${when(step.first_at)}${step.last_at && step.last_at !== step.first_at ? ` → ${when(step.last_at)}` : ""}`),
          el("span", {class: "fact"}, `${number(step.reports)} report${step.reports === 1 ? "" : "s"}`)),
        el("blockquote", {class: "evidence"}, step.evidence || ""),
        el("div", {class: "source"}, step.said_by ? `said by ${step.said_by} · ` : "",
          href ? el("a", {href, rel: "noopener noreferrer", target: "_blank"}, step.source || href) : step.source || ""));
    }));
    detail.scrollIntoView({block: "nearest"});
  }

  async function run() {
    const params = formParams(form);
    history.replaceState(null, "", `?${params}`);
    message(document.getElementById("deals-error"), "");
    try {
      const data = await api(`/api/deals?${params}`);
      document.getElementById("deals-summary").textContent = `${number(data.total)} ${data.total === 1 ? "deal" : "deals"}`;
      board.replaceChildren(...STATUSES.map((status) => {
        const deals = data.deals.filter((d) => d.status === status);
        return el("section", {class: "column panel", "aria-label": `${status}: ${deals.length}`},
          el("h2", {}, `${status} (${deals.length})`),
          el("ul", {class: "deal-list"}, deals.map((deal) => el("li", {},
            el("button", {type: "button", class: "deal-card", onclick: () => show(deal)},
              el("span", {class: "title"}, deal.pair_name), el("span", {}, `${deal.category} · ${(deal.weapons || []).join(", ")}`),
              el("span", {class: "source"}, `last report ${when(deal.last_seen)} · ${number(deal.outlets)} outlets`))))));
      }));
      if (data.deals.length) show(data.deals[0]); else detail.hidden = true;
    } catch (error) {
      message(document.getElementById("deals-error"), error.message, "error");
    }
  }

  fillForm(form, new URLSearchParams(location.search));
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
})();
