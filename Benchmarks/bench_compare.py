#!/usr/bin/env python3
"""Two builds of Runway on the same workloads, in one sitting: `make bench-compare REF=<commit>`.

The machine's speed drifts (up to 2x between days), so a figure is only ever compared
with a figure taken minutes apart. This script builds the reference commit into its own
scratch folder (.build/bench-ref/<commit>/, git-ignored), then runs each workload on the
reference build (A) and on the working tree's release build (B) in alternation
(A B A B ...), and prints the medians and the ratio B / A for every workload:

- the reference queueing network (`runway bench reference`, 10^6 arrivals) and the
  hand-written C baseline beside it (each build's ratio to C);
- the national run (3.4 million children, 15 years, one replication on one thread);
- the scaling series (x1, x4, x16 the municipal population) and its x16/x1 ratio;
- the warm start: the national run with 2011-2026 reported, each build started as its
  own baseline.yaml starts (all well with 13 years of warm-up, or settled with the
  baseline's years after it), and baseline.yaml as shipped (`make run`'s job);
- 20 replications of Scenarios/baseline.yaml as shipped, on all cores.

Usage: bench_compare.py REF [--runs N] [--quick]
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
from datetime import date

import bench

ROOT = bench.ROOT


def run(command, cwd=ROOT):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build_reference(ref):
    """Exports `ref` into .build/bench-ref/<sha>/ and builds it there (release); returns
    its sha, its folder and its runway. Each build runs in its own folder, so that it reads
    the scenario files of its own commit."""
    sha = run(["git", "rev-parse", "--verify", f"{ref}^{{commit}}"]).strip()
    folder = os.path.join(ROOT, ".build", "bench-ref", sha[:12])
    binary = os.path.join(folder, ".build", "release", "runway")
    if not os.path.exists(binary):
        os.makedirs(folder, exist_ok=True)
        archive = subprocess.Popen(["git", "archive", sha], cwd=ROOT, stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", folder], stdin=archive.stdout, check=True)
        archive.wait()
        print(f"Building {ref} ({sha[:12]}) in {folder} ...", flush=True)
        run(["swift", "build", "-c", "release", "--package-path", folder])
    return sha, folder, binary


def kernel(runway, seed, arrivals):
    out, peak = bench.timed([runway, "bench", "reference", "--arrivals", str(arrivals), "--seed", str(seed)])
    r = bench.parse(out.strip().splitlines()[-1])
    return {"wall": r["seconds"], "rate": r["events"] / r["seconds"], "peak": peak}


def c_kernel(seed, arrivals):
    out, peak = bench.timed([bench.C_BINARY, str(arrivals), str(seed)])
    r = bench.parse(out.strip().splitlines()[-1])
    return {"wall": r["seconds"], "rate": r["events"] / r["seconds"], "peak": peak}


def model(runway, cwd, children, replications=1, jobs=1, scenario_as_shipped=False, horizon=("2011-01-01", "2013-01-01")):
    """One model run; wall is the run's own figure (without writing the CSVs). `horizon`:
    the start and the end of the warm-up (the end is the scenario's, 2026)."""
    command = [runway, "run", "Scenarios/baseline.yaml", "--replications", str(replications), "--jobs", str(jobs),
               "--output", "/tmp/runway-bench-compare", "--run-id", "x", "--force"]
    if not scenario_as_shipped:
        budget = 52_000_000 * children / 45_000
        command += ["--set", f"population.children={children}", "--set", f"budget.baseline_eur_per_year={budget:.0f}",
                    "--set", f"horizon.start={horizon[0]}", "--set", f"horizon.warmup_until={horizon[1]}"]
    out, peak = bench.timed(command, cwd)
    m = re.search(r"(\d+) events in ([0-9.]+) s", out)
    events, wall = int(m.group(1)), float(m.group(2))
    return {"wall": wall, "rate": events / wall, "peak": peak, "events": events}


def warm_start(folder):
    """(start, end of warm-up) for 2011-2026 reported, as the build's baseline.yaml starts:
    settled with its own years of warm-up after the start, or all well with 13 years."""
    with open(os.path.join(folder, "Scenarios/baseline.yaml")) as f:
        text = f.read()
    horizon = {k: re.search(rf"^  {k}: (\S+)", text, re.M).group(1) for k in ("start", "warmup_until")}
    settled = re.search(r"^  initial_state: settled", text, re.M) is not None
    years = int(horizon["warmup_until"][:4]) - int(horizon["start"][:4]) if settled else 13
    return (f"{2011 - years}-01-01", "2011-01-01")


def alternate(label, a, b, runs):
    """Runs a() and b() alternately `runs` times each; returns the medians of both."""
    results = {"A": [], "B": []}
    for i in range(runs):
        for name, f in (("A", a), ("B", b)) if i % 2 == 0 else (("B", b), ("A", a)):
            results[name].append(f(i + 1))
        print(f"  {label}: run {i + 1}/{runs}", file=sys.stderr, flush=True)
    return {name: {key: statistics.median(r[key] for r in rs) if key != "peak" else max(r[key] for r in rs)
                   for key in rs[0]} for name, rs in results.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ref", help="the reference commit (A); B is the working tree's release build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="small sizes, to check that the harness works")
    args = parser.parse_args()
    arrivals, national, municipal = (20_000, 68_000, 9_000) if args.quick else (1_000_000, 3_400_000, 45_000)
    if args.quick:
        args.runs = 2

    sha, a_dir, a_bin = build_reference(args.ref)
    b_bin = bench.RUNWAY
    head = run(["git", "rev-parse", "--short=12", "HEAD"]).strip()
    dirty = " (with uncommitted changes)" if run(["git", "status", "--porcelain", "--untracked-files=no"]).strip() else ""
    swift = run(["swift", "--version"]).splitlines()[0]
    print(f"Runway: {sha[:12]} (A) against {head}{dirty} (B), {date.today().isoformat()}, "
          f"{os.cpu_count()} cores, {platform.machine()} {platform.system()}, {swift}. "
          f"Medians of {args.runs} alternating runs each (A B B A ...).\n")

    a_warm, b_warm = warm_start(a_dir), warm_start(ROOT)
    rows = []
    k = alternate("kernel", lambda s: kernel(a_bin, s, arrivals), lambda s: kernel(b_bin, s, arrivals), args.runs)
    c = [c_kernel(s, arrivals)["rate"] for s in range(1, args.runs + 1)]
    c_rate = statistics.median(c)
    rows.append(("reference network, events/s", k["A"]["rate"], k["B"]["rate"], "M/s"))
    n = alternate("national", lambda _: model(a_bin, a_dir, national), lambda _: model(b_bin, ROOT, national), args.runs)
    rows.append((f"national run ({national:,} children, 15 years), wall", n["A"]["wall"], n["B"]["wall"], "s"))
    rows.append(("national run, events/s", n["A"]["rate"], n["B"]["rate"], "M/s"))
    rows.append(("national run, peak memory", n["A"]["peak"], n["B"]["peak"], "MiB"))
    series = {}
    for factor in (1, 4, 16):
        series[factor] = alternate(f"scaling x{factor}", lambda _: model(a_bin, a_dir, municipal * factor), lambda _: model(b_bin, ROOT, municipal * factor), args.runs)
        rows.append((f"scaling x{factor} ({municipal * factor:,} children), wall", series[factor]["A"]["wall"], series[factor]["B"]["wall"], "s"))
    # The warm start: 2011-2026 reported, each build started as its own baseline.yaml
    # starts (A before the settled start: all well with 13 years of warm-up; B: settled,
    # with the shipped baseline's 3 years after it), and baseline.yaml as shipped.
    warm = alternate("national, warm start", lambda _: model(a_bin, a_dir, national, horizon=a_warm),
                     lambda _: model(b_bin, ROOT, national, horizon=b_warm), args.runs)
    rows.append((f"national, 2011-2026 reported from a warm start (A from {a_warm[0][:4]}, B from {b_warm[0][:4]}), wall", warm["A"]["wall"], warm["B"]["wall"], "s"))
    shipped = alternate("baseline.yaml", lambda _: model(a_bin, a_dir, municipal, scenario_as_shipped=True),
                        lambda _: model(b_bin, ROOT, municipal, scenario_as_shipped=True), args.runs)
    rows.append(("baseline.yaml as shipped (make run's job), 1 replication, wall", shipped["A"]["wall"], shipped["B"]["wall"], "s"))
    jobs = os.cpu_count() or 1
    many = alternate("20 replications", lambda _: model(a_bin, a_dir, municipal, 20, jobs, True), lambda _: model(b_bin, ROOT, municipal, 20, jobs, True), args.runs)
    rows.append((f"baseline.yaml as shipped, 20 replications on {jobs} threads, wall", many["A"]["wall"], many["B"]["wall"], "s"))

    print("| workload | A | B | B / A |")
    print("|---|---|---|---|")
    for label, a, b, unit in rows:
        scale = 1e6 if unit == "M/s" else 1
        print(f"| {label} | {a / scale:.3f} {unit} | {b / scale:.3f} {unit} | {b / a:.3f} |")
    print(f"| reference network: ratio to C ({c_rate / 1e6:.2f} M events/s) | {k['A']['rate'] / c_rate:.3f} | {k['B']['rate'] / c_rate:.3f} | |")
    print(f"| scaling: x16 wall / x1 wall | {series[16]['A']['wall'] / series[1]['A']['wall']:.1f} | "
          f"{series[16]['B']['wall'] / series[1]['B']['wall']:.1f} | |")
    print("\nEvents differ between builds when the model changed; compare events/s, not walls, then.")


if __name__ == "__main__":
    main()
