// Live: the newest transfers, then each new one as the server pushes it (server-sent events).
"use strict";
(() => {
  const {el, api, transferCard, message, formParams, fillForm, number} = AW;
  const form = document.getElementById("filters");
  const list = document.getElementById("stream");
  const status = document.getElementById("live-state");
  const errors = document.getElementById("live-error");
  const KEEP = 200;
  let source = null;

  function counters(c) {
    document.getElementById("c-articles").textContent = number(c.articles_per_minute);
    document.getElementById("c-transfers").textContent = number(c.transfers_today);
    document.getElementById("c-alerts").textContent = number(c.alerts_today);
    document.getElementById("c-feeds").textContent = number(c.feeds_failing);
  }

  function add(transfer, fresh) {
    if (transfer.id && list.querySelector(`li[data-id="${CSS.escape(transfer.id)}"]`)) return;
    const card = transferCard(transfer);
    if (fresh) { card.classList.add("new"); list.prepend(card); } else list.append(card);
    while (list.children.length > KEEP) list.lastElementChild.remove();
  }

  function addDeal(deal) {
    const list = document.getElementById("deal-stream");
    document.getElementById("live-deals").hidden = false;
    list.querySelector(`li[data-id="${CSS.escape(deal.id)}"]`)?.remove();
    const href = AW.safeHref(deal.latest_url);
    const card = el("li", {class: "card new", "data-id": deal.id},
      el("div", {class: "pair"}, deal.pair_name),
      el("div", {class: "facts"}, el("span", {class: "fact"}, deal.category),
        el("span", {class: "fact"}, (deal.weapons || []).join(", ")), el("span", {class: `status ${deal.status}`}, deal.status),
        el("span", {class: "fact"}, `${number(deal.outlets)} outlets`)),
      el("div", {class: "source"}, deal.timeline_text || ""),
      el("blockquote", {class: "evidence"}, deal.latest_evidence || ""),
      el("div", {class: "source"}, href ? el("a", {href, rel: "noopener noreferrer", target: "_blank"}, deal.latest_source || href) : ""));
    list.prepend(card);
    while (list.children.length > 20) list.lastElementChild.remove();
  }

  async function start() {
    const params = formParams(form);
    history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
    if (source) source.close();
    message(errors, "");
    list.replaceChildren();
    try {
      const recent = await api(`/api/live/recent?${params}`);
      for (const transfer of recent.transfers) add(transfer, false);
      if (!recent.transfers.length) status.textContent = "no transfer matches yet: new ones appear here as they are indexed";
    } catch (error) {
      message(errors, error.message, "error");
      return;
    }
    source = new EventSource(`/api/live/events?${params}`);
    source.addEventListener("open", () => { status.textContent = "live: new transfers appear as they are indexed"; });
    source.addEventListener("error", () => { status.textContent = "connection lost, reconnecting…"; });
    source.addEventListener("transfer", (event) => add(JSON.parse(event.data), true));
    source.addEventListener("deal", (event) => addDeal(JSON.parse(event.data)));
    source.addEventListener("counters", (event) => counters(JSON.parse(event.data)));
  }

  fillForm(form, new URLSearchParams(location.search));
  form.addEventListener("submit", (event) => { event.preventDefault(); start(); });
  form.addEventListener("reset", () => setTimeout(start, 0));
  api("/api/live/counters").then(counters).catch(() => {});
  start();
})();
