//! `render argocd generate`: the `generate` command of render's Argo CD config management
//! plugin (`deploy/argocd/`). It renders the chart in the working directory as Argo CD's
//! built-in Helm source renders it (argo-cd `reposerver` `helmTemplate` and `util/helm`
//! `Cmd.template`), from what Argo CD hands a plugin: the application's name, namespace,
//! target Kubernetes version and API versions in the environment, and the plugin parameters
//! as JSON in `ARGOCD_APP_PARAMETERS`.
//!
//! Parameters (named after `spec.source.helm`'s fields):
//! strings `releaseName`, `namespace`, `kubeVersion`, `values` (inline YAML),
//! `skipCrds`, `skipTests`, `skipSchemaValidation`, `ignoreMissingValueFiles`;
//! arrays `valueFiles`, `apiVersions`; maps `parameters` (`--set`), `stringParameters`
//! (`--set-string`), `fileParameters` (`--set-file`). Each may also come from the
//! application's plugin environment as `ARGOCD_ENV_<NAME>` (arrays comma-separated, maps not
//! supported); a parameter wins over the environment.
//!
//! Precedence is Argo CD's (and Helm's): parameters over `values` over `valueFiles` over the
//! chart's own values.

use crate::Context;
use crate::pflag::Parsed;
use render_go::value::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The build environment Argo CD substitutes into parameter values (`$ARGOCD_APP_NAME`).
const BUILD_ENV: [&str; 9] = [
    "ARGOCD_APP_NAME",
    "ARGOCD_APP_NAMESPACE",
    "ARGOCD_APP_PROJECT_NAME",
    "ARGOCD_APP_REVISION",
    "ARGOCD_APP_REVISION_SHORT",
    "ARGOCD_APP_REVISION_SHORT_8",
    "ARGOCD_APP_SOURCE_REPO_URL",
    "ARGOCD_APP_SOURCE_PATH",
    "ARGOCD_APP_SOURCE_TARGET_REVISION",
];

/// The plugin parameters, by name.
#[derive(Default)]
struct Params {
    strings: BTreeMap<String, String>,
    arrays: BTreeMap<String, Vec<String>>,
    maps: BTreeMap<String, BTreeMap<String, String>>,
}

impl Params {
    /// `ARGOCD_APP_PARAMETERS`: `[{"name": ..., "string"|"array"|"map": ...}]`.
    fn from_json(text: &str) -> Result<Params, String> {
        let mut p = Params::default();
        let doc =
            render_go::json::decode(text).map_err(|e| format!("ARGOCD_APP_PARAMETERS: {e}"))?;
        let items = match &doc {
            Value::Nil => return Ok(p),
            Value::List(items, _) => items.to_vec(),
            _ => return Err("ARGOCD_APP_PARAMETERS: not a JSON list".into()),
        };
        let text_of = |v: &Value| v.as_str().map(String::from);
        for item in items {
            let Some(name) = item.get("name").as_ref().and_then(text_of) else {
                continue;
            };
            if let Some(s) = item.get("string").as_ref().and_then(text_of) {
                p.strings.insert(name.clone(), s);
            }
            if let Some(Value::List(list, _)) = item.get("array") {
                let values = list.iter().filter_map(text_of).collect();
                p.arrays.insert(name.clone(), values);
            }
            if let Some(Value::Map(m)) = item.get("map") {
                let values = m
                    .entries()
                    .into_iter()
                    .filter_map(|(k, v)| Some((k.to_string(), text_of(&v)?)))
                    .collect();
                p.maps.insert(name, values);
            }
        }
        Ok(p)
    }
}

/// What `generate` reads, with the environment it reads it from.
struct Inputs<'e> {
    params: Params,
    env: &'e dyn Fn(&str) -> Option<String>,
}

impl Inputs<'_> {
    fn var(&self, key: &str) -> String {
        (self.env)(key).unwrap_or_default()
    }

    /// A string parameter, else `ARGOCD_ENV_<NAME>`.
    fn string(&self, name: &str) -> String {
        match self.params.strings.get(name) {
            Some(s) => s.clone(),
            None => self.var(&env_name(name)),
        }
    }

    /// A bool parameter (Go's `strconv.ParseBool`, false when invalid).
    fn flag(&self, name: &str) -> bool {
        crate::pflag::parse_bool(&self.string(name)).unwrap_or(false)
    }

    /// An array parameter, else `ARGOCD_ENV_<NAME>` split on commas.
    fn array(&self, name: &str) -> Vec<String> {
        match self.params.arrays.get(name) {
            Some(a) => a.clone(),
            None => split_list(&self.var(&env_name(name))),
        }
    }

    fn map(&self, name: &str) -> BTreeMap<String, String> {
        self.params.maps.get(name).cloned().unwrap_or_default()
    }

    /// Argo CD's `Env.Envsubst`: `$VAR`/`${VAR}` of the build environment, others empty.
    fn expand(&self, s: &str) -> String {
        go_expand(s, &|name| {
            if name == "$" {
                "$".into()
            } else if BUILD_ENV.contains(&name) {
                self.var(name)
            } else {
                String::new()
            }
        })
    }
}

/// `valueFiles` → `ARGOCD_ENV_VALUE_FILES`.
fn env_name(param: &str) -> String {
    let mut out = String::from("ARGOCD_ENV_");
    for c in param.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// Runs `render argocd generate` in the application's directory.
pub fn generate(cx: &mut Context) -> Result<(), String> {
    let env = |k: &str| std::env::var(k).ok();
    let params = match env("ARGOCD_APP_PARAMETERS").filter(|t| !t.trim().is_empty()) {
        Some(text) => Params::from_json(&text)?,
        None => Params::default(),
    };
    let inputs = Inputs { params, env: &env };
    let app_dir = std::env::current_dir().map_err(|e| format!("working directory: {e}"))?;
    let scratch = Scratch::new()?;
    let args = template_args(&inputs, &app_dir, &scratch)?;
    let (path, rest) = crate::cobra::find(&args);
    let flags = crate::cobra::flag_set(&path);
    let (parsed, stop) = crate::pflag::parse(&flags, &rest, crate::pflag::Unknown::Fail);
    if let Some(crate::pflag::Stop::Error(e)) = stop {
        return Err(e);
    }
    let parsed: Parsed = parsed;
    let saved = std::mem::replace(&mut cx.parsed, parsed);
    let mut result = crate::template::run(cx, crate::template::Mode::Template).map(|_| ());
    if let Err(e) = &result
        && e.contains("but missing in charts/ directory")
    {
        // As Argo CD does: `helm dependency build` with the dependencies' repositories added,
        // then render again. Its messages are not the manifests: they go to stderr.
        let settings = dependency_settings(cx, &app_dir, &scratch)?;
        let mut messages = Vec::new();
        let outcome = render_repo::build_logged(&app_dir, &settings, &mut messages);
        let _ = cx.err.write_all(&messages);
        for w in &outcome.warnings {
            crate::print_warning(cx.err, w);
        }
        outcome
            .result
            .map_err(|e| format!("error building helm chart dependencies: {e}"))?;
        result = crate::template::run(cx, crate::template::Mode::Template).map(|_| ());
    }
    cx.parsed = saved;
    result
}

/// Argo CD's `getHelmDependencyRepos`: each `https://` (or `http://`) dependency repository
/// becomes an entry of a private repositories.yaml, named after its URL, so that `dependency
/// build` accepts it.
fn dependency_settings(
    cx: &Context,
    app_dir: &Path,
    scratch: &Scratch,
) -> Result<render_repo::Settings, String> {
    let chart = render_core::load_chart_v2(app_dir).map_err(|e| e.to_string())?;
    let mut repos = String::from("apiVersion: v1\nrepositories:\n");
    for d in &chart.chart.metadata.dependencies {
        let url = &d.repository;
        if url.starts_with("https://") || url.starts_with("http://") {
            repos.push_str(&format!(
                "- name: {}\n  url: {}\n",
                render_go::strconv::quote(&url.replace('/', "-")),
                render_go::strconv::quote(url)
            ));
        }
    }
    let mut settings = crate::remote::settings(cx);
    settings.repository_config = scratch.write("repositories.yaml", &repos)?;
    settings.repository_cache = scratch.dir.join("repository");
    Ok(settings)
}

/// The `render template` command line Argo CD's repo-server would run (`Cmd.template`).
fn template_args(
    inputs: &Inputs,
    app_dir: &Path,
    scratch: &Scratch,
) -> Result<Vec<String>, String> {
    let mut args: Vec<String> = vec!["template".into(), ".".into()];
    let mut release = inputs.string("releaseName");
    if release.is_empty() {
        // `argo.ParseInstanceName`: `<namespace>_<name>` for apps outside Argo CD's namespace.
        let app = inputs.var("ARGOCD_APP_NAME");
        release = match app.split_once('_') {
            Some((_, name)) => name.to_string(),
            None => app,
        };
    }
    args.extend(["--name-template".into(), release]);
    let mut namespace = inputs.string("namespace");
    if namespace.is_empty() {
        namespace = inputs.var("ARGOCD_APP_NAMESPACE");
    }
    if !namespace.is_empty() {
        args.extend(["--namespace".into(), namespace]);
    }
    let mut kube_version = inputs.string("kubeVersion");
    if kube_version.is_empty() {
        kube_version = inputs.var("KUBE_VERSION");
    }
    if !kube_version.is_empty() {
        let normalized = normalize_kube_version(&kube_version)
            .map_err(|e| format!("could not parse kubernetes version {kube_version}: {e}"))?;
        args.extend(["--kube-version".into(), normalized]);
    }
    let root = repo_root(app_dir, &inputs.var("ARGOCD_APP_SOURCE_PATH"));
    for (flag, param) in [
        ("--set", "parameters"),
        ("--set-string", "stringParameters"),
    ] {
        for (k, v) in inputs.map(param) {
            args.extend([
                flag.into(),
                format!("{k}={}", escape_commas(&inputs.expand(&v))),
            ]);
        }
    }
    for (k, v) in inputs.map("fileParameters") {
        let path = resolve(&inputs.expand(&v), app_dir, &root)?;
        let path = path.to_string_lossy().into_owned();
        args.extend(["--set-file".into(), format!("{k}={}", escape_commas(&path))]);
    }
    let ignore_missing = inputs.flag("ignoreMissingValueFiles");
    let mut seen: Vec<PathBuf> = Vec::new();
    for raw in inputs.array("valueFiles") {
        let raw = inputs.expand(&raw);
        let path = resolve(&raw, app_dir, &root)
            .map_err(|e| format!("error resolving helm value files: {e}"))?;
        if !path.exists() && ignore_missing {
            continue;
        }
        if seen.contains(&path) {
            continue;
        }
        seen.push(path.clone());
        args.extend(["--values".into(), path.to_string_lossy().into_owned()]);
    }
    let values = inputs.string("values");
    if !values.is_empty() {
        let file = scratch.write("values.yaml", &values)?;
        args.extend(["--values".into(), file.to_string_lossy().into_owned()]);
    }
    let mut api_versions = inputs.array("apiVersions");
    if api_versions.is_empty() {
        api_versions = split_list(&inputs.var("KUBE_API_VERSIONS"));
    }
    for v in api_versions {
        args.extend(["--api-versions".into(), v]);
    }
    if !inputs.flag("skipCrds") {
        args.push("--include-crds".into());
    }
    if inputs.flag("skipSchemaValidation") {
        args.push("--skip-schema-validation".into());
    }
    if inputs.flag("skipTests") {
        args.push("--skip-tests".into());
    }
    Ok(args)
}

/// The repository checkout: the application directory less `ARGOCD_APP_SOURCE_PATH`.
fn repo_root(app_dir: &Path, source_path: &str) -> PathBuf {
    let depth = Path::new(source_path)
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .count();
    let mut root = app_dir.to_path_buf();
    for _ in 0..depth {
        if !root.pop() {
            break;
        }
    }
    root
}

/// Argo CD's `ResolveValueFilePathOrUrl` for local files: relative to the application, an
/// absolute path relative to the repository root, never outside the repository.
fn resolve(raw: &str, app_dir: &Path, root: &Path) -> Result<PathBuf, String> {
    if raw.contains("://") {
        return Err(format!(
            "{raw}: remote value files are not supported by render's Argo CD plugin yet"
        ));
    }
    if raw.contains(['*', '?', '[']) {
        return Err(format!(
            "{raw}: value file globs are not supported by render's Argo CD plugin yet"
        ));
    }
    let base = if raw.starts_with('/') { root } else { app_dir };
    let joined = crate::env::join(&base.to_string_lossy(), raw);
    let resolved = std::fs::canonicalize(&joined).unwrap_or_else(|_| PathBuf::from(&joined));
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if !resolved.starts_with(&real_root) && !Path::new(&joined).starts_with(root) {
        return Err(format!("file '{raw}' resolved to outside repository root"));
    }
    Ok(PathBuf::from(joined))
}

/// `cleanSetParameters`: commas are escaped (`\,`) unless the value is a `{...}` list.
fn escape_commas(v: &str) -> String {
    if v.starts_with('{') && v.ends_with('}') {
        return v.to_string();
    }
    let mut out = String::new();
    let mut prev = '\0';
    for c in v.chars() {
        if c == ',' && prev != '\\' {
            out.push_str("\\,");
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// `version.ParseGeneric(v).String()`: `v1.29.3-gke.1` → `1.29.3`.
fn normalize_kube_version(v: &str) -> Result<String, String> {
    let quoted = render_go::strconv::quote(v);
    let trimmed = v.trim();
    let body = trimmed.strip_prefix('v').unwrap_or(trimmed);
    let numeric: String = body
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let numeric = numeric.trim_end_matches('.');
    if numeric.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(format!("could not parse {quoted} as version"));
    }
    let parts: Vec<&str> = numeric.split('.').collect();
    if parts.len() < 2 {
        return Err(format!("illegal version string {quoted}"));
    }
    let mut out = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if i == 0 && p.len() > 1 && p.starts_with('0') {
            return Err(format!(
                "illegal zero-prefixed version component {} in {quoted}",
                render_go::strconv::quote(p)
            ));
        }
        let n: u64 = p
            .parse()
            .map_err(|e| format!("illegal non-numeric version component {p:?} in {quoted}: {e}"))?;
        out.push(n.to_string());
    }
    Ok(out.join("."))
}

/// Go's `os.Expand`: `$NAME`, `${NAME}` and the special one-character names.
fn go_expand(s: &str, lookup: &dyn Fn(&str) -> String) -> String {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut start = 0;
    let mut j = 0;
    while let Some(&c) = b.get(j) {
        if c == b'$' && j + 1 < b.len() {
            out.push_str(&s[start..j]);
            let (name, width) = shell_name(&s[j + 1..]);
            if name.is_empty() && width > 0 {
                // Bad syntax: the characters are eaten.
            } else if name.is_empty() {
                out.push('$');
            } else {
                out.push_str(&lookup(name));
            }
            j += width + 1;
            start = j;
        } else {
            j += 1;
        }
    }
    out.push_str(&s[start..]);
    out
}

/// Go's `getShellName`: the variable name after a `$` and how many bytes it spans.
fn shell_name(s: &str) -> (&str, usize) {
    let b = s.as_bytes();
    let special =
        |c: u8| matches!(c, b'*' | b'#' | b'$' | b'@' | b'!' | b'?' | b'-') || c.is_ascii_digit();
    let alnum = |c: u8| c == b'_' || c.is_ascii_alphanumeric();
    match b.first() {
        Some(b'{') => {
            if let [_, c, b'}', ..] = b
                && special(*c)
            {
                return (&s[1..2], 3);
            }
            match b.iter().skip(1).position(|&c| c == b'}') {
                Some(0) => ("", 2),
                Some(i) => (&s[1..=i], i + 2),
                None => ("", 1),
            }
        }
        Some(&c) if special(c) => (&s[0..1], 1),
        _ => {
            let n = b.iter().take_while(|&&c| alnum(c)).count();
            (&s[..n], n)
        }
    }
}

/// A private directory for the inline `values`, removed when generation ends.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, String> {
        let base = std::env::temp_dir();
        for attempt in 0..100u32 {
            let dir = base.join(format!("render-argocd-{}-{attempt}", std::process::id()));
            if std::fs::create_dir(&dir).is_ok() {
                return Ok(Scratch { dir });
            }
        }
        Err(format!("cannot create a directory in {}", base.display()))
    }

    fn write(&self, name: &str, text: &str) -> Result<PathBuf, String> {
        let path = self.dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argo_cd_helpers_match_go() {
        assert_eq!(escape_commas("a,b\\,c"), "a\\,b\\,c");
        assert_eq!(escape_commas("{a,b}"), "{a,b}");
        assert_eq!(
            normalize_kube_version("v1.29.3-gke.1").as_deref(),
            Ok("1.29.3")
        );
        assert_eq!(normalize_kube_version(" 1.30 ").as_deref(), Ok("1.30"));
        assert!(normalize_kube_version("1").is_err());
        assert!(normalize_kube_version("01.2").is_err());
        assert_eq!(env_name("valueFiles"), "ARGOCD_ENV_VALUE_FILES");
        let look = |n: &str| match n {
            "A" => "x".to_string(),
            "$" => "$".to_string(),
            _ => String::new(),
        };
        assert_eq!(go_expand("$A-${A}-$$-$B-${}-$", &look), "x-x-$---$");
        assert_eq!(
            repo_root(Path::new("/r/apps/web"), "apps/web"),
            PathBuf::from("/r")
        );
        assert_eq!(repo_root(Path::new("/r"), "."), PathBuf::from("/r"));
    }
}
