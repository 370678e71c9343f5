//! Where each supplied value came from: the values file and the line and column of its key,
//! or the `--set`-family argument. Sources are read in Helm's merge order, so where two set
//! the same path the later one is named, as it is the one that counted.

use super::Origin;
use crate::Result;
use crate::chart::Chart;
use crate::values::strvals::{self, Mode};
use crate::values::{Options, ValuesError, options::read_file};
use render_go::value::{Map, Str, Value, rawbytes};
use render_go::yaml::{Segment, key_positions};
use std::collections::BTreeMap;

/// The origin of every supplied path (maps and leaves).
#[derive(Debug)]
pub(super) struct Origins {
    by_path: BTreeMap<Vec<Str>, Origin>,
    /// For a path nothing names (which the sources cannot produce).
    fallback: Origin,
}

impl Origins {
    fn new(fallback: Origin) -> Origins {
        Origins {
            by_path: BTreeMap::new(),
            fallback,
        }
    }

    /// Where `path` came from: its own key, else the nearest key above it (a value that came
    /// through a YAML alias or merge is reported at the alias, a `<<` merge key where there
    /// is one), else the first below it.
    pub(super) fn of(&self, path: &[Str]) -> Origin {
        let merge_key = |p: &[Str]| {
            let mut merge = p.to_vec();
            merge.push(Str::from("<<"));
            self.by_path.get(&merge)
        };
        let above = (0..=path.len()).rev().find_map(|n| {
            let p = path.get(..n)?;
            match self.by_path.get(p) {
                Some(origin) if n == path.len() => Some(origin),
                found => merge_key(p).or(found),
            }
        });
        let below = || {
            self.by_path
                .range(path.to_vec()..)
                .next()
                .filter(|(p, _)| p.starts_with(path))
                .map(|(_, o)| o)
        };
        above
            .filter(|_| !path.is_empty())
            .or_else(below)
            .unwrap_or(&self.fallback)
            .clone()
    }

    /// Records the keys of a YAML text read from `file`.
    fn add_yaml(&mut self, file: &str, text: &str) {
        for key in key_positions(text) {
            let keys: Option<Vec<Str>> = key
                .path
                .into_iter()
                .map(|s| match s {
                    Segment::Key(k) => Some(k),
                    Segment::Index(_) => None,
                })
                .collect();
            if let Some(keys) = keys {
                let origin = Origin::File {
                    file: file.to_string(),
                    line: Some(key.line),
                    column: Some(key.column),
                };
                self.by_path.insert(keys, origin);
            }
        }
    }

    /// Records every path of `map` as set by `flag argument`.
    fn add_flag(&mut self, flag: &'static str, argument: &str, map: &Map) {
        let mut pending: Vec<(Map, Vec<Str>)> = vec![(map.clone(), Vec::new())];
        while let Some((map, path)) = pending.pop() {
            for (key, value) in map.entries() {
                let mut child = path.clone();
                child.push(key);
                let origin = Origin::Flag {
                    flag,
                    argument: argument.to_string(),
                };
                self.by_path.insert(child.clone(), origin);
                if let Value::Map(m) = value {
                    pending.push((m, child));
                }
            }
        }
    }
}

/// The user's values, merged as Helm merges them, and where each came from.
pub(super) fn user_values(options: &Options) -> Result<(Map, Origins)> {
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut read = |path: &str| -> std::result::Result<Vec<u8>, ValuesError> {
        let bytes = read_file(path)?;
        if options.value_files.iter().any(|f| f == path) {
            texts.push((path.to_string(), rawbytes::encode(&bytes).into_owned()));
        }
        Ok(bytes)
    };
    let user = options.merge_values(&mut read)?;
    let fallback = Origin::File {
        file: options.value_files.last().cloned().unwrap_or_default(),
        line: None,
        column: None,
    };
    let mut origins = Origins::new(fallback);
    for (file, text) in &texts {
        origins.add_yaml(file, text);
    }
    for argument in &options.json_values {
        let trimmed = argument.trim();
        let parsed = if trimmed.starts_with('{') {
            match render_go::json::decode_as(trimmed, render_go::json::Target::Map).value {
                Value::Map(m) => Ok(m),
                _ => Err(String::new()),
            }
        } else {
            strvals::parse(argument, Mode::Json)
        };
        if let Ok(map) = parsed {
            origins.add_flag("--set-json", argument, &map);
        }
    }
    let flags: [(&'static str, &Vec<String>); 4] = [
        ("--set", &options.values),
        ("--set-string", &options.string_values),
        ("--set-file", &options.file_values),
        ("--set-literal", &options.literal_values),
    ];
    for (flag, arguments) in flags {
        for argument in arguments {
            // Only the paths matter: a `--set-file` file is not read again.
            let mut no_read = |_: &str| -> std::result::Result<Value, String> { Ok(Value::Nil) };
            let mode = match flag {
                "--set" => Mode::Typed,
                "--set-string" => Mode::String,
                "--set-file" => Mode::File(&mut no_read),
                _ => Mode::Literal,
            };
            if let Ok(map) = strvals::parse(argument, mode) {
                origins.add_flag(flag, argument, &map);
            }
        }
    }
    Ok((user, origins))
}

/// Where the keys of the chart's own `values.yaml` are.
pub(super) fn chart_defaults(chart: &Chart) -> Origins {
    let file = "values.yaml";
    let mut origins = Origins::new(Origin::File {
        file: file.to_string(),
        line: None,
        column: None,
    });
    for raw in &chart.raw_values {
        origins.add_yaml(file, &rawbytes::encode(raw));
    }
    origins
}
