//! Sprig's regular-expression functions (regex.go) over Go's `regexp` ([`render_go::regexp`]).
//! The plain forms use `regexp.MustCompile`, whose panic text becomes the call's error; the
//! `must` forms return `Compile`'s error; `regexMatch` swallows it and returns false.

use crate::template::CallError;
use crate::template::{FuncTable, arg_int, arg_str};
use render_go::regexp::{Regexp, quote_meta};
use render_go::value::{Method, Param, Value};

const S2: Method = Method::fixed(&[Param::String, Param::String]);
const S2I: Method = Method::fixed(&[Param::String, Param::String, Param::Int]);
const S3: Method = Method::fixed(&[Param::String, Param::String, Param::String]);

/// Compiles the first argument: `must` selects `Compile`'s error text over `MustCompile`'s
/// panic text.
fn compile(a: &[Value], must: bool) -> Result<Regexp, CallError> {
    let expr = arg_str(&a[0]);
    if must {
        Regexp::cached(expr).map_err(|e| CallError::msg(e.to_string()))
    } else {
        Regexp::must_compile(expr).map_err(CallError::msg)
    }
}

pub(super) fn register(t: &mut FuncTable) {
    t.add_pure("regexMatch", S2, |a| {
        let m = Regexp::cached(arg_str(&a[0])).is_ok_and(|r| r.is_match(arg_str(&a[1])));
        Ok(Value::Bool(m))
    });
    t.add_pure("mustRegexMatch", S2, |a| {
        Ok(Value::Bool(compile(&a, true)?.is_match(arg_str(&a[1]))))
    });
    for (name, must) in [("regexFind", false), ("mustRegexFind", true)] {
        t.add_pure(name, S2, move |a| {
            Ok(Value::str(compile(&a, must)?.find(arg_str(&a[1]))))
        });
    }
    for (name, must) in [("regexFindAll", false), ("mustRegexFindAll", true)] {
        t.add_pure(name, S2I, move |a| {
            let re = compile(&a, must)?;
            Ok(Value::string_list(
                re.find_all(arg_str(&a[1]), arg_int(&a[2])),
            ))
        });
    }
    for (name, must) in [("regexSplit", false), ("mustRegexSplit", true)] {
        t.add_pure(name, S2I, move |a| {
            let re = compile(&a, must)?;
            Ok(Value::string_list(re.split(arg_str(&a[1]), arg_int(&a[2]))))
        });
    }
    for (name, must) in [("regexReplaceAll", false), ("mustRegexReplaceAll", true)] {
        t.add_pure(name, S3, move |a| {
            let re = compile(&a, must)?;
            Ok(Value::string(
                re.replace_all(arg_str(&a[1]), arg_str(&a[2])),
            ))
        });
    }
    for (name, must) in [
        ("regexReplaceAllLiteral", false),
        ("mustRegexReplaceAllLiteral", true),
    ] {
        t.add_pure(name, S3, move |a| {
            let re = compile(&a, must)?;
            Ok(Value::string(
                re.replace_all_literal(arg_str(&a[1]), arg_str(&a[2])),
            ))
        });
    }
    t.add_pure("regexQuoteMeta", Method::fixed(&[Param::String]), |a| {
        Ok(Value::string(quote_meta(arg_str(&a[0]))))
    });
}
