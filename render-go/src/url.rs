//! Go's `net/url` as Sprig's `urlParse` and `urlJoin` use it: `url.Parse` and `URL.String`,
//! Go 1.26 rules (a host's port must be digits after its first colon, and brackets hold only
//! a valid IPv6 address, checked like `netip.ParseAddr`), `Hostname` and `Userinfo.String`.
//!
//! Written here because the `url` crate follows the WHATWG URL standard, which Go does not:
//! it normalizes, lowercases and rejects differently, and its errors are not Go's texts.
//! Go works on bytes: `%ff` unescapes to a byte that is not UTF-8.

use crate::ascii::{cut, hex_digit, rcut};
use crate::strconv::quote;

/// Which part of a URL a string belongs to (Go's `encoding` modes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Path,
    Host,
    Zone,
    UserPassword,
    QueryComponent,
    Fragment,
}

/// Go's `shouldEscape`.
fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    if matches!(mode, Mode::Host | Mode::Zone)
        && matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
        )
    {
        return false;
    }
    match c {
        b'-' | b'_' | b'.' | b'~' => return false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => {
            return match mode {
                Mode::Path => c == b'?',
                Mode::UserPassword => matches!(c, b'@' | b'/' | b'?' | b':'),
                Mode::QueryComponent => true,
                Mode::Fragment => false,
                Mode::Host | Mode::Zone => true,
            };
        }
        _ => {}
    }
    !(mode == Mode::Fragment && matches!(c, b'!' | b'(' | b')' | b'*'))
}

fn unhex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

/// A `net/url` error text.
/// Go's `*url.Error` text.
pub type UrlError = String;

/// The text of an `EscapeError` for the bytes at `s`.
fn escape_error(s: &[u8]) -> UrlError {
    format!("invalid URL escape {}", quote(&String::from_utf8_lossy(s)))
}

/// Go's `unescape`: decodes `%XX` (and `+` in query components), rejecting what Go rejects
/// in hosts and zones.
fn unescape(s: &[u8], mode: Mode) -> Result<Vec<u8>, UrlError> {
    // Go validates the whole string before decoding; decoding as it validates gives the same
    // result, since the first error is returned and nothing decoded is kept.
    let mut out = Vec::with_capacity(s.len());
    let mut rest = s;
    while let Some((&c, tail)) = rest.split_first() {
        match *rest {
            [b'%', h1, h2, ref tail @ ..] if h1.is_ascii_hexdigit() && h2.is_ascii_hexdigit() => {
                let triple = [b'%', h1, h2];
                let v = (unhex(h1) << 4) | unhex(h2);
                if mode == Mode::Host && unhex(h1) < 8 && &triple != b"%25" {
                    return Err(escape_error(&triple));
                }
                if mode == Mode::Zone
                    && &triple != b"%25"
                    && v != b' '
                    && should_escape(v, Mode::Host)
                {
                    return Err(escape_error(&triple));
                }
                out.push(v);
                rest = tail;
            }
            // A `%` not followed by two hex digits: Go quotes it with at most two bytes after.
            [b'%', ..] => return Err(escape_error(rest.get(..3).unwrap_or(rest))),
            _ => {
                if matches!(mode, Mode::Host | Mode::Zone) && c < 0x80 && should_escape(c, mode) {
                    return Err(format!(
                        "invalid character {} in host name",
                        quote(&String::from_utf8_lossy(&[c]))
                    ));
                }
                out.push(if c == b'+' && mode == Mode::QueryComponent {
                    b' '
                } else {
                    c
                });
                rest = tail;
            }
        }
    }
    Ok(out)
}

/// Go's `escape`.
fn escape(s: &[u8], mode: Mode) -> String {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        if c == b' ' && mode == Mode::QueryComponent {
            out.push(b'+');
        } else if should_escape(c, mode) {
            out.extend_from_slice(&[b'%', hex_digit(c >> 4, true), hex_digit(c, true)]);
        } else {
            out.push(c);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A parsed URL, Go's `url.URL` without `RawPath` (strings are Go's bytes).
#[derive(Default)]
pub struct Url {
    /// `Scheme`.
    pub scheme: Vec<u8>,
    /// `Opaque`: what follows `scheme:` when it does not start with `/`.
    pub opaque: Vec<u8>,
    /// `User`: the name and the optional password.
    pub user: UserInfo,
    /// `Host`: host or `host:port`, IPv6 addresses in brackets.
    pub host: Vec<u8>,
    /// `Path`, unescaped.
    pub path: Vec<u8>,
    /// `RawQuery`, without the `?`.
    pub raw_query: Vec<u8>,
    /// `ForceQuery`: a `?` with nothing after it.
    pub force_query: bool,
    /// `Fragment`, unescaped.
    pub fragment: Vec<u8>,
}

/// Go's `getScheme`.
fn get_scheme(raw: &[u8]) -> Result<(&[u8], &[u8]), UrlError> {
    for (i, &c) in raw.iter().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                if i == 0 {
                    return Ok((b"", raw));
                }
            }
            b':' => {
                if i == 0 {
                    return Err("missing protocol scheme".into());
                }
                // The first `:`, as every byte before it is a scheme byte.
                return Ok(cut(raw, b':').unwrap_or((b"", raw)));
            }
            _ => return Ok((b"", raw)),
        }
    }
    Ok((b"", raw))
}

fn find(s: &[u8], b: u8) -> Option<usize> {
    s.iter().position(|&c| c == b)
}

fn rfind(s: &[u8], b: u8) -> Option<usize> {
    s.iter().rposition(|&c| c == b)
}

fn find_sub(s: &[u8], sub: &[u8]) -> Option<usize> {
    s.windows(sub.len()).position(|w| w == sub)
}

/// Go's `url.Parse`, with its `parse "URL": reason` error text.
pub fn parse(raw: &str) -> Result<Url, UrlError> {
    let raw_b = raw.as_bytes();
    let (u, frag) = match cut(raw_b, b'#') {
        Some((u, frag)) => (u, Some(frag)),
        None => (raw_b, None),
    };
    let wrap =
        |at: &[u8], e: UrlError| format!("parse {}: {e}", quote(&String::from_utf8_lossy(at)));
    let mut url = parse_no_fragment(u).map_err(|e| wrap(u, e))?;
    if let Some(frag) = frag.filter(|f| !f.is_empty()) {
        url.fragment = unescape(frag, Mode::Fragment).map_err(|e| wrap(raw_b, e))?;
    }
    Ok(url)
}

/// Go's `parse(rawURL, false)`.
fn parse_no_fragment(raw: &[u8]) -> Result<Url, UrlError> {
    if raw.iter().any(|&b| b < b' ' || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let mut url = Url::default();
    if raw == b"*" {
        url.path = b"*".to_vec();
        return Ok(url);
    }
    let (scheme, rest) = get_scheme(raw)?;
    url.scheme = scheme.to_ascii_lowercase();
    let mut rest = rest;
    if let Some((before, after)) = cut(rest, b'?') {
        if after.is_empty() {
            url.force_query = true;
        } else {
            url.raw_query = after.to_vec();
        }
        rest = before;
    }
    if !rest.starts_with(b"/") {
        if !url.scheme.is_empty() {
            url.opaque = rest.to_vec();
            return Ok(url);
        }
        let segment = cut(rest, b'/').map_or(rest, |(segment, _)| segment);
        if segment.contains(&b':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    if let Some(after_slashes) = rest.strip_prefix(b"//")
        && (!url.scheme.is_empty() || !after_slashes.starts_with(b"/"))
    {
        let (authority, path) = match find(after_slashes, b'/') {
            Some(i) => after_slashes
                .split_at_checked(i)
                .unwrap_or((after_slashes, b"")),
            None => (after_slashes, &b""[..]),
        };
        rest = path;
        let (user, host) = parse_authority(authority)?;
        url.user = user;
        url.host = host;
    }
    url.path = unescape(rest, Mode::Path)?;
    Ok(url)
}

/// The user name and optional password of a URL.
/// `url.Userinfo`: a name and an optional password.
pub type UserInfo = Option<(Vec<u8>, Option<Vec<u8>>)>;

/// Go's `parseAuthority`: `[userinfo@]host[:port]`.
fn parse_authority(authority: &[u8]) -> Result<(UserInfo, Vec<u8>), UrlError> {
    let Some((userinfo, host)) = rcut(authority, b'@') else {
        return Ok((None, parse_host(authority)?));
    };
    let host = parse_host(host)?;
    let valid = userinfo
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&c));
    if !valid {
        return Err("net/url: invalid userinfo".into());
    }
    let user = match cut(userinfo, b':') {
        None => (unescape(userinfo, Mode::UserPassword)?, None),
        Some((name, password)) => (
            unescape(name, Mode::UserPassword)?,
            Some(unescape(password, Mode::UserPassword)?),
        ),
    };
    Ok((Some(user), host))
}

/// Go's `validOptionalPort`: empty, or a colon and digits.
fn valid_optional_port(port: &[u8]) -> bool {
    match port.split_first() {
        None => true,
        Some((b':', digits)) => digits.iter().all(u8::is_ascii_digit),
        Some(_) => false,
    }
}

fn invalid_port(port: &[u8]) -> UrlError {
    format!(
        "invalid port {} after host",
        quote(&String::from_utf8_lossy(port))
    )
}

/// Go's `parseHost`: `host[:port]` or `[IPv6]:port`, unescaped.
fn parse_host(host: &[u8]) -> Result<Vec<u8>, UrlError> {
    match rfind(host, b'[') {
        Some(open) if open > 0 => return Err("invalid IP-literal".into()),
        Some(_) => {
            let (bracketed, colon_port) = rcut(host, b']').ok_or("missing ']' in host")?;
            if !valid_optional_port(colon_port) {
                return Err(invalid_port(colon_port));
            }
            let port = unescape(colon_port, Mode::Host)?;
            // What follows the `[` at 0.
            let name = bracketed.get(1..).unwrap_or_default();
            let zone = find_sub(name, b"%25").and_then(|z| name.split_at_checked(z));
            let mut unescaped = match zone {
                Some((name, zone)) => {
                    let mut h = unescape(name, Mode::Host)?;
                    h.extend(unescape(zone, Mode::Zone)?);
                    h
                }
                None => unescape(name, Mode::Host)?,
            };
            let text = String::from_utf8_lossy(&unescaped).into_owned();
            if parse_addr(&text).map_err(|e| format!("invalid host: {e}"))? {
                return Err("invalid IP-literal".into());
            }
            let mut out = b"[".to_vec();
            out.append(&mut unescaped);
            out.push(b']');
            out.extend(port);
            return Ok(out);
        }
        None => {
            if let Some(colon_port) = find(host, b':').and_then(|i| host.get(i..)) {
                if !valid_optional_port(colon_port) {
                    return Err(invalid_port(colon_port));
                }
            }
        }
    }
    unescape(host, Mode::Host)
}

/// `netip.ParseAddr`'s error for `input`.
fn addr_error(input: &str, msg: &str, at: Option<&str>) -> String {
    match at {
        Some(at) if !at.is_empty() => {
            format!("ParseAddr({}): {msg} (at {})", quote(input), quote(at))
        }
        _ => format!("ParseAddr({}): {msg}", quote(input)),
    }
}

/// `netip.ParseAddr`: Ok(true) for IPv4, Ok(false) for IPv6, or Go's error text.
fn parse_addr(s: &str) -> Result<bool, String> {
    for b in s.bytes() {
        match b {
            b'.' => return parse_ipv4(s, s).map(|_| true),
            b':' => return parse_ipv6(s).map(|_| false),
            b'%' => return Err(addr_error(s, "missing IPv6 address", None)),
            _ => {}
        }
    }
    Err(addr_error(s, "unable to parse IP", None))
}

/// netip's `parseIPv4Fields`: parses `s`, naming `input` (which contains it) in errors.
fn parse_ipv4(input: &str, s: &str) -> Result<[u8; 4], String> {
    let b = s.as_bytes();
    let mut fields = [0u8; 4];
    let (mut val, mut pos, mut digits) = (0u32, 0usize, 0);
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            if digits == 1 && val == 0 {
                return Err(addr_error(
                    input,
                    "IPv4 field has octet with leading zero",
                    None,
                ));
            }
            val = val * 10 + u32::from(c - b'0');
            digits += 1;
            if val > 255 {
                return Err(addr_error(input, "IPv4 field has value >255", None));
            }
        } else if c == b'.' {
            // No digits since the start or the last dot: Go's `i == 0 || s[i-1] == '.'`.
            if digits == 0 || i == b.len() - 1 {
                return Err(addr_error(
                    s,
                    "IPv4 field must have at least one digit",
                    Some(&s[i..]),
                ));
            }
            match fields.get_mut(pos) {
                Some(field) if pos < 3 => *field = val as u8,
                _ => return Err(addr_error(input, "IPv4 address too long", None)),
            }
            pos += 1;
            val = 0;
            digits = 0;
        } else {
            return Err(addr_error(input, "unexpected character", Some(&s[i..])));
        }
    }
    if pos < 3 {
        return Err(addr_error(input, "IPv4 address too short", None));
    }
    fields[3] = val as u8;
    Ok(fields)
}

/// netip's `parseIPv6` (validation only).
fn parse_ipv6(input: &str) -> Result<(), String> {
    let mut s = input;
    if let Some(i) = s.find('%') {
        if i + 1 == s.len() {
            return Err(addr_error(input, "zone must be a non-empty string", None));
        }
        s = &s[..i];
    }
    let mut ellipsis = false;
    if let Some(rest) = s.strip_prefix("::") {
        ellipsis = true;
        s = rest;
        if s.is_empty() {
            return Ok(());
        }
    }
    let mut i = 0;
    while i < 16 {
        let digits = s.bytes().take_while(u8::is_ascii_hexdigit).count();
        let mut acc = 0u32;
        for c in s.bytes().take(digits) {
            acc = (acc << 4) + u32::from(unhex(c));
            if acc > 0xffff {
                return Err(addr_error(input, "IPv6 field has value >=2^16", Some(s)));
            }
        }
        if digits == 0 {
            return Err(addr_error(
                input,
                "each colon-separated field must have at least one digit",
                Some(s),
            ));
        }
        if s.as_bytes().get(digits) == Some(&b'.') {
            if !ellipsis && i != 12 {
                return Err(addr_error(
                    input,
                    "embedded IPv4 address must replace the final 2 fields of the address",
                    Some(s),
                ));
            }
            if i + 4 > 16 {
                return Err(addr_error(
                    input,
                    "too many hex fields to fit an embedded IPv4 at the end of the address",
                    Some(s),
                ));
            }
            parse_ipv4(input, s)?;
            s = "";
            i += 4;
            break;
        }
        i += 2;
        s = &s[digits..];
        if s.is_empty() {
            break;
        }
        if !s.starts_with(':') {
            return Err(addr_error(
                input,
                "unexpected character, want colon",
                Some(s),
            ));
        } else if s.len() == 1 {
            return Err(addr_error(
                input,
                "colon must be followed by more characters",
                Some(s),
            ));
        }
        s = &s[1..];
        if s.starts_with(':') {
            if ellipsis {
                return Err(addr_error(input, "multiple :: in address", Some(s)));
            }
            ellipsis = true;
            s = &s[1..];
            if s.is_empty() {
                break;
            }
        }
    }
    if !s.is_empty() {
        return Err(addr_error(input, "trailing garbage after address", Some(s)));
    }
    if i < 16 && !ellipsis {
        return Err(addr_error(input, "address string too short", None));
    }
    if i >= 16 && ellipsis {
        return Err(addr_error(
            input,
            "the :: must expand to at least one field of zeros",
            None,
        ));
    }
    Ok(())
}

/// `url.URL.Hostname`: the host without a valid port and without IPv6 brackets.
pub fn hostname(host: &[u8]) -> &[u8] {
    let mut h = host;
    if let Some((name, colon_port)) = rfind(h, b':').and_then(|colon| h.split_at_checked(colon))
        && valid_optional_port(colon_port)
    {
        h = name;
    }
    if let Some(inner) = h.strip_prefix(b"[").and_then(|h| h.strip_suffix(b"]")) {
        h = inner;
    }
    h
}

/// `url.Userinfo.String`.
pub fn userinfo_string(user: &UserInfo) -> String {
    let Some((name, password)) = user else {
        return String::new();
    };
    let mut out = escape(name, Mode::UserPassword);
    if let Some(p) = password {
        out.push(':');
        out.push_str(&escape(p, Mode::UserPassword));
    }
    out
}

/// Go's `URL.String`.
pub fn url_string(u: &Url) -> String {
    let mut out = String::new();
    if !u.scheme.is_empty() {
        out.push_str(&String::from_utf8_lossy(&u.scheme));
        out.push(':');
    }
    if !u.opaque.is_empty() {
        out.push_str(&String::from_utf8_lossy(&u.opaque));
    } else {
        if !u.scheme.is_empty() || !u.host.is_empty() || u.user.is_some() {
            if !u.host.is_empty() || !u.path.is_empty() || u.user.is_some() {
                out.push_str("//");
            }
            if u.user.is_some() {
                out.push_str(&userinfo_string(&u.user));
                out.push('@');
            }
            out.push_str(&escape(&u.host, Mode::Host));
        }
        let path = if u.path == b"*" {
            "*".to_string()
        } else {
            escape(&u.path, Mode::Path)
        };
        if !path.is_empty() && !path.starts_with('/') && !u.host.is_empty() {
            out.push('/');
        }
        if out.is_empty() {
            let segment = path.split('/').next().unwrap_or("");
            if segment.contains(':') {
                out.push_str("./");
            }
        }
        out.push_str(&path);
    }
    if u.force_query || !u.raw_query.is_empty() {
        out.push('?');
        out.push_str(&String::from_utf8_lossy(&u.raw_query));
    }
    if !u.fragment.is_empty() {
        out.push('#');
        out.push_str(&escape(&u.fragment, Mode::Fragment));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // expected values from helm-oracle
    #[test]
    fn parse_errors_follow_go() {
        let err = |s: &str| parse(s).err().unwrap_or_default();
        assert_eq!(
            err("http://::1/"),
            r#"parse "http://::1/": invalid port "::1" after host"#
        );
        assert_eq!(
            err("http://h[x]/"),
            r#"parse "http://h[x]/": invalid IP-literal"#
        );
        assert_eq!(
            err("http://[fe80::zz]/"),
            r#"parse "http://[fe80::zz]/": invalid host: ParseAddr("fe80::zz"): each colon-separated field must have at least one digit (at "zz")"#
        );
        assert_eq!(
            err("http://%41/"),
            r#"parse "http://%41/": invalid URL escape "%41""#
        );
        assert_eq!(err(":x"), r#"parse ":x": missing protocol scheme"#);
        let ok = parse("http://[fe80::1%25en0]:8/a%2fb?x=1#f%20g");
        assert_eq!(
            ok.as_ref().map(|u| hostname(&u.host).to_vec()).ok(),
            Some(b"fe80::1%en0".to_vec())
        );
        assert_eq!(ok.map(|u| u.path).ok(), Some(b"/a/b".to_vec()));
    }
}
