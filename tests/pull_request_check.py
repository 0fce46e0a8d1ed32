#!/usr/bin/env python3
"""A pull request, end to end with the real binary and git: a repository with a committed
baseline; a branch that adds one problem (and reformats an app that has old problems). The run CI
makes (--changed-since the base branch, --baseline) fails on exactly the new finding and on nothing
else, in JSON and SARIF; the full audit agrees; a file list with a profile exits 0 or 1, never 2,
with the full audit's verdicts; fixing the problem passes.

usage: pull_request_check.py CALINT SOURCE_DIR"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

CALINT = str(pathlib.Path(sys.argv[1]).resolve())
SOURCE = pathlib.Path(sys.argv[2]).resolve()
AS_OF = ["--as-of", "2026-06-01"]
failures = []

APPS = "force-app/main/default/connectedApps"
NEW_PROBLEM = f"{APPS}/Order_Sync_Service.connectedApp-meta.xml"
REFORMATTED = f"{APPS}/Campaign_Studio_Connector.connectedApp-meta.xml"


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@calint.invalid", "-c", "init.defaultBranch=main",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True)


def calint(repo, *args):
    p = subprocess.run([CALINT, "audit", *args, *AS_OF], cwd=repo, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def audit_json(repo, *args):
    code, out, err = calint(repo, *args, "--format", "json")
    return code, json.loads(out), err


def main():
    if not shutil.which("git"):
        print("SKIP: git is not installed")
        return 77
    with tempfile.TemporaryDirectory(prefix="calint-pr-") as t:
        repo = pathlib.Path(t) / "org"
        shutil.copytree(SOURCE / "samples/source-org", repo)
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "the org")
        code, _, err = calint(repo, ".", "--write-baseline", "calint-baseline.json")
        check(code == 0, f"writing the baseline ({err})")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "baseline")
        baselined = len(json.loads((repo / "calint-baseline.json").read_text())["findings"])

        git(repo, "checkout", "-qb", "feature")
        app = repo / NEW_PROBLEM
        app.write_text(app.read_text().replace("<scopes>Api</scopes>", "<scopes>Full</scopes>", 1))
        old = repo / REFORMATTED  # old problems, new lines and indentation
        old.write_text(old.read_text().replace("\n    <", "\n\n\t<"))
        git(repo, "commit", "-qam", "wider scope; reformat")

        # The pull request's run.
        code, doc, err = audit_json(repo, "--changed-since", "main", "--baseline", "calint-baseline.json")
        check(code == 1, f"the pull request fails ({code}: {err})")
        check(doc["partial"] is True, "a changed-file run is partial")
        new = [f for f in doc["findings"] if f["baseline"] == "new"]
        check(len(new) == 1 and new[0]["rule"] == "CA101" and new[0]["component"]["name"] == "Order_Sync_Service",
              f"exactly the new finding is new ({[(f['rule'], f['component']['name']) for f in new]})")
        others = [f for f in doc["findings"] if f["baseline"] != "new"]
        check(others and all(f["baseline"] == "unchanged" for f in others),
              "every other finding (the reformatted app's) is unchanged")
        check({f["component"]["name"] for f in doc["findings"]} == {"Order_Sync_Service", "Campaign_Studio_Connector"},
              "only the changed components are reported")
        check(doc["baseline"]["new"] == 1 and doc["baseline"]["fixed"] == [], f"summary ({doc['baseline']})")
        check(doc["errors"] == [], "no errors")
        # Only the new finding counts: the threshold at info still sees one.
        code, _, _ = calint(repo, "--changed-since", "main", "--baseline", "calint-baseline.json", "--fail-on", "info")
        check(code == 1, "at info, the one new finding fails")

        # SARIF: baselineState, never suppressions, for code scanning.
        sarif_path = pathlib.Path(t) / "pr.sarif"
        calint(repo, "--changed-since", "main", "--baseline", "calint-baseline.json", "-o", f"sarif:{sarif_path}")
        results = json.loads(sarif_path.read_text())["runs"][0]["results"]
        states = sorted(r.get("baselineState") for r in results)
        check(states.count("new") == 1 and states.count("unchanged") == len(results) - 1,
              f"SARIF baselineState new once, unchanged otherwise ({states})")
        check(not any("suppressions" in r for r in results), "SARIF carries no suppressions for baselined results")

        # The full audit of the branch agrees: one new, the rest unchanged, nothing fixed.
        code, full, _ = audit_json(repo, ".", "--baseline", "calint-baseline.json")
        check(code == 1 and full["baseline"]["new"] == 1 and full["baseline"]["unchanged"] == baselined
              and full["baseline"]["fixed"] == [], f"the full audit agrees ({full['baseline']})")
        full_keys = {(f["fingerprint"], f["message"], f["line"]) for f in full["findings"]}
        check({(f["fingerprint"], f["message"], f["line"]) for f in doc["findings"]} <= full_keys,
              "the partial run's findings are the full audit's")

        # A file list with a profile: 0 or 1, never 2, and the full audit's verdicts for its apps.
        profile = "force-app/main/default/profiles/Sales Manager.profile-meta.xml"
        code, part, _ = audit_json(repo, profile, "--baseline", "calint-baseline.json")
        check(code in (0, 1), f"a profile in a file list exits 0 or 1 ({code})")
        names = {f["component"]["name"] for f in part["findings"]}
        expected = {(f["fingerprint"], f["message"], f["line"]) for f in full["findings"]
                    if f["component"]["name"] in names}
        check({(f["fingerprint"], f["message"], f["line"]) for f in part["findings"]} == expected,
              "the profile's run has the full audit's verdicts for the apps it reports")

        # The fix: nothing new, exit 0 even at info.
        app.write_text(app.read_text().replace("<scopes>Full</scopes>", "<scopes>Api</scopes>", 1))
        git(repo, "commit", "-qam", "fix")
        code, doc, _ = audit_json(repo, "--changed-since", "main", "--baseline", "calint-baseline.json", "--fail-on",
                                  "info")
        check(code == 0 and doc["baseline"]["new"] == 0, f"after the fix nothing is new ({code})")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("pull request checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
