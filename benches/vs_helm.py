#!/usr/bin/env python3
"""Speed against real Helm, in one run: every case of the real-chart corpus rendered by Helm's
own Go engine (helm-python-sdk, in-process: chart load + values + render, no process start)
and by our CLI (`render template ...`, a whole process each time: start, load, render, sort,
print). Prints the best of N runs of each in milliseconds and the ratio.

    pip install helm-python-sdk==0.2.2
    cargo build --release -p render-cli
    python3 benches/vs_helm.py [--runs 5] [CASE_SUBSTRING ...]

Helm gets the friendlier measurement (no process start, no manifest sorting); our numbers
include everything `render template` does.
"""
import argparse
import os
import subprocess
import sys
import time

try:
    import helm_python as helm
except ImportError:
    sys.exit("vs_helm.py: needs `pip install helm-python-sdk==0.2.2`")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
RENDER = os.path.join(ROOT, "target", "release", "render")


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def cases(filters):
    for name in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, name, "cases.txt")
        if not os.path.isfile(path):
            continue
        for line in open(path):
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            label = f"{name}/{words[0]}"
            if filters and not any(f in label for f in filters):
                continue
            yield label, os.path.join(CORPUS, name), words[1], words[2], words[3:]


def best(runs, fn):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        ok = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("filters", nargs="*")
    args = ap.parse_args()
    total_helm = total_ours = 0.0
    print(f"{'case':44} {'helm ms':>8} {'render ms':>9} {'ratio':>6}")
    for label, case_dir, release, namespace, files in cases(args.filters):
        chart = os.path.join(case_dir, "chart")
        values = {}
        try:
            for f in files:
                with open(os.path.join(case_dir, f), encoding="utf-8") as fh:
                    values = merge(values, helm.values_from_yaml(fh.read()) or {})
        except helm.HelmError:
            continue  # values Helm cannot load: an error case

        def helm_render():
            try:
                helm.Chart.load(chart).render(values=values, name=release, namespace=namespace,
                                              is_install=True, revision=1)
                return True
            except helm.HelmError:
                return False

        cmd = [RENDER, "template", release, chart, "-n", namespace]
        for f in files:
            cmd += ["-f", os.path.join(case_dir, f)]

        def ours():
            return subprocess.run(cmd, capture_output=True).returncode == 0

        helm_ms, helm_ok = best(args.runs, helm_render)
        ours_ms, ours_ok = best(args.runs, ours)
        if not helm_ok or not ours_ok:
            continue  # error cases say nothing about speed
        total_helm += helm_ms
        total_ours += ours_ms
        print(f"{label:44} {helm_ms:8.1f} {ours_ms:9.1f} {helm_ms / ours_ms:5.1f}x")
    if total_ours:
        print(f"{'total':44} {total_helm:8.1f} {total_ours:9.1f} {total_helm / total_ours:5.1f}x")


if __name__ == "__main__":
    main()
