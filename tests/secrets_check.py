#!/usr/bin/env python3
"""No output of calint ever shows a secret. Secrets are planted in every place a reporter could
reach them: the secret elements of Connected Apps, External Client Apps and settings (plain, CDATA,
entity-encoded, split by a comment), elements whose names only contain a secret word, a commented-out
secret element, PEM private keys where a certificate belongs, a certificate's body, broken files
whose excerpt is shown (the secret on the line of the error, before it and after it), the line a
finding points at, a profile, and a file that is not UTF-8. Then every format is written (to
standard output and with -o), `calint render` re-renders the JSON, `calint explain` and
`--show-suppressed` run, and stdout, stderr and every file written are searched for each secret,
raw and in the forms a format could escape it into.

usage: secrets_check.py CALINT SOURCE_DIR"""
import base64
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

CALINT = os.path.abspath(sys.argv[1])
SOURCE = pathlib.Path(sys.argv[2]).resolve()
NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"'
failures = []

# Each secret is distinct, long enough never to occur by chance, and alphanumeric so no format's
# escaping changes it (the search also tries the escaped forms of the few that are not).
SECRETS = {f"S{i:02d}": "Z" + hashlib.sha256(f"calint-secret-{i}".encode()).hexdigest()[:31] for i in range(1, 40)}


def s(key):
    return SECRETS[key]


def pem(label, body):
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


def app(name, oauth_extra="", top_extra="", label=None):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp {NS}>
    <contactEmail>ops@example.com</contactEmail>
    <label>{label or name}</label>
    <oauthConfig>
        <callbackUrl>https://app.example.com/cb</callbackUrl>
{oauth_extra}        <isAdminApproved>false</isAdminApproved>
        <scopes>Full</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>BYPASS</ipRelaxation>
        <refreshTokenPolicy>infinite</refreshTokenPolicy>
    </oauthPolicy>
{top_extra}</ConnectedApp>
"""


# A real-shaped certificate body: its base64 must never be echoed (only subject and dates).
CERT_KEY = "/tmp/calint-secrets-check.key"


def certificate_body():
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", CERT_KEY, "-out",
                    CERT_KEY + ".pem", "-days", "3", "-subj", "/CN=planted.example.com"], check=True,
                   capture_output=True)
    der = subprocess.run(["openssl", "x509", "-in", CERT_KEY + ".pem", "-outform", "DER"], check=True,
                         capture_output=True).stdout
    return base64.b64encode(der).decode()


def build_export(root, cert):
    d = root / "force-app/main/default"
    files = {
        # The secret elements themselves, plain, in CDATA, entity-encoded and split by a comment.
        "connectedApps/Plain.connectedApp-meta.xml":
            app("Plain", f"        <consumerSecret>{s('S01')}</consumerSecret>\n"),
        "connectedApps/Cdata.connectedApp-meta.xml":
            app("Cdata", f"        <consumerSecret><![CDATA[{s('S02')}]]></consumerSecret>\n"),
        "connectedApps/Entity.connectedApp-meta.xml":
            app("Entity", f"        <consumerSecret>&#90;{s('S03')[1:]}</consumerSecret>\n"),
        "connectedApps/Split.connectedApp-meta.xml":
            app("Split", f"        <consumerSecret>{s('S04')[:10]}<!-- x -->{s('S04')[10:]}</consumerSecret>\n"),
        # Names that only contain a secret word; elements calint does not know.
        "connectedApps/Names.connectedApp-meta.xml":
            app("Names", f"        <oauthConsumerSecret>{s('S05')}</oauthConsumerSecret>\n",
                f"    <password>{s('S06')}</password>\n    <adminPassword>{s('S07')}</adminPassword>\n"
                f"    <privateKey>{s('S08')}</privateKey>\n    <accessToken>{s('S09')}</accessToken>\n"),
        # A commented-out secret element, and a secret in a comment on a finding's line.
        "connectedApps/Commented.connectedApp-meta.xml":
            app("Commented", f"        <!-- <consumerSecret>{s('S10')}</consumerSecret> -->\n"),
        # A PEM private key where the certificate belongs, and a certificate's body.
        "connectedApps/Pem.connectedApp-meta.xml":
            app("Pem", f"        <certificate>{pem('PRIVATE KEY', s('S11') * 6)}</certificate>\n"),
        "connectedApps/Cert.connectedApp-meta.xml":
            app("Cert", f"        <certificate>{cert}</certificate>\n"),
        # Broken files: the secret on the line of the error, on the line before, after, and unclosed.
        "connectedApps/BrokenOn.connectedApp-meta.xml":
            f'<?xml version="1.0"?>\n<ConnectedApp {NS}>\n    <oauthConfig><consumerSecret>{s("S12")}</consumerSecret><scopes>Full</scopes></oauthConfig>\n    <label>x</labl>\n</ConnectedApp>\n',
        "connectedApps/BrokenLine.connectedApp-meta.xml":
            f'<?xml version="1.0"?>\n<ConnectedApp {NS}>\n    <consumerSecret>{s("S13")}</consumerSecret> <label>x<</label>\n</ConnectedApp>\n',
        "connectedApps/BrokenBefore.connectedApp-meta.xml":
            f'<?xml version="1.0"?>\n<ConnectedApp {NS}>\n    <consumerSecret>{s("S14")}</consumerSecret>\n    <label>&undefined;</label>\n</ConnectedApp>\n',
        "connectedApps/BrokenUnclosed.connectedApp-meta.xml":
            f'<?xml version="1.0"?>\n<ConnectedApp {NS}>\n    <consumerSecret>{s("S15")}\n',
        "connectedApps/BrokenCdata.connectedApp-meta.xml":
            f'<?xml version="1.0"?>\n<ConnectedApp {NS}>\n    <consumerSecret><![CDATA[{s("S16")}\n',
        "connectedApps/BrokenAttr.connectedApp-meta.xml":
            f'<?xml version="1.0"?>\n<ConnectedApp {NS}>\n    <password value="{s("S17")}" <label>\n',
        "connectedApps/BrokenPem.connectedApp-meta.xml":
            f'<?xml version="1.0"?>\n<ConnectedApp {NS}>\n    <certificate>{pem("RSA PRIVATE KEY", s("S18") * 4)}\n<oops\n',
        # Not UTF-8: Latin-1 bytes around the secret.
        "connectedApps/Latin.connectedApp-meta.xml":
            app("Latin", f"        <consumerSecret>{s('S19')}</consumerSecret>\n", label="Caf\xe9"),
        # External Client App files: the OAuth settings' consumer secret and key.
        "externalClientApps/Eca_App.eca-meta.xml":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<ExternalClientApplication {NS}>\n    <contactEmail>a@example.com</contactEmail>\n    <distributionState>Local</distributionState>\n    <isProtected>false</isProtected>\n    <label>Eca App</label>\n</ExternalClientApplication>\n',
        "extlClntAppOauthSettings/Eca_App_oauth.ecaOauth-meta.xml":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<ExtlClntAppOauthSettings {NS}>\n    <commaSeparatedOauthScopes>Full, RefreshToken</commaSeparatedOauthScopes>\n    <consumerSecret>{s("S20")}</consumerSecret>\n    <consumerKey>3MVG9PublicConsumerKeyNotASecret</consumerKey>\n    <externalClientApplication>Eca_App</externalClientApplication>\n    <label>Eca App</label>\n    <oauthLink>x</oauthLink>\n</ExtlClntAppOauthSettings>\n',
        "extlClntAppGlobalOauthSets/Eca_App_glbloauth.ecaGlblOauth-meta.xml":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<ExtlClntAppGlobalOauthSettings {NS}>\n    <callbackUrl>https://eca.example.com/cb</callbackUrl>\n    <consumerSecret>{s("S22")}</consumerSecret>\n    <externalClientApplication>Eca_App</externalClientApplication>\n    <isConsumerSecretOptional>true</isConsumerSecretOptional>\n    <label>Eca App</label>\n</ExtlClntAppGlobalOauthSettings>\n',
        # Settings and a profile.
        "settings/Security.settings-meta.xml":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<SecuritySettings {NS}>\n    <passwordPolicies><apiOnlyUserHomePageURL>{s("S23")}Password</apiOnlyUserHomePageURL></passwordPolicies>\n    <samlPrivateKey>{s("S24")}</samlPrivateKey>\n</SecuritySettings>\n',
        "profiles/Admin.profile-meta.xml":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Profile {NS}>\n    <custom>false</custom>\n    <userLicense>Salesforce</userLicense>\n    <clientSecret>{s("S25")}</clientSecret>\n</Profile>\n',
        # One line: the line CA103's fix changes also shows the secret.
        "connectedApps/OneLine.connectedApp-meta.xml":
            app("OneLine", f"        <consumerSecret>{s('S27')}</consumerSecret>").replace("\n", ""),
        "profiles/Broken.profile-meta.xml":
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Profile {NS}>\n    <clientSecret>{s("S26")}</clientSecret><custom>x</custm>\n</Profile>\n',
    }
    # 'S23' is inside a URL-ish element whose name has no secret word: not a secret by calint's
    # definition, so it is not searched for.
    for rel, text in files.items():
        p = d / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode("latin-1") if "Latin" in rel else text.encode("utf-8"))
    (root / "sfdx-project.json").write_text('{"packageDirectories": [{"path": "force-app", "default": true}]}\n')
    # An exception suppresses one finding, so --show-suppressed has something to show.
    (root / "policy.yaml").write_text(
        "version: 1\nexceptions:\n  - app: Plain\n    rule: CA101\n    justification: accepted for the test\n"
        "    expires: 2099-01-01\n")
    # A token-usage export with the live token columns calint must never read: a good row, and rows
    # that are errors (a stray quote, a short row) with tokens in them.
    (root / "tokens.csv").write_text(
        "AppName,UserId,CreatedDate,LastUsedDate,UseCount,AccessToken,RequestToken,DeleteToken\r\n"
        f"Plain,005000000000001AAA,2026-01-02T00:00:00.000+0000,2026-05-01T00:00:00.000+0000,3,{s('S28')},{s('S29')},x\r\n"
        f'Plain,005000000000002AAA,2026-01-02,2026-05-01,1,"{s("S30")}"x,{s("S31")},x\r\n'
        f"Unknown App,005000000000003AAA,2026-01-02,not-a-date,1,{s('S32')}\r\n")
    return [k for k in SECRETS if k not in ("S21", "S23") and int(k[1:]) <= 32]


def forms(secret):
    """The secret as a format could print it: raw, base64 (it is never a certificate's source)."""
    return [secret]


def run(args, cwd):
    p = subprocess.run([CALINT, *args], cwd=cwd, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def known_formats():
    """The formats calint writes, from its usage error for an unknown one."""
    _, _, stderr = run(["audit", ".", "--format", "no-such-format"], ".")
    m = re.search(r"\{([a-z,]+)\}", stderr)
    return m.group(1).split(",") if m else []


def main():
    try:
        cert = certificate_body()
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"SKIP: openssl cannot make a certificate: {e}")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp) / "org"
        planted = build_export(root, cert)
        out = pathlib.Path(tmp) / "out"
        out.mkdir()
        texts = {}
        formats = ["text", "json", "sarif", "html", "markdown", "junit", "csv", "gitlab", "github", "inventory"]
        known = known_formats()
        if sorted(known) != sorted(formats):
            failures.append(f"calint writes {sorted(known)}, this test searches {sorted(formats)}: add the new format")
        common = ["--policy", str(root / "policy.yaml"), "--as-of", "2026-06-01"]
        for fmt in formats:
            code, stdout, stderr = run(["audit", str(root), "--format", fmt, "--show-suppressed", *common], tmp)
            if code not in (1, 2):
                failures.append(f"audit --format {fmt}: exit {code}")
            texts[f"audit --format {fmt} (stdout)"] = stdout
            texts[f"audit --format {fmt} (stderr)"] = stderr
        args = ["audit", str(root), *common]
        for fmt in formats:
            args += ["-o", f"{fmt}:{out / ('report.' + fmt)}"]
        code, stdout, stderr = run(args, tmp)
        texts["audit -o ... (stdout)"] = stdout
        texts["audit -o ... (stderr)"] = stderr
        for fmt in formats:
            texts[f"-o {fmt}"] = (out / f"report.{fmt}").read_text(encoding="utf-8", errors="replace")
        for fmt in formats:
            code, stdout, stderr = run(["render", str(out / "report.json"), "--format", fmt], tmp)
            if code != 0:
                failures.append(f"render --format {fmt}: exit {code}: {stderr}")
            texts[f"render {fmt}"] = stdout + stderr
        # A single file given as a list, a partial run, and the baseline it writes.
        code, stdout, stderr = run(["audit", str(root / "force-app/main/default/connectedApps/Plain.connectedApp-meta.xml"),
                                    *common, "--write-baseline", str(out / "baseline.json")], tmp)
        texts["partial run"] = stdout + stderr
        texts["baseline"] = (out / "baseline.json").read_text() if (out / "baseline.json").exists() else ""
        # Usage evidence: every format, with live token columns and broken rows in the CSV.
        for fmt in formats:
            code, stdout, stderr = run(["audit", str(root), "--usage", str(root / "tokens.csv"), "--format", fmt, *common],
                                       tmp)
            texts[f"audit --usage --format {fmt}"] = stdout + stderr
        if "line 3" not in texts["audit --usage --format text"] and "tokens.csv:3" not in texts["audit --usage --format text"]:
            failures.append("the broken token rows were not reported: the usage test exercises nothing")
        # calint fix --diff: CA103's fix edits the line after consumerSecret, so context would show
        # it; on OneLine the changed line itself holds it.
        fix_root = pathlib.Path(tmp) / "fix-org"
        shutil.copytree(root, fix_root)
        code, stdout, stderr = run(["fix", str(fix_root), "--unsafe-fixes", "--diff", "--policy", str(root / "policy.yaml")],
                                   tmp)
        texts["fix --diff"] = stdout + stderr
        if "+        <isAdminApproved>true</isAdminApproved>" not in stdout or "OneLine" not in stderr:
            failures.append(f"fix --diff did not edit the lines next to secrets: the test exercises nothing: {stderr}")
        code, stdout, stderr = run(["fix", str(fix_root), "--unsafe-fixes", "--policy", str(root / "policy.yaml")], tmp)
        texts["fix"] = stdout + stderr
        for rule in ("CA401", "CA000"):
            code, stdout, stderr = run(["explain", rule], tmp)
            texts[f"explain {rule}"] = stdout + stderr
        # calint diff, every format: the export against an empty one, and against a copy whose
        # secrets all differ (so each shows as changed), both ways.
        empty = pathlib.Path(tmp) / "empty"
        empty.mkdir()
        other = pathlib.Path(tmp) / "other"
        shutil.copytree(root, other)
        for path in other.rglob("*"):
            if path.is_file() and path.suffix == ".xml":
                data = path.read_bytes()
                for key in SECRETS:
                    data = data.replace(s(key).encode(), s(key)[::-1].encode())
                path.write_bytes(data)
        for fmt in ["text", "json", "markdown", "sarif"]:
            for base, head in ((empty, root), (other, root), (root, other)):
                code, stdout, stderr = run(["diff", str(base), str(head), "--format", fmt, *common], tmp)
                if code not in (0, 1, 2):
                    failures.append(f"diff {base.name} {head.name} --format {fmt}: exit {code}")
                texts[f"diff {base.name} {head.name} --format {fmt}"] = stdout + stderr
        if "consumer secret changed" not in texts["diff other org --format text"]:
            failures.append("diff of changed secrets does not say so")
        report = json.loads(texts["-o json"])
        if not any(f["rule"] == "CA401" for f in report["findings"]):
            failures.append("the planted export yields no CA401: the test plants nothing calint reads")
        if sum(1 for f in report["findings"] if f["rule"] == "CA000") < 6:
            failures.append("fewer broken files than planted: excerpts are not exercised")
        for key in planted:
            for where, text in texts.items():
                for form in forms(s(key)):
                    # A fragment of 12 characters catches a secret shown in part (an excerpt cut short).
                    for frag in (form, form[:12], form[-12:]):
                        if frag in text:
                            failures.append(f"{where}: shows secret {key} ({frag})")
                            break
        cert_fragments = [cert[i:i + 24] for i in range(0, len(cert) - 24, 24)]
        for where, text in texts.items():
            if any(f in text for f in cert_fragments):
                failures.append(f"{where}: shows the certificate's body")
        print(f"{len(planted)} secrets planted; {len(texts)} outputs searched; "
              f"{len(report['findings'])} findings")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
