//! Helm's `repositories.yaml` (`helm repo add` writes it): the named repositories `@name`
//! dependencies refer to, with their credentials and TLS files.

use crate::fetch::{Auth, Tls};
use render_go::value::Value;
use std::path::Path;

/// One repository entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// `name`.
    pub name: String,
    /// `url`.
    pub url: String,
    /// `username`.
    pub username: String,
    /// `password`.
    pub password: String,
    /// `certFile`.
    pub cert_file: String,
    /// `keyFile`.
    pub key_file: String,
    /// `caFile`.
    pub ca_file: String,
    /// `insecure_skip_tls_verify`.
    pub insecure_skip_tls_verify: bool,
    /// `pass_credentials_all`: send the credentials to other hosts too.
    pub pass_credentials_all: bool,
}

impl Entry {
    /// The credentials this repository sends when fetching from `url` (its own URL, or a
    /// dependency's spelling of it).
    pub(crate) fn auth(&self, url: &str) -> Auth {
        Auth {
            url: url.to_string(),
            username: self.username.clone(),
            password: self.password.clone(),
            pass_all: self.pass_credentials_all,
        }
    }

    /// The TLS files and checks of this repository.
    pub(crate) fn tls(&self) -> Tls {
        Tls {
            ca_file: self.ca_file.clone(),
            cert_file: self.cert_file.clone(),
            key_file: self.key_file.clone(),
            insecure: self.insecure_skip_tls_verify,
        }
    }
}

/// Reads `repositories.yaml`; a missing file is an empty list (as in Helm).
pub fn load(path: &Path) -> Result<Vec<Entry>, String> {
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(format!(
                "couldn't load repositories file ({}): {}",
                path.display(),
                render_go::os::io_error(&e)
            ));
        }
    };
    let text = render_go::value::rawbytes::encode(&data);
    let doc = render_go::yaml::from_str(&text).map_err(|e| e.message().to_string())?;
    let list = match doc.get("repositories") {
        Some(Value::List(items, _)) => items.to_vec(),
        _ => Vec::new(),
    };
    Ok(list
        .iter()
        .filter_map(|item| {
            let text = |k: &str| {
                item.get(k)
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            };
            let flag = |k: &str| matches!(item.get(k), Some(Value::Bool(true)));
            item.as_map()?;
            Some(Entry {
                name: text("name"),
                url: text("url"),
                username: text("username"),
                password: text("password"),
                cert_file: text("certFile"),
                key_file: text("keyFile"),
                ca_file: text("caFile"),
                insecure_skip_tls_verify: flag("insecure_skip_tls_verify"),
                pass_credentials_all: flag("pass_credentials_all"),
            })
        })
        .collect())
}

/// Helm's `urlutil.Equal`: the same URL once parsed, with an empty path read as `/` and the
/// path cleaned (a trailing slash or a doubled one does not matter).
pub fn url_equal(a: &str, b: &str) -> bool {
    match (normalize(a), normalize(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn normalize(u: &str) -> Option<String> {
    let (scheme, rest) = u.split_once("://")?;
    let (authority, path_query) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_query, None),
    };
    let path = if path.is_empty() {
        "/".to_string()
    } else {
        render_go::path::clean(&format!("/{path}"))
    };
    let mut out = format!("{}://{authority}{path}", scheme.to_ascii_lowercase());
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::url_equal;

    #[test]
    fn urls_compare_as_helm_compares_them() {
        assert!(url_equal("https://h/charts/", "https://h/charts"));
        assert!(url_equal("HTTPS://h", "https://h/"));
        assert!(url_equal("https://h//a", "https://h/a"));
        assert!(!url_equal("https://h/a?x=1", "https://h/a"));
        assert!(!url_equal("https://H/a", "https://h/a"));
    }
}
