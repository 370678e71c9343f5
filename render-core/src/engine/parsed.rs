//! Parse trees kept between renders of one loaded chart: a template file parses the same
//! whatever the values, so a chart rendered with many value sets parses each file once.

use crate::template::ast::{Source, Tree};
use render_go::value::Str;
use crate::template::{FuncTable, TemplateError};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// The trees one template file defines (its own first, then its `define`s).
pub(crate) type Trees = Arc<[Arc<Tree>]>;

/// A parsed file: the bytes it was parsed from and its trees.
struct Entry {
    bytes: Arc<[u8]>,
    trees: Trees,
}

/// Parsed template files by path, each with the bytes it was parsed from: an entry serves
/// only the same bytes at the same path (an aliased subchart's files have other paths, and
/// its trees other names). It may also parse ahead (see [`Ahead`]).
#[derive(Default)]
pub(crate) struct ParseCache {
    files: Mutex<HashMap<String, Entry>>,
    ahead: Option<Ahead>,
}

impl ParseCache {
    /// A cache that starts parsing `files` (name in the chart, bytes) now, on a thread of
    /// its own.
    pub(crate) fn parsing_ahead(files: Vec<(String, Arc<[u8]>)>, funcs: &'static FuncTable) -> ParseCache {
        ParseCache {
            files: Mutex::default(),
            ahead: Some(Ahead::start(files, funcs)),
        }
    }

    /// Whether a thread is parsing files ahead for this cache.
    pub(crate) fn is_parsing_ahead(&self) -> bool {
        self.ahead.is_some()
    }

    /// The trees of `data` at `path`, parsed now unless an earlier render parsed them (or
    /// they were parsed ahead).
    pub(crate) fn get_or_parse(
        &self,
        path: &str,
        data: &Arc<[u8]>,
        funcs: &FuncTable,
    ) -> Result<Trees, TemplateError> {
        if let Some(entry) = self.files.lock().get(path)
            && Arc::ptr_eq(&entry.bytes, data)
        {
            return Ok(entry.trees.clone());
        }
        let ahead = self.ahead.as_ref().and_then(|a| a.trees(path, data, funcs));
        let trees = match ahead {
            Some(trees) => trees,
            None => parse(path, data, funcs)?,
        };
        self.files.lock().insert(
            path.to_string(),
            Entry {
                bytes: data.clone(),
                trees: trees.clone(),
            },
        );
        Ok(trees)
    }
}

/// Template files parsed ahead, on a thread of their own, while the chart's values are read
/// and merged: a file's trees depend only on its bytes and its name, and a name is cheap to
/// change afterwards (see [`renamed`]). Files are found again by their bytes (the loaded
/// chart shares them), under the names they had in the chart directory. A file is never
/// parsed twice at once: whoever comes first parses it, the other waits for it. The thread
/// stops when this is dropped.
pub(crate) struct Ahead {
    files: Arc<[AheadFile]>,
    by_bytes: HashMap<(usize, usize), usize>,
    stop: Arc<AtomicBool>,
}

struct AheadFile {
    name: String,
    data: Arc<[u8]>,
    /// Its trees; `None` when it does not parse (the render parses it again for an error
    /// that names it as Helm does).
    trees: OnceLock<Option<Trees>>,
}

impl Ahead {
    fn start(files: Vec<(String, Arc<[u8]>)>, funcs: &'static FuncTable) -> Ahead {
        let files: Arc<[AheadFile]> = files
            .into_iter()
            .map(|(name, data)| AheadFile {
                name,
                data,
                trees: OnceLock::new(),
            })
            .collect();
        let by_bytes = files
            .iter()
            .enumerate()
            .map(|(i, f)| (bytes_key(&f.data), i))
            .collect();
        let stop = Arc::new(AtomicBool::new(false));
        {
            let (files, stop) = (files.clone(), stop.clone());
            // Without a thread, the render parses every file itself.
            let _ = std::thread::Builder::new()
                .name("parse-ahead".into())
                .spawn(move || {
                    for f in files.iter() {
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        f.trees.get_or_init(|| parse(&f.name, &f.data, funcs).ok());
                    }
                });
        }
        Ahead {
            files,
            by_bytes,
            stop,
        }
    }

    /// The trees of `data` under `path`, if it is one of the files parsed ahead and parses.
    fn trees(&self, path: &str, data: &Arc<[u8]>, funcs: &FuncTable) -> Option<Trees> {
        let f = self.files.get(*self.by_bytes.get(&bytes_key(data))?)?;
        let trees = f
            .trees
            .get_or_init(|| parse(&f.name, &f.data, funcs).ok())
            .as_ref()?;
        Some(renamed(trees, &f.name, path))
    }
}

impl Drop for Ahead {
    /// Stops the thread after the file it is parsing, without waiting for it: what it
    /// holds is its own.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Identifies shared bytes: their address and length.
pub(crate) fn bytes_key(data: &Arc<[u8]>) -> (usize, usize) {
    (data.as_ptr() as usize, data.len())
}

/// The trees of a file parsed at `from`, for the same bytes at `to`: the file's own tree
/// renamed, every tree pointing to a source named `to`, the bodies shared.
pub(crate) fn renamed(trees: &Trees, from: &str, to: &str) -> Trees {
    let Some(first) = trees.first() else {
        return trees.clone();
    };
    if from == to {
        return trees.clone();
    }
    let source = Arc::new(Source {
        name: Str::from(to),
        text: first.source.text.clone(),
    });
    trees
        .iter()
        .map(|tree| {
            Arc::new(Tree {
                name: match &*tree.name == from {
                    true => Str::from(to),
                    false => tree.name.clone(),
                },
                source: source.clone(),
                root: tree.root.clone(),
            })
        })
        .collect()
}

/// Parses one template file. Go keeps a template's bytes as they are (see `rawbytes`).
pub(crate) fn parse(path: &str, data: &[u8], funcs: &FuncTable) -> Result<Trees, TemplateError> {
    let text = render_go::value::rawbytes::encode(data);
    let trees = crate::template::parse::parse(path, &text, funcs)?;
    Ok(trees.into_iter().map(Arc::new).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(trees: &Trees) -> Vec<(String, String)> {
        trees
            .iter()
            .map(|t| (t.name.to_string(), t.source.name.to_string()))
            .collect()
    }

    #[test]
    fn trees_parsed_ahead_are_renamed_and_failures_parse_again() {
        let funcs = crate::funcs::helm_funcs();
        let good: Arc<[u8]> = Arc::from(&b"{{ define \"d\" }}x{{ end }}{{ .Values.a }}"[..]);
        let bad: Arc<[u8]> = Arc::from(&b"{{ .Values.a "[..]);
        let cache = ParseCache::parsing_ahead(
            vec![
                ("templates/a.yaml".into(), good.clone()),
                ("templates/b.yaml".into(), bad.clone()),
            ],
            funcs,
        );
        let trees = cache
            .get_or_parse("top/templates/a.yaml", &good, funcs)
            .expect("parses");
        assert_eq!(
            names(&trees),
            [
                ("top/templates/a.yaml".into(), "top/templates/a.yaml".into()),
                ("d".into(), "top/templates/a.yaml".into())
            ]
        );
        let err = cache
            .get_or_parse("top/templates/b.yaml", &bad, funcs)
            .expect_err("does not parse");
        assert!(err.to_string().contains("top/templates/b.yaml"), "{err}");
        // Bytes nobody parsed ahead parse as usual.
        let other: Arc<[u8]> = Arc::from(&b"x"[..]);
        assert!(cache.get_or_parse("top/templates/c.yaml", &other, funcs).is_ok());
    }
}
