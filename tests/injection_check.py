#!/usr/bin/env python3
"""Payloads crafted for each format calint writes come out inert. The export is
tests/fixtures/injection-org (labels, names, URLs, callback URLs, profile names and policy text
carrying HTML, Markdown, CSV formulas, GitHub workflow commands, terminal escapes, C1 controls,
U+2028/U+2029 and bidirectional overrides) plus, in a temporary copy, files whose names carry
them too (an escape sequence, a line break, bytes that are not UTF-8, a workflow command, a
formula). Every format is written in one audit and read by a real consumer:
- text (standard output and standard error): no control character but line breaks and tabs, no C1
  control, line separator or bidirectional control: each is shown as an escape;
- GitHub workflow commands: every line is one annotation of calint's (a payload starts no command
  of its own, a payload's %0A stays text);
- CSV and the inventory through Python's csv module: no cell a spreadsheet would run as a formula;
- JUnit through expat (xml.etree) and SARIF against the official SARIF 2.1.0 schema; JSON, SARIF
  and GitLab hold no raw U+2028/U+2029 or control character;
- HTML and Markdown: no raw control character (tests/html_check.py and tests/markdown_check.py load
  the same fixture in Chromium and cmark-gfm).
Each payload must still be visible in the output as text: dropping it would hide what a reviewer
needs to see.

usage: injection_check.py CALINT SOURCE_DIR"""
import csv
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import jsonschema

CALINT = os.path.abspath(sys.argv[1])
SOURCE = pathlib.Path(sys.argv[2]).resolve()
failures = []

# Characters that must never reach a terminal, an editor or a log raw.
C0 = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
C1 = re.compile(r"[\x80-\x9f]")
INVISIBLE = re.compile("[\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMULA = "=+-@\t\r"


def check(condition, what):
    if not condition:
        failures.append(what)


def hostile_copy(tmp):
    root = pathlib.Path(tmp) / "org"
    shutil.copytree(SOURCE / "tests/fixtures/injection-org", root)
    apps = root / "force-app/main/default/connectedApps"
    template = (apps / "XSS_Label.connectedApp-meta.xml").read_bytes()
    names = [b"Esc\x1b]0;title\x07\x1b[31mName", b"Line\nBreak", b"Latin\xe9\xff", b"::error file=x::name%0Ab",
             b"=cmd|' calc'!A0", "Bidi\u202eevil\u2028x".encode()]
    for n in names:
        path = os.path.join(bytes(apps), n + b".connectedApp-meta.xml")
        with open(path, "wb") as f:
            f.write(template)
    return root


def run(args):
    p = subprocess.run([CALINT, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr


def terminal_safe(text, where):
    for pattern, what in ((C0, "a control character"), (C1, "a C1 control"),
                          (INVISIBLE, "a line separator or bidirectional control")):
        m = pattern.search(text)
        if m:
            failures.append(f"{where}: {what} {m.group(0)!r} near {text[max(0, m.start() - 40):m.start()]!r}")


def check_text(stdout, stderr):
    terminal_safe(stdout, "text report")
    terminal_safe(stderr, "standard error")
    both = stdout + stderr
    for shown in ("\\x1b", "\\u202e", "\\u2028", "\\u009b"):
        check(shown in both, f"text: the payload escape {shown} is not shown (dropped?)")


def check_github(text):
    lines = text.split("\n")
    check(lines[-1] == "", "github: no final line break")
    for line in lines[:-1]:
        check(re.match(r"::(error|warning|notice)( [^:]*)?::", line) is not None,
              f"github: a line that is not calint's annotation: {line[:80]!r}")
        check("\r" not in line, "github: a carriage return in an annotation")
    check("%250A::warning::x" in text or "%250A" in text, "github: a payload's %0A is not escaped as %250A")


def check_csv(text, where):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check(len(rows) > 1, f"{where}: no rows")
    shown = False
    for row in rows:
        for cell in row:
            check(not cell or cell[0] not in FORMULA, f"{where}: a cell a spreadsheet runs: {cell[:60]!r}")
            shown = shown or "HYPERLINK" in cell or "cmd|" in cell
    check(shown, f"{where}: the formula payloads are not shown")


def check_junit(raw):
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        failures.append(f"junit: expat rejects it: {e}")
        return
    text = " ".join((e.text or "") + " " + " ".join(e.attrib.values()) for e in root.iter())
    check("XSS_Label" in text and "Format_Payloads" in text, "junit: the payload apps are missing")
    terminal_safe(text, "junit text")


def check_json_like(raw, where):
    try:
        doc = json.loads(raw)
    except ValueError as e:
        failures.append(f"{where}: not JSON: {e}")
        return None
    check("\u2028" not in raw and "\u2029" not in raw, f"{where}: a raw U+2028/U+2029")
    check(C0.search(raw.replace("\n", "")) is None, f"{where}: a raw control character")
    return doc


def main():
    schema_path = SOURCE / "schemas/sarif-schema-2.1.0.json"
    with open(schema_path, encoding="utf-8") as f:
        sarif_validator = jsonschema.Draft7Validator(json.load(f))
    with tempfile.TemporaryDirectory() as tmp:
        root = hostile_copy(tmp)
        policy = str(root / "policy.yaml")
        common = ["--policy", policy, "--as-of", "2026-06-01", "--show-suppressed"]
        out = pathlib.Path(tmp) / "out"
        out.mkdir()
        formats = {"json": "json", "sarif": "sarif", "html": "html", "markdown": "md", "junit": "xml",
                   "csv": "csv", "gitlab": "gl.json", "github": "gh.txt", "inventory": "inv.csv"}
        _, _, usage = run(["audit", ".", "--format", "no-such-format"])
        known = re.search(r"\{([a-z,]+)\}", usage.decode())
        check(known is not None and sorted(known.group(1).split(",")) == sorted([*formats, "text"]),
              f"calint writes {known.group(1) if known else '?'}; this test reads {sorted(formats)} and text")
        args = ["audit", str(root), *common, "--format", "text"]
        for fmt, ext in formats.items():
            args += ["-o", f"{fmt}:{out / ('report.' + ext)}"]
        code, stdout, stderr = run(args)
        check(code in (1, 2), f"audit: exit {code}")
        read = {fmt: (out / f"report.{ext}").read_bytes().decode("utf-8") for fmt, ext in formats.items()}
        report = check_json_like(read["json"], "json")
        check_text(stdout.decode("utf-8"), stderr.decode("utf-8"))
        check_github(read["github"])
        check_csv(read["csv"], "csv")
        check_csv(read["inventory"], "inventory")
        check_junit(out.joinpath("report.xml").read_bytes())
        sarif = check_json_like(read["sarif"], "sarif")
        if sarif is not None:
            errors = list(sarif_validator.iter_errors(sarif))
            check(not errors, f"sarif: invalid: {errors[0].message if errors else ''}")
        check_json_like(read["gitlab"], "gitlab")
        for fmt in ("html", "markdown"):
            check(C0.search(read[fmt].replace("\n", "").replace("\t", "")) is None, f"{fmt}: a raw control character")
            check(C1.search(read[fmt]) is None, f"{fmt}: a raw C1 control")
        if report is not None:
            apps = {a.get("name") for a in report.get("inventory", [])}
            check(len(report["findings"]) > 20, "too few findings: the payloads are not audited")
            print(f"{len(report['findings'])} findings, {len(apps)} apps, {len(formats) + 1} formats read back")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
