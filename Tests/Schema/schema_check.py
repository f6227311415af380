"""Validates scenario files against Scenarios/runway.schema.json with a real validator
(Python `jsonschema`, draft 2020-12), as an editor would: each file alone, as written.

    schema_check.py SCHEMA valid:FILE ... invalid:FILE ...

Prints one line per file (ok, or the validator's first complaint) and exits 1 when a
`valid:` file is refused or an `invalid:` file passes. YAML dates (2015-01-01) load as
date objects in PyYAML (YAML 1.1); they are turned back into the text the file has, as
an editor (YAML 1.2: dates are strings) sees them.
"""
import datetime
import json
import sys

import jsonschema
import yaml


def as_written(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {as_written(k): as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_written(v) for v in value]
    return value


def main(schema_path, cases):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for case in cases:
        expected, _, path = case.partition(":")
        with open(path, encoding="utf-8") as f:
            document = as_written(yaml.safe_load(f))
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        where = lambda e: ".".join(str(p) for p in e.absolute_path) or "(file)"
        outcome = "ok" if not errors else f"refused: {where(errors[0])}: {errors[0].message[:300]}"
        wrong = (expected == "valid") != (not errors)
        failures += wrong
        print(f"{'WRONG ' if wrong else ''}{expected} {path}: {outcome}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
