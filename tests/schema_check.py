#!/usr/bin/env python3
"""Validates calint's JSON report against schemas/report.schema.json, and every policy calint
ships (the embedded default and samples/policies/*.yaml) against schemas/policy.schema.json.
Also checks the checker: a report and a policy that break the contract must be rejected."""
import copy
import datetime
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml


def run_json(calint, args):
    proc = subprocess.run([calint, *args, "--format", "json", "--exit-zero"], capture_output=True, text=True)
    if proc.returncode not in (0, 2):
        sys.exit(f"calint {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    return json.loads(proc.stdout)


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    # YAML reads 2027-12-31 as a date; the schema describes the text form.
    def norm(x):
        if isinstance(x, dict):
            return {str(k): norm(v) for k, v in x.items()}
        if isinstance(x, list):
            return [norm(v) for v in x]
        if isinstance(x, (datetime.date, datetime.datetime)):
            return x.isoformat()
        return x
    return norm(data)


def main():
    calint, root = sys.argv[1], sys.argv[2]
    os.chdir(root)
    with open("schemas/report.schema.json", encoding="utf-8") as f:
        report_schema = json.load(f)
    with open("schemas/policy.schema.json", encoding="utf-8") as f:
        policy_schema = json.load(f)
    Validator = jsonschema.Draft202012Validator
    Validator.check_schema(report_schema)
    Validator.check_schema(policy_schema)
    report_v = Validator(report_schema, format_checker=jsonschema.FormatChecker())
    policy_v = Validator(policy_schema, format_checker=jsonschema.FormatChecker())

    checked = 0
    reports = [
        ["audit", "samples/source-org"],
        ["audit", "samples/mdapi-org"],
        ["audit", "samples/source-org", "samples/partial-org", "--policy", "samples/policies/strict.yaml"],
        ["audit", "samples/source-org/force-app/main/default/connectedApps/Partner_Portal.connectedApp-meta.xml"],
        ["audit", "samples/source-org", "--policy", "samples/policies/custom-rules.yaml"],
        ["audit", "samples/source-org", "--usage", "samples/usage/source-org-tokens.csv"],
        ["audit", "does-not-exist"],
    ]
    for args in reports:
        doc = run_json(calint, args)
        report_v.validate(doc)
        checked += 1
    # Reports made in memory with what other work fills in (baseline, partial runs, suppressions
    # with owner and ticket), and every JSON golden.
    for path in sorted(glob.glob("tests/golden/*.json")):
        if path.endswith(".gitlab.json"):
            continue
        text = open(path, encoding="utf-8").read().split("--- stderr ---")[0]
        doc = json.loads(text)
        doc["tool"]["version"] = doc["tool"]["version"].replace("[VERSION]", "0.0.0")
        try:
            report_v.validate(doc)
        except jsonschema.ValidationError as e:
            sys.exit(f"{path}: {e.message} at {list(e.absolute_path)}")
        checked += 1
    # The contract must reject what breaks it (guards against a schema that accepts anything).
    doc = run_json(calint, ["audit", "samples/source-org"])
    assert doc["findings"], "the sample org must have findings"
    for mutate in (lambda d: d["findings"][0].pop("fingerprint"),
                   lambda d: d["findings"][0].__setitem__("severity", "severe"),
                   lambda d: d["findings"][0].__setitem__("baseline", "old"),
                   lambda d: d["findings"][0].__setitem__("suppression", {"kind": "exception"}),
                   lambda d: d["inventory"][0].pop("flows"),
                   lambda d: d["rules"][0].pop("rationale"),
                   lambda d: d["summary"].pop("files_skipped"),
                   lambda d: d.pop("format_version"),
                   lambda d: d.__setitem__("extra", 1)):
        bad = copy.deepcopy(doc)
        mutate(bad)
        if report_v.is_valid(bad):
            sys.exit("report schema accepted a broken report")

    policies = ["rules/default-policy.yaml", *sorted(glob.glob("samples/policies/*.yaml"))]
    policies += sorted(glob.glob("tests/rules/*/*/policy.yaml"))
    for path in policies:
        try:
            policy_v.validate(load_yaml(path))
        except jsonschema.ValidationError as e:
            sys.exit(f"{path}: {e.message}")
        checked += 1
    for bad in ({"fail_on": "severe"}, {"rules": {"CA101": {"enabled": "no"}}}, {"unknown": 1},
                {"exceptions": [{"app": "x", "rule": "CA000", "justification": "y"}]},
                {"exceptions": [{"app": "x", "rule": "CA101"}]},
                {"custom_rules": [{"id": "CA-1", "name": "x", "severity": "low", "message": "m",
                                   "applies_to": "ConnectedApp", "xpath": "//x"}]},
                {"custom_rules": [{"id": "ACME-1", "name": "x", "severity": "low", "message": "m",
                                   "applies_to": "Profile", "xpath": "//x"}]},
                {"permissions": {"allow": {"ModifyAllData": ["Admin"]}}},
                {"sessions": {"max_timeout": "2 fortnights"}},
                {"ip_ranges": {"max_ipv6_prefix": 129}},
                {"approved_apps": [{"owner": "x"}]}):
        if policy_v.is_valid(bad):
            sys.exit(f"policy schema accepted {bad}")
    print(f"{checked} documents valid against their schemas")


if __name__ == "__main__":
    main()
