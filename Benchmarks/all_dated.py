#!/usr/bin/env python3
"""Writes a scenario in which every number that may change during a run is dated.

Usage: python3 Benchmarks/all_dated.py Scenarios/baseline.yaml START END > /tmp/all-dated.yaml

Each such number of the base file becomes `{values: {START: v, LAST: v * 0.9999},
between: linear}` with LAST the first of END's last month before END: a linear series
sampled monthly, so the run switches parameter sets every month and every hazard is
thinned, the heaviest case for the hot loop, while the model's behaviour stays that of
the base file. Keys that cannot change during a run (README.md, "Dated values") keep
their plain values. Used for the speed check of dated values (Benchmarks/README.md).
"""
import os
import sys
import datetime
import yaml

# Dotted keys (list items as [k] is dropped) that cannot have dated values, and the
# scenario's whole numbers (the Swift decoder reads them as Int).
FIXED = {
    "population.children", "population.leaving_age_years", "population.school_age_years",
    "population.continue_care_until_age_years", "population.household_size_shares",
    "population.risk_groups.share", "population.needs.onset_per_year.from_age_years",
    "population.needs.burden_weights.light", "population.needs.burden_weights.moderate",
    "population.needs.burden_weights.severe", "services.youth_health_care.contact_ages_years",
    "services.school_to_work.from_age_years", "services.school_to_work.until_age_years",
    "services.specialised_capacity_growth.delay_years", "services.region.other_children",
    "policies.coordination.max_providers_per_household", "budget.reserve_eur", "budget.cut.schedule",
}


def dated(node, path, plain_path, start, last, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if path == "" and key in ("name", "description", "extends", "horizon", "experiment", "calibration", "sweep", "set"):
                continue
            dated(value, f"{path}.{key}" if path else key, f"{plain_path}.{key}" if plain_path else key, start, last, out)
    elif isinstance(node, list):
        for k, item in enumerate(node):
            dated(item, f"{path}[{k}]", plain_path, start, last, out)
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and plain_path not in FIXED:
        out[path] = {"values": {start: node, last: node * 0.9999}, "between": "linear"}


def main():
    base, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(base) as f:
        tree = yaml.safe_load(f)
    end_date = datetime.date.fromisoformat(end)
    last = (end_date.replace(day=1) - datetime.timedelta(days=1)).replace(day=1).isoformat()
    out = {}
    dated(tree, "", "", start, last, out)
    print(f"extends: {os.path.abspath(base)}\nname: all-dated\nset:")
    for key, value in out.items():
        values = ", ".join(f"{d}: {v!r}" for d, v in value["values"].items())
        print(f"  {key}: {{values: {{{values}}}, between: linear}}")


if __name__ == "__main__":
    main()
