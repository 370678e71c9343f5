//! Go's `regexp` package as Sprig uses it: `Compile` with Go's syntax rules and error texts,
//! `MatchString`, `FindString`, `FindAllString`, `ReplaceAllString` (with `Regexp.Expand`'s
//! `$name` rules), `ReplaceAllLiteralString`, `Split` and `QuoteMeta`.
//!
//! Matching runs on the `regex` crate, which implements the same RE2 leftmost-first
//! semantics; `syntax` translates Go's pattern dialect into it. The iteration rules for
//! successive matches (an empty match right after a match is skipped) and the replacement
//! template expansion are Go's, written here, because the crate's differ.

mod syntax;

pub use syntax::SyntaxError;

use std::sync::Arc;
use unicode_general_category::{GeneralCategory, get_general_category};

/// The byte ranges of a match's groups; group 0 is the whole match.
type Groups = Vec<Option<(usize, usize)>>;

/// A compiled Go regular expression.
#[derive(Clone, Debug)]
pub struct Regexp {
    re: regex::Regex,
    /// Go's `SubexpNames`.
    names: Arc<[String]>,
    /// Whether the source expression is empty (`Split` special-cases non-empty ones).
    empty_expr: bool,
}

/// The `regex` crate's compiled-size limit; Go's own limit is of the same order.
const SIZE_LIMIT: usize = 256 << 20;

impl Regexp {
    /// Go's `regexp.Compile`.
    pub fn compile(expr: &str) -> Result<Regexp, SyntaxError> {
        let t = syntax::translate(expr)?;
        let re = regex::RegexBuilder::new(&t.pattern)
            .nest_limit(4096)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(|e| SyntaxError {
                code: match e {
                    regex::Error::CompiledTooBig(_) => syntax::ERR_LARGE,
                    _ => syntax::ERR_NESTING_DEPTH,
                },
                expr: expr.to_string(),
            })?;
        Ok(Regexp {
            re,
            names: t.names.into(),
            empty_expr: expr.is_empty(),
        })
    }

    /// `Compile` through a small process-wide cache: templates often match the same
    /// expression in a loop, and compiling is the expensive part.
    pub fn cached(expr: &str) -> Result<Regexp, SyntaxError> {
        static COMPILED: crate::memo::Memo<Result<Regexp, SyntaxError>> =
            crate::memo::Memo::new(512);
        COMPILED.get_or(expr, Regexp::compile)
    }

    /// The text of the panic `regexp.MustCompile` raises for a bad expression.
    pub fn must_compile(expr: &str) -> Result<Regexp, String> {
        use crate::strconv::{can_backquote, quote};
        Regexp::cached(expr).map_err(|e| {
            let q = if can_backquote(expr) {
                format!("`{expr}`")
            } else {
                quote(expr)
            };
            format!("regexp: Compile({q}): {e}")
        })
    }

    /// `MatchString`.
    pub fn is_match(&self, s: &str) -> bool {
        self.re.is_match(s)
    }

    /// `FindString`: the leftmost match, or "".
    pub fn find<'s>(&self, s: &'s str) -> &'s str {
        self.re.find(s).map_or("", |m| m.as_str())
    }

    /// Go's `allMatches`: successive matches with their groups, at most `n` (all if
    /// `n < 0`), skipping an empty match that abuts the previous match.
    fn all_matches(&self, s: &str, n: i64) -> Vec<Groups> {
        let n = if n < 0 { s.len() as i64 + 1 } else { n };
        let mut out = Vec::new();
        let mut locs = self.re.capture_locations();
        let mut pos = 0;
        let mut prev_end: Option<usize> = None;
        while (out.len() as i64) < n && pos <= s.len() {
            if self.re.captures_read_at(&mut locs, s, pos).is_none() {
                break;
            }
            let Some((start, end)) = locs.get(0) else {
                break;
            };
            let mut accept = true;
            if end == pos {
                if Some(start) == prev_end {
                    accept = false;
                }
                pos += s[pos..].chars().next().map_or(1, char::len_utf8);
            } else {
                pos = end;
            }
            prev_end = Some(end);
            if accept {
                out.push((0..locs.len()).map(|i| locs.get(i)).collect());
            }
        }
        out
    }

    /// `FindAllString(s, n)`.
    pub fn find_all<'s>(&self, s: &'s str, n: i64) -> Vec<&'s str> {
        self.all_matches(s, n)
            .into_iter()
            .filter_map(|g| g.first().copied().flatten())
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    /// `FindAllStringSubmatch(s, n)`: each match's groups (`None`: the group did not
    /// take part).
    pub fn find_all_submatch<'s>(&self, s: &'s str, n: i64) -> Vec<Vec<Option<&'s str>>> {
        self.all_matches(s, n)
            .into_iter()
            .map(|g| g.into_iter().map(|m| m.map(|(a, b)| &s[a..b])).collect())
            .collect()
    }

    /// `FindStringSubmatch(s)`.
    pub fn find_submatch<'s>(&self, s: &'s str) -> Option<Vec<Option<&'s str>>> {
        let caps = self.re.captures(s)?;
        Some(caps.iter().map(|m| m.map(|m| m.as_str())).collect())
    }

    /// `Split(s, n)`.
    pub fn split<'s>(&self, s: &'s str, n: i64) -> Vec<&'s str> {
        if n == 0 {
            return Vec::new();
        }
        if !self.empty_expr && s.is_empty() {
            return vec![""];
        }
        let mut out = Vec::new();
        let (mut beg, mut end) = (0, 0);
        for (a, b) in self
            .all_matches(s, n)
            .iter()
            .filter_map(|g| g.first().copied().flatten())
        {
            if n > 0 && out.len() as i64 >= n - 1 {
                break;
            }
            end = a;
            if b != 0 {
                out.push(&s[beg..end]);
            }
            beg = b;
        }
        if end != s.len() {
            out.push(&s[beg..]);
        }
        out
    }

    /// Go's `replaceAll` loop; `repl` appends the replacement for a match.
    fn replace_with(
        &self,
        src: &str,
        mut repl: impl FnMut(&mut String, &regex::CaptureLocations),
    ) -> String {
        let mut buf = String::with_capacity(src.len());
        let mut locs = self.re.capture_locations();
        let mut last_end = 0;
        let mut search = 0;
        while search <= src.len() {
            if self.re.captures_read_at(&mut locs, src, search).is_none() {
                break;
            }
            let Some((a, b)) = locs.get(0) else { break };
            buf.push_str(&src[last_end..a]);
            if b > last_end || a == 0 {
                repl(&mut buf, &locs);
            }
            last_end = b;
            let width = src[search..].chars().next().map_or(0, char::len_utf8);
            if search + width > b {
                search += width;
            } else if search + 1 > b {
                search += 1;
            } else {
                search = b;
            }
        }
        buf.push_str(&src[last_end..]);
        buf
    }

    /// `ReplaceAllLiteralString`.
    pub fn replace_all_literal(&self, src: &str, repl: &str) -> String {
        self.replace_with(src, |buf, _| buf.push_str(repl))
    }

    /// `ReplaceAllString`: `$1`, `${name}` and `$$` in `repl` as `Regexp.Expand` reads them.
    pub fn replace_all(&self, src: &str, repl: &str) -> String {
        self.replace_with(src, |buf, locs| self.expand(buf, repl, src, locs))
    }

    /// Go's `Regexp.expand`.
    fn expand(&self, dst: &mut String, mut template: &str, src: &str, m: &regex::CaptureLocations) {
        while let Some(i) = template.find('$') {
            dst.push_str(&template[..i]);
            template = &template[i + 1..];
            if let Some(rest) = template.strip_prefix('$') {
                dst.push('$');
                template = rest;
                continue;
            }
            let Some((name, num, rest)) = extract(template) else {
                dst.push('$');
                continue;
            };
            template = rest;
            let group = match num {
                Some(n) => Some(n),
                None => self.names.iter().position(|g| g == name),
            };
            if let Some((a, b)) = group.and_then(|g| m.get(g)) {
                dst.push_str(&src[a..b]);
            }
        }
        dst.push_str(template);
    }
}

/// Go's `extract`: a leading `name` or `{name}` after a `$`, its number if purely numeric
/// (no leading zeros, below 1e8), and the rest.
fn extract(s: &str) -> Option<(&str, Option<usize>, &str)> {
    let (brace, body) = match s.strip_prefix('{') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let len: usize = body
        .chars()
        .take_while(|&c| c == '_' || is_letter(c) || is_digit(c))
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    let name = &body[..len];
    let rest = if brace {
        body[len..].strip_prefix('}')?
    } else {
        &body[len..]
    };
    let mut num: Option<usize> = Some(0);
    for b in name.bytes() {
        num = match num {
            Some(n) if b.is_ascii_digit() && n < 100_000_000 => {
                Some(n * 10 + usize::from(b - b'0'))
            }
            _ => None,
        };
        if num.is_none() {
            break;
        }
    }
    if name.len() > 1 && name.starts_with('0') {
        num = None;
    }
    Some((name, num, rest))
}

/// Go's `unicode.IsLetter`.
fn is_letter(c: char) -> bool {
    use GeneralCategory::*;
    matches!(
        get_general_category(c),
        UppercaseLetter | LowercaseLetter | TitlecaseLetter | ModifierLetter | OtherLetter
    )
}

/// Go's `unicode.IsDigit`.
fn is_digit(c: char) -> bool {
    get_general_category(c) == GeneralCategory::DecimalNumber
}

/// Go's `regexp.QuoteMeta`.
pub fn quote_meta(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if r"\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(s: &str) -> Regexp {
        match Regexp::compile(s) {
            Ok(r) => r,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    fn err(s: &str) -> String {
        match Regexp::compile(s) {
            Ok(_) => String::from("ok"),
            Err(e) => e.to_string(),
        }
    }

    // expected values from helm-oracle
    #[test]
    fn iteration_follows_go() {
        assert_eq!(re("a*").replace_all("baaab", "<$0>"), "<>b<aaa>b<>");
        assert_eq!(re("a*").find_all("baaab", -1), vec!["", "aaa", ""]);
        assert_eq!(re("a*").split("baaab", -1), vec!["b", "b"]);
        assert_eq!(
            re("a*").split("abaabaccadaaae", 5),
            vec!["", "b", "b", "c", "cadaaae"]
        );
    }

    #[test]
    fn expand_follows_go() {
        let r = re("(?P<1a>x)");
        assert_eq!(r.replace_all("xy", "[${1a}|$1a|$1]"), "[x|x|x]y");
        assert_eq!(re("(a)(b)").replace_all("ab", "$2$1$$${x"), "ba$${x");
        assert_eq!(re("(?P<a>x)(?P<a>y)").replace_all("xy", "${a}"), "x");
    }

    #[test]
    fn syntax_errors_follow_go() {
        assert_eq!(err("("), "error parsing regexp: missing closing ): `(`");
        assert_eq!(
            err("a**"),
            "error parsing regexp: invalid nested repetition operator: `**`"
        );
        assert_eq!(
            err("(?i)*"),
            "error parsing regexp: missing argument to repetition operator: `*`"
        );
        assert_eq!(
            err("x{2}{3}"),
            "error parsing regexp: invalid nested repetition operator: `{2}{3}`"
        );
        assert_eq!(
            err("x{1001}"),
            "error parsing regexp: invalid repeat count: `{1001}`"
        );
        assert_eq!(
            err("(x{500}){3}"),
            "error parsing regexp: invalid repeat count: `{3}`"
        );
        assert_eq!(
            err("[z-a]"),
            "error parsing regexp: invalid character class range: `z-a`"
        );
        assert_eq!(
            err("x[ab"),
            "error parsing regexp: missing closing ]: `[ab`"
        );
        assert_eq!(
            err(r"\8"),
            r"error parsing regexp: invalid escape sequence: `\8`"
        );
        assert_eq!(
            err(r"\x{zz}"),
            r"error parsing regexp: invalid escape sequence: `\x{z`"
        );
        assert_eq!(
            err("(?<!x)"),
            "error parsing regexp: invalid named capture: `(?<!x)`"
        );
        assert_eq!(err("a)"), "error parsing regexp: unexpected ): `a)`");
        assert_eq!(
            err("\\"),
            "error parsing regexp: trailing backslash at end of expression: ``"
        );
        assert_eq!(
            err("[[:foo:]]"),
            "error parsing regexp: invalid character class range: `[:foo:]`"
        );
        assert_eq!(
            err("(?x)"),
            "error parsing regexp: invalid or unsupported Perl syntax: `(?x`"
        );
        assert_eq!(
            err("(?i-)"),
            "error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`"
        );
        assert_eq!(
            err(r"\p{Old_Italic}"),
            r"error parsing regexp: invalid character class range: `\p{Old_Italic}`"
        );
        assert_eq!(
            err(r"\p"),
            r"error parsing regexp: invalid character class range: `\p`"
        );
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(re("^*a").find("aa"), "a");
        assert_eq!(re("a(?i)*").find("aa"), "aa");
        assert_eq!(re("(?)a").find("aa"), "a");
        assert_eq!(re(r"[^\x00-\x{10FFFF}]|a").find("aa"), "a");
        assert!(re(r"\p{Letter}").is_match("a"));
        assert!(re(r"\p{L_}").is_match("a"));
        assert!(!re(r"\p{^L}").is_match("a"));
        assert!(re(r"\p{Assigned}").is_match("a"));
        assert!(!re(r"\PL").is_match("a"));
        assert!(re(r"(?i)\w").is_match("\u{212a}"));
        assert!(!re(r"(?i)\W").is_match("\u{212a}"));
        assert!(!re(r"\d").is_match("\u{0663}"));
        assert!(!re(r"\s").is_match("\u{0b}"));
        assert!(re(r"\Qa.b\E+").is_match("a.bb"));
        assert!(re(r"[[:^alpha:][:digit:]]").is_match("1"));
        assert!(re(r"\x{D800}|b").is_match("b"));
        assert!(re(r"(?s).").is_match("\n"));
        assert!(!re(r".").is_match("\n"));
        assert!(re(r"(?m)^b$").is_match("a\nb\nc"));
        assert!(!re(r"^b$").is_match("a\nb\nc"));
        assert_eq!(re(r"(?U)a+").find("aaa"), "a");
        assert_eq!(re(r"(?U)a+?").find("aaa"), "aaa");
    }

    #[test]
    fn quote_meta_escapes_go_specials() {
        assert_eq!(quote_meta(r"a.b*c\d{1}-"), r"a\.b\*c\\d\{1\}-");
    }
}
