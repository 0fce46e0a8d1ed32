#!/usr/bin/env python3
"""`calint diff` end to end with the real binary: the samples against their metadata-API form and
against a reformatted, reordered copy (both empty); against a copy with a known list of edits
(exactly those changes, classed); a zip side; git:REF sides in a temporary repository with hostile
file names; exit codes; the JSON against schemas/diff.schema.json; the SARIF against the official
schema; Markdown size and escaping; error paths; no secret in any output."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import jsonschema

SECRET = "9F3B0C4D2E1A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A0B9C8D7E6F5A4B3C"
NS = "http://soap.sforce.com/2006/04/metadata"
APPS = "force-app/main/default/connectedApps"
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(calint, args, cwd=None):
    return subprocess.run([calint, "diff", *args], capture_output=True, text=True, cwd=cwd)


def diff_json(calint, base, head, *extra, cwd=None):
    proc = run(calint, [base, head, "--format", "json", "--exit-zero", *extra], cwd=cwd)
    if proc.returncode != 0:
        fail(f"diff {base} {head} exited {proc.returncode}: {proc.stderr}")
        return None
    return json.loads(proc.stdout)


def changes(doc):
    """(app type, app name, item, change, direction) of every change."""
    out = set()
    for app in doc["apps"]:
        for c in app["changes"]:
            out.add((app["type"], app["name"], c["item"], c["change"], c["direction"]))
    return out


def edit(path, old, new, count=1):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        sys.exit(f"edit: '{old}' not in {path}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, count))


def reformat(folder):
    """Every metadata file re-serialised: siblings in reverse order, list lines reversed, tabs, CRLF."""
    ET.register_namespace("", NS)
    for dirpath, _, files in os.walk(folder):
        for name in files:
            if name.endswith((".json", ".cls", ".md", ".zip")):
                continue
            path = os.path.join(dirpath, name)
            try:
                tree = ET.parse(path)
            except ET.ParseError:
                continue  # not XML, or broken (CA000 on both sides)

            def flip(el):
                kids = list(el)
                for k in kids:
                    el.remove(k)
                for k in reversed(kids):
                    flip(k)
                    el.append(k)
                if el.tag.endswith("callbackUrl") and el.text:
                    el.text = "\n".join(reversed(el.text.split("\n")))
                if el.tag.endswith("commaSeparatedOauthScopes") and el.text:
                    el.text = ", ".join(reversed([s.strip() for s in el.text.split(",")]))
            flip(tree.getroot())
            ET.indent(tree, space="\t")
            text = ET.tostring(tree.getroot(), encoding="unicode")
            with open(path, "w", encoding="utf-8", newline="\r\n") as f:
                f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")


# The edits made to a copy of samples/source-org, and the changes each must give, exactly.
EXPECTED = {
    ("ConnectedApp", "Partner_Portal", "scope", "added", "widens"),
    ("ConnectedApp", "Partner_Portal", "callback-url", "removed", "narrows"),
    ("ConnectedApp", "Partner_Portal", "ip-relaxation", "changed", "narrows"),
    ("ConnectedApp", "Partner_Portal", "refresh-token-policy", "changed", "narrows"),
    ("ConnectedApp", "Partner_Portal", "permitted-users", "changed", "widens"),
    ("ConnectedApp", "Partner_Portal", "session-timeout", "changed", "widens"),
    ("ConnectedApp", "Partner_Portal", "label", "changed", "neutral"),
    ("ConnectedApp", "Partner_Portal", "pkce", "disabled", "widens"),
    ("ConnectedApp", "Partner_Portal", "refresh-token-rotation", "disabled", "widens"),
    ("ConnectedApp", "Partner_Portal", "permission-set", "added", "widens"),
    ("ConnectedApp", "Partner_Portal", "ip-range", "added", "widens"),
    ("ConnectedApp", "HelpHub_Support_Sync", "consumer-secret", "changed", "neutral"),
    ("ConnectedApp", "Legacy_Bulk_Loader", "app", "removed", "narrows"),
    ("ConnectedApp", "New_Rate_Shopper", "app", "added", "widens"),
    ("ConnectedApp", "Data_Warehouse_Export", "certificate", "replaced", "narrows"),
    ("ConnectedApp", "ERP_Finance_Bridge", "client-credentials", "disabled", "narrows"),
    ("ConnectedApp", "Shipping_Label_Service", "ip-relaxation", "changed", "widens"),
    ("ExternalClientApplication", "Warehouse_Scanner", "device-flow", "disabled", "narrows"),
    ("ExternalClientApplication", "Warehouse_Scanner", "permitted-users", "changed", "narrows"),
    ("ExternalClientApplication", "Warehouse_Scanner", "scope", "removed", "narrows"),
}


def mutate(folder):
    apps = os.path.join(folder, APPS)
    pp = os.path.join(apps, "Partner_Portal.connectedApp-meta.xml")
    edit(pp, "<scopes>Api</scopes>", "<scopes>Api</scopes>\n        <scopes>Full</scopes>")
    edit(pp, "\nhttps://partners-staging.northwind-outfitters.com/auth/salesforce/callback", "")
    edit(pp, "<ipRelaxation>BYPASS_2FACTOR</ipRelaxation>", "<ipRelaxation>ENFORCE</ipRelaxation>")
    edit(pp, "specific_lifetime:365:DAYS", "specific_lifetime:30:DAYS")
    edit(pp, "<isAdminApproved>true</isAdminApproved>", "<isAdminApproved>false</isAdminApproved>")
    edit(pp, "<sessionTimeout>480</sessionTimeout>", "<sessionTimeout>720</sessionTimeout>")
    edit(pp, "<label>Northwind Partner Portal</label>", "<label>Partner Portal &lt;img src=x onerror=alert(1)&gt; [x](https://evil.example)</label>")
    edit(pp, "<isPkceRequired>true</isPkceRequired>", "<isPkceRequired>false</isPkceRequired>")
    edit(pp, "<isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>",
         "<isRefreshTokenRotationEnabled>false</isRefreshTokenRotationEnabled>")
    edit(pp, "<permissionSetName>Partner Portal Access</permissionSetName>",
         "<permissionSetName>Partner Portal Access</permissionSetName>\n    <permissionSetName>Extra Access</permissionSetName>")
    edit(pp, "</ipRanges>", "</ipRanges>\n    <ipRanges>\n        <end>203.0.113.9</end>\n        <start>203.0.113.1</start>\n    </ipRanges>")
    hh = os.path.join(apps, "HelpHub_Support_Sync.connectedApp-meta.xml")
    with open(hh, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"<consumerSecret>[^<]*</consumerSecret>", f"<consumerSecret>{SECRET}</consumerSecret>", text)
    with open(hh, "w", encoding="utf-8") as f:
        f.write(text)
    os.remove(os.path.join(apps, "Legacy_Bulk_Loader.connectedApp-meta.xml"))
    shutil.copy(os.path.join(apps, "acme__Rate_Shopper.connectedApp-meta.xml"),
                os.path.join(apps, "New_Rate_Shopper.connectedApp-meta.xml"))
    # Data_Warehouse_Export's 1024-bit/SHA-1 bundle replaced by Order_Sync_Service's certificate.
    cert = re.search(r"<certificate>([^<]*)</certificate>",
                     open(os.path.join(apps, "Order_Sync_Service.connectedApp-meta.xml"), encoding="utf-8").read())
    dw = os.path.join(apps, "Data_Warehouse_Export.connectedApp-meta.xml")
    text = open(dw, encoding="utf-8").read()
    text = re.sub(r"<certificate>[^<]*</certificate>", f"<certificate>{cert.group(1)}</certificate>", text)
    open(dw, "w", encoding="utf-8").write(text)
    edit(os.path.join(apps, "ERP_Finance_Bridge.connectedApp-meta.xml"),
         "<isClientCredentialEnabled>true</isClientCredentialEnabled>",
         "<isClientCredentialEnabled>false</isClientCredentialEnabled>")
    edit(os.path.join(apps, "Shipping_Label_Service.connectedApp-meta.xml"),
         "<ipRelaxation>ENFORCE_RELAXREFRESH</ipRelaxation>", "<ipRelaxation>BYPASS_2FACTOR</ipRelaxation>")
    eca = os.path.join(folder, "force-app/main/default")
    edit(os.path.join(eca, "extlClntAppGlobalOauthSets/Warehouse_Scanner_glbloauth.ecaGlblOauth-meta.xml"),
         "<isDeviceFlowEnabled>true</isDeviceFlowEnabled>", "<isDeviceFlowEnabled>false</isDeviceFlowEnabled>")
    edit(os.path.join(eca, "extlClntAppOauthPolicies/Warehouse_Scanner_oauthPlcy.ecaOauthPlcy-meta.xml"),
         "AllSelfAuthorized", "AdminApprovedPreAuthorized")
    oauth = os.path.join(eca, "extlClntAppOauthSettings/Warehouse_Scanner_oauth.ecaOauth-meta.xml")
    text = open(oauth, encoding="utf-8").read()
    new = re.sub(r"(<commaSeparatedOauthScopes>[^<]*?)Full,\s*", r"\1", text)
    new = re.sub(r"(<commaSeparatedOauthScopes>[^<]*?),\s*Full(?=[,<])", r"\1", new)
    if new == text:
        sys.exit("mutate: Full not found in Warehouse_Scanner's scopes")
    open(oauth, "w", encoding="utf-8").write(new)


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                   capture_output=True)


def main():
    calint, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.chdir(root)
    with open("schemas/diff.schema.json", encoding="utf-8") as f:
        diff_schema = json.load(f)
    with open("schemas/report.schema.json", encoding="utf-8") as f:
        report_schema = json.load(f)
    with open("schemas/sarif-schema-2.1.0.json", encoding="utf-8") as f:
        sarif_schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(diff_schema)
    try:  # jsonschema >= 4.18 resolves $ref through a registry; Debian 12's 4.10 through a resolver
        from referencing import Registry, Resource
        registry = Registry().with_resources([(s["$id"], Resource.from_contents(s))
                                              for s in (diff_schema, report_schema)])
        diff_v = jsonschema.Draft202012Validator(diff_schema, registry=registry)
    except ImportError:
        resolver = jsonschema.RefResolver.from_schema(diff_schema, store={s["$id"]: s for s in
                                                                          (diff_schema, report_schema)})
        diff_v = jsonschema.Draft202012Validator(diff_schema, resolver=resolver)
    sarif_v = jsonschema.validators.validator_for(sarif_schema)(sarif_schema)
    validated = 0

    def check_schema(doc, where):
        nonlocal validated
        errors = sorted(diff_v.iter_errors(doc), key=str)
        if errors:
            fail(f"{where}: JSON diff breaks the schema: {errors[0].message} at {list(errors[0].absolute_path)}")
        validated += 1

    # Source against metadata-API form: empty, exit 0.
    doc = diff_json(calint, "samples/source-org", "samples/mdapi-org")
    if doc is not None:
        check_schema(doc, "source vs mdapi")
        if doc["apps"] or doc["introduced"] or doc["fixed"]:
            fail(f"source vs mdapi not empty: {changes(doc)} {len(doc['introduced'])} {len(doc['fixed'])}")

    with tempfile.TemporaryDirectory() as tmp:
        # A reformatted, reordered copy: empty.
        copy = os.path.join(tmp, "reformatted")
        shutil.copytree("samples/source-org", copy)
        reformat(copy)
        doc = diff_json(calint, "samples/source-org", copy)
        if doc is not None and (doc["apps"] or doc["introduced"] or doc["fixed"]):
            fail(f"reformatted copy not empty: {changes(doc)} introduced {[f['rule'] for f in doc['introduced']]}")

        # A copy with known edits: exactly those changes.
        head = os.path.join(tmp, "head")
        shutil.copytree("samples/source-org", head)
        mutate(head)
        doc = diff_json(calint, "samples/source-org", head)
        if doc is not None:
            check_schema(doc, "mutated")
            got = changes(doc)
            if got != EXPECTED:
                fail(f"mutated copy: unexpected {sorted(got - EXPECTED)}; missing {sorted(EXPECTED - got)}")
            introduced = {(f["rule"], f["component"]["name"]) for f in doc["introduced"]}
            fixed = {(f["rule"], f["component"]["name"]) for f in doc["fixed"]}
            for want in [("CA101", "Partner_Portal"), ("CA103", "Partner_Portal")]:
                if want not in introduced:
                    fail(f"mutated copy: {want} not introduced ({sorted(introduced)})")
            for want in [("CA203", "Partner_Portal"), ("CA408", "Warehouse_Scanner"), ("CA405", "ERP_Finance_Bridge")]:
                if want not in fixed:
                    fail(f"mutated copy: {want} not fixed ({sorted(fixed)})")
            if doc["summary"]["widens"] != sum(1 for c in got if c[4] == "widens"):
                fail("summary.widens disagrees with the changes")

        # Every format; no secret anywhere; Markdown escaped; SARIF valid, only introduced findings.
        outs = {}
        proc = run(calint, ["samples/source-org", head, "-o", f"json:{tmp}/d.json", "-o", f"sarif:{tmp}/d.sarif",
                            "-o", f"markdown:{tmp}/d.md", "-o", "text:-", "--exit-zero"])
        if proc.returncode != 0:
            fail(f"all formats exited {proc.returncode}: {proc.stderr}")
        outs["text"] = proc.stdout + proc.stderr
        for ext in ("json", "sarif", "md"):
            with open(f"{tmp}/d.{ext}", encoding="utf-8") as f:
                outs[ext] = f.read()
        for name, text in outs.items():
            if SECRET in text or SECRET[:16] in text:
                fail(f"{name}: the consumer secret is printed")
        # The Markdown through GitHub's renderer: the hostile label stays text.
        cmark = shutil.which("cmark-gfm")
        if cmark:
            html = subprocess.run([cmark, "--extension", "table", "--extension", "autolink", "--extension",
                                   "strikethrough", "--extension", "tagfilter"], input=outs["md"],
                                  capture_output=True, text=True).stdout
            if "<img" in html or "href=\"https://evil" in html:
                fail("markdown: a label opened HTML or a link")
            if "Partner Portal" not in html:
                fail("markdown: the changed label is not shown")
        else:
            print("cmark-gfm not installed: the Markdown diff was not rendered (scripts/setup.sh --tests)")
        sarif = json.loads(outs["sarif"])
        errors = list(sarif_v.iter_errors(sarif))
        if errors:
            fail(f"SARIF breaks the official schema: {errors[0].message}")
        results = sarif["runs"][0]["results"]
        if len(results) != len(json.loads(outs["json"])["introduced"]):
            fail(f"SARIF has {len(results)} results, the diff {len(json.loads(outs['json'])['introduced'])} introduced")

        # Exit codes.
        def code(*args, cwd=None):
            return run(calint, list(args), cwd=cwd).returncode
        if code("samples/source-org", head, "--fail-on-widening", "--exit-zero", "-q") != 1:
            fail("--fail-on-widening with widening changes does not exit 1")
        if code("samples/source-org", "samples/mdapi-org", "--fail-on-widening", "-q") != 0:
            fail("an empty diff does not exit 0")
        if code("samples/source-org", head, "-q", "--format", "json") != 1:
            fail("introduced critical findings do not exit 1 with the policy's threshold")
        # A change that widens access but introduces no finding: only --fail-on-widening fails it.
        small = os.path.join(tmp, "small")
        shutil.copytree("samples/source-org", small)
        edit(os.path.join(small, APPS, "Northwind_CLI.connectedApp-meta.xml"), "<scopes>Api</scopes>",
             "<scopes>Api</scopes>\n        <scopes>Chatter</scopes>")
        if code("samples/source-org", small, "-q", "--fail-on", "info") != 0:
            fail("a widening change without findings fails without --fail-on-widening")
        if code("samples/source-org", small, "-q", "--fail-on-widening") != 1:
            fail("a widening change without findings passes --fail-on-widening")
        if code("samples/source-org", head, "-q", "--exit-zero") != 0:
            fail("--exit-zero does not exit 0")

        # A zip side gives the same changes as the folder.
        zpath = os.path.join(tmp, "head.zip")
        with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
            for dirpath, _, files in os.walk(head):
                for name in files:
                    full = os.path.join(dirpath, name)
                    z.write(full, os.path.relpath(full, head))
        doc = diff_json(calint, "samples/source-org", zpath)
        if doc is not None and changes(doc) != EXPECTED:
            fail(f"zip side: {sorted(changes(doc) ^ EXPECTED)}")

        # git:REF sides, with a folder and file names holding spaces and quotes.
        repo = os.path.join(tmp, "repo")
        proj = os.path.join(repo, "force app")
        shutil.copytree("samples/source-org", proj)
        odd = os.path.join(proj, APPS, "Odd \"Q\" it's.connectedApp-meta.xml")
        shutil.copy(os.path.join(proj, APPS, "Northwind_CLI.connectedApp-meta.xml"), odd)
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "base")
        doc = diff_json(calint, "git:HEAD", "force app", cwd=repo)
        if doc is not None and (doc["apps"] or doc["introduced"]):
            fail(f"git:HEAD against its own checkout not empty: {changes(doc)}")
        shutil.rmtree(proj)
        shutil.copytree(head, proj)
        edit(os.path.join(proj, APPS, "Northwind_CLI.connectedApp-meta.xml"), "<scopes>Api</scopes>",
             "<scopes>Api</scopes>\n        <scopes>Chatter</scopes>")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "head")
        want = EXPECTED | {("ConnectedApp", "Northwind_CLI", "scope", "added", "widens"),
                           ("ConnectedApp", "Odd \"Q\" it's", "app", "removed", "narrows")}
        for base_side, head_side, cwd in [("git:HEAD~1", "force app", repo), ("git:HEAD~1", "git:HEAD", proj),
                                          ("git:HEAD~1:force app", "git:HEAD:force app", repo),
                                          ("git:HEAD~1:..", "git:HEAD:..", os.path.join(proj, "force-app"))]:
            where = f"{base_side} {head_side} in {os.path.relpath(cwd, tmp)}"
            doc = diff_json(calint, base_side, head_side, cwd=cwd)
            if doc is None:
                continue
            check_schema(doc, where)
            if changes(doc) != want:
                fail(f"{where}: {sorted(changes(doc) ^ want)}")
        # git errors: a bad revision, a path the revision lacks, outside a repository.
        for args, cwd, message in [(["git:no-such-ref", "force app"], repo, "unknown git revision 'no-such-ref'"),
                                   (["git:HEAD:nowhere", "force app"], repo, "'nowhere' is not in the tree at HEAD"),
                                   (["git:HEAD", head], tmp, "needs a git repository"),
                                   (["git:--output=x", "force app"], repo, "is not a git revision")]:
            proc = run(calint, args, cwd=cwd)
            if proc.returncode != 2 or message not in proc.stderr:
                fail(f"diff {args}: exit {proc.returncode}, stderr {proc.stderr!r} (want 2 and {message!r})")
            if "added" in proc.stdout:
                fail(f"diff {args}: an unreadable side still lists changes")

        # Error paths: a missing side, a refused zip, a bad policy, an unknown -o format.
        bad_zip = os.path.join(tmp, "bad.zip")
        with open(bad_zip, "wb") as f:
            f.write(b"PK\x03\x04 this is not a zip")
        bad_policy = os.path.join(tmp, "bad.yaml")
        with open(bad_policy, "w") as f:
            f.write("rules: [\n")
        for args, message in [(["does-not-exist", head], "does-not-exist: error: cannot read"),
                              ([bad_zip, head], "bad.zip: error:"),
                              (["samples/source-org", head, "--policy", bad_policy], "bad.yaml"),
                              (["samples/source-org", head, "-o", "html:x.html"], "unknown format 'html'")]:
            proc = run(calint, args)
            if proc.returncode != 2 or message not in proc.stderr:
                fail(f"diff {args}: exit {proc.returncode}, stderr {proc.stderr!r} (want 2 and {message!r})")

        # Markdown stays under GitHub's limit on a diff of thousands of apps, and says what it left out.
        big = os.path.join(tmp, "big")
        os.makedirs(os.path.join(big, APPS))
        with open(os.path.join("samples/source-org", APPS, "Campaign_Studio_Connector.connectedApp-meta.xml"),
                  encoding="utf-8") as f:
            template = f.read()
        for i in range(2500):
            with open(os.path.join(big, APPS, f"App_{i:04d}.connectedApp-meta.xml"), "w", encoding="utf-8") as f:
                f.write(template)
        empty = os.path.join(tmp, "empty")
        os.makedirs(empty)
        proc = run(calint, [empty, big, "--format", "markdown", "--exit-zero", "-q"])
        if proc.returncode != 0 or len(proc.stdout) > 60000 or "left out" not in proc.stdout:
            fail(f"big markdown: exit {proc.returncode}, {len(proc.stdout)} characters, left-out line "
                 f"{'left out' in proc.stdout}")

    if failures:
        sys.exit(f"{len(failures)} failure(s)")
    print(f"diff checks passed ({validated} JSON diffs validated)")


if __name__ == "__main__":
    main()
