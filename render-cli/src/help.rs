//! `--help` in cobra's layout (v1.10.2 `defaultHelpFunc`/`defaultUsageFunc`) with pflag's
//! flag lines (`FlagUsagesWrapped`): the description, `Usage:`, aliases, subcommands, then
//! `Flags:` and `Global Flags:`, each flag with its type word and its default, aligned per
//! section. Defaults that Helm takes from the environment (`HELM_NAMESPACE`...) are shown as
//! they are in this environment, as Helm shows them.

use crate::cobra::{Path, command_path, use_line};
use crate::commands::{Command, ROOT};
use crate::env::Env;
use crate::flags::{Default, Flag, HELP, Kind};
use render_go::strconv;

/// The whole help text of the command at the end of `path`.
pub fn help(path: &Path, env: &Env) -> String {
    let Some(&command) = path.last() else {
        return String::new();
    };
    let mut out = String::new();
    let text = if command.long.is_empty() {
        command.short
    } else {
        command.long
    };
    let text = text.trim_end();
    if !text.is_empty() {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out.push_str(&usage(path, env));
    out
}

/// cobra's usage text.
pub fn usage(path: &Path, env: &Env) -> String {
    let Some(&command) = path.last() else {
        return String::new();
    };
    let mut out = String::from("Usage:");
    if command.action.is_some() {
        out.push_str(&format!("\n  {}", use_line(path)));
    }
    let has_subcommands = !command.subcommands.is_empty();
    if has_subcommands {
        out.push_str(&format!("\n  {} [command]", command_path(path)));
    }
    if !command.aliases.is_empty() {
        let names: Vec<&str> = std::iter::once(command.name)
            .chain(command.aliases.iter().copied())
            .collect();
        out.push_str(&format!("\n\nAliases:\n  {}", names.join(", ")));
    }
    if has_subcommands {
        out.push_str("\n\nAvailable Commands:");
        let padding = command
            .subcommands
            .iter()
            .map(|c| c.name.len())
            .max()
            .unwrap_or(0)
            .max(11);
        for sub in command.subcommands {
            out.push_str(&format!("\n  {:<padding$} {}", sub.name, sub.short));
        }
    }
    let mut local: Vec<&Flag> = command.local_flags().collect();
    let mut inherited: Vec<&Flag> = Vec::new();
    if std::ptr::eq(command, &ROOT) {
        local.push(&HELP);
    } else {
        local.push(&HELP);
        inherited.extend(ROOT.local_flags());
    }
    for (title, flags) in [("Flags", local), ("Global Flags", inherited)] {
        let lines = flag_usages(&flags, command, env);
        if !lines.is_empty() {
            out.push_str(&format!("\n\n{title}:\n{}", lines.trim_end()));
        }
    }
    if has_subcommands {
        out.push_str(&format!(
            "\n\nUse \"{} [command] --help\" for more information about a command.",
            command_path(path)
        ));
    }
    out.push('\n');
    out
}

/// pflag's `FlagUsages`: visible flags sorted by name, usages aligned one column past the
/// longest name part.
fn flag_usages(flags: &[&Flag], command: &Command, env: &Env) -> String {
    let mut visible: Vec<&Flag> = flags.iter().copied().filter(|f| !f.hidden).collect();
    visible.sort_by(|a, b| a.long.cmp(b.long));
    let lines: Vec<(String, String)> = visible
        .iter()
        .map(|f| (flag_name_part(f), flag_usage(f, command, env)))
        .collect();
    let width = lines.iter().map(|(l, _)| l.len()).max().unwrap_or(0) + 1;
    let mut out = String::new();
    for (left, usage) in lines {
        let spacing = " ".repeat(width - left.len());
        let usage = usage.replace('\n', &format!("\n{}", " ".repeat(width + 2)));
        out.push_str(&format!("{left} {spacing} {usage}\n"));
    }
    out
}

/// `  -n, --namespace string` / `      --dry-run string[="unset"]`.
fn flag_name_part(f: &Flag) -> String {
    let mut line = match f.short {
        Some(c) => format!("  -{c}, --{}", f.long),
        None => format!("      --{}", f.long),
    };
    let word = f.kind.help_word();
    if !word.is_empty() {
        line.push(' ');
        line.push_str(word);
    }
    if let Some(no_opt) = f.no_opt {
        match f.kind {
            Kind::String => line.push_str(&format!("[=\"{no_opt}\"]")),
            Kind::Bool | Kind::GoBool if no_opt == "true" => {}
            _ => line.push_str(&format!("[={no_opt}]")),
        }
    }
    line
}

/// The usage text and `(default ...)`.
fn flag_usage(f: &Flag, command: &Command, env: &Env) -> String {
    let mut usage = if f.long == "help" && f.help.is_empty() {
        format!("help for {}", command.name)
    } else {
        f.help.to_string()
    };
    let default = default_value(f, env);
    if !is_zero(f.kind, &default) {
        if f.kind == Kind::String {
            usage.push_str(&format!(" (default {})", strconv::quote(&default)));
        } else {
            usage.push_str(&format!(" (default {default})"));
        }
    }
    usage
}

/// A flag's default as pflag holds it (`DefValue`).
pub fn default_value(f: &Flag, env: &Env) -> String {
    match f.default {
        Default::Zero => match f.kind {
            Kind::Bool | Kind::GoBool => "false".into(),
            Kind::StringArray | Kind::StringSlice | Kind::StringToString => "[]".into(),
            Kind::Int | Kind::Float32 | Kind::GoUint64 | Kind::Uint | Kind::Level => "0".into(),
            Kind::Duration => "0s".into(),
            _ => String::new(),
        },
        Default::Text(t) => t.to_string(),
        Default::Env(key) => env.flag_default(key),
    }
}

/// pflag's `defaultIsZeroValue`.
fn is_zero(kind: Kind, default: &str) -> bool {
    match kind {
        Kind::Bool | Kind::GoBool => default == "false" || default.is_empty(),
        Kind::Duration => default == "0" || default == "0s",
        Kind::Int | Kind::Float32 | Kind::GoUint64 | Kind::Uint => default == "0",
        Kind::String => default.is_empty(),
        Kind::StringArray | Kind::StringSlice => default == "[]",
        _ => matches!(default, "false" | "<nil>" | "" | "0"),
    }
}
