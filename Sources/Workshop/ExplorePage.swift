/// The workshop page: one self-contained HTML file (inline CSS and script, nothing
/// fetched from elsewhere), so it works on a room's network without the internet.
/// The charts are the report's own SVG, drawn on the server.
///
/// For tests, `<body>` carries `data-state` (loading, running, done, error), `data-run`
/// (the comparison shown) and `data-pairs` (its finished pairs).
enum ExplorePage {
    /// The start of both workshop pages, up to their own style: no favicon is fetched.
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <link rel="icon" href="data:,"/>
        <title>\(title)</title>

        """
    }

    static let html = #"""
\#(ExplorePage.head(title: "Runway workshop"))<style>
body { font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; margin: 0; color: #111; background: #fff; line-height: 1.35; }
header { background: #0b3d5c; color: #fff; padding: 10px 18px; display: flex; flex-wrap: wrap; gap: 14px; align-items: center; }
header h1 { font-size: 21px; margin: 0 12px 0 0; }
header label { font-size: 15px; }
header select, header input { font-size: 15px; }
main { display: grid; grid-template-columns: 340px 1fr; gap: 18px; padding: 14px 18px; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
#levers { border-right: 1px solid #ddd; padding-right: 14px; }
.lever { margin-bottom: 16px; }
.lever .name { font-weight: bold; font-size: 15px; }
.lever .dutch { font-style: italic; color: #444; font-weight: normal; }
.lever .unit, .lever .help { font-size: 13px; color: #444; }
.lever .row { display: flex; align-items: center; gap: 8px; }
.lever input[type=range] { flex: 1; }
.lever output { min-width: 3.5em; text-align: right; font-variant-numeric: tabular-nums; font-weight: bold; }
.track { position: relative; height: 14px; margin-right: 4.3em; }
.track .mark { position: absolute; top: 0; font-size: 11px; color: #0b3d5c; transform: translateX(-50%); white-space: nowrap; }
.changed .name::after { content: " ●"; color: #d55e00; }
select.choice { width: 100%; font-size: 14px; }
#status { font-size: 15px; padding: 6px 10px; background: #f1f5f8; border-radius: 4px; margin-bottom: 10px; }
#error { display: none; background: #fde8e4; border: 1px solid #d55e00; padding: 8px 10px; border-radius: 4px; margin-bottom: 10px; white-space: pre-wrap; }
table { border-collapse: collapse; font-size: 14px; margin-bottom: 14px; }
caption { text-align: left; color: #333; padding-bottom: 4px; }
th, td { border-bottom: 1px solid #ccc; padding: 4px 8px; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; white-space: normal; min-width: 12em; }
td.yes { font-weight: bold; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-bottom: 10px; }
@media (max-width: 1200px) { .pair { grid-template-columns: 1fr; } }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; display: block; }
.story pre { white-space: pre-wrap; font-family: inherit; font-size: 13px; background: #fafafa; padding: 8px; max-height: 22em; overflow: auto; }
#downloads a { margin-right: 16px; }
#access { display: none; padding: 30px; }
button { font-size: 14px; }
</style>
</head>
<body data-state="loading">
<header>
<h1>Runway workshop</h1>
<label>Starting point (A): <select id="scenario"></select></label>
<label>Replications: <input id="replications" type="number" min="2" max="40" value="20" style="width:4em"/></label>
<button id="reset" type="button">Back to the starting point</button>
</header>
<div id="access"><p>This workshop needs its access code (ask the facilitator).</p>
<form id="accessForm"><input id="accessCode" autocomplete="off"/> <button type="submit">Enter</button></form></div>
<main id="main">
<section id="levers"><p>Move a lever: B is the starting point with your changes, A the starting point itself, on the same households and the same random history (common random numbers).</p><div id="leverList"></div></section>
<section id="results">
<div id="status">Loading…</div>
<div id="error"></div>
<div id="downloads"></div>
<div id="headline"></div>
<div id="charts"></div>
<h2>One household under A and under B</h2>
<div id="stories" class="pair"></div>
</section>
</main>
<script>
"use strict";
const client = sessionStorage.getItem("runway-client") || (Math.random().toString(36).slice(2) + Date.now().toString(36));
sessionStorage.setItem("runway-client", client);
let code = sessionStorage.getItem("runway-code") || "";
let setup = null, current = null, seen = 0, timer = null, debounce = null;
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const headers = {};
  if (code) headers["X-Access-Code"] = code;
  if (body) headers["Content-Type"] = "application/json";
  const r = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (r.status === 401) { askForCode(); throw new Error("access code needed"); }
  const data = await r.json();
  if (!r.ok) { const e = new Error(data.error || ("HTTP " + r.status)); e.status = r.status; throw e; }
  return data;
}

function askForCode() {
  $("main").style.display = "none";
  $("access").style.display = "block";
  document.body.dataset.state = "access";
}
$("accessForm").addEventListener("submit", (e) => {
  e.preventDefault();
  code = $("accessCode").value.trim();
  sessionStorage.setItem("runway-code", code);
  $("access").style.display = "none";
  $("main").style.display = "";
  start();
});

function scenario() { return setup.scenarios.find((s) => s.name === $("scenario").value); }

function pageValue(lever, v) { return Math.round(Number(v) * lever.scale * 1000) / 1000; }

function buildLevers() {
  const list = $("leverList");
  list.textContent = "";
  const s = scenario();
  for (const lever of setup.levers) {
    const box = document.createElement("div");
    box.className = "lever";
    box.dataset.key = lever.key;
    const name = document.createElement("div");
    name.className = "name";
    name.innerHTML = "";
    name.append(lever.label + " ");
    const dutch = document.createElement("span");
    dutch.className = "dutch";
    dutch.textContent = "(" + lever.dutch + ")";
    name.append(dutch);
    box.append(name);
    const scenarioValue = s.values[lever.key];
    if (lever.control === "slider") {
      const row = document.createElement("div");
      row.className = "row";
      const input = document.createElement("input");
      input.type = "range"; input.min = lever.minimum; input.max = lever.maximum; input.step = lever.step;
      input.value = pageValue(lever, scenarioValue);
      input.setAttribute("aria-label", lever.label);
      const out = document.createElement("output");
      out.textContent = input.value;
      row.append(input, out);
      box.append(row);
      const track = document.createElement("div");
      track.className = "track";
      const mark = document.createElement("span");
      mark.className = "mark";
      const at = (pageValue(lever, scenarioValue) - lever.minimum) / (lever.maximum - lever.minimum);
      mark.style.left = (Math.max(0, Math.min(1, at)) * 100) + "%";
      mark.style.transform = at < 0.2 ? "none" : at > 0.8 ? "translateX(-100%)" : "translateX(-50%)";
      mark.textContent = "▲ scenario: " + pageValue(lever, scenarioValue);
      track.append(mark);
      box.append(track);
      input.addEventListener("input", () => { out.textContent = input.value; markChanged(); clearTimeout(debounce); debounce = setTimeout(run, 250); });
    } else {
      const select = document.createElement("select");
      select.className = "choice";
      select.setAttribute("aria-label", lever.label);
      for (const o of lever.options) {
        const opt = document.createElement("option");
        opt.value = o.value;
        opt.textContent = o.label + (o.value === scenarioValue ? "  (scenario)" : "");
        select.append(opt);
      }
      select.value = scenarioValue;
      select.addEventListener("change", () => { markChanged(); run(); });
      box.append(select);
    }
    const unit = document.createElement("div");
    unit.className = "unit";
    unit.textContent = lever.unit;
    if (lever.unit) box.append(unit);
    const help = document.createElement("div");
    help.className = "help";
    help.textContent = lever.help;
    box.append(help);
    list.append(box);
  }
}

/// The levers as the scenario writes them (fractions, not percent).
function leverValues() {
  const values = {};
  for (const lever of setup.levers) {
    const box = document.querySelector('.lever[data-key="' + lever.key + '"]');
    const input = box.querySelector("input, select");
    values[lever.key] = lever.control === "slider" ? String(Number(input.value) / lever.scale) : input.value;
  }
  return values;
}

function markChanged() {
  const s = scenario();
  const values = leverValues();
  for (const lever of setup.levers) {
    const box = document.querySelector('.lever[data-key="' + lever.key + '"]');
    const changed = lever.control === "slider" ? Math.abs(Number(values[lever.key]) - Number(s.values[lever.key])) > 1e-9
                                               : values[lever.key] !== s.values[lever.key];
    box.classList.toggle("changed", changed);
  }
}

function showError(message) {
  $("error").textContent = message;
  $("error").style.display = message ? "block" : "none";
}

async function run() {
  clearTimeout(timer);
  showError("");
  const body = { client, scenario: $("scenario").value, levers: leverValues(), replications: Number($("replications").value) };
  document.body.dataset.state = "running";
  $("status").textContent = "Starting…";
  try {
    const r = await api("POST", "/api/explore", body);
    current = r.id; seen = 0;
    document.body.dataset.run = current;
    document.body.dataset.pairs = "0";
    poll(current);
  } catch (e) {
    document.body.dataset.state = "error";
    $("status").textContent = "Not run.";
    showError(e.message);
  }
}

async function poll(id) {
  if (id !== current) return;
  let snap;
  try { snap = await api("GET", "/api/explore/" + id + "?seen=" + seen); }
  catch (e) { if (id === current) { document.body.dataset.state = "error"; showError(e.message); } return; }
  if (id !== current) return;
  if (snap.view) { render(snap.view); seen = snap.drawnPairs; }
  document.body.dataset.pairs = String(snap.pairs);
  let text = "B against A: " + snap.pairs + " of " + snap.replications + " paired replications (charts: " + snap.drawnPairs + ")";
  if (snap.firstCurveSeconds != null) text += " · first curves after " + snap.firstCurveSeconds.toFixed(2) + " s";
  if (snap.allSeconds != null) text += " · all after " + snap.allSeconds.toFixed(2) + " s";
  if (snap.status === "queued") text += " · waiting for a free core";
  $("status").textContent = text;
  if (snap.status === "queued" || snap.status === "running") { timer = setTimeout(() => poll(id), 250); return; }
  if (snap.status === "failed") { showError(snap.message || "The simulation failed."); document.body.dataset.state = "error"; return; }
  document.body.dataset.state = snap.status;
  const q = code ? "?code=" + encodeURIComponent(code) : "";
  $("downloads").innerHTML = "";
  if (snap.status === "done") {
    const zip = document.createElement("a");
    zip.href = "/api/explore/" + id + "/download" + q; zip.textContent = "Download this run (.zip: CSV, report.html, run.json, both scenarios)";
    const yaml = document.createElement("a");
    yaml.href = "/api/explore/" + id + "/scenario-b.yaml" + q; yaml.textContent = "B's scenario (YAML)";
    $("downloads").append(zip, yaml);
  }
}

function cell(row, text, header) {
  const c = document.createElement(header ? "th" : "td");
  c.textContent = text;
  if (text === "yes" && !header) c.className = "yes";
  row.append(c);
}

function render(view) {
  const table = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = "Means over the reported budget years; B − A paired on common random numbers, with its 95 % interval.";
  table.append(caption);
  const head = document.createElement("tr");
  view.headlineHeader.forEach((h) => cell(head, h, true));
  table.append(head);
  for (const row of view.headline) { const tr = document.createElement("tr"); row.forEach((c) => cell(tr, c, false)); table.append(tr); }
  $("headline").replaceChildren(table);
  const charts = document.createElement("div");
  for (let k = 0; k < view.figures.length; k += 2) {
    const pair = document.createElement("div");
    pair.className = "pair";
    for (const f of view.figures.slice(k, k + 2)) pair.append(figure(f));
    charts.append(pair);
  }
  $("charts").replaceChildren(charts);
  const stories = [];
  for (const s of [view.storyA, view.storyB]) {
    if (!s) continue;
    const box = document.createElement("div");
    box.className = "story";
    box.append(figure(s.timeline));
    const pre = document.createElement("pre");
    // The household's lines from stories.md, without its title and introduction.
    const text = s.text.split("\n## ").slice(1).join("\n").replace(/\*\*/g, "");
    pre.textContent = text;
    box.append(pre);
    stories.push(box);
  }
  $("stories").replaceChildren(...stories);
}

function figure(f) {
  const fig = document.createElement("figure");
  fig.dataset.chart = f.name;
  fig.innerHTML = f.svg;
  return fig;
}

async function start() {
  try { setup = await api("GET", "/api/setup"); }
  catch (e) { if (document.body.dataset.state !== "access") { document.body.dataset.state = "error"; showError(e.message); } return; }
  const select = $("scenario");
  select.textContent = "";
  for (const s of setup.scenarios) {
    const o = document.createElement("option");
    o.value = s.name; o.textContent = s.name; o.title = s.description;
    select.append(o);
  }
  $("replications").max = setup.maxReplications;
  $("replications").value = setup.defaultReplications;
  buildLevers();
  run();
}
$("scenario").addEventListener("change", () => { buildLevers(); run(); });
$("replications").addEventListener("change", run);
$("reset").addEventListener("click", () => { buildLevers(); run(); });
start();
</script>
</body>
</html>
"""#
}
