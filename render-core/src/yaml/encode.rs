//! Values to YAML text (placeholder).
use crate::value::Value;
/// `sigs.k8s.io/yaml.Marshal`.
pub fn to_yaml(_v: &Value) -> Result<String, String> { Err("todo".into()) }
/// go-yaml v3 encoder.
pub fn to_yaml_pretty(_v: &Value) -> Result<String, String> { Err("todo".into()) }
