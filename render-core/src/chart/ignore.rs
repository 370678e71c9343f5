//! `.helmignore` rules, as Helm's `pkg/ignore` applies them (not gitignore: `**` is refused,
//! patterns use Go's `filepath.Match`, and a negated pattern that does *not* match a path
//! ignores it).

/// Go's `filepath.Match` on `/`-separated names: `*`, `?`, `[...]` (with `^` negation and
/// ranges), `\` escapes. `Err` for a malformed pattern (`syntax error in pattern`).
pub fn path_match(pattern: &str, name: &str) -> Result<bool, String> {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    validate(&p)?;
    Ok(match_from(&p, &n))
}

const BAD_PATTERN: &str = "syntax error in pattern";

fn validate(p: &[char]) -> Result<(), String> {
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '\\' => {
                if i + 1 >= p.len() {
                    return Err(BAD_PATTERN.into());
                }
                i += 2;
            }
            '[' => {
                let (_, next) = class(p, i, None).ok_or(BAD_PATTERN)?;
                i = next;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// Parses the class starting at `p[i] == '['`; with `c` given, reports whether `c` matches.
/// Returns (matched, index after `]`), or `None` when malformed.
fn class(p: &[char], i: usize, c: Option<char>) -> Option<(bool, usize)> {
    let mut j = i + 1;
    let negated = p.get(j) == Some(&'^');
    if negated {
        j += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let ch = *p.get(j)?;
        if ch == ']' && !first {
            j += 1;
            break;
        }
        first = false;
        let lo = read_char(p, &mut j)?;
        let mut hi = lo;
        if p.get(j) == Some(&'-') {
            j += 1;
            hi = read_char(p, &mut j)?;
            if hi < lo {
                return None;
            }
        }
        if let Some(c) = c
            && lo <= c
            && c <= hi
        {
            matched = true;
        }
    }
    Some((matched != negated, j))
}

fn read_char(p: &[char], j: &mut usize) -> Option<char> {
    let ch = *p.get(*j)?;
    if ch == ']' || ch == '-' {
        return None;
    }
    if ch == '\\' {
        let e = *p.get(*j + 1)?;
        *j += 2;
        return Some(e);
    }
    *j += 1;
    Some(ch)
}

fn match_from(p: &[char], n: &[char]) -> bool {
    let Some(&first) = p.first() else {
        return n.is_empty();
    };
    match first {
        '*' => {
            let rest = &p[1..];
            for k in 0..=n.len() {
                if match_from(rest, &n[k..]) {
                    return true;
                }
                if n.get(k) == Some(&'/') {
                    break;
                }
            }
            false
        }
        '?' => n.first().is_some_and(|c| *c != '/') && match_from(&p[1..], &n[1..]),
        '[' => match (n.first(), class(p, 0, n.first().copied())) {
            (Some(c), Some((true, next))) if *c != '/' => match_from(&p[next..], &n[1..]),
            _ => false,
        },
        '\\' => p.get(1).is_some_and(|e| n.first() == Some(e)) && match_from(&p[2..], &n[1..]),
        c => n.first() == Some(&c) && match_from(&p[1..], &n[1..]),
    }
}

#[derive(Debug, Clone)]
enum Scope {
    /// `/pattern`: matched against the full path.
    Rooted,
    /// Contains `/`: matched against the full path.
    Path,
    /// No `/`: matched against the base name.
    Base,
}

#[derive(Debug, Clone)]
struct Pattern {
    rule: String,
    scope: Scope,
    negate: bool,
    must_dir: bool,
}

impl Pattern {
    fn matches(&self, path: &str) -> bool {
        let target = match self.scope {
            Scope::Base => path.rsplit('/').next().unwrap_or(path),
            Scope::Rooted | Scope::Path => path,
        };
        path_match(&self.rule, target).unwrap_or(false)
    }
}

/// A parsed `.helmignore`.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    patterns: Vec<Pattern>,
}

impl Rules {
    /// Rules from the text of a `.helmignore` file.
    pub fn parse(text: &str) -> Result<Rules, String> {
        let mut r = Rules::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for line in text.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            r.add(line)?;
        }
        Ok(r)
    }

    /// Adds Helm's default rule (`templates/.?*`: dotfiles in templates/).
    pub fn add_defaults(&mut self) {
        let _ = self.add("templates/.?*");
    }

    fn add(&mut self, rule: &str) -> Result<(), String> {
        let rule = rule.trim();
        if rule.is_empty() || rule.starts_with('#') {
            return Ok(());
        }
        if rule.contains("**") {
            return Err("double-star (**) syntax is not supported".into());
        }
        path_match(rule, "abc")?;
        let mut r = rule;
        let negate = r.starts_with('!');
        if negate {
            r = &r[1..];
        }
        let must_dir = r.ends_with('/');
        if must_dir {
            r = &r[..r.len() - 1];
        }
        let (scope, r) = if let Some(rest) = r.strip_prefix('/') {
            (Scope::Rooted, rest)
        } else if r.contains('/') {
            (Scope::Path, r)
        } else {
            (Scope::Base, r)
        };
        self.patterns.push(Pattern {
            rule: r.to_string(),
            scope,
            negate,
            must_dir,
        });
        Ok(())
    }

    /// Whether `path` (relative, `/`-separated) is ignored.
    pub fn ignore(&self, path: &str, is_dir: bool) -> bool {
        if path.is_empty() || path == "." || path == "./" {
            return false;
        }
        for p in &self.patterns {
            if p.negate {
                if p.must_dir && !is_dir {
                    return true;
                }
                if !p.matches(path) {
                    return true;
                }
                continue;
            }
            if p.must_dir && !is_dir {
                continue;
            }
            if p.matches(path) {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_filepath_match() {
        assert_eq!(path_match("*.txt", "a.txt"), Ok(true));
        assert_eq!(path_match("*.txt", "d/a.txt"), Ok(false));
        assert_eq!(path_match("a?c", "abc"), Ok(true));
        assert_eq!(path_match("[a-c]x", "bx"), Ok(true));
        assert_eq!(path_match("[^a-c]x", "bx"), Ok(false));
        assert!(path_match("[", "x").is_err());
        assert!(path_match("a\\", "a").is_err());
    }

    #[test]
    fn helm_rules() {
        let mut r = Rules::parse("# c\n*.tmp\n/top.txt\nsecret/\ndocs/*.md\n").unwrap_or_default();
        r.add_defaults();
        assert!(r.ignore("x/y.tmp", false));
        assert!(r.ignore("top.txt", false));
        assert!(!r.ignore("sub/top.txt", false));
        assert!(r.ignore("secret", true));
        assert!(!r.ignore("secret", false));
        assert!(r.ignore("docs/a.md", false));
        assert!(r.ignore("templates/.hidden", false));
        assert!(!r.ignore("templates/x.yaml", false));
        assert!(Rules::parse("a/**/b").is_err());
    }
}
