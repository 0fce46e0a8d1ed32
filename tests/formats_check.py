#!/usr/bin/env python3
"""Real consumers of calint's machine formats, checked against the JSON report of the same audit:
SARIF against the official SARIF 2.1.0 schema (schemas/sarif-schema-2.1.0.json, from OASIS), CSV
and the inventory through Python's csv module (RFC 4180), GitLab Code Quality and GitHub workflow
commands by their documented shapes. Also checks the checker: broken SARIF must be rejected."""
import copy
import csv
import glob
import io
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

AUDITS = [
    ["samples/source-org"],
    ["samples/source-org", "samples/partial-org", "--policy", "samples/policies/strict.yaml"],
    ["samples/mdapi-org", "does-not-exist"],
    ["samples/source-org", "--usage", "samples/usage/source-org-tokens.csv"],
]


def fail(msg):
    sys.exit(msg)


def audit(calint, args, out):
    outputs = {}
    cmd = [calint, "audit", *args, "--as-of", "2026-06-01", "--exit-zero"]
    for fmt, ext in (("json", "json"), ("sarif", "sarif"), ("csv", "csv"), ("inventory", "inv.csv"),
                     ("gitlab", "gl.json"), ("github", "gh.txt")):
        outputs[fmt] = os.path.join(out, f"report.{ext}")
        cmd += ["-o", f"{fmt}:{outputs[fmt]}"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 2) or proc.stdout:
        fail(f"{' '.join(cmd)}: exit {proc.returncode}, stdout {proc.stdout!r}, stderr {proc.stderr}")
    return {k: open(v, encoding="utf-8", newline="").read() for k, v in outputs.items()}


def check_sarif(validator, doc, report, where):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        fail(f"{where}: SARIF invalid: {errors[0].message} at {list(errors[0].absolute_path)}")
    if report is None:
        return
    run = doc["runs"][0]
    results = [r for r in run["results"] if r.get("baselineState") != "absent"]
    if len(results) != len(report["findings"]):
        fail(f"{where}: {len(results)} SARIF results for {len(report['findings'])} findings")
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for r, f in zip(results, report["findings"]):
        if r["ruleId"] != f["rule"] or rule_ids[r["ruleIndex"]] != f["rule"]:
            fail(f"{where}: result {r['ruleId']} does not match finding {f['rule']}")
        if r["partialFingerprints"]["calint/v2"] != f["fingerprint"]:
            fail(f"{where}: fingerprint mismatch")
        if not r["locations"][0].get("physicalLocation"):
            fail(f"{where}: result without a physical location (GitHub drops it): {r['message']['text']}")
        if ("suppressions" in r) != f["suppressed"]:
            fail(f"{where}: suppressions do not match the JSON")
        level = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
        if r["level"] != level[f["severity"]]:
            fail(f"{where}: level {r['level']} for a {f['severity']} finding")
    severity = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}
    for rule in run["tool"]["driver"]["rules"]:
        meta = next(x for x in report["rules"] if x["id"] == rule["id"])
        if rule["properties"].get("security-severity") != severity.get(meta["severity"]):
            fail(f"{where}: security-severity of {rule['id']}")
        if not rule["help"]["markdown"] or len(rule["fullDescription"]["text"]) > 1024:
            fail(f"{where}: help or fullDescription of {rule['id']}")
    if run["invocations"][0]["executionSuccessful"] != (not report["errors"]):
        fail(f"{where}: executionSuccessful does not match the errors")


def check_csv(text, report, where):
    if text.startswith("\ufeff"):
        fail(f"{where}: CSV starts with a byte-order mark")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header, body = rows[0], rows[1:]
    if header[:13] != ["severity", "rule", "name", "component_type", "component", "label", "file", "line", "column",
                       "message", "fingerprint", "suppressed", "justification"]:
        fail(f"{where}: CSV header {header}")
    if len(body) != len(report["findings"]):
        fail(f"{where}: {len(body)} CSV rows for {len(report['findings'])} findings")
    for row, f in zip(body, report["findings"]):
        cells = dict(zip(header, row))
        expect = {"severity": f["severity"], "rule": f["rule"], "fingerprint": f["fingerprint"],
                  "suppressed": "true" if f["suppressed"] else "false",
                  "line": "" if f["line"] is None else str(f["line"]), "component": f["component"]["name"]}
        for k, v in expect.items():
            if cells[k] != v:
                fail(f"{where}: CSV {k} {cells[k]!r}, JSON {v!r}")
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                fail(f"{where}: CSV cell a spreadsheet would run: {cell!r}")
    if sum(1 for r in body if r[11] == "true") != report["summary"]["suppressed"]:
        fail(f"{where}: suppressed count")


def check_inventory(text, report, where):
    rows = list(csv.DictReader(io.StringIO(text, newline=""), strict=True))
    if len(rows) != len(report["inventory"]):
        fail(f"{where}: {len(rows)} inventory rows for {len(report['inventory'])} apps")
    for row, app in zip(rows, report["inventory"]):
        if (row["type"], row["name"], row["label"]) != (app["type"], app["name"], app["label"]):
            fail(f"{where}: inventory row {row['name']} is not {app['name']}")
        for sev in ("critical", "high", "medium", "low", "info"):
            if int(row[sev]) != app["findings"][sev]:
                fail(f"{where}: inventory count {sev} of {app['name']}")
        if row["scopes"] != "; ".join(app["scopes"]):
            fail(f"{where}: scopes of {app['name']}")
        usage = app.get("usage")
        expected = ["", "", "", ""] if usage is None else [
            str(usage["users"]), str(usage["tokens"]), usage["first_use"] or "", usage["last_use"] or ""]
        if [row["users"], row["tokens"], row["first_use"], row["last_use"]] != expected:
            fail(f"{where}: usage of {app['name']}")


def check_gitlab(text, report, where):
    issues = json.loads(text)
    counted = [f for f in report["findings"] if not f["suppressed"]]
    if not isinstance(issues, list) or len(issues) != len(counted):
        fail(f"{where}: {len(issues)} Code Quality issues for {len(counted)} unsuppressed findings")
    fingerprints = set()
    for issue, f in zip(issues, counted):
        for key in ("description", "check_name", "fingerprint", "severity", "location"):
            if key not in issue:
                fail(f"{where}: Code Quality issue without {key}")
        if issue["severity"] not in ("info", "minor", "major", "critical", "blocker"):
            fail(f"{where}: Code Quality severity {issue['severity']}")
        if not isinstance(issue["location"]["lines"]["begin"], int) or not issue["location"]["path"]:
            fail(f"{where}: Code Quality location")
        if issue["fingerprint"] != f["fingerprint"] or issue["check_name"] != f["rule"]:
            fail(f"{where}: Code Quality issue does not match its finding")
        fingerprints.add(issue["fingerprint"])
    if len(fingerprints) != len(issues):
        fail(f"{where}: Code Quality fingerprints are not unique")


def check_github(text, report, where):
    lines = text.splitlines()
    counted = [f for f in report["findings"] if not f["suppressed"]]
    if len(lines) != len(counted):
        fail(f"{where}: {len(lines)} annotations for {len(counted)} unsuppressed findings")
    rank = {"error": 3, "warning": 2, "notice": 1}
    last = 4
    for line in lines:
        kind = line[2:line.index(" ")]
        if not line.startswith("::") or kind not in rank or "::" not in line[2:]:
            fail(f"{where}: not a workflow command: {line}")
        if rank[kind] > last:
            fail(f"{where}: annotations not most severe first")
        last = rank[kind]


def main():
    calint, root = sys.argv[1], sys.argv[2]
    os.chdir(root)
    with open("schemas/sarif-schema-2.1.0.json", encoding="utf-8") as f:
        schema = json.load(f)
    Validator = jsonschema.validators.validator_for(schema)
    Validator.check_schema(schema)
    validator = Validator(schema)
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for args in AUDITS:
            out = audit(calint, args, tmp)
            report = json.loads(out["json"])
            where = " ".join(args)
            check_sarif(validator, json.loads(out["sarif"]), report, where)
            check_csv(out["csv"], report, where)
            check_inventory(out["inventory"], report, where)
            check_gitlab(out["gitlab"], report, where)
            check_github(out["github"], report, where)
            checked += 5
        # A file outside the source root gets an absolute file:// URI; the SARIF stays valid.
        outside = subprocess.run([calint, "audit", os.path.abspath("samples/source-org"), "--format", "sarif",
                                  "--srcroot", tmp, "--exit-zero"], capture_output=True, text=True)
        doc = json.loads(outside.stdout)
        uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if not uri.startswith("file:///"):
            fail(f"a file outside --srcroot has uri {uri}")
        check_sarif(validator, doc, None, "outside --srcroot")
        checked += 1
    for path in sorted(glob.glob("tests/golden/*.sarif")):
        doc = json.loads(open(path, encoding="utf-8").read().split("--- stderr ---")[0])
        check_sarif(validator, doc, None, path)
        checked += 1
    # The checker must reject broken SARIF.
    doc = json.loads(open("tests/golden/features.sarif", encoding="utf-8").read())
    for mutate in (lambda d: d["runs"][0]["results"][0].__setitem__("level", "fatal"),
                   lambda d: d["runs"][0]["results"][0].pop("message"),
                   lambda d: d["runs"][0]["results"][0].__setitem__("baselineState", "old"),
                   lambda d: d.__setitem__("version", "2.0.0")):
        bad = copy.deepcopy(doc)
        mutate(bad)
        if validator.is_valid(bad):
            fail("the SARIF schema accepted a broken document")
    print(f"{checked} reports read back by their consumers")


if __name__ == "__main__":
    main()
