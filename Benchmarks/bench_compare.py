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

Every row gives the wall time (or events per wall second) and, beside it, the process's
user CPU time (or events per user CPU second): on a machine shared with other work the
walls stretch with the load, while the user CPU moves much less. The kernel's ratio to C
is given by both, and by user CPU without each program's start-up (a 1-arrival run). When
the 1-minute load average is above the core count at the start, between workloads or at
the end, a "busy" line says so, with the load averages.

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
    out, peak, user = bench.timed([runway, "bench", "reference", "--arrivals", str(arrivals), "--seed", str(seed)])
    r = bench.parse(out.strip().splitlines()[-1])
    return {"wall": r["seconds"], "rate": r["events"] / r["seconds"], "peak": peak, "events": r["events"], "user": user,
            "cpu_rate": r["events"] / user}


def c_kernel(seed, arrivals):
    out, peak, user = bench.timed([bench.C_BINARY, str(arrivals), str(seed)])
    r = bench.parse(out.strip().splitlines()[-1])
    return {"wall": r["seconds"], "rate": r["events"] / r["seconds"], "peak": peak, "events": r["events"], "user": user,
            "cpu_rate": r["events"] / user}


def model(runway, cwd, children, replications=1, jobs=1, scenario_as_shipped=False, horizon=("2011-01-01", "2013-01-01")):
    """One model run; wall is the run's own figure (without writing the CSVs), user the
    whole process's user CPU (start-up, reading the scenario and writing the files
    included). `horizon`: the start and the end of the warm-up (the end is the scenario's, 2026)."""
    command = [runway, "run", "Scenarios/baseline.yaml", "--replications", str(replications), "--jobs", str(jobs),
               "--output", "/tmp/runway-bench-compare", "--run-id", "x", "--force"]
    if not scenario_as_shipped:
        budget = 52_000_000 * children / 45_000
        command += ["--set", f"population.children={children}", "--set", f"budget.baseline_eur_per_year={budget:.0f}",
                    "--set", f"horizon.start={horizon[0]}", "--set", f"horizon.warmup_until={horizon[1]}"]
    out, peak, user = bench.timed(command, cwd)
    m = re.search(r"(\d+) events in ([0-9.]+) s", out)
    events, wall = int(m.group(1)), float(m.group(2))
    return {"wall": wall, "rate": events / wall, "peak": peak, "events": events, "user": user, "cpu_rate": events / user}


def warm_start(folder):
    """(start, end of warm-up) for 2011-2026 reported, as the build's baseline.yaml starts:
    settled with its own years of warm-up after the start, or all well with 13 years."""
    with open(os.path.join(folder, "Scenarios/baseline.yaml")) as f:
        text = f.read()
    horizon = {k: re.search(rf"^  {k}: (\S+)", text, re.M).group(1) for k in ("start", "warmup_until")}
    settled = re.search(r"^  initial_state: settled", text, re.M) is not None
    years = int(horizon["warmup_until"][:4]) - int(horizon["start"][:4]) if settled else 13
    return (f"{2011 - years}-01-01", "2011-01-01")


def alternate(label, a, b, runs, c=None):
    """Runs a() and b() (and c(), when given) alternately `runs` times each, A B C / C B A
    ...; returns the medians of each (the maximum of the peaks)."""
    results = {"A": [], "B": []}
    order = [("A", a), ("B", b)]
    if c is not None:
        results["C"] = []
        order.append(("C", c))
    for i in range(runs):
        for name, f in order if i % 2 == 0 else order[::-1]:
            results[name].append(f(i + 1))
        print(f"  {label}: run {i + 1}/{runs}", file=sys.stderr, flush=True)
    return {name: {key: statistics.median(r[key] for r in rs) if key != "peak" else max(r[key] for r in rs)
                   for key in rs[0]} for name, rs in results.items()}


class Load:
    """The load averages at the start, between workloads and at the end of the sitting."""

    def __init__(self):
        self.cores = os.cpu_count() or 1
        self.samples = []
        self.sample()

    def sample(self):
        self.samples.append(os.getloadavg())

    def busy_note(self):
        """A line saying the sitting was busy (some 1-minute load average above the core
        count), or None."""
        highest = max(s[0] for s in self.samples)
        if highest <= self.cores:
            return None
        start, end = (", ".join(f"{x:.2f}" for x in s) for s in (self.samples[0], self.samples[-1]))
        return (f"busy: the 1-minute load average was above the {self.cores} cores (load averages 1, 5, 15 minutes: "
                f"{start} at the start, {end} at the end, 1-minute up to {highest:.2f} between workloads): other work "
                "shared the machine, so the walls are stretched and noisy; compare the user CPU columns.")


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
    load = Load()
    print(f"Runway: {sha[:12]} (A) against {head}{dirty} (B), {date.today().isoformat()}, "
          f"{os.cpu_count()} cores, {platform.machine()} {platform.system()}, {swift}. "
          f"Medians of {args.runs} alternating runs each (A B B A ...). "
          f"Load averages at the start: {', '.join(f'{x:.2f}' for x in load.samples[0])}.\n")

    a_warm, b_warm = warm_start(a_dir), warm_start(ROOT)
    # (label, A, B, unit, A's user CPU figure, B's, its unit): seconds of wall beside
    # seconds of user CPU, events per wall second beside events per user CPU second.
    rows = []

    def timing_rows(label, r):
        rows.append((f"{label}, wall", r["A"]["wall"], r["B"]["wall"], "s", r["A"]["user"], r["B"]["user"], "s"))

    k = alternate("kernel", lambda s: kernel(a_bin, s, arrivals), lambda s: kernel(b_bin, s, arrivals), args.runs,
                  c=lambda s: c_kernel(s, arrivals))
    # Start-up: a 1-arrival run of each program (dynamic linking and the like), to take out of its user CPU.
    start = alternate("start-up", lambda s: kernel(a_bin, s, 1), lambda s: kernel(b_bin, s, 1), args.runs, c=lambda s: c_kernel(s, 1))
    load.sample()
    rows.append(("reference network, events/s", k["A"]["rate"], k["B"]["rate"], "M/s", k["A"]["cpu_rate"], k["B"]["cpu_rate"], "M/s"))
    n = alternate("national", lambda _: model(a_bin, a_dir, national), lambda _: model(b_bin, ROOT, national), args.runs)
    load.sample()
    timing_rows(f"national run ({national:,} children, 15 years)", n)
    rows.append(("national run, events/s", n["A"]["rate"], n["B"]["rate"], "M/s", n["A"]["cpu_rate"], n["B"]["cpu_rate"], "M/s"))
    rows.append(("national run, peak memory", n["A"]["peak"], n["B"]["peak"], "MiB", None, None, None))
    series = {}
    for factor in (1, 4, 16):
        series[factor] = alternate(f"scaling x{factor}", lambda _: model(a_bin, a_dir, municipal * factor), lambda _: model(b_bin, ROOT, municipal * factor), args.runs)
        load.sample()
        timing_rows(f"scaling x{factor} ({municipal * factor:,} children)", series[factor])
    # The warm start: 2011-2026 reported, each build started as its own baseline.yaml
    # starts (A before the settled start: all well with 13 years of warm-up; B: settled,
    # with the shipped baseline's 3 years after it), and baseline.yaml as shipped.
    warm = alternate("national, warm start", lambda _: model(a_bin, a_dir, national, horizon=a_warm),
                     lambda _: model(b_bin, ROOT, national, horizon=b_warm), args.runs)
    load.sample()
    timing_rows(f"national, 2011-2026 reported from a warm start (A from {a_warm[0][:4]}, B from {b_warm[0][:4]})", warm)
    shipped = alternate("baseline.yaml", lambda _: model(a_bin, a_dir, municipal, scenario_as_shipped=True),
                        lambda _: model(b_bin, ROOT, municipal, scenario_as_shipped=True), args.runs)
    load.sample()
    timing_rows("baseline.yaml as shipped (make run's job), 1 replication", shipped)
    jobs = os.cpu_count() or 1
    many = alternate("20 replications", lambda _: model(a_bin, a_dir, municipal, 20, jobs, True), lambda _: model(b_bin, ROOT, municipal, 20, jobs, True), args.runs)
    load.sample()
    timing_rows(f"baseline.yaml as shipped, 20 replications on {jobs} threads", many)

    def figure(x, unit):
        return f"{x / (1e6 if unit == 'M/s' else 1):.3f} {unit}"

    print("| workload | A | B | B / A | A user CPU | B user CPU | B / A by user CPU |")
    print("|---|---|---|---|---|---|---|")
    for label, a, b, unit, a_cpu, b_cpu, cpu_unit in rows:
        cpu = (f"{figure(a_cpu, cpu_unit)} | {figure(b_cpu, cpu_unit)} | {b_cpu / a_cpu:.3f}" if a_cpu is not None else "– | – | –")
        print(f"| {label} | {figure(a, unit)} | {figure(b, unit)} | {b / a:.3f} | {cpu} |")
    c = k["C"]
    # Events per second of each build over C's, by the programs' own walls and by user CPU
    # (the same arrivals; the events differ by a few per mille between the generators).
    print(f"| reference network: ratio to C (C: {c['rate'] / 1e6:.2f} M events/s by its wall, {c['cpu_rate'] / 1e6:.2f} M by user CPU) | "
          f"{k['A']['rate'] / c['rate']:.3f} | {k['B']['rate'] / c['rate']:.3f} | | "
          f"{k['A']['cpu_rate'] / c['cpu_rate']:.3f} | {k['B']['cpu_rate'] / c['cpu_rate']:.3f} | |")

    def without_start_up(name):
        return k[name]["events"] / max(k[name]["user"] - start[name]["user"], 1e-9)

    print(f"| reference network: ratio to C by user CPU without start-up (1-arrival run: A {start['A']['user'] * 1e3:.1f} ms, "
          f"B {start['B']['user'] * 1e3:.1f} ms, C {start['C']['user'] * 1e3:.1f} ms) | | | | "
          f"{without_start_up('A') / without_start_up('C'):.3f} | {without_start_up('B') / without_start_up('C'):.3f} | |")
    print(f"| scaling: x16 / x1 | {series[16]['A']['wall'] / series[1]['A']['wall']:.1f} | "
          f"{series[16]['B']['wall'] / series[1]['B']['wall']:.1f} | | {series[16]['A']['user'] / series[1]['A']['user']:.1f} | "
          f"{series[16]['B']['user'] / series[1]['B']['user']:.1f} | |")
    load.sample()
    note = load.busy_note()
    print(f"\nLoad averages at the end: {', '.join(f'{x:.2f}' for x in load.samples[-1])}.")
    if note:
        print(note)
    print("Walls are the programs' own (the model's run without start-up or writing the CSVs); user CPU is the whole\n"
          "process's (a model run's includes start-up, reading the scenario and writing the files: most of a x1 run).\n"
          "Events differ between builds when the model changed; compare events/s, not walls, then.")


if __name__ == "__main__":
    main()
