// Search: the history in the query language of `armswatch search`, with facets, highlights, pages,
// exports, and an address that reproduces the view (filters and page in the query string).
"use strict";
(() => {
  const {el, api, transferCard, articleCard, message, formParams, fillForm, number} = AW;
  const form = document.getElementById("search-form");
  const results = document.getElementById("results");
  const summary = document.getElementById("summary");
  const facetsBox = document.getElementById("facets");
  const errors = document.getElementById("search-error");
  const previous = document.getElementById("previous");
  const next = document.getElementById("next");
  // The search_after values of the pages before this one: the address carries them, so a copied
  // address opens the same page.
  let pages = [];

  function params() {
    const p = formParams(form);
    if (pages.length) p.set("pages", JSON.stringify(pages));
    return p;
  }

  function facets(data) {
    facetsBox.replaceChildren(el("h2", {}, "Refine"));
    for (const [name, buckets] of Object.entries(data.facets || {})) {
      if (!buckets.length) continue;
      facetsBox.append(el("h3", {}, name), el("ul", {}, buckets.map((b) =>
        el("li", {}, el("button", {type: "button", onclick: () => {
          const field = form.elements.namedItem(name);
          field.value = b.key;
          pages = [];
          run();
        }}, el("span", {}, b.key), el("span", {}, number(b.count)))))));
    }
  }

  async function run() {
    const query = params();
    history.replaceState(null, "", `?${query}`);
    const request = new URLSearchParams(query);
    request.delete("pages");
    if (pages.length) request.set("after", JSON.stringify(pages[pages.length - 1]));
    const exportParams = new URLSearchParams(request);
    exportParams.delete("after");
    document.getElementById("export-csv").href = `/api/search/export?${exportParams}&format=csv`;
    document.getElementById("export-json").href = `/api/search/export?${exportParams}&format=json`;
    message(errors, "");
    summary.textContent = "searching…";
    try {
      const data = await api(`/api/search?${request}`);
      const card = data.kind === "articles" ? articleCard : transferCard;
      results.replaceChildren(...data.hits.map(card));
      const first = pages.length * 25 + 1;
      summary.textContent = data.total
        ? `${number(data.total)} ${data.kind === "articles" ? "articles" : "transfers"} match; ${first}–${first + data.hits.length - 1} shown, newest first`
        : "nothing matches";
      facets(data);
      previous.disabled = !pages.length;
      next.disabled = !data.next_after;
      next.onclick = () => { pages.push(data.next_after); run(); };
    } catch (error) {
      summary.textContent = "";
      results.replaceChildren();
      message(errors, error.message, "error");
    }
  }

  const initial = new URLSearchParams(location.search);
  fillForm(form, initial);
  try { pages = JSON.parse(initial.get("pages") || "[]"); } catch { pages = []; }
  previous.addEventListener("click", () => { pages.pop(); run(); });
  form.addEventListener("submit", (event) => { event.preventDefault(); pages = []; run(); });
  run();
})();
