//! Template sets: named trees shared by every file of a render, with Go's rules for which
//! definition wins, and the namespaces `tpl` adds on top.

use super::ast::{ListNode, Source, Tree};
use super::error::TemplateError;
use super::parse::parse;
use crate::template::FuncTable;
use render_go::value::Str;
use std::collections::HashMap;
use std::sync::Arc;

/// All templates of a render (Go's common template namespace).
#[derive(Debug)]
pub struct TemplateSet {
    root: Tree,
    trees: HashMap<Str, Arc<Tree>>,
}

impl TemplateSet {
    /// An empty set whose root template (never executed itself) is called `root_name`; Helm
    /// calls it `gotpl`, and `tpl` templates take its name.
    pub fn new(root_name: &str) -> TemplateSet {
        let name = Str::from(root_name);
        TemplateSet {
            root: Tree {
                name: name.clone(),
                source: Arc::new(Source {
                    name,
                    text: Arc::from(""),
                }),
                root: Arc::new(ListNode::default()),
            },
            trees: HashMap::new(),
        }
    }

    /// The root template's name.
    pub fn root_name(&self) -> &Str {
        &self.root.name
    }

    pub(crate) fn root_tree(&self) -> &Tree {
        &self.root
    }

    /// A template by name.
    pub fn get(&self, name: &str) -> Option<&Tree> {
        self.trees.get(name).map(|t| &**t)
    }


    /// Go's `t.New(name).Parse(text)`: parses a text and adds its templates. A later
    /// definition replaces an earlier one, except that an empty one never replaces a
    /// non-empty one.
    pub fn parse(
        &mut self,
        name: &str,
        text: &str,
        funcs: &FuncTable,
    ) -> Result<(), TemplateError> {
        let trees = parse(name, text, funcs)?;
        self.add_trees(trees.into_iter().map(Arc::new));
        Ok(())
    }

    /// Adds parsed trees with Go's `AddParseTree` rules.
    pub fn add_trees(&mut self, trees: impl IntoIterator<Item = Arc<Tree>>) {
        for tree in trees {
            if tree.is_empty()
                && let Some(old) = self.trees.get(&tree.name)
                && !old.is_empty()
            {
                continue;
            }
            self.trees.insert(tree.name.clone(), tree);
        }
    }

    /// Names of all templates (unordered).
    #[cfg_attr(not(feature = "internals"), allow(dead_code))] // for the benchmarks
    pub fn names(&self) -> impl Iterator<Item = &Str> {
        self.trees.keys()
    }
}

/// The templates one `tpl` text adds: its main template and its `define`s.
#[derive(Debug)]
pub struct Namespace {
    trees: Vec<Tree>,
}

impl Namespace {
    /// The main template (named like the set's root).
    pub fn main(&self) -> Option<&Tree> {
        self.trees.first()
    }

    /// A template defined by this text.
    pub fn get(&self, name: &str) -> Option<&Tree> {
        self.trees.iter().find(|t| &*t.name == name)
    }
}

/// Parsed `tpl` texts for one render, parsed once per distinct text.
#[derive(Default)]
pub struct TplTrees {
    cache: elsa::FrozenMap<String, Box<Namespace>>,
}

impl TplTrees {
    /// The namespace for `text`, parsing it on first use.
    pub fn get_or_parse(
        &self,
        root_name: &str,
        text: &str,
        funcs: &FuncTable,
    ) -> Result<&Namespace, TemplateError> {
        if let Some(ns) = self.cache.get(text) {
            return Ok(ns);
        }
        let trees = parse(root_name, text, funcs)?;
        Ok(self
            .cache
            .insert(text.to_string(), Box::new(Namespace { trees })))
    }
}
