//! Helm's environment (`pkg/cli/environment.go`): the `HELM_*` variables that become the
//! defaults of the global flags (so an explicit flag wins, and `--help` shows them), Helm's
//! directories, and the namespace `helm template` puts in `.Release.Namespace` when `-n` is
//! not given: the kubeconfig context's, else the in-cluster service account's, else `default`.

use render_go::strconv;
use render_go::value::{Map, Value};
use std::path::{Component, Path};

/// The environment of this process, as Helm's settings read it.
pub struct Env;

impl Env {
    /// The environment of this process.
    pub fn from_process() -> Env {
        Env
    }

    /// `os.LookupEnv`.
    fn var(&self, key: &str) -> Option<String> {
        std::env::var(key).ok()
    }

    /// `os.Getenv`.
    fn get(&self, key: &str) -> String {
        self.var(key).unwrap_or_default()
    }

    /// The default of a global flag as pflag prints it (`DefValue`), by the key the flag
    /// table names.
    pub fn flag_default(&self, key: &str) -> String {
        let parse_bool = |k: &str| crate::pflag::parse_bool(&self.get(k)).unwrap_or(false);
        match key {
            "namespace" => self.get("HELM_NAMESPACE"),
            "kube-context" => self.get("HELM_KUBECONTEXT"),
            "kube-token" => self.get("HELM_KUBETOKEN"),
            "kube-as-user" => self.get("HELM_KUBEASUSER"),
            "kube-as-group" => {
                let groups = self.get("HELM_KUBEASGROUPS");
                let trimmed = groups.trim_matches([',', ' ']);
                format!("[{trimmed}]")
            }
            "kube-apiserver" => self.get("HELM_KUBEAPISERVER"),
            "kube-ca-file" => self.get("HELM_KUBECAFILE"),
            "kube-tls-server-name" => self.get("HELM_KUBETLS_SERVER_NAME"),
            "kube-insecure-skip-tls-verify" => {
                parse_bool("HELM_KUBEINSECURE_SKIP_TLS_VERIFY").to_string()
            }
            "debug" => parse_bool("HELM_DEBUG").to_string(),
            "registry-config" => self.or_path(
                "HELM_REGISTRY_CONFIG",
                self.config_path("registry/config.json"),
            ),
            "repository-config" => self.or_path(
                "HELM_REPOSITORY_CONFIG",
                self.config_path("repositories.yaml"),
            ),
            "repository-cache" => {
                self.or_path("HELM_REPOSITORY_CACHE", self.cache_path("repository"))
            }
            "content-cache" => self.or_path("HELM_CONTENT_CACHE", self.cache_path("content")),
            "burst-limit" => {
                // `strconv.Atoi`, 100 when unset or invalid.
                let v = self.var("HELM_BURST_LIMIT").unwrap_or_else(|| "100".into());
                match strconv::parse_int(&v, 10, 64) {
                    Ok(n) => n.to_string(),
                    Err(_) => "100".into(),
                }
            }
            "qps" => match self.var("HELM_QPS").map(|v| strconv::parse_float(&v)) {
                Some(Ok(f)) if !(f.is_finite() && (f as f32).is_infinite()) => {
                    strconv::format_float32(f as f32, b'g', -1)
                }
                _ => "0".into(),
            },
            "color" => self.color_mode(),
            "keyring" => match self.var("GNUPGHOME") {
                Some(home) => join(&home, "pubring.gpg"),
                None => join(&join(&self.get("HOME"), ".gnupg"), "pubring.gpg"),
            },
            _ => String::new(),
        }
    }

    /// `NO_COLOR` and `HELM_COLOR` (an invalid `HELM_COLOR` is ignored, unlike the flag).
    fn color_mode(&self) -> String {
        if self.var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return "never".into();
        }
        match self.var("HELM_COLOR").map(|v| v.to_lowercase()) {
            Some(v) if matches!(v.as_str(), "never" | "auto" | "always") => v,
            _ => "auto".into(),
        }
    }

    fn or_path(&self, key: &str, default: String) -> String {
        self.var(key).unwrap_or(default)
    }

    /// `helmpath.ConfigPath`: `$HELM_CONFIG_HOME`, else `$XDG_CONFIG_HOME/helm`, else
    /// `$HOME/.config/helm`.
    fn config_path(&self, elem: &str) -> String {
        self.helm_path("HELM_CONFIG_HOME", "XDG_CONFIG_HOME", ".config", elem)
    }

    /// `helmpath.CachePath`.
    fn cache_path(&self, elem: &str) -> String {
        self.helm_path("HELM_CACHE_HOME", "XDG_CACHE_HOME", ".cache", elem)
    }

    fn helm_path(&self, helm_var: &str, xdg_var: &str, home_dir: &str, elem: &str) -> String {
        let base = self.get(helm_var);
        if !base.is_empty() {
            return join(&base, elem);
        }
        let mut base = self.get(xdg_var);
        if base.is_empty() {
            base = join(&self.get("HOME"), home_dir);
        }
        join(&join(&base, "helm"), elem)
    }

    /// `settings.Namespace()`: the `-n`/`HELM_NAMESPACE` value when not empty, else the
    /// namespace of the kubeconfig's context, else the in-cluster one, else `default`.
    pub fn namespace(&self, given: &str, kubeconfig: &str, kube_context: &str) -> String {
        if !given.is_empty() {
            return given.to_string();
        }
        match self.kubeconfig_namespace(kubeconfig, kube_context) {
            Lookup::Explicit(ns) => ns,
            Lookup::Implicit | Lookup::Empty => self
                .in_cluster_namespace()
                .unwrap_or_else(|| "default".into()),
            Lookup::Unusable => "default".into(),
        }
    }

    /// client-go's loading rules and `DirectClientConfig.Namespace`, for the parts that decide
    /// the namespace: files merged first-wins, the context must exist and its cluster name a
    /// server. (Credentials are not checked.)
    fn kubeconfig_namespace(&self, explicit: &str, kube_context: &str) -> Lookup {
        let files: Vec<String> = if !explicit.is_empty() {
            vec![explicit.to_string()]
        } else {
            match self.var("KUBECONFIG").filter(|v| !v.is_empty()) {
                Some(list) => list
                    .split(':')
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect(),
                None => vec![join(&join(&self.get("HOME"), ".kube"), "config")],
            }
        };
        let mut config = KubeConfig::default();
        for file in &files {
            let text = match std::fs::read_to_string(file) {
                Ok(t) => t,
                // An explicit file must exist; the others may be missing.
                Err(_) if !explicit.is_empty() => return Lookup::Unusable,
                Err(_) => continue,
            };
            let Ok(doc) = render_go::yaml::from_str(&text) else {
                return Lookup::Unusable;
            };
            config.merge(&doc);
        }
        let name = if kube_context.is_empty() {
            config.current_context.clone()
        } else {
            kube_context.to_string()
        };
        let context = config
            .contexts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c);
        if !name.is_empty() && context.is_none() {
            return Lookup::Unusable;
        }
        let server = context.and_then(|c| {
            config
                .clusters
                .iter()
                .find(|(n, _)| *n == c.cluster)
                .map(|(_, server)| server)
        });
        match (server, context) {
            // No cluster at all: client-go's "empty config".
            (None, _) | (_, None) => Lookup::Empty,
            (Some(server), _) if server.is_empty() => Lookup::Unusable,
            (Some(_), Some(c)) if c.namespace.is_empty() => Lookup::Implicit,
            (Some(_), Some(c)) => Lookup::Explicit(c.namespace.clone()),
        }
    }

    /// `inClusterClientConfig.Namespace`, when running in a pod.
    fn in_cluster_namespace(&self) -> Option<String> {
        let token = Path::new("/var/run/secrets/kubernetes.io/serviceaccount/token");
        let possible = !self.get("KUBERNETES_SERVICE_HOST").is_empty()
            && !self.get("KUBERNETES_SERVICE_PORT").is_empty()
            && token.is_file();
        if !possible {
            return None;
        }
        if let Some(ns) = self.var("POD_NAMESPACE") {
            return Some(ns);
        }
        let file = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
        match std::fs::read_to_string(file) {
            Ok(ns) if !ns.trim().is_empty() => Some(ns.trim().to_string()),
            _ => Some("default".into()),
        }
    }
}

enum Lookup {
    /// The context names a namespace.
    Explicit(String),
    /// The context names none (`default`, unless running in a pod).
    Implicit,
    /// No kubeconfig to speak of.
    Empty,
    /// A kubeconfig client-go would refuse.
    Unusable,
}

/// The parts of a kubeconfig that decide the namespace.
#[derive(Default)]
struct KubeConfig {
    current_context: String,
    /// `(name, context)`, first file wins.
    contexts: Vec<(String, Context)>,
    /// `(name, server)`, first file wins.
    clusters: Vec<(String, String)>,
}

struct Context {
    cluster: String,
    namespace: String,
}

impl KubeConfig {
    fn merge(&mut self, doc: &Value) {
        let Some(doc) = doc.as_map() else { return };
        let text = |m: &Map, k: &str| {
            m.get(k)
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        };
        if self.current_context.is_empty() {
            self.current_context = text(doc, "current-context");
        }
        let named = |list: &str| -> Vec<(String, Map)> {
            doc.get(list)
                .and_then(|l| l.as_list().map(<[Value]>::to_vec))
                .unwrap_or_default()
                .iter()
                .filter_map(|entry| {
                    let m = entry.as_map()?;
                    Some((
                        text(m, "name"),
                        m.get(list.trim_end_matches('s'))?.as_map()?.clone(),
                    ))
                })
                .collect()
        };
        for (name, c) in named("contexts") {
            if !self.contexts.iter().any(|(n, _)| *n == name) {
                let context = Context {
                    cluster: text(&c, "cluster"),
                    namespace: text(&c, "namespace"),
                };
                self.contexts.push((name, context));
            }
        }
        for (name, c) in named("clusters") {
            if !self.clusters.iter().any(|(n, _)| *n == name) {
                self.clusters.push((name, text(&c, "server")));
            }
        }
    }
}

/// Go's `filepath.Join`: joined with `/` and cleaned.
pub fn join(a: &str, b: &str) -> String {
    let joined = match (a.is_empty(), b.is_empty()) {
        (true, true) => return String::new(),
        (true, false) => b.to_string(),
        (false, true) => a.to_string(),
        (false, false) => format!("{a}/{b}"),
    };
    clean(&joined)
}

/// Go's `filepath.Clean` for Unix paths.
pub fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for c in Path::new(path).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str().unwrap_or("")),
            Component::ParentDir => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}
