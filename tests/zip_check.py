#!/usr/bin/env python3
"""Retrieve zips end to end with the real binary: a zip gives the same findings as its unpacked tree,
and every hostile or broken zip is refused as a whole (exit 2, other paths still audited) without a
byte written anywhere.

Zips are built here (Python's zipfile, or raw bytes for what zipfile will not write: encrypted
entries, lying sizes); no binary fixtures.

usage: zip_check.py CALINT SOURCE_DIR"""
import io
import json
import os
import pathlib
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

CALINT = os.path.abspath(sys.argv[1])
SOURCE = pathlib.Path(sys.argv[2]).resolve()
AS_OF = ["--as-of", "2026-06-01"]
failures = []

APP = b"""<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>X</label>
    <oauthConfig>
        <isAdminApproved>true</isAdminApproved>
        <scopes>Full</scopes>
    </oauthConfig>
    <profileName>Nobody</profileName>
</ConnectedApp>
"""


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(args, cwd, env=None):
    """`calint audit ARGS...`: exit code, stdout, stderr."""
    p = subprocess.run([CALINT, "audit", *args], cwd=cwd, env=env, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def snapshot(*roots):
    """Every path under the roots with its size and mtime: what a run must leave untouched."""
    seen = {}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames:
                p = os.path.join(dirpath, name)
                st = os.lstat(p)
                seen[p] = (st.st_size, st.st_mtime_ns)
    return seen


def write_zip(path, entries, compression=zipfile.ZIP_DEFLATED):
    """entries: (name, bytes) or a ZipInfo with bytes."""
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in entries:
            z.writestr(name, data)


def raw_zip(entries):
    """A zip written byte by byte: entries are dicts with name, data (stored as is), and optional
    declared size, crc, flags and external attributes. Used for what zipfile refuses to write."""
    out = io.BytesIO()
    central = []
    for e in entries:
        name = e["name"].encode()
        data = e.get("data", b"")
        crc = e.get("crc", zlib.crc32(data))
        size = e.get("size", len(data))
        flags = e.get("flags", 0)
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 0, 0, 0, crc, len(data), size, len(name), 0))
        out.write(name)
        out.write(data)
        central.append(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, flags, 0, 0, 0, crc, len(data), size,
                        len(name), 0, 0, 0, 0, e.get("external", 0o100644 << 16), offset) + name)
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, start, 0))
    return out.getvalue()


def findings(report_text):
    doc = json.loads(report_text)
    out = []
    for f in doc["findings"]:
        path = f["file"]
        if path is not None:
            path = path.split("!/", 1)[1] if "!/" in path else path
        out.append((f["rule"], f["fingerprint"], f["message"], f["line"], f["column"], f["component"]["name"], path))
    return sorted(out)


def same_as_folder(tmp):
    """The sample org zipped (metadata-API and source format) gives the unpacked tree's findings."""
    for sample, top in (("samples/mdapi-org", "unpackaged"), ("samples/source-org", "")):
        tree = tmp / ("tree-" + sample.replace("/", "-"))
        inner = tree / top if top else tree
        shutil.copytree(SOURCE / sample, inner)
        archive = tmp / (tree.name + ".zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for p in sorted(tree.rglob("*")):
                z.write(p, p.relative_to(tree).as_posix())  # folders too, as retrieves write them
        code_zip, out_zip, _ = run([str(archive), "--format", "json", *AS_OF], tmp)
        code_dir, out_dir, _ = run([str(tree), "--format", "json", *AS_OF], tmp)
        zf = findings(out_zip)
        df = [(r, fp, m, l, c, n, p[len(str(tree)) + 1:] if p else p) for r, fp, m, l, c, n, p in findings(out_dir)]
        check(code_zip == code_dir == 1, f"{sample}: zip and folder exit 1 ({code_zip}, {code_dir})")
        check(len(zf) > 10 and zf == sorted(df), f"{sample}: zip findings equal the unpacked tree's")
        doc = json.loads(out_zip)
        first = next(f["file"] for f in doc["findings"] if f["file"])
        check(first.startswith(str(archive) + "!/"), f"{sample}: paths inside the zip are written ZIP!/ENTRY ({first})")


HOSTILE = {
    "absolute": (lambda: zip_bytes([("/etc/X.connectedApp", APP)]), "entry '/etc/X.connectedApp' has an absolute path"),
    "dotdot": (lambda: zip_bytes([("unpackaged/../../X.connectedApp", APP)]),
               "entry 'unpackaged/../../X.connectedApp' has '..' in its path"),
    "backslash-dotdot": (lambda: zip_bytes([("unpackaged\\..\\X.connectedApp", APP)]), "has '..' in its path"),
    "windows-absolute": (lambda: zip_bytes([("C:/X.connectedApp", APP)]), "has an absolute path"),
    "symlink": (lambda: raw_zip([{"name": "unpackaged/connectedApps/X.connectedApp", "data": b"/etc/passwd",
                                   "external": 0o120777 << 16}]), "is a symbolic link"),
    "encrypted": (lambda: raw_zip([{"name": "unpackaged/connectedApps/X.connectedApp", "data": APP, "flags": 1}]),
                  "is encrypted"),
    "ratio": (lambda: zip_bytes([("unpackaged/connectedApps/X.connectedApp", APP + b" " * (4 << 20))]),
              "has a compression ratio over 200:1"),
    "entry-size": (lambda: raw_zip([{"name": "unpackaged/connectedApps/X.connectedApp", "data": APP,
                                     "size": (256 << 20) + 1}]),
                   "inflates to 268435457 bytes, more than the limit of 256 MiB (raise it with --zip-max-entry-size)"),
    "total-size": (lambda: raw_zip([{"name": f"unpackaged/f{i}.txt", "data": b"x" * 100, "size": 250 << 20}
                                    for i in range(17)]),
                   "its entries inflate to more than the limit of 4 GiB in total (raise it with --zip-max-total-size)"),
    "bad-crc": (lambda: raw_zip([{"name": "unpackaged/connectedApps/X.connectedApp", "data": APP, "crc": 1234}]),
                "entry 'unpackaged/connectedApps/X.connectedApp' is corrupt"),
    "longer-than-declared": (lambda: raw_zip([{"name": "unpackaged/connectedApps/X.connectedApp", "data": APP,
                                               "size": 10, "crc": zlib.crc32(APP[:10])}]),
                             "is corrupt"),
    "truncated": (lambda: zip_bytes([("unpackaged/connectedApps/X.connectedApp", APP)])[:-30], "not a readable zip"),
    "not-a-zip": (lambda: b"just text\n", "not a readable zip archive"),
    "duplicate-name": (lambda: raw_zip([{"name": "unpackaged/connectedApps/X.connectedApp", "data": APP},
                                        {"name": "unpackaged/connectedApps/X.connectedApp", "data": APP}]),
                       "two of its entries"),
}


def zip_bytes(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


def hostile(tmp):
    zips = tmp / "zips"
    zips.mkdir()
    work = tmp / "work"
    work.mkdir()
    scratch = tmp / "scratch"  # TMPDIR of the runs: nothing may appear there either
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch))
    for name, (make, expected) in HOSTILE.items():
        path = zips / f"{name}.zip"
        path.write_bytes(make())
    before = snapshot(zips, work, scratch)
    for name, (_, expected) in HOSTILE.items():
        path = zips / f"{name}.zip"
        code, out, err = run([str(path), str(SOURCE / "samples/source-org"), "--format", "json", *AS_OF], work, env)
        check(code == 2, f"{name}: exit 2 (got {code}; {err.strip()})")
        doc = json.loads(out)
        errors = [e for e in doc["errors"] if e["path"] == str(path)]
        check(len(errors) == 1 and errors[0]["message"].startswith("zip refused, nothing in it was audited: ")
              or name in ("truncated", "not-a-zip") and len(errors) == 1,
              f"{name}: one error for the zip ({doc['errors']})")
        check(any(expected in e["message"] for e in errors), f"{name}: error says '{expected}' ({errors})")
        check(not any(f["file"] and f["file"].startswith(str(path)) for f in doc["findings"]),
              f"{name}: nothing in the refused zip is reported")
        check(any(f["rule"] == "CA101" and "source-org" in (f["file"] or "") for f in doc["findings"]),
              f"{name}: the other path is still audited")
    check(snapshot(zips, work, scratch) == before, "hostile zips: nothing was written (zips, cwd, TMPDIR unchanged)")


def limits(tmp):
    """Limits are raisable: a zip refused by default passes with a higher limit, and the default
    entry count is exactly 100,000."""
    ratio = tmp / "ratio.zip"
    ratio.write_bytes(HOSTILE["ratio"][0]())
    code, _, err = run([str(ratio), "--zip-max-ratio", "100000", *AS_OF], tmp)
    check(code == 1, f"--zip-max-ratio lets a highly compressed zip through (exit {code}: {err})")
    names = [(f"unpackaged/x/{i}.txt", b"") for i in range(100_000)]
    at_limit = tmp / "at-limit.zip"
    write_zip(at_limit, names[:99_999] + [("unpackaged/connectedApps/X.connectedApp", APP)], zipfile.ZIP_STORED)
    code, _, err = run([str(at_limit), *AS_OF], tmp)
    check(code == 1, f"100,000 entries are accepted (exit {code}: {err.strip()[:200]})")
    over = tmp / "over-limit.zip"
    write_zip(over, names + [("unpackaged/connectedApps/X.connectedApp", APP)], zipfile.ZIP_STORED)
    code, out, err = run([str(over), *AS_OF], tmp)
    check(code == 2 and "it has 100001 entries, more than the limit of 100000 (raise it with --zip-max-entries)" in out + err,
          f"100,001 entries are refused ({code}: {err.strip()[:300]})")
    code, _, err = run([str(over), "--zip-max-entries", "200000", *AS_OF], tmp)
    check(code == 1, f"--zip-max-entries raises the limit (exit {code})")
    code, out, err = run([str(ratio), "--zip-max-entry-size", "1KiB", "--zip-max-ratio", "100000", *AS_OF], tmp)
    check(code == 2 and "more than the limit of 1 KiB" in out + err, f"--zip-max-entry-size lowers the limit ({err})")
    # A zip found while walking a folder is not opened: it is a skipped file.
    folder = tmp / "folder"
    folder.mkdir()
    (folder / "inner.zip").write_bytes(zip_bytes([("unpackaged/connectedApps/X.connectedApp", APP)]))
    (folder / "Y.connectedApp-meta.xml").write_bytes(APP)
    code, out, _ = run([str(folder), "--format", "json", *AS_OF], tmp)
    doc = json.loads(out)
    check(all("inner.zip" not in (f["file"] or "") for f in doc["findings"]) and doc["summary"]["files_skipped"] == 1,
          "a zip inside a folder is skipped, not opened")


def at_and_past(tmp):
    """Each size limit, lowered: a zip exactly at it is audited, one byte (or one ratio step) past it
    is refused whole, and the other path is still audited."""
    name = "unpackaged/connectedApps/X.connectedApp"
    data = APP + b" " * 20000
    path = tmp / "limits.zip"
    noise = random.Random(1).randbytes(1000)  # compresses about 1:1, under any ratio tested
    write_zip(path, [(name, data), ("unpackaged/readme.txt", noise)])
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
        size, comp = info.file_size, info.compress_size
        total = sum(i.file_size for i in z.infolist())
    ratio = -(-size // comp)  # the smallest whole ratio the entry keeps
    other = str(SOURCE / "samples/source-org")
    cases = [
        ("--zip-max-entry-size", str(size), str(size - 1),
         f"entry '{name}' inflates to {size} bytes, more than the limit of {size - 1} bytes "
         "(raise it with --zip-max-entry-size)"),
        ("--zip-max-total-size", str(total), str(total - 1),
         f"its entries inflate to more than the limit of {total - 1} bytes in total (raise it with --zip-max-total-size)"),
        ("--zip-max-ratio", str(ratio), str(ratio - 1),
         f"entry '{name}' has a compression ratio over {ratio - 1}:1"),
        ("--zip-max-entries", "2", "1", "it has 2 entries, more than the limit of 1 (raise it with --zip-max-entries)"),
    ]
    for option, at, past, message in cases:
        code, out, err = run([str(path), other, "--format", "json", option, at, *AS_OF], tmp)
        doc = json.loads(out)
        check(code == 1 and not doc["errors"] and any(f["file"].startswith(str(path)) for f in doc["findings"]),
              f"{option} {at}: a zip at the limit is audited (exit {code}: {err.strip()[:200]})")
        code, out, err = run([str(path), other, "--format", "json", option, past, *AS_OF], tmp)
        doc = json.loads(out)
        check(code == 2 and [e["path"] for e in doc["errors"]] == [str(path)]
              and doc["errors"][0]["message"].startswith("zip refused, nothing in it was audited: " + message)
              and option in doc["errors"][0]["message"],
              f"{option} {past}: a zip one past the limit is refused ({doc['errors']})")
        check(any("source-org" in (f["file"] or "") for f in doc["findings"]),
              f"{option} {past}: the other path is still audited")


def main():
    with tempfile.TemporaryDirectory(prefix="calint-zip-") as t:
        tmp = pathlib.Path(t)
        same_as_folder(tmp)
        hostile(tmp)
        limits(tmp)
        at_and_past(tmp)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("zip checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
