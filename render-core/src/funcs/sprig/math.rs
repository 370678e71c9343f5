//! Sprig's arithmetic and number conversions: integer math through spf13/cast's `ToInt64`
//! (`add add1 sub div mod mul max min biggest`), float math (`floor ceil round maxf minf`),
//! decimal math (`addf add1f subf mulf divf`), ranges (`until untilStep seq`) and
//! conversions (`atoi int int64 float64 toDecimal`).
//!
//! Integer arithmetic wraps like Go's; division by zero is Go's runtime panic. `until`,
//! `untilStep` and `seq` stop at [`crate::limits::MAX_LIST_LEN`] elements (Go would allocate
//! until it runs out of memory, or loop forever where the counter overflows).

use super::conv::{atoi, to_float64, to_int, to_int64};
use super::goerr::{self, DIVIDE_BY_ZERO};
use crate::limits::{MAX_LIST_LEN, check_list};
use crate::template::args::{Rest, Variadic};
use crate::template::{CallError, FuncTable};
use render_go::decimal::Decimal;
use render_go::strconv::parse_int;
use render_go::value::{IntType, ListType, Value};
use std::iter;

type R = Result<Value, CallError>;

pub(super) fn register(t: &mut FuncTable) {
    t.func("add1", |v: &Value| Value::int64(to_int64(v).wrapping_add(1)));
    t.func("add", |a: Rest| {
        Value::int64(a.0.iter().fold(0i64, |s, v| s.wrapping_add(to_int64(v))))
    });
    t.func("sub", |x: &Value, y: &Value| {
        Value::int64(to_int64(x).wrapping_sub(to_int64(y)))
    });
    t.func("div", |x: &Value, y: &Value| int_div(x, y, i64::wrapping_div));
    t.func("mod", |x: &Value, y: &Value| int_div(x, y, i64::wrapping_rem));
    t.func("mul", |first: &Value, rest: Rest| {
        let product = rest.0.iter().fold(to_int64(first), |p, v| p.wrapping_mul(to_int64(v)));
        Value::int64(product)
    });
    for name in ["max", "biggest"] {
        t.func(name, |first: &Value, rest: Rest| {
            let all = iter::once(first).chain(rest.0);
            Value::int64(all.map(to_int64).fold(i64::MIN, i64::max))
        });
    }
    t.func("min", |first: &Value, rest: Rest| {
        let all = iter::once(first).chain(rest.0);
        Value::int64(all.map(to_int64).fold(i64::MAX, i64::min))
    });
    t.func("maxf", |first: &Value, rest: Rest| {
        rest.0.iter().map(to_float64).fold(to_float64(first), go_max)
    });
    t.func("minf", |first: &Value, rest: Rest| {
        rest.0.iter().map(to_float64).fold(to_float64(first), go_min)
    });
    t.func("floor", |v: &Value| to_float64(v).floor());
    t.func("ceil", |v: &Value| to_float64(v).ceil());
    t.func("round", |v: &Value, places: i64, round_on: Variadic<f64>| {
        let round_on = round_on.0.first().copied().unwrap_or(0.5);
        round(to_float64(v), places, round_on)
    });
    t.func("addf", |a: Rest| decimal_op(&Value::Float(0.0), a.0, |x, y| Ok(x.add(y))));
    t.func("add1f", |v: &Value| decimal_op(v, &[Value::int(1)], |x, y| Ok(x.add(y))));
    t.func("subf", |first: &Value, rest: Rest| {
        decimal_op(first, rest.0, |x, y| Ok(x.sub(y)))
    });
    t.func("mulf", |first: &Value, rest: Rest| {
        decimal_op(first, rest.0, |x, y| Ok(x.mul(y)))
    });
    t.func("divf", |first: &Value, rest: Rest| {
        decimal_op(first, rest.0, |x, y| Ok(x.div(y)?))
    });
    t.func("until", |count: i64| -> R {
        int_list(until_step(0, count, if count < 0 { -1 } else { 1 })?)
    });
    t.func("untilStep", |start: i64, stop: i64, step: i64| -> R {
        int_list(until_step(start, stop, step)?)
    });
    t.func("seq", |params: Variadic<i64>| -> Result<String, CallError> {
        let items = seq(&params.0)?;
        Ok(items.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
    });
    t.func("atoi", |s: &str| Value::int(atoi(s)));
    t.func("int", |v: &Value| Value::int(to_int(v)));
    t.func("int64", |v: &Value| Value::int64(to_int64(v)));
    t.func("float64", |v: &Value| to_float64(v));
    t.func("toDecimal", |v: &Value| {
        Value::int64(parse_int(&v.to_string(), 8, 64).unwrap_or(0))
    });
}

/// `div`/`mod`: `int64` division with Go's panic on a zero divisor.
fn int_div(x: &Value, y: &Value, op: fn(i64, i64) -> i64) -> R {
    let (x, y) = (to_int64(x), to_int64(y));
    if y == 0 {
        return Err(goerr::panic(DIVIDE_BY_ZERO));
    }
    Ok(Value::int64(op(x, y)))
}

/// Go's `math.Max`: +Inf wins over NaN, NaN over numbers, +0 over -0.
fn go_max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        f64::INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { y } else { x }
    } else if x > y {
        x
    } else {
        y
    }
}

/// Go's `math.Min`: -Inf wins over NaN, NaN over numbers, -0 over +0.
fn go_min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        f64::NEG_INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { x } else { y }
    } else if x < y {
        x
    } else {
        y
    }
}

/// Sprig's `execDecimalOp`: folds the operands with `op` in decimal arithmetic.
fn decimal_op(
    first: &Value,
    rest: &[Value],
    op: fn(&Decimal, &Decimal) -> Result<Decimal, CallError>,
) -> R {
    let mut acc = Decimal::from_f64(to_float64(first))?;
    for v in rest {
        acc = op(&acc, &Decimal::from_f64(to_float64(v))?)?;
    }
    Ok(Value::Float(acc.to_f64()))
}

/// Sprig's `round value places [roundOn]`: rounds up when the fraction of
/// `value × 10^places` reaches `roundOn`, down otherwise (so -1.5 rounds to -2).
fn round(value: f64, places: i64, round_on: f64) -> f64 {
    let pow = go_pow10(places);
    let digit = pow * value;
    // Go's math.Modf: the fraction keeps the sign; ±Inf has a NaN fraction.
    let frac = if digit.is_infinite() {
        f64::NAN
    } else {
        digit - digit.trunc()
    };
    let rounded = if frac >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    rounded / pow
}

/// Go's `math.Frexp`: `f = frac × 2^exp` with `frac` in [0.5, 1).
fn frexp(f: f64) -> (f64, i64) {
    if f == 0.0 || f.is_nan() || f.is_infinite() {
        return (f, 0);
    }
    let (f, mut exp) = if f.abs() < f64::MIN_POSITIVE {
        (f * (1u64 << 52) as f64, -52)
    } else {
        (f, 0)
    };
    let bits = f.to_bits();
    exp += ((bits >> 52) & 0x7ff) as i64 - 1022;
    let frac = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (frac, exp)
}

/// Go's `math.Ldexp`: `frac × 2^exp`, rounding denormal results as Go does.
fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_nan() || frac.is_infinite() {
        return frac;
    }
    let (frac, mut exp) = if frac.abs() < f64::MIN_POSITIVE {
        (frac * (1u64 << 52) as f64, exp.saturating_sub(52))
    } else {
        (frac, exp)
    };
    let bits = frac.to_bits();
    exp = exp.saturating_add(((bits >> 52) & 0x7ff) as i64 - 1023);
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    if exp > 1023 {
        return f64::INFINITY.copysign(frac);
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    let bits = (bits & !(0x7ff << 52)) | (((exp + 1023) as u64) << 52);
    m * f64::from_bits(bits)
}

/// Go's `math.Pow(10, y)` for an integer `y`: repeated squaring of the mantissa, which is
/// not always the correctly rounded power.
fn go_pow10(y: i64) -> f64 {
    if y == 0 {
        return 1.0;
    }
    if y == 1 {
        return 10.0;
    }
    let (mut x1, mut xe) = frexp(10.0);
    let (mut a1, mut ae) = (1.0f64, 0i64);
    let mut i = y.unsigned_abs();
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

/// Sprig's `untilStep start stop step`: the integers from `start` towards `stop`
/// (exclusive) by `step`; empty when `step` points away from `stop`.
fn until_step(start: i64, stop: i64, step: i64) -> Result<Vec<i64>, CallError> {
    let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    let count = if stop < start {
        if step >= 0 {
            return Ok(Vec::new());
        }
        (start - stop + (-step) - 1) / -step
    } else {
        if step <= 0 {
            return Ok(Vec::new());
        }
        (stop - start + step - 1) / step
    };
    // Past the last element Go's counter may overflow and wrap back into the range, and
    // then the loop never ends.
    let after = start + count * step;
    if after > i128::from(i64::MAX) || after < i128::from(i64::MIN) {
        return Err(CallError::msg(format!(
            "the range never ends (Go's counter overflows); results are limited to {MAX_LIST_LEN} elements"
        )));
    }
    check_list(count as u128)?;
    Ok((0..count).map(|k| (start + k * step) as i64).collect())
}

/// A Go `[]int`.
fn int_list(items: Vec<i64>) -> R {
    Ok(Value::List(
        items
            .into_iter()
            .map(|i| Value::Int(i, IntType::Int))
            .collect(),
        ListType::Int,
    ))
}

/// Sprig's `seq`: like the shell's (`seq 5`, `seq 2 5`, `seq 0 2 10`), counting down when
/// the end is below the start.
fn seq(params: &[i64]) -> Result<Vec<i64>, CallError> {
    match *params {
        [end] => {
            let step = if end < 1 { -1 } else { 1 };
            until_step(1, end.wrapping_add(step), step)
        }
        [start, end] => {
            let step = if end < start { -1 } else { 1 };
            until_step(start, end.wrapping_add(step), step)
        }
        [start, step, end] => {
            let inc = if end < start {
                if step > 0 {
                    return Ok(Vec::new());
                }
                -1
            } else {
                1
            };
            until_step(start, end.wrapping_add(inc), step)
        }
        _ => Ok(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle
    #[test]
    fn ranges_and_rounding() {
        assert_eq!(until_step(0, 5, 2).ok(), Some(vec![0, 2, 4]));
        assert_eq!(until_step(5, 0, -2).ok(), Some(vec![5, 3, 1]));
        assert_eq!(until_step(0, 5, -1).ok(), Some(vec![]));
        assert!(until_step(i64::MAX - 1, i64::MAX, 5).is_err());
        assert!(until_step(0, i64::MAX, 1).is_err());
        assert_eq!(seq(&[3]).ok(), Some(vec![1, 2, 3]));
        assert_eq!(seq(&[0]).ok(), Some(vec![1, 0]));
        assert_eq!(seq(&[5, 3]).ok(), Some(vec![5, 4, 3]));
        assert_eq!(seq(&[0, 3, 10]).ok(), Some(vec![0, 3, 6, 9]));
        assert_eq!(round(123.5555, 3, 0.5), 123.556);
        assert_eq!(round(-1.5, 0, 0.5), -2.0);
        assert_eq!(go_pow10(-1), 0.1);
        assert_eq!(go_pow10(22), 1e22);
        assert_eq!(ldexp(0.5, 3), 4.0);
    }
}
