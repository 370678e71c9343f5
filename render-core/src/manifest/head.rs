//! What Helm reads of each rendered document: `sigs.k8s.io/yaml.Unmarshal` into its
//! `SimpleHead` struct (`apiVersion`, `kind`, `metadata.name`, `metadata.annotations`). The
//! whole document is parsed (a syntax error anywhere fails the render), but only these fields
//! are kept.

use super::sort::Head;
use render_go::value::{IntType, Value};

const HOOK_ANNOTATION: &str = "helm.sh/hook";

/// A value bound for a Go `string`, as sigs.k8s.io/yaml converts it (`None`: a JSON null).
fn as_string(v: &Value) -> Result<Option<String>, &'static str> {
    Ok(Some(match v {
        Value::Nil => return Ok(None),
        Value::Str(s) => s.to_string(),
        Value::Int(i, t) if *t == IntType::Uint64 => (*i as u64).to_string(),
        Value::Int(i, _) => i.to_string(),
        Value::Float(f) => render_go::strconv::format_float32(*f as f32, b'g', -1),
        Value::Bool(b) => b.to_string(),
        other => return Err(render_go::json::kind_name(other)),
    }))
}

const METADATA_TYPE: &str = "struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }";

fn mismatch(value: &str, field: &str, go_type: &str) -> String {
    format!(
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {value} into Go struct field SimpleHead.{field} of type {go_type}"
    )
}

/// Fields of a JSON object matching `name` exactly or, failing that, case-insensitively
/// (the last key wins, keys in sorted order as sigs.k8s.io/yaml's JSON has them).
fn field<'a>(entries: &'a [(render_go::value::Str, Value)], name: &str) -> Option<&'a Value> {
    let mut found = None;
    for (k, v) in entries {
        if k.eq_ignore_ascii_case(name) {
            found = Some(v);
        }
    }
    entries
        .iter()
        .rev()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v)
        .or(found)
}

/// Whether a top-level key may land in a `SimpleHead` field (encoding/json also matches
/// field names case-insensitively, with Unicode folding for non-ASCII keys).
fn head_key(key: &str) -> bool {
    !key.is_ascii()
        || ["apiVersion", "kind", "metadata"]
            .iter()
            .any(|f| key.eq_ignore_ascii_case(f))
}

/// Where a value sits in `SimpleHead`, for [`unsupported_float`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Top,
    Metadata,
    Annotations,
    Elsewhere,
}

/// The first NaN or infinity in json.Marshal's order (sorted keys, depth first) that
/// sigs.k8s.io/yaml's YAML-to-JSON step would have to write: values bound for a `SimpleHead`
/// string field (`apiVersion`, `kind`, `metadata.name`, annotation values) become strings
/// first, every other one fails the conversion.
fn unsupported_float(v: &Value, at: Target) -> Option<f64> {
    match v {
        Value::Float(f) if !f.is_finite() => Some(*f),
        Value::List(items, _) => items
            .iter()
            .find_map(|i| unsupported_float(i, Target::Elsewhere)),
        Value::Map(m) => m.entries().iter().find_map(|(k, v)| {
            let is = |name: &str| k.eq_ignore_ascii_case(name);
            let inner = match at {
                Target::Top if is("metadata") => Target::Metadata,
                Target::Metadata if is("annotations") => Target::Annotations,
                _ => Target::Elsewhere,
            };
            let string_field = match at {
                Target::Top => is("apiVersion") || is("kind"),
                Target::Metadata => is("name"),
                Target::Annotations => true,
                Target::Elsewhere => false,
            };
            match v {
                Value::Float(_) if string_field => None,
                _ => unsupported_float(v, inner),
            }
        }),
        _ => None,
    }
}

/// Parses one document's head, or returns sigs.k8s.io/yaml's error text.
pub fn parse_head(doc: &str) -> Result<Head, String> {
    // A document in the plain block style has the head of its head entries.
    if let Some(entries) = super::plain::head_entries(doc) {
        return parse_whole(&entries);
    }
    parse_whole(doc)
}

/// [`parse_head`] by the YAML parser.
pub(super) fn parse_whole(doc: &str) -> Result<Head, String> {
    // Only the head's keys are kept; the rest is parsed and checked, not built.
    let v = render_go::yaml::from_str_typed_fields(doc, &head_key)
        .map_err(|e| e.message().to_string())?;
    if let Some(bad) = unsupported_float(&v, Target::Top) {
        return Err(render_go::yaml::nonfinite_error(bad).message().to_string());
    }
    let entries = match &v {
        Value::Nil => return Ok(Head::default()),
        Value::Map(m) => m.entries(),
        other => {
            return Err(format!(
                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type util.SimpleHead",
                render_go::json::kind_name(other)
            ));
        }
    };
    let mut head = Head::default();
    let mut first_error: Option<String> = None;
    let mut note = |e: String| {
        if first_error.is_none() {
            first_error = Some(e);
        }
    };
    for (name, target) in [
        ("apiVersion", &mut head.api_version),
        ("kind", &mut head.kind),
    ] {
        if let Some(v) = field(&entries, name) {
            match as_string(v) {
                Ok(Some(s)) => *target = s,
                Ok(None) => {}
                Err(kind) => note(mismatch(kind, name, "string")),
            }
        }
    }
    match field(&entries, "metadata") {
        None | Some(Value::Nil) => {}
        Some(Value::Map(meta)) => {
            let meta = meta.entries();
            if let Some(v) = field(&meta, "name") {
                match as_string(v) {
                    Ok(Some(s)) => head.name = s,
                    Ok(None) => {}
                    Err(kind) => note(mismatch(kind, "metadata.name", "string")),
                }
            }
            match field(&meta, "annotations") {
                None | Some(Value::Nil) => {}
                Some(Value::Map(a)) => {
                    for (k, v) in a.entries() {
                        match as_string(&v) {
                            Ok(s) => {
                                if &*k == HOOK_ANNOTATION {
                                    head.hook = Some(s.unwrap_or_default());
                                }
                            }
                            Err(kind) => {
                                note(mismatch(kind, "metadata.annotations", "string"));
                            }
                        }
                    }
                }
                Some(other) => note(mismatch(
                    render_go::json::kind_name(other),
                    "metadata.annotations",
                    "map[string]string",
                )),
            }
        }
        Some(other) => note(mismatch(
            render_go::json::kind_name(other),
            "metadata",
            METADATA_TYPE,
        )),
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(head),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads() {
        let h = parse_head(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    helm.sh/hook: pre-install\n",
        );
        let h = h.unwrap_or_default();
        assert_eq!(h.kind, "Pod");
        assert_eq!(h.hook.as_deref(), Some("pre-install"));
        assert!(parse_head("just text").is_err());
        assert!(parse_head("# comment only\n").is_ok_and(|h| h.kind.is_empty()));
    }

    #[test]
    fn nonfinite_floats_fail_unless_a_string_field_takes_them() {
        // Helm's install (helm-python-sdk, dry-run client) accepts the first two documents
        // and fails the third with this text; the charts suite covers data and labels.
        let annotation =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: -.inf\n";
        assert!(parse_head(annotation).is_ok());
        assert!(parse_head("apiVersion: v1\nkind: .nan\nmetadata:\n  name: .inf\n").is_ok());
        let listed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: [.inf]\n";
        assert_eq!(
            parse_head(listed).err().as_deref(),
            Some("error converting YAML to JSON: json: unsupported value: +Inf")
        );
    }
}
