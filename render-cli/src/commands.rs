//! The command tree, declared like the flags: each command's name, usage, descriptions,
//! flags and argument rule, from which lookup ([`crate::cobra`]), help ([`crate::help`]) and
//! completions ([`crate::complete`]) are generated. Helm's commands keep Helm's texts, with
//! `helm` read as `render`.

use crate::flags::{self, Flag};

/// What a command does when run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `render template`.
    Template,
    /// `render check`.
    Check,
    /// `render snapshot`.
    Snapshot,
    /// `render diff`.
    Diff,
    /// `render show WHAT`.
    Show(ShowWhat),
    /// `render version`.
    Version,
    /// `render completion SHELL`.
    Completion(Shell),
    /// `render help [COMMAND]`.
    Help,
    /// `render argocd generate`.
    ArgocdGenerate,
    /// `render dependency build`.
    DependencyBuild,
    /// `render dependency list`.
    DependencyList,
    /// `render dependency update`.
    DependencyUpdate,
}

/// The parts of a chart `render show` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowWhat {
    /// Chart.yaml, values.yaml, README and CRDs.
    All,
    /// Chart.yaml as Helm re-serializes it.
    Chart,
    /// values.yaml as written.
    Values,
    /// The README.
    Readme,
    /// The CRD files.
    Crds,
}

/// The shells `render completion` writes scripts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    /// bash.
    Bash,
    /// zsh.
    Zsh,
    /// fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// How many positional arguments a command takes (Helm's `require` package).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Args {
    /// None (`accepts no arguments`).
    None,
    /// Exactly this many.
    Exact(usize),
    /// At least this many.
    AtLeast(usize),
    /// At most this many.
    AtMost(usize),
    /// Anything (no check).
    Any,
}

/// One command.
#[derive(Debug)]
pub struct Command {
    /// The word that selects it.
    pub name: &'static str,
    /// Other words that select it.
    pub aliases: &'static [&'static str],
    /// What follows the name in the usage line (`[NAME] [CHART]`).
    pub arg_names: &'static str,
    /// One line for command lists.
    pub short: &'static str,
    /// The help text (starts with a newline, as Helm's do); empty means `short`.
    pub long: &'static str,
    /// Flags of this command only.
    pub flags: &'static [&'static [Flag]],
    /// The argument rule.
    pub args: Args,
    /// Pairs of flags that may not be given together (cobra's
    /// `MarkFlagsMutuallyExclusive`), in the order cobra checks them.
    pub exclusive: &'static [[&'static str; 2]],
    /// Subcommands, sorted by name.
    pub subcommands: &'static [Command],
    /// Run, or `None` for a command that only groups others (it prints its help).
    pub action: Option<Action>,
}

const fn group(
    name: &'static str,
    short: &'static str,
    long: &'static str,
    subcommands: &'static [Command],
) -> Command {
    Command {
        name,
        aliases: &[],
        arg_names: "",
        short,
        long,
        flags: &[],
        args: Args::None,
        exclusive: &[],
        subcommands,
        action: None,
    }
}

const fn leaf(
    name: &'static str,
    arg_names: &'static str,
    short: &'static str,
    long: &'static str,
    flags: &'static [&'static [Flag]],
    args: Args,
    action: Action,
) -> Command {
    Command {
        name,
        aliases: &[],
        arg_names,
        short,
        long,
        flags,
        args,
        exclusive: &[],
        subcommands: &[],
        action: Some(action),
    }
}

/// Flags of `template` (and `check`) that cannot go together, in cobra's order.
const TEMPLATE_EXCLUSIVE: &[[&str; 2]] = &[
    ["force", "force-conflicts"],
    ["force-replace", "force-conflicts"],
    ["validate", "dry-run"],
];

const SNAPSHOT_LONG: &str = "
Render every entry of an environments file (render.yaml: one entry per chart and
environment, with the flags of 'render template' in camelCase) and keep what
'render template' prints for each in snapshots/<name>.yaml beside it. Review the
snapshots' diffs in Git; in CI, 'render snapshot --check' renders and compares without
writing: exit status 0 when all match, 1 with a unified diff otherwise.

    renders:
      - name: prod
        chart: ./chart
        release: web
        namespace: prod
        values: [values/common.yaml, values/prod-*.yaml]
        set: [\"replicas=3\"]
        kubeVersion: \"1.30.0\"
      - name: upstream
        chart: oci://ghcr.io/org/charts/app
        version: \"~1.4\"

A chart that is not a local path is found as 'render template' finds it (oci://,
repo/name, or a name with 'repo: URL') and downloaded once. Entries of the same
chart load and parse it once; renders run on all cores.
";

const DIFF_LONG: &str = "
Compare two renders resource by resource: each document is found by its kind,
namespace and name, and is added, removed or changed. A and B are each a rendered
file (a snapshot; a 'render snapshot --split' directory reads as its files), or else
the name of a render of the environments file. With --from REV, every render of the
environments file (or the NAMEs given) is rendered from the files of that git revision
and from the working tree, and compared:

    render diff --from main
    render diff staging prod --ignore 'metadata.annotations.checksum/*'
    render diff snapshots/prod.yaml other/prod.yaml

Resources are compared as data, with their keys in a stable order: reordered keys and
'# Source:' comments are no change. --ignore leaves a path out of the comparison: keys
joined by '.', list positions as numbers, '*' for any characters but '.', '**' for any
characters.

The output is a unified diff with one file per resource (a/KIND/NAMESPACE/NAME, led by
the render's name with --from), so diff viewers read it; '--format json' prints an
array of {change, diff, kind, name, namespace, render} for bots. Exit status: 0 when
the renders are the same, 1 when they differ, 2 when one cannot be rendered.
";

const CHECK_LONG: &str = "
Render a chart as 'render template' does, print no manifest, and report every value
given with -f/--values or the --set flags that no template reads: a value nested under
the wrong key, a misspelled or wrongly-cased key, a key under the wrong subchart. Each
finding names the file, line and column of the value's key (or its --set argument) and,
when the chart reads something close, the path that was probably meant:

    values/prod.yaml:5:3: ollama.gpu: no template reads this value; did you mean ollama.ollama.gpu?

A reported value has no effect on the output: changing or removing it changes nothing
'helm template' prints. Reads by Helm itself count as reads (dependency conditions and
tags, import-values, values.schema.json).

Exit status: 0 when every value is read, 1 when there are findings, 2 when the chart
does not render. '--format json' prints an array of {\"path\", \"file\", \"line\",
\"column\", \"suggestion\"}. 'render template --warn-unused-values' renders as usual
and prints the findings to stderr as warnings.
";

const ROOT_LONG: &str = "render renders Helm charts exactly as Helm v4.2.3 does, byte for byte, and faster.

Common actions:

- render template:  render a chart's templates, as 'helm template' does
- render check:     report the values no template reads, with what was probably meant
- render snapshot:  keep the renders of render.yaml's environments in snapshots/ (--check in CI)
- render diff:      what changes, resource by resource, between two renders or since a git revision
- render show:      show a chart's Chart.yaml, values, README or CRDs, as 'helm show' does

Flags and environment variables are Helm's. Those that matter offline behave as in Helm; the
others are accepted and checked as Helm checks them. Those that would need a cluster, a
post-renderer plugin or provenance files fail with the reason instead of rendering something
different.

Environment variables:

| Name              | Description                                                                 |
|-------------------|-----------------------------------------------------------------------------|
| $HELM_NAMESPACE   | set the namespace used for the helm operations.                             |
| $HELM_DEBUG       | indicate whether or not Helm is running in Debug mode                       |
| $HELM_KUBECONTEXT | set the name of the kubeconfig context (its namespace is the default one)   |
| $KUBECONFIG       | set an alternative Kubernetes configuration file (default \"~/.kube/config\") |
| $HELM_CACHE_HOME  | set an alternative location for storing cached files.                       |
| $HELM_CONFIG_HOME | set an alternative location for storing Helm configuration.                 |
| $HELM_COLOR       | set color output mode. Allowed values: never, always, auto                  |
| $NO_COLOR         | set to any non-empty value to disable all colored output                    |
";

const TEMPLATE_LONG: &str = "
Render chart templates locally and display the output.

Any values that would normally be looked up or retrieved in-cluster will be
faked locally. Additionally, none of the server-side testing of chart validity
(e.g. whether an API is supported) is done.

To specify the Kubernetes API versions used for Capabilities.APIVersions, use
the '--api-versions' flag. This flag can be specified multiple times or as a
comma-separated list:

    $ render template --api-versions networking.k8s.io/v1 --api-versions cert-manager.io/v1 mychart ./mychart

or

    $ render template --api-versions networking.k8s.io/v1,cert-manager.io/v1 mychart ./mychart
";

const VERSION_LONG: &str = "
Show the version for render.

This will print a representation of the version of render, of the Helm version
whose output it reproduces, and of the Kubernetes version its default
capabilities report. The output will look something like this:

version.BuildInfo{Version:\"v0.1.0\", HelmVersion:\"v4.2.3\", KubeClientVersion:\"v1.36\"}

- Version is the semantic version of render.
- HelmVersion is the version of Helm whose output render reproduces byte for byte.
- KubeClientVersion is the Kubernetes version of the default capabilities.

When using the --template flag the following properties are available to use in
the template:

- .Version contains the semantic version of render
- .HelmVersion contains the version of Helm render matches
- .KubeClientVersion contains the Kubernetes version of the default capabilities

For example, --template='Version: {{.Version}}' outputs 'Version: v0.1.0'.
";

const DEPENDENCY_LONG: &str = "
Manage the dependencies of a chart.

Helm charts store their dependencies in 'charts/'. For chart developers, it is
often easier to manage dependencies in 'Chart.yaml' which declares all
dependencies.

The dependency commands operate on that file, making it easy to synchronize
between the desired dependencies and the actual dependencies stored in the
'charts/' directory.

For example, this Chart.yaml declares two dependencies:

    # Chart.yaml
    dependencies:
    - name: nginx
      version: \"1.2.3\"
      repository: \"https://example.com/charts\"
    - name: memcached
      version: \"3.2.1\"
      repository: \"https://another.example.com/charts\"


The 'name' should be the name of a chart, where that name must match the name
in that chart's 'Chart.yaml' file.

The 'version' field should contain a semantic version or version range.

The 'repository' URL should point to a Chart Repository. Helm expects that by
appending '/index.yaml' to the URL, it should be able to retrieve the chart
repository's index. Note: 'repository' can be an alias. The alias must start
with 'alias:' or '@'.

Starting from 2.2.0, repository can be defined as the path to the directory of
the dependency charts stored locally. The path should start with a prefix of
\"file://\". For example,

    # Chart.yaml
    dependencies:
    - name: nginx
      version: \"1.2.3\"
      repository: \"file://../dependency_chart/nginx\"

If the dependency chart is retrieved locally, it is not required to have the
repository added to helm by \"helm add repo\". Version matching is also supported
for this case.
";

const SHOW_LONG: &str = "
This command consists of multiple subcommands to display information about a chart
";

const fn show(
    name: &'static str,
    short: &'static str,
    long: &'static str,
    what: ShowWhat,
) -> Command {
    leaf(
        name,
        "[CHART]",
        short,
        long,
        &[flags::SHOW, flags::CHART_PATH, flags::REPOSITORY_ACCESS],
        Args::Exact(1),
        Action::Show(what),
    )
}

const fn show_values() -> Command {
    leaf(
        "values",
        "[CHART]",
        "show the chart's values",
        "
This command inspects a chart (directory, file, or URL) and displays the contents
of the values.yaml file
",
        &[
            flags::SHOW,
            flags::SHOW_VALUES,
            flags::CHART_PATH,
            flags::REPOSITORY_ACCESS,
        ],
        Args::Exact(1),
        Action::Show(ShowWhat::Values),
    )
}

const fn completion(
    name: &'static str,
    short: &'static str,
    long: &'static str,
    shell: Shell,
) -> Command {
    leaf(
        name,
        "",
        short,
        long,
        &[flags::COMPLETION],
        Args::None,
        Action::Completion(shell),
    )
}

/// `render` and everything under it.
pub const ROOT: Command = Command {
    name: "render",
    aliases: &[],
    arg_names: "",
    short: "render Helm charts exactly as Helm does",
    long: ROOT_LONG,
    flags: &[flags::GLOBAL],
    args: Args::Any,
    exclusive: &[],
    subcommands: &[
        group(
            "argocd",
            "Argo CD config management plugin",
            "
Commands for running render as an Argo CD config management plugin (see
deploy/argocd/ in the render repository).
",
            &[leaf(
                "generate",
                "",
                "render the application's chart as Argo CD's Helm source would",
                "
Render the chart in the current directory as Argo CD's built-in Helm source
renders it, from the environment Argo CD gives a config management plugin:
ARGOCD_APP_NAME (release name), ARGOCD_APP_NAMESPACE (namespace), KUBE_VERSION,
KUBE_API_VERSIONS, and the plugin parameters in ARGOCD_APP_PARAMETERS
(valueFiles, values, parameters, stringParameters, fileParameters, releaseName,
namespace, kubeVersion, apiVersions, skipCrds, skipTests, skipSchemaValidation,
ignoreMissingValueFiles), with Argo CD's precedence: parameters over values over
valueFiles over the chart's values.
",
                &[],
                Args::None,
                Action::ArgocdGenerate,
            )],
        ),
        Command {
            name: "dependency",
            aliases: &["dep", "dependencies"],
            arg_names: "update|build|list",
            short: "manage a chart's dependencies",
            long: DEPENDENCY_LONG,
            flags: &[],
            args: Args::None,
            exclusive: &[],
            subcommands: &[
                Command {
                    name: "build",
                    aliases: &[],
                    arg_names: "CHART",
                    short: "rebuild the charts/ directory based on the Chart.lock file",
                    long: "
Build out the charts/ directory from the Chart.lock file.

Build is used to reconstruct a chart's dependencies to the state specified in
the lock file. This will not re-negotiate dependencies, as 'render dependency update'
does.

If no lock file is found, 'render dependency build' will mirror the behavior
of 'render dependency update'.
",
                    flags: &[flags::DEPENDENCY, flags::REPOSITORY_ACCESS],
                    args: Args::AtMost(1),
                    exclusive: &[],
                    subcommands: &[],
                    action: Some(Action::DependencyBuild),
                },
                Command {
                    name: "list",
                    aliases: &["ls"],
                    arg_names: "CHART",
                    short: "list the dependencies for the given chart",
                    long: "
List all of the dependencies declared in a chart.

This can take chart archives and chart directories as input. It will not alter
the contents of a chart.

This will produce an error if the chart cannot be loaded.
",
                    flags: &[flags::DEPENDENCY_LIST],
                    args: Args::AtMost(1),
                    exclusive: &[],
                    subcommands: &[],
                    action: Some(Action::DependencyList),
                },
                Command {
                    name: "update",
                    aliases: &["up"],
                    arg_names: "CHART",
                    short: "update charts/ based on the contents of Chart.yaml",
                    long: "
Update the on-disk dependencies to mirror Chart.yaml.

This command verifies that the required charts, as expressed in 'Chart.yaml',
are present in 'charts/' and are at an acceptable version. It will pull down
the latest charts that satisfy the dependencies, and clean up old dependencies.

On successful update, this will generate a lock file that can be used to
rebuild the dependencies to an exact version.

Dependencies are not required to be represented in 'Chart.yaml'. For that
reason, an update command will not remove charts unless they are (a) present
in the Chart.yaml file, but (b) at the wrong version.
",
                    flags: &[flags::DEPENDENCY, flags::REPOSITORY_ACCESS],
                    args: Args::AtMost(1),
                    exclusive: &[],
                    subcommands: &[],
                    action: Some(Action::DependencyUpdate),
                },
            ],
            action: None,
        },
        group(
            "completion",
            "generate autocompletion scripts for the specified shell",
            "
Generate autocompletion scripts for render for the specified shell.
",
            &[
                completion(
                    "bash",
                    "generate autocompletion script for bash",
                    "
Generate the autocompletion script for render for the bash shell.

To load completions in your current shell session:

    source <(render completion bash)

To load completions for every new session, execute once:
- Linux:

      render completion bash > /etc/bash_completion.d/render

- MacOS:

      render completion bash > /usr/local/etc/bash_completion.d/render
",
                    Shell::Bash,
                ),
                completion(
                    "fish",
                    "generate autocompletion script for fish",
                    "
Generate the autocompletion script for render for the fish shell.

To load completions in your current shell session:

    render completion fish | source

To load completions for every new session, execute once:

    render completion fish > ~/.config/fish/completions/render.fish

You will need to start a new shell for this setup to take effect.
",
                    Shell::Fish,
                ),
                completion(
                    "powershell",
                    "generate autocompletion script for powershell",
                    "
Generate the autocompletion script for powershell.

To load completions in your current shell session:
PS C:\\> render completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
",
                    Shell::Powershell,
                ),
                completion(
                    "zsh",
                    "generate autocompletion script for zsh",
                    "
Generate the autocompletion script for render for the zsh shell.

To load completions in your current shell session:

    source <(render completion zsh)

To load completions for every new session, execute once:

    render completion zsh > \"${fpath[1]}/_render\"
",
                    Shell::Zsh,
                ),
            ],
        ),
        Command {
            name: "help",
            aliases: &[],
            arg_names: "[command]",
            short: "Help about any command",
            long: "Help provides help for any command in the application.
Simply type render help [path to command] for full details.",
            flags: &[],
            args: Args::Any,
            exclusive: &[],
            subcommands: &[],
            action: Some(Action::Help),
        },
        Command {
            name: "show",
            aliases: &["inspect"],
            arg_names: "",
            short: "show information of a chart",
            long: SHOW_LONG,
            flags: &[],
            args: Args::None,
            exclusive: &[],
            subcommands: &[
                show(
                    "all",
                    "show all information of the chart",
                    "
This command inspects a chart (directory, file, or URL) and displays all its content
(values.yaml, Chart.yaml, README)
",
                    ShowWhat::All,
                ),
                show(
                    "chart",
                    "show the chart's definition",
                    "
This command inspects a chart (directory, file, or URL) and displays the contents
of the Chart.yaml file
",
                    ShowWhat::Chart,
                ),
                show(
                    "crds",
                    "show the chart's CRDs",
                    "
This command inspects a chart (directory, file, or URL) and displays the contents
of the CustomResourceDefinition files
",
                    ShowWhat::Crds,
                ),
                show(
                    "readme",
                    "show the chart's README",
                    "
This command inspects a chart (directory, file, or URL) and displays the contents
of the README file
",
                    ShowWhat::Readme,
                ),
                show_values(),
            ],
            action: None,
        },
        Command {
            name: "check",
            aliases: &[],
            arg_names: "[NAME] [CHART]",
            short: "report the values no template reads",
            long: CHECK_LONG,
            flags: &[
                flags::CHECK,
                flags::TEMPLATE,
                flags::CHART_PATH,
                flags::REPOSITORY_ACCESS,
            ],
            args: Args::AtLeast(1),
            exclusive: TEMPLATE_EXCLUSIVE,
            subcommands: &[],
            action: Some(Action::Check),
        },
        Command {
            name: "template",
            aliases: &[],
            arg_names: "[NAME] [CHART]",
            short: "locally render templates",
            long: TEMPLATE_LONG,
            flags: &[flags::TEMPLATE, flags::CHART_PATH, flags::REPOSITORY_ACCESS],
            args: Args::AtLeast(1),
            exclusive: TEMPLATE_EXCLUSIVE,
            subcommands: &[],
            action: Some(Action::Template),
        },
        leaf(
            "snapshot",
            "",
            "render every entry of render.yaml into snapshots/",
            SNAPSHOT_LONG,
            &[flags::SNAPSHOT, flags::ENVIRONMENTS],
            Args::None,
            Action::Snapshot,
        ),
        leaf(
            "diff",
            "[A B | --from REV [NAME...]]",
            "show what changes, resource by resource, between two renders",
            DIFF_LONG,
            &[flags::DIFF, flags::ENVIRONMENTS],
            Args::Any,
            Action::Diff,
        ),
        leaf(
            "version",
            "",
            "print the version information",
            VERSION_LONG,
            &[flags::VERSION],
            Args::None,
            Action::Version,
        ),
    ],
    action: None,
};

impl Command {
    /// Whether the command has flags of its own to show.
    pub fn local_flags(&self) -> impl Iterator<Item = &'static Flag> + '_ {
        self.flags.iter().flat_map(|set| set.iter())
    }
}
