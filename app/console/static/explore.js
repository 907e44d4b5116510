// Explore: charts over the mentions a query selects in a time range; every mark opens the Search page
// on the evidence behind it.
"use strict";
(() => {
  const {el, api, message, formParams, fillForm, number} = AW;
  const form = document.getElementById("explore-form");
  const errors = document.getElementById("explore-error");
  const summary = document.getElementById("explore-summary");
  const DAYS = {"24h": 1, "7d": 7, "30d": 30, "1y": 365};
  let last = null;

  function day(date) { return date.toISOString().slice(0, 10); }

  /** Open Search on the evidence: the explore query plus the mark's own filters. */
  function evidence(extra) {
    const p = new URLSearchParams();
    const query = form.elements.q.value.trim();
    const since = form.elements.since.value;
    if (since in DAYS) p.set("since", day(new Date(Date.now() - DAYS[since] * 86400000)));
    const words = [query, extra.q].filter(Boolean).map((w) => `(${w})`).join(" AND ");
    if (words) p.set("q", words);
    for (const [key, value] of Object.entries(extra)) if (key !== "q" && value) p.set(key, value);
    location.href = `/search?${p}`;
  }

  function quoted(text) { return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`; }

  function draw(data) {
    const series = form.elements.series.value;
    summary.textContent = `${number(data.total)} transfer mentions`;
    const legend = document.getElementById("legend");
    legend.replaceChildren(...data.series_keys.map((key, i) => el("span", {}, el("span", {class: `swatch s${i % 7}`}), key)));
    const t0 = performance.now();
    Charts.stackedBars(document.getElementById("over-time"), data.over_time, data.series_keys, (bucket, key) => {
      const start = new Date(bucket.t);
      const end = new Date(start.getTime() + {hour: 3600e3, day: 86400e3, week: 7 * 86400e3, month: 31 * 86400e3}[data.interval]);
      const extra = {since: day(start), until: day(end)};
      if (key && series === "category") extra.category = key;
      if (key && series === "pair") extra.q = `pair_name:${quoted(key)}`;
      evidence(extra);
    });
    Charts.matrix(document.getElementById("matrix"), data.matrix, (supplier, recipient) =>
      evidence({q: `supplier_name:${quoted(supplier)} AND recipient_name:${quoted(recipient)}`}));
    Charts.bars(document.getElementById("weapons"), data.weapons, (item) => evidence({q: `weapon.raw:${quoted(item.key)}`}));
    drawMap(data).then(() => {
      window.armswatchRenderMs = performance.now() - t0;
      document.body.dataset.rendered = "explore";
    });
  }

  function drawMap(data) {
    const side = document.getElementById("map-side").value;
    const colour = side === "suppliers" ? "--map-supplier" : "--map-recipient";
    return Charts.worldMap(document.getElementById("map"), data[side], colour, (state) =>
      evidence({[side === "suppliers" ? "supplier" : "recipient"]: state.code}));
  }

  async function run() {
    const params = formParams(form);
    history.replaceState(null, "", `?${params}`);
    message(errors, "");
    summary.textContent = "loading…";
    try {
      const started = performance.now();
      last = await api(`/api/explore?${params}`);
      window.armswatchApiMs = performance.now() - started;
      draw(last);
    } catch (error) {
      summary.textContent = "";
      message(errors, error.message, "error");
    }
  }

  document.getElementById("sw-sup").style.background = "var(--map-supplier)";
  document.getElementById("sw-rec").style.background = "var(--map-recipient)";
  document.getElementById("map-side").addEventListener("change", () => last && drawMap(last));
  fillForm(form, new URLSearchParams(location.search));
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
})();
