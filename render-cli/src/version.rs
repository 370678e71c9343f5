//! `render version`: Helm's `version` command shape (`BuildInfo` printed as Go's `%#v`,
//! `--short`, `--template` over the same fields), reporting render's version and the Helm
//! version whose output it reproduces.

use render_core::{TemplateFunctions, execute_template};
use render_go::value::{Map, MapType, Value};

/// The Helm release render reproduces.
pub const HELM_VERSION: &str = "v4.2.3";

/// The Kubernetes version of Helm v4.2.3's default capabilities (client-go v0.36).
const KUBE_CLIENT_VERSION: &str = "v1.36";

/// The text `render version` prints for these flags.
pub fn text(short: bool, template: Option<&str>) -> Result<String, String> {
    let version = format!("v{}", env!("CARGO_PKG_VERSION"));
    let fields = [
        ("Version", version.as_str()),
        ("HelmVersion", HELM_VERSION),
        ("KubeClientVersion", KUBE_CLIENT_VERSION),
    ];
    if let Some(t) = template.filter(|t| !t.is_empty()) {
        // Helm parses the template as `_`, with Go's builtin functions only.
        let data = Map::new(MapType::Any);
        for (k, v) in fields {
            data.insert(k.into(), Value::from(v));
        }
        return execute_template("_", t, Value::Map(data), TemplateFunctions::GoBuiltins)
            .map_err(|e| e.to_string());
    }
    if short {
        return Ok(format!("{version}\n"));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{k}:{}", render_go::strconv::quote(v)))
        .collect();
    Ok(format!("version.BuildInfo{{{}}}\n", body.join(", ")))
}
