//! pflag's command-line parsing (spf13/pflag v1.0.10, which Helm's cobra commands use), over
//! the flags of [`crate::flags`]: `--f=v`, `--f v`, `-fv`, `-f=v`, `-abc` groups, bools that
//! never take the next argument, `--` ending the flags, flags and arguments interspersed, and
//! each value kind read by its `Value.Set` with Go's error texts.

use crate::flags::{Flag, Kind};
use crate::gocsv;
use render_go::strconv::{self, NumError};
use render_go::time::parse_duration;
use std::collections::BTreeMap;

/// A flag's value after parsing.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `bool` flags.
    Bool(bool),
    /// Scalar flags, as given (numbers and durations are checked, then kept as text).
    Text(String),
    /// `stringArray`, `stringSlice` and post-renderer arguments.
    List(Vec<String>),
    /// `stringToString`.
    Map(BTreeMap<String, String>),
}

/// What the parser found.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The flags given, by long name.
    set: BTreeMap<&'static str, Value>,
    /// The long names of the flags given, in order, once per occurrence.
    order: Vec<&'static str>,
    /// Positional arguments, in order.
    pub args: Vec<String>,
    /// Text to print on stderr once parsing succeeded (pflag's deprecation notices).
    pub notices: String,
    /// Log records written while parsing (Helm's `--wait=true` warnings), printed even when
    /// parsing fails later.
    pub warnings: Vec<String>,
}

impl Parsed {
    /// The value of a flag that was given.
    pub fn get(&self, long: &str) -> Option<&Value> {
        self.set.get(long)
    }

    /// Whether a flag was given (pflag's `Changed`).
    pub fn changed(&self, long: &str) -> bool {
        self.set.contains_key(long)
    }

    /// A bool flag's value, `default` when not given.
    pub fn bool_or(&self, long: &str, default: bool) -> bool {
        match self.set.get(long) {
            Some(Value::Bool(b)) => *b,
            _ => default,
        }
    }

    /// A scalar flag's text, when given.
    pub fn text(&self, long: &str) -> Option<&str> {
        match self.set.get(long) {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// A list flag's values (empty when not given).
    pub fn list(&self, long: &str) -> &[String] {
        match self.set.get(long) {
            Some(Value::List(l)) => l,
            _ => &[],
        }
    }

    /// The text of whichever of `names` was given last (flags sharing one variable, like
    /// `--color` and `--colour`).
    pub fn last_of(&self, names: &[&str]) -> Option<&str> {
        let last = self.order.iter().rev().find(|n| names.contains(n))?;
        self.text(last)
    }
}

/// How to treat flags the set does not know.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// An error (`unknown flag: --x`).
    Fail,
    /// Skipped with the argument that looks like its value, and a `-h`/`--help` stops
    /// parsing: Helm's early pass over the global flags.
    Skip,
}

/// Why parsing stopped.
pub enum Stop {
    /// A usage error, with pflag's text.
    Error(String),
    /// `-h`/`--help` reached while skipping unknown flags.
    Help,
}

/// Parses `args` against `flags` (pflag's `FlagSet.Parse`).
pub fn parse(flags: &[&'static Flag], args: &[String], unknown: Unknown) -> (Parsed, Option<Stop>) {
    let mut p = Parser {
        flags,
        unknown,
        out: Parsed::default(),
    };
    let stop = p.run(args).err();
    (p.out, stop)
}

struct Parser<'f> {
    flags: &'f [&'static Flag],
    unknown: Unknown,
    out: Parsed,
}

impl Parser<'_> {
    fn run(&mut self, args: &[String]) -> Result<(), Stop> {
        let mut rest = args;
        while let Some((s, tail)) = rest.split_first() {
            rest = tail;
            if s.len() < 2 || !s.starts_with('-') {
                self.out.args.push(s.clone());
                continue;
            }
            if let Some(name) = s.strip_prefix("--") {
                if name.is_empty() {
                    self.out.args.extend(rest.iter().cloned());
                    return Ok(());
                }
                rest = self.long(s, name, rest)?;
            } else {
                rest = self.shorts(&s[1..], rest)?;
            }
        }
        Ok(())
    }

    fn lookup(&self, long: &str) -> Option<&'static Flag> {
        self.flags.iter().copied().find(|f| f.long == long)
    }

    /// `--name`, `--name=value`, `--name value`.
    fn long<'a>(&mut self, s: &str, name: &str, rest: &'a [String]) -> Result<&'a [String], Stop> {
        if name.starts_with(['-', '=']) {
            return Err(Stop::Error(format!("bad flag syntax: {s}")));
        }
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (name, None),
        };
        let Some(flag) = self.lookup(name) else {
            return match self.unknown {
                Unknown::Skip if name == "help" => Err(Stop::Help),
                Unknown::Skip if inline.is_some() => Ok(rest),
                Unknown::Skip => Ok(strip_unknown_value(rest)),
                Unknown::Fail => Err(Stop::Error(format!("unknown flag: --{name}"))),
            };
        };
        let (value, rest) = match (inline, flag.no_opt, rest.split_first()) {
            (Some(v), _, _) => (v.to_string(), rest),
            (None, Some(d), _) => (d.to_string(), rest),
            (None, None, Some((v, tail))) => (v.clone(), tail),
            (None, None, None) => {
                return Err(Stop::Error(format!("flag needs an argument: --{name}")));
            }
        };
        self.set(flag, &value)?;
        Ok(rest)
    }

    /// `-abc`: letters left to right; the first one that takes a value takes the rest of the
    /// group, or the next argument when it is the last letter.
    fn shorts<'a>(&mut self, group: &str, rest: &'a [String]) -> Result<&'a [String], Stop> {
        // Go test binaries' `-test.v` flags are let through untouched.
        if group.starts_with("test.") {
            return Ok(rest);
        }
        let mut out_rest = rest;
        let mut letters = group;
        while let Some(c) = letters.chars().next() {
            // As in pflag, each letter starts again from the arguments after the group (only
            // the last letter can take one as its value).
            out_rest = rest;
            let after = &letters[c.len_utf8()..];
            let Some(flag) = self.flags.iter().copied().find(|f| f.short == Some(c)) else {
                match self.unknown {
                    Unknown::Skip if c == 'h' => return Err(Stop::Help),
                    Unknown::Skip if after.starts_with('=') && after.len() > 1 => return Ok(rest),
                    Unknown::Skip => {
                        out_rest = strip_unknown_value(rest);
                        letters = after;
                        continue;
                    }
                    Unknown::Fail => {
                        return Err(Stop::Error(format!(
                            "unknown shorthand flag: {} in -{letters}",
                            go_rune(letters)
                        )));
                    }
                }
            };
            let value = if after.len() > 1 && after.starts_with('=') {
                let v = after[1..].to_string();
                letters = "";
                v
            } else if let Some(d) = flag.no_opt {
                letters = after;
                d.to_string()
            } else if !after.is_empty() {
                let v = after.to_string();
                letters = "";
                v
            } else if let Some((v, tail)) = rest.split_first() {
                out_rest = tail;
                letters = "";
                v.clone()
            } else {
                return Err(Stop::Error(format!(
                    "flag needs an argument: {} in -{letters}",
                    go_rune(letters)
                )));
            };
            self.set(flag, &value)?;
        }
        Ok(out_rest)
    }

    /// pflag's `FlagSet.Set`: the kind's `Value.Set`, then `Changed` and the deprecation
    /// notice.
    fn set(&mut self, flag: &'static Flag, value: &str) -> Result<(), Stop> {
        let previous = self.out.set.remove(flag.long);
        let new =
            set_value(flag.kind, previous, value, &mut self.out.warnings).map_err(|cause| {
                Stop::Error(format!(
                    "invalid argument {} for {} flag: {cause}",
                    strconv::quote(value),
                    strconv::quote(&flag.display_name())
                ))
            })?;
        self.out.set.insert(flag.long, new);
        self.out.order.push(flag.long);
        if let Some(msg) = flag.deprecated {
            self.out.notices.push_str(&format!(
                "Flag --{} has been deprecated, {msg}\n",
                flag.long
            ));
        }
        Ok(())
    }
}

/// Go's `%q` of the first byte of `s` as a rune (pflag quotes `rune(name[0])`).
fn go_rune(s: &str) -> String {
    let byte = s.as_bytes().first().copied().unwrap_or(0);
    strconv::quote_rune(i64::from(byte), false)
}

/// pflag's `stripUnknownFlagValue`: an unknown flag takes the next argument unless that
/// looks like a flag.
fn strip_unknown_value(rest: &[String]) -> &[String] {
    match rest.first() {
        None => rest,
        Some(first) if first.starts_with('-') => rest,
        Some(_) => rest.get(1..).unwrap_or_default(),
    }
}

/// Go's `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// A `strconv` function's error as Go prints it.
fn num_error(func: &str, s: &str, e: NumError) -> String {
    format!(
        "strconv.{func}: parsing {}: {}",
        strconv::quote(s),
        e.text()
    )
}

/// Each kind's `Value.Set`: the new value from the previous one (if the flag was given
/// before) and the text, or Go's error.
fn set_value(
    kind: Kind,
    previous: Option<Value>,
    s: &str,
    warnings: &mut Vec<String>,
) -> Result<Value, String> {
    let text = || Value::Text(s.to_string());
    let list = || match previous.clone() {
        Some(Value::List(l)) => l,
        _ => Vec::new(),
    };
    Ok(match kind {
        Kind::Bool => Value::Bool(parse_bool(s).ok_or_else(|| {
            format!(
                "strconv.ParseBool: parsing {}: invalid syntax",
                strconv::quote(s)
            )
        })?),
        Kind::GoBool => Value::Bool(parse_bool(s).ok_or("parse error")?),
        Kind::String => text(),
        Kind::StringArray | Kind::PostRendererArgs => {
            let mut l = list();
            l.push(s.to_string());
            Value::List(l)
        }
        Kind::StringSlice => {
            let mut l = list();
            if !s.is_empty() {
                l.extend(gocsv::first_record(s)?);
            }
            Value::List(l)
        }
        Kind::StringToString => {
            let pairs = match s.matches('=').count() {
                0 => return Err(format!("{s} must be formatted as key=value")),
                1 => vec![s.trim_matches('"').to_string()],
                _ => gocsv::first_record(s)?,
            };
            let mut map = match previous {
                Some(Value::Map(m)) => m,
                _ => BTreeMap::new(),
            };
            for pair in pairs {
                let Some((k, v)) = pair.split_once('=') else {
                    return Err(format!("{pair} must be formatted as key=value"));
                };
                map.insert(k.to_string(), v.to_string());
            }
            Value::Map(map)
        }
        Kind::Int => {
            strconv::parse_int(s, 0, 64).map_err(|e| num_error("ParseInt", s, e))?;
            text()
        }
        Kind::Float32 => {
            let v = strconv::parse_float(s).map_err(|e| num_error("ParseFloat", s, e))?;
            if v.is_finite() && (v as f32).is_infinite() {
                return Err(num_error("ParseFloat", s, NumError::Range));
            }
            text()
        }
        Kind::Duration => {
            parse_duration(s)?;
            text()
        }
        Kind::Uint => {
            strconv::parse_uint(s, 0).map_err(|e| num_error("ParseUint", s, e))?;
            text()
        }
        Kind::GoUint64 => {
            strconv::parse_uint(s, 0).map_err(|e| match e {
                NumError::Syntax => "parse error",
                NumError::Range => "value out of range",
            })?;
            text()
        }
        Kind::Level => {
            strconv::parse_int(s, 10, 32).map_err(|e| num_error("ParseInt", s, e))?;
            text()
        }
        Kind::Severity => {
            let named = ["INFO", "WARNING", "ERROR", "FATAL"].contains(&s.to_uppercase().as_str());
            if !named {
                strconv::parse_int(s, 10, 32).map_err(|e| num_error("ParseInt", s, e))?;
            }
            text()
        }
        Kind::ModuleSpec => {
            check_module_spec(s)?;
            text()
        }
        Kind::TraceLocation => {
            check_trace_location(s)?;
            text()
        }
        Kind::Wait => match s {
            "watcher" | "legacy" | "hookOnly" => text(),
            "true" | "false" => {
                let (strategy, instead) = if s == "true" {
                    ("watcher", "watcher")
                } else {
                    ("hookOnly", "hookOnly")
                };
                warnings.push(format!(
                    "--wait={s} is deprecated (boolean value) and can be replaced with --wait={instead}"
                ));
                Value::Text(strategy.to_string())
            }
            _ => {
                return Err(format!(
                    "invalid wait input {}. Valid inputs are watcher, hookOnly, and legacy",
                    strconv::quote(s)
                ));
            }
        },
        Kind::PostRenderer => match previous {
            _ if s.is_empty() => previous.unwrap_or_else(|| Value::Text(String::new())),
            Some(Value::Text(p)) if !p.is_empty() => {
                return Err("cannot specify --post-renderer flag more than once".into());
            }
            _ => text(),
        },
    })
}

/// klog's `-vmodule` syntax: `pattern=N` pairs, N a non-negative int32.
fn check_module_spec(s: &str) -> Result<(), String> {
    const SYNTAX: &str = "syntax error: expect comma-separated list of filename=N";
    for pat in s.split(',').filter(|p| !p.is_empty()) {
        let parts: Vec<&str> = pat.split('=').collect();
        let [pattern, level] = parts[..] else {
            return Err(SYNTAX.into());
        };
        if pattern.is_empty() || level.is_empty() {
            return Err(SYNTAX.into());
        }
        let v = strconv::parse_int(level, 10, 32).map_err(|_| SYNTAX.to_string())?;
        if v < 0 {
            return Err("negative value for vmodule level".into());
        }
    }
    Ok(())
}

/// klog's `-log_backtrace_at` syntax: empty, or `file.go:N` with N > 0.
fn check_trace_location(s: &str) -> Result<(), String> {
    const SYNTAX: &str = "syntax error: expect file.go:234";
    if s.is_empty() {
        return Ok(());
    }
    let parts: Vec<&str> = s.split(':').collect();
    let [file, line] = parts[..] else {
        return Err(SYNTAX.into());
    };
    if !file.contains('.') {
        return Err(SYNTAX.into());
    }
    // Go's `strconv.Atoi`: a base-10 int with an optional sign.
    let v = strconv::parse_int(line, 10, 64).map_err(|_| SYNTAX.to_string())?;
    if v <= 0 {
        return Err("negative or zero value for level".into());
    }
    Ok(())
}
