"""A bounded load test of `runway serve` on loopback (standard library only):

    python3 workshop_load.py URL SERVER_PID [CLIENTS] [CHANGES] [CHILDREN] [REPLICATIONS]

CLIENTS pages (default 10) each make CHANGES lever changes (default 20), a few hundred
milliseconds apart, as people dragging sliders do; each change cancels the page's older
run. After each change the older run must read as cancelled or done; each page's last
run is followed to its end. Prints one JSON line: answers by status, refusals (503,
deliberate), other errors, runs that ended in neither done nor cancelled, the last
runs' times, and the server's peak and current resident memory (MB). CHILDREN and
REPLICATIONS (default: the starting point's size, 20) keep a test on a busy machine short:
it checks the server, not the model's speed."""
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request

url, pid = sys.argv[1].rstrip("/"), int(sys.argv[2])
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 10
changes = int(sys.argv[4]) if len(sys.argv) > 4 else 20
size = {"children": int(sys.argv[5])} if len(sys.argv) > 5 else {}
if len(sys.argv) > 6:
    size["replications"] = int(sys.argv[6])
lock = threading.Lock()
statuses, errors, bad_endings, last_runs = {}, [], [], []


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            status, payload = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, payload = e.code, e.read()
    with lock:
        statuses[status] = statuses.get(status, 0) + 1
    return status, json.loads(payload or b"{}")


def page(k):
    rng = random.Random(k)
    client = "load-%d" % k
    older = None
    for change in range(changes):
        levers = {"budget.cut.fraction": rng.choice([0, 0.05, 0.1, 0.15, 0.2, 0.25]),
                  "budget.cut.runway_years": rng.randint(0, 6)}
        status, answer = call("POST", "/api/explore", dict({"client": client, "scenario": "baseline", "levers": levers}, **size))
        if status == 503:
            time.sleep(0.5)
            continue
        if status != 202:
            with lock:
                errors.append("POST %d: %s" % (status, answer))
            continue
        if older:
            s, snap = call("GET", "/api/explore/%s?seen=99" % older)
            if s == 200 and snap.get("status") not in ("cancelled", "done"):
                with lock:
                    bad_endings.append((older, snap.get("status")))
        older = answer["id"]
        # A poll or two, as the page does, then the next change.
        for _ in range(rng.randint(1, 3)):
            call("GET", "/api/explore/%s?seen=0" % older)
            time.sleep(0.1 + 0.2 * rng.random())
    if older:
        deadline = time.time() + 300
        while time.time() < deadline:
            s, snap = call("GET", "/api/explore/%s?seen=99" % older)
            if s != 200 or snap.get("status") not in ("queued", "running"):
                break
            time.sleep(0.25)
        with lock:
            last_runs.append({"status": snap.get("status"), "pairs": snap.get("pairs"), "first": snap.get("firstCurveSeconds"),
                              "all": snap.get("allSeconds")})
            if snap.get("status") not in ("done", "cancelled"):
                bad_endings.append((older, snap.get("status")))


def memory():
    fields = {}
    for line in open("/proc/%d/status" % pid):
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


started = time.time()
threads = [threading.Thread(target=page, args=(k,)) for k in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
m = memory()
print(json.dumps({"clients": clients, "changes": changes, "seconds": round(time.time() - started, 1),
                  "statuses": {str(k): v for k, v in sorted(statuses.items())}, "errors": errors[:10], "bad_endings": bad_endings[:10],
                  "last_runs": last_runs, "peak_rss_mb": round(m.get("VmHWM", 0)), "rss_mb": round(m.get("VmRSS", 0))}))
