#!/usr/bin/env python3
"""The composite GitHub Action (action.yml) run step by step as GitHub would, with its environment
faked: GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_*, and the
`${{ inputs.* }}` / `${{ steps.*.outputs.* }}` expressions of the steps evaluated here. `uses:`
steps are simulated (actions/cache: a hit when the cached folder exists). The build step runs with a
stand-in `cmake` that records its arguments and hands over the calint built by this build, so the
test checks the step's logic without compiling calint again.

usage: action_check.py CALINT SOURCE_DIR"""
import json
import os
import pathlib
import re
import shutil
import stat
import subprocess
import sys
import tempfile

import yaml

CALINT = pathlib.Path(sys.argv[1]).resolve()
SOURCE = pathlib.Path(sys.argv[2]).resolve()
failures = []
EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


ACTION = yaml.safe_load((SOURCE / "action.yml").read_text())


def static_checks():
    check(ACTION["runs"]["using"] == "composite", "a composite action")
    for name in ("paths", "policy", "fail-on", "baseline", "changed-since", "sarif"):
        check(name in ACTION["inputs"], f"input {name}")
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            check(step.get("shell") == "bash", f"step '{step['name']}' names its shell (required in composites)")
            check("${{" not in step["run"], f"step '{step['name']}': no expression inside the script (injection)")
    uses = [s["uses"] for s in ACTION["runs"]["steps"] if "uses" in s]
    check(uses == ["actions/cache@v4"], f"only actions/cache is used ({uses})")


class Runner:
    """Runs the action's steps like GitHub's runner, for one set of inputs."""

    def __init__(self, tmp, workspace, inputs, cache_root, fake_bin):
        self.tmp = tmp
        self.workspace = workspace
        self.inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
        self.inputs.update(inputs)
        self.outputs = {}
        self.summary = tmp / "step-summary.md"
        self.summary.write_text("")
        self.env = dict(os.environ)
        self.env.update({
            "GITHUB_ACTION_PATH": str(SOURCE), "GITHUB_WORKSPACE": str(workspace), "GITHUB_ACTIONS": "true",
            "GITHUB_STEP_SUMMARY": str(self.summary), "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64",
            "RUNNER_TEMP": str(tmp / "runner-temp"), "HOME": str(tmp / "home"), "CALINT_CACHE_DIR": str(cache_root),
            "PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}",
        })
        (tmp / "runner-temp").mkdir(exist_ok=True)
        self.ran = []

    def evaluate(self, expr):
        m = re.fullmatch(r"inputs\.([\w-]+)", expr)
        if m:
            return self.inputs[m.group(1)]
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if m:
            return self.outputs.get(m.group(1), {}).get(m.group(2), "")
        raise AssertionError(f"expression not understood by this test: {expr}")

    def expand(self, text):
        return EXPR.sub(lambda m: self.evaluate(m.group(1)), str(text))

    def condition(self, expr):
        expr = EXPR.sub(lambda m: m.group(1), expr).strip()
        m = re.fullmatch(r"(steps\.[\w.-]+)\s*(==|!=)\s*'([^']*)'", expr)
        if not m:
            raise AssertionError(f"condition not understood by this test: {expr}")
        value = self.evaluate(m.group(1))
        return (value == m.group(3)) == (m.group(2) == "==")

    def run(self):
        code = 0
        for step in ACTION["runs"]["steps"]:
            if "if" in step and not self.condition(step["if"]):
                continue
            self.ran.append(step["name"])
            if "uses" in step:
                self.cache(step)
                continue
            out = self.tmp / "github-output"
            out.write_text("")
            env = dict(self.env, GITHUB_OUTPUT=str(out))
            for k, v in (step.get("env") or {}).items():
                env[k] = self.expand(v)
            script = self.tmp / "step.sh"
            script.write_text(step["run"])
            p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=self.workspace,
                               env=env, capture_output=True, text=True)
            self.log = p.stdout + p.stderr
            values = dict(line.split("=", 1) for line in out.read_text().splitlines() if "=" in line)
            if "id" in step:
                self.outputs[step["id"]] = values
            if p.returncode != 0:
                code = p.returncode
                break
        return code

    def cache(self, step):
        assert step["uses"].startswith("actions/cache@")
        path = pathlib.Path(self.expand(step["with"]["path"]))
        check(self.expand(step["with"]["key"]).startswith("calint-"), "the cache key names calint")
        self.outputs[step["id"]] = {"cache-hit": "true" if path.is_dir() and any(path.iterdir()) else "false"}


def fake_cmake(bin_dir, record):
    """A cmake that records its arguments and, for `--build DIR`, puts this build's calint in DIR."""
    bin_dir.mkdir()
    script = bin_dir / "cmake"
    script.write_text(f"""#!/usr/bin/env bash
echo "$*" >> '{record}'
if [[ "$1" == "--build" ]]; then cp '{CALINT}' "$2/calint"; else
  while [[ $# -gt 0 ]]; do [[ "$1" == "-B" ]] && mkdir -p "$2"; shift; done; fi
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@calint.invalid", "-c", "init.defaultBranch=main",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True)


def main():
    static_checks()
    with tempfile.TemporaryDirectory(prefix="calint-action-") as t:
        tmp = pathlib.Path(t)
        workspace = tmp / "workspace"
        shutil.copytree(SOURCE / "samples/source-org", workspace)
        git(workspace, "init", "-q")
        git(workspace, "add", "-A")
        git(workspace, "commit", "-qm", "org")
        record = tmp / "cmake-calls"
        fake_cmake(tmp / "fake-bin", record)
        cache_root = tmp / "cache"

        # 1. First run: cache miss, build, audit the repository with the defaults.
        r = Runner(tmp, workspace, {}, cache_root, tmp / "fake-bin")
        code = r.run()
        check("Build calint (without tests)" in r.ran, "a cache miss builds")
        calls = record.read_text().splitlines() if record.exists() else []
        check(len(calls) == 2 and "-DCALINT_BUILD_TESTS=OFF" in calls[0] and "-DCMAKE_BUILD_TYPE=Release" in calls[0]
              and calls[1].startswith("--build") and "--target calint" in calls[1],
              f"configured without tests, built the calint target ({calls})")
        check(code == 1, f"findings at or above high fail the step (exit {code}; {getattr(r, 'log', '')[-500:]})")
        check(r.outputs.get("audit", {}).get("exit-code") == "1", f"output exit-code ({r.outputs})")
        sarif_path = workspace / r.outputs.get("audit", {}).get("sarif", "calint.sarif")
        check(sarif_path.exists(), "the SARIF file is written even when the step fails")
        if sarif_path.exists():
            sarif = json.loads(sarif_path.read_text())
            check(sarif.get("version") == "2.1.0" and sarif["runs"][0]["results"], "SARIF 2.1.0 with results")
            uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            check(uri.startswith("force-app/"), f"SARIF paths are relative to the repository ({uri})")
        summary = r.summary.read_text()
        check(summary.startswith("#") and "CA101" in summary, f"the Markdown report is in the job summary ({summary[:200]})")
        check(pathlib.Path(r.outputs["audit"]["report"]).exists(), "the JSON report's path is an output")

        # 2. Second run: cache hit, no build; a baseline and fail-on info: nothing new, exit 0.
        record.unlink()
        subprocess.run([str(CALINT), "audit", ".", "--write-baseline", "calint-baseline.json"], cwd=workspace,
                       capture_output=True, check=True)
        r = Runner(tmp, workspace, {"baseline": "calint-baseline.json", "fail-on": "info", "summary": "false"},
                   cache_root, tmp / "fake-bin")
        code = r.run()
        check("Build calint (without tests)" not in r.ran and not record.exists(), "a cache hit does not build")
        check(code == 0, f"with a baseline nothing is new (exit {code}; {getattr(r, 'log', '')[-300:]})")
        check(r.summary.read_text() == "", "summary: 'false' leaves the job summary alone")

        # 3. A pull request: changed-since the base branch audits only what the branch changed.
        git(workspace, "add", "-A")
        git(workspace, "commit", "-qm", "baseline")
        git(workspace, "checkout", "-qb", "feature")
        app = workspace / "force-app/main/default/connectedApps/Order_Sync_Service.connectedApp-meta.xml"
        app.write_text(app.read_text().replace("<scopes>Api</scopes>", "<scopes>Full</scopes>", 1))
        git(workspace, "commit", "-qam", "wider scope")
        r = Runner(tmp, workspace, {"changed-since": "main", "sarif": "pr.sarif"}, cache_root, tmp / "fake-bin")
        code = r.run()
        check(code == 1, f"the pull request's new problem fails (exit {code})")
        sarif = json.loads((workspace / "pr.sarif").read_text())
        files = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in sarif["runs"][0]["results"]}
        check(files == {"force-app/main/default/connectedApps/Order_Sync_Service.connectedApp-meta.xml"},
              f"only the changed app is reported ({files})")
        r = Runner(tmp, workspace, {"changed-since": "main", "baseline": "calint-baseline.json"}, cache_root,
                   tmp / "fake-bin")
        check(r.run() == 1, "with the baseline, the new finding still fails")

        # 4. Inputs are data, never code.
        r = Runner(tmp, workspace, {"paths": "$(touch pwned) `touch pwned2`", "policy": "x; touch pwned3"},
                   cache_root, tmp / "fake-bin")
        code = r.run()
        check(code == 2, f"bad inputs are exit 2 ({code})")
        check(not any((workspace / n).exists() for n in ("pwned", "pwned2", "pwned3", "$(touch")),
              "no input was executed")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("action checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
