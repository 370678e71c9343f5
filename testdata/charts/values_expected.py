#!/usr/bin/env python3
"""Renders the value-test charts with real Helm and stores what each chart's .Values became.

A value-test chart is a directory testdata/charts/<feature>/ whose every chart and subchart
has templates/values.yaml printing .Chart.Name, toJson .Values and toJson .Chart.Dependencies:
    cases.txt               `<label> <release> <namespace> [values files]` per line (shared with
                            the chart snapshot suite of testdata/generate.py)
    values-cases.txt        the same, for error cases whose text differs between Helm's SDK and
                            its CLI (only render-core/tests/values_charts.rs reads them)
    values/*.yaml           user values files
    expected/<label>.json   {"templates": {path: output}, "warnings": [...]} from real Helm
    expected/<label>.error  Helm's error text, when the render fails
Their .helmignore keeps this material out of the chart.

Runs shared/tools/helm-oracle (Helm v4.2.3) like `helm template`:
    python3 testdata/charts/values_expected.py [feature ...]
"""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "..", "..", "..", "shared", "tools", "helm-oracle")
if not os.path.exists(ORACLE):
    ORACLE = "/work/shared/tools/helm-oracle"
# Go's log prefix: "2006/01/02 15:04:05 "
LOG_PREFIX = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ")


def render(d, label, release, namespace, files):
    cmd = [ORACLE, "template", ".", release, "-n", namespace, "--json"]
    for f in files:
        cmd += ["-f", f]
    p = subprocess.run(cmd, cwd=d, capture_output=True, text=True)
    out = os.path.join(d, "expected")
    os.makedirs(out, exist_ok=True)
    for ext in (".json", ".error"):
        if os.path.exists(os.path.join(out, label + ext)):
            os.remove(os.path.join(out, label + ext))
    if p.returncode != 0:
        err = "\n".join(l for l in p.stderr.splitlines() if not LOG_PREFIX.match(l))
        with open(os.path.join(out, label + ".error"), "w") as fh:
            fh.write(err + "\n")
        return
    logs = [LOG_PREFIX.sub("", l) for l in p.stderr.splitlines() if LOG_PREFIX.match(l)]
    templates = json.loads(p.stdout)["templates"]
    keep = {k: v for k, v in templates.items() if k.endswith("templates/values.yaml")}
    with open(os.path.join(out, label + ".json"), "w") as fh:
        json.dump({"templates": keep, "warnings": sorted(set(logs))}, fh, indent=1,
                  sort_keys=True, ensure_ascii=False)
        fh.write("\n")


def is_value_test(d):
    return os.path.exists(os.path.join(d, "templates", "values.yaml")) and \
        os.path.exists(os.path.join(d, "cases.txt"))


def main():
    features = sys.argv[1:] or sorted(f for f in os.listdir(HERE) if is_value_test(os.path.join(HERE, f)))
    for feature in features:
        d = os.path.join(HERE, feature)
        for name in ("cases.txt", "values-cases.txt"):
            path = os.path.join(d, name)
            if not os.path.exists(path):
                continue
            for line in open(path):
                parts = line.split("#")[0].split()
                if parts:
                    render(d, parts[0], parts[1], parts[2], parts[3:])
                    print(feature, parts[0])


if __name__ == "__main__":
    main()
