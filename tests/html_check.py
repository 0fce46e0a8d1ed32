#!/usr/bin/env python3
"""The HTML report in a real browser. Debian's chromium (scripts/setup.sh --tests) loads the report
of the sample org and of tests/fixtures/injection-org (labels, names, URLs and policy text that
carry HTML payloads), and the test reads the DOM Chromium built:
- every app of the inventory is a row, every finding an element (by fingerprint), and the severity
  chart has its five bars with the JSON's counts, the app x rule matrix a cell per pair;
- no element or attribute came from a payload: no script, iframe, img, object or embed, no svg but
  the two charts, no on* attribute, no javascript: link; the payloads are there as text;
- printed, the findings' <details> are expanded (the PDF has more pages than with the print rule
  taken out).
It saves screenshots next to the reports (build/html-check/*.png). With --screenshot FILE it only
writes the sample org's screenshot to FILE (docs/html-report.png). Exit 77 (skipped, with a
message) when Chromium is missing or cannot start: never a silent pass."""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--no-default-browser-check", "--hide-scrollbars"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browse(browser, args, url, timeout=120):
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args, url],
                              capture_output=True, text=True, timeout=timeout)
    return proc


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def calint_reports(calint, args, out, name):
    html_path = os.path.join(out, f"{name}.html")
    json_path = os.path.join(out, f"{name}.json")
    proc = subprocess.run([calint, "audit", *args, "--as-of", "2026-06-01", "-o", f"html:{html_path}",
                           "-o", f"json:{json_path}"], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        fail(f"calint audit {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    with open(json_path, encoding="utf-8") as f:
        return html_path, json.load(f)


def dump_dom(browser, path):
    proc = browse(browser, ["--dump-dom"], "file://" + os.path.abspath(path))
    if proc.returncode != 0 or "<html" not in proc.stdout:
        print(f"SKIP: chromium could not load {path} (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
        sys.exit(SKIP)
    dom = Dom()
    dom.feed(proc.stdout)
    return dom, proc.stdout


def check_content(dom, report, where):
    tags = [t for t, _ in dom.elements]
    # Every app of the inventory, in order.
    rows = [a for t, a in dom.elements if t == "tr" and "app" in a.get("class", "").split()]
    if [r.get("data-name") for r in rows] != [a["name"] for a in report["inventory"]]:
        fail(f"{where}: inventory rows {[r.get('data-name') for r in rows]} != {[a['name'] for a in report['inventory']]}")
    # Every finding, by fingerprint.
    shown = {a["data-fingerprint"] for _, a in dom.elements if "data-fingerprint" in a}
    missing = [f["fingerprint"] for f in report["findings"] if f["fingerprint"] not in shown]
    if missing or not report["findings"]:
        fail(f"{where}: findings missing from the DOM: {missing}")
    details = [a for t, a in dom.elements if t == "details"]
    if len(details) != sum(1 for f in report["findings"] if not f["suppressed"]):
        fail(f"{where}: {len(details)} <details> for the unsuppressed findings")
    # The severity chart: five bars with the JSON's counts.
    bars = {a.get("data-severity"): a for t, a in dom.elements if t == "rect" and a.get("class") == "bar"}
    for severity, count in report["summary"]["by_severity"].items():
        bar = bars.get(severity)
        if bar is None or int(bar["data-count"]) != count:
            fail(f"{where}: severity bar {severity} missing or not {count}")
        if (float(bar["width"]) > 0) != (count > 0):
            fail(f"{where}: bar {severity} width {bar['width']} for {count} findings")
    # The matrix: a cell per (component, rule) with unsuppressed findings.
    pairs = {(f["export"], f["component"]["type"], f["component"]["name"], f["rule"])
             for f in report["findings"] if not f["suppressed"]}
    cells = [a for t, a in dom.elements if t == "rect" and a.get("class") == "cell"]
    if len(cells) != len(pairs):
        fail(f"{where}: {len(cells)} matrix cells for {len(pairs)} (app, rule) pairs")
    if tags.count("svg") != 2 or any("chart" not in a.get("class", "") for t, a in dom.elements if t == "svg"):
        fail(f"{where}: svg elements other than the two charts")


def check_inert(dom, where):
    for tag in ("script", "iframe", "img", "object", "embed", "frame", "link", "base", "form", "input"):
        found = [a for t, a in dom.elements if t == tag]
        if found:
            fail(f"{where}: <{tag}> in the DOM: {found[:3]}")
    for tag, attrs in dom.elements:
        for name, value in attrs.items():
            if name.startswith("on"):
                fail(f"{where}: <{tag} {name}=...> in the DOM")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value and \
                    re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                fail(f"{where}: <{tag} {name}={value!r}>")
    metas = [a for t, a in dom.elements if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
    if not metas or metas[0].get("content") != "default-src 'none'; style-src 'unsafe-inline'; img-src data:":
        fail(f"{where}: the Content-Security-Policy meta tag is missing or changed")


def check_printed_expanded(browser, html_path, out):
    """The PDF of the report has more pages than the PDF without the print rule that opens <details>."""
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    rule = "details::details-content{content-visibility:visible;display:block}"
    if rule not in page:
        fail("the print rule that expands <details> is missing")
    closed_path = os.path.join(out, "closed.html")
    with open(closed_path, "w", encoding="utf-8") as f:
        f.write(page.replace(rule, ""))

    def pages(path):
        pdf = path + ".pdf"
        browse(browser, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], "file://" + os.path.abspath(path))
        with open(pdf, "rb") as f:
            return len(re.findall(rb"/Type\s*/Page[^s]", f.read()))

    expanded, closed = pages(html_path), pages(closed_path)
    if not expanded > closed > 0:
        fail(f"printed, the report has {expanded} pages and {closed} with <details> closed: not expanded")
    return expanded, closed


def screenshot(browser, html_path, png, height=2200):
    browse(browser, [f"--screenshot={png}", f"--window-size=1360,{height}"], "file://" + os.path.abspath(html_path))
    if not os.path.exists(png) or os.path.getsize(png) < 10000:
        fail(f"no screenshot written to {png}")


def main():
    calint, root, out = sys.argv[1], sys.argv[2], sys.argv[3]
    docs_png = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--screenshot" else None
    os.chdir(root)
    os.makedirs(out, exist_ok=True)
    browser = chromium()
    if not browser:
        print("SKIP: chromium is not installed (scripts/setup.sh --tests installs it)")
        sys.exit(SKIP)
    try:
        probe = browse(browser, ["--dump-dom"], "data:text/html,<p>ok</p>", timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"SKIP: chromium cannot start: {e}")
        sys.exit(SKIP)
    if probe.returncode != 0 or "<p>ok</p>" not in probe.stdout:
        print(f"SKIP: chromium cannot start (exit {probe.returncode}): {probe.stderr.strip()[-500:]}")
        sys.exit(SKIP)

    sample_html, sample = calint_reports(calint, ["samples/source-org"], out, "sample")
    if docs_png:
        screenshot(browser, sample_html, docs_png, height=1500)
        print(f"wrote {docs_png}")
        return
    dom, _ = dump_dom(browser, sample_html)
    check_content(dom, sample, "sample org")
    check_inert(dom, "sample org")

    hostile_html, hostile = calint_reports(
        calint, ["tests/fixtures/injection-org", "--policy", "tests/fixtures/injection-org/policy.yaml"], out, "injection")
    dom, raw = dump_dom(browser, hostile_html)
    check_content(dom, hostile, "injection org")
    check_inert(dom, "injection org")
    text = "".join(dom.text)
    for payload in ("<script>alert(1)</script>", "\"><img src=x onerror=alert(6)>", "<svg/onload=alert(9)>",
                    "<iframe src=javascript:alert(5)></iframe>", "<img src=x onerror=alert(10)>",
                    "<script>alert('justification')</script>", "</td></tr></table><h1>owned</h1>",
                    "javascript:alert(3)"):
        if payload not in text:
            fail(f"injection org: payload {payload!r} is not shown as text")
    if [t for t, _ in dom.elements].count("h1") != 1:
        fail("injection org: a payload made an <h1>")

    expanded, closed = check_printed_expanded(browser, sample_html, out)
    screenshot(browser, sample_html, os.path.join(out, "sample.png"))
    screenshot(browser, hostile_html, os.path.join(out, "injection.png"))
    print(f"Chromium: {len(sample['inventory'])} apps, {len(sample['findings'])} findings and the charts of the "
          f"sample org; {len(hostile['findings'])} findings of the injection org, every payload inert; printed "
          f"{expanded} pages expanded ({closed} collapsed); screenshots in {out}")


if __name__ == "__main__":
    main()
