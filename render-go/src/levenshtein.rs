//! Levenshtein edit distance over bytes: cobra's `ld`, behind its "Did you mean this?" for
//! mistyped commands, and what `render check` uses to spot a misspelled key.

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

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn counts_insertions_deletions_and_substitutions() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("templte", "template"), 1);
        assert_eq!(distance("replicacount", "replicaCount"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("abc", ""), 3);
    }
}
