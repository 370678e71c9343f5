//! Unit tests for the YAML module.

use super::*;
use crate::strconv::format_float;
use crate::value::walk::Failure;

/// encoding/json's text for a decoded value (keys sorted, Go's float layout and escapes).
pub(crate) fn go_json(v: &Value, out: &mut String) {
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i, _) => out.push_str(&i.to_string()),
        Value::Float(f) => {
            let a = f.abs();
            let fmt = if a != 0.0 && !(1e-6..1e21).contains(&a) {
                b'e'
            } else {
                b'f'
            };
            let mut s = format_float(*f, fmt, -1);
            if fmt == b'e' {
                if let Some(i) = s.find("e-0") {
                    s.remove(i + 2);
                }
            }
            out.push_str(&s);
        }
        Value::Str(s) => {
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                        out.push_str(&format!("\\u{:04x}", c as u32))
                    }
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        Value::List(items, _) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                go_json(x, out);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, x)) in m.entries().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                go_json(&Value::Str(k.clone()), out);
                out.push(':');
                go_json(x, out);
            }
            out.push('}');
        }
        other => out.push_str(&format!("{other:?}")),
    }
}

/// Helm's `fromYaml`: the map, or a map holding the error under "Error".
pub(crate) fn helm_from_yaml(text: &str) -> Value {
    match from_str_map(text) {
        Ok(m) => Value::Map(m),
        Err(e) => {
            let m = Map::new(MapType::Any);
            m.insert("Error".into(), Value::str(e.message()));
            Value::Map(m)
        }
    }
}

fn json_of(v: &Value) -> String {
    let mut s = String::new();
    go_json(v, &mut s);
    s
}

#[test]
fn decoding_matches_go() {
    // expected values from helm-oracle (`fromYaml` of each document, as JSON / error text)
    const PARSE: &[(&str, &str)] = &[
        (
            "a: yes\nb: 0777\nc: 0x1F\nd: 1_000\ne: 1.10\nf: ~\n",
            "{\"a\":true,\"b\":511,\"c\":31,\"d\":1000,\"e\":1.1,\"f\":null}",
        ),
        ("y: 1\n", "{\"true\":1}"),
        (
            "a: b: c\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}",
        ),
        (
            "a:\n  b: c\n d: e\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: line 2: did not find expected key\"}",
        ),
        (
            "a: 'abc\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: line 2: found unexpected end of stream\"}",
        ),
        (
            "\ta: 1\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: found character that cannot start any token\"}",
        ),
        (
            "a: *x\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: unknown anchor 'x' referenced\"}",
        ),
        (
            "a: &x [*x]\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: anchor 'x' value contains itself\"}",
        ),
        (
            "x:\n  <<: 1\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value\"}",
        ),
        ("a: 1\n<<: {a: 2}\n", "{\"a\":2}"),
        (
            "? [a, b]\n: c\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: []interface {}{\\\"a\\\", \\\"b\\\"}\"}",
        ),
        (
            "~: a\n",
            "{\"Error\":\"error converting YAML to JSON: unsupported map key of type: %!s(\\u003cnil\\u003e), key: \\u003cnil\\u003e, value: \\\"a\\\"\"}",
        ),
        (
            "a: .inf\n",
            "{\"Error\":\"error converting YAML to JSON: json: unsupported value: +Inf\"}",
        ),
        (
            "- a\n- b\n",
            "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
        ),
        ("", "{}"),
        (
            "a: \u{1}\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: control characters are not allowed\"}",
        ),
        (
            "a: !!int abc\n",
            "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int\"}",
        ),
        ("a: 1\n---\nb: 2\n", "{\"a\":1}"),
        (
            "1.5: a\ntrue: b\n1e6: c\n",
            "{\"1.5\":\"a\",\"1e+06\":\"c\",\"true\":\"b\"}",
        ),
    ];
    for (doc, want) in PARSE {
        assert_eq!(json_of(&helm_from_yaml(doc)), *want, "document {doc:?}");
    }
}

#[test]
fn encoding_matches_go() {
    // expected values from helm-oracle (`fromYaml | toYaml` / `fromYaml | toYamlPretty`)
    const TO_YAML: &[(&str, &str, &str)] = &[
        (
            "a: 1e6\nb: -0.0\nc: 1e-7\nd: 9223372036854775808\ne: 1234567.5\n",
            "a: 1000000\nb: 0\nc: 1e-07\nd: 9223372036854776000\ne: 1.2345675e+06",
            "a: 1e+06\nb: -0\nc: 1e-07\nd: 9.223372036854776e+18\ne: 1.2345675e+06",
        ),
        (
            "a: 'yes'\nb: 'n'\nc: '1_000'\nd: '12:30:45'\ne: ''\nf: '0777'\ng: '2001-12-14'\n",
            "a: \"yes\"\nb: \"n\"\nc: \"1_000\"\nd: \"12:30:45\"\ne: \"\"\nf: \"0777\"\ng: \"2001-12-14\"",
            "a: \"yes\"\nb: \"n\"\nc: \"1_000\"\nd: \"12:30:45\"\ne: \"\"\nf: \"0777\"\ng: \"2001-12-14\"",
        ),
        (
            "_x: 1\n'10': 1\n'2': 1\nA: 1\na-1: 1\na.1: 1\na9: 1\na10: 1\n",
            "_x: 1\n\"2\": 1\n\"10\": 1\nA: 1\na-1: 1\na.1: 1\na9: 1\na10: 1",
            "_x: 1\n\"2\": 1\n\"10\": 1\nA: 1\na-1: 1\na.1: 1\na9: 1\na10: 1",
        ),
        (
            "s: \"line1\\nline2\\n\"\nt: \"x\\n\"\nu: \"x\\n\\n\"\nv: \"  lead\\nx\"\n",
            "s: |\n  line1\n  line2\nt: |\n  x\nu: |+\n  x\n\nv: |2-\n    lead\n  x",
            "s: |\n  line1\n  line2\nt: |\n  x\nu: |+\n  x\n\nv: |2-\n    lead\n  x",
        ),
        (
            "l:\n- [1, {}]\n- {a: []}\nm: {n: {o: [x]}}\n",
            "l:\n- - 1\n  - {}\n- a: []\nm:\n  \"false\":\n    o:\n    - x",
            "l:\n  - - 1\n    - {}\n  - a: []\nm:\n  \"false\":\n    o:\n      - x",
        ),
        (
            "u: \"\\U0001F600 café \\x01\"\n",
            "u: \"\\U0001F600 café \\x01\"",
            "u: \"\\U0001F600 café \\x01\"",
        ),
        (
            "long: 'word word word word word word word word word word word word word word word word word word word word end'\n",
            "long: word word word word word word word word word word word word word word word word\n  word word word word end",
            "long: word word word word word word word word word word word word word word word word word word word word end",
        ),
    ];
    for (doc, v2, v3) in TO_YAML {
        let v = helm_from_yaml(doc);
        let got = to_yaml(&v).unwrap_or_default();
        assert_eq!(
            got.strip_suffix('\n').unwrap_or(&got),
            *v2,
            "toYaml of {doc:?}"
        );
        let got = to_yaml_pretty(&v).unwrap_or_default();
        assert_eq!(
            got.strip_suffix('\n').unwrap_or(&got),
            *v3,
            "toYamlPretty of {doc:?}"
        );
    }
}

#[test]
fn json_errors_and_empty_values() {
    // expected values from helm-oracle
    assert_eq!(
        to_yaml(&Value::Float(f64::NAN)),
        Err(Failure::Go(
            "error marshaling into JSON: json: unsupported value: NaN".to_string()
        ))
    );
    assert_eq!(
        to_yaml_pretty(&Value::Float(f64::NAN)).as_deref(),
        Ok(".nan\n")
    );
    assert_eq!(to_yaml(&Value::Nil).as_deref(), Ok("null\n"));
    assert_eq!(to_yaml(&Value::empty_map()).as_deref(), Ok("{}\n"));
    assert_eq!(to_yaml(&Value::list(vec![])).as_deref(), Ok("[]\n"));
}

#[test]
fn values_documents_merge_and_errors() {
    // expected values from helm-oracle (values.yaml with several documents)
    let m =
        load_values("a: 1\nb: {c: 1}\n---\nb: {d: 2}\n").unwrap_or_else(|_| Map::new(MapType::Any));
    assert_eq!(json_of(&Value::Map(m)), r#"{"a":1,"b":{"c":1,"d":2}}"#);
    let e = load_values("a: 1\n---\nb: c: d\n")
        .err()
        .map(|e| e.message().to_string());
    assert_eq!(
        e.as_deref(),
        Some(
            "cannot unmarshal yaml document: error converting YAML to JSON: yaml: mapping values are not allowed in this context"
        )
    );
    let e = load_values("a: 1\n--- x\n")
        .err()
        .map(|e| e.message().to_string());
    assert_eq!(
        e.as_deref(),
        Some("error reading yaml document: invalid Yaml document separator: x")
    );
}

#[test]
fn json_reread_errors_match_go() {
    // expected values from helm-oracle (mustToYaml of maps holding raw NEL and DEL characters)
    let map = |pairs: &[(&str, &str)]| {
        let m = Map::new(MapType::Any);
        for (k, v) in pairs {
            m.insert((*k).into(), Value::str(v));
        }
        Value::Map(m)
    };
    assert_eq!(
        to_yaml(&map(&[("a", "x\u{85}y"), ("b", "p\u{85}--- q")])),
        Err(Failure::Go(
            "yaml: line 3: found unexpected document indicator".to_string()
        ))
    );
    assert_eq!(
        to_yaml(&map(&[("a", "x\u{85}y"), ("k\u{85}ey", "1")])),
        Err(Failure::Go(
            "yaml: line 2: did not find expected ',' or '}'".to_string()
        ))
    );
    assert_eq!(
        to_yaml(&map(&[("a", "\u{7f}")])),
        Err(Failure::Go(
            "yaml: control characters are not allowed".to_string()
        ))
    );
    assert_eq!(
        to_yaml(&map(&[("a", "x \u{85} y")])).as_deref(),
        Ok("a: x y\n")
    );
}
