//! `.helmignore` rules, as Helm's `pkg/ignore` applies them (not gitignore: `**` is refused,
//! patterns use Go's `filepath.Match`, and a negated pattern that does *not* match a path
//! ignores it).

use render_go::glob::filepath::path_match;

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
    /// The rule in a simpler form, when it has one: most rules do, and every file is
    /// matched against every rule.
    simple: Option<Simple>,
    scope: Scope,
    negate: bool,
    must_dir: bool,
}

/// Rules that `filepath.Match` reads as plain text around at most one `*` (`OWNERS`,
/// `*.swp`, `chart-*.tgz`): no `?`, `[` or `\`, so never a malformed pattern either.
#[derive(Debug, Clone)]
enum Simple {
    /// No `*`: matches only itself.
    Literal(String),
    /// `before*after`: `*` matches any text without `/`.
    Star(String, String),
}

impl Simple {
    fn of(rule: &str) -> Option<Simple> {
        if rule.contains(['?', '[', '\\']) {
            return None;
        }
        match rule.split_once('*') {
            None => Some(Simple::Literal(rule.to_string())),
            Some((_, after)) if after.contains('*') => None,
            Some((before, after)) => Some(Simple::Star(before.to_string(), after.to_string())),
        }
    }

    fn matches(&self, target: &str) -> bool {
        match self {
            Simple::Literal(rule) => target == rule,
            Simple::Star(before, after) => target
                .strip_prefix(before.as_str())
                .and_then(|rest| rest.strip_suffix(after.as_str()))
                .is_some_and(|middle| !middle.contains('/')),
        }
    }
}

impl Pattern {
    fn matches(&self, path: &str) -> bool {
        let target = match self.scope {
            Scope::Base => path.rsplit('/').next().unwrap_or(path),
            Scope::Rooted | Scope::Path => path,
        };
        match &self.simple {
            Some(simple) => simple.matches(target),
            None => path_match(&self.rule, target).unwrap_or(false),
        }
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
            simple: Simple::of(r),
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

    #[test]
    fn simple_rules_match_as_filepath_match_does() {
        let rules = [
            "OWNERS", "*.swp", "*~", "kube-*.tgz", "a*", "*", "docs/*.md", "*/x", "a/*", "",
            ".git", "x*y",
        ];
        let names = [
            "OWNERS", "OWNERSX", "xOWNERS", "a.swp", ".swp", "a.swp.x", "d/a.swp", "a~", "~",
            "kube-1.tgz", "kube-.tgz", "kube-a/b.tgz", "kube.tgz", "a", "ab", "a/b", "docs/x.md",
            "docs/a/x.md", "docs/.md", "b/x", "b/c/x", "x", "", ".git", "xy", "xay", "xa/y", "yx",
        ];
        for rule in rules {
            let simple = Simple::of(rule).expect("simple");
            for name in names {
                assert_eq!(
                    simple.matches(name),
                    path_match(rule, name).unwrap_or(false),
                    "{rule:?} against {name:?}"
                );
            }
        }
        for rule in ["a?", "[ab]", "a\\*", "*a*"] {
            assert!(Simple::of(rule).is_none(), "{rule}");
        }
    }
}
