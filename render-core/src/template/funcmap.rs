//! Go's `FuncMap`: the functions a template may call, by name, each with its Go signature.
//!
//! A function is a typed Rust closure ([`FuncTable::func`]); its parameter types give its Go
//! signature ([`Method`], see [`super::args`]). The executor converts and checks arguments
//! against the signature exactly as Go's reflection-based caller does, so arity and type
//! errors read like Go's (`wrong number of args for X: want 2 got 1`, `wrong type for value;
//! expected int; got float64`); the closure receives the checked arguments as Rust values
//! (and the executor, for `include` and `tpl`) and returns Go's error text on failure. The
//! parser checks names against the table (Go's `hasFunction`); Go's builtins are in
//! [`super::builtin`].

use super::args::{ArgList, CallWith, CallWithExec, FuncResult, signature};
use super::reads::{ReadLog, Reads};
use super::{CallError, Exec};
use render_go::value::{Method, Str, Value};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// A function implementation.
pub type FuncImpl =
    Box<dyn for<'x> Fn(&mut Exec<'x>, &[Value]) -> Result<Value, CallError> + Send + Sync>;

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
    /// What it reads of its arguments, for a [`ReadLog`](super::reads::ReadLog).
    pub reads: Reads,
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
    methods: Option<TypeMethods>,
}

/// Methods of the named types a function library defines over plain values (Helm's
/// `chartutil.Values` and `VersionSet`): Go finds them on the value's type before fields and
/// map keys. The executor knows Go's own (objects, `time.Duration`); these come with the table.
#[derive(Clone, Copy)]
pub struct TypeMethods {
    /// The signature of method `name` of the receiver's type, if it has one.
    pub find: fn(&Value, &str) -> Option<Method>,
    /// Calls it with arguments checked against that signature.
    pub call: fn(&Value, &str, &[Value]) -> Result<Value, CallError>,
    /// Records what calling it reads (see [`super::reads`]).
    pub reads: fn(&Value, &str, &[Value], &mut ReadLog),
}

impl FuncTable {
    /// Go's builtins only, with room for a library of functions (Helm's: about 250 names)
    /// without growing.
    pub fn with_builtins() -> FuncTable {
        let mut t = FuncTable {
            funcs: HashMap::with_capacity(320),
            methods: None,
        };
        super::builtin::register(&mut t);
        t
    }

    /// Registers (or replaces) a function whose parameter types give its Go signature
    /// (see [`super::args`]).
    pub fn func<F, R, Args>(&mut self, name: &str, f: F)
    where
        F: CallWith<R, Args> + for<'a> CallWith<R, <Args as ArgList<'a>>::Out>,
        Args: for<'a> ArgList<'a>,
        R: FuncResult,
    {
        self.func_kind(name, FuncKind::Plain, f);
    }

    /// Registers a typed function with special evaluation.
    pub fn func_kind<F, R, Args>(&mut self, name: &str, kind: FuncKind, f: F)
    where
        F: CallWith<R, Args> + for<'a> CallWith<R, <Args as ArgList<'a>>::Out>,
        Args: for<'a> ArgList<'a>,
        R: FuncResult,
    {
        let sig = signature_of::<Args>();
        self.insert(name, sig, kind, Box::new(move |_, args| {
            f.call_with(Args::take(args)?).into_result()
        }));
    }

    /// Registers a typed function that also takes the executor (`include`, `tpl`).
    pub fn func_exec<F, R, Args>(&mut self, name: &str, f: F)
    where
        F: CallWithExec<R, Args> + for<'a> CallWithExec<R, <Args as ArgList<'a>>::Out>,
        Args: for<'a> ArgList<'a>,
        R: FuncResult,
    {
        let sig = signature_of::<Args>();
        self.insert(name, sig, FuncKind::Plain, Box::new(move |exec, args| {
            f.call_with(exec, Args::take(args)?).into_result()
        }));
    }

    fn insert(&mut self, name: &str, sig: Method, kind: FuncKind, imp: FuncImpl) {
        let name = Str::from(name);
        let function = Function {
            name: name.clone(),
            sig,
            kind,
            imp,
            reads: Reads::All,
        };
        self.funcs.insert(name, Arc::new(function));
    }

    /// Says what the named functions read of their arguments (by default, everything).
    pub fn set_reads(&mut self, names: &[&str], reads: Reads) {
        for name in names {
            if let Some(f) = self.funcs.get_mut(*name).and_then(Arc::get_mut) {
                f.reads = reads;
            }
        }
    }

    /// Gives the table's values the methods of a library's named types.
    pub fn set_methods(&mut self, methods: TypeMethods) {
        self.methods = Some(methods);
    }

    /// The named types' methods, if a library set them.
    pub fn methods(&self) -> Option<TypeMethods> {
        self.methods
    }

    /// Looks a function up.
    pub fn get(&self, name: &str) -> Option<FuncRef> {
        self.funcs.get(name).cloned()
    }


}

/// The Go signature of a parameter list.
fn signature_of<Args: for<'a> ArgList<'a>>() -> Method {
    signature(
        <Args as ArgList<'static>>::PARAMS,
        <Args as ArgList<'static>>::VARIADIC,
    )
}
