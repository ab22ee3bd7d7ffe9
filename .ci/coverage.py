#!/usr/bin/env python3
"""Merges the coverlet cobertura reports under a folder and fails below a line-coverage threshold for src/.

Each test project writes its own report; a line counts as covered when any report saw it run.
Usage: coverage.py RESULTS_DIR MIN_PERCENT
"""
import collections
import glob
import os
import sys
import xml.etree.ElementTree as ET

results, minimum = sys.argv[1], float(sys.argv[2])
reports = glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True)
if not reports:
    sys.exit(f"coverage: no coverage.cobertura.xml under {results}")

hits = collections.defaultdict(dict)  # file -> line -> covered
for report in reports:
    root = ET.parse(report).getroot()
    sources = [s.text or "" for s in root.iter("source")]
    for cls in root.iter("class"):
        name = cls.get("filename", "")
        path = name if os.path.isabs(name) else os.path.join(sources[0] if sources else "", name)
        path = os.path.normpath(path)
        if f"{os.sep}src{os.sep}" not in path:
            continue
        lines = hits[path]
        for line in cls.iter("line"):
            number = int(line.get("number"))
            lines[number] = lines.get(number, False) or int(line.get("hits", "0")) > 0

per_package = collections.defaultdict(lambda: [0, 0])
for path, lines in hits.items():
    package = path.split(f"{os.sep}src{os.sep}", 1)[1].split(os.sep, 1)[0]
    per_package[package][0] += sum(lines.values())
    per_package[package][1] += len(lines)

covered = sum(c for c, _ in per_package.values())
total = sum(t for _, t in per_package.values())
for package, (c, t) in sorted(per_package.items()):
    print(f"coverage: {package:40} {100.0 * c / max(t, 1):6.2f}% ({c}/{t} lines)")
percent = 100.0 * covered / max(total, 1)
print(f"coverage: {'all of src/':40} {percent:6.2f}% ({covered}/{total} lines), minimum {minimum:.0f}%")
if percent < minimum:
    sys.exit(f"coverage: {percent:.2f}% is below the {minimum:.0f}% minimum")
