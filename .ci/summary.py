#!/usr/bin/env python3
"""Adds up the TRX files under a folder and prints one closing line: 'Tests: N passed, N failed, N skipped'.

Before that line it prints every failed test with its message and the start of its stack trace and output, so that the
tail of a CI log (often the only part anyone sees) names the test that failed and why."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def text(node, path, limit):
    found = node.find(path)
    if found is None or not found.text:
        return ""
    lines = found.text.strip().splitlines()
    cut = lines[:limit] + ([f"... ({len(lines) - limit} more lines)"] if len(lines) > limit else [])
    return "\n".join("    " + line for line in cut)


passed = failed = skipped = 0
failures = []
for trx in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    root = ET.parse(trx).getroot()
    counters = next(root.iter(NS + "Counters"), None)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
    assemblies = {test.get("id"): os.path.basename(method.get("codeBase", "")) for test in root.iter(NS + "UnitTest")
                  for method in test.iter(NS + "TestMethod")}
    for result in root.iter(NS + "UnitTestResult"):
        if result.get("outcome") in ("Failed", "Error", "Timeout"):
            failures.append((assemblies.get(result.get("testId"), "?") + ", " + os.path.basename(trx), result))

for where, result in failures:
    print(f"FAILED {result.get('testName')} ({where}, {result.get('duration')})")
    for label, path, limit in (("message", "ErrorInfo/Message", 60), ("stack", "ErrorInfo/StackTrace", 15),
                               ("output", "StdOut", 40)):
        body = text(result, f"{NS}Output/{NS}{path.replace('/', '/' + NS)}", limit)
        if body:
            print(f"  {label}:\n{body}")
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
