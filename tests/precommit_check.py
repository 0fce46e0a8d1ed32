#!/usr/bin/env python3
"""The pre-commit hook of this checkout, installed in a fresh git repository with the real
`pre-commit` (Debian's, from scripts/setup.sh --tests): a good app commits, an app with Full scope is
blocked with the finding shown, a profile alone commits, an Apex class alone never runs calint.
Also: the hook's `files:` pattern matches every suffix calint reads, and nothing else.

Exit 77 (skipped) when pre-commit or git is missing. usage: precommit_check.py CALINT SOURCE_DIR"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

CALINT = pathlib.Path(sys.argv[1]).resolve()
SOURCE = pathlib.Path(sys.argv[2]).resolve()
SKIP = 77
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def app(scopes, profile="Sales"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>App</label>
    <oauthConfig>
        <isAdminApproved>true</isAdminApproved>
        <scopes>{scopes}</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>zero</refreshTokenPolicy>
    </oauthPolicy>
    <profileName>{profile}</profileName>
</ConnectedApp>
"""


PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <userLicense>Salesforce</userLicense>
</Profile>
"""


def hook():
    hooks = yaml.safe_load((SOURCE / ".pre-commit-hooks.yaml").read_text())
    check(isinstance(hooks, list) and len(hooks) == 1, "one hook")
    h = hooks[0]
    check(h["id"] == "calint", "id calint")
    check(h["language"] == "system", "language system (Debian 12's pre-commit 3.0.4 knows no 'unsupported')")
    check(h["entry"] == "calint audit", "entry calint audit")
    check(h["pass_filenames"] is True and h["require_serial"] is True, "pass_filenames and require_serial")
    check("stages" not in h, "no stages (their names changed in pre-commit 3.2)")
    return h


def suffixes_calint_reads():
    """The suffixes of the metadata-type table and the settings calint reads, from the sources."""
    table = (SOURCE / "src/load/metadata_types.cpp").read_text()
    suffixes = re.findall(r'row<\w+>\("(\.\w+)"', table)
    settings = re.findall(r'kSettingsName = "(\w+)"', (SOURCE / "src/model/settings.h").read_text())
    check(len(suffixes) >= 9 and len(settings) >= 5, "the type table was read")
    return suffixes, settings


def pattern(h):
    files = re.compile(h["files"])
    suffixes, settings = suffixes_calint_reads()
    names = []
    for s in suffixes:
        names += [f"force-app/main/default/x/My App{s}-meta.xml", f"unpackaged/x/My_App{s}"]
    for s in settings:
        names += [f"force-app/main/default/settings/{s}.settings-meta.xml", f"src/settings/{s}.settings", f"{s}.settings"]
    for n in names:
        check(files.search(n), f"files: matches {n}")
    for n in ["force-app/main/default/classes/A.cls", "force-app/main/default/classes/A.cls-meta.xml",
              "src/settings/Account.settings", "src/settings/NotMyDomain.settings-meta.xml", "package.xml",
              "sfdx-project.json", "x.connectedApp.bak", "README.md", "x.profile-meta.xml.orig"]:
        check(not files.search(n), f"files: does not match {n}")


def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def commit_flow(tmp):
    env = dict(os.environ)
    env["PATH"] = f"{CALINT.parent}{os.pathsep}{env.get('PATH', '')}"
    env["PRE_COMMIT_HOME"] = str(tmp / "pre-commit-home")
    for k, v in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@calint.invalid", "GIT_COMMITTER_NAME": "t",
                 "GIT_COMMITTER_EMAIL": "t@calint.invalid", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp)}.items():
        env[k] = v
    git = ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"]

    # The hook definition of this checkout, as a repository pre-commit can install from.
    hooks_repo = tmp / "calint-hooks"
    hooks_repo.mkdir()
    shutil.copy(SOURCE / ".pre-commit-hooks.yaml", hooks_repo)
    assert run([*git, "init", "-q"], hooks_repo, env)[0] == 0
    assert run([*git, "add", "-A"], hooks_repo, env)[0] == 0
    assert run([*git, "commit", "-qm", "hooks"], hooks_repo, env)[0] == 0
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks_repo, capture_output=True, text=True).stdout.strip()

    repo = tmp / "org"
    apps = repo / "force-app/main/default/connectedApps"
    profiles = repo / "force-app/main/default/profiles"
    apps.mkdir(parents=True)
    profiles.mkdir(parents=True)
    assert run([*git, "init", "-q"], repo, env)[0] == 0
    (repo / "sfdx-project.json").write_text('{"packageDirectories": [{"path": "force-app", "default": true}]}\n')
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks_repo}\n    rev: {rev}\n    hooks:\n      - id: calint\n")
    code, out = run(["pre-commit", "install"], repo, env)
    check(code == 0, f"pre-commit install ({out})")

    # 1. A good app with its profile: the hook runs and passes.
    (apps / "Good.connectedApp-meta.xml").write_text(app("Api"))
    (profiles / "Sales.profile-meta.xml").write_text(PROFILE)
    run([*git, "add", "-A"], repo, env)
    code, out = run([*git, "commit", "-m", "good app"], repo, env)
    check(code == 0, f"a good app commits ({out})")
    check(re.search(r"calint.*Passed", out), f"the hook ran and passed ({out})")

    # 2. An app with Full scope: blocked, the finding shown.
    (apps / "Wide.connectedApp-meta.xml").write_text(app("Full"))
    run([*git, "add", "-A"], repo, env)
    code, out = run([*git, "commit", "-m", "wide app"], repo, env)
    check(code != 0, "an app with Full scope is blocked")
    check(re.search(r"calint.*Failed", out), f"the hook failed ({out})")
    check("force-app/main/default/connectedApps/Wide.connectedApp-meta.xml:6:9: high: OAuth scope 'Full' requested"
          in out and "[CA101 full-scope]" in out, f"the finding is shown ({out})")
    check(run(["git", "log", "--oneline"], repo, env)[1].count("\n") == 1, "nothing was committed")
    run([*git, "rm", "-q", "--cached", "force-app/main/default/connectedApps/Wide.connectedApp-meta.xml"], repo, env)
    (apps / "Wide.connectedApp-meta.xml").unlink()

    # 3. A profile alone: the apps assigned it are audited (Good passes), and the commit goes in.
    (profiles / "Sales.profile-meta.xml").write_text(PROFILE.replace("<custom>true</custom>", "<custom>false</custom>"))
    run([*git, "add", "-A"], repo, env)
    code, out = run([*git, "commit", "-m", "profile"], repo, env)
    check(code == 0, f"a profile alone commits ({out})")
    check(re.search(r"calint.*Passed", out), f"the hook ran on the profile ({out})")

    # 4. Only Apex: the hook does not even run.
    (repo / "force-app/main/default/classes").mkdir()
    (repo / "force-app/main/default/classes/A.cls").write_text("public class A {}\n")
    run([*git, "add", "-A"], repo, env)
    code, out = run([*git, "commit", "-m", "apex"], repo, env)
    check(code == 0 and re.search(r"calint.*Skipped", out), f"an Apex change skips the hook ({out})")


def main():
    h = hook()
    pattern(h)
    if not shutil.which("pre-commit") or not shutil.which("git"):
        print("SKIP: pre-commit or git is not installed (scripts/setup.sh --tests installs pre-commit); the hook was "
              "only checked statically")
        return SKIP if not failures else 1
    version = subprocess.run(["pre-commit", "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="calint-pre-commit-") as t:
        commit_flow(pathlib.Path(t))
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print(f"pre-commit checks passed with {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
