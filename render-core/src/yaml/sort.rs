//! go-yaml's map key order (`keyList.Less`): a "natural" order where runs of digits compare
//! as numbers and letters sort after other characters (`_x, 1, 2, 10, A, a-1, a.1, a9, a10`).
//! Our maps only have string keys, so only the string branch matters. v3 changed one rule:
//! after equal digits, a letter sorts before a non-letter.

use super::emitter::Flavor;
use crate::value::unicode::{is_digit, is_letter};
use std::cmp::Ordering;

/// go-yaml's `keyList.Less` for two string keys (as runes).
fn key_less(flavor: Flavor, ar: &[char], br: &[char]) -> bool {
    let mut digits = false;
    for i in 0..ar.len().min(br.len()) {
        if ar[i] == br[i] {
            digits = is_digit(ar[i]);
            continue;
        }
        let al = is_letter(ar[i]);
        let bl = is_letter(br[i]);
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return if flavor == Flavor::V3 && digits {
                al
            } else {
                bl
            };
        }
        let (mut an, mut bn): (i64, i64) = (0, 0);
        if ar[i] == '0' || br[i] == '0' {
            let mut j = i;
            while j > 0 && is_digit(ar[j - 1]) {
                j -= 1;
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && is_digit(ar[ai]) {
            an = an
                .wrapping_mul(10)
                .wrapping_add(i64::from(ar[ai] as u32) - i64::from(b'0'));
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && is_digit(br[bi]) {
            bn = bn
                .wrapping_mul(10)
                .wrapping_add(i64::from(br[bi] as u32) - i64::from(b'0'));
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

/// Sorts `(key, value)` pairs in go-yaml's key order.
pub(crate) fn sort_entries<V>(
    flavor: Flavor,
    entries: Vec<(crate::value::Str, V)>,
) -> Vec<(crate::value::Str, V)> {
    let mut keyed: Vec<(Vec<char>, (crate::value::Str, V))> = entries
        .into_iter()
        .map(|e| (e.0.chars().collect(), e))
        .collect();
    keyed.sort_by(|x, y| {
        if key_less(flavor, &x.0, &y.0) {
            Ordering::Less
        } else if key_less(flavor, &y.0, &x.0) {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    });
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
}
