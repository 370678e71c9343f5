//! go-yaml's map key order (`keyList.Less`): a "natural" order where runs of digits compare
//! as numbers and letters sort after other characters (`_x, 1, 2, 10, A, a-1, a.1, a9, a10`).
//! Our maps only have string keys, so only the string branch matters. v3 changed one rule:
//! after equal digits, a letter sorts before a non-letter.

use super::emitter::Flavor;
use crate::unicode::{is_digit, is_letter};

/// go-yaml's `keyList.Less` for two string keys, as runes (`char`s, or bytes for ASCII keys,
/// which compare the same).
fn key_less<C: Copy + Into<char>>(flavor: Flavor, a: &[C], b: &[C]) -> bool {
    // The number a run of digits starting at `from` spells, and its length.
    fn digit_run<C: Copy + Into<char>>(s: &[C], from: usize, start: i64) -> (i64, usize) {
        let mut n = start;
        let mut len = 0;
        for c in s
            .iter()
            .skip(from)
            .map(|&c| c.into())
            .take_while(|&c| is_digit(c))
        {
            n = n
                .wrapping_mul(10)
                .wrapping_add(i64::from(c as u32) - i64::from(b'0'));
            len += 1;
        }
        (n, len)
    }
    let mut digits = false;
    for (i, (&x, &y)) in a.iter().zip(b).enumerate() {
        let (ac, bc): (char, char) = (x.into(), y.into());
        if ac == bc {
            digits = is_digit(ac);
            continue;
        }
        let al = is_letter(ac);
        let bl = is_letter(bc);
        if al && bl {
            return ac < bc;
        }
        if al || bl {
            return if flavor == Flavor::V3 && digits {
                al
            } else {
                bl
            };
        }
        // A number with a non-zero digit before this point counts from 1 (go-yaml's
        // leading-zero rule), else from 0.
        let mut start = 0;
        if (ac == '0' || bc == '0')
            && a.iter()
                .take(i)
                .rev()
                .map(|&c| c.into())
                .take_while(|&c| is_digit(c))
                .any(|c| c != '0')
        {
            start = 1;
        }
        let (an, alen) = digit_run(a, i, start);
        let (bn, blen) = digit_run(b, i, start);
        if an != bn {
            return an < bn;
        }
        if alen != blen {
            return alen < blen;
        }
        return ac < bc;
    }
    a.len() < b.len()
}

/// Sorts `(key, value)` pairs in go-yaml's key order: on the keys' bytes when all are ASCII
/// (no copies), else on their `char`s. go-yaml's order is not always consistent, so this
/// runs Go's sort algorithm ([`crate::sort`]), which accepts that.
pub(crate) fn sort_entries<V>(
    flavor: Flavor,
    mut entries: Vec<(crate::value::Str, V)>,
) -> Vec<(crate::value::Str, V)> {
    if entries.iter().all(|e| e.0.is_ascii()) {
        crate::sort::sort(&mut entries, |x, y| {
            key_less(flavor, x.0.as_bytes(), y.0.as_bytes())
        });
        return entries;
    }
    let mut keyed: Vec<(Vec<char>, (crate::value::Str, V))> = entries
        .into_iter()
        .map(|e| (e.0.chars().collect(), e))
        .collect();
    crate::sort::sort(&mut keyed, |x, y| key_less(flavor, &x.0, &y.0));
    keyed.into_iter().map(|x| x.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        // expected order from helm-oracle (toYaml of these keys)
        let keys = ["a10", "A", "10", "a9", "_x", "a.1", "2", "a-1", "1"]
            .iter()
            .map(|k| (crate::value::Str::from(*k), ()))
            .collect();
        let sorted = sort_entries(Flavor::V2, keys);
        let got: Vec<&str> = sorted.iter().map(|k| &*k.0).collect();
        assert_eq!(got, ["_x", "1", "2", "10", "A", "a-1", "a.1", "a9", "a10"]);
    }

    #[test]
    fn inconsistent_key_orders_sort_without_panicking() {
        // Found by the yaml_parse fuzz target: go-yaml's Less is not transitive for this mix
        // (a digit run against letters), which made Rust's sort panic.
        let mut keys: Vec<String> = (0..30).map(|i| format!("k{i}")).collect();
        keys.push(format!("k2{}6", "u".repeat(28)));
        keys.sort(); // a map's order, as the encoder hands the keys over
        for flavor in [Flavor::V2, Flavor::V3] {
            let entries = keys
                .iter()
                .map(|k| (crate::value::Str::from(k.as_str()), ()))
                .collect();
            let sorted = sort_entries(flavor, entries);
            assert_eq!(sorted.len(), keys.len());
            let numbered: Vec<&str> = sorted
                .iter()
                .map(|k| &*k.0)
                .filter(|k| k.len() < 5)
                .collect();
            let want: Vec<String> = (0..30).map(|i| format!("k{i}")).collect();
            assert_eq!(numbered, want);
        }
    }
}
