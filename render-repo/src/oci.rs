//! Charts in OCI registries, as Helm's registry client reads them: tags listed and filtered to
//! strict semantic versions (`_` in a tag is a `+`), the chart layer of a tag's manifest pulled
//! (its bytes are the `.tgz` that was pushed), credentials from `--username/--password` or the
//! Docker-format registry config (`config.json`), and Helm's (oras') error texts.

use base64::Engine;
use oci_client::client::{ClientConfig, ClientProtocol};
use oci_client::errors::OciDistributionError;
use oci_client::secrets::RegistryAuth;
use oci_client::{Client, Reference};
use render_go::semver::Version;
use std::path::PathBuf;

/// The chart layer's media type.
pub const CHART_LAYER: &str = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
/// The media type of charts pushed by old Helm versions.
const LEGACY_CHART_LAYER: &str = "application/tar+gzip";

/// How to reach registries (the flags of `dependency update` and `template`).
#[derive(Clone, Debug, Default)]
pub struct RegistryOptions {
    /// `--plain-http`.
    pub plain_http: bool,
    /// `--insecure-skip-tls-verify`.
    pub insecure: bool,
    /// `--ca-file`.
    pub ca_file: String,
    /// `--username` (used for every registry when given with a password).
    pub username: String,
    /// `--password`.
    pub password: String,
    /// `--registry-config`: Docker-format credentials.
    pub registry_config: PathBuf,
}

/// A registry client for one run.
pub struct Registry {
    client: Client,
    options: RegistryOptions,
}

/// A pulled chart.
pub struct Pulled {
    /// The chart archive.
    pub data: Vec<u8>,
    /// The manifest's digest (`Digest:` in Helm's output).
    pub digest: String,
    /// The reference as Helm prints it (`host/path/name:tag`, `+` as `_`).
    pub reference: String,
    /// The chart layer had the deprecated media type.
    pub legacy: bool,
}

const UNDERSCORE_NOTE: &str = "OCI artifact references (e.g. tags) do not support the plus sign (+). To support\n\
storing semantic versions, Helm adopts the convention of changing plus (+) to\n\
an underscore (_) in chart version tags when pushing to a registry and back to\n\
a plus (+) when pulling from a registry.";

impl Pulled {
    /// What Helm's registry client prints after a pull (on standard output).
    pub fn report(&self) -> String {
        let mut out = String::new();
        if self.legacy {
            out.push_str(&format!(
                "Warning: chart media type {LEGACY_CHART_LAYER} is deprecated\n"
            ));
        }
        out.push_str(&format!(
            "Pulled: {}\nDigest: {}\n",
            self.reference, self.digest
        ));
        if self.reference.contains('_') {
            out.push_str(&format!(
                "{} contains an underscore.\n\n{UNDERSCORE_NOTE}\n",
                self.reference
            ));
        }
        out
    }
}

/// Pages of one tag list read at most: far more than any chart's versions, and a bound on a
/// registry that keeps answering.
const MAX_TAG_PAGES: usize = 1000;

/// `--plain-http` counts only without TLS options, as in Helm's registry client.
fn speaks_plain_http(options: &RegistryOptions) -> bool {
    options.plain_http && options.ca_file.is_empty() && !options.insecure
}

impl Registry {
    /// A client for these options.
    pub fn new(options: &RegistryOptions) -> Result<Registry, String> {
        let mut config = ClientConfig {
            protocol: if speaks_plain_http(options) {
                ClientProtocol::Http
            } else {
                ClientProtocol::Https
            },
            accept_invalid_certificates: options.insecure,
            user_agent: crate::fetch::USER_AGENT,
            platform_resolver: None,
            ..ClientConfig::default()
        };
        if !options.ca_file.is_empty() {
            let pem = std::fs::read(&options.ca_file).map_err(|e| {
                format!(
                    "missing registry client: can't create TLS config for client: can't read CA file: {}: open {}: {}",
                    render_go::strconv::quote(&options.ca_file),
                    options.ca_file,
                    render_go::os::io_error(&e)
                )
            })?;
            config.tls_certs_only = vec![oci_client::client::Certificate {
                encoding: oci_client::client::CertificateEncoding::Pem,
                data: pem,
            }];
        }
        Ok(Registry {
            client: Client::new(config),
            options: options.clone(),
        })
    }

    /// The scheme the client speaks.
    fn scheme(&self) -> &'static str {
        if speaks_plain_http(&self.options) {
            "http"
        } else {
            "https"
        }
    }

    /// The credentials for `host`: the flags, else the registry config, else none.
    fn auth(&self, host: &str) -> RegistryAuth {
        let o = &self.options;
        if !o.username.is_empty() && !o.password.is_empty() {
            return RegistryAuth::Basic(o.username.clone(), o.password.clone());
        }
        let mut files = vec![o.registry_config.clone()];
        if let Some(docker) = std::env::var_os("DOCKER_CONFIG") {
            files.push(PathBuf::from(docker).join("config.json"));
        } else if let Some(home) = std::env::var_os("HOME") {
            files.push(PathBuf::from(home).join(".docker/config.json"));
        }
        for file in files {
            if let Some(auth) = docker_config_auth(&file, host) {
                return auth;
            }
        }
        RegistryAuth::Anonymous
    }

    /// `Client.Tags`: the repository's tags that are strict semantic versions, newest first,
    /// with `+` restored.
    pub async fn tags(&self, repository: &str) -> Result<Vec<String>, String> {
        let reference: Reference = format!("{repository}:latest")
            .parse()
            .map_err(|e| format!("invalid reference: {e}"))?;
        let auth = self.auth(reference.resolve_registry());
        let page = self
            .client
            .list_tags(&reference, &auth, None, None)
            .await
            .map_err(|e| match &e {
                OciDistributionError::JsonError(json) => {
                    let url = format!(
                        "{}://{}/v2/{}/tags/list",
                        self.scheme(),
                        reference.resolve_registry(),
                        reference.repository()
                    );
                    format!(
                        "GET {}: failed to decode response: {}",
                        render_go::strconv::quote(&url),
                        // Go's decoder reads the whole document before it checks types.
                        if json.is_eof() {
                            "unexpected EOF".to_string()
                        } else {
                            json.to_string()
                        }
                    )
                }
                _ => go_error("GET", &e),
            })?;
        let all = self.remaining_pages(&reference, &auth, page.tags).await;
        let mut versions: Vec<Version> = all
            .iter()
            .filter_map(|t| strict_version(&t.replace('_', "+")))
            .collect();
        versions.sort_by(|a, b| b.compare(a));
        Ok(versions.iter().map(|v| v.to_string()).collect())
    }

    /// The rest of a tag list a registry pages (Helm's client follows the `Link` header, which
    /// `oci-client` does not show): ask for the tags after the last one seen until a page
    /// brings nothing new. A registry that answered everything at once answers the next
    /// question with nothing (or the same list, if it ignores `last`); a failing follow-up
    /// keeps what the first answer gave, which is all Helm's client would have had there.
    async fn remaining_pages(
        &self,
        reference: &Reference,
        auth: &RegistryAuth,
        first: Vec<String>,
    ) -> Vec<String> {
        let mut all = first;
        let mut seen: std::collections::HashSet<String> = all.iter().cloned().collect();
        for _ in 0..MAX_TAG_PAGES {
            let Some(last) = all.last().cloned() else {
                break;
            };
            let Ok(page) = self
                .client
                .list_tags(reference, auth, None, Some(&last))
                .await
            else {
                break;
            };
            let before = all.len();
            all.extend(page.tags.into_iter().filter(|t| seen.insert(t.clone())));
            if all.len() == before {
                break;
            }
        }
        all
    }

    /// Pulls the chart at `repository:tag` (`tag` with `+`).
    pub async fn pull(&self, repository: &str, tag: &str) -> Result<Pulled, String> {
        let shown = format!("{repository}:{}", tag.replace('+', "_"));
        let reference: Reference = shown
            .parse()
            .map_err(|e| format!("invalid reference: {e}"))?;
        let auth = self.auth(reference.resolve_registry());
        let (manifest, digest) = self
            .client
            .pull_image_manifest(&reference, &auth)
            .await
            .map_err(|e| match &e {
                OciDistributionError::RegistryError { envelope, .. }
                    if envelope.errors.iter().any(|x| {
                        matches!(
                            x.code,
                            oci_client::errors::OciErrorCode::ManifestUnknown
                                | oci_client::errors::OciErrorCode::NameUnknown
                        )
                    }) =>
                {
                    format!("failed to perform \"FetchReference\" on source: {shown}: not found")
                }
                OciDistributionError::ServerError { code: 404, .. } => {
                    format!("failed to perform \"FetchReference\" on source: {shown}: not found")
                }
                _ => go_error("GET", &e),
            })?;
        let layer = manifest
            .layers
            .iter()
            .find(|l| l.media_type == CHART_LAYER || l.media_type == LEGACY_CHART_LAYER)
            .ok_or_else(|| {
                format!("manifest does not contain a layer with mediatype {CHART_LAYER}")
            })?;
        let mut data = Bounded(Vec::new());
        self.client
            .pull_blob(&reference, layer, &mut data)
            .await
            .map_err(|e| go_error("GET", &e))?;
        let data = data.0;
        Ok(Pulled {
            data,
            digest,
            reference: shown,
            legacy: layer.media_type == LEGACY_CHART_LAYER,
        })
    }
}

/// A blob being downloaded, refused past [`crate::fetch::MAX_DOWNLOAD_BYTES`] (a registry
/// could send anything).
struct Bounded(Vec<u8>);

impl tokio::io::AsyncWrite for Bounded {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        if self.0.len() + buf.len() > crate::fetch::MAX_DOWNLOAD_BYTES {
            return std::task::Poll::Ready(Err(std::io::Error::other(format!(
                "the chart is larger than {} bytes",
                crate::fetch::MAX_DOWNLOAD_BYTES
            ))));
        }
        self.0.extend_from_slice(buf);
        std::task::Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

/// Masterminds' `StrictNewVersion`: `MAJOR.MINOR.PATCH` with optional prerelease and
/// metadata, no `v`, no leading zeros.
fn strict_version(s: &str) -> Option<Version> {
    let (core, _) = s.split_once(['-', '+']).unwrap_or((s, ""));
    let parts: Vec<&str> = core.split('.').collect();
    let strict = parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        });
    if !strict {
        return None;
    }
    Version::parse(s).ok()
}

/// A Docker `config.json`'s credentials for `host` (`auths.<host>.auth`, base64 of
/// `user:password`; legacy keys with a scheme or path match by host).
fn docker_config_auth(path: &std::path::Path, host: &str) -> Option<RegistryAuth> {
    let text = std::fs::read_to_string(path).ok()?;
    let doc = render_go::json::decode(&text).ok()?;
    let auths = doc.get("auths")?;
    let entries = auths.as_map()?.entries();
    let entry = entries.iter().find_map(|(k, v)| {
        let key = k
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        let key = key.split('/').next().unwrap_or(key);
        (key == host).then(|| v.clone())
    })?;
    if let Some(token) = entry
        .get("identitytoken")
        .and_then(|t| t.as_str().map(String::from))
        && !token.is_empty()
    {
        return Some(RegistryAuth::Bearer(token));
    }
    let encoded = entry
        .get("auth")
        .and_then(|a| a.as_str().map(String::from))?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (user, pass) = decoded.split_once(':')?;
    Some(RegistryAuth::Basic(user.to_string(), pass.to_string()))
}

/// An oras-style error: `GET "URL": response status code 404: name unknown: ...`.
fn go_error(method: &str, e: &OciDistributionError) -> String {
    match e {
        OciDistributionError::RegistryError { envelope, url } => {
            let status = envelope
                .errors
                .first()
                .map(|x| status_of(&x.code))
                .unwrap_or(400);
            let errs: Vec<String> = envelope
                .errors
                .iter()
                .map(|x| {
                    let code = serde_json::to_value(&x.code)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default()
                        .to_lowercase()
                        .replace('_', " ");
                    let mut s = format!("{code}: {}", x.message);
                    if !x.detail.is_null() {
                        s.push_str(&format!(": {}", go_map(&x.detail)));
                    }
                    s
                })
                .collect();
            format!(
                "{method} {}: response status code {status}: {}",
                render_go::strconv::quote(url),
                errs.join("; ")
            )
        }
        OciDistributionError::ServerError { code, url, .. } => {
            let text = reqwest::StatusCode::from_u16(*code)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("");
            format!(
                "{method} {}: response status code {code}: {text}",
                render_go::strconv::quote(url)
            )
        }
        OciDistributionError::UnauthorizedError { url } => format!(
            "{method} {}: response status code 401: unauthorized: authentication required",
            render_go::strconv::quote(url)
        ),
        OciDistributionError::RequestError(r) => {
            let url = r.url().map(|u| u.to_string()).unwrap_or_default();
            let mut cause: Option<&dyn std::error::Error> = Some(r);
            let mut refused = false;
            let mut last = r.to_string();
            while let Some(c) = cause {
                if let Some(io) = c.downcast_ref::<std::io::Error>() {
                    refused |= io.kind() == std::io::ErrorKind::ConnectionRefused;
                }
                last = c.to_string();
                cause = c.source();
            }
            let host = r.url().map(crate::fetch::dial_address).unwrap_or_default();
            let detail = if refused {
                format!("dial tcp {host}: connect: connection refused")
            } else if last.contains("InvalidContentType") || last.contains("corrupt message") {
                "http: server gave HTTP response to HTTPS client".to_string()
            } else {
                last
            };
            format!("Get {}: {detail}", render_go::strconv::quote(&url))
        }
        other => other.to_string(),
    }
}

fn status_of(code: &oci_client::errors::OciErrorCode) -> u16 {
    use oci_client::errors::OciErrorCode as C;
    match code {
        C::Unauthorized => 401,
        C::Denied => 403,
        C::Toomanyrequests => 429,
        C::Unsupported => 415,
        C::BlobUnknown | C::ManifestUnknown | C::NameUnknown | C::ManifestBlobUnknown => 404,
        _ => 400,
    }
}

/// Go's `%v` of a decoded JSON value (`map[name:nope/sub]`).
fn go_map(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| format!("{k}:{}", go_map(&m[*k])))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        serde_json::Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(go_map).collect::<Vec<_>>().join(" ")
            )
        }
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "<nil>".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::strict_version;

    #[test]
    fn tags_are_strict_versions() {
        assert!(strict_version("1.2.3").is_some());
        assert!(strict_version("1.3.0+build.1").is_some());
        assert!(strict_version("1.0").is_none());
        assert!(strict_version("v1.0.0").is_none());
        assert!(strict_version("latest").is_none());
        assert!(strict_version("01.0.0").is_none());
    }
}
