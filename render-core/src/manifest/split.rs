//! Helm's `SplitManifests`: one template's output → YAML documents, cut at Go's
//! `(?:^|\s*\n)---\s*` (whitespace before a separator goes with it, `---apiVersion` splits
//! too), blank documents dropped, leading whitespace trimmed.

/// RE2's `\s`.
fn is_re2_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The separator match starting at or after `from`: (start, end). Past the very start, a
/// match is a `\n---` with the whitespace run before it (from `from` on).
fn next_separator(s: &[u8], from: usize) -> Option<(usize, usize)> {
    if from == 0 && s.starts_with(b"---") {
        return Some((0, skip_space(s, 3)));
    }
    let newline = from + memchr::memmem::find(s.get(from..)?, b"\n---")?;
    let mut start = newline;
    while start > from && s.get(start - 1).is_some_and(|&b| is_re2_space(b)) {
        start -= 1;
    }
    Some((start, skip_space(s, newline + 4)))
}

fn skip_space(s: &[u8], i: usize) -> usize {
    let spaces = s.get(i..).map_or(0, |rest| {
        rest.iter().take_while(|&&b| is_re2_space(b)).count()
    });
    i + spaces
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

    #[test]
    fn cuts_where_gos_regexp_split_cuts() {
        let sep = render_go::regexp::Regexp::compile(r"(?:^|\s*\n)---\s*")
            .expect("the separator compiles");
        let pieces = ["a", " ", "\n", "---", "-", "\t", "\r\n", "x: y"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        for e in pieces {
                            let big = format!("{a}{b}{c}{d}{e}");
                            let want: Vec<&str> = sep
                                .split(big.trim_start(), -1)
                                .into_iter()
                                .filter(|d| !d.trim().is_empty())
                                .map(str::trim_start)
                                .collect();
                            assert_eq!(split_manifests(&big), want, "{big:?}");
                        }
                    }
                }
            }
        }
    }
}
