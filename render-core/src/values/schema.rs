//! values.schema.json validation (Helm's `ValidateAgainstSchema`, pkg/chart/common/util/
//! jsonschema.go): each chart with a schema checks its coalesced values, subcharts their own
//! part of them, and the failures are listed per chart in the text Helm prints.
//!
//! Validation is done by the `boon` crate, written by the author of the Go validator Helm
//! uses (santhosh-tekuri/jsonschema v6): the same drafts (4, 6, 7, 2019-09, 2020-12, the last
//! by default), the same error tree. The messages are rendered here with v6.0.2's wording
//! and its English number printer (`maximum: got 70,000, want 65,535`,
//! `minimum: got 1×10⁻⁰⁶, want 1×10⁻⁰⁵`). Helm lists violations in Go's random map order;
//! ours come in a fixed order, so compare error cases by exit status.
//!
//! Why `boon`, with its 71 crates (the ICU tree among them, through `url` and `idna`, which
//! its `format` checks and reference resolution use): it is the Rust port of the Go
//! validator Helm links, by the same author, so a schema fails on the same keyword at the
//! same instance location with the same error tree, which Helm's message prints. A validator
//! of another design would need its errors mapped back to that tree case by case. Reviewed
//! for issue 13: kept.
//!
//! References load like Helm's: `file:` URLs from disk, `urn:` ones as an always-valid schema.
//! `http(s):` references would be downloaded by Helm; nothing is fetched here, so they fail.

use crate::chart::Chart;
use boon::{
    Compiler, Draft, ErrorKind, SchemaIndex, Schemas, SchemeUrlLoader, UrlLoader, ValidationError,
};
use render_go::strconv::{format_float, quote as go_quote};
use render_go::value::{Map, MapType, Value};
use std::error::Error;

mod ahead;
pub(crate) use ahead::SchemaCache;

/// Where Helm registers every schema document.
const SCHEMA_URL: &str = "file:///values.schema.json";

/// `ValidateAgainstSchema` as `helm template` reports it: `Ok` when every schema holds, else
/// `values don't meet the specifications of the schema(s) in the following chart(s):\n` and
/// each failing chart's name and violations.
#[cfg_attr(not(feature = "internals"), allow(dead_code))] // for the tests
pub fn validate(chart: &Chart, values: &Map) -> Result<(), String> {
    validate_with(chart, values, None)
}

/// [`validate`], with the schemas `cache` compiled (or is compiling) taken from it.
pub(crate) fn validate_with(chart: &Chart, values: &Map, cache: Option<&SchemaCache>) -> Result<(), String> {
    let mut out = String::new();
    validate_chart(chart, values, cache, &mut out);
    if out.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "values don't meet the specifications of the schema(s) in the following chart(s):\n{out}"
        ))
    }
}

/// Whether the chart or any subchart has a values.schema.json.
pub(crate) fn any_schema(chart: &Chart) -> bool {
    chart.schema.is_some() || chart.dependencies.iter().any(any_schema)
}

/// One chart and, recursively, its subcharts' values.
fn validate_chart(chart: &Chart, values: &Map, cache: Option<&SchemaCache>, out: &mut String) {
    if let Some(schema) = &chart.schema {
        let checked = match cache {
            Some(cache) => match cache.slot(schema).compiled() {
                Ok(compiled) => compiled.validate(values),
                Err(e) => Err(e.clone()),
            },
            None => validate_single(values, schema),
        };
        if let Err(e) = checked {
            out.push_str(&format!("{}:\n{e}", chart.metadata.name));
        }
    }
    for sub in &chart.dependencies {
        let name = &sub.metadata.name;
        match values.get(name) {
            None | Some(Value::Nil) => {}
            Some(Value::Map(m)) if m.map_type() == MapType::Any => {
                render_go::recursion::grow(|| validate_chart(sub, &m, cache, out));
            }
            Some(other) => out.push_str(&format!(
                "{name}:\ninvalid type for values: expected object (map), got {}\n",
                other.type_name()
            )),
        }
    }
}

/// `ValidateAgainstSingleSchema`: the violations of one schema, one `- at` line each, ending
/// with a newline; or why the schema could not be used.
pub fn validate_single(values: &Map, schema: &[u8]) -> Result<(), String> {
    Compiled::new(schema)?.validate(values)
}

/// A schema document compiled, ready to validate any values: compiling depends on the
/// document alone, and is most of a validation's cost.
pub(crate) struct Compiled {
    schemas: Schemas,
    index: SchemaIndex,
    /// The stack validation runs on.
    stack: usize,
}

impl Compiled {
    /// `jsonschema.UnmarshalJSON` and the compiler: the schema, or Helm's error for it.
    fn new(schema: &[u8]) -> Result<Compiled, String> {
        let text = String::from_utf8_lossy(schema);
        let depth = nesting(&text);
        // jsonschema.UnmarshalJSON: one JSON value (Go's decoder errors), then only white
        // space. A text serde_json reads whole within Go's nesting limit is one Go reads
        // too: Go's decoder runs only for the error of a text that is not.
        let whole = match depth < GO_MAX_DEPTH {
            true => parse_json(&text, true).ok(),
            false => None,
        };
        let doc = match whole {
            Some(doc) => doc,
            None => {
                let (_, end) = render_go::json::decode_first(&text)?;
                let rest = text.get(end..).unwrap_or("");
                if !rest.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
                    return Err("invalid character after top-level value".to_string());
                }
                parse_json(&text, false)?
            }
        };
        // The validator recurses once or more per level of the schema and of the values;
        // run it on a stack sized for them (Go's stack grows as it needs).
        let stack = (depth + 64) * SCHEMA_STACK_PER_LEVEL;
        let (schemas, index) =
            render_go::recursion::with_stack(stack, || caught(|| compile(doc)))?;
        Ok(Compiled {
            schemas,
            index,
            stack,
        })
    }

    /// The violations of `values`, as [`validate_single`] reports them.
    fn validate(&self, values: &Map) -> Result<(), String> {
        render_go::recursion::with_stack(self.stack, || {
            let instance = to_json(&Value::Map(values.clone()));
            caught(|| {
                self.schemas
                    .validate(&instance, self.index)
                    .map_err(|e| render_error(&e))
            })
        })
    }
}

/// `f`'s result, or the text Helm recovers a panicking validator with.
fn caught<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err("unable to validate schema: internal error".to_string()))
}

/// Stack the validator needs per level of nesting (measured with schemas and values nested
/// 10 000 deep, Go's JSON limit, with a margin).
const SCHEMA_STACK_PER_LEVEL: usize = 16 * 1024;

/// The nesting Go's JSON scanner refuses (`exceeded max depth`).
const GO_MAX_DEPTH: usize = 10_001;

/// `serde_json` without its recursion limit (the caller has bounded the depth by Go's); the
/// first value, or with `whole` the only one (white space after it).
fn parse_json(text: &str, whole: bool) -> Result<serde_json::Value, String> {
    use serde::Deserialize;
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let doc = serde_json::Value::deserialize(serde_stacker::Deserializer::new(&mut de))
        .map_err(|e| e.to_string())?;
    if whole {
        de.end().map_err(|e| e.to_string())?;
    }
    Ok(doc)
}

/// The deepest nesting of brackets in a JSON text (outside strings).
fn nesting(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'{' | b'[') => {
                depth += 1;
                max = max.max(depth);
            }
            (false, _, b'}' | b']') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn compile(doc: serde_json::Value) -> Result<(Schemas, SchemaIndex), String> {
    let mut compiler = Compiler::new();
    compiler.set_default_draft(Draft::V2020_12);
    let mut loader = SchemeUrlLoader::new();
    loader.register("file", Box::new(boon::FileLoader));
    loader.register("urn", Box::new(PermissiveLoader));
    compiler.use_loader(Box::new(loader));
    compiler
        .add_resource(SCHEMA_URL, doc)
        .map_err(|e| format!("{e:#}"))?;
    let mut schemas = Schemas::new();
    let index = compiler
        .compile(SCHEMA_URL, &mut schemas)
        .map_err(|e| format!("{e:#}"))?;
    Ok((schemas, index))
}

/// Helm's `urnLoader` without a resolver: any `urn:` reference is the schema `true`.
struct PermissiveLoader;

impl UrlLoader for PermissiveLoader {
    fn load(&self, _url: &str) -> Result<serde_json::Value, Box<dyn Error>> {
        Ok(serde_json::Value::Bool(true))
    }
}

/// A Go value as the validator sees it (maps, lists, strings, numbers, booleans, null).
fn to_json(v: &Value) -> serde_json::Value {
    render_go::recursion::grow(|| to_json_here(v))
}

fn to_json_here(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Nil => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i, t) if t.is_unsigned() => J::from(*i as u64),
        Value::Int(i, _) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.to_string()),
        Value::Bytes(b) => J::String(String::from_utf8_lossy(b).into_owned()),
        Value::List(items, _) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(m) => J::Object(
            m.entries()
                .into_iter()
                .map(|(k, v)| (k.to_string(), to_json(&v)))
                .collect(),
        ),
        Value::Object(_) => J::Null,
    }
}

/// The error tree as jsonschema v6 prints it, without the first line Helm removes
/// (`jsonschema validation failed with 'file:///values.schema.json#'`), plus Helm's newline.
fn render_error(e: &ValidationError<'_, '_>) -> String {
    let mut out = String::new();
    if matches!(e.kind, ErrorKind::Schema { url } if url.trim_end_matches('#') == SCHEMA_URL) {
        for cause in &e.causes {
            display(cause, 1, &mut out);
        }
        // TrimPrefix removed the header and its newline.
        let body = out.strip_prefix('\n').unwrap_or(&out);
        return format!("{body}\n");
    }
    display(e, 0, &mut out);
    format!("{out}\n")
}

/// `ValidationError.display`: one line per error, causes indented below it; a reference with
/// a single cause is skipped.
fn display(e: &ValidationError<'_, '_>, mut indent: usize, out: &mut String) {
    let skip = e.causes.len() == 1 && matches!(e.kind, ErrorKind::Reference { .. });
    if !skip {
        if indent > 0 {
            out.push('\n');
            out.push_str(&"  ".repeat(indent - 1));
            out.push_str("- ");
        }
        indent += 1;
        match &e.kind {
            ErrorKind::Schema { url } => {
                out.push_str(&format!("jsonschema validation failed with {}", quote(url)));
            }
            kind => {
                let at = quote(&e.instance_location.to_string());
                out.push_str(&format!("at {at}: {}", message(kind)));
            }
        }
    }
    for cause in &e.causes {
        display(cause, indent, out);
    }
}

/// jsonschema v6's `quote`: Go's `%q` in single quotes (`"` unescaped, `'` escaped).
fn quote(s: &str) -> String {
    let q = go_quote(s).replace("\\\"", "\"").replace('\'', "\\'");
    let inner = q.get(1..q.len().saturating_sub(1)).unwrap_or("");
    format!("'{inner}'")
}

fn join_quoted<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| quote(s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// v6's `display` of a primitive: strings quoted, containers `value`, others as written.
fn display_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => quote(s),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => "value".to_string(),
        other => other.to_string(),
    }
}

/// `%v` of an instance value (a Go float64 or int64).
fn display_instance(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Number(n) if n.is_f64() => {
            format_float(n.as_f64().unwrap_or_default(), b'g', -1)
        }
        other => display_value(other),
    }
}

/// The message of one error kind, in jsonschema v6.0.2's words.
fn message(kind: &ErrorKind<'_, '_>) -> String {
    use ErrorKind as K;
    let n = |x: usize| group_int(&x.to_string());
    let f = |x: &serde_json::Number| print_float(x.as_f64().unwrap_or_default());
    match kind {
        K::Group | K::Reference { .. } => "validation failed".to_string(),
        K::Schema { url } => format!("jsonschema validation failed with {}", quote(url)),
        K::ContentSchema => "'contentSchema' failed".to_string(),
        K::PropertyName { prop } => format!("invalid propertyName {}", quote(prop)),
        K::RefCycle {
            url,
            kw_loc1,
            kw_loc2,
        } => format!(
            "both {kw_loc1} and {kw_loc2} resolve to {} causing reference cycle",
            go_quote(url)
        ),
        K::FalseSchema => "false schema".to_string(),
        K::Type { got, want } => {
            let want: Vec<String> = want.iter().map(|t| t.to_string()).collect();
            format!("got {got}, want {}", want.join(" or "))
        }
        K::Enum { want } => {
            let primitive = want.iter().all(|v| !v.is_array() && !v.is_object());
            match want.as_slice() {
                [one] if primitive => format!("value must be {}", display_value(one)),
                _ if primitive => {
                    let all: Vec<String> = want.iter().map(display_value).collect();
                    format!("value must be one of {}", all.join(", "))
                }
                _ => "'enum' failed".to_string(),
            }
        }
        K::Const { want } => {
            if want.is_array() || want.is_object() {
                "'const' failed".to_string()
            } else {
                format!("value must be {}", display_value(want))
            }
        }
        K::Format { got, want, err } => {
            format!("{} is not valid {want}: {err}", display_instance(got))
        }
        K::MinProperties { got, want } => {
            format!("minProperties: got {}, want {}", n(*got), n(*want))
        }
        K::MaxProperties { got, want } => {
            format!("maxProperties: got {}, want {}", n(*got), n(*want))
        }
        K::AdditionalProperties { got } => {
            format!("additional properties {} not allowed", join_quoted(got))
        }
        K::Required { want } => match want.as_slice() {
            [one] => format!("missing property {}", quote(one)),
            _ => format!("missing properties {}", join_quoted(want)),
        },
        K::Dependency { prop, missing } | K::DependentRequired { prop, missing } => format!(
            "properties {} required, if {} exists",
            join_quoted(missing),
            quote(prop)
        ),
        K::MinItems { got, want } => format!("minItems: got {}, want {}", n(*got), n(*want)),
        K::MaxItems { got, want } => format!("maxItems: got {}, want {}", n(*got), n(*want)),
        K::Contains => "no items match contains schema".to_string(),
        K::MinContains { got, want } if got.is_empty() => format!(
            "min {} items required to match contains schema, but none matched",
            n(*want)
        ),
        K::MinContains { got, want } => format!(
            "min {} items required to match contains schema, but matched {} items at {}",
            n(*want),
            n(got.len()),
            join_ints(got)
        ),
        K::MaxContains { got, want } => format!(
            "max {} items required to match contains schema, but matched {} items at {}",
            n(*want),
            n(got.len()),
            join_ints(got)
        ),
        K::UniqueItems { got: [i, j] } => format!("items at {} and {} are equal", n(*i), n(*j)),
        K::AdditionalItems { got } => format!("last {} additionalItem(s) not allowed", n(*got)),
        K::MinLength { got, want } => format!("minLength: got {}, want {}", n(*got), n(*want)),
        K::MaxLength { got, want } => format!("maxLength: got {}, want {}", n(*got), n(*want)),
        K::Pattern { got, want } => {
            format!("{} does not match pattern {}", quote(got), quote(want))
        }
        K::ContentEncoding { want, err } => {
            format!("value is not {} encoded: {err}", quote(want))
        }
        K::ContentMediaType { want, err, .. } => {
            format!("value if not of mediatype {}: {err}", quote(want))
        }
        K::Minimum { got, want } => format!("minimum: got {}, want {}", f(got), f(want)),
        K::Maximum { got, want } => format!("maximum: got {}, want {}", f(got), f(want)),
        K::ExclusiveMinimum { got, want } => {
            format!("exclusiveMinimum: got {}, want {}", f(got), f(want))
        }
        K::ExclusiveMaximum { got, want } => {
            format!("exclusiveMaximum: got {}, want {}", f(got), f(want))
        }
        K::MultipleOf { got, want } => format!("multipleOf: got {}, want {}", f(got), f(want)),
        K::Not => "'not' failed".to_string(),
        K::AllOf => "'allOf' failed".to_string(),
        K::AnyOf => "'anyOf' failed".to_string(),
        K::OneOf(None) => "'oneOf' failed, none matched".to_string(),
        K::OneOf(Some((i, j))) => {
            format!("'oneOf' failed, subschemas {}, {} matched", n(*i), n(*j))
        }
    }
}

/// `fmt.Sprintf("%v", []int)` without the brackets.
fn join_ints(items: &[usize]) -> String {
    items
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Digits with a `,` every three from the right (English grouping); a leading `-` kept.
fn group_int(digits: &str) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", digits),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// golang.org/x/text's English `%v` of a float64: the shortest digits, as a grouped decimal
/// when the exponent is in [-4, 6), else as `d.ddd×10ⁿⁿ` with a superscript exponent.
fn print_float(f: f64) -> String {
    if !f.is_finite() {
        return format_float(f, b'g', -1);
    }
    if f == 0.0 {
        return "0".to_string();
    }
    // Shortest round-trip digits and decimal exponent, e.g. "1.2345e6".
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if f < 0.0 { "-" } else { "" };
    if !(-4..6).contains(&exp) {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let mantissa = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let exp_digits = format!("{:02}", exp.unsigned_abs());
        let sup: String = exp_digits
            .chars()
            .map(|c| match c {
                '0' => '⁰',
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                '4' => '⁴',
                '5' => '⁵',
                '6' => '⁶',
                '7' => '⁷',
                '8' => '⁸',
                _ => '⁹',
            })
            .collect();
        let minus = if exp < 0 { "⁻" } else { "" };
        return format!("{sign}{mantissa}×10{minus}{sup}");
    }
    // Decimal: digits placed around the point.
    let point = exp + 1; // digits before the decimal point
    let (int_part, frac_part) = if point <= 0 {
        (
            "0".to_string(),
            format!("{}{digits}", "0".repeat(point.unsigned_abs() as usize)),
        )
    } else {
        let p = point as usize;
        if digits.len() <= p {
            (
                format!("{digits}{}", "0".repeat(p - digits.len())),
                String::new(),
            )
        } else {
            let (a, b) = digits.split_at(p);
            (a.to_string(), b.to_string())
        }
    };
    let int_part = group_int(&int_part);
    if frac_part.is_empty() {
        format!("{sign}{int_part}")
    } else {
        format!("{sign}{int_part}.{frac_part}")
    }
}

#[cfg(test)]
mod tests;
