//! cobra's (v1.10.2) command execution, as Helm's commands see it: the subcommand is found
//! among the arguments skipping flags and their values (so global flags may come before it),
//! the rest is parsed against the command's flags plus the global ones, then `--help`,
//! commands that only group others, the argument rule and mutually exclusive flags are
//! checked in cobra's order, with cobra's and Helm's texts.

use crate::commands::{Args, Command, ROOT};
use crate::flags::{Flag, HELP};
use crate::pflag::{self, Parsed, Stop, Unknown};

/// A command and the commands above it, root first.
pub type Path = Vec<&'static Command>;

/// What to do after parsing.
pub enum Outcome {
    /// Run the command with these flags and arguments.
    Run(Path, Parsed),
    /// Print the command's help (exit status 0).
    Help(Path),
}

/// A usage error: cobra prints `Error: MESSAGE`, and for a command it could not find also
/// `Run 'PATH --help' for usage.`.
pub struct UsageError {
    /// The message.
    pub message: String,
    /// The command path to suggest `--help` for, if any.
    pub help_hint: Option<String>,
    /// Log records already due on stderr (`--wait=true` warnings).
    pub warnings: Vec<String>,
}

impl UsageError {
    fn plain(message: String, warnings: Vec<String>) -> UsageError {
        UsageError {
            message,
            help_hint: None,
            warnings,
        }
    }
}

/// `render a b c`: which command, with which flags and arguments.
pub fn execute(args: &[String]) -> Result<Outcome, UsageError> {
    let (path, rest) = find(args);
    let Some(&command) = path.last() else {
        return Err(UsageError::plain("no command".into(), Vec::new()));
    };
    if path.len() == 1 {
        // The root takes no arguments of its own: a word left is an unknown command.
        if let Some(word) = strip_flags(&rest, command).first() {
            return Err(UsageError {
                message: format!(
                    "unknown command {} for \"render\"{}",
                    quote(word),
                    suggestions(command, word)
                ),
                help_hint: Some("render".into()),
                warnings: Vec::new(),
            });
        }
    }
    let flags = flag_set(&path);
    let (parsed, stop) = pflag::parse(&flags, &rest, Unknown::Fail);
    if let Some(Stop::Error(message)) = stop {
        return Err(UsageError::plain(message, parsed.warnings));
    }
    if parsed.bool_or("help", false) || command.action.is_none() {
        return Ok(Outcome::Help(path));
    }
    check_args(&path, &parsed)?;
    check_exclusive(command, &parsed)?;
    Ok(Outcome::Run(path, parsed))
}

/// The flags a command accepts: its own, the global ones, and `--help`.
pub fn flag_set(path: &[&'static Command]) -> Vec<&'static Flag> {
    let mut flags: Vec<&'static Flag> = Vec::new();
    if let Some(command) = path.last() {
        flags.extend(command.local_flags());
    }
    if path.len() > 1 {
        flags.extend(ROOT.local_flags());
    }
    flags.push(&HELP);
    flags
}

/// `Command.Find`: descend while the first argument that is not a flag (or a flag's value)
/// names a subcommand.
pub fn find(args: &[String]) -> (Path, Vec<String>) {
    let mut path: Path = vec![&ROOT];
    let mut rest = args.to_vec();
    while let Some(&command) = path.last() {
        let words = strip_flags(&rest, command);
        let Some(next) = words.first() else { break };
        let Some(sub) = command
            .subcommands
            .iter()
            .find(|c| c.name == next || c.aliases.contains(&next.as_str()))
        else {
            break;
        };
        rest = args_minus_first(&rest, next, command);
        path.push(sub);
    }
    (path, rest)
}

/// Whether `--name` (long) or `-x` (short) is a flag that needs no value, by the flags
/// known at `command` (cobra's `hasNoOptDefVal`; unknown flags count as taking a value, and
/// so does `--help`, which cobra only adds once the command is found: `render -h template`
/// is the root's help).
fn takes_no_value(command: &'static Command, arg: &str) -> bool {
    let mut flags: Vec<&Flag> = command.local_flags().collect();
    if !std::ptr::eq(command, &ROOT) {
        flags.extend(ROOT.local_flags());
    }
    let found = if let Some(long) = arg.strip_prefix("--") {
        flags.iter().find(|f| f.long == long)
    } else {
        let c = arg.chars().nth(1);
        flags.iter().find(|f| f.short.is_some() && f.short == c)
    };
    found.is_some_and(|f| f.no_opt.is_some())
}

/// Whether `arg` is a flag that takes the next argument as its value, for command lookup.
fn takes_next(command: &'static Command, arg: &str) -> bool {
    if arg.contains('=') {
        return false;
    }
    let long = arg.starts_with("--");
    let short = arg.starts_with('-') && arg.len() == 2;
    (long || short) && !takes_no_value(command, arg)
}

/// cobra's `stripFlags`: the arguments that are not flags or flag values.
fn strip_flags(args: &[String], command: &'static Command) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = args;
    while let Some((s, tail)) = rest.split_first() {
        rest = tail;
        if s == "--" {
            break;
        }
        if takes_next(command, s) {
            match rest.split_first() {
                Some((_, tail)) if !tail.is_empty() => rest = tail,
                _ => break,
            }
            continue;
        }
        if !s.is_empty() && !s.starts_with('-') {
            words.push(s.clone());
        }
    }
    words
}

/// cobra's `argsMinusFirstX`: `args` without the first `word` that is not a flag value.
fn args_minus_first(args: &[String], word: &str, command: &'static Command) -> Vec<String> {
    let mut pos = 0;
    while let Some(s) = args.get(pos) {
        if s == "--" {
            break;
        }
        if takes_next(command, s) {
            pos += 2;
            continue;
        }
        if !s.starts_with('-') && s == word {
            let mut out = args.to_vec();
            out.remove(pos);
            return out;
        }
        pos += 1;
    }
    args.to_vec()
}

/// cobra's suggestions for a mistyped command: Levenshtein distance at most 2, or a prefix.
fn suggestions(command: &Command, typed: &str) -> String {
    let typed_lower = typed.to_lowercase();
    let found: Vec<&str> = command
        .subcommands
        .iter()
        .filter(|c| c.name != "help")
        .filter(|c| {
            render_go::levenshtein::distance(&typed_lower, &c.name.to_lowercase()) <= 2
                || c.name.to_lowercase().starts_with(&typed_lower)
        })
        .map(|c| c.name)
        .collect();
    if found.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n\nDid you mean this?\n");
    for name in found {
        out.push_str(&format!("\t{name}\n"));
    }
    out
}

/// `render show values`.
pub fn command_path(path: &[&'static Command]) -> String {
    path.iter().map(|c| c.name).collect::<Vec<_>>().join(" ")
}

/// cobra's `UseLine`: `render template [NAME] [CHART] [flags]`.
pub fn use_line(path: &[&'static Command]) -> String {
    let mut line = command_path(path);
    if let Some(c) = path.last()
        && !c.arg_names.is_empty()
    {
        line.push(' ');
        line.push_str(c.arg_names);
    }
    line.push_str(" [flags]");
    line
}

/// Helm's `require` checks.
fn check_args(path: &[&'static Command], parsed: &Parsed) -> Result<(), UsageError> {
    let Some(command) = path.last() else {
        return Ok(());
    };
    let n = parsed.args.len();
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let what = match command.args {
        Args::None if n > 0 => "accepts no arguments".to_string(),
        Args::Exact(k) if n != k => format!("requires {k} {}", plural(k)),
        Args::AtLeast(k) if n < k => format!("requires at least {k} {}", plural(k)),
        Args::AtMost(k) if n > k => format!("accepts at most {k} {}", plural(k)),
        _ => return Ok(()),
    };
    Err(UsageError::plain(
        format!(
            "{} {what}\n\nUsage:  {}",
            quote(&command_path(path)),
            use_line(path)
        ),
        Vec::new(),
    ))
}

/// cobra's mutually exclusive flag groups.
fn check_exclusive(command: &Command, parsed: &Parsed) -> Result<(), UsageError> {
    for group in command.exclusive {
        let mut set: Vec<&str> = group
            .iter()
            .copied()
            .filter(|f| parsed.changed(f))
            .collect();
        if set.len() > 1 {
            set.sort_unstable();
            return Err(UsageError::plain(
                format!(
                    "if any flags in the group [{}] are set none of the others can be; [{}] were all set",
                    group.join(" "),
                    set.join(" ")
                ),
                Vec::new(),
            ));
        }
    }
    Ok(())
}

/// Go's `%q`.
fn quote(s: &str) -> String {
    render_go::strconv::quote(s)
}
