#!/usr/bin/env python3
"""The CI examples of docs/ci.md work: every YAML block parses; the GitHub workflow uses only the
action's inputs and uploads SARIF with if: always(); the GitLab job's script and the Azure
pipeline's calint step run as written (CI variables and Azure macros faked) in a git repository
with a pull request in it, and write the Code Quality, JUnit and SARIF files their pipelines read;
the build packages they install are the ones scripts/setup.sh installs.

usage: ci_docs_check.py CALINT SOURCE_DIR"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

CALINT = pathlib.Path(sys.argv[1]).resolve()
SOURCE = pathlib.Path(sys.argv[2]).resolve()
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def blocks():
    text = (SOURCE / "docs/ci.md").read_text()
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@calint.invalid", "-c", "init.defaultBranch=main",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True)


def pull_request_repo(tmp):
    """origin (bare) with main and a baseline; a clone on a feature branch adding one problem."""
    seed = tmp / "seed"
    shutil.copytree(SOURCE / "samples/source-org", seed)
    git(seed, "init", "-q")
    subprocess.run([str(CALINT), "audit", ".", "--write-baseline", "calint-baseline.json"], cwd=seed,
                   capture_output=True, check=True)
    git(seed, "add", "-A")
    git(seed, "commit", "-qm", "org")
    origin = tmp / "origin.git"
    git(tmp, "clone", "-q", "--bare", str(seed), str(origin))
    work = tmp / "work"
    git(tmp, "clone", "-q", str(origin), str(work))
    git(work, "checkout", "-qb", "feature")
    app = work / "force-app/main/default/connectedApps/Order_Sync_Service.connectedApp-meta.xml"
    app.write_text(app.read_text().replace("<scopes>Api</scopes>", "<scopes>Full</scopes>", 1))
    git(work, "commit", "-qam", "wider scope")
    return work


def run_script(script, cwd, env):
    p = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def base_env(tmp):
    env = dict(os.environ)
    env["PATH"] = f"{CALINT.parent}{os.pathsep}{env['PATH']}"
    env["HOME"] = str(tmp)
    return env


def gitlab(job, tmp):
    script = "\n".join(job["script"])
    check(job["artifacts"]["when"] == "always", "GitLab: artifacts when: always")
    reports = job["artifacts"]["reports"]
    for mode, target in (("merge request", "main"), ("default branch", "")):
        work = pull_request_repo(tmp / f"gitlab-{target or 'default'}")
        env = dict(base_env(tmp), CI_MERGE_REQUEST_TARGET_BRANCH_NAME=target)
        code, out = run_script(script, work, env)
        check(code == 1, f"GitLab {mode}: the new problem fails, exit 1 ({code}: {out[-400:]})")
        cq = json.loads((work / reports["codequality"]).read_text())
        check(isinstance(cq, list) and cq, f"GitLab {mode}: a Code Quality report")
        if target:
            names = {e["location"]["path"] for e in cq}
            check(names == {"force-app/main/default/connectedApps/Order_Sync_Service.connectedApp-meta.xml"},
                  f"GitLab merge request: only the changed app ({names})")
        junit = ET.parse(work / reports["junit"]).getroot()
        check(junit.tag == "testsuites", f"GitLab {mode}: JUnit")


def azure(pipeline, tmp):
    steps = pipeline["steps"]
    check(steps[0].get("fetchDepth") == 0, "Azure: fetchDepth 0")
    script = next(s["bash"] for s in steps if s.get("displayName") == "calint")
    staging = tmp / "azure-staging"
    staging.mkdir()
    script = script.replace("$(Build.ArtifactStagingDirectory)", str(staging))
    check("$(" not in script.replace("$(nproc)", ""), "Azure: only known macros in the calint step")
    work = pull_request_repo(tmp / "azure")
    code, out = run_script(script, work, dict(base_env(tmp), SYSTEM_PULLREQUEST_TARGETBRANCH="refs/heads/main"))
    check(code == 1, f"Azure pull request: exit 1 ({code}: {out[-400:]})")
    junit = ET.parse(staging / "calint-junit.xml").getroot()
    check(int(junit.get("failures", "0")) >= 1, "Azure: the JUnit file has the failure")
    sarif = json.loads((staging / "calint.sarif").read_text())
    check(sarif["version"] == "2.1.0", "Azure: SARIF")
    publish = next(s for s in steps if s.get("task") == "PublishTestResults@2")
    check(publish["condition"] == "always()" and publish["inputs"]["testResultsFormat"] == "JUnit",
          "Azure: PublishTestResults always, JUnit")


def github(workflow, tmp):
    action = yaml.safe_load((SOURCE / "action.yml").read_text())
    steps = workflow["jobs"]["calint"]["steps"]
    check(workflow["permissions"]["security-events"] == "write", "GitHub: security-events: write")
    check(steps[0]["with"]["fetch-depth"] == 0, "GitHub: fetch-depth 0")
    ours = next(s for s in steps if s.get("uses", "").startswith("OWNER/calint"))
    check(set(ours["with"]) <= set(action["inputs"]), f"GitHub: only the action's inputs ({set(ours['with'])})")
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    check(upload["if"].startswith("always()"), "GitHub: the SARIF upload runs always")
    check(upload["with"]["sarif_file"] == action["inputs"]["sarif"]["default"], "GitHub: uploads the action's SARIF")
    # The base-branch step reads the policy and baseline as written.
    base = next(s for s in steps if "Policy and baseline" in s.get("name", ""))
    work = pull_request_repo(tmp / "github")
    (work / ".calint.yaml").write_text("fail_on: high\n")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "the pull request edits the policy")
    runner_temp = tmp / "runner-temp"
    runner_temp.mkdir()
    seed_policy = "fail_on: medium\n"
    origin = tmp / "github/origin.git"
    # The base branch has a policy of its own.
    clone = tmp / "github/base"
    git(tmp, "clone", "-q", str(origin), str(clone))
    (clone / ".calint.yaml").write_text(seed_policy)
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "policy")
    git(clone, "push", "-q", "origin", "main")
    git(work, "fetch", "-q", "origin")
    code, out = run_script(base["run"], work, dict(base_env(tmp), GITHUB_BASE_REF="main", RUNNER_TEMP=str(runner_temp)))
    check(code == 0, f"GitHub: the base-branch step runs ({out})")
    check((runner_temp / "calint.yaml").read_text() == seed_policy, "GitHub: the policy comes from the base branch")
    check(json.loads((runner_temp / "calint-baseline.json").read_text())["version"] == 1, "GitHub: the baseline too")


def packages(docs_blocks):
    setup = (SOURCE / "scripts/setup.sh").read_text()
    build = re.search(r"packages=\(([^)]*)\)", setup).group(1).split()
    text = (SOURCE / "docs/ci.md").read_text()
    for p in build:
        check(p in text, f"docs/ci.md installs {p}")
    action_sh = (SOURCE / "scripts/action.sh").read_text()
    for p in build:
        check(p in action_sh, f"the action installs {p}")


def main():
    found = blocks()
    check(len(found) >= 4, "docs/ci.md has the examples")
    kinds = {}
    for b in found:
        if isinstance(b, dict) and "jobs" in b:
            kinds["github"] = b
        elif isinstance(b, dict) and "calint" in b and "script" in b["calint"]:
            kinds["gitlab"] = b["calint"]
        elif isinstance(b, dict) and "pool" in b:
            kinds["azure"] = b
        elif isinstance(b, dict) and "repos" in b:
            kinds["pre-commit"] = b
    check(set(kinds) == {"github", "gitlab", "azure", "pre-commit"}, f"every example is there ({set(kinds)})")
    check(kinds["pre-commit"]["repos"][0]["hooks"][0]["id"] == "calint", "pre-commit: hook id calint")
    packages(found)
    if not shutil.which("git"):
        print("SKIP: git is not installed; the examples were only parsed")
        return 77
    with tempfile.TemporaryDirectory(prefix="calint-ci-docs-") as t:
        tmp = pathlib.Path(t)
        github(kinds["github"], tmp)
        gitlab(kinds["gitlab"], tmp)
        azure(kinds["azure"], tmp)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("docs/ci.md examples work")
    return 0


if __name__ == "__main__":
    sys.exit(main())
