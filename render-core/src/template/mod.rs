//! Go's `text/template`, as Helm v4 runs it.
//!
//! No Rust crate reproduces Go's template semantics closely enough for Helm (method calls with
//! arguments, `missingkey=zero`, Go's number typing, its error texts), so the engine is ours:
//! [`lex`] cuts text into items, [`parse`] builds [`ast`] trees with Go's checks, [`set`] holds
//! the named templates, and [`exec`] walks them, calling the functions of a [`FuncTable`].

pub mod args;
pub mod ast;
mod builtin;
mod error;
pub mod exec;
mod funcmap;
pub mod lex;
pub mod parse;
pub mod reads;
pub mod set;

pub use crate::limits::Limits;
pub use error::{CallError, FAIL_END, FAIL_START, TemplateError};
pub use exec::{Exec, execute};
pub use funcmap::{FuncKind, FuncRef, FuncTable, TypeMethods};
pub use reads::{ReadLog, Reads};
pub use set::{TemplateSet, TplTrees};
