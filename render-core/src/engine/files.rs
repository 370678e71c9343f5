//! `.Files`: Helm's `engine.files`, a `map[string][]byte` of a chart's non-template files with
//! the methods `Get`, `GetBytes`, `Glob`, `Lines`, `AsConfig` and `AsSecrets`.

use render_go::fmt as gofmt;
use render_go::glob::gobwas::Glob;
use render_go::value::{
    ListType, Map, MapType, Method, Object, ObjectKind, Param, Str, Value, rawbytes,
};
use std::any::Any;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The files of one chart.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: Arc<BTreeMap<Str, Arc<[u8]>>>,
}

impl Files {
    /// Files from (path, contents) pairs.
    pub fn new<I: IntoIterator<Item = (Str, Arc<[u8]>)>>(files: I) -> Files {
        Files {
            files: Arc::new(files.into_iter().collect()),
        }
    }

    fn get_bytes(&self, name: &str) -> Arc<[u8]> {
        self.files
            .get(name)
            .cloned()
            .unwrap_or_else(|| Arc::from(Vec::new()))
    }

    fn glob(&self, pattern: &str) -> Files {
        // Helm falls back to "**" when the pattern does not compile.
        let g = Glob::compile(pattern);
        Files::new(
            self.files
                .iter()
                .filter(|(name, _)| g.as_ref().is_none_or(|g| g.matches(name)))
                .map(|(k, v)| (k.clone(), v.clone())),
        )
    }

    /// `AsConfig`/`AsSecrets`: base names to (encoded) contents, through Helm's `toYAML`
    /// (which yields "" on error and drops the final newline).
    fn as_yaml(&self, encode: impl Fn(&[u8]) -> String) -> Value {
        let m = Map::new(MapType::String);
        for (k, v) in self.files.iter() {
            let base = k.rsplit('/').next().unwrap_or(k);
            m.insert(Str::from(base), Value::string(encode(v)));
        }
        let yaml = render_go::yaml::to_yaml(&Value::Map(m)).unwrap_or_default();
        Value::string(yaml.strip_suffix('\n').unwrap_or(&yaml).to_string())
    }

    fn lines(&self, name: &str) -> Result<Value, String> {
        let Some(data) = self.files.get(name) else {
            return Ok(Value::List(Vec::new().into(), ListType::String));
        };
        let s = rawbytes::encode(data);
        if s.is_empty() {
            // Go indexes s[len(s)-1] and panics.
            return Err("runtime error: index out of range [-1]".to_string());
        }
        let s = s.strip_suffix('\n').unwrap_or(&s);
        Ok(Value::string_list(s.split('\n')))
    }
}

impl Object for Files {
    fn type_name(&self) -> &str {
        "engine.files"
    }
    fn kind(&self) -> ObjectKind {
        ObjectKind::Map
    }
    fn len(&self) -> Option<usize> {
        Some(self.files.len())
    }
    fn field(&self, name: &str) -> Option<Value> {
        self.files.get(name).map(|b| Value::Bytes(b.clone()))
    }
    fn method(&self, name: &str) -> Option<Method> {
        match name {
            "Get" | "GetBytes" | "Glob" | "Lines" => Some(Method::fixed(&[Param::String])),
            "AsConfig" | "AsSecrets" => Some(Method::fixed(&[])),
            _ => None,
        }
    }
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        let arg = args.first().and_then(Value::as_str).unwrap_or("");
        match name {
            "Get" => Ok(Value::string(
                rawbytes::encode(&self.get_bytes(arg)).into_owned(),
            )),
            "GetBytes" => Ok(Value::Bytes(self.get_bytes(arg))),
            "Glob" => Ok(Value::Object(Arc::new(self.glob(arg)))),
            "Lines" => self.lines(arg),
            "AsConfig" => Ok(self.as_yaml(|b| rawbytes::encode(b).into_owned())),
            "AsSecrets" => Ok(self.as_yaml(render_go::base64::base64_encode)),
            _ => Err(format!("no method {name}")),
        }
    }
    fn write_go(&self, out: &mut String, _plus: bool) {
        out.push_str("map[");
        for (i, (k, v)) in self.files.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(k);
            out.push(':');
            gofmt::write_value_partial(out, &Value::Bytes(v.clone()));
        }
        out.push(']');
    }
    fn to_plain(&self) -> Value {
        Value::Map(Map::from_entries(
            MapType::Any,
            self.files
                .iter()
                .map(|(k, v)| (k.clone(), Value::Bytes(v.clone()))),
        ))
    }
    fn range_entries(&self) -> Option<Vec<(Value, Value)>> {
        Some(
            self.files
                .iter()
                .map(|(k, v)| (Value::Str(k.clone()), Value::Bytes(v.clone())))
                .collect(),
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
