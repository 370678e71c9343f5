//! Conversions between Go representations that several modules share.

/// Go's `time.Duration.String()`: `1h2m3.5s`, `150ms`, `0s`.
pub fn duration_string(d: i64) -> String {
    if d == 0 {
        return "0s".to_string();
    }
    let neg = d < 0;
    let u = d.unsigned_abs();
    let mut out = String::new();
    if u < 1_000_000_000 {
        // Sub-second: use the largest unit that keeps a non-zero integer part.
        let (unit, div) = if u < 1_000 {
            ("ns", 1u64)
        } else if u < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        out.push_str(&fraction(u, div));
        out.push_str(unit);
    } else {
        let secs_ns = u % 60_000_000_000;
        let mins_total = u / 60_000_000_000;
        let hours = mins_total / 60;
        let mins = mins_total % 60;
        if hours > 0 {
            out.push_str(&format!("{hours}h"));
        }
        if hours > 0 || mins > 0 {
            out.push_str(&format!("{mins}m"));
        }
        out.push_str(&fraction(secs_ns, 1_000_000_000));
        out.push('s');
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

/// `v / div` with the fractional digits Go prints (trailing zeros dropped).
fn fraction(v: u64, div: u64) -> String {
    let int = v / div;
    let mut frac = v % div;
    if frac == 0 {
        return int.to_string();
    }
    let mut digits = String::new();
    let mut d = div / 10;
    while d > 0 {
        digits.push(char::from(b'0' + (frac / d) as u8));
        frac %= d;
        d /= 10;
    }
    let digits = digits.trim_end_matches('0');
    format!("{int}.{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_print_like_go() {
        assert_eq!(duration_string(0), "0s");
        assert_eq!(duration_string(1_500_000_000), "1.5s");
        assert_eq!(duration_string(3_723_000_000_000), "1h2m3s");
        assert_eq!(duration_string(150_000_000), "150ms");
        assert_eq!(duration_string(-2_000), "-2µs");
        assert_eq!(duration_string(3_600_000_000_000), "1h0m0s");
    }
}
