#!/usr/bin/env python3
"""Third-party headers stay in the layer that links the library (CMakeLists.txt, calint_layer).

Project headers need no check: each layer sees only the include folders of the layers it links, so
an #include that crosses the layering does not compile. System headers of a library are visible
everywhere, so this test keeps them where the library is linked."""
import pathlib
import re
import sys

ALLOWED = {
    "pugixml.hpp": {"load", "report"},
    "zip.h": {"load"},
    "yaml-cpp/": {"policy"},
    "CLI/": {"cli"},
    "nlohmann/": {"report", "cli", "engine"},
    "openssl/": {"core"},
}

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
bad = []
for path in sorted((root / "src").rglob("*")):
    if path.suffix not in (".h", ".cpp") or path.name == "main.cpp":
        continue
    layer = path.relative_to(root / "src").parts[0]
    for n, line in enumerate(path.read_text().splitlines(), 1):
        m = re.match(r'\s*#\s*include\s*<([^>]+)>', line)
        if not m:
            continue
        for prefix, layers in ALLOWED.items():
            if m.group(1).startswith(prefix) and layer not in layers:
                bad.append(f"{path.relative_to(root)}:{n}: <{m.group(1)}> belongs to {', '.join(sorted(layers))}")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
