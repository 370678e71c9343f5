#!/usr/bin/env python3
"""Prints the oracle table of render-core/src/values/coalesce/tests.rs: each case (chart tree,
user values) coalesced by real Helm through coalesce_probe.py.
    python3 testdata/values/coalesce_cases.py > /tmp/table.rs   # paste into tests.rs
"""
import json, os, subprocess, sys

PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "coalesce_probe.py")

CASES = [
    # nulls: a user null deletes a default, stays for a key the chart lacks; chart nulls vanish
    ({"name": "top", "values": {"a": 1, "b": {"c": 1, "d": None}, "n": None, "s": "x", "t": {"u": 1}}},
     {"a": None, "z": None, "b": {"c": None, "e": None}, "s": {"x": 1}, "t": 5}),
    # lists and scalars replace, maps merge
    ({"name": "top", "values": {"l": [1, 2], "m": {"l": [3], "k": "v", "deep": {"x": {"y": 1}}}}},
     {"l": [9], "m": {"l": None, "deep": {"x": {"z": 2}}}}),
    # subchart scoping: parent's values.yaml over the subchart's, user over both
    ({"name": "top", "values": {"sub": {"x": 2, "p": {"q": 1}}, "y": 1},
      "deps": [{"name": "sub", "values": {"x": 1, "z": 3, "n": None, "m": {"k": None, "j": 1}, "p": {"r": 2}}}]},
     {"sub": {"z": None, "w": 1, "p": {"q": None}}}),
    # globals copied down three levels; nested global tables
    ({"name": "top", "values": {"global": {"a": 1, "t": {"x": 1, "deep": {"p": 1}}}},
      "deps": [{"name": "sub", "values": {"global": {"a": 2, "b": 2, "t": {"y": 2, "deep": {"q": 2}}}},
                "deps": [{"name": "leaf", "values": {"global": {"c": 3, "t": {"z": 3}}, "own": 1}}]},
               {"name": "sib", "values": {"global": {"t": {"w": 4}}}}]},
     {"global": {"u": 1}}),
    # user globals and a subchart's own global block
    ({"name": "top", "values": {"global": {"a": 1}},
      "deps": [{"name": "sub", "values": {"global": {"a": 2, "s": 1}}}]},
     {"global": {"a": 5}, "sub": {"global": {"a": 9, "only": True}}}),
    # a global that is not a table
    ({"name": "top", "values": {"global": 5}, "deps": [{"name": "sub", "values": {"global": {"a": 1}}}]},
     {}),
    ({"name": "top", "values": {"global": {"t": 1, "m": {"x": 1}}},
      "deps": [{"name": "sub", "values": {"global": {"t": {"x": 1}, "m": 2}}}]},
     {}),
    # type clashes at depth: warnings
    ({"name": "top", "values": {"a": {"b": 1, "c": {"d": 1}, "e": None}}},
     {"a": {"b": {"x": 1}, "c": 5, "e": {"y": 1}}}),
    # subchart values that are not a table
    ({"name": "top", "values": {}, "deps": [{"name": "sub", "values": {"x": 1}}]},
     {"sub": 5}),
    ({"name": "top", "values": {}, "deps": [{"name": "sub", "values": {"x": 1}}]},
     {"sub": None}),
    ({"name": "top", "values": {"sub": {"y": 1}}, "deps": [{"name": "sub", "values": {"x": 1}}]},
     {"sub": None}),
    ({"name": "top", "values": {"sub": "text"}, "deps": [{"name": "sub", "values": {"x": 1}}]},
     {}),
    # wrapper chart named like its dependency: values nest twice
    ({"name": "ollama", "values": {"ollama": {"ollama": {"gpu": {"enabled": False}}, "image": "x"}},
      "deps": [{"name": "ollama", "values": {"ollama": {"gpu": {"enabled": False, "type": "nvidia"}},
                                              "service": {"port": 11434}}}]},
     {"ollama": {"ollama": {"gpu": {"enabled": True}}}}),
    ({"name": "ollama", "values": {"ollama": {"ollama": {"gpu": {"enabled": False}}}},
      "deps": [{"name": "ollama", "values": {"ollama": {"gpu": {"enabled": False, "type": "nvidia"}}}}]},
     {"ollama": {"gpu": {"enabled": True}}}),
    # a chart without values.yaml, and user values that are empty
    ({"name": "top", "deps": [{"name": "sub"}]}, {}),
]

def rs(s):
    return json.dumps(s, ensure_ascii=False)

for tree, user in CASES:
    out = subprocess.run([sys.executable, PROBE, json.dumps(tree), json.dumps(user)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    result = out[0]
    want = "Err(%s)" % rs(result[len("ERROR: "):]) if result.startswith("ERROR: ") else "Ok(%s)" % rs(result)
    logs = sorted(l[len("LOG: "):] for l in out[1:] if l.startswith("LOG: "))
    print("    Case {\n        tree: %s,\n        user: %s,\n        want: %s,\n        warnings: &[%s],\n    }," % (
        rs(json.dumps(tree, separators=(",", ":"))), rs(json.dumps(user, separators=(",", ":"))), want,
        ", ".join(rs(l) for l in logs)))
