//! Command-line parsing with Helm's flags and cobra/pflag's rules and error texts (`unknown
//! flag: --x`, `flag needs an argument: --values`, comma-splitting for string-slice flags).
//! Written by hand because the texts users see on a typo must read like Helm's.

use render_core::RenderOptions;
use std::path::PathBuf;

/// How a flag takes its value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Bool,
    /// One value; the last occurrence wins.
    String,
    /// Repeatable, each value kept whole (`StringArray`).
    Array,
    /// Repeatable, each value split on commas (`StringSlice`).
    Slice,
}

/// What a flag is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Use {
    Values,
    Set,
    SetString,
    SetFile,
    SetJson,
    SetLiteral,
    Namespace,
    KubeVersion,
    ApiVersions,
    ShowOnly,
    OutputDir,
    NameTemplate,
    IncludeCrds,
    SkipCrds,
    NoHooks,
    SkipTests,
    IsUpgrade,
    GenerateName,
    Debug,
    ReleaseNameDir,
    SkipSchemaValidation,
    Help,
    /// Accepted for compatibility; no effect on an offline render.
    Ignored,
    /// Needs something `render` does not do (a repository, a post-renderer).
    Unsupported,
}

struct Flag {
    long: &'static str,
    short: Option<char>,
    kind: Kind,
    purpose: Use,
}

const fn flag(long: &'static str, short: Option<char>, kind: Kind, purpose: Use) -> Flag {
    Flag {
        long,
        short,
        kind,
        purpose,
    }
}

/// The flags of `helm template` (its own, the install flags, and Helm's global flags).
const FLAGS: &[Flag] = &[
    flag("values", Some('f'), Kind::Slice, Use::Values),
    flag("set", None, Kind::Array, Use::Set),
    flag("set-string", None, Kind::Array, Use::SetString),
    flag("set-file", None, Kind::Array, Use::SetFile),
    flag("set-json", None, Kind::Array, Use::SetJson),
    flag("set-literal", None, Kind::Array, Use::SetLiteral),
    flag("namespace", Some('n'), Kind::String, Use::Namespace),
    flag("kube-version", None, Kind::String, Use::KubeVersion),
    flag("api-versions", Some('a'), Kind::Slice, Use::ApiVersions),
    flag("show-only", Some('s'), Kind::Array, Use::ShowOnly),
    flag("output-dir", None, Kind::String, Use::OutputDir),
    flag("name-template", None, Kind::String, Use::NameTemplate),
    flag("include-crds", None, Kind::Bool, Use::IncludeCrds),
    flag("skip-crds", None, Kind::Bool, Use::SkipCrds),
    flag("no-hooks", None, Kind::Bool, Use::NoHooks),
    flag("skip-tests", None, Kind::Bool, Use::SkipTests),
    flag("is-upgrade", None, Kind::Bool, Use::IsUpgrade),
    flag("generate-name", Some('g'), Kind::Bool, Use::GenerateName),
    flag("debug", None, Kind::Bool, Use::Debug),
    flag("release-name", None, Kind::Bool, Use::ReleaseNameDir),
    flag(
        "skip-schema-validation",
        None,
        Kind::Bool,
        Use::SkipSchemaValidation,
    ),
    flag("help", Some('h'), Kind::Bool, Use::Help),
    // Install flags that do not change an offline render.
    flag("atomic", None, Kind::Bool, Use::Ignored),
    flag("create-namespace", None, Kind::Bool, Use::Ignored),
    flag("dependency-update", None, Kind::Bool, Use::Ignored),
    flag("description", None, Kind::String, Use::Ignored),
    flag("devel", None, Kind::Bool, Use::Ignored),
    flag("disable-openapi-validation", None, Kind::Bool, Use::Ignored),
    flag("dry-run", None, Kind::String, Use::Ignored),
    flag("enable-dns", None, Kind::Bool, Use::Ignored),
    flag("force", None, Kind::Bool, Use::Ignored),
    flag("force-conflicts", None, Kind::Bool, Use::Ignored),
    flag("force-replace", None, Kind::Bool, Use::Ignored),
    flag("hide-notes", None, Kind::Bool, Use::Ignored),
    flag("hide-secret", None, Kind::Bool, Use::Ignored),
    flag("labels", Some('l'), Kind::Slice, Use::Ignored),
    flag("render-subchart-notes", None, Kind::Bool, Use::Ignored),
    flag("replace", None, Kind::Bool, Use::Ignored),
    flag("rollback-on-failure", None, Kind::Bool, Use::Ignored),
    flag("server-side", None, Kind::Bool, Use::Ignored),
    flag("take-ownership", None, Kind::Bool, Use::Ignored),
    flag("timeout", None, Kind::String, Use::Ignored),
    flag("validate", None, Kind::Bool, Use::Ignored),
    flag("verify", None, Kind::Bool, Use::Ignored),
    flag("version", None, Kind::String, Use::Ignored),
    flag("wait", None, Kind::String, Use::Ignored),
    flag("wait-for-jobs", None, Kind::Bool, Use::Ignored),
    // Helm's global flags.
    flag("burst-limit", None, Kind::String, Use::Ignored),
    flag("color", None, Kind::String, Use::Ignored),
    flag("colour", None, Kind::String, Use::Ignored),
    flag("content-cache", None, Kind::String, Use::Ignored),
    flag("kube-apiserver", None, Kind::String, Use::Ignored),
    flag("kube-as-group", None, Kind::Array, Use::Ignored),
    flag("kube-as-user", None, Kind::String, Use::Ignored),
    flag("kube-ca-file", None, Kind::String, Use::Ignored),
    flag("kube-context", None, Kind::String, Use::Ignored),
    flag(
        "kube-insecure-skip-tls-verify",
        None,
        Kind::Bool,
        Use::Ignored,
    ),
    flag("kube-tls-server-name", None, Kind::String, Use::Ignored),
    flag("kube-token", None, Kind::String, Use::Ignored),
    flag("kubeconfig", None, Kind::String, Use::Ignored),
    flag("qps", None, Kind::String, Use::Ignored),
    flag("registry-config", None, Kind::String, Use::Ignored),
    flag("repository-cache", None, Kind::String, Use::Ignored),
    flag("repository-config", None, Kind::String, Use::Ignored),
    // Chart-download and post-render flags: these need something `render` does not do.
    flag("ca-file", None, Kind::String, Use::Unsupported),
    flag("cert-file", None, Kind::String, Use::Unsupported),
    flag(
        "insecure-skip-tls-verify",
        None,
        Kind::Bool,
        Use::Unsupported,
    ),
    flag("key-file", None, Kind::String, Use::Unsupported),
    flag("keyring", None, Kind::String, Use::Unsupported),
    flag("pass-credentials", None, Kind::Bool, Use::Unsupported),
    flag("password", None, Kind::String, Use::Unsupported),
    flag("plain-http", None, Kind::Bool, Use::Unsupported),
    flag("post-renderer", None, Kind::String, Use::Unsupported),
    flag("post-renderer-args", None, Kind::Array, Use::Unsupported),
    flag("repo", None, Kind::String, Use::Unsupported),
    flag("username", None, Kind::String, Use::Unsupported),
];

/// A parsed `render template` command line.
#[derive(Debug, Default)]
pub struct TemplateArgs {
    /// Positional arguments: `[NAME] CHART`.
    pub positionals: Vec<String>,
    /// Render options (values, capabilities, ...).
    pub options: RenderOptions,
    /// `--show-only`.
    pub show_only: Vec<String>,
    /// `--output-dir`.
    pub output_dir: Option<PathBuf>,
    /// `--release-name`: put files under `OUTPUT_DIR/RELEASE`.
    pub use_release_name: bool,
    /// `--no-hooks`.
    pub no_hooks: bool,
    /// `--skip-tests`.
    pub skip_tests: bool,
    /// `--skip-crds`.
    pub skip_crds: bool,
    /// `--generate-name`.
    pub generate_name: bool,
    /// `--name-template`.
    pub name_template: Option<String>,
    /// `--debug`.
    pub debug: bool,
    /// `--help`.
    pub help: bool,
    /// Flags given that need features `render` does not have.
    pub unsupported: Vec<String>,
}

/// pflag's `ParseBool`.
fn parse_bool(name: &str, value: &str) -> Result<bool, String> {
    match value {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(format!(
            "invalid argument {value:?} for {name:?} flag: strconv.ParseBool: parsing {value:?}: invalid syntax"
        )),
    }
}

/// pflag's string-slice reading: comma-separated, CSV quoting allowed.
fn split_slice(value: &str) -> Vec<String> {
    if value.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' if cur.is_empty() || quoted => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

impl TemplateArgs {
    fn apply(&mut self, f: &Flag, shown: &str, value: Option<String>) -> Result<(), String> {
        let Some(value) = value else {
            return Err(format!("flag needs an argument: {shown}"));
        };
        let o = &mut self.options;
        match f.purpose {
            Use::Values => o.values.value_files.extend(split_slice(&value)),
            Use::Set => o.values.values.push(value),
            Use::SetString => o.values.string_values.push(value),
            Use::SetFile => o.values.file_values.push(value),
            Use::SetJson => o.values.json_values.push(value),
            Use::SetLiteral => o.values.literal_values.push(value),
            Use::Namespace => o.namespace = value,
            Use::KubeVersion => o.kube_version = Some(value),
            Use::ApiVersions => o.api_versions.extend(split_slice(&value)),
            Use::ShowOnly => self.show_only.push(value),
            Use::OutputDir => self.output_dir = Some(PathBuf::from(value)),
            Use::NameTemplate => self.name_template = Some(value),
            Use::Unsupported => self.unsupported.push(format!("--{}", f.long)),
            _ => {
                let on = parse_bool(&format!("--{}", f.long), &value)?;
                match f.purpose {
                    Use::IncludeCrds => o.include_crds = on,
                    Use::SkipCrds => self.skip_crds = on,
                    Use::NoHooks => self.no_hooks = on,
                    Use::SkipTests => self.skip_tests = on,
                    Use::IsUpgrade => o.is_upgrade = on,
                    Use::GenerateName => self.generate_name = on,
                    Use::Debug => self.debug = on,
                    Use::ReleaseNameDir => self.use_release_name = on,
                    Use::SkipSchemaValidation => o.skip_schema_validation = on,
                    Use::Help => self.help = on,
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

/// Parses the arguments after `template`.
pub fn parse_template(args: &[String]) -> Result<TemplateArgs, String> {
    let mut out = TemplateArgs::default();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            out.positionals.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let Some(f) = FLAGS.iter().find(|f| f.long == name) else {
                return Err(format!("unknown flag: --{name}"));
            };
            let shown = format!("--{name}");
            let value = match (f.kind, inline) {
                (Kind::Bool, None) => Some("true".to_string()),
                (_, Some(v)) => Some(v),
                (_, None) if i < args.len() => {
                    i += 1;
                    Some(args[i - 1].clone())
                }
                (_, None) => None,
            };
            out.apply(f, &shown, value)?;
            continue;
        }
        if let Some(shorts) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
            let chars: Vec<char> = shorts.chars().collect();
            let mut k = 0;
            while k < chars.len() {
                let c = chars[k];
                let Some(f) = FLAGS.iter().find(|f| f.short == Some(c)) else {
                    return Err(format!("unknown shorthand flag: '{c}' in -{shorts}"));
                };
                let shown = format!("'{c}' in -{shorts}");
                let rest: String = chars[k + 1..].iter().collect();
                if f.kind == Kind::Bool {
                    let value = match rest.strip_prefix('=') {
                        Some(v) => {
                            k = chars.len();
                            v.to_string()
                        }
                        None => {
                            k += 1;
                            "true".to_string()
                        }
                    };
                    out.apply(f, &shown, Some(value))?;
                    continue;
                }
                let value = if !rest.is_empty() {
                    Some(rest.strip_prefix('=').unwrap_or(&rest).to_string())
                } else if i < args.len() {
                    i += 1;
                    Some(args[i - 1].clone())
                } else {
                    None
                };
                out.apply(f, &shown, value)?;
                break;
            }
            continue;
        }
        out.positionals.push(arg.clone());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pflag_rules() {
        let t = parse_template(&args(&[
            "rel",
            "./c",
            "-f",
            "a.yaml,b.yaml",
            "--set",
            "a=1,b=2",
            "-nprod",
            "--include-crds",
            "-a=x/v1",
        ]));
        let t = t.unwrap_or_default();
        assert_eq!(t.positionals, vec!["rel", "./c"]);
        assert_eq!(t.options.values.value_files, vec!["a.yaml", "b.yaml"]);
        assert_eq!(t.options.values.values, vec!["a=1,b=2"]);
        assert_eq!(t.options.namespace, "prod");
        assert!(t.options.include_crds);
        assert_eq!(t.options.api_versions, vec!["x/v1"]);
        assert_eq!(
            parse_template(&args(&["--nope"])).err().as_deref(),
            Some("unknown flag: --nope")
        );
        assert_eq!(
            parse_template(&args(&["-x"])).err().as_deref(),
            Some("unknown shorthand flag: 'x' in -x")
        );
        assert_eq!(
            parse_template(&args(&["c", "--values"])).err().as_deref(),
            Some("flag needs an argument: --values")
        );
        assert!(parse_template(&args(&["--debug=maybe"])).is_err());
    }
}
