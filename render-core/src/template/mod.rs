//! Go's `text/template`, as Helm v4 runs it.
//!
//! No Rust crate reproduces Go's template semantics closely enough for Helm (method calls with
//! arguments, `missingkey=zero`, Go's number typing, its error texts), so the engine is ours:
//! [`lex`] cuts text into items, [`parse`] builds [`ast`] trees with Go's checks, [`set`] holds
//! the named templates, and [`exec`] walks them.

pub mod ast;
mod error;
pub mod exec;
pub mod lex;
pub mod parse;
pub mod set;

pub use crate::limits::Limits;
pub use error::{CallError, Chain, TemplateError};
pub use exec::{Exec, execute};
pub use set::{Namespace, TemplateSet, TplTrees};
