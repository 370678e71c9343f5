#!/usr/bin/env python3
"""Renders the value-test charts with real Helm and stores what each chart's .Values became.

Layout of a feature directory (testdata/charts/<feature>/):
    chart/                  the chart (every chart and subchart has templates/values.yaml
                            printing .Chart.Name, toJson .Values and toJson .Chart.Dependencies)
    values/*.yaml           user values files
    cases.txt               one render per line: <label> [values file ...]
    expected/<label>.json   {"templates": {path: output}, "warnings": [...]} from real Helm
    expected/<label>.error  Helm's error text, when the render fails

Runs shared/tools/helm-oracle (Helm v4.2.3) as `helm template release ./chart -f ...`.
    python3 testdata/charts/generate.py [feature ...]
"""
import json, os, re, subprocess, sys

ORACLE = "/work/shared/tools/helm-oracle"
HERE = os.path.dirname(os.path.abspath(__file__))
# Go's log.Printf prefix: "2006/01/02 15:04:05 "
LOG_PREFIX = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ")


def render(feature, label, files):
    d = os.path.join(HERE, feature)
    cmd = [ORACLE, "template", "./chart", "release", "--json"]
    for f in files:
        cmd += ["-f", "values/" + f]
    p = subprocess.run(cmd, cwd=d, capture_output=True, text=True)
    out = os.path.join(d, "expected")
    os.makedirs(out, exist_ok=True)
    for ext in (".json", ".error"):
        if os.path.exists(os.path.join(out, label + ext)):
            os.remove(os.path.join(out, label + ext))
    logs = [LOG_PREFIX.sub("", l) for l in p.stderr.splitlines() if LOG_PREFIX.match(l)]
    if p.returncode != 0:
        err = "\n".join(l for l in p.stderr.splitlines() if not LOG_PREFIX.match(l))
        with open(os.path.join(out, label + ".error"), "w") as fh:
            fh.write(err + "\n")
        return
    templates = json.loads(p.stdout)["templates"]
    keep = {k: v for k, v in templates.items() if k.endswith("templates/values.yaml")}
    with open(os.path.join(out, label + ".json"), "w") as fh:
        json.dump({"templates": keep, "warnings": sorted(set(logs))}, fh, indent=1,
                  sort_keys=True, ensure_ascii=False)
        fh.write("\n")


def main():
    features = sys.argv[1:] or sorted(
        f for f in os.listdir(HERE) if os.path.exists(os.path.join(HERE, f, "cases.txt")))
    for feature in features:
        with open(os.path.join(HERE, feature, "cases.txt")) as fh:
            for line in fh:
                parts = line.split()
                if parts:
                    render(feature, parts[0], parts[1:])
                    print(feature, parts[0])


if __name__ == "__main__":
    main()
