//! Glob patterns with gobwas/glob's syntax and `/` as separator, as `.Files.Glob` uses them:
//! `*` (no `/`), `**` (anything), `?`, `[abc]`, `[a-z]`, `[!x]`, `{a,b}`, `\` escapes.

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Lit(char),
    Any,
    Star,
    SuperStar,
    Class {
        negated: bool,
        items: Vec<(char, char)>,
    },
    Alt(Vec<Vec<Token>>),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Glob {
    tokens: Vec<Token>,
}

const SEP: char = '/';

impl Glob {
    /// Compiles a pattern; `Err` on unclosed `[` or `{`.
    pub fn compile(pattern: &str) -> Result<Glob, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut i = 0;
        let tokens = parse_seq(&chars, &mut i, false)?;
        if i < chars.len() {
            return Err(format!("unexpected {:?}", chars[i]));
        }
        Ok(Glob { tokens })
    }

    /// Whether `s` matches the whole pattern.
    pub fn matches(&self, s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        match_tokens(&self.tokens, &chars, &[])
    }
}

/// Parses tokens until the end, or (inside `{}`) until `,` or `}`.
fn parse_seq(c: &[char], i: &mut usize, in_alt: bool) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    while *i < c.len() {
        let ch = c[*i];
        match ch {
            ',' | '}' if in_alt => return Ok(out),
            '\\' => {
                *i += 1;
                let e = *c.get(*i).ok_or("trailing escape")?;
                out.push(Token::Lit(e));
                *i += 1;
            }
            '*' => {
                if c.get(*i + 1) == Some(&'*') {
                    out.push(Token::SuperStar);
                    *i += 2;
                } else {
                    out.push(Token::Star);
                    *i += 1;
                }
            }
            '?' => {
                out.push(Token::Any);
                *i += 1;
            }
            '[' => {
                *i += 1;
                let negated = c.get(*i) == Some(&'!');
                if negated {
                    *i += 1;
                }
                let mut items = Vec::new();
                loop {
                    let a = *c.get(*i).ok_or("unclosed [")?;
                    if a == ']' {
                        *i += 1;
                        break;
                    }
                    if c.get(*i + 1) == Some(&'-') && c.get(*i + 2).is_some_and(|b| *b != ']') {
                        let b = c[*i + 2];
                        items.push((a, b));
                        *i += 3;
                    } else {
                        items.push((a, a));
                        *i += 1;
                    }
                }
                out.push(Token::Class { negated, items });
            }
            '{' => {
                *i += 1;
                let mut alts = Vec::new();
                loop {
                    let branch = parse_seq(c, i, true)?;
                    alts.push(branch);
                    match c.get(*i) {
                        Some(',') => *i += 1,
                        Some('}') => {
                            *i += 1;
                            break;
                        }
                        _ => return Err("unclosed {".into()),
                    }
                }
                out.push(Token::Alt(alts));
            }
            _ => {
                out.push(Token::Lit(ch));
                *i += 1;
            }
        }
    }
    Ok(out)
}

/// Matches `tokens` followed by `rest` against all of `s` (backtracking).
fn match_tokens(tokens: &[Token], s: &[char], rest: &[&[Token]]) -> bool {
    let Some((first, tail)) = tokens.split_first() else {
        return match rest.split_first() {
            Some((next, more)) => match_tokens(next, s, more),
            None => s.is_empty(),
        };
    };
    match first {
        Token::Lit(c) => s.first() == Some(c) && match_tokens(tail, &s[1..], rest),
        Token::Any => s.first().is_some_and(|c| *c != SEP) && match_tokens(tail, &s[1..], rest),
        Token::Class { negated, items } => {
            s.first().is_some_and(|c| {
                let inside = items.iter().any(|(a, b)| a <= c && c <= b);
                inside != *negated
            }) && match_tokens(tail, &s[1..], rest)
        }
        Token::Star => {
            for k in 0..=s.len() {
                if match_tokens(tail, &s[k..], rest) {
                    return true;
                }
                if s.get(k) == Some(&SEP) {
                    break;
                }
            }
            false
        }
        Token::SuperStar => (0..=s.len()).any(|k| match_tokens(tail, &s[k..], rest)),
        Token::Alt(branches) => branches.iter().any(|b| {
            let mut more: Vec<&[Token]> = Vec::with_capacity(rest.len() + 1);
            more.push(tail);
            more.extend_from_slice(rest);
            match_tokens(b, s, &more)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gobwas_semantics() {
        let g = |p: &str, s: &str| Glob::compile(p).map(|g| g.matches(s)).unwrap_or(false);
        assert!(g("files/*.txt", "files/a.txt"));
        assert!(!g("files/*.txt", "files/sub/a.txt"));
        assert!(g("files/**.txt", "files/sub/a.txt"));
        assert!(g("**", "a/b/c"));
        assert!(g("{a,b}/*.{json,yaml}", "b/x.yaml"));
        assert!(g("file?.[!a-c]", "file1.d"));
        assert!(!g("file?.[!a-c]", "file1.b"));
        assert!(Glob::compile("a[").is_err());
    }
}
