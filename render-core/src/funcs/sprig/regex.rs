//! Sprig's regular-expression functions (regex.go) over Go's `regexp` ([`render_go::regexp`]).
//! The plain forms use `regexp.MustCompile`, whose panic text becomes the call's error; the
//! `must` forms return `Compile`'s error; `regexMatch` swallows it and returns false.

use crate::template::{CallError, FuncTable};
use render_go::regexp::{Regexp, quote_meta};
use render_go::value::Value;

/// Compiles `expr`: `must` selects `Compile`'s error text over `MustCompile`'s panic text.
fn compile(expr: &str, must: bool) -> Result<Regexp, CallError> {
    if must {
        Regexp::cached(expr).map_err(|e| CallError::msg(e.to_string()))
    } else {
        Regexp::must_compile(expr).map_err(CallError::msg)
    }
}

type R = Result<Value, CallError>;

pub(super) fn register(t: &mut FuncTable) {
    t.func("regexMatch", |expr: &str, s: &str| {
        Regexp::cached(expr).is_ok_and(|r| r.is_match(s))
    });
    t.func("mustRegexMatch", |expr: &str, s: &str| -> Result<bool, CallError> {
        Ok(compile(expr, true)?.is_match(s))
    });
    for (name, must) in [("regexFind", false), ("mustRegexFind", true)] {
        t.func(name, move |expr: &str, s: &str| -> R {
            Ok(Value::str(compile(expr, must)?.find(s)))
        });
    }
    for (name, must) in [("regexFindAll", false), ("mustRegexFindAll", true)] {
        t.func(name, move |expr: &str, s: &str, n: i64| -> R {
            Ok(Value::string_list(compile(expr, must)?.find_all(s, n)))
        });
    }
    for (name, must) in [("regexSplit", false), ("mustRegexSplit", true)] {
        t.func(name, move |expr: &str, s: &str, n: i64| -> R {
            Ok(Value::string_list(compile(expr, must)?.split(s, n)))
        });
    }
    for (name, must) in [("regexReplaceAll", false), ("mustRegexReplaceAll", true)] {
        t.func(name, move |expr: &str, s: &str, repl: &str| -> Result<String, CallError> {
            Ok(compile(expr, must)?.replace_all(s, repl))
        });
    }
    for (name, must) in [
        ("regexReplaceAllLiteral", false),
        ("mustRegexReplaceAllLiteral", true),
    ] {
        t.func(name, move |expr: &str, s: &str, repl: &str| -> Result<String, CallError> {
            Ok(compile(expr, must)?.replace_all_literal(s, repl))
        });
    }
    t.func("regexQuoteMeta", quote_meta);
}
