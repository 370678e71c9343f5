#!/usr/bin/env python3
"""Rebuilds charts/packed-0.1.0.tgz from the `packed` chart directory given as argument
(the archive is committed; the source lives only here as the archive's contents)."""
import io, os, sys, tarfile
src = sys.argv[1]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "charts", "packed-0.1.0.tgz")
with tarfile.open(out, "w:gz", format=tarfile.GNU_FORMAT) as tar:
    for root, _, files in sorted(os.walk(src)):
        for name in sorted(files):
            path = os.path.join(root, name)
            arc = os.path.join("packed", os.path.relpath(path, src))
            info = tar.gettarinfo(path, arc)
            info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
            with open(path, "rb") as f:
                tar.addfile(info, f)
