//! HTTP downloads as Helm's `httpgetter` makes them: its `User-Agent`, basic auth only to the
//! repository's own scheme and host (unless credentials may be passed everywhere), a CA file
//! that replaces the system roots, client certificates, at most 10 redirects and never to a
//! scheme other than HTTP(S), and Go's error texts (`failed to fetch URL : 404 Not Found`).
//! Responses are bounded in size.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// Helm's `User-Agent` (`Helm/` and the version without its `v`).
pub const USER_AGENT: &str = "Helm/4.2.3";

/// The most a download may weigh (an index, a chart archive).
pub const MAX_DOWNLOAD_BYTES: usize = 256 << 20;

/// How to reach one repository.
#[derive(Clone, Debug, Default, Hash, PartialEq, Eq)]
pub struct Tls {
    /// A CA bundle that replaces the system's roots.
    pub ca_file: String,
    /// A client certificate, with `key_file`.
    pub cert_file: String,
    /// The client certificate's key.
    pub key_file: String,
    /// Skip certificate checks.
    pub insecure: bool,
}

/// Credentials for a repository.
#[derive(Clone, Debug, Default)]
pub struct Auth {
    /// The URL the credentials belong to (`WithURL`): they go only to its scheme and host.
    pub url: String,
    /// Basic auth user.
    pub username: String,
    /// Basic auth password.
    pub password: String,
    /// Send them to any host.
    pub pass_all: bool,
}

/// One `reqwest` client per TLS setting, shared by every download of a run.
pub struct Http {
    clients: Mutex<HashMap<Tls, reqwest::Client>>,
}

/// What a download is for: Helm asks for a chart with an `Accept` header, for an index
/// without.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `index.yaml`.
    Index,
    /// A chart archive.
    Chart,
}

impl Http {
    /// No clients yet.
    pub fn new() -> Http {
        Http {
            clients: Mutex::new(HashMap::new()),
        }
    }

    fn client(&self, tls: &Tls) -> Result<reqwest::Client, String> {
        let mut clients = self
            .clients
            .lock()
            .map_err(|_| "http client lock poisoned".to_string())?;
        if let Some(c) = clients.get(tls) {
            return Ok(c.clone());
        }
        let mut b = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(Duration::from_secs(120))
            .redirect(reqwest::redirect::Policy::limited(10))
            .no_gzip()
            .danger_accept_invalid_certs(tls.insecure);
        if !tls.ca_file.is_empty() {
            let pem = std::fs::read(&tls.ca_file).map_err(|e| {
                format!(
                    "can't create TLS config for client: can't read CA file: {}: open {}: {}",
                    quote(&tls.ca_file),
                    tls.ca_file,
                    render_go::os::io_error(&e)
                )
            })?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem)
                .map_err(|_| "failed to append certificates from PEM".to_string())?;
            b = b.tls_certs_only(certs);
        }
        if !tls.cert_file.is_empty() || !tls.key_file.is_empty() {
            let read = |p: &str, what: &str| {
                std::fs::read(p).map_err(|e| {
                    format!(
                        "can't create TLS config for client: unable to read {what} file: {}: open {p}: {}",
                        quote(p),
                        render_go::os::io_error(&e)
                    )
                })
            };
            let mut pem = read(&tls.cert_file, "cert")?;
            pem.extend(read(&tls.key_file, "key")?);
            let id = reqwest::Identity::from_pem(&pem)
                .map_err(|e| format!("unable to load cert from key pair: {e}"))?;
            b = b.identity(id);
        }
        let c = b.build().map_err(|e| e.to_string())?;
        clients.insert(tls.clone(), c.clone());
        Ok(c)
    }

    /// GET `url`: the body, or Helm's error text.
    pub async fn get(
        &self,
        url: &str,
        kind: Kind,
        auth: &Auth,
        tls: &Tls,
    ) -> Result<Vec<u8>, String> {
        let client = self.client(tls)?;
        let mut req = client.get(url);
        if kind == Kind::Chart {
            req = req.header("Accept", "application/gzip,application/octet-stream");
        }
        if !auth.username.is_empty()
            && !auth.password.is_empty()
            && (auth.pass_all || same_origin(&auth.url, url))
        {
            req = req.basic_auth(&auth.username, Some(&auth.password));
        }
        let mut resp = req.send().await.map_err(|e| go_error(url, &e))?;
        let status = resp.status();
        if status != reqwest::StatusCode::OK {
            let reason = resp
                .extensions()
                .get::<hyper::ext::ReasonPhrase>()
                .map(|r| String::from_utf8_lossy(r.as_bytes()).into_owned())
                .or_else(|| status.canonical_reason().map(String::from))
                .unwrap_or_default();
            return Err(format!(
                "failed to fetch {url} : {} {reason}",
                status.as_u16()
            ));
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| go_error(url, &e))? {
            if body.len() + chunk.len() > MAX_DOWNLOAD_BYTES {
                return Err(format!(
                    "failed to fetch {url} : the response exceeds {MAX_DOWNLOAD_BYTES} bytes"
                ));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

impl Default for Http {
    fn default() -> Self {
        Http::new()
    }
}

fn quote(s: &str) -> String {
    render_go::strconv::quote(s)
}

/// Whether two URLs share scheme and host (with port), as httpgetter checks before sending
/// credentials.
fn same_origin(a: &str, b: &str) -> bool {
    match (reqwest::Url::parse(a), reqwest::Url::parse(b)) {
        (Ok(x), Ok(y)) => {
            x.scheme() == y.scheme() && x.host_str() == y.host_str() && x.port() == y.port()
        }
        _ => false,
    }
}

/// Go's `*url.Error` text for a failed request: `Get "URL": dial tcp HOST: connect: connection
/// refused`.
fn go_error(url: &str, e: &reqwest::Error) -> String {
    let mut cause: Option<&dyn std::error::Error> = Some(e);
    let mut io_kind = None;
    while let Some(c) = cause {
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            io_kind = Some(io.kind());
        }
        cause = c.source();
    }
    let host = reqwest::Url::parse(url)
        .map(|u| dial_address(&u))
        .unwrap_or_default();
    let detail = if e.is_timeout() {
        "context deadline exceeded (Client.Timeout exceeded while awaiting headers)".to_string()
    } else if e.is_redirect() {
        "stopped after 10 redirects".to_string()
    } else if io_kind == Some(std::io::ErrorKind::ConnectionRefused) {
        format!("dial tcp {host}: connect: connection refused")
    } else if e.is_connect() {
        format!("dial tcp {host}: {}", innermost(e))
    } else {
        innermost(e)
    };
    format!("Get {}: {detail}", quote(url))
}

fn innermost(e: &dyn std::error::Error) -> String {
    let mut last = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        last = c.to_string();
        cause = c.source();
    }
    last
}

/// Helm's `ResolveReferenceURL`: `ref` against the repository URL taken as a directory; an
/// absolute `ref` as it is; a relative one takes the repository URL's query instead of its own.
pub fn resolve_reference(base: &str, reference: &str) -> Result<String, String> {
    if reqwest::Url::parse(reference).is_ok() {
        return Ok(reference.to_string());
    }
    let mut base_url =
        reqwest::Url::parse(base).map_err(|e| format!("failed to parse {base} as URL: {e}"))?;
    let query = base_url.query().map(String::from);
    let path = format!("{}/", base_url.path().trim_end_matches('/'));
    base_url.set_path(&path);
    base_url.set_query(None);
    let mut joined = base_url
        .join(reference)
        .map_err(|e| format!("failed to parse {reference} as URL: {e}"))?;
    joined.set_query(query.as_deref());
    Ok(joined.to_string())
}

/// `host:port` as Go's dialer names it in errors (`dial tcp 127.0.0.1:80: ...`).
pub(crate) fn dial_address(url: &reqwest::Url) -> String {
    let port = url
        .port_or_known_default()
        .map(|p| format!(":{p}"))
        .unwrap_or_default();
    format!("{}{port}", url.host_str().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::resolve_reference;

    #[test]
    fn references_resolve_as_in_helm() {
        let r = |b: &str, x: &str| resolve_reference(b, x).unwrap_or_default();
        assert_eq!(
            r("https://h/charts", "index.yaml"),
            "https://h/charts/index.yaml"
        );
        assert_eq!(
            r("https://h/charts/", "index.yaml"),
            "https://h/charts/index.yaml"
        );
        assert_eq!(
            r("http://h/repo1?token=abc", "index.yaml"),
            "http://h/repo1/index.yaml?token=abc"
        );
        assert_eq!(
            r("http://h/r", "sub-1.2.0.tgz?sig=xyz"),
            "http://h/r/sub-1.2.0.tgz"
        );
        assert_eq!(r("http://h/r", "/abs/x.tgz"), "http://h/abs/x.tgz");
        assert_eq!(
            r("http://h/r", "https://o/x.tgz?a=1"),
            "https://o/x.tgz?a=1"
        );
    }
}
