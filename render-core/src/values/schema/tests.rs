use super::*;

fn map(json: &str) -> Map {
    let r = render_go::yaml::from_str_map(json);
    assert!(r.is_ok(), "{json}");
    r.unwrap_or_else(|_| Map::new(MapType::Any))
}

// expected values from helm-oracle: a chart whose values.schema.json has one property per
// keyword, rendered with values violating each (Helm v4.2.3, jsonschema v6.0.2).
const SCHEMA: &str = r##"{"properties": {
 "a": {"maximum": 10000000},
 "b": {"minimum": 0.00001},
 "c": {"maximum": 1.5},
 "d": {"maximum": -1234567.25},
 "e": {"minItems": 1234},
 "f": {"type": ["string", "null", "integer"]},
 "g": {"enum": [1, "x", 2.5, null, true, [1]]},
 "h": {"const": 1.0},
 "i": {"required": ["q"]},
 "j": {"multipleOf": 0.1},
 "k": {"maxLength": 1},
 "l": {"allOf": [{"type": "string"}, {"minimum": 10}]},
 "m": {"oneOf": [{"type": "number"}, {"minimum": 0}]},
 "o": {"not": {"type": "number"}},
 "p": {"$ref": "#/$defs/pos"},
 "q": {"uniqueItems": true, "contains": {"type": "string"}}
},
"$defs": {"pos": {"type": "integer", "exclusiveMinimum": 0}}}"##;

const VALUES: &str = r#"{"a": 20000000, "b": 0.000001, "c": 2.75, "d": 5, "e": [1], "f": 1.5, "g": 3,
 "h": 2, "i": {}, "j": 0.15, "k": "ab", "l": 5, "m": 5, "o": 3, "p": -1, "q": [1, 1]}"#;

const EXPECTED: &str = "- at '/b': minimum: got 1×10⁻⁰⁶, want 1×10⁻⁰⁵
- at '/l': 'allOf' failed
  - at '/l': got number, want string
  - at '/l': minimum: got 5, want 10
- at '/d': maximum: got 5, want -1.23456725×10⁰⁶
- at '/e': minItems: got 1, want 1,234
- at '/j': multipleOf: got 0.15, want 0.1
- at '/m': 'oneOf' failed, subschemas 0, 1 matched
- at '/o': 'not' failed
- at '/g': 'enum' failed
- at '/h': value must be 1.0
- at '/q': validation failed
  - at '/q': items at 0 and 1 are equal
  - at '/q': no items match contains schema
    - at '/q/0': got number, want string
    - at '/q/1': got number, want string
- at '/a': maximum: got 2×10⁰⁷, want 1×10⁰⁷
- at '/f': got number, want null or integer or string
- at '/p': exclusiveMinimum: got -1, want 0
- at '/c': maximum: got 2.75, want 1.5
- at '/i': missing property 'q'
- at '/k': maxLength: got 2, want 1
";

/// The top-level `- at` entries with their nested lines, sorted (Helm's order is random).
fn entries(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        match out.last_mut() {
            Some(last) if line.starts_with("  ") => {
                last.push('\n');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
    }
    out.sort();
    out
}

#[test]
fn messages_follow_jsonschema_v6() {
    let got = validate_single(&map(VALUES), SCHEMA.as_bytes());
    assert!(got.is_err());
    let got = got.err().unwrap_or_default();
    assert!(got.ends_with('\n'));
    assert_eq!(entries(&got), entries(EXPECTED));
}

// Known deviation: boon drops the `'allOf' failed` line when a single subschema of an allOf
// fails (v6 prints it, with the failure indented below).
#[test]
fn single_failing_subschema_is_not_wrapped() {
    let schema = br#"{"properties": {"l": {"allOf": [{"type": "string"}, {"minLength": 5}]}}}"#;
    let got = validate_single(&map(r#"{"l": "ab"}"#), schema);
    assert_eq!(
        got,
        Err("- at '/l': minLength: got 2, want 5\n".to_string())
    );
}

// expected values from helm-oracle (`maximum: got X` for each value).
#[test]
fn numbers_print_like_x_text() {
    let cases = [
        (70000.0, "70,000"),
        (65535.0, "65,535"),
        (0.0001, "0.0001"),
        (0.00001, "1×10⁻⁰⁵"),
        (999999.5, "999,999.5"),
        (1e6, "1×10⁰⁶"),
        (-1234567.25, "-1.23456725×10⁰⁶"),
        (0.0, "0"),
        (-5.0, "-5"),
        (1e21, "1×10²¹"),
        (123456789012.0, "1.23456789012×10¹¹"),
        (0.000123, "0.000123"),
    ];
    for (f, want) in cases {
        assert_eq!(print_float(f), want, "{f}");
    }
}

#[test]
fn bad_schemas_report_go_errors() {
    let v = map("{}");
    assert_eq!(validate_single(&v, b""), Err("EOF".to_string()));
    assert_eq!(
        validate_single(&v, b"{\"type\": "),
        Err("unexpected EOF".to_string())
    );
    assert_eq!(
        validate_single(&v, b"{} {}"),
        Err("invalid character after top-level value".to_string())
    );
    assert_eq!(validate_single(&v, b"true"), Ok(()));
    assert!(validate_single(&v, b"false").is_err());
    // An unresolved urn: reference is the schema `true` (Helm's urnLoader).
    assert_eq!(
        validate_single(
            &map("{\"a\": 1}"),
            br#"{"properties": {"a": {"$ref": "urn:x:y"}}}"#
        ),
        Ok(())
    );
}
