#!/usr/bin/env python3
"""Fails when a packed package lacks what a consumer relies on: repository URL and commit, project URL, MIT licence,
readme, release notes, a source link into the repository (in the .snupkg's PDB), and the analyzer in the core package.

Usage: verify-packages.py <folder with .nupkg/.snupkg> <repository URL>
"""
import glob
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

folder, repository = sys.argv[1], sys.argv[2].rstrip("/")
raw = repository.replace("https://github.com/", "https://raw.githubusercontent.com/")
problems = []
packages = sorted(p for p in glob.glob(os.path.join(folder, "*.nupkg")))
if not packages:
    problems.append(f"no .nupkg in {folder}")

for package in packages:
    name = os.path.basename(package)
    with zipfile.ZipFile(package) as z:
        nuspec = next(n for n in z.namelist() if n.endswith(".nuspec"))
        root = ET.fromstring(z.read(nuspec))
        ns = {"n": root.tag.split("}")[0].strip("{")}
        meta = root.find("n:metadata", ns)
        get = lambda tag: meta.find(f"n:{tag}", ns)
        repo = get("repository")
        if repo is None or repo.get("url") != repository or not re.fullmatch(r"[0-9a-f]{40}", repo.get("commit") or ""):
            problems.append(f"{name}: <repository> must carry url=\"{repository}\" and a commit, found {None if repo is None else repo.attrib}")
        for tag, want in (("projectUrl", repository), ("license", "MIT")):
            element = get(tag)
            if element is None or element.text != want:
                problems.append(f"{name}: <{tag}> must be {want!r}, found {None if element is None else element.text!r}")
        for tag in ("readme", "releaseNotes", "description"):
            element = get(tag)
            if element is None or not (element.text or "").strip():
                problems.append(f"{name}: <{tag}> is missing")
        readme = get("readme")
        if readme is not None and readme.text not in z.namelist():
            problems.append(f"{name}: the readme {readme.text} is not in the package")
        if name.startswith("AsyncEnumTesting.0") and "analyzers/dotnet/cs/AsyncEnumTesting.Analyzers.dll" not in z.namelist():
            problems.append(f"{name}: the core package must ship the AET0001 analyzer in analyzers/dotnet/cs")

    symbols = package[: -len(".nupkg")] + ".snupkg"
    if not os.path.exists(symbols):
        problems.append(f"{name}: no symbols package {os.path.basename(symbols)}")
        continue
    with zipfile.ZipFile(symbols) as z:
        pdbs = [n for n in z.namelist() if n.endswith(".pdb")]
        if not pdbs:
            problems.append(f"{os.path.basename(symbols)}: no PDB")
        for pdb in pdbs:
            if raw.encode() not in z.read(pdb):
                problems.append(f"{os.path.basename(symbols)}: {pdb} has no source link into {raw} (SourceLink came out empty)")

for problem in problems:
    print("package check: " + problem, file=sys.stderr)
print(f"Packages: {len(packages)} checked, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
