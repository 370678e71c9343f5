//! Go's `fmt`: `Sprint`, `Sprintln`, `Sprintf` and the `%v` form of every value.
//!
//! Templates print values through `fmt.Fprint`, and `print`/`printf`/`println`/`quote` and many
//! Sprig functions go through `fmt` too, so this module reproduces its output byte for byte:
//! float64 as shortest `%g` (`1e+06`), maps as `map[a:1 b:[x y]]`, nil as `<nil>`, and the
//! error forms `%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA int=1)`.
//!
//! A map that contains itself makes Go's `fmt` recurse until its stack overflows; here every
//! entry point returns the [`Endless`] instead of text.

use crate::ascii::hex_digit;
use crate::strconv::{append_float, append_quoted, can_backquote, quote_rune};
use crate::value::walk::{Endless, OpenPath};
use crate::value::{IntType, ListType, Value};

/// What a pointer nested in a map or slice prints as (Go prints its address, e.g.
/// `0x2b3b5716e580`; any such value is as good as another).
const NESTED_POINTER: &str = "0x2b0000010000";

/// Formatting flags of one verb (`fmt`'s `fmtFlags` plus width and precision).
#[derive(Clone, Copy, Default, Debug)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

/// Go's `fmt.Sprint`: operands are separated by a space when neither side is a string.
pub fn sprint(args: &[Value]) -> Result<String, Endless> {
    let mut out = String::new();
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let is_string = matches!(arg, Value::Str(_));
        if i > 0 && !is_string && !prev_string {
            out.push(' ');
        }
        write_value(&mut out, arg)?;
        prev_string = is_string;
    }
    Ok(out)
}

/// Go's `fmt.Sprintln`: operands always separated by spaces, newline appended.
pub fn sprintln(args: &[Value]) -> Result<String, Endless> {
    let mut out = String::new();
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write_value(&mut out, arg)?;
    }
    out.push('\n');
    Ok(out)
}

/// Appends Go's `%v` of `v` (what `{{ v }}` prints, before Helm's `<no value>` handling).
pub fn write_value(out: &mut String, v: &Value) -> Result<(), Endless> {
    match v {
        Value::Str(s) => out.push_str(s),
        Value::Float(f) => append_float(out, *f, b'g', -1),
        Value::Int(i, t) if t.stringer(0).is_none() => push_int(out, *i, *t),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Nil => out.push_str("<nil>"),
        _ => {
            let mut p = Printer::new(out);
            p.print_value(v, 'v', 0);
            return p.finish();
        }
    }
    Ok(())
}

fn push_int(out: &mut String, i: i64, t: IntType) {
    if t.is_unsigned() {
        out.push_str(&(i as u64).to_string());
    } else {
        out.push_str(&i.to_string());
    }
}

/// Go's `fmt.Sprintf`.
pub fn sprintf(format: &str, args: &[Value]) -> Result<String, Endless> {
    let mut out = String::with_capacity(format.len() + 16);
    let mut p = Printer::new(&mut out);
    p.do_printf(format, args);
    p.finish()?;
    Ok(out)
}

/// [`sprintf`] for error texts: where Go would crash on a cycle, the text stops there.
pub fn sprintf_partial(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut p = Printer::new(&mut out);
    p.do_printf(format, args);
    out
}

/// [`write_value`] for error texts and `Display`: where Go would crash on a cycle, the text
/// stops there.
pub fn write_value_partial(out: &mut String, v: &Value) {
    // On a cycle, `out` keeps the text written before it.
    let _ = write_value(out, v);
}

struct Printer<'a> {
    out: &'a mut String,
    f: Flags,
    /// Maps and slices being printed, to notice a value that contains itself.
    path: OpenPath,
    /// Set once a cycle is met: printing stops.
    cycle: Option<Endless>,
}

impl<'a> Printer<'a> {
    fn new(out: &'a mut String) -> Printer<'a> {
        Printer {
            out,
            f: Flags::default(),
            path: OpenPath::default(),
            cycle: None,
        }
    }

    fn finish(self) -> Result<(), Endless> {
        match self.cycle {
            Some(c) => Err(c),
            None => Ok(()),
        }
    }

    /// Enters a map or slice; false (printing stops) when it is already being printed.
    fn enter(&mut self, v: &Value) -> bool {
        if self.cycle.is_some() {
            return false;
        }
        match self.path.enter(v) {
            Ok(()) => true,
            Err(c) => {
                self.cycle = Some(c);
                false
            }
        }
    }
}

/// Parses a decimal number at `s[i..]`, as fmt's `parsenum` (bounded to avoid overflow).
fn parse_num(s: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let start = i;
    let mut n: usize = 0;
    while let Some(&d) = s.get(i)
        && d.is_ascii_digit()
    {
        if n > 1_000_000 {
            return (None, s.len());
        }
        n = n * 10 + (d - b'0') as usize;
        i += 1;
    }
    if i == start { (None, i) } else { (Some(n), i) }
}

impl Printer<'_> {
    fn do_printf(&mut self, format: &str, args: &[Value]) {
        let fb = format.as_bytes();
        let end = fb.len();
        let mut arg_num = 0usize;
        let mut reordered = false;
        let mut i = 0usize;
        'format: while i < end {
            let mut good_arg_num = true;
            let lasti = i;
            while fb.get(i).is_some_and(|&c| c != b'%') {
                i += 1;
            }
            if i > lasti {
                self.out.push_str(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // the '%'
            self.f = Flags::default();
            while let Some(&c) = fb.get(i) {
                match (c, args.get(arg_num)) {
                    (b'#', _) => self.f.sharp = true,
                    (b'0', _) => self.f.zero = true,
                    (b'+', _) => self.f.plus = true,
                    (b'-', _) => self.f.minus = true,
                    (b' ', _) => self.f.space = true,
                    (c, Some(arg)) if c.is_ascii_lowercase() => {
                        // Fast path: flags and a simple lower-case verb.
                        let verb = if c == b'w' { 'v' } else { c as char };
                        self.print_arg_verb(arg, verb);
                        arg_num += 1;
                        i += 1;
                        continue 'format;
                    }
                    _ => break,
                }
                i += 1;
            }
            let mut idx = ArgIndex::scan(fb, i, arg_num, args.len(), &mut reordered);
            arg_num = idx.arg_num;
            i = idx.next;
            good_arg_num &= idx.good;
            let mut after_index = idx.found;
            if fb.get(i) == Some(&b'*') {
                i += 1;
                let (w, ok, na) = int_from_arg(args, arg_num);
                arg_num = na;
                if !ok {
                    self.out.push_str("%!(BADWIDTH)");
                } else if w < 0 {
                    self.f.wid = Some(w.unsigned_abs() as usize);
                    self.f.minus = true;
                    self.f.zero = false;
                } else {
                    self.f.wid = Some(w as usize);
                }
                after_index = false;
            } else {
                let (w, ni) = parse_num(fb, i);
                i = ni;
                self.f.wid = w;
                if after_index && w.is_some() {
                    good_arg_num = false;
                }
            }
            if fb.get(i) == Some(&b'.') && i + 1 < end {
                i += 1;
                if after_index {
                    good_arg_num = false;
                }
                idx = ArgIndex::scan(fb, i, arg_num, args.len(), &mut reordered);
                arg_num = idx.arg_num;
                i = idx.next;
                good_arg_num &= idx.good;
                after_index = idx.found;
                if fb.get(i) == Some(&b'*') {
                    i += 1;
                    let (p, ok, na) = int_from_arg(args, arg_num);
                    arg_num = na;
                    // A negative precision counts as missing.
                    if ok && p >= 0 {
                        self.f.prec = Some(p as usize);
                    } else {
                        self.f.prec = None;
                        self.out.push_str("%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (p, ni) = parse_num(fb, i);
                    i = ni;
                    self.f.prec = Some(p.unwrap_or(0));
                }
            }
            if !after_index {
                idx = ArgIndex::scan(fb, i, arg_num, args.len(), &mut reordered);
                arg_num = idx.arg_num;
                i = idx.next;
                good_arg_num &= idx.good;
            }
            if i >= end {
                self.out.push_str("%!(NOVERB)");
                break;
            }
            let Some(verb) = format[i..].chars().next() else {
                break;
            };
            i += verb.len_utf8();
            if verb == '%' {
                self.out.push('%');
            } else if !good_arg_num {
                self.out.push_str("%!");
                self.out.push(verb);
                self.out.push_str("(BADINDEX)");
            } else if let Some(arg) = args.get(arg_num) {
                let verb = if verb == 'w' { 'v' } else { verb };
                self.print_arg_verb(arg, verb);
                arg_num += 1;
            } else {
                self.out.push_str("%!");
                self.out.push(verb);
                self.out.push_str("(MISSING)");
            }
        }
        if !reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.out.push_str("%!(EXTRA ");
            for (k, arg) in args.iter().skip(arg_num).enumerate() {
                if k > 0 {
                    self.out.push_str(", ");
                }
                match arg {
                    Value::Nil => self.out.push_str("<nil>"),
                    _ => {
                        self.out.push_str(arg.type_name());
                        self.out.push('=');
                        self.print_arg(arg, 'v');
                    }
                }
            }
            self.out.push(')');
        }
    }

    /// Prints one argument for the fast path (flags already parsed, verb a lower-case letter).
    fn print_arg_verb(&mut self, arg: &Value, verb: char) {
        if verb == 'v' {
            self.f.sharp_v = self.f.sharp;
            self.f.sharp = false;
            self.f.plus_v = self.f.plus;
            self.f.plus = false;
        }
        self.print_arg(arg, verb);
    }

    fn print_arg(&mut self, arg: &Value, verb: char) {
        if let Value::Nil = arg {
            match verb {
                'T' | 'v' => self.pad_str("<nil>"),
                _ => self.bad_verb(arg, verb),
            }
            return;
        }
        match verb {
            'T' => {
                let name = arg.type_name().to_string();
                self.fmt_str(&name, 's');
                return;
            }
            'p' => {
                self.bad_verb(arg, verb);
                return;
            }
            _ => {}
        }
        self.print_value(arg, verb, 0);
    }

    fn print_value(&mut self, v: &Value, verb: char, depth: usize) {
        crate::recursion::grow(|| self.print_value_here(v, verb, depth));
    }

    fn print_value_here(&mut self, v: &Value, verb: char, depth: usize) {
        match v {
            Value::Nil => {
                if depth == 0 {
                    self.pad_str("<invalid reflect.Value>");
                } else {
                    match verb {
                        'v' => self.pad_str("<nil>"),
                        _ => self.bad_verb(v, verb),
                    }
                }
            }
            Value::Bool(b) => match verb {
                't' | 'v' => self.pad_str(if *b { "true" } else { "false" }),
                _ => self.bad_verb(v, verb),
            },
            Value::Int(i, t) => {
                if matches!(verb, 'v' | 's' | 'q' | 'x' | 'X')
                    && let Some(s) = t.stringer(*i)
                {
                    self.fmt_str(&s, verb);
                    return;
                }
                self.fmt_integer(*i, t.is_unsigned(), verb, v);
            }
            Value::Float(f) => self.fmt_float(*f, verb, v),
            Value::Str(s) => match verb {
                'v' if self.f.sharp_v => {
                    let q = crate::strconv::quote(s);
                    self.pad_str(&q);
                }
                'v' | 's' | 'x' | 'X' | 'q' => self.fmt_str(s, verb),
                _ => self.bad_verb(v, verb),
            },
            Value::Bytes(b) => match verb {
                's' | 'q' | 'x' | 'X' => {
                    let s = crate::value::rawbytes::encode(b).into_owned();
                    self.fmt_bytes_as_str(b, &s, verb);
                }
                _ => {
                    if self.f.sharp_v {
                        self.out.push_str("[]byte{");
                        for (i, x) in b.iter().enumerate() {
                            if i > 0 {
                                self.out.push_str(", ");
                            }
                            self.out.push_str(&format!("0x{x:x}"));
                        }
                        self.out.push('}');
                        return;
                    }
                    self.out.push('[');
                    for (i, x) in b.iter().enumerate() {
                        if i > 0 {
                            self.out.push(' ');
                        }
                        self.fmt_integer(
                            *x as i64,
                            true,
                            verb,
                            &Value::Int(*x as i64, IntType::Uint8),
                        );
                    }
                    self.out.push(']');
                }
            },
            Value::List(items, t) => {
                if !self.enter(v) {
                    return;
                }
                let (open, sep, close) = if self.f.sharp_v {
                    self.out.push_str(t.go_name());
                    ('{', ", ", '}')
                } else {
                    ('[', " ", ']')
                };
                self.out.push(open);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(sep);
                    }
                    self.print_elem(item, verb, depth + 1, *t == ListType::Any);
                    if self.cycle.is_some() {
                        return;
                    }
                }
                self.out.push(close);
                self.path.leave(v);
            }
            Value::Map(m) => {
                if !self.enter(v) {
                    return;
                }
                let (open, sep, close) = if self.f.sharp_v {
                    self.out.push_str(m.map_type().go_name());
                    ("{", ", ", "}")
                } else {
                    ("map[", " ", "]")
                };
                self.out.push_str(open);
                for (i, (k, val)) in m.entries().iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(sep);
                    }
                    self.print_value(&Value::Str(k.clone()), verb, depth + 1);
                    self.out.push(':');
                    self.print_elem(val, verb, depth + 1, true);
                    if self.cycle.is_some() {
                        return;
                    }
                }
                self.out.push_str(close);
                self.path.leave(v);
            }
            Value::Object(o) => {
                if let Some(c) = o.as_any().downcast_ref::<crate::value::Complex>() {
                    self.fmt_complex(*c, verb, v);
                    return;
                }
                if depth > 0 && o.kind() == crate::value::ObjectKind::Ptr {
                    // Go prints a nested pointer as its address, which differs from run to
                    // run; a fixed heap-like address keeps the width.
                    self.pad_str(NESTED_POINTER);
                    return;
                }
                let mut s = String::new();
                o.write_go(&mut s, self.f.plus_v);
                self.out.push_str(&s);
            }
        }
    }

    /// An element of a slice or map: interface elements holding nil print `<nil>`.
    fn print_elem(&mut self, v: &Value, verb: char, depth: usize, iface: bool) {
        if iface && matches!(v, Value::Nil) {
            if self.f.sharp_v {
                self.out.push_str("interface {}(nil)");
            } else {
                self.pad_str("<nil>");
            }
            return;
        }
        self.print_value(v, verb, depth);
    }

    fn bad_verb(&mut self, v: &Value, verb: char) {
        self.out.push_str("%!");
        self.out.push(verb);
        self.out.push('(');
        match v {
            Value::Nil => self.out.push_str("<nil>"),
            _ => {
                self.out.push_str(v.type_name());
                self.out.push('=');
                // fmt keeps the verb's flags while printing the value with %v.
                self.print_value(v, 'v', 0);
            }
        }
        self.out.push(')');
    }

    fn write_padding(&mut self, n: usize) {
        let pad = if self.f.zero && !self.f.minus {
            '0'
        } else {
            ' '
        };
        for _ in 0..n {
            self.out.push(pad);
        }
    }

    /// Pads `s` to the width (counted in runes), honouring `-`.
    fn pad_str(&mut self, s: &str) {
        let Some(wid) = self.f.wid else {
            self.out.push_str(s);
            return;
        };
        let width = s.chars().count();
        if width >= wid {
            self.out.push_str(s);
            return;
        }
        if self.f.minus {
            self.out.push_str(s);
            for _ in 0..wid - width {
                self.out.push(' ');
            }
        } else {
            self.write_padding(wid - width);
            self.out.push_str(s);
        }
    }

    fn fmt_str(&mut self, s: &str, verb: char) {
        match verb {
            'v' | 's' => {
                let s = self.truncate(s);
                self.pad_str(&s);
            }
            'x' | 'X' => self.fmt_sx(&crate::value::rawbytes::decode(s), verb == 'X'),
            'q' => {
                let s = self.truncate(s);
                if self.f.sharp && can_backquote(&s) {
                    let q = format!("`{s}`");
                    self.pad_str(&q);
                } else {
                    let mut q = String::new();
                    append_quoted(&mut q, &s, '"', self.f.plus);
                    self.pad_str(&q);
                }
            }
            _ => {
                let v = Value::str(s);
                self.bad_verb(&v, verb)
            }
        }
    }

    fn fmt_bytes_as_str(&mut self, b: &[u8], s: &str, verb: char) {
        match verb {
            'x' | 'X' => self.fmt_sx(b, verb == 'X'),
            _ => self.fmt_str(s, verb),
        }
    }

    fn truncate(&self, s: &str) -> String {
        match self.f.prec {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        }
    }

    /// `%x` / `%X` of a string or byte slice.
    fn fmt_sx(&mut self, b: &[u8], upper: bool) {
        let len = match self.f.prec {
            Some(p) if p < b.len() => p,
            _ => b.len(),
        };
        let mut s = String::new();
        if len == 0 {
            self.pad_str("");
            return;
        }
        for (i, &byte) in b.iter().take(len).enumerate() {
            if self.f.space && i > 0 {
                s.push(' ');
            }
            if self.f.sharp && (self.f.space || i == 0) {
                s.push('0');
                s.push(if upper { 'X' } else { 'x' });
            }
            s.push(char::from(hex_digit(byte >> 4, upper)));
            s.push(char::from(hex_digit(byte, upper)));
        }
        self.pad_str(&s);
    }

    fn fmt_integer(&mut self, i: i64, unsigned: bool, verb: char, v: &Value) {
        match verb {
            'v' => {
                if self.f.sharp_v && unsigned {
                    self.fmt_int_base(i, unsigned, 16, 'v', true);
                } else {
                    self.fmt_int_base(i, unsigned, 10, 'v', false);
                }
            }
            'd' => self.fmt_int_base(i, unsigned, 10, verb, false),
            'b' => self.fmt_int_base(i, unsigned, 2, verb, false),
            'o' | 'O' => self.fmt_int_base(i, unsigned, 8, verb, false),
            'x' => self.fmt_int_base(i, unsigned, 16, verb, false),
            'X' => self.fmt_int_base(i, unsigned, 16, verb, true),
            'c' => {
                let c = u32::try_from(i)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                self.pad_str(&c.to_string());
            }
            'q' => {
                let q = quote_rune(i, self.f.plus);
                self.pad_str(&q);
            }
            'U' => {
                let mut s = format!("U+{:04X}", i as u64);
                if self.f.sharp
                    && let Some(c) = u32::try_from(i).ok().and_then(char::from_u32)
                    && crate::strconv::is_print(c)
                {
                    s.push_str(&format!(" '{c}'"));
                }
                self.pad_str(&s);
            }
            _ => self.bad_verb(v, verb),
        }
    }

    /// fmt's `fmtInteger`.
    fn fmt_int_base(&mut self, i: i64, unsigned: bool, base: u32, verb: char, upper: bool) {
        let negative = !unsigned && i < 0;
        let mut u: u64 = if unsigned { i as u64 } else { i.unsigned_abs() };
        // Precision is the minimum number of digits; zero flag with width acts like it.
        let mut prec: usize = 0;
        let mut prec_present = false;
        if let Some(p) = self.f.prec {
            prec = p;
            prec_present = true;
            if prec == 0 && u == 0 {
                let old_zero = self.f.zero;
                self.f.zero = false;
                let w = self.f.wid.unwrap_or(0);
                self.write_padding(w);
                self.f.zero = old_zero;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid.is_some() {
            prec = self.f.wid.unwrap_or(0);
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut buf: Vec<u8> = Vec::with_capacity(68);
        if u == 0 {
            buf.push(b'0');
        }
        while u > 0 {
            // A digit below `base`, which is at most 16.
            buf.push(hex_digit((u % base as u64) as u8, upper));
            u /= base as u64;
        }
        while buf.len() < prec {
            buf.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => {
                    buf.push(b'b');
                    buf.push(b'0');
                }
                8 if buf.last() != Some(&b'0') => buf.push(b'0'),
                16 => {
                    buf.push(if upper { b'X' } else { b'x' });
                    buf.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            buf.push(b'o');
            buf.push(b'0');
        }
        if negative {
            buf.push(b'-');
        } else if self.f.plus {
            buf.push(b'+');
        } else if self.f.space {
            buf.push(b' ');
        }
        buf.reverse();
        let s = String::from_utf8_lossy(&buf).into_owned();
        // Zero padding has been applied through the precision.
        let old_zero = self.f.zero;
        if prec_present || self.f.zero {
            self.f.zero = false;
        }
        self.pad_str(&s);
        self.f.zero = old_zero;
    }

    /// fmt's `fmtComplex`: `(real+imagi)` with the float verb applied to both parts.
    fn fmt_complex(&mut self, c: crate::value::Complex, verb: char, v: &Value) {
        if !matches!(
            verb,
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
        ) {
            self.bad_verb(v, verb);
            return;
        }
        let old_plus = self.f.plus;
        self.out.push('(');
        self.fmt_float(c.re, verb, v);
        self.f.plus = true;
        self.fmt_float(c.im, verb, v);
        self.out.push_str("i)");
        self.f.plus = old_plus;
    }

    /// fmt's `fmtFloat`.
    fn fmt_float(&mut self, x: f64, verb: char, v: &Value) {
        let (fmt_verb, default_prec) = match verb {
            'v' => (b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => (verb as u8, -1),
            'f' | 'e' | 'E' | 'F' => (verb as u8, 6),
            _ => {
                self.bad_verb(v, verb);
                return;
            }
        };
        let prec = self.f.prec.map(|p| p as i32).unwrap_or(default_prec);
        let mut num = String::new();
        append_float(
            &mut num,
            x,
            if fmt_verb == b'F' { b'f' } else { fmt_verb },
            prec,
        );
        // Ensure a sign.
        let mut num = if num.starts_with('-') || num.starts_with('+') {
            num
        } else {
            format!("+{num}")
        };
        if self.f.space && num.starts_with('+') && !self.f.plus {
            num.replace_range(0..1, " ");
        }
        if num[1..].starts_with('I') || num[1..].starts_with('N') {
            let old_zero = self.f.zero;
            self.f.zero = false;
            if num[1..].starts_with('N') && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad_str(&num);
            self.f.zero = old_zero;
            return;
        }
        if self.f.sharp && fmt_verb != b'b' {
            num = sharp_float(&num, fmt_verb, prec);
        }
        if self.f.plus || !num.starts_with('+') {
            if self.f.zero
                && !self.f.minus
                && let Some(w) = self.f.wid
                && w > num.len()
            {
                let (sign, rest) = num.split_at(1);
                self.out.push_str(sign);
                for _ in 0..w - num.len() {
                    self.out.push('0');
                }
                self.out.push_str(rest);
                return;
            }
            self.pad_str(&num);
            return;
        }
        let unsigned = num[1..].to_string();
        if self.f.zero
            && !self.f.minus
            && let Some(w) = self.f.wid
            && w > unsigned.len()
        {
            for _ in 0..w - unsigned.len() {
                self.out.push('0');
            }
            self.out.push_str(&unsigned);
            return;
        }
        self.pad_str(&unsigned);
    }
}

/// fmt's `#` flag on floats: keep a decimal point and trailing zeros for `%g`.
fn sharp_float(num: &str, verb: u8, prec: i32) -> String {
    let mut digits: i32 = match verb {
        b'v' | b'g' | b'G' | b'x' => {
            if prec == -1 {
                6
            } else {
                prec
            }
        }
        _ => 0,
    };
    // `num` starts with its sign.
    let Some((&sign, bytes)) = num.as_bytes().split_first() else {
        return String::new();
    };
    let mut tail = String::new();
    let mut body = String::new();
    let mut saw_nonzero = false;
    let mut has_point = false;
    for (i, &c) in (1..).zip(bytes) {
        match c {
            b'.' => has_point = true,
            b'p' | b'P' | b'e' | b'E' => {
                tail = num[i..].to_string();
                break;
            }
            b'0' if saw_nonzero => digits -= 1,
            b'1'..=b'9' => {
                saw_nonzero = true;
                digits -= 1;
            }
            _ => {}
        }
        body.push(c as char);
    }
    let mut out = String::new();
    out.push(sign as char);
    out.push_str(&body);
    if !has_point {
        if body.len() == 1 && body == "0" {
            digits -= 1;
        }
        out.push('.');
    }
    if matches!(verb, b'v' | b'g' | b'G' | b'x') {
        while digits > 0 {
            out.push('0');
            digits -= 1;
        }
    }
    out.push_str(&tail);
    out
}

/// The result of fmt's `argNumber`: an explicit `[n]` argument index, if any.
struct ArgIndex {
    arg_num: usize,
    next: usize,
    found: bool,
    good: bool,
}

impl ArgIndex {
    fn scan(
        fb: &[u8],
        i: usize,
        arg_num: usize,
        num_args: usize,
        reordered: &mut bool,
    ) -> ArgIndex {
        let Some(bracketed @ [b'[', ..]) = fb.get(i..) else {
            return ArgIndex {
                arg_num,
                next: i,
                found: false,
                good: true,
            };
        };
        *reordered = true;
        let (index, wid, ok) = parse_arg_number(bracketed);
        match index {
            Some(n) if ok && n < num_args => ArgIndex {
                arg_num: n,
                next: i + wid,
                found: true,
                good: true,
            },
            _ => ArgIndex {
                arg_num,
                next: i + wid,
                found: ok,
                good: false,
            },
        }
    }
}

/// fmt's `parseArgNumber`: `[n]` at the start of `f` → (n-1, bytes consumed, parsed ok).
fn parse_arg_number(f: &[u8]) -> (Option<usize>, usize, bool) {
    if f.len() < 3 {
        return (None, 1, false);
    }
    for (i, &c) in f.iter().enumerate().skip(1) {
        if c == b']' {
            let (n, ni) = parse_num(f, 1);
            return match n {
                Some(n) if ni == i => (n.checked_sub(1), i + 1, true),
                _ => (None, i + 1, false),
            };
        }
    }
    (None, 1, false)
}

/// fmt's `intFromArg` for `*` width and precision: (value, is an int, next arg number).
fn int_from_arg(args: &[Value], arg_num: usize) -> (i64, bool, usize) {
    let Some(arg) = args.get(arg_num) else {
        return (0, false, arg_num);
    };
    match arg {
        Value::Int(n, _) if (-1_000_000..=1_000_000).contains(n) => (*n, true, arg_num + 1),
        _ => (0, false, arg_num + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Value {
        Value::str(x)
    }

    fn sprint(args: &[Value]) -> String {
        super::sprint(args).unwrap_or_else(|c| format!("CYCLE {c:?}"))
    }

    fn sprintln(args: &[Value]) -> String {
        super::sprintln(args).unwrap_or_else(|c| format!("CYCLE {c:?}"))
    }

    fn sprintf(format: &str, args: &[Value]) -> String {
        super::sprintf(format, args).unwrap_or_else(|c| format!("CYCLE {c:?}"))
    }

    #[test]
    fn a_map_that_contains_itself_is_a_cycle() {
        let m = crate::value::Map::new(crate::value::MapType::Any);
        m.insert("self".into(), Value::Map(m.clone()));
        let cycle = Err(Endless {
            type_name: "map[string]interface {}",
            cycle: true,
        });
        assert_eq!(super::sprint(&[Value::Map(m.clone())]), cycle);
        assert_eq!(super::sprintf("%v", &[Value::Map(m.clone())]), cycle);
        // Deep but finite values print whole.
        let mut v = Value::empty_map();
        for _ in 0..5000 {
            v = Value::map_of([("a", v)]);
        }
        let text = sprint(&[v]);
        assert_eq!(
            text,
            format!("{}map[]{}", "map[a:".repeat(5000), "]".repeat(5000))
        );
        m.remove("self");
    }

    #[test]
    fn sprint_spacing() {
        let args = [s("a"), Value::int(1), Value::int(2), s("b")];
        assert_eq!(sprint(&args), "a1 2b");
        assert_eq!(sprintln(&args), "a 1 2 b\n");
    }

    #[test]
    fn printf_errors() {
        assert_eq!(sprintf("%.2f", &[Value::int(1)]), "%!f(int=01)");
        assert_eq!(sprintf("%!", &[]), "%!!(MISSING)");
        assert_eq!(sprintf("%", &[]), "%!(NOVERB)");
        assert_eq!(sprintf("%d", &[s("x")]), "%!d(string=x)");
        assert_eq!(sprintf("%d %d", &[Value::int(1)]), "1 %!d(MISSING)");
        assert_eq!(
            sprintf("%d", &[Value::int(1), s("a")]),
            "1%!(EXTRA string=a)"
        );
    }

    #[test]
    fn printf_verbs() {
        assert_eq!(
            sprintf(
                "%5.1f|%-4d|%04d|%x|%q",
                &[
                    Value::Float(3.25159),
                    Value::int(7),
                    Value::int(-3),
                    s("hi"),
                    s("a\"b")
                ]
            ),
            "  3.3|7   |-003|6869|\"a\\\"b\""
        );
        assert_eq!(
            sprintf("%v %s", &[Value::Float(1e6), Value::Bool(true)]),
            "1e+06 %!s(bool=true)"
        );
    }
}
