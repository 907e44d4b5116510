// Feeds and health: the stage table of `armswatch status`, the feed registry with each feed's
// health (add, remove, OPML in and out), and the newest dead letters with their reasons.
"use strict";
(() => {
  const {el, api, message, when, number} = AW;
  const feedMessage = document.getElementById("feed-message");

  function interval(seconds) {
    if (!seconds) return "–";
    return seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} h` : `${Math.round(seconds / 60)} min`;
  }

  async function loadHealth() {
    try {
      const health = await api("/api/health");
      document.getElementById("run-state").textContent = health.running
        ? `armswatch run since ${when(health.started_at)}` : "armswatch run is not running here: counts from Kafka and Elasticsearch only";
      const columns = health.stages.length ? Object.keys(health.stages[0]) : [];
      document.querySelector("#stages thead tr").replaceChildren(...columns.map((c) => el("th", {scope: "col", class: c === "stage" ? null : "num"}, c)));
      document.querySelector("#stages tbody").replaceChildren(...health.stages.map((row) =>
        el("tr", {}, columns.map((c) => el(c === "stage" ? "th" : "td", {class: c === "stage" ? null : "num", scope: c === "stage" ? "row" : null}, row[c])))));
      const docs = health.documents;
      document.getElementById("store").textContent = `Elasticsearch: ${number(docs.articles)} articles, ${number(docs.mentions)} transfer mentions, ${number(docs.alerts)} alerts · Kafka: ` +
        Object.entries(health.topics).map(([t, n]) => `${t} ${number(n)}`).join(", ");
      document.getElementById("problems").replaceChildren(...health.problems.map((p) => el("p", {class: "note error"}, p)));
    } catch (error) {
      message(document.getElementById("problems"), error.message, "error");
    }
  }

  async function loadFeeds() {
    const body = document.querySelector("#feeds tbody");
    try {
      const {feeds} = await api("/api/feeds");
      body.replaceChildren(...feeds.map((f) => el("tr", {},
        el("td", {}, el("div", {class: "title"}, f.name || ""), el("div", {class: "source"}, f.url)),
        el("td", {}, f.language || "–"),
        el("td", {}, when(f.last_success_at)),
        el("td", {}, f.last_error ? el("span", {class: "state-failed"}, `${f.last_error} (${when(f.last_error_at)})`) : "–"),
        el("td", {class: "num"}, String(f.failures)),
        el("td", {class: "num"}, interval(f.fixed_interval_seconds || f.interval_seconds) + (f.fixed_interval_seconds ? " fixed" : "")),
        el("td", {class: "num"}, number(f.entries_seen)),
        el("td", {}, el("button", {type: "button", class: "danger", "aria-label": `Remove ${f.name || f.url}`, onclick: async () => {
          if (!confirm(`Stop polling ${f.url}?`)) return;
          try { await api("/api/feeds/remove", {method: "POST", json: {url: f.url}}); loadFeeds(); }
          catch (error) { message(feedMessage, error.message, "error"); }
        }}, "Remove")))));
      if (!feeds.length) body.append(el("tr", {}, el("td", {colspan: 8}, "no feed registered")));
    } catch (error) {
      message(feedMessage, error.message, "error");
    }
  }

  async function loadDeadLetters() {
    const body = document.querySelector("#dead tbody");
    try {
      const data = await api("/api/deadletters");
      document.getElementById("dead-total").textContent = `${number(data.total)} in the dead-letter topic; the newest:`;
      body.replaceChildren(...data.dead_letters.map((d) => el("tr", {},
        el("td", {}, when(d.at)), el("td", {}, d.stage), el("td", {}, el("code", {}, d.reason)),
        el("td", {}, d.error), el("td", {class: "source"}, `${d.topic}@${d.offset}: ${d.payload}`))));
      if (!data.dead_letters.length) body.append(el("tr", {}, el("td", {colspan: 5}, "none")));
    } catch (error) {
      body.replaceChildren(el("tr", {}, el("td", {colspan: 5, class: "note error"}, error.message)));
    }
  }

  document.getElementById("feed-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.target));
    try {
      await api("/api/feeds", {method: "POST", json: data});
      message(feedMessage, `added ${data.url}`, "ok");
      event.target.reset();
      loadFeeds();
    } catch (error) {
      message(feedMessage, error.message, "error");
    }
  });

  document.getElementById("opml-file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    try {
      const result = await api("/api/feeds/opml", {method: "POST", body: await file.arrayBuffer(), headers: {"Content-Type": "text/x-opml"}});
      message(feedMessage, `imported ${result.imported} feeds`, "ok");
      loadFeeds();
    } catch (error) {
      message(feedMessage, error.message, "error");
    }
    event.target.value = "";
  });

  loadHealth();
  loadFeeds();
  loadDeadLetters();
  setInterval(loadHealth, 5000);
})();
