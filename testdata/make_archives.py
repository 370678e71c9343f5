#!/usr/bin/env python3
"""Writes the hostile chart archives of the chart suite (testdata/charts/archive-*/charts/).

    python3 testdata/make_archives.py

Each is a subchart `.tgz` built byte by byte, because no archiver writes these headers on
purpose: a GNU long name or a PAX header claiming 3 GB (Go refuses more than 1 MiB before
reading it), links and devices (Helm loads them as empty files), and a zero block followed by
data (an invalid header for Go). Output is deterministic (gzip mtime 0).
"""
import gzip
import os

ROOT = os.path.dirname(os.path.abspath(__file__))


def header(name, size, typ=b"0", linkname=b"", gnu=False):
    b = bytearray(512)
    b[0:len(name)] = name
    b[100:108] = b"0000644\x00"
    b[108:116] = b"0000000\x00"
    b[116:124] = b"0000000\x00"
    if size < 8 ** 11:
        b[124:136] = b"%011o\x00" % size
    else:
        b[124:136] = b"\x80" + size.to_bytes(11, "big")
    b[136:148] = b"00000000000\x00"
    b[156:157] = typ
    b[157:157 + len(linkname)] = linkname
    b[257:265] = b"ustar  \x00" if gnu else b"ustar\x0000"
    b[148:156] = b" " * 8
    b[148:156] = b"%06o\x00 " % sum(b)
    return bytes(b)


def entry(name, data):
    return header(name, len(data)) + data + b"\x00" * (-len(data) % 512)


def sub_chart(extra):
    chart = b"apiVersion: v2\nname: sub\nversion: 0.1.0\n"
    tmpl = b'link: {{ .Files.Get "link.txt" | quote }}\nfiles: {{ len .Files }}\n'
    return entry(b"sub/Chart.yaml", chart) + entry(b"sub/templates/s.yaml", tmpl) + extra


ARCHIVES = {
    "archive-longname-bomb": sub_chart(
        header(b"././@LongLink", 3 << 30, typ=b"L", gnu=True) + b"x" * 4096),
    "archive-pax-bomb": sub_chart(header(b"sub/PaxHeaders/x", 3 << 30, typ=b"x") + b"x" * 4096),
    "archive-links": sub_chart(
        header(b"sub/link.txt", 0, typ=b"2", linkname=b"/etc/passwd")
        + header(b"sub/hard.txt", 0, typ=b"1", linkname=b"sub/Chart.yaml")
        + header(b"sub/fifo", 0, typ=b"6")
        + header(b"sub/dev", 0, typ=b"3")
        + b"\x00" * 1024),
    "archive-zero-block": sub_chart(b"\x00" * 512 + header(b"sub/x", 0)),
}

for chart, raw in ARCHIVES.items():
    out = os.path.join(ROOT, "charts", chart, "charts")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "sub-0.1.0.tgz"), "wb") as f:
        f.write(gzip.compress(raw, mtime=0))
    print("wrote", os.path.relpath(os.path.join(out, "sub-0.1.0.tgz"), ROOT))
