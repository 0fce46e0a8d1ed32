#!/usr/bin/env python3
"""A baseline calint writes is valid against schemas/baseline.schema.json, and the schema rejects
what breaks it. usage: baseline_check.py CALINT SOURCE_DIR"""
import copy
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema


def main():
    calint, root = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads((root / "schemas/baseline.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    with tempfile.TemporaryDirectory() as t:
        path = pathlib.Path(t) / "baseline.json"
        for sample in ("samples/source-org", "samples/mdapi-org"):
            p = subprocess.run([calint, "audit", str(root / sample), "--write-baseline", str(path)],
                               capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"--write-baseline exited {p.returncode}: {p.stderr}")
            doc = json.loads(path.read_text())
            v.validate(doc)
            if len(doc["findings"]) < 10:
                sys.exit("the sample baseline should list the sample's findings")
    for mutate in (lambda d: d.__setitem__("version", 2), lambda d: d.__setitem__("fingerprint", "calint/v1"),
                   lambda d: d["findings"][0].__setitem__("fingerprint", "xyz"),
                   lambda d: d["findings"][0].pop("component")):
        bad = copy.deepcopy(doc)
        mutate(bad)
        if v.is_valid(bad):
            sys.exit("baseline schema accepted a broken baseline")
    print("baselines valid against schemas/baseline.schema.json")


if __name__ == "__main__":
    main()
