#!/usr/bin/env python3
"""Coalesces values with real Helm (helm_python, v4.2.3) for a chart tree given as JSON.

    coalesce_probe.py '<tree>' '<user values>'
tree: {"name": "top", "values": {...}, "deps": [tree, ...]}. Prints the coalesced values as Go's
json.Marshal would (compact, sorted keys), then any log lines (warnings) Helm emitted.
Used to obtain the expectations of render-core/src/values/coalesce/tests.rs.
"""
import json, logging, os, sys, tempfile
import helm_python as h

records = []
class Grab(logging.Handler):
    def emit(self, r):
        records.append(r.getMessage())
log = logging.getLogger("probe"); log.addHandler(Grab()); log.setLevel(logging.DEBUG); log.propagate = False
h.enable_logging(logging.DEBUG, log)

def write(tree, d):
    os.makedirs(d)
    with open(d + "/Chart.yaml", "w") as f:
        f.write("apiVersion: v2\nname: %s\nversion: 1.0.0\n" % tree["name"])
    if "values" in tree:
        with open(d + "/values.yaml", "w") as f:
            f.write(json.dumps(tree["values"]))
    for sub in tree.get("deps", []):
        write(sub, d + "/charts/" + sub["name"])

tree = json.loads(sys.argv[1]); user = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
d = tempfile.mkdtemp() + "/c"
write(tree, d)
# Go's log.Printf writes straight to file descriptor 2: catch it in a file.
errfile = tempfile.TemporaryFile()
saved = os.dup(2)
os.dup2(errfile.fileno(), 2)
try:
    out = h.Chart.load(d).merge_values(user)
    result = json.dumps(out, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
except h.HelmError as e:
    result = "ERROR: %s" % e
os.dup2(saved, 2)
print(result)
errfile.seek(0)
for line in errfile.read().decode().splitlines():
    print("LOG:", line.split(" ", 2)[2] if line[:2] == "20" else line)
for r in records:
    print("SLOG:", r)
