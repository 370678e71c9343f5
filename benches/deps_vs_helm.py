#!/usr/bin/env python3
"""`dependency update` against real Helm, in one run: a wrapper chart with 10 dependencies
from an HTTP chart repository whose index has thousands of entries (generated here: the 10
charts packaged by real Helm, plus fake entries for other charts), served on loopback by
Python's static file server. Times `render dependency update` against `helm-oracle dependency
update` (real Helm v4.2.3 in-process from helm-python-sdk) with farm-bench, A/B paired.

    pip install helm-python-sdk==0.2.2
    cargo build --release -p render-cli
    python3 benches/deps_vs_helm.py [--entries 20000] [--runs 10]

Both re-resolve and re-download everything on every run, as Helm does. (render takes archives
it has already downloaded from its content cache, which is part of what is measured; Helm
downloads them again.)
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = os.path.join(ROOT, "..", "shared", "tools", "helm-oracle")
RENDER = os.path.join(ROOT, "target", "release", "render")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--entries", type=int, default=20000, help="fake index entries")
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    if not os.path.exists(RENDER):
        sys.exit("deps_vs_helm.py: build first: cargo build --release -p render-cli")
    work = tempfile.mkdtemp(prefix="render-deps-bench-")
    www = os.path.join(work, "www")
    os.makedirs(www)
    server = None
    try:
        # Ten real charts, packaged by Helm.
        for i in range(10):
            src = os.path.join(work, "src", "dep%d" % i)
            os.makedirs(os.path.join(src, "templates"))
            with open(os.path.join(src, "Chart.yaml"), "w") as f:
                f.write("apiVersion: v2\nname: dep%d\nversion: 1.%d.0\n" % (i, i))
            with open(os.path.join(src, "templates", "cm.yaml"), "w") as f:
                f.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-%d\n" % i)
            subprocess.run([sys.executable, ORACLE, "package", src, "-d", www], check=True,
                           stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, ORACLE, "repo-index", www], check=True,
                       stdout=subprocess.DEVNULL)
        # Thousands more entries, appended to Helm's index.
        with open(os.path.join(www, "index.yaml")) as f:
            index = f.read()
        head, _, tail = index.partition("entries:\n")
        fake = []
        for n in range(args.entries):
            chart = "fake%d" % (n // 10)
            if n % 10 == 0:
                fake.append("  %s:\n" % chart)
            fake.append(
                "  - apiVersion: v2\n    created: \"2026-01-01T00:00:00Z\"\n"
                "    description: A chart that is only in the index to make it big.\n"
                "    digest: %064x\n    name: %s\n    urls:\n    - %s-0.%d.0.tgz\n"
                "    version: 0.%d.0\n" % (n, chart, chart, n % 10, n % 10))
        with open(os.path.join(www, "index.yaml"), "w") as f:
            f.write(head + "entries:\n" + "".join(fake) + tail)
        size = os.path.getsize(os.path.join(www, "index.yaml"))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                                   str(port)], cwd=www, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        time.sleep(1)
        # The wrapper, one copy for each tool.
        deps = "".join("  - name: dep%d\n    version: ^1.0.0\n    repository: HTTP://127.0.0.1:%d\n"
                       % (i, port) for i in range(10))
        for who in ("render", "helm"):
            d = os.path.join(work, who)
            os.makedirs(d)
            with open(os.path.join(d, "Chart.yaml"), "w") as f:
                f.write("apiVersion: v2\nname: wrapper\nversion: 0.1.0\ndependencies:\n" + deps)
        env = dict(os.environ, HELM_CACHE_HOME=os.path.join(work, "cache"),
                   HELM_CONFIG_HOME=os.path.join(work, "config"))
        print("index.yaml: %d entries, %.1f MB" % (args.entries + 10, size / 1e6))
        cmd = ["farm-bench", "-n", str(args.runs), "--timeout", "300", "--vs",
               "%s %s dependency update %s" % (sys.executable, ORACLE, os.path.join(work, "helm")),
               "--", RENDER, "dependency", "update", os.path.join(work, "render")]
        subprocess.run(cmd, check=True, env=env)
    finally:
        if server:
            server.kill()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
