/// The flight-simulator page (`/rounds`): the facilitator opens a session and plays the
/// years; groups join with the code from their own browsers and set each year's
/// decisions. Self-contained like the explore page. `<body data-role data-state>` tells
/// tests where the page is (role: start, facilitator, group).
enum RoundsPage {
    static let html = #"""
\#(ExplorePage.head(title: "Runway workshop: rounds"))<style>
body { font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; margin: 0; color: #111; background: #fff; line-height: 1.35; }
header { background: #0b3d5c; color: #fff; padding: 10px 18px; }
header h1 { font-size: 21px; margin: 0; }
section { padding: 12px 18px; }
.code { font-size: 44px; font-weight: bold; letter-spacing: 6px; color: #0b3d5c; }
.lever { margin-bottom: 14px; max-width: 560px; }
.lever .name { font-weight: bold; }
.lever .dutch { font-style: italic; color: #444; font-weight: normal; }
.lever .row { display: flex; gap: 8px; align-items: center; }
.lever input[type=range] { flex: 1; }
.lever output { min-width: 3.5em; text-align: right; font-weight: bold; }
.note { font-size: 13px; color: #444; }
#error { display: none; background: #fde8e4; border: 1px solid #d55e00; padding: 8px 10px; margin: 10px 18px; white-space: pre-wrap; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0 14px 0; }
th, td { border-bottom: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
@media (max-width: 1100px) { .pair { grid-template-columns: 1fr; } }
figure { margin: 0 0 10px 0; }
figure svg { max-width: 100%; height: auto; display: block; }
button { font-size: 16px; padding: 6px 14px; }
input, select { font-size: 16px; max-width: 100%; }
</style>
</head>
<body data-role="start" data-state="ready">
<header><h1>Runway workshop: a round per year</h1></header>
<div id="error"></div>
<section id="start">
<h2>Facilitator</h2>
<p><label>Municipality: <select id="scenario"></select></label> <label>Rounds (years): <input id="rounds" type="number" min="1" max="10" value="5" style="width:4em"/></label>
<button id="open">Open a session</button></p>
<h2>Group</h2>
<p><label>Session code: <input id="joinCode" autocomplete="off" style="width:6em; text-transform: uppercase"/></label>
<label>Group name: <input id="joinName" autocomplete="off"/></label> <button id="join">Join</button></p>
</section>
<section id="facilitator" hidden>
<p>Session code: <span class="code" id="fCode"></span> (groups open this page and join with it)</p>
<p id="fRound"></p>
<table id="fGroups"></table>
<p><button id="play">Play this year</button> <span class="note">Every group's path is simulated again from the start with its decisions so far, on the same random history: groups differ by their decisions alone.</span></p>
<div id="fCharts"></div>
<div id="debrief" hidden>
<h2>Debrief</h2>
<p><label>Rank on: <select id="measure"></select></label> (lower is better) · <a id="csv">debrief.csv</a> · <a id="report">report.html</a></p>
<table id="ranking"></table>
</div>
</section>
<section id="group" hidden>
<p><b id="gName"></b> in session <b id="gCode"></b></p>
<h2 id="gYear"></h2>
<div id="gLevers"></div>
<p><button id="save">Save this year's decisions</button> <span id="saved" class="note"></span></p>
<p class="note" id="gNote"></p>
<div id="gResult"></div>
</section>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
let code = sessionStorage.getItem("runway-code") || "";
let me = JSON.parse(sessionStorage.getItem("runway-round") || "null");
let timer = null, lastPlayed = -1, shownRun = null;

async function api(method, path, body) {
  const headers = {};
  if (code) headers["X-Access-Code"] = code;
  if (body) headers["Content-Type"] = "application/json";
  const r = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (r.status === 401) {
    code = prompt("This workshop needs its access code (ask the facilitator):") || "";
    sessionStorage.setItem("runway-code", code);
    return api(method, path, body);
  }
  const data = await r.json();
  if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
  return data;
}
function showError(m) { $("error").textContent = m; $("error").style.display = m ? "block" : "none"; }
function show(role) {
  for (const id of ["start", "facilitator", "group"]) $(id).hidden = id !== role;
  document.body.dataset.role = role;
}
function pageValue(lever, v) { return Math.round(Number(v) * lever.scale * 1000) / 1000; }

async function startPage() {
  const setup = await api("GET", "/api/setup");
  for (const s of setup.scenarios) { const o = document.createElement("option"); o.value = o.textContent = s.name; $("scenario").append(o); }
  if (me && me.role === "facilitator") { show("facilitator"); refresh(); }
  else if (me && me.role === "group") { show("group"); refresh(); }
  else show("start");
}

$("open").addEventListener("click", async () => {
  try {
    const r = await api("POST", "/api/sessions", { scenario: $("scenario").value, rounds: Number($("rounds").value) });
    me = { role: "facilitator", session: r.code, key: r.key };
    sessionStorage.setItem("runway-round", JSON.stringify(me));
    show("facilitator"); refresh();
  } catch (e) { showError(e.message); }
});
$("join").addEventListener("click", async () => {
  try {
    const session = $("joinCode").value.trim().toUpperCase();
    const r = await api("POST", "/api/sessions/" + session + "/join", { name: $("joinName").value });
    me = { role: "group", session, token: r.token, name: r.name };
    sessionStorage.setItem("runway-round", JSON.stringify(me));
    show("group"); refresh();
  } catch (e) { showError(e.message); }
});
$("play").addEventListener("click", async () => {
  try { await api("POST", "/api/sessions/" + me.session + "/play", { key: me.key }); showError(""); refresh(); }
  catch (e) { showError(e.message); }
});
$("save").addEventListener("click", async () => {
  const levers = {};
  for (const box of document.querySelectorAll("#gLevers .lever")) {
    const input = box.querySelector("input, select");
    levers[box.dataset.key] = box.dataset.scale ? String(Number(input.value) / Number(box.dataset.scale)) : input.value;
  }
  try {
    await api("POST", "/api/sessions/" + me.session + "/decisions", { token: me.token, levers });
    $("saved").textContent = "Saved. You can change them until the facilitator plays the year.";
    document.body.dataset.state = "saved";
    showError("");
  } catch (e) { showError(e.message); }
});
$("measure").addEventListener("change", debrief);

function levers(view, values) {
  const box = $("gLevers");
  box.textContent = "";
  for (const lever of view.levers) {
    const div = document.createElement("div");
    div.className = "lever"; div.dataset.key = lever.key;
    const name = document.createElement("div");
    name.className = "name";
    name.append(lever.label + " ");
    const dutch = document.createElement("span"); dutch.className = "dutch"; dutch.textContent = "(" + lever.dutch + ")";
    name.append(dutch);
    div.append(name);
    if (lever.control === "slider") {
      div.dataset.scale = lever.scale;
      const row = document.createElement("div"); row.className = "row";
      const input = document.createElement("input");
      input.type = "range"; input.min = lever.minimum; input.max = lever.maximum; input.step = lever.step;
      input.value = pageValue(lever, values[lever.key]);
      const out = document.createElement("output"); out.textContent = input.value;
      input.addEventListener("input", () => out.textContent = input.value);
      row.append(input, out);
      div.append(row);
      const unit = document.createElement("div"); unit.className = "note";
      unit.textContent = lever.unit + " · starting point: " + pageValue(lever, view.startingValues[lever.key]);
      div.append(unit);
    } else {
      const select = document.createElement("select");
      for (const o of lever.options) {
        const opt = document.createElement("option"); opt.value = o.value;
        opt.textContent = o.label + (o.value === view.startingValues[lever.key] ? " (starting point)" : "");
        select.append(opt);
      }
      select.value = values[lever.key];
      div.append(select);
    }
    box.append(div);
  }
}

function figure(f) { const fig = document.createElement("figure"); fig.dataset.chart = f.name; fig.innerHTML = f.svg; return fig; }

async function refresh() {
  clearTimeout(timer);
  let view;
  try {
    const q = me.role === "facilitator" ? "?key=" + encodeURIComponent(me.key) : "";
    view = await api("GET", "/api/sessions/" + me.session + q);
  } catch (e) { showError(e.message); timer = setTimeout(refresh, 2000); return; }
  if (me.role === "facilitator") facilitator(view); else group(view);
  timer = setTimeout(refresh, 1000);
}

function facilitator(view) {
  $("fCode").textContent = view.code;
  const running = view.groups.some((g) => g.status === "running" || g.status === "queued");
  $("fRound").textContent = view.year ? ("Deciding " + view.year + " (round " + (view.played.length + 1) + " of " + view.years.length + ")") : "All rounds played.";
  $("play").disabled = !view.year || running || view.groups.length === 0;
  const table = $("fGroups");
  table.textContent = "";
  const head = document.createElement("tr");
  for (const h of ["group", "decided for " + (view.year || "–"), "last year played"]) { const th = document.createElement("th"); th.textContent = h; head.append(th); }
  table.append(head);
  for (const g of view.groups) {
    const tr = document.createElement("tr");
    const decided = view.year && g.decisions[String(view.year)] ? "yes" : "not yet";
    const run = g.status ? (g.status + " (" + g.pairs + " of " + view.replications + ")") : "–";
    for (const c of [g.name, decided, run]) { const td = document.createElement("td"); td.textContent = c; tr.append(td); }
    table.append(tr);
  }
  document.body.dataset.state = running ? "running" : (view.figures ? "played" : "ready");
  if (view.figures && view.played.length !== lastPlayed) {
    lastPlayed = view.played.length;
    const charts = document.createElement("div");
    for (let k = 0; k < view.figures.length; k += 2) {
      const pair = document.createElement("div"); pair.className = "pair";
      for (const f of view.figures.slice(k, k + 2)) pair.append(figure(f));
      charts.append(pair);
    }
    $("fCharts").replaceChildren(charts);
    $("debrief").hidden = false;
    debrief();
  }
}

async function debrief() {
  const q = "?key=" + encodeURIComponent(me.key) + (code ? "&code=" + encodeURIComponent(code) : "");
  try {
    const d = await api("GET", "/api/sessions/" + me.session + "/debrief" + q + "&measure=" + encodeURIComponent($("measure").value || "extra_municipal_eur"));
    if ($("measure").options.length === 0) {
      for (const [name, label] of d.measures) { const o = document.createElement("option"); o.value = name; o.textContent = label; $("measure").append(o); }
      $("measure").value = d.measure;
    }
    const table = $("ranking");
    table.textContent = "";
    const head = document.createElement("tr");
    for (const h of ["rank", "group", d.label + " (" + d.unit + ")", "95 % interval", "decisions per year"]) { const th = document.createElement("th"); th.textContent = h; head.append(th); }
    table.append(head);
    for (const r of d.rows) {
      const tr = document.createElement("tr");
      for (const c of [r.rank, r.group, r.value.toPrecision(3), r.lower.toPrecision(3) + " to " + r.upper.toPrecision(3), r.decisions.join("\n")]) {
        const td = document.createElement("td"); td.textContent = c; td.style.whiteSpace = "pre-line"; tr.append(td);
      }
      table.append(tr);
    }
    $("csv").href = "/api/sessions/" + me.session + "/debrief.csv" + q;
    $("report").href = "/api/sessions/" + me.session + "/report.html" + q;
  } catch (e) { showError(e.message); }
}

let decidingYear = null;
async function group(view) {
  $("gName").textContent = me.name; $("gCode").textContent = view.code;
  const mine = view.groups.find((g) => g.name === me.name);
  if (view.year !== decidingYear) {
    decidingYear = view.year;
    $("gYear").textContent = view.year ? ("Your decisions for " + view.year) : "All rounds played: look at the facilitator's screen.";
    let values = Object.assign({}, view.startingValues);
    if (mine) for (const y of Object.keys(mine.decisions).sort()) Object.assign(values, mine.decisions[y]);
    $("gLevers").hidden = !view.year; $("save").hidden = !view.year;
    if (view.year) levers(view, values);
    $("saved").textContent = "";
    document.body.dataset.state = "deciding";
    $("gNote").textContent = "Every decision holds from 1 January of this year: the years already played keep the decisions made for them.";
  }
  if (mine && mine.run && mine.run !== shownRun) {
    const snap = await api("GET", "/api/explore/" + mine.run + "?seen=0");
    if (snap.view && (snap.status === "done")) {
      shownRun = mine.run;
      const box = document.createElement("div");
      const h = document.createElement("h3"); h.textContent = "Your path so far against A (no decisions)"; box.append(h);
      for (const f of snap.view.figures.filter((f) => ["extra_municipal_eur", "needs_severe", "waiting_total"].includes(f.name))) box.append(figure(f));
      $("gResult").replaceChildren(box);
    }
  }
}
startPage().catch((e) => showError(e.message));
</script>
</body>
</html>
"""#
}
