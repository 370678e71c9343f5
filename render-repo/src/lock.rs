//! `Chart.lock`: the exact versions `dependency update` chose, and the digest that tells
//! `dependency build` whether Chart.yaml changed since (Helm's `resolver.HashReq`: sha256 of the
//! JSON of `[requested, locked]`, written by Go's `encoding/json`).

use render_core::Dependency;
use render_go::value::{ListType, Map, MapType, Str, Value};

/// One locked dependency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locked {
    /// `name`.
    pub name: String,
    /// `version`: the exact version chosen (for a `repository: ""` dependency, its constraint).
    pub version: String,
    /// `repository`, with `@name` replaced by its URL.
    pub repository: String,
}

/// A lock file.
#[derive(Clone, Debug, Default)]
pub struct Lock {
    /// `dependencies`.
    pub dependencies: Vec<Locked>,
    /// `digest`.
    pub digest: String,
}

/// Reads `Chart.lock` (or a v1 chart's `requirements.lock`).
pub fn parse(text: &str) -> Result<Lock, String> {
    let doc = render_go::yaml::from_str(text).map_err(|e| e.message().to_string())?;
    let str_of = |v: &Value, k: &str| {
        v.get(k)
            .and_then(|x| x.as_str().map(String::from))
            .unwrap_or_default()
    };
    let dependencies = match doc.get("dependencies") {
        Some(Value::List(items, _)) => items
            .iter()
            .map(|d| Locked {
                name: str_of(d, "name"),
                version: str_of(d, "version"),
                repository: str_of(d, "repository"),
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Lock {
        dependencies,
        digest: str_of(&doc, "digest"),
    })
}

/// `HashReq(req, lock)`.
pub fn digest(req: &[Dependency], locked: &[Locked]) -> Result<String, String> {
    let mut json = String::from("[[");
    for (i, d) in req.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        dependency_json(d, &mut json)?;
    }
    json.push_str("],[");
    for (i, l) in locked.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str("{\"name\":");
        json.push_str(&string_json(&l.name)?);
        if !l.version.is_empty() {
            json.push_str(",\"version\":");
            json.push_str(&string_json(&l.version)?);
        }
        json.push_str(",\"repository\":");
        json.push_str(&string_json(&l.repository)?);
        json.push('}');
    }
    json.push_str("]]");
    Ok(format!("sha256:{}", crate::cache::sha256(json.as_bytes())))
}

/// A `chart.Dependency` as `encoding/json` writes it: struct order, `omitempty`.
fn dependency_json(d: &Dependency, out: &mut String) -> Result<(), String> {
    out.push_str("{\"name\":");
    out.push_str(&string_json(&d.name)?);
    if !d.version.is_empty() {
        out.push_str(",\"version\":");
        out.push_str(&string_json(&d.version)?);
    }
    out.push_str(",\"repository\":");
    out.push_str(&string_json(&d.repository)?);
    if !d.condition.is_empty() {
        out.push_str(",\"condition\":");
        out.push_str(&string_json(&d.condition)?);
    }
    if !d.tags.is_empty() {
        let tags = Value::List(
            d.tags.iter().map(|t| Value::str(t)).collect(),
            ListType::Any,
        );
        out.push_str(",\"tags\":");
        out.push_str(&value_json(&tags)?);
    }
    if d.enabled {
        out.push_str(",\"enabled\":true");
    }
    if !d.import_values.is_empty() {
        out.push_str(",\"import-values\":");
        out.push_str(&value_json(&Value::List(
            d.import_values.iter().cloned().collect(),
            ListType::Any,
        ))?);
    }
    if !d.alias.is_empty() {
        out.push_str(",\"alias\":");
        out.push_str(&string_json(&d.alias)?);
    }
    out.push('}');
    Ok(())
}

fn string_json(s: &str) -> Result<String, String> {
    value_json(&Value::str(s))
}

fn value_json(v: &Value) -> Result<String, String> {
    render_go::json::encode(v, true).map_err(|e| e.text().to_string())
}

/// The lock file's text as Helm writes it (`sigs.k8s.io/yaml.Marshal`: keys sorted, the
/// `generated` time in RFC 3339 with nanoseconds, local zone).
pub fn to_yaml(lock: &Lock, generated: &str) -> Result<String, String> {
    let deps = lock
        .dependencies
        .iter()
        .map(|l| {
            let mut entries = vec![
                (Str::from("name"), Value::str(&l.name)),
                (Str::from("repository"), Value::str(&l.repository)),
            ];
            if !l.version.is_empty() {
                entries.push((Str::from("version"), Value::str(&l.version)));
            }
            Value::Map(Map::from_entries(MapType::Any, entries))
        })
        .collect();
    let doc = Map::from_entries(
        MapType::Any,
        [
            (Str::from("dependencies"), Value::List(deps, ListType::Any)),
            (Str::from("digest"), Value::str(&lock.digest)),
            (Str::from("generated"), Value::str(generated)),
        ],
    );
    render_go::yaml::to_yaml(&Value::Map(doc)).map_err(|e| e.text().to_string())
}

/// Go's `time.Now()` as `encoding/json` writes a `time.Time` (RFC 3339, nanoseconds with
/// trailing zeros dropped, the local zone).
pub fn now_rfc3339() -> String {
    render_go::time::Time::now().format("2006-01-02T15:04:05.999999999Z07:00")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_matches_helm() {
        // A Chart.lock written by Helm v4.2.3 (helm-oracle dependency update).
        let req = vec![Dependency {
            name: "sub".into(),
            version: "^1.0.0".into(),
            repository: "http://127.0.0.1:44021/repo1".into(),
            ..Dependency::default()
        }];
        let locked = vec![Locked {
            name: "sub".into(),
            version: "1.2.0".into(),
            repository: "http://127.0.0.1:44021/repo1".into(),
        }];
        assert_eq!(
            digest(&req, &locked).unwrap_or_default(),
            "sha256:8176087418c2361eab0663868db335bb5214dcc71aaa3f850ee9fed8579e04bd"
        );
        assert_eq!(
            digest(&[], &[]).unwrap_or_default(),
            "sha256:643d5437104296e21d906ecb15b2c96ad278f20cfc4af53b12bb6069bd853726"
        );
    }
}
