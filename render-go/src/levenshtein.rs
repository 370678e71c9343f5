//! Edit distances over bytes: Levenshtein's, as cobra's `ld` computes it behind its "Did you
//! mean this?" for mistyped commands, and one that also counts a swapped pair as one edit,
//! which `render check` uses to spot a misspelled key.

/// The edit distance from `a` to `b`.
pub fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    // Row i holds the distances from a's first i bytes to each prefix of b.
    let mut above: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut row = Vec::with_capacity(above.len());
        row.push(i + 1);
        for ((&cb, &diagonal), &up) in b.iter().zip(&above).zip(above.iter().skip(1)) {
            let left = row.last().copied().unwrap_or(0);
            row.push((up + 1).min(left + 1).min(diagonal + usize::from(ca != cb)));
        }
        above = row;
    }
    above.last().copied().unwrap_or(0)
}

/// The edit distance from `a` to `b` where swapping two neighbours also counts as one edit
/// (Damerau's optimal string alignment): the usual shape of a typo (`prot` for `port`).
pub fn with_swaps(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Rows i-2, i-1 and i of the table of distances between prefixes.
    let mut before: Vec<usize> = Vec::new();
    let mut above: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(above.len());
        row.push(i + 1);
        for (j, &cb) in b.iter().enumerate() {
            let left = row.last().copied().unwrap_or(0);
            let up = above.get(j + 1).copied().unwrap_or(0);
            let diagonal = above.get(j).copied().unwrap_or(0);
            let mut best = (up + 1).min(left + 1).min(diagonal + usize::from(ca != cb));
            let swapped = i > 0
                && j > 0
                && a.get(i - 1) == Some(&cb)
                && b.get(j - 1) == Some(&ca)
                && ca != cb;
            if swapped && let Some(&two_back) = before.get(j - 1) {
                best = best.min(two_back + 1);
            }
            row.push(best);
        }
        before = std::mem::replace(&mut above, row);
    }
    above.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::{distance, with_swaps};

    #[test]
    fn a_swap_is_one_edit_with_swaps() {
        assert_eq!(with_swaps("prot", "port"), 1);
        assert_eq!(distance("prot", "port"), 2);
        assert_eq!(with_swaps("enabeld", "enabled"), 1);
        assert_eq!(with_swaps("kitten", "sitting"), 3);
        assert_eq!(with_swaps("", "abc"), 3);
        assert_eq!(with_swaps("ab", "ba"), 1);
    }

    #[test]
    fn counts_insertions_deletions_and_substitutions() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("templte", "template"), 1);
        assert_eq!(distance("replicacount", "replicaCount"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("abc", ""), 3);
    }
}
