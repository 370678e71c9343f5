//! The part of `github.com/shopspring/decimal` v1.4.0 behind Sprig's `addf`, `add1f`,
//! `subf`, `mulf` and `divf`: each float64 operand becomes the decimal of its shortest
//! representation (`NewFromFloat`), the arithmetic is exact (division rounds half away from
//! zero to 16 decimal places, `DivisionPrecision`), and the result is the float64 nearest to
//! the exact decimal (`Float64`). So `addf 0.1 0.2` is `0.3`, not `0.30000000000000004`.
//!
//! Our own small type over `num-bigint` (the `decimal` crates on crates.io round
//! differently); only what these functions need.

use num_bigint::{BigInt, Sign};
use std::cmp::Ordering;

/// `value × 10^exp`.
#[derive(Clone, Debug)]
pub struct Decimal {
    value: BigInt,
    exp: i64,
}

/// shopspring's `DivisionPrecision`.
const DIVISION_PRECISION: i64 = 16;

fn pow10(n: i64) -> BigInt {
    BigInt::from(10u32).pow(u32::try_from(n).unwrap_or(0))
}

impl Decimal {
    /// `decimal.NewFromFloat`: the shortest decimal that reads back as `f`; NaN and the
    /// infinities panic in Go.
    pub fn from_f64(f: f64) -> Result<Decimal, String> {
        if f.is_nan() || f.is_infinite() {
            let shown = if f.is_nan() {
                "NaN"
            } else if f > 0.0 {
                "+Inf"
            } else {
                "-Inf"
            };
            return Err(format!("Cannot create a Decimal from {shown}"));
        }
        if f == 0.0 {
            return Ok(Decimal {
                value: BigInt::from(0),
                exp: 0,
            });
        }
        // Rust's `{:e}` prints the shortest round-trip digits, as Go's `roundShortest`.
        let text = format!("{f:e}");
        let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let frac_digits = mantissa.split_once('.').map_or(0, |(_, f)| f.len() as i64);
        let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
        let value = digits.parse::<BigInt>().unwrap_or_default();
        Ok(Decimal {
            value,
            exp: exp - frac_digits,
        })
    }

    /// The value with exponent `exp` (which must not exceed the current one).
    fn rescaled(&self, exp: i64) -> BigInt {
        &self.value * pow10(self.exp - exp)
    }

    /// `d + o`.
    pub fn add(&self, o: &Decimal) -> Decimal {
        let exp = self.exp.min(o.exp);
        Decimal {
            value: self.rescaled(exp) + o.rescaled(exp),
            exp,
        }
    }

    /// `d - o`.
    pub fn sub(&self, o: &Decimal) -> Decimal {
        let exp = self.exp.min(o.exp);
        Decimal {
            value: self.rescaled(exp) - o.rescaled(exp),
            exp,
        }
    }

    /// `d × o`.
    pub fn mul(&self, o: &Decimal) -> Decimal {
        Decimal {
            value: &self.value * &o.value,
            exp: self.exp + o.exp,
        }
    }

    /// Compares two decimals exactly.
    fn cmp(&self, o: &Decimal) -> Ordering {
        let exp = self.exp.min(o.exp);
        self.rescaled(exp).cmp(&o.rescaled(exp))
    }

    /// `d.Div(o)`: `DivRound(o, 16)`.
    pub fn div(&self, o: &Decimal) -> Result<Decimal, String> {
        if o.value.sign() == Sign::NoSign {
            return Err("decimal division by 0".to_string());
        }
        let scale = -DIVISION_PRECISION;
        let e = self.exp - o.exp - scale;
        if e > i64::from(i32::MAX) || e < i64::from(i32::MIN) {
            return Err("overflow in decimal QuoRem".to_string());
        }
        let (num, den, rest_exp) = if e < 0 {
            (self.value.clone(), &o.value * pow10(-e), self.exp)
        } else {
            (&self.value * pow10(e), o.value.clone(), scale + o.exp)
        };
        // Go's big.Int QuoRem truncates, like Rust's operators.
        let q = Decimal {
            value: &num / &den,
            exp: scale,
        };
        let r = &num % &den;
        let twice_r = Decimal {
            value: BigInt::from(r.magnitude().clone()) * 2,
            exp: rest_exp + DIVISION_PRECISION,
        };
        let abs_o = Decimal {
            value: o.value.magnitude().clone().into(),
            exp: o.exp,
        };
        if twice_r.cmp(&abs_o) == Ordering::Less {
            return Ok(q);
        }
        let ulp = Decimal {
            value: BigInt::from(1),
            exp: -DIVISION_PRECISION,
        };
        if self.value.sign() != o.value.sign() {
            Ok(q.sub(&ulp))
        } else {
            Ok(q.add(&ulp))
        }
    }

    /// `d.Float64()`: the nearest float64 (Rust's parser rounds long decimals correctly).
    pub fn to_f64(&self) -> f64 {
        format!("{}e{}", self.value, self.exp)
            .parse()
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(f: f64) -> Decimal {
        Decimal::from_f64(f).unwrap_or_else(|_| Decimal {
            value: BigInt::from(0),
            exp: 0,
        })
    }

    // expected values from helm-oracle
    #[test]
    fn decimal_arithmetic_is_exact() {
        assert_eq!(d(0.1).add(&d(0.2)).to_f64(), 0.3);
        assert_eq!(
            d(1.0).div(&d(3.0)).map(|x| x.to_f64()).ok(),
            Some(0.3333333333333333)
        );
        assert_eq!(
            d(2.0).div(&d(3.0)).map(|x| x.to_f64()).ok(),
            Some(0.6666666666666667)
        );
        assert_eq!(
            d(-2.0).div(&d(3.0)).map(|x| x.to_f64()).ok(),
            Some(-0.6666666666666667)
        );
        assert_eq!(d(1e308).add(&d(1e-308)).to_f64(), 1e308);
        assert_eq!(d(0.1).mul(&d(3.0)).to_f64(), 0.3);
        assert!(d(1.0).div(&d(0.0)).is_err());
    }
}
