"""Drives headless Chromium through the DevTools protocol over a pipe (the standard
library only: `--remote-debugging-pipe` reads commands on fd 3 and answers on fd 4,
each message JSON ended by a NUL byte).

    python3 workshop_check.py CHROMIUM URL OUTDIR

Loads the workshop page, waits for the first comparison to finish, saves
OUTDIR/explore-start.png, moves the budget-cut slider as a user would (its value and
an input event), waits for the new comparison to finish, saves OUTDIR/explore.png, plays
a round with two groups (rounds.png, rounds-group.png), and prints one JSON line: whether
B's curve of extra municipal money changed, the console messages and exceptions seen, the
timings the page showed, and the charts whose text runs past their edge (`clipped`).
OUTDIR/docs-workshop-explore.png and docs-workshop-rounds.png are the README's two images
(copy them to docs/images/workshop-*.png)."""
import base64
import json
import os
import subprocess
import sys
import time

chromium, url, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
to_browser_r, to_browser_w = os.pipe()
from_browser_r, from_browser_w = os.pipe()
profile = os.path.join(outdir, "profile")


def pipe_fds():
    """In the child: the pipe ends on fds 3 (commands) and 4 (answers), whatever numbers they had."""
    commands, answers = os.dup(to_browser_r), os.dup(from_browser_w)
    os.dup2(commands, 3)
    os.dup2(answers, 4)


proc = subprocess.Popen(
    [chromium, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=" + profile,
     "--remote-debugging-pipe", "--window-size=1400,1000", "about:blank"],
    close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=pipe_fds)
os.close(to_browser_r)
os.close(from_browser_w)
writer = os.fdopen(to_browser_w, "wb", buffering=0)
reader = os.fdopen(from_browser_r, "rb", buffering=0)
pending = b""
next_id = 0
console = []
session = None


def read_message():
    global pending
    while b"\0" not in pending:
        chunk = reader.read(65536)
        if not chunk:
            raise SystemExit("chromium closed the pipe")
        pending += chunk
    text, pending = pending.split(b"\0", 1)
    return json.loads(text)


def note(message):
    method = message.get("method", "")
    params = message.get("params", {})
    if method == "Runtime.consoleAPICalled":
        console.append("console.%s: %s" % (params.get("type"), " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))))
    elif method == "Runtime.exceptionThrown":
        details = params.get("exceptionDetails", {})
        console.append("exception: %s %s" % (details.get("text"), details.get("exception", {}).get("description", "")))
    elif method == "Log.entryAdded":
        entry = params.get("entry", {})
        if entry.get("level") in ("error", "warning"):
            console.append("log.%s: %s %s" % (entry.get("level"), entry.get("text"), entry.get("url", "")))


def send(method, params=None, use_session=True, tab=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if use_session and (tab or session):
        message["sessionId"] = tab or session
    writer.write(json.dumps(message).encode() + b"\0")
    while True:
        answer = read_message()
        if answer.get("id") == next_id:
            if "error" in answer:
                raise SystemExit("%s: %s" % (method, answer["error"]))
            return answer.get("result", {})
        note(answer)


def evaluate(expression, tab=None):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, tab=tab)
    if "exceptionDetails" in result:
        raise SystemExit("evaluate failed: %s" % result["exceptionDetails"])
    return result.get("result", {}).get("value")


def wait_for(expression, seconds, tab=None):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = evaluate(expression, tab)
        if value:
            return value
        time.sleep(0.1)
    raise SystemExit("timed out waiting for: " + expression + " (state %s)" % evaluate("document.body.dataset.state", tab))


def screenshot(name, tab=None, width=1400):
    height = evaluate("Math.ceil(document.documentElement.scrollHeight)", tab)
    send("Emulation.setDeviceMetricsOverride", {"width": width, "height": min(int(height), 6000), "deviceScaleFactor": 1, "mobile": False}, tab=tab)
    shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, tab=tab)
    with open(os.path.join(outdir, name), "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, tab=tab)


def docs_shot(name, tab=None, width=1385, height=None, scale=0.75):
    """A README image: the page at `width`, scaled to `scale` by the browser itself (no
    cropping of rows afterwards, so nothing is cut through); the top `height` CSS pixels,
    or the whole page."""
    full = evaluate("Math.ceil(document.documentElement.scrollHeight)", tab)
    height = min(int(full), height or int(full))
    send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, tab=tab)
    shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                           "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}}, tab=tab)
    with open(os.path.join(outdir, name), "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    send("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, tab=tab)


# Every chart's text (title, legend, labels, the caption's lines) inside its own SVG's box:
# the names of the charts where some text runs past the edge (a clipped caption).
# (Boxes on the screen, so that rotated labels count as drawn; hidden charts are skipped.)
CLIPPED = """Array.from(document.querySelectorAll('figure svg')).filter((svg) => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) return false;
    return Array.from(svg.querySelectorAll('text')).some((t) => {
        const b = t.getBoundingClientRect();
        return b.left < box.left - 1 || b.top < box.top - 1 || b.right > box.right + 1 || b.bottom > box.bottom + 1;
    });
}).map((svg) => svg.parentElement.dataset.chart || svg.querySelector('title').textContent)"""


def open_tab(address):
    """A new tab (its own sessionStorage) with the console watched; its session id."""
    target = send("Target.createTarget", {"url": "about:blank"}, use_session=False)["targetId"]
    tab = send("Target.attachToTarget", {"targetId": target, "flatten": True}, use_session=False)["sessionId"]
    for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
        send(domain, tab=tab)
    send("Page.navigate", {"url": address}, tab=tab)
    return tab


def rounds():
    """A facilitator and two groups (each in its own tab) play one year; the facilitator's screen is saved."""
    facilitator = open_tab(url + "rounds")
    wait_for("document.getElementById('scenario') && document.getElementById('scenario').options.length > 0", 60, facilitator)
    evaluate("document.getElementById('rounds').value = 2; document.getElementById('open').click(); true", facilitator)
    code = wait_for("document.getElementById('fCode').textContent", 60, facilitator)
    for name, cut, coordinator in (("Red", 20, "false"), ("Blue", 5, "true")):
        tab = open_tab(url + "rounds")
        wait_for("document.getElementById('scenario') && document.getElementById('scenario').options.length > 0", 60, tab)
        evaluate("document.getElementById('joinCode').value = %s; document.getElementById('joinName').value = %s; "
                 "document.getElementById('join').click(); true" % (json.dumps(code), json.dumps(name)), tab)
        wait_for("document.querySelector('#gLevers .lever[data-key=\"budget.cut.fraction\"] input') !== null", 60, tab)
        evaluate("""(() => { const s = document.querySelector('#gLevers .lever[data-key="budget.cut.fraction"] input');
            s.value = %d; s.dispatchEvent(new Event('input', {bubbles: true}));
            document.querySelector('#gLevers .lever[data-key="policies.coordination.enabled"] select').value = '%s';
            document.getElementById('save').click(); return true; })()""" % (cut, coordinator), tab)
        wait_for("document.body.dataset.state === 'saved'", 60, tab)
        if name == "Red":
            red = tab
    wait_for("document.querySelectorAll('#fGroups tr').length === 3 && !document.getElementById('play').disabled", 60, facilitator)
    evaluate("document.getElementById('play').click(); true", facilitator)
    wait_for("document.body.dataset.state === 'played' && document.querySelectorAll('#ranking tr').length === 3", 600, facilitator)
    screenshot("rounds.png", facilitator)
    clipped = evaluate(CLIPPED, facilitator)
    # The README's image: the facilitator's screen with the first pair of charts (the others
    # hidden for the picture), the table of groups above and the debrief below, all whole.
    evaluate("document.querySelectorAll('#fCharts .pair').forEach((p, k) => { if (k > 0) p.style.display = 'none'; }); true", facilitator)
    docs_shot("docs-workshop-rounds.png", facilitator)
    evaluate("document.querySelectorAll('#fCharts .pair').forEach((p) => { p.style.display = ''; }); true", facilitator)
    wait_for("document.querySelectorAll('#gResult figure').length > 0", 120, red)
    screenshot("rounds-group.png", red, width=420)
    clipped += evaluate(CLIPPED, red)
    return {"figures": evaluate("document.querySelectorAll('#fCharts figure').length", facilitator), "clipped": clipped,
            "ranking": evaluate("Array.from(document.querySelectorAll('#ranking tr')).slice(1).map(r => r.children[1].textContent)", facilitator)}


try:
    target = send("Target.createTarget", {"url": "about:blank"}, use_session=False)["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True}, use_session=False)["sessionId"]
    for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
        send(domain)
    send("Page.navigate", {"url": url})
    wait_for("document.body && document.body.dataset.state === 'done'", 120)
    first_run = evaluate("document.body.dataset.run")
    b_curve = "(document.querySelector('[data-chart=\"extra_municipal_eur\"] polyline[stroke-dasharray]') || {}).outerHTML || ''"
    before = evaluate(b_curve)
    status_before = evaluate("document.getElementById('status').textContent")
    screenshot("explore-start.png")
    # Move the budget cut to 20 % as a user drags the slider: a new value and an input event.
    evaluate("""(() => { const s = document.querySelector('.lever[data-key="budget.cut.fraction"] input');
        s.value = 20; s.dispatchEvent(new Event('input', {bubbles: true})); return true; })()""")
    wait_for("document.body.dataset.run !== %s && document.body.dataset.state === 'done'" % json.dumps(first_run), 120)
    after = evaluate(b_curve)
    status_after = evaluate("document.getElementById('status').textContent")
    changed_mark = evaluate("document.querySelector('.lever[data-key=\"budget.cut.fraction\"]').classList.contains('changed')")
    stories = evaluate("document.querySelectorAll('#stories figure').length")
    charts = evaluate("document.querySelectorAll('#charts figure').length")
    screenshot("explore.png")
    # The README's image: the top of the page down to the end of the second row of charts.
    docs_shot("docs-workshop-explore.png", height=evaluate(
        "Math.ceil(document.querySelectorAll('#charts figure')[3].getBoundingClientRect().bottom + window.scrollY + 8)"))
    clipped = evaluate(CLIPPED)
    played = rounds()
    time.sleep(0.3)
    print(json.dumps({"before": before[:200], "changed": bool(before) and bool(after) and before != after, "console": console,
                      "status_before": status_before, "status_after": status_after, "lever_marked": changed_mark,
                      "stories": stories, "charts": charts, "clipped": clipped, "rounds": played}))
finally:
    try:
        send("Browser.close", use_session=False)
    except BaseException:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
