"""Response times of `runway serve` as a page sees them (standard library only):

    python3 Benchmarks/workshop_speed.py URL [CHANGES]

One page starts from the baseline (A and B both run: A is not cached yet), then makes
CHANGES lever changes (default 3: the cut at 5, 10 and 15 %), each waited for to the
end. Prints, per request, the seconds the server measured from the request to the first
pair of replications (first curves) and to the last (20 replications of B, and of A the
first time)."""
import json
import sys
import time
import urllib.request

url = sys.argv[1].rstrip("/")
changes = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as r:
        return json.loads(r.read())


for k, cut in enumerate([0.12] + [0.05 * (i + 1) for i in range(changes)]):
    run = call("POST", "/api/explore", {"client": "speed", "scenario": "baseline", "levers": {"budget.cut.fraction": cut}})["id"]
    while True:
        snap = call("GET", "/api/explore/%s?seen=99" % run)
        if snap["status"] not in ("queued", "running"):
            break
        time.sleep(0.05)
    print("%s cut %.2f: %s, first curves %.2f s, %d pairs %.2f s" % ("A and B" if k == 0 else "B only ", cut, snap["status"],
          snap["firstCurveSeconds"], snap["pairs"], snap["allSeconds"]))
