//! What changed between two renders, resource by resource: each rendered document is found
//! by its kind, namespace and name (as Kubernetes and ArgoCD find it), and a resource is
//! added, removed or changed. Documents are compared as data, not text: each is read and
//! written back with its keys sorted (go-yaml's types kept, so `"1"` and `1` differ and big
//! integers stay exact), so a reordered key or a changed `# Source:` comment is no change.
//! Paths the caller ignores (`metadata.annotations.checksum/*`) are left out of both sides.
//!
//! ```
//! let old = "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: \"1\"\n";
//! let new = "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: \"2\"\n";
//! let changes = render_core::diff_renders(old, new, &[]);
//! assert_eq!(changes.len(), 1);
//! assert_eq!(changes[0].id.kind, "ConfigMap");
//! assert!(changes[0].new.as_deref().is_some_and(|y| y.contains("a: \"2\"")));
//! ```

use crate::manifest::split_manifests;
use render_go::value::{Map, Value};
use std::collections::HashMap;

/// How Kubernetes finds a resource: its kind, namespace and name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct ResourceId {
    /// `kind` (empty for a document that is not a resource).
    pub kind: String,
    /// `metadata.namespace` (empty when the document names none).
    pub namespace: String,
    /// `metadata.name` (for a document that is not a resource: `document N`, its position,
    /// after its `# Source:` path).
    pub name: String,
}

/// One resource that differs between two renders. `old` and `new` are its YAML as compared
/// (keys sorted, ignored paths left out); one of them is `None` when it was added or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResourceChange {
    /// Which resource.
    pub id: ResourceId,
    /// The resource in the first render; `None`: added.
    pub old: Option<String>,
    /// The resource in the second render; `None`: removed.
    pub new: Option<String>,
}

impl ResourceChange {
    /// `added`, `removed` or `changed`.
    pub fn change(&self) -> &'static str {
        match (&self.old, &self.new) {
            (None, _) => "added",
            (_, None) => "removed",
            _ => "changed",
        }
    }
}

/// The documents of a render (`render template` output) with the resource each is, in
/// order, each exactly as printed from its `---` line, so that together they are the render:
/// the text is cut before every `---` line followed by a `# Source:` line, as Helm prints
/// them.
pub fn resource_documents(render: &str) -> Vec<(ResourceId, &str)> {
    let mut starts: Vec<usize> = render
        .match_indices("\n---\n# Source: ")
        .map(|(i, _)| i + 1)
        .collect();
    starts.insert(0, 0);
    starts.dedup();
    let ends = starts.iter().skip(1).copied().chain([render.len()]);
    starts
        .iter()
        .zip(ends)
        .filter_map(|(&start, end)| render.get(start..end))
        .filter(|piece| !piece.trim().is_empty())
        .enumerate()
        .map(|(position, piece)| {
            let doc = split_manifests(piece).into_iter().next().unwrap_or("");
            let id = match render_go::yaml::from_str_typed(doc) {
                Ok(Value::Map(map)) => identity(&map),
                _ => None,
            };
            (id.unwrap_or_else(|| other(doc, position)), piece)
        })
        .collect()
}

/// The resources that differ between the renders `old` and `new` (`render template`
/// output), ordered by kind, namespace and name. `ignore` holds paths left out of the
/// comparison: keys joined by `.` (list positions are numbers), where `*` stands for any
/// characters but `.`, `**` for any characters, `?` for one character but `.`, and `\`
/// takes the next character literally. A key with dots in it is matched by the same text
/// (`metadata.labels.app.kubernetes.io/name`).
pub fn diff_renders(old: &str, new: &str, ignore: &[String]) -> Vec<ResourceChange> {
    let old = resources(old, ignore);
    let mut new = resources(new, ignore);
    let mut changes = Vec::new();
    let mut new_index: HashMap<&ResourceId, Vec<usize>> = HashMap::new();
    for (i, r) in new.iter().enumerate() {
        new_index.entry(&r.id).or_default().push(i);
    }
    // The n-th resource of an identity in one render pairs with the n-th in the other.
    let mut taken = vec![false; new.len()];
    for r in &old {
        let partner = new_index
            .get_mut(&r.id)
            .and_then(|found| (!found.is_empty()).then(|| found.remove(0)));
        match partner.and_then(|i| Some((i, new.get(i)?))) {
            Some((i, n)) => {
                if let Some(t) = taken.get_mut(i) {
                    *t = true;
                }
                if n.yaml != r.yaml {
                    changes.push(change(&r.id, Some(&r.yaml), Some(&n.yaml)));
                }
            }
            None => changes.push(change(&r.id, Some(&r.yaml), None)),
        }
    }
    for (r, taken) in new.drain(..).zip(taken) {
        if !taken {
            changes.push(change(&r.id, None, Some(&r.yaml)));
        }
    }
    changes.sort_by(|a, b| a.id.cmp(&b.id));
    changes
}

fn change(id: &ResourceId, old: Option<&str>, new: Option<&str>) -> ResourceChange {
    ResourceChange {
        id: id.clone(),
        old: old.map(String::from),
        new: new.map(String::from),
    }
}

/// The identity of a document that is not a resource: its source and position.
fn other(doc: &str, position: usize) -> ResourceId {
    ResourceId {
        kind: String::new(),
        namespace: String::new(),
        name: match source_comment(doc) {
            Some(source) => format!("{source} (document {})", position + 1),
            None => format!("document {}", position + 1),
        },
    }
}

struct Resource {
    id: ResourceId,
    yaml: String,
}

/// The documents of a render, each with its identity and its YAML as compared.
fn resources(render: &str, ignore: &[String]) -> Vec<Resource> {
    let mut out = Vec::new();
    for (position, doc) in split_manifests(render).into_iter().enumerate() {
        let (id, yaml) = match render_go::yaml::from_str_typed(doc) {
            Ok(Value::Nil) => continue,
            Ok(value) => {
                let id = match &value {
                    Value::Map(map) => {
                        for pattern in ignore {
                            prune(map, "", pattern);
                        }
                        identity(map)
                    }
                    _ => None,
                };
                let yaml = render_go::yaml::to_yaml_pretty(&value)
                    .unwrap_or_else(|_| format!("{}\n", doc.trim_end()));
                (id, yaml)
            }
            // Not YAML: compared as text.
            Err(_) => (None, format!("{}\n", doc.trim_end())),
        };
        let id = id.unwrap_or_else(|| other(doc, position));
        out.push(Resource { id, yaml });
    }
    out
}

/// `kind`, `metadata.namespace` and `metadata.name`, when the document has a kind and a name.
fn identity(map: &Map) -> Option<ResourceId> {
    let text = |v: Option<Value>| match v {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let kind = text(map.get("kind"))?;
    let Some(Value::Map(metadata)) = map.get("metadata") else {
        return None;
    };
    let name = text(metadata.get("name"))?;
    let namespace = text(metadata.get("namespace")).unwrap_or_default();
    Some(ResourceId {
        kind,
        namespace,
        name,
    })
}

/// The path of the document's first `# Source:` comment.
fn source_comment(doc: &str) -> Option<&str> {
    doc.lines()
        .find_map(|l| l.strip_prefix("# Source: "))
        .map(str::trim_end)
}

/// Removes from `map` (at `prefix`) every key whose path matches `pattern`.
fn prune(map: &Map, prefix: &str, pattern: &str) {
    for (key, value) in map.entries() {
        let path = if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        };
        if path_matches(pattern.as_bytes(), path.as_bytes()) {
            map.remove(&key);
        } else {
            prune_value(&value, &path, pattern);
        }
    }
}

fn prune_value(value: &Value, path: &str, pattern: &str) {
    match value {
        Value::Map(m) => prune(m, path, pattern),
        Value::List(items, _) => {
            for (i, item) in items.iter().enumerate() {
                prune_value(item, &format!("{path}.{i}"), pattern);
            }
        }
        _ => {}
    }
}

/// Whether `path` matches the ignore `pattern` (see [`diff_renders`]); dynamic programming
/// over both, so any pattern costs at most their lengths' product.
fn path_matches(pattern: &[u8], path: &[u8]) -> bool {
    // reach[j]: the pattern read so far can match path[..j].
    let mut reach = vec![false; path.len() + 1];
    if let Some(r) = reach.first_mut() {
        *r = true;
    }
    let mut p = 0;
    while let Some(&c) = pattern.get(p) {
        let mut next = vec![false; path.len() + 1];
        let step = match c {
            b'*' if pattern.get(p + 1) == Some(&b'*') => {
                // `**`: any run of characters.
                let mut on = false;
                for (j, n) in next.iter_mut().enumerate() {
                    on |= reach.get(j).copied().unwrap_or(false);
                    *n = on;
                }
                2
            }
            b'*' => {
                // `*`: any run of characters but `.`.
                let mut on = false;
                for (j, n) in next.iter_mut().enumerate() {
                    on |= reach.get(j).copied().unwrap_or(false);
                    *n = on;
                    if path.get(j) == Some(&b'.') {
                        on = false;
                    }
                }
                1
            }
            _ => {
                let (literal, width) = match c {
                    b'\\' => (pattern.get(p + 1).copied(), 2),
                    b'?' => (None, 1),
                    other => (Some(other), 1),
                };
                for (j, &b) in path.iter().enumerate() {
                    let fits = match literal {
                        Some(l) => b == l,
                        None => b != b'.',
                    };
                    if fits
                        && reach.get(j).copied().unwrap_or(false)
                        && let Some(n) = next.get_mut(j + 1)
                    {
                        *n = true;
                    }
                }
                width
            }
        };
        reach = next;
        p += step;
    }
    reach.last().copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_patterns() {
        let m = |p: &str, s: &str| path_matches(p.as_bytes(), s.as_bytes());
        assert!(m(
            "metadata.annotations.checksum/*",
            "metadata.annotations.checksum/config"
        ));
        assert!(!m(
            "metadata.annotations.checksum/*",
            "metadata.annotations"
        ));
        assert!(m(
            "metadata.labels.helm.sh/chart",
            "metadata.labels.helm.sh/chart"
        ));
        assert!(m("spec.*.image", "spec.0.image"));
        assert!(!m("spec.*", "spec.a.b"));
        assert!(m("spec.**", "spec.a.b"));
        assert!(m("**.image", "spec.template.spec.containers.0.image"));
        assert!(m("a.?c", "a.bc"));
        assert!(!m("a?c", "a.c"));
        assert!(m(r"a\*", "a*"));
        assert!(!m(r"a\*", "ab"));
        assert!(m("", ""));
        assert!(!m("", "a"));
    }

    const OLD: &str = "---
# Source: c/templates/a.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  annotations:
    checksum/config: abc
data:
  x: \"1\"
  y: \"2\"
---
# Source: c/templates/gone.yaml
apiVersion: v1
kind: Secret
metadata:
  name: gone
  namespace: prod
";

    #[test]
    fn resources_are_added_removed_and_changed() {
        let new = "---
# Source: c/templates/renamed.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    checksum/config: def
  name: a
data:
  y: \"2\"
  x: \"1\"
---
# Source: c/templates/b.yaml
apiVersion: v1
kind: Service
metadata:
  name: b
";
        let changes = diff_renders(OLD, new, &["metadata.annotations.checksum/*".into()]);
        let seen: Vec<(&str, &str, &str)> = changes
            .iter()
            .map(|c| (c.change(), c.id.kind.as_str(), c.id.name.as_str()))
            .collect();
        assert_eq!(
            seen,
            [("removed", "Secret", "gone"), ("added", "Service", "b")]
        );
        // Without the ignore, the checksum is a change.
        let changes = diff_renders(OLD, new, &[]);
        assert_eq!(changes.len(), 3);
        assert_eq!(changes.first().map(ResourceChange::change), Some("changed"));
        assert_eq!(diff_renders(OLD, OLD, &[]), []);
    }

    #[test]
    fn documents_as_printed() {
        let render = "---\n# Source: c/templates/a.yaml\nkind: A\nmetadata:\n  name: a\n\n---\n# Source: c/templates/b.yaml\n# only a comment\n";
        let docs = resource_documents(render);
        let names: Vec<&str> = docs.iter().map(|(id, _)| id.name.as_str()).collect();
        assert_eq!(names, ["a", "c/templates/b.yaml (document 2)"]);
        let joined: String = docs.iter().map(|(_, d)| *d).collect();
        assert_eq!(joined, render);
    }

    #[test]
    fn types_and_duplicates_count() {
        let a = "kind: A\nmetadata:\n  name: x\nv: 1\n---\nkind: A\nmetadata:\n  name: x\nv: 2\n";
        let b =
            "kind: A\nmetadata:\n  name: x\nv: \"1\"\n---\nkind: A\nmetadata:\n  name: x\nv: 2\n";
        let changes = diff_renders(a, b, &[]);
        assert_eq!(changes.len(), 1);
        let text = "not: [yaml\n";
        assert_eq!(diff_renders(text, text, &[]), []);
        let changes = diff_renders(text, "other: [yaml\n", &[]);
        let seen: Vec<(&str, &str)> = changes
            .iter()
            .map(|c| (c.change(), c.id.name.as_str()))
            .collect();
        assert_eq!(seen, [("changed", "document 1")]);
    }
}
