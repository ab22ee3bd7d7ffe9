#!/usr/bin/env python3
"""Adds up the TRX files under a folder and prints one closing line: 'Tests: N passed, N failed, N skipped'."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for trx in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    counters = next(ET.parse(trx).getroot().iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters"), None)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
