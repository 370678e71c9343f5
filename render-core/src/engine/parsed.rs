//! Parse trees kept between renders of one loaded chart: a template file parses the same
//! whatever the values, so a chart rendered with many value sets parses each file once.

use crate::template::ast::{Source, Tree};
use render_go::value::Str;
use crate::template::{FuncTable, TemplateError};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::Arc;

/// The trees one template file defines (its own first, then its `define`s).
pub(crate) type Trees = Arc<[Arc<Tree>]>;

/// A parsed file: the bytes it was parsed from and its trees.
struct Entry {
    bytes: Arc<[u8]>,
    trees: Trees,
}

/// Parsed template files by path, each with the bytes it was parsed from: an entry serves
/// only the same bytes at the same path (an aliased subchart's files have other paths, and
/// its trees other names).
#[derive(Default)]
pub(crate) struct ParseCache {
    files: Mutex<HashMap<String, Entry>>,
}

impl ParseCache {
    /// The trees of `data` at `path`, parsed now unless an earlier render parsed them.
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
        let trees = parse(path, data, funcs)?;
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

/// The trees of a file parsed at `from`, for the same bytes at `to`: the file's own tree
/// renamed, every tree pointing to a source named `to`, the bodies shared.
pub(crate) fn renamed(trees: &Trees, from: &str, to: &str) -> Trees {
    let Some(first) = trees.first() else {
        return trees.clone();
    };
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
