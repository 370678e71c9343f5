//! Sprig's `urlParse` and `urlJoin`, over Go's `net/url` ([`render_go::url`]). Go works on
//! bytes: `%ff` unescapes to a byte that is not UTF-8, which the dict shows as U+FFFD.

use super::goerr::{self, NIL_DEREF};
use crate::template::args::MapArg;
use crate::template::{CallError, FuncTable};
use render_go::url::{Url, hostname, parse, url_string, userinfo_string};
use render_go::value::{Map, MapType, Str, Value};

pub(super) fn register(t: &mut FuncTable) {
    t.func("urlParse", |s: &str| -> Result<Value, CallError> {
        let u = parse(s).map_err(|e| CallError::msg(format!("unable to parse url: {e}")))?;
        Ok(url_dict(&u))
    });
    t.func("urlJoin", |d: MapArg| url_join(d.0.as_map()));
}

fn text(b: &[u8]) -> Value {
    Value::string(String::from_utf8_lossy(b).into_owned())
}

/// Sprig's `urlParse` result.
fn url_dict(u: &Url) -> Value {
    let entries = [
        ("scheme", text(&u.scheme)),
        ("host", text(&u.host)),
        ("hostname", text(hostname(&u.host))),
        ("path", text(&u.path)),
        ("query", text(&u.raw_query)),
        ("opaque", text(&u.opaque)),
        ("fragment", text(&u.fragment)),
        ("userinfo", Value::string(userinfo_string(&u.user))),
    ];
    Value::Map(Map::from_entries(
        MapType::Any,
        entries.into_iter().map(|(k, v)| (Str::from(k), v)),
    ))
}

/// Sprig's `dictGetOrEmpty`: a string entry, "" when missing, a panic for other types.
fn dict_string(d: Option<&Map>, key: &str) -> Result<Vec<u8>, CallError> {
    match d.and_then(|m| m.get(key)) {
        None => Ok(Vec::new()),
        Some(Value::Str(s)) => Ok(s.as_bytes().to_vec()),
        Some(Value::Nil) => Err(goerr::panic(NIL_DEREF)),
        Some(other) => Err(CallError::msg(format!(
            "unable to parse {key} key, must be of type string, but {} found",
            other.kind_name()
        ))),
    }
}

/// Sprig's `urlJoin`: builds a `url.URL` from the dict's parts and prints it.
fn url_join(d: Option<&Map>) -> Result<String, CallError> {
    let mut u = Url {
        scheme: dict_string(d, "scheme")?,
        host: dict_string(d, "host")?,
        path: dict_string(d, "path")?,
        raw_query: dict_string(d, "query")?,
        opaque: dict_string(d, "opaque")?,
        fragment: dict_string(d, "fragment")?,
        ..Url::default()
    };
    let userinfo = dict_string(d, "userinfo")?;
    if !userinfo.is_empty() {
        let raw = format!("proto://{}@host", String::from_utf8_lossy(&userinfo));
        let parsed = parse(&raw)
            .map_err(|e| CallError::msg(format!("unable to parse userinfo in dict: {e}")))?;
        u.user = parsed.user;
    }
    Ok(url_string(&u))
}
