#!/usr/bin/env python3
"""The Markdown report through GitHub's own renderer (Debian's cmark-gfm, with the table and
autolink extensions and raw HTML let through): the HTML it makes must hold only the elements calint
writes, no link but those --link-base asks for (no autolink from a URL in a message), and every
finding. Run on the sample org and on tests/fixtures/injection-org, whose labels carry Markdown and
HTML payloads. Exit 77 (skipped, with a message) when cmark-gfm is missing."""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
ALLOWED = {"h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong", "code", "br",
           "details", "summary", "blockquote", "a"}
LINK_BASE = "https://github.com/example/repo/blob/0123abc"


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def as_shown(s):
    """`s` as calint prints it (escape_controls): control characters as \\xNN; C1 controls,
    U+2028/U+2029 and bidirectional controls as \\uNNNN."""
    out = []
    for c in s:
        o = ord(c)
        if (o < 0x20 and c not in "\t\n\r") or o == 0x7F:
            out.append(f"\\x{o:02x}")
        elif 0x80 <= o <= 0x9F or o in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029) or 0x202A <= o <= 0x202E \
                or 0x2066 <= o <= 0x2069:
            out.append(f"\\u{o:04x}")
        else:
            out.append(c)
    return "".join(out)


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def main():
    calint, root = sys.argv[1], sys.argv[2]
    os.chdir(root)
    cmark = shutil.which("cmark-gfm")
    if not cmark:
        print("SKIP: cmark-gfm is not installed (scripts/setup.sh --tests installs it)")
        sys.exit(SKIP)
    cases = [(["samples/source-org"], []), (["samples/source-org", "samples/partial-org", "--policy",
                                             "samples/policies/strict.yaml"], ["--link-base", LINK_BASE]),
             (["tests/fixtures/injection-org", "--policy", "tests/fixtures/injection-org/policy.yaml"], []),
             (["tests/fixtures/injection-org", "--policy", "tests/fixtures/injection-org/policy.yaml"],
              ["--link-base", LINK_BASE])]
    with tempfile.TemporaryDirectory() as tmp:
        for args, options in cases:
            where = " ".join(args + options)
            json_path, md_path = os.path.join(tmp, "r.json"), os.path.join(tmp, "r.md")
            subprocess.run([calint, "audit", *args, *options, "--exit-zero", "-o", f"json:{json_path}", "-o",
                            f"markdown:{md_path}"], check=True, capture_output=True)
            report = json.load(open(json_path, encoding="utf-8"))
            markdown = open(md_path, encoding="utf-8").read()
            if len(markdown) >= 60000:
                fail(f"{where}: {len(markdown)} characters")
            rendered = subprocess.run([cmark, "-e", "table", "-e", "autolink", "-e", "strikethrough", "--unsafe"],
                                      input=markdown, capture_output=True, text=True, check=True).stdout
            dom = Dom()
            dom.feed(rendered)
            tags = [t for t, _ in dom.elements]
            stray = sorted(set(tags) - ALLOWED)
            if stray:
                fail(f"{where}: elements calint does not write: {stray}")
            links = [a.get("href", "") for t, a in dom.elements if t == "a"]
            located = [f for f in report["findings"] if not f["suppressed"] and f["file"]]
            if "--link-base" in options:
                if len(links) != len(located) or any(not h.startswith(LINK_BASE + "/") for h in links):
                    fail(f"{where}: {len(links)} links for {len(located)} located findings: {links[:3]}")
            elif links:
                fail(f"{where}: links without --link-base: {links[:3]}")
            items = sum(1 for t, _ in dom.elements if t == "li")
            findings = sum(1 for f in report["findings"] if not f["suppressed"])
            if items < findings:
                fail(f"{where}: {items} list items for {findings} findings")
            text = " ".join("".join(dom.text).split())
            for f in report["findings"]:
                label = " ".join(as_shown(f["component"].get("label", "")).split())
                if label and label not in text:
                    fail(f"{where}: label {label!r} not shown as text")
    print(f"{len(cases)} Markdown reports rendered by cmark-gfm: only calint's elements, links only from "
          f"--link-base, every finding")


if __name__ == "__main__":
    main()
