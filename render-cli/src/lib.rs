//! The `render` command line: Helm's commands, flags, help, output, errors and exit codes.
//!
//! Everything a user types is declared once: the flags in [`flags`] and the commands in
//! `commands`. Parsing (`pflag`, `cobra`), `--help` (`help`) and shell completions
//! (`complete`) are generated from those tables, so a flag exists everywhere or nowhere. The
//! commands themselves (`template`, `show`, `version`, `argocd`) are thin shells over
//! `render_core`.

mod argocd;
mod cobra;
mod commands;
mod complete;
mod diff;
mod env;
pub mod flags;
mod git;
mod gocsv;
mod help;
mod pflag;
mod remote;
mod show;
mod snapshot;
mod template;
mod version;

use crate::cobra::{Outcome, Path, UsageError};
use crate::commands::{Action, ROOT};
use crate::env::Env;
use crate::flags::Effect;
use crate::pflag::{Parsed, Unknown, Value};
use std::io::{self, Write};

/// Runs `render` with `args` (without the program name); returns the exit status.
pub fn run(args: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let env = Env::from_process();
    let mut out = Out {
        inner: stdout,
        broken: false,
    };
    let result = dispatch(args, &env, &mut out, stderr);
    let _ = out.flush();
    if out.broken {
        // Like Helm when the reader of its output went away (`render template | head`).
        return 0;
    }
    match result {
        Ok(()) => 0,
        Err(Failure::Usage(e)) => {
            for w in &e.warnings {
                let _ = writeln!(stderr, "{}", template::slog_warn(w));
            }
            print_error(stderr, &e.message);
            if let Some(path) = e.help_hint {
                let _ = writeln!(stderr, "Run '{path} --help' for usage.");
            }
            1
        }
        Err(Failure::Run(message)) => {
            print_error(stderr, &message);
            1
        }
        Err(Failure::Startup(message)) => {
            let _ = writeln!(stderr, "{message}");
            1
        }
        Err(Failure::Exit(status, message)) => {
            if let Some(message) = message {
                print_error(stderr, &message);
            }
            status
        }
    }
}

/// A warning from loading or rendering: a log record as Helm's command line writes it, or a
/// `log.Printf` line, which Go stamps with the local time.
pub(crate) fn print_warning(stderr: &mut dyn Write, w: &str) {
    if w.starts_with("level=") {
        let _ = writeln!(stderr, "{w}");
    } else {
        let now = render_go::time::Time::now().format("2006/01/02 15:04:05");
        let _ = writeln!(stderr, "{now} {w}");
    }
}

/// cobra's `Error: MESSAGE`, with the raw bytes a message may carry (an invalid regexp, a
/// binary file name) printed as they were, as Go prints them.
fn print_error(stderr: &mut dyn Write, message: &str) {
    let _ = stderr.write_all(b"Error: ");
    let _ = stderr.write_all(&render_go::value::rawbytes::decode(message));
    let _ = stderr.write_all(b"\n");
}

enum Failure {
    /// A command-line mistake (printed as cobra prints it).
    Usage(UsageError),
    /// The command failed.
    Run(String),
    /// Helm's own start-up failed (an invalid `--color`), printed as a log record.
    Startup(String),
    /// The command ended with this status, and this error if any (`render check`).
    Exit(u8, Option<String>),
}

fn dispatch(
    args: &[String],
    env: &Env,
    out: &mut Out<'_>,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    check_color(args, env)?;
    let (path, parsed) = match cobra::execute(args).map_err(Failure::Usage)? {
        Outcome::Help(path) => {
            return out
                .write_all(help::help(&path, env).as_bytes())
                .map_err(|e| Failure::Run(e.to_string()));
        }
        Outcome::Run(path, parsed) => (path, parsed),
    };
    for w in &parsed.warnings {
        let _ = writeln!(stderr, "{}", template::slog_warn(w));
    }
    let _ = stderr.write_all(parsed.notices.as_bytes());
    let Some(action) = path.last().and_then(|c| c.action) else {
        return Ok(());
    };
    refuse_unsupported(&path, &parsed).map_err(Failure::Run)?;
    let mut cx = Context {
        parsed,
        env,
        out,
        err: stderr,
    };
    let result = match action {
        Action::Template => template::run(&mut cx, template::Mode::Template).map(|_| ()),
        Action::Snapshot => {
            return match snapshot::run(&mut cx) {
                Ok(0) => Ok(()),
                Ok(status) => Err(Failure::Exit(status, None)),
                Err(message) => Err(Failure::Run(message)),
            };
        }
        Action::Diff => {
            return match diff::run(&mut cx) {
                Ok(0) => Ok(()),
                Ok(status) => Err(Failure::Exit(status, None)),
                Err(message) => Err(Failure::Exit(2, Some(message))),
            };
        }
        Action::Check => {
            return match template::run(&mut cx, template::Mode::Check) {
                Ok(0) => Ok(()),
                Ok(status) => Err(Failure::Exit(status, None)),
                Err(message) => Err(Failure::Exit(2, Some(message))),
            };
        }
        Action::Show(what) => show::run(&mut cx, what),
        Action::Version => {
            let p = &cx.parsed;
            version::text(p.bool_or("short", false), p.text("template"))
                .and_then(|t| cx.out.write_all(t.as_bytes()).map_err(|e| e.to_string()))
        }
        Action::Completion(shell) => {
            let script = complete::script(shell, !cx.parsed.bool_or("no-descriptions", false));
            cx.out
                .write_all(script.as_bytes())
                .map_err(|e| e.to_string())
        }
        Action::Help => return help_topic(&cx.parsed.args, env, cx.out),
        Action::ArgocdGenerate => argocd::generate(&mut cx),
        Action::DependencyBuild => remote::dependency(&mut cx, true),
        Action::DependencyUpdate => remote::dependency(&mut cx, false),
        Action::DependencyList => remote::list(&mut cx),
    };
    result.map_err(Failure::Run)
}

/// `render help [COMMAND...]`: that command's help, or cobra's unknown-topic text and the
/// root's usage.
fn help_topic(args: &[String], env: &Env, out: &mut Out<'_>) -> Result<(), Failure> {
    let (path, rest) = cobra::find(args);
    let text = if path.len() == 1 && !rest.is_empty() {
        let topics: Vec<String> = args.iter().map(|a| format!("`{a}`")).collect();
        format!(
            "Unknown help topic [{}]\n{}",
            topics.join(" "),
            help::usage(&path, env)
        )
    } else {
        help::help(&path, env)
    };
    out.write_all(text.as_bytes())
        .map_err(|e| Failure::Run(e.to_string()))
}

/// Helm's start-up pass over the global flags, which rejects an invalid `--color` before
/// anything else (even `--help` after it).
fn check_color(args: &[String], env: &Env) -> Result<(), Failure> {
    let flags: Vec<&'static flags::Flag> = ROOT.local_flags().collect();
    // The pass stops at the first error or at `--help`; what it read until then counts.
    let (parsed, _stop) = pflag::parse(&flags, args, Unknown::Skip);
    let mode = parsed
        .last_of(&["color", "colour"])
        .map(String::from)
        .unwrap_or_else(|| env.flag_default("color"));
    if matches!(mode.as_str(), "never" | "auto" | "always") {
        return Ok(());
    }
    let error = format!(
        "invalid color mode {}: must be one of: never, auto, always",
        render_go::strconv::quote(&mode)
    );
    Err(Failure::Startup(render_go::slog::record(
        "WARN",
        "command failed",
        &[("error", &error)],
    )))
}

/// Flags given with a value render cannot honour fail with the reason (`--verify`,
/// `--post-renderer`, `--repo`...). A value equal to the default is no request at all.
fn refuse_unsupported(path: &Path, parsed: &Parsed) -> Result<(), String> {
    for flag in cobra::flag_set(path) {
        let Effect::Refused(why) = flag.effect else {
            continue;
        };
        let given = match parsed.get(flag.long) {
            None => continue,
            Some(Value::Bool(b)) => *b,
            Some(Value::Text(t)) => !t.is_empty(),
            Some(Value::List(l)) => !l.is_empty(),
            Some(Value::Map(m)) => !m.is_empty(),
        };
        if given {
            return Err(format!("--{}: {why}", flag.long));
        }
    }
    Ok(())
}

/// What a running command sees.
pub(crate) struct Context<'a, 'o> {
    /// The flags and arguments.
    pub parsed: Parsed,
    /// The environment.
    pub env: &'a Env,
    /// Standard output.
    pub out: &'a mut Out<'o>,
    /// Standard error.
    pub err: &'a mut dyn Write,
}

impl Context<'_, '_> {
    /// `--debug` (default `$HELM_DEBUG`).
    pub fn debug(&self) -> bool {
        let default = self.env.flag_default("debug") == "true";
        self.parsed.bool_or("debug", default)
    }

    /// A global string flag, or its default from the environment.
    pub fn global(&self, long: &str) -> String {
        match self.parsed.text(long) {
            Some(t) => t.to_string(),
            None => self.env.flag_default(long),
        }
    }

    /// The release namespace (`settings.Namespace()`).
    pub fn namespace(&self) -> String {
        self.env.namespace(
            &self.global("namespace"),
            &self.global("kubeconfig"),
            &self.global("kube-context"),
        )
    }
}

/// Standard output, remembering whether the reader went away.
pub(crate) struct Out<'a> {
    inner: &'a mut dyn Write,
    broken: bool,
}

impl Write for Out<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        if let Err(e) = &r
            && e.kind() == io::ErrorKind::BrokenPipe
        {
            self.broken = true;
        }
        r
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        if let Err(e) = &r
            && e.kind() == io::ErrorKind::BrokenPipe
        {
            self.broken = true;
        }
        r
    }
}
