//! Semantic versions and constraints with the rules of `github.com/Masterminds/semver/v3`
//! v3.5.0, which Helm uses for `semver`/`semverCompare` and for chart dependency versions.
//!
//! Written here because the `semver` crate follows Cargo's rules: it rejects `v1.2`, `1.2`,
//! `1.x`, `>=1.2 <2` and `1.2 - 1.4`, and orders prereleases in constraints differently.
//! Masterminds parses with regular expressions whose leftmost-first backtracking decides
//! what is accepted, so the same expressions run here on Go's regexp ([`crate::regexp`]).
//! The version expression alone is matched by hand (`LooseParts`): every chart load
//! parses a version, and compiling the expressions cost more than the rest of a small render.

use crate::strconv::quote;
use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

/// `ErrInvalidSemVer`.
pub const ERR_INVALID_SEMVER: &str = "invalid semantic version";
const ERR_SEGMENT_STARTS_ZERO: &str = "version segment starts with 0";
const ERR_INVALID_METADATA: &str = "invalid metadata string";
const ERR_INVALID_PRERELEASE: &str = "invalid prerelease string";

const CV: &str = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

/// The expressions Masterminds compiles at init (its version expression is [`LooseParts`]).
///
/// They run on `regex-lite`, not on [`crate::regexp`]: they are ASCII, with no case folding,
/// and never match empty, where the two find the same matches and groups (a test compares
/// them over thousands of constraints), and `regex-lite` compiles the four in ~80 µs where
/// the `regex` crate took ~700 µs, on the path of every render of a chart with dependencies.
struct Patterns {
    constraint: regex_lite::Regex,
    constraint_range: regex_lite::Regex,
    find_constraint: regex_lite::Regex,
    valid_constraint: regex_lite::Regex,
}

/// Masterminds' four expressions in Go's syntax, each compiled by `compile`.
fn compile_patterns<R>(compile: impl Fn(&str) -> Option<R>) -> Option<[R; 4]> {
    Some([
        compile(&format!(r"^\s*({OPS})\s*({CV})\s*$"))?,
        compile(&format!(r"\s*({CV})\s+-\s+({CV})\s*"))?,
        compile(&format!(r"({OPS})\s*({CV})"))?,
        compile(&format!(
            r"^(\s*({OPS})\s*({CV})\s*)((?:\s+|,\s*)({OPS})\s*({CV})\s*)*$"
        ))?,
    ])
}

/// A Go expression on `regex-lite`, whose `\s` also takes a vertical tab where Go's does not.
fn compile_lite(expr: &str) -> Option<regex_lite::Regex> {
    regex_lite::Regex::new(&expr.replace(r"\s", r"[\t\n\f\r ]")).ok()
}

fn patterns() -> Option<&'static Patterns> {
    static P: OnceLock<Option<Patterns>> = OnceLock::new();
    P.get_or_init(|| {
        let [
            constraint,
            constraint_range,
            find_constraint,
            valid_constraint,
        ] = compile_patterns(compile_lite)?;
        Some(Patterns {
            constraint,
            constraint_range,
            find_constraint,
            valid_constraint,
        })
    })
    .as_ref()
}

/// A match's groups, as Go's `FindStringSubmatch` gives them.
fn groups<'s>(caps: &regex_lite::Captures<'s>) -> Vec<Option<&'s str>> {
    caps.iter().map(|m| m.map(|m| m.as_str())).collect()
}

/// The error when the built-in expressions fail to compile (they do not).
const INTERNAL: &str = "semver: internal pattern error";

/// The groups of Masterminds' `versionRegex` (`LOOSE_VERSION`) in a whole string. The
/// expression is anchored at both ends and each group ends where a different character
/// starts, so reading greedily from the left finds what the backtracking match finds.
struct LooseParts<'a> {
    major: &'a str,
    minor: &'a str,
    patch: &'a str,
    pre: &'a str,
    metadata: &'a str,
}

impl<'a> LooseParts<'a> {
    fn parse(v: &'a str) -> Option<Self> {
        let s = v.strip_prefix('v').unwrap_or(v);
        let digits = |s: &'a str| -> (&'a str, &'a str) {
            let n = s.bytes().take_while(u8::is_ascii_digit).count();
            s.split_at(n)
        };
        // `(\.[0-9]+)?`: a dot counts only when digits follow it.
        let dotted = |s: &'a str| -> (&'a str, &'a str) {
            match s.strip_prefix('.').map(digits) {
                Some((d, rest)) if !d.is_empty() => (d, rest),
                _ => ("", s),
            }
        };
        // `[0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*`
        let idents = |s: &str| {
            s.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        };
        let (major, rest) = digits(s);
        if major.is_empty() {
            return None;
        }
        let (minor, rest) = dotted(rest);
        let (patch, rest) = dotted(rest);
        let (pre, rest) = match rest.strip_prefix('-') {
            Some(r) => {
                let (pre, rest) = r.split_at(r.find('+').unwrap_or(r.len()));
                if !idents(pre) {
                    return None;
                }
                (pre, rest)
            }
            None => ("", rest),
        };
        let metadata = match rest.strip_prefix('+') {
            Some(m) if idents(m) => m,
            None if rest.is_empty() => "",
            _ => return None,
        };
        Some(LooseParts {
            major,
            minor,
            patch,
            pre,
            metadata,
        })
    }
}

/// A semantic version (`semver.Version`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    major: u64,
    minor: u64,
    patch: u64,
    pre: String,
    metadata: String,
    original: String,
}

/// Go's `strconv.ParseUint(s, 10, 64)` on a string of digits, wrapped as Masterminds does.
fn parse_segment(s: &str) -> Result<u64, String> {
    s.parse::<u64>().map_err(|_| {
        format!(
            "error parsing version segment: strconv.ParseUint: parsing {}: value out of range",
            quote(s)
        )
    })
}

fn only_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn only_allowed(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// `validatePrerelease`.
fn validate_prerelease(p: &str) -> Result<(), String> {
    for part in p.split('.') {
        if part.is_empty() {
            return Err(ERR_INVALID_PRERELEASE.into());
        } else if only_digits(part) {
            if part.len() > 1 && part.starts_with('0') {
                return Err(ERR_SEGMENT_STARTS_ZERO.into());
            }
        } else if !only_allowed(part) {
            return Err(ERR_INVALID_PRERELEASE.into());
        }
    }
    Ok(())
}

/// `validateMetadata`.
fn validate_metadata(m: &str) -> Result<(), String> {
    if m.split('.').any(|p| p.is_empty() || !only_allowed(p)) {
        return Err(ERR_INVALID_METADATA.into());
    }
    Ok(())
}

impl Version {
    /// `NewVersion` (with `CoerceNewVersion`, the default): `v` prefix, missing minor or
    /// patch and leading zeros are accepted.
    pub fn parse(v: &str) -> Result<Version, String> {
        let m = LooseParts::parse(v).ok_or(ERR_INVALID_SEMVER)?;
        let segment = |s: &str| -> Result<u64, String> {
            match s {
                "" => Ok(0),
                s => parse_segment(s),
            }
        };
        let version = Version {
            major: parse_segment(m.major)?,
            minor: segment(m.minor)?,
            patch: segment(m.patch)?,
            pre: m.pre.to_string(),
            metadata: m.metadata.to_string(),
            original: v.to_string(),
        };
        if !version.pre.is_empty() {
            validate_prerelease(&version.pre)?;
        }
        if !version.metadata.is_empty() {
            validate_metadata(&version.metadata)?;
        }
        Ok(version)
    }

    /// The major version.
    pub fn major(&self) -> u64 {
        self.major
    }

    /// The minor version.
    pub fn minor(&self) -> u64 {
        self.minor
    }

    /// The patch version.
    pub fn patch(&self) -> u64 {
        self.patch
    }

    /// The prerelease, without its `-`.
    pub fn prerelease(&self) -> &str {
        &self.pre
    }

    /// The build metadata, without its `+`.
    pub fn metadata(&self) -> &str {
        &self.metadata
    }

    /// The text the version was parsed from.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The `v` the original text started with, if any.
    fn v_prefix(&self) -> &str {
        if self.original.starts_with('v') {
            "v"
        } else {
            ""
        }
    }

    fn with_original(mut self, prefix: &str) -> Version {
        self.original = format!("{prefix}{self}");
        self
    }

    /// `IncPatch`: drops prerelease and metadata; bumps the patch only if there was no
    /// prerelease. The error is Go's panic text on overflow.
    pub fn inc_patch(&self) -> Result<Version, String> {
        let mut next = self.clone();
        next.metadata.clear();
        next.pre.clear();
        if self.pre.is_empty() {
            next.patch = self
                .patch
                .checked_add(1)
                .ok_or("patch version increment would overflow uint64")?;
        }
        Ok(next.with_original(self.v_prefix()))
    }

    /// `IncMinor`.
    pub fn inc_minor(&self) -> Result<Version, String> {
        let mut next = self.clone();
        next.metadata.clear();
        next.pre.clear();
        next.patch = 0;
        next.minor = self
            .minor
            .checked_add(1)
            .ok_or("minor version increment would overflow uint64")?;
        Ok(next.with_original(self.v_prefix()))
    }

    /// `IncMajor`.
    pub fn inc_major(&self) -> Result<Version, String> {
        let mut next = self.clone();
        next.metadata.clear();
        next.pre.clear();
        next.patch = 0;
        next.minor = 0;
        next.major = self
            .major
            .checked_add(1)
            .ok_or("major version increment would overflow uint64")?;
        Ok(next.with_original(self.v_prefix()))
    }

    /// `SetPrerelease`.
    pub fn set_prerelease(&self, pre: &str) -> Result<Version, String> {
        if !pre.is_empty() {
            validate_prerelease(pre)?;
        }
        let mut next = self.clone();
        next.pre = pre.to_string();
        Ok(next.with_original(self.v_prefix()))
    }

    /// `SetMetadata`.
    pub fn set_metadata(&self, metadata: &str) -> Result<Version, String> {
        if !metadata.is_empty() {
            validate_metadata(metadata)?;
        }
        let mut next = self.clone();
        next.metadata = metadata.to_string();
        Ok(next.with_original(self.v_prefix()))
    }

    /// `Compare`: by major, minor, patch, then prerelease (a release is greater than its
    /// prereleases); metadata is ignored.
    pub fn compare(&self, o: &Version) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(o.major, o.minor, o.patch))
            .then_with(|| match (self.pre.is_empty(), o.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_prerelease(&self.pre, &o.pre),
            })
    }

    fn less_than(&self, o: &Version) -> bool {
        self.compare(o) == Ordering::Less
    }
}

impl fmt::Display for Version {
    /// `String()`: `major.minor.patch[-pre][+metadata]`, without any `v`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        if !self.metadata.is_empty() {
            write!(f, "+{}", self.metadata)?;
        }
        Ok(())
    }
}

/// `comparePrerelease`: dot-separated parts, a missing part sorting first.
fn compare_prerelease(v: &str, o: &str) -> Ordering {
    let (sp, op): (Vec<&str>, Vec<&str>) = (v.split('.').collect(), o.split('.').collect());
    for i in 0..sp.len().max(op.len()) {
        let s = sp.get(i).copied().unwrap_or("");
        let o = op.get(i).copied().unwrap_or("");
        let d = compare_pre_part(s, o);
        if d != Ordering::Equal {
            return d;
        }
    }
    Ordering::Equal
}

/// `comparePrePart`: numbers (as uint64) sort before words; words compare as strings.
fn compare_pre_part(s: &str, o: &str) -> Ordering {
    if s == o {
        return Ordering::Equal;
    }
    if s.is_empty() {
        return Ordering::Less;
    }
    if o.is_empty() {
        return Ordering::Greater;
    }
    match (o.parse::<u64>(), s.parse::<u64>()) {
        (Err(_), Err(_)) => {
            if s > o {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Err(_), Ok(_)) => Ordering::Less,
        (Ok(_), Err(_)) => Ordering::Greater,
        (Ok(oi), Ok(si)) => {
            if si > oi {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
    }
}

/// A comparison operator of a constraint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    TildeOrEqual,
    NotEqual,
    Greater,
    Less,
    GreaterEqual,
    LessEqual,
    Tilde,
    Caret,
}

/// One comparison, e.g. `>= 1.2` (`constraint`).
#[derive(Clone, Debug, PartialEq)]
struct Constraint {
    con: Version,
    op: Op,
    minor_dirty: bool,
    patch_dirty: bool,
    dirty: bool,
}

/// A parsed constraint string (`semver.Constraints`): OR groups of AND-ed comparisons.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraints {
    groups: Vec<(Vec<Constraint>, bool)>,
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "*" | "X")
}

fn improper(c: &str) -> String {
    format!("improper constraint: {}", quote(c))
}

/// `parseConstraint`.
fn parse_constraint(p: &Patterns, c: &str) -> Result<Constraint, String> {
    if c.is_empty() {
        return Ok(Constraint {
            con: Version::parse("0.0.0")?,
            op: Op::TildeOrEqual,
            minor_dirty: false,
            patch_dirty: false,
            dirty: true,
        });
    }
    let m = p
        .constraint
        .captures(c)
        .map(|m| groups(&m))
        .ok_or_else(|| improper(c))?;
    let g = |i: usize| m.get(i).copied().flatten().unwrap_or("");
    comparison(Parts {
        op: g(1),
        ver: g(2),
        major: g(3),
        minor: g(4),
        patch: g(5),
        pre: g(6),
    })
}

/// The groups of the `constraint` expression that `parseConstraint` reads.
struct Parts<'s> {
    op: &'s str,
    /// The whole version, `v` included.
    ver: &'s str,
    major: &'s str,
    /// `.minor`, or empty.
    minor: &'s str,
    /// `.patch`, or empty.
    patch: &'s str,
    /// `-prerelease`, or empty.
    pre: &'s str,
}

/// The parts of a constraint that is one comparison and nothing else (`>=1.21-0`, `^1.2.3`,
/// `1.x`: no space, comma, `||` or range), split by hand; `None` for anything else, which
/// the expressions parse. Its operator is all the operator characters before the version
/// (no version character is one), and the version is the whole rest, so the four
/// expressions find exactly this one comparison in it (a test compares the two).
fn single_comparison(c: &str) -> Option<Parts<'_>> {
    let op_len = c.bytes().take_while(|b| b"=!<>~^".contains(b)).count();
    let (op, ver) = c.split_at(op_len);
    if !matches!(
        op,
        "" | "=" | "!=" | ">" | "<" | ">=" | "=>" | "<=" | "=<" | "~" | "~>" | "^"
    ) {
        return None;
    }
    let body = ver.strip_prefix('v').unwrap_or(ver);
    let (core, tail) = body.split_at(body.find(['-', '+']).unwrap_or(body.len()));
    let is_number =
        |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b"xX*".contains(&b));
    let is_idents = |s: &str| {
        s.split('.')
            .all(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    };
    // One to three numbers: `major`, `.minor`, `.patch`.
    let mut numbers = core.splitn(3, '.');
    let major = numbers.next().filter(|n| is_number(n))?;
    let minor = numbers.next();
    let patch = numbers.next();
    if minor.is_some_and(|n| !is_number(n)) || patch.is_some_and(|n| !is_number(n)) {
        return None;
    }
    let minor_end = major.len() + minor.map_or(0, |n| n.len() + 1);
    let (pre, metadata) = match tail.split_once('+') {
        Some((pre, metadata)) => (pre, Some(metadata)),
        None => (tail, None),
    };
    if !pre.is_empty() && !is_idents(pre.strip_prefix('-')?) {
        return None;
    }
    if metadata.is_some_and(|m| !is_idents(m)) {
        return None;
    }
    Some(Parts {
        op,
        ver,
        major,
        minor: core.get(major.len()..minor_end)?,
        patch: core.get(minor_end..)?,
        pre,
    })
}

/// The rest of `parseConstraint`: the comparison its groups describe.
fn comparison(parts: Parts<'_>) -> Result<Constraint, String> {
    let Parts {
        op,
        ver,
        major,
        minor,
        patch,
        pre,
    } = parts;
    let op = match op {
        "" | "=" => Op::TildeOrEqual,
        "!=" => Op::NotEqual,
        ">" => Op::Greater,
        "<" => Op::Less,
        ">=" | "=>" => Op::GreaterEqual,
        "<=" | "=<" => Op::LessEqual,
        "~" | "~>" => Op::Tilde,
        _ => Op::Caret,
    };
    let (mut minor_dirty, mut patch_dirty, mut dirty) = (false, false, false);
    let mut ver = ver.to_string();
    if is_x(major) || major.is_empty() {
        ver = format!("0.0.0{pre}");
        dirty = true;
    } else if is_x(minor.trim_start_matches('.')) || minor.is_empty() {
        minor_dirty = true;
        dirty = true;
        ver = format!("{major}.0.0{pre}");
    } else if is_x(patch.trim_start_matches('.')) || patch.is_empty() {
        dirty = true;
        patch_dirty = true;
        ver = format!("{major}{minor}.0{pre}");
    }
    let con = Version::parse(&ver).map_err(|_| "constraint parser error".to_string())?;
    Ok(Constraint {
        con,
        op,
        minor_dirty,
        patch_dirty,
        dirty,
    })
}

/// `rewriteRange`: `1.2 - 1.4` becomes `>= 1.2, <= 1.4 `.
fn rewrite_range(p: &Patterns, c: &str) -> String {
    let mut out = c.to_string();
    for m in p.constraint_range.captures_iter(c).map(|m| groups(&m)) {
        let g = |i: usize| m.get(i).copied().flatten().unwrap_or("");
        let t = format!(">= {}, <= {} ", g(1), g(11));
        out = out.replacen(g(0), &t, 1);
    }
    out
}

/// Constraint strings parsed already: charts compare the same few constraints on every
/// render (`semverCompare ">=1.21-0" .Capabilities.KubeVersion.Version` in many templates),
/// and each parse runs several regular expressions.
static PARSED: crate::memo::Memo<Result<Constraints, String>> = crate::memo::Memo::new(512);

impl Constraints {
    /// `NewConstraint`.
    pub fn parse(c: &str) -> Result<Constraints, String> {
        PARSED.get_or(c, Constraints::parse_uncached)
    }

    fn parse_uncached(c: &str) -> Result<Constraints, String> {
        // Most constraints are one comparison: no need to compile the expressions for them.
        if let Some(parts) = single_comparison(c) {
            let one = comparison(parts)?;
            let has_pre = !one.con.pre.is_empty();
            return Ok(Constraints {
                groups: vec![(vec![one], has_pre)],
            });
        }
        Constraints::parse_with_expressions(c)
    }

    /// `NewConstraint` on Masterminds' expressions.
    fn parse_with_expressions(c: &str) -> Result<Constraints, String> {
        let p = patterns().ok_or(INTERNAL)?;
        let c = rewrite_range(p, c);
        let mut groups = Vec::new();
        for part in c.split("||") {
            if !p.valid_constraint.is_match(part) {
                return Err(improper(part));
            }
            let mut found: Vec<&str> = p
                .find_constraint
                .find_iter(part)
                .map(|m| m.as_str())
                .collect();
            if found.is_empty() {
                found.push(part);
            }
            let mut and = Vec::with_capacity(found.len());
            let mut has_pre = false;
            for s in found {
                let pc = parse_constraint(p, s)?;
                has_pre |= !pc.con.pre.is_empty();
                and.push(pc);
            }
            groups.push((and, has_pre));
        }
        Ok(Constraints { groups })
    }

    /// `Check`: whether `v` satisfies any OR group. A prerelease version only matches
    /// groups in which some comparison has a prerelease.
    pub fn check(&self, v: &Version) -> bool {
        self.groups
            .iter()
            .any(|(and, has_pre)| and.iter().all(|c| c.check(v, *has_pre)))
    }
}

impl Constraint {
    fn check(&self, v: &Version, include_pre: bool) -> bool {
        if !v.pre.is_empty() && !include_pre {
            return false;
        }
        let c = &self.con;
        match self.op {
            Op::TildeOrEqual if self.dirty => self.tilde(v),
            Op::TildeOrEqual => v.compare(c) == Ordering::Equal,
            Op::NotEqual => self.not_equal(v),
            Op::Greater => self.greater(v),
            Op::Less => v.less_than(c),
            Op::GreaterEqual => v.compare(c) != Ordering::Less,
            Op::LessEqual => self.less_equal(v),
            Op::Tilde => self.tilde(v),
            Op::Caret => self.caret(v),
        }
    }

    fn not_equal(&self, v: &Version) -> bool {
        let c = &self.con;
        if self.dirty {
            if c.major != v.major {
                return true;
            }
            if c.minor != v.minor && !self.minor_dirty {
                return true;
            } else if self.minor_dirty {
                return false;
            } else if c.patch != v.patch && !self.patch_dirty {
                return true;
            } else if self.patch_dirty {
                if !v.pre.is_empty() || !c.pre.is_empty() {
                    return compare_prerelease(&v.pre, &c.pre) != Ordering::Equal;
                }
                return false;
            }
        }
        v.compare(c) != Ordering::Equal
    }

    fn greater(&self, v: &Version) -> bool {
        let c = &self.con;
        if !self.dirty {
            return v.compare(c) == Ordering::Greater;
        }
        if v.major > c.major {
            true
        } else if v.major < c.major || self.minor_dirty {
            false
        } else if self.patch_dirty {
            v.minor > c.minor
        } else {
            v.compare(c) == Ordering::Greater
        }
    }

    fn less_equal(&self, v: &Version) -> bool {
        let c = &self.con;
        if !self.dirty {
            return v.compare(c) != Ordering::Greater;
        }
        !(v.major > c.major || v.major == c.major && v.minor > c.minor && !self.minor_dirty)
    }

    fn tilde(&self, v: &Version) -> bool {
        let c = &self.con;
        if v.less_than(c) {
            return false;
        }
        if c.major == 0 && c.minor == 0 && c.patch == 0 && !self.minor_dirty && !self.patch_dirty {
            return true;
        }
        v.major == c.major && (v.minor == c.minor || self.minor_dirty)
    }

    fn caret(&self, v: &Version) -> bool {
        let c = &self.con;
        if v.less_than(c) {
            return false;
        }
        if c.major > 0 || self.minor_dirty {
            return v.major == c.major;
        }
        if v.major > 0 {
            return false;
        }
        if c.minor > 0 || self.patch_dirty {
            return v.minor == c.minor;
        }
        if v.minor > 0 {
            return false;
        }
        c.patch == v.patch
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regexp::Regexp;

    /// Masterminds' `versionRegex`, which [`LooseParts`] matches by hand.
    const LOOSE_VERSION: &str = r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$";

    /// `regex-lite` finds what Go's regexp ([`crate::regexp`]) finds with Masterminds'
    /// constraint expressions, over constraints built from their pieces.
    #[test]
    fn lite_expressions_agree_with_go_regexp() {
        let go = compile_patterns(|e| Regexp::compile(e).ok()).unwrap_or_else(|| panic!());
        let lite = compile_patterns(compile_lite).unwrap_or_else(|| panic!());
        let pieces = [
            "", " ", "\t", "\u{b}", ",", "||", " - ", "-", ">=", "=>", "<", "!=", "~", "~>", "^",
            "=", "1", "1.2", "1.2.3", "v1", "x", "*", "1.x", "rc.1", "+b", "|",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    for (g, l) in go.iter().zip(&lite) {
                        let want: Vec<Vec<Option<&str>>> = g.find_all_submatch(&s, -1);
                        let got: Vec<Vec<Option<&str>>> =
                            l.captures_iter(&s).map(|m| groups(&m)).collect();
                        assert_eq!(got, want, "{s:?}");
                        assert_eq!(l.is_match(&s), g.is_match(&s), "{s:?}");
                    }
                    n += 1;
                }
            }
        }
        assert!(n > 10_000);
    }

    #[test]
    fn hand_matcher_agrees_with_the_version_expression() {
        let re = Regexp::compile(LOOSE_VERSION).unwrap_or_else(|e| panic!("{e}"));
        let pieces = [
            "", "v", "1", "0", "12", ".", "-", "+", "a", "x", "_", "rc", "..", "-.", "+.",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let v = format!("{a}{b}{c}{d}");
                        let want = re.find_submatch(&v).map(|m| {
                            let g = |i: usize| m.get(i).copied().flatten().unwrap_or("");
                            let (g2, g3) = (g(2), g(3));
                            (
                                g(1),
                                g2.get(1..).unwrap_or("").to_string(),
                                g3.get(1..).unwrap_or("").to_string(),
                                g(5),
                                g(8),
                            )
                        });
                        let got = LooseParts::parse(&v).map(|p| {
                            (
                                p.major,
                                p.minor.to_string(),
                                p.patch.to_string(),
                                p.pre,
                                p.metadata,
                            )
                        });
                        assert_eq!(got, want, "{v:?}");
                        n += 1;
                    }
                }
            }
        }
        assert_eq!(n, pieces.len().pow(4));
    }

    /// A constraint that is one comparison, split by hand, parses as the expressions parse
    /// it, over constraints built from pieces of constraints.
    #[test]
    fn single_comparisons_parse_as_the_expressions_parse_them() {
        let pieces = [
            "",
            "v",
            ">=",
            "=>",
            "~>",
            "!=",
            "^",
            "=",
            "==",
            "1",
            "0",
            "99999999999999999999",
            ".",
            "x",
            "*",
            "-",
            "+",
            "a-b",
            "|",
            " ",
        ];
        let mut single = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let s = format!("{a}{b}{c}{d}");
                        if single_comparison(&s).is_some() {
                            single += 1;
                            assert_eq!(
                                Constraints::parse_uncached(&s),
                                Constraints::parse_with_expressions(&s),
                                "{s:?}"
                            );
                        }
                    }
                }
            }
        }
        assert!(single > 1000, "{single}");
        for c in [
            ">=1.21-0",
            ">=1.19.0-0",
            "<1.25.0-0",
            "^1.2.3",
            "~1.2",
            "~>2.0",
            "1.x",
            "*",
            "v1.2.3",
            "1.2.3-rc.1+build.5",
            "=0.1.0",
        ] {
            assert!(single_comparison(c).is_some(), "{c}");
            assert_eq!(
                Constraints::parse_uncached(c),
                Constraints::parse_with_expressions(c),
                "{c:?}"
            );
        }
    }

    fn check(c: &str, v: &str) -> bool {
        let c = Constraints::parse(c).unwrap_or_else(|e| panic!("{c}: {e}"));
        let v = Version::parse(v).unwrap_or_else(|e| panic!("{v}: {e}"));
        c.check(&v)
    }

    // expected values from helm-oracle
    #[test]
    fn versions_parse_like_masterminds() {
        assert_eq!(
            Version::parse("x").err().as_deref(),
            Some(ERR_INVALID_SEMVER)
        );
        assert_eq!(
            Version::parse("1.2.3-01").err().as_deref(),
            Some(ERR_SEGMENT_STARTS_ZERO)
        );
        assert_eq!(
            Version::parse("01.2.3")
                .map(|v| v.to_string())
                .ok()
                .as_deref(),
            Some("1.2.3")
        );
        assert_eq!(
            Version::parse("99999999999999999999.1").err().as_deref(),
            Some(
                "error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range"
            )
        );
        assert_eq!(
            Constraints::parse(">=1.x.y").err().as_deref(),
            Some("improper constraint: \">=1.x.y\"")
        );
    }

    #[test]
    fn constraints_check_like_masterminds() {
        assert!(!check("^1.2", "1"));
        assert!(check(">= 1.2, < 2 || =3", "3"));
        assert!(check(">=1.21-0", "1.30.0-gke.1"));
        assert!(!check(">=1.21", "1.30.0-gke.1"));
        assert!(check("1.2 - 1.4", "1.4.9"));
        assert!(check("~1.2", "1.2.9"));
        assert!(!check("~1.2", "1.3.0"));
        assert!(check("1.x", "1.9.0"));
        assert!(check("*", "9.9.9"));
        assert!(check("!=1.2.3", "1.2.4"));
        assert!(check("^0.0.3", "0.0.3"));
        assert!(!check("^0.0.3", "0.0.4"));
    }
}
