#!/usr/bin/env python3
"""Compares the allocation.csv of two `veloxquant tune`/`allocate` outputs: which menu entry every
group got (must be identical) and how far the measured values lie apart (relative).
Usage: tools/compare_allocations.py A/allocation.csv B/allocation.csv"""
import csv
import sys


def rows(path):
    with open(path, newline="") as f:
        return {r["group"]: r for r in csv.DictReader(f)}


a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a.keys() != b.keys():
    sys.exit(f"different groups: {len(a)} vs {len(b)}")
entry_cols = [c for c in next(iter(a.values())) if c.endswith("_entry")]
value_cols = [c for c in next(iter(a.values())) if c.endswith(("_predicted", "_measured"))]
same = sum(all(a[g][c] == b[g][c] for c in entry_cols) for g in a)
worst = 0.0
for g in a:
    for c in value_cols:
        x, y = float(a[g][c] or 0), float(b[g][c] or 0)
        if x != y:
            worst = max(worst, abs(x - y) / max(abs(x), abs(y)))
print(f"{same} of {len(a)} groups got the same entries ({', '.join(entry_cols)}); "
      f"largest relative difference of a measured value: {worst:.2g}")
sys.exit(0 if same == len(a) else 1)
