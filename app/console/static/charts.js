// The console's charts: hand-written SVG. Each mark is a focusable link-like element (Enter or click
// follows it) with a title that says what it counts.
"use strict";
const Charts = (() => {
  const {el, svg, number} = AW;

  function activate(node, action, label) {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "link");
    node.setAttribute("aria-label", label);
    node.classList.add("mark");
    node.append(svg("title", {}, label));
    node.addEventListener("click", action);
    node.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); action(); } });
    return node;
  }

  /** Stacked bars over time: buckets [{t, total, series: {key: n}}], keys in colour order. */
  function stackedBars(target, buckets, keys, onPick) {
    const width = 640, height = 260, left = 40, bottom = 36, top = 8;
    const max = Math.max(1, ...buckets.map((b) => b.total));
    const step = (width - left - 8) / Math.max(1, buckets.length);
    const y = (v) => (height - bottom - top) * v / max;
    const chart = svg("svg", {class: "chart", viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "Mentions over time"});
    chart.append(svg("line", {class: "axis", x1: left, x2: width - 8, y1: height - bottom, y2: height - bottom}));
    for (const tick of new Set([0, Math.round(max / 2), max])) {
      chart.append(svg("text", {x: left - 4, y: height - bottom - y(tick) + 4, "text-anchor": "end"}, number(tick)));
    }
    const labelEvery = Math.ceil(buckets.length / 8);
    buckets.forEach((bucket, i) => {
      const x = left + i * step;
      let base = height - bottom;
      const others = bucket.total - keys.reduce((sum, k) => sum + (bucket.series[k] || 0), 0);
      [...keys, "other"].forEach((key, k) => {
        const value = key === "other" ? others : bucket.series[key] || 0;
        if (!value) return;
        const h = y(value);
        base -= h;
        const rect = svg("rect", {class: `bar ${key === "other" ? "s7" : "s" + (k % 7)}`, x: x + 1, y: base, width: Math.max(1, step - 2), height: h});
        chart.append(activate(rect, () => onPick(bucket, key === "other" ? null : key), `${bucket.t.slice(0, 10)} ${key}: ${number(value)}`));
      });
      if (i % labelEvery === 0) chart.append(svg("text", {x: x + step / 2, y: height - bottom + 14, "text-anchor": "middle"}, bucket.t.slice(5, 10)));
    });
    target.replaceChildren(chart);
  }

  /** Horizontal bars: items [{key, count}]. */
  function bars(target, items, onPick) {
    const width = 640, row = 24, left = 210;
    const max = Math.max(1, ...items.map((i) => i.count));
    const chart = svg("svg", {class: "chart", viewBox: `0 0 ${width} ${Math.max(row, items.length * row)}`, role: "group", "aria-label": "Top weapons"});
    items.forEach((item, i) => {
      const label = item.key.length > 32 ? item.key.slice(0, 31) + "…" : item.key;
      chart.append(svg("text", {x: left - 6, y: i * row + 16, "text-anchor": "end"}, label));
      const rect = svg("rect", {class: "bar s0", x: left, y: i * row + 4, height: row - 8, width: Math.max(2, (width - left - 60) * item.count / max)});
      chart.append(activate(rect, () => onPick(item), `${item.key}: ${number(item.count)}`));
      chart.append(svg("text", {x: left + (width - left - 60) * item.count / max + 6, y: i * row + 16}, number(item.count)));
    });
    target.replaceChildren(items.length ? chart : el("p", {}, "nothing in this range"));
  }

  /** Supplier x recipient table, cells shaded by count. */
  function matrix(target, data, onPick) {
    const max = Math.max(1, ...data.rows.flatMap((r) => Object.values(r.cells)));
    const table = el("table", {class: "matrix"},
      el("thead", {}, el("tr", {}, el("th", {scope: "col"}, "supplier ↓ recipient →"), data.recipients.map((r) => el("th", {scope: "col"}, r)))),
      el("tbody", {}, data.rows.map((row) => el("tr", {}, el("th", {scope: "row"}, row.supplier),
        data.recipients.map((recipient) => {
          const count = row.cells[recipient] || 0;
          if (!count) return el("td", {});
          const button = el("button", {type: "button", title: `${row.supplier} → ${recipient}: ${count}`,
            "aria-label": `${row.supplier} to ${recipient}: ${count}`, onclick: () => onPick(row.supplier, recipient)}, number(count));
          button.style.background = `color-mix(in srgb, var(--accent) ${Math.round(15 + 70 * count / max)}%, transparent)`;
          return el("td", {}, button);
        })))));
    target.replaceChildren(data.rows.length ? table : el("p", {}, "nothing in this range"));
  }

  let mapDocument = null;
  /** The world map (the installed package's SVG), states shaded by count; clicking one picks it. */
  async function worldMap(target, states, colourVar, onPick) {
    if (!mapDocument) {
      const text = await (await fetch("/map/world.svg")).text();
      mapDocument = new DOMParser().parseFromString(text, "image/svg+xml");
    }
    const map = document.importNode(mapDocument.documentElement, true);
    map.setAttribute("role", "group");
    map.setAttribute("aria-label", "World map");
    map.removeAttribute("width");
    map.removeAttribute("height");
    const max = Math.max(1, ...states.map((s) => s.count));
    for (const state of states) {
      const group = map.querySelector(`g.${CSS.escape(state.code.toLowerCase())}`);
      if (!group) continue;
      group.classList.add("has");
      for (const path of group.querySelectorAll("path")) {
        path.style.fill = `color-mix(in srgb, var(${colourVar}) ${Math.round(25 + 75 * state.count / max)}%, var(--map-land))`;
      }
      activate(group, () => onPick(state), `${state.name} (${state.code}): ${number(state.count)}`);
    }
    target.replaceChildren(map);
  }

  return {stackedBars, bars, matrix, worldMap};
})();
