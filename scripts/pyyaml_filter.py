#!/usr/bin/env python3
"""The peer for scripts/bench.sh: load a catalog with PyYAML's C loader, keep one
family, print the ids: the same job as `roadmap --no-default --catalog FILE list
--family FAMILY --format ids`."""
import sys

import yaml

path, family = sys.argv[1], sys.argv[2]
with open(path, "rb") as handle:
    catalog = yaml.load(handle, Loader=yaml.CSafeLoader)
for paper in catalog["papers"]:
    if paper["family"] == family:
        print(paper["id"])
