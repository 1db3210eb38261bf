#!/usr/bin/env python3
"""Folder-level include graph of a source tree: prints each folder's dependencies and every
cycle between folders; exits 1 when there is one. Usage: check-include-cycles.py [ROOT]"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "server-stub")
include = re.compile(r'#include "([^"]+)"')
edges = {}
for source in root.rglob("*"):
    if source.suffix not in {".h", ".cpp"}:
        continue
    here = str(source.parent)
    for target in include.findall(source.read_text()):
        folder = str(pathlib.Path(target).parent)
        if folder.startswith(str(root)) and folder != here:
            edges.setdefault(here, set()).add(folder)


def reaches(start, goal, seen):
    for step in edges.get(start, ()):
        if step == goal or (step not in seen and reaches(step, goal, seen | {step})):
            return True
    return False


cycles = sorted({tuple(sorted((a, b))) for a in edges for b in edges[a] if reaches(b, a, {b})})
for folder in sorted(edges):
    print(f"{folder} -> {', '.join(sorted(edges[folder]))}")
for a, b in cycles:
    print(f"CYCLE: {a} <-> {b}")
print(f"{len(cycles)} folder pairs in a cycle")
sys.exit(1 if cycles else 0)
