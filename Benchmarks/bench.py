#!/usr/bin/env python3
"""Runway's benchmarks, run by `make bench` (see Benchmarks/README.md).

1. The reference queueing network on Runway's kernel, in SimPy 4.1.2 and in hand-written
   C, each run several times on the same number of arrivals; every result is checked
   against the Jackson-network value, and the table gives median wall time, events/s,
   peak memory and Runway's ratio to each peer.
2. The full model: one replication at municipal and at national size, a population
   scaling series (x1, x4, x16), and 30 municipal replications on all cores.

Peak memory is the maximum resident set size from /usr/bin/time -v.
Usage: bench.py [--arrivals N] [--runs R] [--quick] [--no-simpy] [--no-model]
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.join(ROOT, "Benchmarks", "peers")
RUNWAY = os.path.join(ROOT, ".build", "release", "runway")
VENV_PYTHON = os.path.join(PEERS, ".venv", "bin", "python")
C_BINARY = os.path.join(PEERS, "bin", "reference")


def timed(command, cwd=ROOT):
    """Runs a command under /usr/bin/time -v in `cwd`; returns (stdout, peak MiB, user CPU
    seconds). The user CPU is the growth of this script's RUSAGE_CHILDREN over the run (the
    command's own, plus /usr/bin/time's few hundred microseconds), to the microsecond:
    /usr/bin/time prints it to 10 ms only. Nothing else is started meanwhile, so the
    growth is this command's."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    user = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
    if result.returncode != 0:
        sys.exit(f"failed in {cwd}: {' '.join(command)}\n{result.stdout}\n{result.stderr[-2000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return result.stdout, (int(peak.group(1)) / 1024 if peak else float("nan")), user


def parse(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.eE+-]+)", line)}


def tolerance(arrivals):
    """Allowed distance from the analytic mean, in days: 8 standard errors, taking the
    sojourn time's sd as about 3 days and allowing for the autocorrelation of waits
    (1 % of the mean at a million arrivals)."""
    return 8 * 3.0 / arrivals ** 0.5


def reference_row(name, command_for_seed, runs, analytic, arrivals):
    walls, rates, peaks = [], [], []
    for seed in range(1, runs + 1):
        out, peak, _ = timed(command_for_seed(seed))
        r = parse(out.strip().splitlines()[-1])
        if abs(r["mean_time_in_system"] - analytic) > tolerance(arrivals):
            sys.exit(f"{name}: mean time in system {r['mean_time_in_system']} is more than {tolerance(arrivals):.4f} days from the analytic {analytic}")
        walls.append(r["seconds"])
        rates.append(r["events"] / r["seconds"])
        peaks.append(peak)
    return {"name": name, "wall": statistics.median(walls), "rate": statistics.median(rates), "peak": max(peaks)}


def model_run(label, children, years, replications=1, jobs=1):
    start = 2026 - years
    budget = 52_000_000 * children / 45_000
    command = [RUNWAY, "run", "Scenarios/baseline.yaml", "--replications", str(replications), "--jobs", str(jobs),
               "--set", f"population.children={children}", "--set", f"budget.baseline_eur_per_year={budget:.0f}",
               "--set", f"horizon.start={start}-01-01", "--set", f"horizon.warmup_until={start + 2}-01-01",
               "--output", "/tmp/runway-bench", "--run-id", label, "--force"]
    out, peak, _ = timed(command)
    m = re.search(r"(\d+) events in ([0-9.]+) s", out)
    events, wall = int(m.group(1)), float(m.group(2))
    return {"label": label, "children": children, "years": years, "replications": replications, "jobs": jobs,
            "events": events, "wall": wall, "rate": events / wall, "peak": peak}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--arrivals", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="small sizes, to check that the harness works")
    parser.add_argument("--no-simpy", action="store_true")
    parser.add_argument("--no-model", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.arrivals, args.runs = 20_000, 2

    analytic = float(subprocess.run([RUNWAY, "bench", "reference", "--analytic"], capture_output=True, text=True, check=True).stdout)
    print(f"Reference network, {args.arrivals:,} arrivals, {args.runs} runs each; analytic mean time in system {analytic:.6f} days "
          f"(every run checked to within ±{tolerance(args.arrivals):.4f} days).")
    rows = [reference_row("Runway kernel", lambda s: [RUNWAY, "bench", "reference", "--arrivals", str(args.arrivals), "--seed", str(s)], args.runs, analytic, args.arrivals),
            reference_row("C (cc -O2)", lambda s: [C_BINARY, str(args.arrivals), str(s)], args.runs, analytic, args.arrivals)]
    if not args.no_simpy:
        rows.append(reference_row("SimPy 4.1.2", lambda s: [VENV_PYTHON, os.path.join(PEERS, "simpy_reference.py"), str(args.arrivals), str(s)], args.runs, analytic, args.arrivals))
    runway = rows[0]
    print(f"\n| engine | median wall (s) | events/s | peak memory (MiB) | Runway's events/s ÷ this |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['wall']:.3f} | {r['rate'] / 1e6:.2f} M | {r['peak']:.0f} | {runway['rate'] / r['rate']:.2f} |")

    if args.no_model:
        return
    scale = 0.02 if args.quick else 1
    print("\nFull model, one replication on one thread (baseline.yaml, 2 years of warm-up):")
    runs = [model_run("municipal", 45_000, 15),
            model_run("national", int(3_400_000 * scale), 15)]
    series = [model_run(f"scaling-x{k}", int(45_000 * k * scale), 15) for k in (1, 4, 16)]
    many = model_run("municipal-30", 45_000, 15, replications=30, jobs=os.cpu_count() or 1)
    print("\n| run | children | years | replications | threads | events | wall (s) | events/s | peak memory (MiB) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in runs + series + [many]:
        print(f"| {r['label']} | {r['children']:,} | {r['years']} | {r['replications']} | {r['jobs']} | {r['events']:,} | "
              f"{r['wall']:.2f} | {r['rate'] / 1e6:.2f} M | {r['peak']:.0f} |")
    print(f"\nScaling: x16 population took {series[2]['wall'] / series[0]['wall']:.1f}x the time of x1 (linear = 16x).")


if __name__ == "__main__":
    main()
