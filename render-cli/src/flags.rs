//! The one table of every flag `render` accepts: Helm v4.2.3's flags for `template`, `show`,
//! `version` and `completion`, and Helm's global flags. Parsing ([`crate::parse`]), `--help`
//! ([`crate::help`]) and shell completions ([`crate::complete`]) are all generated from it,
//! so a flag exists everywhere or nowhere.
//!
//! Each flag says what `render` does with it: [`Effect::Used`] (it changes what we print),
//! [`Effect::Ignored`] (Helm's `template` accepts it and it changes nothing offline: install
//! and cluster settings), or [`Effect::Refused`] (it would make Helm print something we
//! cannot: a cluster, a post-renderer plugin, a chart repository; any value but the default
//! fails with the reason).
//!
//! Why not `clap`: users and scripts see pflag's exact behaviour and texts (`unknown shorthand
//! flag: 'x' in -x`, `invalid argument "5" for "--timeout" flag: time: missing unit in
//! duration "5"`, `--dry-run server` being a bare `--dry-run` plus a positional, `-f a,b`
//! split as CSV, flags before the subcommand), and cobra's help layout. clap differs on each
//! of these; reproducing them on top of it would mean overriding most of it. Like ripgrep, we
//! keep our own parser and generate everything else from the same table.

/// How a flag's value is read (pflag's `Value.Set`) and named in help (`Value.Type()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `bool`: `--x`, `--x=false`; never takes the next argument.
    Bool,
    /// A Go `flag` package bool (klog's): like `Bool`, but a bad value is a `parse error`.
    GoBool,
    /// `string`.
    String,
    /// `stringArray`: repeatable, each value kept whole.
    StringArray,
    /// `stringSlice` (help word `strings`): repeatable, each value read as one CSV record.
    StringSlice,
    /// `stringToString`: `k=v,k2=v2`, repeatable, merged.
    StringToString,
    /// `int` (Go `strconv.ParseInt(s, 0, 64)`).
    Int,
    /// `float32`.
    Float32,
    /// `duration` (Go `time.ParseDuration`).
    Duration,
    /// A Go `flag` package `uint64` (klog's).
    GoUint64,
    /// pflag's `uint` (`strconv.ParseUint(s, 0, 64)`).
    Uint,
    /// klog's `Level`: a base-10 int32.
    Level,
    /// klog's `severity`: a name (`INFO`...) or a base-10 int32.
    Severity,
    /// klog's `moduleSpec`: `pattern=N,...`.
    ModuleSpec,
    /// klog's `traceLocation`: `file.go:N`.
    TraceLocation,
    /// Helm's `WaitStrategy`: `watcher`, `hookOnly`, `legacy` (booleans deprecated).
    Wait,
    /// Helm's `postRendererString`: a plugin name, given at most once.
    PostRenderer,
    /// Helm's `postRendererArgsSlice`: each value one argument.
    PostRendererArgs,
}

impl Kind {
    /// The word pflag prints after the flag name in help (`UnquoteUsage`).
    pub fn help_word(self) -> &'static str {
        match self {
            Kind::Bool | Kind::GoBool => "",
            Kind::String => "string",
            Kind::StringArray => "stringArray",
            Kind::StringSlice => "strings",
            Kind::StringToString => "stringToString",
            Kind::Int => "int",
            Kind::Float32 => "float32",
            Kind::Duration => "duration",
            Kind::GoUint64 | Kind::Uint => "uint",
            Kind::Level => "Level",
            Kind::Severity => "severity",
            Kind::ModuleSpec => "moduleSpec",
            Kind::TraceLocation => "traceLocation",
            Kind::Wait => "WaitStrategy",
            Kind::PostRenderer => "postRendererString",
            Kind::PostRendererArgs => "postRendererArgsSlice",
        }
    }

    /// Whether a flag of this kind takes no value unless given with `=`.
    const fn is_bool(self) -> bool {
        matches!(self, Kind::Bool | Kind::GoBool)
    }
}

/// What `render` does with a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read by the command.
    Used,
    /// Accepted and checked like Helm's; no effect on an offline render.
    Ignored,
    /// Fails with this reason when given a value other than its default.
    Refused(&'static str),
}

/// A flag's default as pflag prints it: a fixed text, or one Helm takes from the
/// environment at start-up.
#[derive(Clone, Copy, Debug)]
pub enum Default {
    /// The type's zero value (nothing printed in help).
    Zero,
    /// A fixed default.
    Text(&'static str),
    /// A default from [`crate::env`], by this key.
    Env(&'static str),
}

/// One flag.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    /// `--long`.
    pub long: &'static str,
    /// `-s`.
    pub short: Option<char>,
    /// How the value is read.
    pub kind: Kind,
    /// The default.
    pub default: Default,
    /// The value a bare `--flag` means (pflag's `NoOptDefVal`); such a flag never takes the
    /// next argument.
    pub no_opt: Option<&'static str>,
    /// Help text, verbatim from Helm.
    pub help: &'static str,
    /// Not shown in help.
    pub hidden: bool,
    /// pflag's deprecation message (a deprecated flag is also hidden).
    pub deprecated: Option<&'static str>,
    /// What we do with it.
    pub effect: Effect,
    /// The values shells offer to complete (none: any text or a file name).
    pub choices: &'static [&'static str],
}

const fn base(long: &'static str, kind: Kind, help: &'static str) -> Flag {
    Flag {
        long,
        short: None,
        kind,
        default: Default::Zero,
        no_opt: if kind.is_bool() { Some("true") } else { None },
        help,
        hidden: false,
        deprecated: None,
        effect: Effect::Used,
        choices: &[],
    }
}

impl Flag {
    const fn short(mut self, c: char) -> Flag {
        self.short = Some(c);
        self
    }

    const fn default(mut self, d: &'static str) -> Flag {
        self.default = Default::Text(d);
        self
    }

    const fn env_default(mut self, key: &'static str) -> Flag {
        self.default = Default::Env(key);
        self
    }

    const fn no_opt(mut self, v: &'static str) -> Flag {
        self.no_opt = Some(v);
        self
    }

    const fn ignored(mut self) -> Flag {
        self.effect = Effect::Ignored;
        self
    }

    const fn refused(mut self, why: &'static str) -> Flag {
        self.effect = Effect::Refused(why);
        self
    }

    const fn choices(mut self, values: &'static [&'static str]) -> Flag {
        self.choices = values;
        self
    }

    const fn hidden(mut self) -> Flag {
        self.hidden = true;
        self
    }

    const fn deprecated(mut self, msg: &'static str) -> Flag {
        self.deprecated = Some(msg);
        self.hidden = true;
        self
    }

    /// `-s, --long` or `--long`, as pflag names the flag in value errors.
    pub fn display_name(&self) -> String {
        match self.short {
            Some(c) => format!("-{c}, --{}", self.long),
            None => format!("--{}", self.long),
        }
    }
}

const fn bool_flag(long: &'static str, help: &'static str) -> Flag {
    base(long, Kind::Bool, help)
}

const fn go_bool_flag(long: &'static str, help: &'static str) -> Flag {
    base(long, Kind::GoBool, help)
}

const fn string_flag(long: &'static str, help: &'static str) -> Flag {
    base(long, Kind::String, help)
}

/// Why a flag that needs a cluster is refused.
pub const NEEDS_CLUSTER: &str = "needs a cluster: not supported by render";

const COLORS: &[&str] = &["never", "auto", "always"];

/// Helm's global flags (`EnvSettings.AddFlags`) and the hidden klog flags Helm adds.
pub const GLOBAL: &[Flag] = &[
    string_flag("namespace", "namespace scope for this request")
        .short('n')
        .env_default("namespace"),
    string_flag("kubeconfig", "path to the kubeconfig file"),
    string_flag("kube-context", "name of the kubeconfig context to use").env_default("kube-context"),
    string_flag("kube-token", "bearer token used for authentication")
        .env_default("kube-token")
        .ignored(),
    string_flag("kube-as-user", "username to impersonate for the operation")
        .env_default("kube-as-user")
        .ignored(),
    base(
        "kube-as-group",
        Kind::StringArray,
        "group to impersonate for the operation, this flag can be repeated to specify multiple groups.",
    )
    .env_default("kube-as-group")
    .ignored(),
    string_flag(
        "kube-apiserver",
        "the address and the port for the Kubernetes API server",
    )
    .env_default("kube-apiserver")
    .ignored(),
    string_flag(
        "kube-ca-file",
        "the certificate authority file for the Kubernetes API server connection",
    )
    .env_default("kube-ca-file")
    .ignored(),
    string_flag(
        "kube-tls-server-name",
        "server name to use for Kubernetes API server certificate validation. If it is not provided, the hostname used to contact the server is used",
    )
    .env_default("kube-tls-server-name")
    .ignored(),
    bool_flag(
        "kube-insecure-skip-tls-verify",
        "if true, the Kubernetes API server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
    )
    .env_default("kube-insecure-skip-tls-verify")
    .ignored(),
    bool_flag("debug", "enable verbose output").env_default("debug"),
    string_flag("registry-config", "path to the registry config file")
        .env_default("registry-config")
        .ignored(),
    string_flag(
        "repository-config",
        "path to the file containing repository names and URLs",
    )
    .env_default("repository-config")
    .ignored(),
    string_flag(
        "repository-cache",
        "path to the directory containing cached repository indexes",
    )
    .env_default("repository-cache")
    .ignored(),
    string_flag(
        "content-cache",
        "path to the directory containing cached content (e.g. charts)",
    )
    .env_default("content-cache")
    .ignored(),
    base("burst-limit", Kind::Int, "client-side default throttling limit")
        .env_default("burst-limit")
        .ignored(),
    base(
        "qps",
        Kind::Float32,
        "queries per second used when communicating with the Kubernetes API, not including bursting",
    )
    .env_default("qps")
    .ignored(),
    string_flag("color", "use colored output (never, auto, always)")
        .env_default("color")
        .choices(COLORS),
    string_flag("colour", "use colored output (never, auto, always)")
        .env_default("color")
        .choices(COLORS),
    // klog's flags, hidden (Helm's addKlogFlags).
    string_flag(
        "log-dir",
        "If non-empty, write log files in this directory (no effect when -logtostderr=true)",
    )
    .hidden()
    .ignored(),
    string_flag(
        "log-file",
        "If non-empty, use this log file (no effect when -logtostderr=true)",
    )
    .hidden()
    .ignored(),
    base("log-file-max-size", Kind::GoUint64, "Defines the maximum size a log file can grow to (no effect when -logtostderr=true). Unit is megabytes. If the value is 0, the maximum file size is unlimited.")
        .default("1800")
        .hidden()
        .ignored(),
    go_bool_flag("logtostderr", "log to standard error instead of files")
        .default("true")
        .hidden()
        .ignored(),
    go_bool_flag("alsologtostderr", "log to standard error as well as files (no effect when -logtostderr=true)")
        .hidden()
        .ignored(),
    go_bool_flag("legacy-stderr-threshold-behavior", "If true, stderrthreshold is ignored when logtostderr=true (legacy behavior). If false, stderrthreshold is honored even when logtostderr=true")
        .default("true")
        .hidden()
        .ignored(),
    base("v", Kind::Level, "number for the log level verbosity")
        .short('v')
        .default("0")
        .hidden()
        .ignored(),
    go_bool_flag("add-dir-header", "If true, adds the file directory to the header of the log messages")
        .hidden()
        .ignored(),
    go_bool_flag("skip-headers", "If true, avoid header prefixes in the log messages")
        .hidden()
        .ignored(),
    go_bool_flag("one-output", "If true, only write logs to their native severity level (vs also writing to each lower severity level; no effect when -logtostderr=true)")
        .hidden()
        .ignored(),
    go_bool_flag("skip-log-headers", "If true, avoid headers when opening log files (no effect when -logtostderr=true)")
        .hidden()
        .ignored(),
    base("stderrthreshold", Kind::Severity, "logs at or above this threshold go to stderr when writing to files and stderr (no effect when -logtostderr=true or -alsologtostderr=true unless -legacy_stderr_threshold_behavior=false)")
        .default("2")
        .hidden()
        .ignored(),
    base("alsologtostderrthreshold", Kind::Severity, "logs at or above this threshold go to stderr when -alsologtostderr=true (no effect when -logtostderr=true)")
        .default("0")
        .hidden()
        .ignored(),
    base("vmodule", Kind::ModuleSpec, "comma-separated list of pattern=N settings for file-filtered logging")
        .hidden()
        .ignored(),
    base("log-backtrace-at", Kind::TraceLocation, "when logging hits line file:N, emit a stack trace")
        .default(":0")
        .hidden()
        .ignored(),
];

/// How to reach a repository or registry: credentials, TLS and plain HTTP, shared by the
/// chart location flags and `dependency build|update`.
pub const REPOSITORY_ACCESS: &[Flag] = &[
    string_flag(
        "username",
        "chart repository username where to locate the requested chart",
    ),
    string_flag(
        "password",
        "chart repository password where to locate the requested chart",
    ),
    string_flag(
        "cert-file",
        "identify HTTPS client using this SSL certificate file",
    ),
    string_flag("key-file", "identify HTTPS client using this SSL key file"),
    bool_flag(
        "insecure-skip-tls-verify",
        "skip tls certificate checks for the chart download",
    ),
    bool_flag(
        "plain-http",
        "use insecure HTTP connections for the chart download",
    ),
    string_flag(
        "ca-file",
        "verify certificates of HTTPS-enabled servers using this CA bundle",
    ),
];

/// The chart location flags (`addChartPathOptionsFlags`), shared by `template` and `show`.
/// They only matter for charts that are not local paths (and `--repo`, which always fetches).
pub const CHART_PATH: &[Flag] = &[
    string_flag(
        "version",
        "specify a version constraint for the chart version to use. This constraint can be a specific tag (e.g. 1.1.1) or it may reference a valid range (e.g. ^2.0.0). If this is not specified, the latest version is used",
    ),
    bool_flag("verify", "verify the package before using it")
        .refused("verifying chart provenance is not supported by render yet"),
    string_flag("keyring", "location of public keys used for verification")
        .env_default("keyring")
        .ignored(),
    string_flag(
        "repo",
        "chart repository url where to locate the requested chart",
    ),
    bool_flag("pass-credentials", "pass credentials to all domains"),
];

/// `helm template`'s own flags, the install flags it inherits, and the value flags (with
/// [`CHART_PATH`], all its flags).
pub const TEMPLATE: &[Flag] = &[
    bool_flag("create-namespace", "create the release namespace if not present").ignored(),
    bool_flag("force-replace", "force resource updates by replacement").ignored(),
    bool_flag("force", "deprecated").deprecated("use --force-replace instead").ignored(),
    bool_flag("force-conflicts", "if set server-side apply will force changes against conflicts").ignored(),
    bool_flag("server-side", "object updates run in the server instead of the client")
        .default("true")
        .ignored(),
    bool_flag("no-hooks", "prevent hooks from running during install"),
    bool_flag("replace", "reuse the given name, only if that name is a deleted release which remains in the history. This is unsafe in production").ignored(),
    base("timeout", Kind::Duration, "time to wait for any individual Kubernetes operation (like Jobs for hooks)")
        .default("5m0s")
        .ignored(),
    bool_flag("wait-for-jobs", "if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout").ignored(),
    bool_flag("generate-name", "generate the name (and omit the NAME parameter)").short('g'),
    string_flag("name-template", "specify template used to name the release"),
    string_flag("description", "add a custom description").ignored(),
    bool_flag("devel", "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored"),
    bool_flag("dependency-update", "update dependencies if they are missing before installing the chart"),
    bool_flag("disable-openapi-validation", "if set, the installation process will not validate rendered templates against the Kubernetes OpenAPI Schema").ignored(),
    bool_flag("rollback-on-failure", "if set, Helm will rollback (uninstall) the installation upon failure. The --wait flag will be default to \"watcher\" if --rollback-on-failure is set").ignored(),
    bool_flag("atomic", "deprecated").deprecated("use --rollback-on-failure instead").ignored(),
    bool_flag("skip-crds", "if set, no CRDs will be installed. By default, CRDs are installed if not already present").ignored(),
    bool_flag("render-subchart-notes", "if set, render subchart notes along with the parent")
        .deprecated("this flag has no effect for 'helm template' and will be removed in Helm 5")
        .ignored(),
    bool_flag("skip-schema-validation", "if set, disables JSON schema validation"),
    base("labels", Kind::StringToString, "Labels that would be added to release metadata. Should be divided by comma.")
        .short('l')
        .default("[]"),
    bool_flag("enable-dns", "enable DNS lookups when rendering templates")
        .refused("DNS lookups while rendering are not supported by render"),
    bool_flag("hide-notes", "if set, do not show notes in install output. Does not affect presence in chart metadata")
        .deprecated("this flag has no effect for 'helm template' and will be removed in Helm 5")
        .ignored(),
    bool_flag("take-ownership", "if set, install will ignore the check for helm annotations and take ownership of the existing resources").ignored(),
    base("values", Kind::StringSlice, "specify values in a YAML file or a URL (can specify multiple)").short('f'),
    base("set", Kind::StringArray, "set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)"),
    base("set-string", Kind::StringArray, "set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)"),
    base("set-file", Kind::StringArray, "set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)"),
    base("set-json", Kind::StringArray, "set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2 or using json format: {\"key1\": jsonval1, \"key2\": \"jsonval2\"})"),
    base("set-literal", Kind::StringArray, "set a literal STRING value on the command line"),
    base("wait", Kind::Wait, "wait until resources are ready (up to --timeout). Use '--wait' alone for 'watcher' strategy, or specify one of: 'watcher', 'hookOnly', 'legacy'. Default when flag is omitted: 'hookOnly'.")
        .default("hookOnly")
        .no_opt("watcher")
        .choices(&["watcher", "hookOnly", "legacy"])
        .ignored(),
    base("show-only", Kind::StringArray, "only show manifests rendered from the given templates").short('s'),
    string_flag("output-dir", "writes the executed templates to files in output-dir instead of stdout"),
    bool_flag("validate", "deprecated")
        .deprecated("use '--dry-run=server' instead")
        .refused(NEEDS_CLUSTER),
    bool_flag("include-crds", "include CRDs in the templated output"),
    // Ours, hidden so that `render template --help` stays Helm's (see `render check --help`).
    bool_flag("warn-unused-values", "warn on stderr about values no template reads").hidden(),
    string_flag("seed", "draw the random functions from a generator seeded with this number").hidden(),
    string_flag("now", "the instant 'now' returns (RFC 3339), for reproducible output").hidden(),
    bool_flag("skip-tests", "skip tests from templated output"),
    bool_flag("is-upgrade", "set .Release.IsUpgrade instead of .Release.IsInstall"),
    string_flag("kube-version", "Kubernetes version used for Capabilities.KubeVersion"),
    base("api-versions", Kind::StringSlice, "Kubernetes api versions used for Capabilities.APIVersions (multiple can be specified)").short('a'),
    bool_flag("release-name", "use release name in the output-dir path."),
    string_flag("dry-run", "simulates the operation either client-side or server-side. Must be either: \"client\", or \"server\". '--dry-run=client simulates the operation client-side only and avoids cluster connections. '--dry-run=server' simulates/validates the operation on the server, requiring cluster connectivity.")
        .default("client")
        .no_opt("unset")
        .choices(&["client", "server"]),
    base("post-renderer", Kind::PostRenderer, "the name of a postrenderer type plugin to be used for post rendering. If it exists, the plugin will be used")
        .refused("post-renderer plugins are not supported by render"),
    base("post-renderer-args", Kind::PostRendererArgs, "an argument to the post-renderer (can specify multiple)")
        .default("[]")
        .ignored(),
];

/// `helm show` subcommands' own flag (with [`CHART_PATH`], all their flags; `values` also
/// has [`SHOW_VALUES`]).
pub const SHOW: &[Flag] = &[bool_flag(
    "devel",
    "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored",
)];

/// `dependency build` and `update` (`addDependencySubcommandFlags`); the TLS, credential and
/// plain-HTTP flags reach OCI registries only, as in Helm.
pub const DEPENDENCY: &[Flag] = &[
    bool_flag("verify", "verify the packages against signatures")
        .refused("verifying chart provenance is not supported by render yet"),
    string_flag("keyring", "keyring containing public keys")
        .env_default("keyring")
        .ignored(),
    bool_flag("skip-refresh", "do not refresh the local repository cache"),
];

/// `dependency list`'s flag.
pub const DEPENDENCY_LIST: &[Flag] = &[base(
    "max-col-width",
    Kind::Uint,
    "maximum column width for output table",
)
.default("80")];

/// `helm show values`' extra flag.
pub const SHOW_VALUES: &[Flag] = &[string_flag(
    "jsonpath",
    "supply a JSONPath expression to filter the output",
)
.refused("JSONPath filters are not supported by render yet")];

/// `render check`'s own flags.
pub const CHECK: &[Flag] = &[
    string_flag("format", "how to print the findings: text or json")
        .default("text")
        .choices(&["text", "json"]),
    bool_flag(
        "include-chart-defaults",
        "also report the keys of the chart's own values.yaml that no template reads",
    ),
];

/// The flags of the commands that render a `render.yaml` (`snapshot`, `diff`).
pub const ENVIRONMENTS: &[Flag] = &[
    string_flag("file", "the environments file").default("render.yaml"),
    string_flag(
        "seed",
        "seed of the random functions (randAlphaNum, uuidv4, genCA, ...)",
    )
    .default("0"),
    string_flag("now", "the instant 'now' returns (RFC 3339)").default("2024-01-01T00:00:00Z"),
];

/// `render snapshot`'s own flags.
pub const SNAPSHOT: &[Flag] = &[
    string_flag(
        "dir",
        "where the snapshots are, relative to the environments file",
    )
    .default("snapshots"),
    bool_flag(
        "check",
        "compare the renders with the snapshots instead of writing them",
    ),
    bool_flag("update", "rewrite only the snapshots that changed"),
    bool_flag(
        "split",
        "write one file per resource: <dir>/<name>/<kind>-<namespace>-<name>.yaml",
    ),
];

/// `render diff`'s own flags.
pub const DIFF: &[Flag] = &[
    string_flag(
        "from",
        "compare each render (or the named ones) at this git revision with the working tree",
    ),
    base(
        "ignore",
        Kind::StringArray,
        "a path to leave out of the comparison, such as metadata.annotations.checksum/* (can specify multiple)",
    ),
    string_flag("format", "how to print the differences: text or json")
        .default("text")
        .choices(&["text", "json"]),
];

/// `render version`'s flags.
pub const VERSION: &[Flag] = &[
    bool_flag("short", "print the version number"),
    string_flag("template", "template for version string format"),
];

/// `render completion SHELL`'s flags.
pub const COMPLETION: &[Flag] = &[bool_flag(
    "no-descriptions",
    "disable completion descriptions",
)];

/// The help flag cobra adds to every command; help prints its text as `help for NAME`.
pub const HELP: Flag = bool_flag("help", "").short('h');
