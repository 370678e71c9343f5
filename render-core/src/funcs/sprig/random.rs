//! Sprig's random functions: `randAlphaNum`, `randAlpha`, `randAscii`, `randNumeric`
//! (goutils' `CryptoRandom*`), `randInt` (`math/rand.Intn`), `shuffle` (xstrings), `randBytes`
//! and `uuidv4`. All draw from the operating system's generator; outputs are only testable
//! by their properties (length, alphabet, format).

use crate::template::{CallError, FuncTable};
use super::super::entropy::Entropy;
use rand_core::RngCore;
use render_go::value::Value;

/// A uniform random number in `0..n` (`n > 0`), by rejection sampling.
pub(super) fn below(n: u64) -> u64 {
    if n <= 1 {
        return 0;
    }
    let zone = u64::MAX - (u64::MAX % n);
    loop {
        let x = Entropy.next_u64();
        if x < zone {
            return x % n;
        }
    }
}

/// `n` random bytes.
pub(super) fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    Entropy.fill_bytes(&mut buf);
    buf
}

/// goutils' `CryptoRandom` over an ASCII range `lo..hi`, keeping characters `keep`
/// accepts; a negative count gives "" (Sprig drops goutils' error).
fn random_string(count: i64, lo: u8, hi: u8, keep: Keep) -> String {
    let Ok(count) = usize::try_from(count) else {
        return String::new();
    };
    let mut out = String::with_capacity(count);
    while out.len() < count {
        let c = lo + below(u64::from(hi - lo)) as u8;
        if keep(c) {
            out.push(char::from(c));
        }
    }
    out
}

/// A version 4 UUID in its canonical lowercase form (`uuid.New().String()`).
fn uuid_v4() -> String {
    let mut b = [0u8; 16];
    Entropy.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = super::hash::hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// Which drawn characters a random-string family keeps.
type Keep = fn(u8) -> bool;

pub(super) fn register(t: &mut FuncTable) {
    // goutils draws from ' '..='z' and keeps letters and/or digits; randAscii keeps all of
    // 32..127.
    let families: [(&str, u8, u8, Keep); 4] = [
        ("randAlphaNum", b' ', b'z' + 1, |c| {
            c.is_ascii_alphanumeric()
        }),
        ("randAlpha", b' ', b'z' + 1, |c| c.is_ascii_alphabetic()),
        ("randNumeric", b' ', b'z' + 1, |c| c.is_ascii_digit()),
        ("randAscii", 32, 127, |_| true),
    ];
    for (name, lo, hi, keep) in families {
        t.func(name, move |count: i64| random_string(count, lo, hi, keep));
    }
    t.func("randInt", |min: i64, max: i64| -> Result<Value, CallError> {
        let n = max.wrapping_sub(min);
        if n <= 0 {
            return Err(CallError::msg("invalid argument to Intn"));
        }
        Ok(Value::int((below(n as u64) as i64).wrapping_add(min)))
    });
    t.func("shuffle", |s: &str| {
        let mut runes: Vec<char> = s.chars().collect();
        for i in (1..runes.len()).rev() {
            let j = below(i as u64 + 1) as usize;
            runes.swap(i, j);
        }
        runes.into_iter().collect::<String>()
    });
    t.func("randBytes", |count: i64| -> Result<String, CallError> {
        let n = usize::try_from(count)
            .map_err(|_| CallError::msg("runtime error: makeslice: len out of range"))?;
        Ok(render_go::base64::base64_encode(&random_bytes(n)))
    });
    t.func("uuidv4", uuid_v4);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_use_goutils_alphabets() {
        let s = random_string(500, b' ', b'z' + 1, |c| c.is_ascii_alphanumeric());
        assert_eq!(s.len(), 500);
        assert!(s.bytes().all(|c| c.is_ascii_alphanumeric()));
        let s = random_string(500, 32, 127, |_| true);
        assert!(s.bytes().all(|c| (32..127).contains(&c)));
        assert_eq!(random_string(-1, 32, 127, |_| true), "");
        // Every character of the alphabet shows up eventually.
        let s = random_string(5000, b' ', b'z' + 1, |c| c.is_ascii_digit());
        assert!((b'0'..=b'9').all(|d| s.as_bytes().contains(&d)));
    }

    #[test]
    fn uuids_are_version_4() {
        let u = uuid_v4();
        assert_eq!(u.len(), 36);
        let b = u.as_bytes();
        assert_eq!(b[14], b'4');
        assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'));
        assert!(
            u.chars()
                .enumerate()
                .all(|(i, c)| matches!(i, 8 | 13 | 18 | 23) == (c == '-'))
        );
        assert_ne!(uuid_v4(), u);
    }

    #[test]
    fn below_is_in_range() {
        for n in [1u64, 2, 3, 7, 1000] {
            for _ in 0..100 {
                assert!(below(n) < n);
            }
        }
    }
}
