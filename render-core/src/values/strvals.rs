//! Helm's `strvals`: the `name=value` lines of `--set`, `--set-string`, `--set-json`,
//! `--set-file` and `--set-literal`, parsed into a values map exactly as Helm v4.2.3 does.
//!
//! A line is a comma-separated list of `path=value`; a path is dotted names (`a.b`) with list
//! indexes (`a[0].b[2][1]`); `\` escapes the next character (`a\.b`, `x\,y`); `{x,y}` is a
//! list. `--set` types its values (`true`/`false`/`null` in any case, integers without a
//! leading zero as `int64`, everything else a string), `--set-string` keeps strings,
//! `--set-json` reads one JSON value per key with Go's `json.Decoder`, `--set-file` hands each
//! value to a reader, and `--set-literal` takes everything after the first `=` verbatim.
//!
//! Every error text is Helm's, including the Go runtime panics that `strvals` recovers (a path
//! that walks into a value of the wrong type: `unable to parse key: interface conversion:
//! interface {} is int64, not map[string]interface {}`). Written here because the grammar and
//! its quirks are Helm's own.

use render_go::strconv::{parse_int, quote, quote_rune};
use render_go::value::{ListType, Map, MapType, Str, Value};

/// `strvals.MaxIndex`: the largest list index a path may use.
pub const MAX_INDEX: i64 = 65536;

/// `strvals.MaxNestedNameLevel`: how many dotted names a path may nest.
pub const MAX_NESTED_NAME_LEVEL: usize = 30;

/// Reads a `--set-file` value: given the path written after `=`, the value to store (Helm
/// stores the file's contents as a string) or the error text.
pub type FileReader<'a> = dyn FnMut(&str) -> Result<Value, String> + 'a;

/// Which flag a line comes from, i.e. how its values are read.
pub enum Mode<'a> {
    /// `--set`: typed scalars (`strvals.ParseInto`).
    Typed,
    /// `--set-string`: every scalar a string (`strvals.ParseIntoString`).
    String,
    /// `--set-json`: one JSON value per key (`strvals.ParseJSON`).
    Json,
    /// `--set-file`: each value is a path given to the reader (`strvals.ParseIntoFile`).
    File(&'a mut FileReader<'a>),
    /// `--set-literal`: the rest of the line after `=` (`strvals.ParseLiteralInto`).
    Literal,
}

/// Parses `line` into a new map (`strvals.Parse` and its siblings).
#[cfg_attr(not(feature = "internals"), allow(dead_code))] // for the fuzzers
pub fn parse(line: &str, mode: Mode<'_>) -> Result<Map, String> {
    let dest = Map::new(MapType::Any);
    parse_into(line, &dest, mode)?;
    Ok(dest)
}

/// Parses `line` into `dest`, overwriting what its paths name and walking into the maps and
/// lists already there (`strvals.ParseInto` and its siblings).
pub fn parse_into(line: &str, dest: &Map, mode: Mode<'_>) -> Result<(), String> {
    let mut p = Parser {
        s: line,
        pos: 0,
        mode,
    };
    loop {
        match p.key(dest, 0) {
            Ok(()) => {}
            Err(Stop::Eof) => return Ok(()),
            Err(Stop::Err(e)) => return Err(e),
        }
    }
}

/// Why parsing stopped: the end of the input (Go's `io.EOF`, also when wrapped, which ends
/// the parse successfully) or an error.
enum Stop {
    Eof,
    Err(String),
}

impl Stop {
    /// `fmt.Errorf("prefix%w", err)`: still `io.EOF` for `errors.Is`.
    fn wrap(self, prefix: &str) -> Stop {
        match self {
            Stop::Eof => Stop::Eof,
            Stop::Err(e) => Stop::Err(format!("{prefix}{e}")),
        }
    }
}

fn err(msg: String) -> Stop {
    Stop::Err(msg)
}

type Res<T> = Result<T, Stop>;

/// Go's panic when a type assertion `v.(T)` fails, as `strvals` recovers it.
fn conversion_panic(found: &Value, want: &str) -> Stop {
    let found = if found.is_nil() {
        "nil"
    } else {
        found.type_name()
    };
    err(format!(
        "unable to parse key: interface conversion: interface {{}} is {found}, not {want}"
    ))
}

const LIST: &str = "[]interface {}";
const TABLE: &str = "map[string]interface {}";

/// `v.([]interface{})`.
fn as_list(v: &Value) -> Res<Vec<Value>> {
    match v {
        Value::List(items, ListType::Any) => Ok(items.to_vec()),
        other => Err(conversion_panic(other, LIST)),
    }
}

/// `v.(map[string]interface{})`.
fn as_table(v: &Value) -> Res<Map> {
    match v {
        Value::Map(m) if m.map_type() == MapType::Any && !m.is_nil() => Ok(m.clone()),
        other => Err(conversion_panic(other, TABLE)),
    }
}

/// `set`: an empty key is ignored.
fn set(data: &Map, key: &str, value: Value) {
    if !key.is_empty() {
        data.insert(Str::from(key), value);
    }
}

/// `setIndex`: grows the list with nils as needed.
fn set_index(mut list: Vec<Value>, index: i64, value: Value) -> (Vec<Value>, Res<()>) {
    if index < 0 {
        return (
            list,
            Err(err(format!("negative {index} index not allowed"))),
        );
    }
    if index > MAX_INDEX {
        return (
            list,
            Err(err(format!(
                "index of {index} is greater than maximum supported index of {MAX_INDEX}"
            ))),
        );
    }
    // 0 <= index <= MAX_INDEX, so the conversion cannot fail.
    let i = usize::try_from(index).unwrap_or(0);
    if list.len() <= i {
        list.resize(i + 1, Value::Nil);
    }
    if let Some(slot) = list.get_mut(i) {
        *slot = value;
    }
    (list, Ok(()))
}

/// `%q` of a `[]rune`: each rune quoted, space-separated, in brackets.
fn quote_runes(s: &str) -> String {
    let runes: Vec<String> = s
        .chars()
        .map(|c| quote_rune(i64::from(u32::from(c)), false))
        .collect();
    format!("[{}]", runes.join(" "))
}

/// Go's `strings.EqualFold(s, word)` for the lower-case ASCII words `typedVal` compares with:
/// ASCII letters match in either case, and `ſ` (U+017F) folds to `s`.
fn equal_fold(s: &str, word: &str) -> bool {
    let mut a = s.chars();
    for w in word.chars() {
        match a.next() {
            Some(c) if c.to_ascii_lowercase() == w => {}
            Some('\u{17f}') if w == 's' => {}
            _ => return false,
        }
    }
    a.next().is_none()
}

/// `typedVal`: Helm's typing of a `--set` scalar (all strings for `--set-string`).
fn typed_val(s: &str, keep_string: bool) -> Value {
    if keep_string {
        return Value::str(s);
    }
    if equal_fold(s, "true") {
        return Value::Bool(true);
    }
    if equal_fold(s, "false") {
        return Value::Bool(false);
    }
    if equal_fold(s, "null") {
        return Value::Nil;
    }
    if s == "0" {
        return Value::int64(0);
    }
    if !s.is_empty() && !s.starts_with('0') {
        if let Ok(i) = parse_int(s, 10, 64) {
            return Value::int64(i);
        }
    }
    Value::str(s)
}

/// What `valList` found.
enum ValList {
    /// A `{...}` list.
    List(Vec<Value>),
    /// The input ended right after `=`.
    Eof,
    /// Not a list: read a scalar instead (`ErrNotList`).
    NotList,
}

struct Parser<'a, 'm> {
    s: &'a str,
    /// Byte offset of the next rune.
    pos: usize,
    mode: Mode<'m>,
}

impl Parser<'_, '_> {
    fn literal(&self) -> bool {
        matches!(self.mode, Mode::Literal)
    }

    fn read_rune(&mut self) -> Option<char> {
        let c = self.s.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn unread_rune(&mut self, c: char) {
        self.pos -= c.len_utf8();
    }

    fn rest(&mut self) -> &str {
        let rest = self.s.get(self.pos..).unwrap_or("");
        self.pos = self.s.len();
        rest
    }

    /// `runesUntil`: runes up to one of `stop` (`None` at the end of input). `\` escapes the
    /// next rune, except for `--set-literal` (`runesUntilLiteral`).
    fn runes_until(&mut self, stop: &[char]) -> (String, Option<char>) {
        let mut v = String::new();
        loop {
            let Some(c) = self.read_rune() else {
                return (v, None);
            };
            if stop.contains(&c) {
                return (v, Some(c));
            }
            if c == '\\' && !self.literal() {
                match self.read_rune() {
                    Some(next) => v.push(next),
                    None => return (v, None),
                }
            } else {
                v.push(c);
            }
        }
    }

    /// The value reader: typed, string or file.
    fn read_value(&mut self, rs: &str) -> Result<Value, String> {
        match &mut self.mode {
            Mode::Typed => Ok(typed_val(rs, false)),
            Mode::File(reader) => reader(rs),
            Mode::String | Mode::Json | Mode::Literal => Ok(typed_val(rs, true)),
        }
    }

    /// One `path=value` (or the rest of a path, after a `.`).
    fn key(&mut self, data: &Map, level: usize) -> Res<()> {
        let stop: &[char] = if self.literal() {
            &['=', '[', '.']
        } else {
            &['=', '[', ',', '.']
        };
        let (k, last) = self.runes_until(stop);
        match last {
            None if k.is_empty() => Err(Stop::Eof),
            None => Err(err(format!("key {} has no value", quote(&k)))),
            Some('[') => {
                let i = self
                    .key_index()
                    .map_err(|e| e.wrap("error parsing index: "))?;
                let list = match data.get(&k) {
                    Some(v) => as_list(&v)?,
                    None => Vec::new(),
                };
                let (list, r) = self.list_item(list, i, level);
                set(data, &k, Value::list(list));
                r
            }
            Some('=') => self.assign(data, &k),
            Some(',') => {
                set(data, &k, Value::str(""));
                Err(err(format!(
                    "key {} has no value (cannot end with ,)",
                    quote(&k)
                )))
            }
            _ => {
                let level = level + 1;
                if level > MAX_NESTED_NAME_LEVEL {
                    return Err(err(format!(
                        "value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
                    )));
                }
                let inner = match data.get(&k) {
                    Some(v) => as_table(&v)?,
                    None => Map::new(MapType::Any),
                };
                let r = self.key(&inner, level);
                if r.is_ok() && inner.is_empty() {
                    return Err(err(format!("key map {} has no value", quote(&k))));
                }
                if !inner.is_empty() {
                    set(data, &k, Value::Map(inner));
                }
                r
            }
        }
    }

    /// The value after `key=`.
    fn assign(&mut self, data: &Map, k: &str) -> Res<()> {
        match self.mode {
            Mode::Json => {
                if self.empty_val() {
                    set(data, k, Value::Nil);
                    return Ok(());
                }
                let v = self.json_value()?;
                set(data, k, v);
                Ok(())
            }
            Mode::Literal => {
                let v = Value::str(self.rest());
                set(data, k, v);
                Ok(())
            }
            _ => match self.val_list()? {
                ValList::List(items) => {
                    set(data, k, Value::list(items));
                    Ok(())
                }
                ValList::Eof => {
                    set(data, k, Value::str(""));
                    Err(Stop::Eof)
                }
                ValList::NotList => {
                    let rs = self.val();
                    let v = self.read_value(&rs);
                    set(data, k, v.clone().unwrap_or(Value::Nil));
                    v.map(|_| ()).map_err(err)
                }
            },
        }
    }

    /// `keyIndex`: the number up to `]`.
    fn key_index(&mut self) -> Res<i64> {
        let (v, last) = self.runes_until(&[']']);
        if last.is_none() {
            return Err(Stop::Eof);
        }
        parse_int(&v, 10, 64)
            .map_err(|e| err(format!("strconv.Atoi: parsing {}: {}", quote(&v), e.text())))
    }

    /// `listItem`: what follows `[i]`. Returns the list (also on error: Helm stores it).
    fn list_item(&mut self, list: Vec<Value>, i: i64, level: usize) -> (Vec<Value>, Res<()>) {
        render_go::recursion::grow(|| self.list_item_inner(list, i, level))
    }

    fn list_item_inner(
        &mut self,
        mut list: Vec<Value>,
        i: i64,
        level: usize,
    ) -> (Vec<Value>, Res<()>) {
        if i < 0 {
            return (list, Err(err(format!("negative {i} index not allowed"))));
        }
        let existing = usize::try_from(i).ok().and_then(|i| list.get(i)).cloned();
        let (k, last) = self.runes_until(&['[', '.', '=']);
        if !k.is_empty() {
            return (
                list,
                Err(err(format!(
                    "unexpected data at end of array index: {}",
                    quote_runes(&k)
                ))),
            );
        }
        match last {
            None => (list, Err(Stop::Eof)),
            Some('=') => match self.item_value() {
                Ok(v) => set_index(list, i, v),
                Err(e) => (list, Err(e)),
            },
            Some('[') => {
                let next = match self.key_index() {
                    Ok(n) => n,
                    Err(e) => return (list, Err(e.wrap("error parsing index: "))),
                };
                let current = match existing {
                    None | Some(Value::Nil) => Vec::new(),
                    Some(v) => match as_list(&v) {
                        Ok(l) => l,
                        Err(e) => return (list, Err(e)),
                    },
                };
                let (inner, r) = self.list_item(current, next, level);
                if let Err(e) = r {
                    return (list, Err(e));
                }
                set_index(list, i, Value::list(inner))
            }
            _ => {
                let inner = match existing {
                    Some(Value::Map(m)) if m.map_type() == MapType::Any && !m.is_nil() => m,
                    Some(_) => {
                        // Indices out of order: the element becomes an empty map.
                        let m = Map::new(MapType::Any);
                        if let Some(slot) = usize::try_from(i).ok().and_then(|i| list.get_mut(i)) {
                            *slot = Value::Map(m.clone());
                        }
                        m
                    }
                    None => Map::new(MapType::Any),
                };
                if let Err(e) = self.key(&inner, level) {
                    return (list, Err(e));
                }
                set_index(list, i, Value::Map(inner))
            }
        }
    }

    /// The value after `[i]=` (an empty one is `""`, or nil for JSON).
    fn item_value(&mut self) -> Res<Value> {
        match self.mode {
            Mode::Json => {
                if self.empty_val() {
                    return Ok(Value::Nil);
                }
                self.json_value()
            }
            Mode::Literal => Ok(Value::str(self.rest())),
            _ => match self.val_list()? {
                ValList::List(items) => Ok(Value::list(items)),
                ValList::Eof => Ok(Value::str("")),
                ValList::NotList => {
                    let rs = self.val();
                    self.read_value(&rs).map_err(err)
                }
            },
        }
    }

    /// One JSON value with Go's `json.Decoder`, then the blanks and comma after it.
    fn json_value(&mut self) -> Res<Value> {
        let rest = self.s.get(self.pos..).unwrap_or("");
        let (v, used) = render_go::json::decode_first(rest).map_err(err)?;
        self.pos += used;
        self.empty_val();
        Ok(v)
    }

    /// `emptyVal`: skips white space; true at a comma (consumed) or the end of input.
    fn empty_val(&mut self) -> bool {
        loop {
            match self.read_rune() {
                None | Some(',') => return true,
                Some(c) if c.is_whitespace() => {}
                Some(c) => {
                    self.unread_rune(c);
                    return false;
                }
            }
        }
    }

    /// `val`: a scalar up to the next comma.
    fn val(&mut self) -> String {
        self.runes_until(&[',']).0
    }

    /// `valList`: a `{a,b}` list, if the value starts with `{`.
    fn val_list(&mut self) -> Res<ValList> {
        let Some(c) = self.read_rune() else {
            return Ok(ValList::Eof);
        };
        if c != '{' {
            self.unread_rune(c);
            return Ok(ValList::NotList);
        }
        let mut list = Vec::new();
        loop {
            let (rs, last) = self.runes_until(&[',', '}']);
            match last {
                None => return Err(err("list must terminate with '}'".to_string())),
                Some('}') => {
                    if let Some(c) = self.read_rune() {
                        if c != ',' {
                            self.unread_rune(c);
                        }
                    }
                    let v = self.read_value(&rs).map_err(err)?;
                    list.push(v);
                    return Ok(ValList::List(list));
                }
                _ => {
                    let v = self.read_value(&rs).map_err(err)?;
                    list.push(v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
