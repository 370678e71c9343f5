//! The function registry: Go's builtins, Sprig and Helm's functions.
//!
//! A function declares its Go signature ([`Method`]); the executor converts and checks
//! arguments against it exactly as Go's reflection-based caller does, so arity and type errors
//! read like Go's (`wrong number of args for X: want 2 got 1`, `wrong type for value; expected
//! int; got float64`). Implementations receive checked arguments and the executor (for
//! `include` and `tpl`), and return Go's error text on failure.

mod builtin;
pub mod encoding;
mod helm;
pub mod sprig;
pub mod yaml;

use crate::template::{CallError, Exec};
use crate::value::{Method, Str, Value};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// A function implementation.
pub type FuncImpl =
    Box<dyn for<'x> Fn(&mut Exec<'x>, Vec<Value>) -> Result<Value, CallError> + Send + Sync>;

/// Shared handle to a registered function.
pub type FuncRef = Arc<Function>;

/// Builtins whose evaluation the executor performs itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FuncKind {
    /// An ordinary function.
    Plain,
    /// `and`: short-circuit evaluation of arguments.
    And,
    /// `or`: short-circuit evaluation of arguments.
    Or,
    /// `call`.
    Call,
    /// `len`: Go tells a nil interface (`len of nil pointer`) from a missing value.
    Len,
}

/// A registered function.
pub struct Function {
    /// The name templates call it by.
    pub name: Str,
    /// Its Go signature.
    pub sig: Method,
    /// Special evaluation, if any.
    pub kind: FuncKind,
    /// The implementation.
    pub imp: FuncImpl,
}

impl fmt::Debug for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "func {}", self.name)
    }
}

/// Functions by name.
#[derive(Default, Clone)]
pub struct FuncTable {
    funcs: HashMap<Str, FuncRef>,
}

impl FuncTable {
    /// An empty table.
    pub fn new() -> FuncTable {
        FuncTable::default()
    }

    /// Go's builtins only.
    pub fn with_builtins() -> FuncTable {
        let mut t = FuncTable::new();
        builtin::register(&mut t);
        t
    }

    /// Registers (or replaces) a function.
    pub fn add<F>(&mut self, name: &str, sig: Method, imp: F)
    where
        F: for<'x> Fn(&mut Exec<'x>, Vec<Value>) -> Result<Value, CallError>
            + Send
            + Sync
            + 'static,
    {
        self.add_kind(name, sig, FuncKind::Plain, imp);
    }

    /// Registers a function with special evaluation.
    pub fn add_kind<F>(&mut self, name: &str, sig: Method, kind: FuncKind, imp: F)
    where
        F: for<'x> Fn(&mut Exec<'x>, Vec<Value>) -> Result<Value, CallError>
            + Send
            + Sync
            + 'static,
    {
        let name = Str::from(name);
        self.funcs.insert(
            name.clone(),
            Arc::new(Function {
                name,
                sig,
                kind,
                imp: Box::new(imp),
            }),
        );
    }

    /// Registers a function that needs no executor.
    pub fn add_pure<F>(&mut self, name: &str, sig: Method, imp: F)
    where
        F: Fn(Vec<Value>) -> Result<Value, CallError> + Send + Sync + 'static,
    {
        self.add(name, sig, move |_, args| imp(args));
    }

    /// Removes a function.
    pub fn remove(&mut self, name: &str) {
        self.funcs.remove(name);
    }

    /// Looks a function up.
    pub fn get(&self, name: &str) -> Option<FuncRef> {
        self.funcs.get(name).cloned()
    }

    /// Whether a function exists.
    pub fn contains(&self, name: &str) -> bool {
        self.funcs.contains_key(name)
    }

    /// Number of functions.
    pub fn len(&self) -> usize {
        self.funcs.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.funcs.is_empty()
    }
}

/// The table Helm templates see: Go's builtins, Sprig (less `env` and `expandenv`), Helm's
/// functions. Built once per process.
pub fn helm_funcs() -> &'static FuncTable {
    static TABLE: OnceLock<FuncTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FuncTable::with_builtins();
        sprig::register(&mut t);
        helm::register(&mut t);
        encoding::register(&mut t);
        yaml::register(&mut t);
        t
    })
}

/// The string of a checked `string` argument.
pub(crate) fn arg_str(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// The integer of a checked integer argument.
pub(crate) fn arg_int(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        _ => 0,
    }
}
