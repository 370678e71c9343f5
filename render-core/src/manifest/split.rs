//! Helm's `SplitManifests`: one template's output → YAML documents, cut at Go's
//! `(?:^|\s*\n)---\s*` (whitespace before a separator goes with it, `---apiVersion` splits
//! too), blank documents dropped, leading whitespace trimmed.

/// RE2's `\s`.
fn is_re2_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The separator match starting at or after `from`: (start, end).
fn next_separator(s: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut p = from;
    while p < s.len() {
        if p == 0 && s.starts_with(b"---") {
            return Some((0, skip_space(s, 3)));
        }
        if is_re2_space(s[p]) {
            let mut q = p;
            while q < s.len() && is_re2_space(s[q]) {
                q += 1;
            }
            if s[q - 1] == b'\n' && s[q..].starts_with(b"---") {
                return Some((p, skip_space(s, q + 3)));
            }
            p = q;
        } else {
            p += 1;
        }
    }
    None
}

fn skip_space(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_re2_space(s[i]) {
        i += 1;
    }
    i
}

/// The documents of one rendered file, in order.
pub fn split_manifests(big: &str) -> Vec<&str> {
    let text = big.trim_start();
    let bytes = text.as_bytes();
    let mut docs = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some((a, b)) = next_separator(bytes, from) {
        docs.push(&text[start..a]);
        start = b;
        from = if b > a { b } else { b + 1 };
    }
    docs.push(&text[start..]);
    docs.into_iter()
        .filter(|d| !d.trim().is_empty())
        .map(str::trim_start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helm_split_rules() {
        assert_eq!(split_manifests("a: 1\n---\nb: 2\n"), vec!["a: 1", "b: 2\n"]);
        assert_eq!(
            split_manifests("---\na: 1  \n  \n---apiVersion: v1"),
            vec!["a: 1", "apiVersion: v1"]
        );
        assert_eq!(split_manifests("a\n--- # c\nb"), vec!["a", "# c\nb"]);
        // Go's greedy `\s*` eats the blank line, so the second `---` stays as a document.
        assert_eq!(split_manifests("a\n---\n\n---\n"), vec!["a", "---\n"]);
        assert_eq!(split_manifests("  \n"), Vec::<&str>::new());
        assert_eq!(split_manifests("x: ---\ny"), vec!["x: ---\ny"]);
    }
}
