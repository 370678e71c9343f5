//! Typed functions: a Rust closure's parameter types are its Go signature.
//!
//! `t.func("repeat", |count: i64, s: &str| ...)` declares Go's `func(int, string)`. The
//! executor converts and checks every argument against that signature before the call, with
//! Go's messages (`wrong number of args for repeat: want 2 got 1`, `wrong type for value;
//! expected int; got string`), and the closure receives Rust values. The Go type of a
//! parameter is an associated constant of its Rust type ([`Arg::PARAM`]), so a signature and
//! the conversions that trust it cannot disagree. This is minijinja's approach (`ArgType`,
//! implemented for tuples of argument types): a closure is accepted when it is callable with
//! the arguments borrowed for any lifetime (`for<'a> Fn(&'a str)`), which lets parameters
//! borrow from the argument list without copies.

use super::error::CallError;
use render_go::value::{Map, Method, Param, Value};
use std::marker::PhantomData;
use std::slice;

/// The arguments left to convert, in order.
pub type ArgIter<'a> = slice::Iter<'a, Value>;

/// A Rust parameter type and the Go parameter type it stands for.
pub trait Arg<'a>: Sized {
    /// What the closure receives, borrowing from the arguments for `'a`.
    type Out;
    /// The Go type the executor checks the argument against (for a variadic tail, the
    /// element type).
    const PARAM: Param;
    /// Whether this is a `...` tail taking all remaining arguments (last parameter only).
    const VARIADIC: bool = false;
    /// Takes this parameter's argument(s) from the checked argument list.
    fn take(args: &mut ArgIter<'a>) -> Result<Self::Out, Mismatch>;
}

/// An argument the executor checked against a parameter type was something else: a
/// signature and an implementation disagree, a bug here rather than in a template.
#[derive(Debug)]
pub struct Mismatch(String);

fn mismatch(param: Param, got: Option<&Value>) -> Mismatch {
    let got = got.map_or("nothing", Value::type_name);
    Mismatch(format!(
        "internal error: argument of type {got} where the signature says {}",
        param.go_name()
    ))
}

impl From<Mismatch> for CallError {
    fn from(m: Mismatch) -> CallError {
        CallError::Msg(m.0)
    }
}

impl From<Mismatch> for String {
    fn from(m: Mismatch) -> String {
        m.0
    }
}

/// Implements [`Arg`] for a fixed parameter from a pattern over the checked value.
macro_rules! fixed_arg {
    ($ty:ty, $param:expr, |$v:ident| $convert:expr) => {
        impl<'a> Arg<'a> for $ty {
            type Out = $ty;
            const PARAM: Param = $param;
            fn take(args: &mut ArgIter<'a>) -> Result<$ty, Mismatch> {
                let arg = args.next();
                let converted: Option<$ty> = arg.and_then(|$v: &'a Value| $convert);
                converted.ok_or_else(|| mismatch($param, arg))
            }
        }
    };
}

impl<'a> Arg<'a> for &str {
    type Out = &'a str;
    const PARAM: Param = Param::String;
    fn take(args: &mut ArgIter<'a>) -> Result<&'a str, Mismatch> {
        let arg = args.next();
        arg.and_then(Value::as_str)
            .ok_or_else(|| mismatch(Param::String, arg))
    }
}

fixed_arg!(i64, Param::Int, |v| match v {
    Value::Int(i, _) => Some(*i),
    _ => None,
});
fixed_arg!(u32, Param::Uint32, |v| match v {
    // A Go uint32 holds its bit pattern in the low 32 bits.
    Value::Int(i, _) => Some(*i as u32),
    _ => None,
});
fixed_arg!(f64, Param::Float64, |v| match v {
    Value::Float(f) => Some(*f),
    _ => None,
});
fixed_arg!(bool, Param::Bool, |v| match v {
    Value::Bool(b) => Some(*b),
    _ => None,
});

/// `interface {}`: any value, nil included.
impl<'a> Arg<'a> for &Value {
    type Out = &'a Value;
    const PARAM: Param = Param::Any;
    fn take(args: &mut ArgIter<'a>) -> Result<&'a Value, Mismatch> {
        args.next().ok_or_else(|| mismatch(Param::Any, None))
    }
}

/// `[]interface {}`: a list; a nil slice is empty.
impl<'a> Arg<'a> for &[Value] {
    type Out = &'a [Value];
    const PARAM: Param = Param::ListAny;
    fn take(args: &mut ArgIter<'a>) -> Result<&'a [Value], Mismatch> {
        match args.next() {
            Some(Value::Nil) => Ok(&[]),
            Some(Value::List(items, _)) => Ok(items),
            other => Err(mismatch(Param::ListAny, other)),
        }
    }
}

/// `[]byte`; a nil slice is empty.
impl<'a> Arg<'a> for &[u8] {
    type Out = &'a [u8];
    const PARAM: Param = Param::Bytes;
    fn take(args: &mut ArgIter<'a>) -> Result<&'a [u8], Mismatch> {
        match args.next() {
            Some(Value::Nil) => Ok(&[]),
            Some(Value::Bytes(b)) => Ok(b),
            other => Err(mismatch(Param::Bytes, other)),
        }
    }
}

/// `map[string]interface {}` (Helm's `common.Values` converts to it): the argument as given,
/// a nil map included.
#[derive(Clone, Copy, Debug)]
pub struct MapArg<'a>(pub &'a Value);

impl<'a> MapArg<'a> {
    /// The map, or `None` for a nil map (which Go reads as empty and refuses to write to).
    pub fn map(self) -> Option<&'a Map> {
        match self.0 {
            Value::Map(m) if !m.is_nil() => Some(m),
            _ => None,
        }
    }
}

impl<'a> Arg<'a> for MapArg<'_> {
    type Out = MapArg<'a>;
    const PARAM: Param = Param::MapAny;
    fn take(args: &mut ArgIter<'a>) -> Result<MapArg<'a>, Mismatch> {
        match args.next() {
            Some(v @ (Value::Nil | Value::Map(_))) => Ok(MapArg(v)),
            other => Err(mismatch(Param::MapAny, other)),
        }
    }
}

/// `reflect.Value`: the raw argument, a missing value (nil) included (Go's builtins).
#[derive(Clone, Copy, Debug)]
pub struct Reflect<'a>(pub &'a Value);

impl<'a> Arg<'a> for Reflect<'_> {
    type Out = Reflect<'a>;
    const PARAM: Param = Param::Reflect;
    fn take(args: &mut ArgIter<'a>) -> Result<Reflect<'a>, Mismatch> {
        args.next()
            .map(Reflect)
            .ok_or_else(|| mismatch(Param::Reflect, None))
    }
}

/// `time.Duration`: nanoseconds.
#[derive(Clone, Copy, Debug)]
pub struct Duration(pub i64);

fixed_arg!(Duration, Param::Duration, |v| match v {
    Value::Int(i, _) => Some(Duration(*i)),
    _ => None,
});

/// A Go named type (`time.Time`, `*semver.Version`, ...) for [`Named`] parameters.
pub trait GoType {
    /// Its `%T` name; pointer types (starting with `*`) accept nil.
    const NAME: &'static str;
}

/// A value of the named Go type `T`, as the executor checked it.
#[derive(Debug)]
pub struct Named<'a, T>(pub &'a Value, PhantomData<T>);

impl<'a, T: GoType> Arg<'a> for Named<'_, T> {
    type Out = Named<'a, T>;
    const PARAM: Param = Param::Named(T::NAME);
    fn take(args: &mut ArgIter<'a>) -> Result<Named<'a, T>, Mismatch> {
        args.next()
            .map(|v| Named(v, PhantomData))
            .ok_or_else(|| mismatch(Param::Named(T::NAME), None))
    }
}

/// Declares a tail type taking all remaining arguments as they are.
macro_rules! untyped_tail {
    ($(#[$doc:meta])* $name:ident, $param:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name<'a>(pub &'a [Value]);

        impl<'a> Arg<'a> for $name<'_> {
            type Out = $name<'a>;
            const PARAM: Param = $param;
            const VARIADIC: bool = true;
            fn take(args: &mut ArgIter<'a>) -> Result<$name<'a>, Mismatch> {
                let rest = args.as_slice();
                args.by_ref().for_each(drop);
                Ok($name(rest))
            }
        }
    };
}

untyped_tail!(
    /// A `...interface {}` tail: all remaining arguments.
    Rest,
    Param::Any
);
untyped_tail!(
    /// A `...reflect.Value` tail (Go's builtins): all remaining arguments, missing values
    /// included.
    RestReflect,
    Param::Reflect
);

/// A typed `...T` tail, each remaining argument converted as a `T` parameter.
#[derive(Clone, Debug)]
pub struct Variadic<T>(pub Vec<T>);

impl<'a, T: Arg<'a>> Arg<'a> for Variadic<T> {
    type Out = Variadic<T::Out>;
    const PARAM: Param = T::PARAM;
    const VARIADIC: bool = true;
    fn take(args: &mut ArgIter<'a>) -> Result<Variadic<T::Out>, Mismatch> {
        let mut items = Vec::with_capacity(args.len());
        while !args.as_slice().is_empty() {
            items.push(T::take(args)?);
        }
        Ok(Variadic(items))
    }
}

/// A parameter list: a tuple of [`Arg`] types.
pub trait ArgList<'a>: Sized {
    /// The tuple the closure receives.
    type Out;
    /// The Go types of the parameters, in order (the last one a variadic element type when
    /// [`ArgList::VARIADIC`]).
    const PARAMS: &'static [Param];
    /// Whether the last parameter is a `...` tail.
    const VARIADIC: bool;
    /// Converts the checked arguments.
    fn take(args: &'a [Value]) -> Result<Self::Out, Mismatch>;
}

/// The Go signature of a parameter list.
pub(super) const fn signature(params: &'static [Param], variadic: bool) -> Method {
    match params.split_last() {
        Some((last, fixed)) if variadic => Method::variadic(fixed, *last),
        _ => Method::fixed(params),
    }
}

/// A Rust function callable with the converted parameter list `Args`, returning `R`.
pub trait CallWith<R, Args>: Send + Sync + 'static {
    /// Calls it.
    fn call_with(&self, args: Args) -> R;
}

/// Like [`CallWith`], for functions that also take the executor (`include`, `tpl`).
pub trait CallWithExec<R, Args>: Send + Sync + 'static {
    /// Calls it.
    fn call_with(&self, exec: &mut super::Exec<'_>, args: Args) -> R;
}

/// Whether the last of a parameter list's `VARIADIC` flags is set; a variadic parameter
/// anywhere else fails to compile.
const fn last_is_variadic(flags: &[bool]) -> bool {
    let mut rest = flags;
    while let [first, tail @ ..] = rest {
        if tail.is_empty() {
            return *first;
        }
        assert!(!*first, "only the last parameter may be variadic");
        rest = tail;
    }
    false
}

macro_rules! tuple_impls {
    ($($A:ident)*) => {
        impl<'a, $($A: Arg<'a>,)*> ArgList<'a> for ($($A,)*) {
            type Out = ($($A::Out,)*);
            const PARAMS: &'static [Param] = &[$($A::PARAM,)*];
            const VARIADIC: bool = last_is_variadic(&[$($A::VARIADIC,)*]);
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn take(args: &'a [Value]) -> Result<Self::Out, Mismatch> {
                let mut it = args.iter();
                $(let $A = $A::take(&mut it)?;)*
                Ok(($($A,)*))
            }
        }

        impl<Func, R, $($A,)*> CallWith<R, ($($A,)*)> for Func
        where
            Func: Fn($($A),*) -> R + Send + Sync + 'static,
        {
            #[allow(non_snake_case)]
            fn call_with(&self, ($($A,)*): ($($A,)*)) -> R {
                (self)($($A),*)
            }
        }

        impl<Func, R, $($A,)*> CallWithExec<R, ($($A,)*)> for Func
        where
            Func: for<'x> Fn(&mut super::Exec<'x>, $($A),*) -> R + Send + Sync + 'static,
        {
            #[allow(non_snake_case)]
            fn call_with(&self, exec: &mut super::Exec<'_>, ($($A,)*): ($($A,)*)) -> R {
                (self)(exec, $($A),*)
            }
        }
    };
}

tuple_impls!();
tuple_impls!(A);
tuple_impls!(A B);
tuple_impls!(A B C);
tuple_impls!(A B C D);
tuple_impls!(A B C D E);
tuple_impls!(A B C D E F);

/// What a function may return: a value, or a value or Go error.
pub trait FuncResult {
    /// The result as the executor takes it.
    fn into_result(self) -> Result<Value, CallError>;
}

/// A Rust value with one obvious Go type.
pub trait IntoValue {
    /// The Go value.
    fn into_value(self) -> Value;
}

impl IntoValue for Value {
    fn into_value(self) -> Value {
        self
    }
}

impl IntoValue for String {
    fn into_value(self) -> Value {
        Value::string(self)
    }
}

impl IntoValue for bool {
    fn into_value(self) -> Value {
        Value::Bool(self)
    }
}

impl IntoValue for f64 {
    fn into_value(self) -> Value {
        Value::Float(self)
    }
}

impl<T: IntoValue> FuncResult for T {
    fn into_result(self) -> Result<Value, CallError> {
        Ok(self.into_value())
    }
}

impl<T: IntoValue> FuncResult for Result<T, CallError> {
    fn into_result(self) -> Result<Value, CallError> {
        self.map(IntoValue::into_value)
    }
}
