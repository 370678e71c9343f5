//! `.Capabilities`: the Kubernetes and Helm versions templates see.
//!
//! `helm template` runs offline, so these are Helm v4.2.3's built-in defaults unless the user
//! passes `--kube-version` or `--api-versions`.

use render_go::value::{ListType, Method, Object, ObjectKind, Str, Value};
use std::any::Any;
use std::sync::Arc;

/// The API versions Helm v4.2.3 knows without a cluster, in Helm's order.
pub const DEFAULT_API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/v1alpha1",
    "admissionregistration.k8s.io/v1beta1",
    "internal.apiserver.k8s.io/v1alpha1",
    "apps/v1",
    "apps/v1beta1",
    "apps/v1beta2",
    "authentication.k8s.io/v1",
    "authentication.k8s.io/v1alpha1",
    "authentication.k8s.io/v1beta1",
    "authorization.k8s.io/v1",
    "authorization.k8s.io/v1beta1",
    "autoscaling/v1",
    "autoscaling/v2",
    "batch/v1",
    "batch/v1beta1",
    "certificates.k8s.io/v1",
    "certificates.k8s.io/v1beta1",
    "certificates.k8s.io/v1alpha1",
    "coordination.k8s.io/v1alpha2",
    "coordination.k8s.io/v1beta1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "discovery.k8s.io/v1beta1",
    "events.k8s.io/v1",
    "events.k8s.io/v1beta1",
    "extensions/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1beta2",
    "flowcontrol.apiserver.k8s.io/v1beta3",
    "networking.k8s.io/v1",
    "networking.k8s.io/v1beta1",
    "node.k8s.io/v1",
    "node.k8s.io/v1alpha1",
    "node.k8s.io/v1beta1",
    "policy/v1",
    "policy/v1beta1",
    "rbac.authorization.k8s.io/v1",
    "rbac.authorization.k8s.io/v1beta1",
    "rbac.authorization.k8s.io/v1alpha1",
    "resource.k8s.io/v1",
    "resource.k8s.io/v1beta2",
    "resource.k8s.io/v1beta1",
    "resource.k8s.io/v1alpha3",
    "scheduling.k8s.io/v1alpha2",
    "scheduling.k8s.io/v1beta1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1beta1",
    "storage.k8s.io/v1",
    "storage.k8s.io/v1alpha1",
    "storagemigration.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1",
];

/// Helm v4.2.3's default Kubernetes version for `helm template`.
pub const DEFAULT_KUBE_VERSION: &str = "v1.36.0";

/// apimachinery's `version.ParseGeneric`: the numeric components of `v1.30.2-gke.1` (at
/// least two; what follows them is ignored), with its error texts.
fn parse_generic(input: &str) -> Result<Vec<u64>, String> {
    let quoted = render_go::strconv::quote(input);
    // RE2's `\s`: ASCII spaces, tabs, line breaks and form feeds.
    let trimmed = input.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let body = trimmed.strip_prefix('v').unwrap_or(trimmed);
    // `[0-9]+(\.[0-9]+)*`: a dot counts only when digits follow it.
    let b = body.as_bytes();
    let digits_from = |at: usize| {
        b.get(at..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mut end = digits_from(0);
    if end == 0 {
        return Err(format!("could not parse {quoted} as version"));
    }
    while b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1 + digits_from(end + 1);
    }
    let parts: Vec<&str> = body[..end].split('.').collect();
    if parts.len() < 2 {
        return Err(format!("illegal version string {quoted}"));
    }
    let mut out = Vec::new();
    for (i, comp) in parts.iter().enumerate() {
        if i == 0 && comp.starts_with('0') && *comp != "0" {
            return Err(format!(
                "illegal zero-prefixed version component {} in {quoted}",
                render_go::strconv::quote(comp)
            ));
        }
        let n = render_go::strconv::parse_uint(comp, 10).map_err(|e| {
            format!(
                "illegal non-numeric version component {} in {quoted}: strconv.ParseUint: parsing {}: {}",
                render_go::strconv::quote(comp),
                render_go::strconv::quote(comp),
                e.text()
            )
        })?;
        out.push(n);
    }
    Ok(out)
}

/// `common.KubeVersion`.
#[derive(Debug, Clone)]
pub struct KubeVersion {
    /// `Version`: what the user gave, with a `v` prefix.
    pub version: String,
    /// The version used for constraint checks (suffixes dropped); what `String()` returns.
    pub normalized: String,
    /// `Major`.
    pub major: String,
    /// `Minor`.
    pub minor: String,
}

impl KubeVersion {
    /// Parses a Kubernetes version as `helm --kube-version` does (`1.30`, `v1.30.2-gke.1`).
    ///
    /// # Errors
    /// [`ErrorKind::Usage`](crate::ErrorKind::Usage) with Go's text (`could not parse "x" as
    /// version`).
    pub fn parse(input: &str) -> crate::Result<KubeVersion> {
        let components = parse_generic(input)
            .map_err(|e| crate::Error::new(crate::ErrorKind::Usage, e))?;
        let version = if input.starts_with('v') {
            input.to_string()
        } else {
            format!("v{input}")
        };
        let normalized: Vec<String> = components.iter().map(u64::to_string).collect();
        Ok(KubeVersion {
            version,
            normalized: format!("v{}", normalized.join(".")),
            major: normalized.first().cloned().unwrap_or_default(),
            minor: normalized.get(1).cloned().unwrap_or_default(),
        })
    }

    fn default_version() -> KubeVersion {
        KubeVersion {
            version: DEFAULT_KUBE_VERSION.to_string(),
            normalized: DEFAULT_KUBE_VERSION.to_string(),
            major: "1".to_string(),
            minor: "36".to_string(),
        }
    }
}

impl Object for KubeVersion {
    fn type_name(&self) -> &str {
        "common.KubeVersion"
    }
    fn kind(&self) -> ObjectKind {
        ObjectKind::Struct
    }
    fn field(&self, name: &str) -> Option<Value> {
        match name {
            "Version" => Some(Value::str(&self.version)),
            "Major" => Some(Value::str(&self.major)),
            "Minor" => Some(Value::str(&self.minor)),
            _ => None,
        }
    }
    fn method(&self, name: &str) -> Option<Method> {
        matches!(name, "String" | "GitVersion").then(|| Method::fixed(&[]))
    }
    fn call(&self, name: &str, _args: &[Value]) -> Result<Value, String> {
        match name {
            "String" => Ok(Value::str(&self.normalized)),
            _ => Ok(Value::str(&self.version)),
        }
    }
    fn write_go(&self, out: &mut String, plus: bool) {
        if plus {
            out.push_str(&format!(
                "{{Version:{} normalizedVersion:{} Major:{} Minor:{}}}",
                self.version, self.normalized, self.major, self.minor
            ));
        } else {
            out.push_str(&format!(
                "{{{} {} {} {}}}",
                self.version, self.normalized, self.major, self.minor
            ));
        }
    }
    fn write_template(&self, out: &mut String) {
        out.push_str(&self.normalized);
    }
    fn to_plain(&self) -> Value {
        Value::Map(plain_map(&self.json_fields().unwrap_or_default()))
    }
    fn json_fields(&self) -> Option<Vec<(Str, Value)>> {
        Some(vec![
            ("Version".into(), Value::str(&self.version)),
            ("Major".into(), Value::str(&self.major)),
            ("Minor".into(), Value::str(&self.minor)),
        ])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Helm's `version.BuildInfo`.
#[derive(Debug, Clone)]
pub struct BuildInfo;

impl BuildInfo {
    const VERSION: &'static str = "v4.2";
    const GO_VERSION: &'static str = "go1.26.6";
    const KUBE_CLIENT_VERSION: &'static str = "v1.36";
}

impl Object for BuildInfo {
    fn type_name(&self) -> &str {
        "version.BuildInfo"
    }
    fn kind(&self) -> ObjectKind {
        ObjectKind::Struct
    }
    fn field(&self, name: &str) -> Option<Value> {
        Some(Value::str(match name {
            "Version" => Self::VERSION,
            "GitCommit" | "GitTreeState" => "",
            "GoVersion" => Self::GO_VERSION,
            "KubeClientVersion" => Self::KUBE_CLIENT_VERSION,
            _ => return None,
        }))
    }
    fn write_go(&self, out: &mut String, plus: bool) {
        if plus {
            out.push_str(&format!(
                "{{Version:{} GitCommit: GitTreeState: GoVersion:{} KubeClientVersion:{}}}",
                Self::VERSION,
                Self::GO_VERSION,
                Self::KUBE_CLIENT_VERSION
            ));
        } else {
            out.push_str(&format!(
                "{{{}   {} {}}}",
                Self::VERSION,
                Self::GO_VERSION,
                Self::KUBE_CLIENT_VERSION
            ));
        }
    }
    fn to_plain(&self) -> Value {
        Value::Map(plain_map(&self.json_fields().unwrap_or_default()))
    }
    fn json_fields(&self) -> Option<Vec<(Str, Value)>> {
        Some(vec![
            ("version".into(), Value::str(Self::VERSION)),
            ("go_version".into(), Value::str(Self::GO_VERSION)),
            (
                "kube_client_version".into(),
                Value::str(Self::KUBE_CLIENT_VERSION),
            ),
        ])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `*common.Capabilities`.
#[derive(Debug, Clone)]
pub struct Capabilities {
    kube_string: String,
    kube_version: String,
    kube: Value,
    api_versions: Value,
}

impl Capabilities {
    /// Capabilities with the given Kubernetes version (default v1.36.0) and Helm's default API
    /// versions plus `extra` (`--api-versions`).
    pub fn new(kube: Option<KubeVersion>, extra: &[String]) -> Capabilities {
        let mut versions: Vec<Value> = DEFAULT_API_VERSIONS.iter().map(|v| Value::str(v)).collect();
        versions.extend(extra.iter().map(|v| Value::str(v)));
        let kube = kube.unwrap_or_else(KubeVersion::default_version);
        Capabilities {
            kube_string: kube.normalized.clone(),
            kube_version: kube.version.clone(),
            kube: Value::Object(Arc::new(kube)),
            api_versions: Value::List(versions.into(), ListType::VersionSet),
        }
    }

    /// `KubeVersion.String()`: the normalized version, which constraints are checked against.
    pub fn kube_string(&self) -> String {
        self.kube_string.clone()
    }

    /// `KubeVersion.Version`: the version as given.
    pub fn kube_version_text(&self) -> String {
        self.kube_version.clone()
    }
}

fn plain_map(fields: &[(Str, Value)]) -> render_go::value::Map {
    render_go::value::Map::from_entries(
        render_go::value::MapType::Any,
        fields.iter().map(|(k, v)| (k.clone(), v.clone())),
    )
}

impl Object for Capabilities {
    fn type_name(&self) -> &str {
        "*common.Capabilities"
    }
    fn kind(&self) -> ObjectKind {
        ObjectKind::Ptr
    }
    fn field(&self, name: &str) -> Option<Value> {
        match name {
            "KubeVersion" => Some(self.kube.clone()),
            "APIVersions" => Some(self.api_versions.clone()),
            "HelmVersion" => Some(Value::Object(Arc::new(BuildInfo))),
            _ => None,
        }
    }
    fn write_go(&self, out: &mut String, plus: bool) {
        out.push('&');
        out.push('{');
        if plus {
            out.push_str("KubeVersion:");
        }
        if let Value::Object(k) = &self.kube {
            k.write_go(out, plus);
        }
        out.push(' ');
        if plus {
            out.push_str("APIVersions:");
        }
        render_go::fmt::write_value_partial(out, &self.api_versions);
        out.push(' ');
        if plus {
            out.push_str("HelmVersion:");
        }
        BuildInfo.write_go(out, plus);
        out.push('}');
    }
    fn to_plain(&self) -> Value {
        Value::Map(plain_map(&self.json_fields().unwrap_or_default()))
    }
    fn json_fields(&self) -> Option<Vec<(Str, Value)>> {
        Some(vec![
            ("KubeVersion".into(), self.kube.clone()),
            (
                "APIVersions".into(),
                match &self.api_versions {
                    Value::List(l, _) => Value::List(l.clone(), ListType::String),
                    other => other.clone(),
                },
            ),
            ("HelmVersion".into(), Value::Object(Arc::new(BuildInfo))),
        ])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
