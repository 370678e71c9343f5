//! From events to values: go-yaml v2's `Unmarshal` into `interface{}` followed by
//! sigs.k8s.io/yaml's JSON round trip, done in one pass.
//!
//! go-yaml first builds a node tree of the first document (anchors resolved as it goes), then
//! decodes it: plain scalars resolve with YAML 1.1 rules, `<<` merges maps, aliases re-decode
//! their anchor (with go-yaml's alias-expansion limits), maps get `interface{}` keys.
//! sigs.k8s.io/yaml then turns keys into strings (`1` → "1", `true` → "true", a float key with
//! `FormatFloat(f, 'g', -1, 32)`), and the JSON round trip makes every number a `float64` and
//! rejects NaN and infinities. Errors keep Go's order: syntax errors, then decoding failures,
//! then unsupported keys, then non-finite numbers.

use super::parser::{EventKind, Parser};
use super::resolve::{Resolved, resolve, tags};
use super::scanner::Source;
use crate::value::{ListType, Map, MapType, Str, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A Go error text and, for syntax errors, the line Go printed.
#[derive(Debug, Clone)]
pub(crate) struct GoError {
    pub text: String,
    pub line: Option<usize>,
}

impl GoError {
    fn yaml(msg: impl std::fmt::Display) -> GoError {
        GoError {
            text: format!("yaml: {msg}"),
            line: None,
        }
    }
}

#[derive(Debug)]
enum NodeKind {
    Scalar,
    Seq,
    Map,
    /// An alias and the node its anchor named.
    Alias(usize),
}

#[derive(Debug)]
struct Node {
    kind: NodeKind,
    tag: String,
    /// Scalar text, or the anchor name of an alias.
    value: Str,
    implicit: bool,
    children: Vec<usize>,
}

/// The node tree of one document.
pub(crate) struct Doc {
    nodes: Vec<Node>,
    root: usize,
}

fn utf8(v: Cow<'_, [u8]>) -> String {
    match String::from_utf8(v.into_owned()) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// A scanned text as a string without copying it (invalid UTF-8, which only a failing input
/// can produce, becomes U+FFFD as in [`utf8`]).
/// Scanned text as a string: the reader has checked the input is UTF-8, so this is
/// `from_utf8`'s fast path in practice.
fn text<'t>(v: &'t [u8]) -> Cow<'t, str> {
    match std::str::from_utf8(v) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(v),
    }
}

#[cold]
fn syntax_error(p: &Parser<'_>) -> GoError {
    match p.error() {
        Some(e) => {
            let line = e.go_line();
            let problem = if e.problem.is_empty() {
                "unknown problem parsing YAML content"
            } else {
                e.problem.as_str()
            };
            if line != 0 {
                GoError {
                    text: format!("yaml: line {line}: {problem}"),
                    line: Some(line),
                }
            } else {
                GoError::yaml(problem)
            }
        }
        None => GoError::yaml("unknown problem parsing YAML content"),
    }
}

fn collection(kind: NodeKind) -> Node {
    Node {
        kind,
        tag: String::new(),
        value: Str::from(""),
        implicit: false,
        children: Vec::new(),
    }
}

/// The parser's next event, or its syntax error as Go prints it.
#[inline(always)]
fn next_event<'a>(p: &mut Parser<'a>) -> Result<EventKind<'a>, GoError> {
    p.next_event().map_err(|()| syntax_error(p))
}

/// Parses the first document of `input` into a node tree (`None` for an empty stream).
pub(crate) fn compose_first(input: &[u8]) -> Result<Option<Doc>, GoError> {
    let source = Source::new(input);
    let mut p = Parser::new(&source);
    let next = next_event;
    let first = next(&mut p)?;
    if first != EventKind::StreamStart {
        return Err(GoError::yaml("expected STREAM-START event"));
    }
    match next(&mut p)? {
        EventKind::DocumentStart => {}
        EventKind::StreamEnd => return Ok(None),
        _ => return Err(GoError::yaml("attempted to parse unknown event")),
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut anchors: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut root = None;
    while root.is_none() || !stack.is_empty() {
        let ev = next(&mut p)?;
        let (node, anchor, opens) = match ev {
            EventKind::Scalar {
                anchor,
                tag,
                value,
                plain_implicit,
                ..
            } => (
                Node {
                    kind: NodeKind::Scalar,
                    tag: utf8(Cow::Owned(tag)),
                    value: Str::from(utf8(value)),
                    implicit: plain_implicit,
                    children: Vec::new(),
                },
                anchor,
                false,
            ),
            EventKind::SequenceStart { anchor } => (collection(NodeKind::Seq), anchor, true),
            EventKind::MappingStart { anchor } => (collection(NodeKind::Map), anchor, true),
            EventKind::Alias { anchor } => {
                let name = utf8(anchor);
                let Some(&target) = anchors.get(name.as_bytes()) else {
                    return Err(GoError::yaml(format!("unknown anchor '{name}' referenced")));
                };
                (
                    Node {
                        kind: NodeKind::Alias(target),
                        tag: String::new(),
                        value: Str::from(name),
                        implicit: false,
                        children: Vec::new(),
                    },
                    None,
                    false,
                )
            }
            EventKind::SequenceEnd | EventKind::MappingEnd => {
                stack.pop();
                continue;
            }
            other => {
                return Err(GoError::yaml(format!("unexpected event {other:?}")));
            }
        };
        let idx = nodes.len();
        nodes.push(node);
        if let Some(a) = anchor {
            anchors.insert(a.into_owned(), idx);
        }
        // The stack holds indices of nodes already pushed.
        match stack.last().and_then(|&parent| nodes.get_mut(parent)) {
            Some(parent) => parent.children.push(idx),
            None => root = Some(idx),
        }
        if opens {
            stack.push(idx);
        }
    }
    // go-yaml expects the document to end here; later documents are never read.
    let end = next(&mut p)?;
    if end != EventKind::DocumentEnd {
        return Err(GoError::yaml("expected DOCUMENT-END event"));
    }
    Ok(root.map(|root| Doc { nodes, root }))
}

/// What the direct decoder made of a document.
enum Direct {
    /// The value (`None` for an empty stream).
    Done(Option<Value>),
    /// The document needs go-yaml's node tree ([`compose_first`] and [`decode`]): it has
    /// anchors, aliases, merge keys, keys that are not scalars JSON accepts, or a scalar its
    /// explicit tag rejects. The tree path reproduces every such case, errors included.
    Fallback,
}

/// Where the next node of the direct decoder goes.
enum Frame {
    Seq(Vec<Value>),
    /// A mapping being built, and what the next node is: a key (`None`), or the value of a key
    /// kept (`Some(Some(key))`) or dropped by the caller's filter (`Some(None)`).
    Map(Vec<(Str, Value)>, Option<Option<Str>>),
    /// A collection only checked, not built (under a dropped key); for a mapping, whether a
    /// key comes next.
    Skip {
        map: bool,
        key_next: bool,
    },
}

/// The node position an event fills.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// A node that becomes a value.
    Keep,
    /// A node that is only checked.
    Skip,
    /// A mapping key that becomes a string.
    Key,
    /// A mapping key that is only checked.
    SkipKey,
}

/// Decodes the first document of `input` straight from parser events, without go-yaml's node
/// tree: each scalar is resolved once and turned into its value, each collection built as
/// it closes. Documents whose decoding needs the tree (see [`Direct::Fallback`]) are left to
/// it. With `keep`, a top-level mapping keeps only the keys `keep` accepts; the rest of the
/// document is still parsed and checked as the tree path would.
fn decode_direct(
    input: &[u8],
    mode: Mode,
    keep: Option<&dyn Fn(&str) -> bool>,
) -> Result<Direct, GoError> {
    let source = Source::new(input);
    let mut p = Parser::new(&source);
    let next = next_event;
    if next(&mut p)? != EventKind::StreamStart {
        return Ok(Direct::Fallback);
    }
    match next(&mut p)? {
        EventKind::DocumentStart => {}
        EventKind::StreamEnd => return Ok(Direct::Done(None)),
        _ => return Ok(Direct::Fallback),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut nonfinite = false;
    let root = loop {
        let ev = next(&mut p)?;
        let slot = match stack.last() {
            None | Some(Frame::Seq(_)) | Some(Frame::Map(_, Some(Some(_)))) => Slot::Keep,
            Some(Frame::Map(_, None)) => Slot::Key,
            Some(Frame::Map(_, Some(None)))
            | Some(Frame::Skip {
                key_next: false, ..
            }) => Slot::Skip,
            Some(Frame::Skip { key_next: true, .. }) => Slot::SkipKey,
        };
        let done: Option<Value> = match ev {
            EventKind::Scalar {
                anchor: None,
                tag,
                value,
                plain_implicit,
                ..
            } => {
                let tag = text(&tag);
                // Most scalars are skipped, and need no text for that.
                let raw = value;
                match slot {
                    Slot::Keep => {
                        let value = text(&raw);
                        match scalar_value(&tag, &value, plain_implicit, mode, &mut nonfinite) {
                            Some(v) => Some(v),
                            None => return Ok(Direct::Fallback),
                        }
                    }
                    Slot::Skip => {
                        // A skipped scalar still has to resolve, and a NaN or infinity
                        // needs the whole value (sigs.k8s.io/yaml's JSON step rejects it).
                        let maybe_float =
                            plain_implicit && matches!(raw.first(), Some(b'.' | b'+' | b'-'));
                        if !tag.is_empty() || maybe_float {
                            let value = text(&raw);
                            let mut bad = false;
                            match scalar_value(&tag, &value, plain_implicit, mode, &mut bad) {
                                Some(_) if !bad => {}
                                _ => return Ok(Direct::Fallback),
                            }
                        }
                        None
                    }
                    Slot::Key | Slot::SkipKey => {
                        let value = text(&raw);
                        let Some(resolved) = key_resolved(&tag, &value, plain_implicit) else {
                            return Ok(Direct::Fallback);
                        };
                        let top = stack.len() == 1;
                        match stack.last_mut() {
                            Some(Frame::Map(_, next)) => {
                                let Some(key) = json_key_text(resolved, &tag, &value) else {
                                    return Ok(Direct::Fallback);
                                };
                                let kept = match keep {
                                    Some(keep) if top => keep(&key),
                                    _ => true,
                                };
                                *next = Some(kept.then_some(key));
                            }
                            Some(Frame::Skip { key_next, .. }) => {
                                if matches!(resolved, Resolved::Null | Resolved::Uint(_))
                                    || (resolved == Resolved::Other
                                        && tag == tags::BINARY
                                        && decode_binary(&value).is_err())
                                {
                                    return Ok(Direct::Fallback);
                                }
                                *key_next = false;
                            }
                            _ => {}
                        }
                        continue;
                    }
                }
            }
            EventKind::SequenceStart { anchor: None }
            | EventKind::MappingStart { anchor: None } => {
                let map = matches!(ev, EventKind::MappingStart { .. });
                stack.push(match slot {
                    Slot::Keep if map => Frame::Map(Vec::new(), None),
                    Slot::Keep => Frame::Seq(Vec::new()),
                    Slot::Skip => Frame::Skip { map, key_next: map },
                    Slot::Key | Slot::SkipKey => return Ok(Direct::Fallback),
                });
                continue;
            }
            EventKind::SequenceEnd | EventKind::MappingEnd => match stack.pop() {
                Some(Frame::Seq(items)) => Some(Value::List(items.into(), ListType::Any)),
                Some(Frame::Map(entries, _)) => {
                    Some(Value::Map(Map::from_entries(MapType::Any, entries)))
                }
                Some(Frame::Skip { .. }) => None,
                None => return Ok(Direct::Fallback),
            },
            _ => return Ok(Direct::Fallback),
        };
        // A node is complete: hand it to its parent.
        match stack.last_mut() {
            None => break done,
            Some(Frame::Seq(items)) => {
                if let Some(v) = done {
                    items.push(v);
                }
            }
            Some(Frame::Map(entries, next)) => {
                if let (Some(Some(k)), Some(v)) = (next.take(), done) {
                    entries.push((k, v));
                }
            }
            Some(Frame::Skip { map, key_next }) => *key_next = *map,
        }
    };
    // go-yaml expects the document to end here; later documents are never read.
    if next(&mut p)? != EventKind::DocumentEnd {
        return Ok(Direct::Fallback);
    }
    let Some(root) = root else {
        return Ok(Direct::Fallback);
    };
    if nonfinite && mode == Mode::Json {
        reject_nonfinite(&root)?;
    }
    Ok(Direct::Done(Some(root)))
}

/// A scalar's value as [`Decoder::scalar`] makes it; `None` where that fails.
fn scalar_value(
    tag: &str,
    value: &str,
    implicit: bool,
    mode: Mode,
    nonfinite: &mut bool,
) -> Option<Value> {
    let resolved = if tag.is_empty() && !implicit {
        Resolved::Str
    } else {
        resolve(tag, value).ok()?
    };
    if let Some(v) = non_string_value(&resolved, mode) {
        *nonfinite |= matches!(v, Value::Float(f) if !f.is_finite());
        return Some(v);
    }
    Some(match resolved {
        Resolved::Other if tag == tags::BINARY => Value::string(decode_binary(value).ok()?),
        _ => Value::Str(Str::from(value)),
    })
}

/// The value of a scalar that resolved to null, a boolean or a number (integers become
/// float64 in JSON mode, as the JSON round trip makes them); `None` for the string kinds.
fn non_string_value(resolved: &Resolved, mode: Mode) -> Option<Value> {
    Some(match *resolved {
        Resolved::Null => Value::Nil,
        Resolved::Bool(b) => Value::Bool(b),
        Resolved::Int(i) => match mode {
            Mode::Json => Value::Float(i as f64),
            Mode::Go => Value::int(i),
        },
        Resolved::Uint(u) => match mode {
            Mode::Json => Value::Float(u as f64),
            Mode::Go => Value::Int(u as i64, crate::value::IntType::Uint64),
        },
        Resolved::Float(f) => Value::Float(f),
        Resolved::Str | Resolved::Timestamp | Resolved::Other => return None,
    })
}

/// How a scalar mapping key resolves; `None` for keys the tree path must handle (merge keys,
/// tags the text does not fit).
fn key_resolved(tag: &str, value: &str, implicit: bool) -> Option<Resolved> {
    if value == "<<" && (implicit || tag == tags::MERGE) {
        return None;
    }
    if tag.is_empty() && !implicit {
        return Some(Resolved::Str);
    }
    resolve(tag, value).ok()
}

/// sigs.k8s.io/yaml's JSON key for a resolved scalar key; `None` for keys it rejects (null,
/// uint64) or `!!binary` text that does not decode.
fn json_key_text(resolved: Resolved, tag: &str, value: &str) -> Option<Str> {
    Some(match resolved {
        Resolved::Bool(b) => Str::from(if b { "true" } else { "false" }),
        Resolved::Int(i) => Str::from(i.to_string()),
        Resolved::Float(f) => Str::from(format_float32(f)),
        Resolved::Other if tag == tags::BINARY => Str::from(decode_binary(value).ok()?),
        Resolved::Str | Resolved::Timestamp | Resolved::Other => Str::from(value),
        Resolved::Null | Resolved::Uint(_) => return None,
    })
}

/// The first document of `input` as sigs.k8s.io/yaml's `Unmarshal` into `interface{}` sees
/// it (`None` for an empty stream).
pub(crate) fn unmarshal_json(input: &[u8]) -> Result<Option<Value>, GoError> {
    if let Direct::Done(v) = decode_direct(input, Mode::Json, None)? {
        return Ok(v);
    }
    match compose_first(input)? {
        None => Ok(None),
        Some(doc) => decode(&doc).map(Some),
    }
}

/// The first document of `input` with go-yaml's own types (see [`decode_go`]); with `keep`,
/// a top-level mapping may hold only the keys `keep` accepts.
pub(crate) fn unmarshal_go(
    input: &[u8],
    keep: Option<&dyn Fn(&str) -> bool>,
) -> Result<Option<Value>, GoError> {
    if let Direct::Done(v) = decode_direct(input, Mode::Go, keep)? {
        return Ok(v);
    }
    match compose_first(input)? {
        None => Ok(None),
        Some(doc) => decode_go(&doc).map(Some),
    }
}

/// How a decoded value is used.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A value that goes through the JSON round trip (numbers become float64).
    Json,
    /// A map key or an error message: keep go-yaml's Go types (`Int` for int,
    /// `Int(.., Uint64)` for uint64).
    Go,
}

const ALIAS_RATIO_LOW: usize = 400_000;
const ALIAS_RATIO_HIGH: usize = 4_000_000;

fn allowed_alias_ratio(decode_count: usize) -> f64 {
    if decode_count <= ALIAS_RATIO_LOW {
        0.99
    } else if decode_count >= ALIAS_RATIO_HIGH {
        0.10
    } else {
        0.99 - 0.89
            * ((decode_count - ALIAS_RATIO_LOW) as f64
                / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW) as f64)
    }
}

struct Decoder<'d> {
    doc: &'d Doc,
    decode_count: usize,
    alias_count: usize,
    alias_depth: usize,
    active_aliases: HashSet<usize>,
    /// The first key sigs.k8s.io/yaml cannot turn into a JSON key.
    key_error: Option<String>,
    /// Whether a NaN or infinity was decoded (json.Marshal rejects it).
    nonfinite: bool,
}

/// Decodes a document into go-yaml's own Go types (`int`, `float64`, `bool`, `string`, nil)
/// with keys as strings: what sigs.k8s.io/yaml converts to JSON when the target is a typed
/// struct (Chart.yaml), before any JSON typing.
pub(crate) fn decode_go(doc: &Doc) -> Result<Value, GoError> {
    decode_as(doc, Mode::Go)
}

/// Decodes a document the way sigs.k8s.io/yaml's `Unmarshal` into `interface{}` sees it.
pub(crate) fn decode(doc: &Doc) -> Result<Value, GoError> {
    decode_as(doc, Mode::Json)
}

fn decode_as(doc: &Doc, mode: Mode) -> Result<Value, GoError> {
    let mut d = Decoder {
        doc,
        decode_count: 1,
        alias_count: 0,
        alias_depth: 0,
        active_aliases: HashSet::new(),
        key_error: None,
        nonfinite: false,
    };
    let v = d.unmarshal(doc.root, mode).map_err(GoError::yaml)?;
    if let Some(e) = d.key_error {
        return Err(GoError {
            text: e,
            line: None,
        });
    }
    // Only set in JSON mode, where json.Marshal would refuse the value.
    if d.nonfinite {
        reject_nonfinite(&v)?;
    }
    Ok(v)
}

/// encoding/json's refusal of the first NaN or infinity in `v`, if any.
fn reject_nonfinite(v: &Value) -> Result<(), GoError> {
    match first_nonfinite(v) {
        Some(bad) => Err(nonfinite_error(bad)),
        None => Ok(()),
    }
}

/// encoding/json's refusal of a NaN or infinity.
pub(crate) fn nonfinite_error(bad: f64) -> GoError {
    GoError {
        text: format!(
            "json: unsupported value: {}",
            crate::strconv::format_float(bad, b'g', -1)
        ),
        line: None,
    }
}

/// The first NaN or infinity in json.Marshal's order (sorted keys, depth first).
fn first_nonfinite(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) if !f.is_finite() => Some(*f),
        Value::List(items, _) => items.iter().find_map(first_nonfinite),
        Value::Map(m) => m.with_entries(|e| e.values().find_map(first_nonfinite)),
        _ => None,
    }
}

impl Decoder<'_> {
    fn node(&self, n: usize) -> Result<&Node, String> {
        self.doc
            .nodes
            .get(n)
            .ok_or_else(|| "internal error: bad node".to_string())
    }

    fn unmarshal(&mut self, n: usize, mode: Mode) -> Result<Value, String> {
        self.decode_count += 1;
        if self.alias_depth > 0 {
            self.alias_count += 1;
        }
        if self.alias_count > 100
            && self.decode_count > 1000
            && self.alias_count as f64 / self.decode_count as f64
                > allowed_alias_ratio(self.decode_count)
        {
            return Err("document contains excessive aliasing".into());
        }
        crate::recursion::grow(|| {
            let doc = self.doc;
            let node = doc.nodes.get(n).ok_or("internal error: bad node")?;
            match node.kind {
                NodeKind::Alias(target) => self.alias(n, target, |d| d.unmarshal(target, mode)),
                NodeKind::Scalar => self.scalar(node, mode),
                NodeKind::Seq => {
                    let mut items = Vec::with_capacity(node.children.len());
                    for &c in &node.children {
                        items.push(self.unmarshal(c, mode)?);
                    }
                    Ok(Value::List(items.into(), ListType::Any))
                }
                NodeKind::Map => {
                    let mut out = BTreeMap::new();
                    self.mapping_into(n, &mut out, mode)?;
                    Ok(Value::Map(Map::from_entries(MapType::Any, out)))
                }
            }
        })
    }

    /// Decodes through alias node `n`, refusing an anchor that contains itself.
    fn alias<T>(
        &mut self,
        n: usize,
        _target: usize,
        f: impl FnOnce(&mut Self) -> Result<T, String>,
    ) -> Result<T, String> {
        if !self.active_aliases.insert(n) {
            let name = &self.node(n)?.value;
            return Err(format!("anchor '{name}' value contains itself"));
        }
        self.alias_depth += 1;
        let r = f(self);
        self.alias_depth -= 1;
        self.active_aliases.remove(&n);
        r
    }

    fn scalar(&mut self, node: &Node, mode: Mode) -> Result<Value, String> {
        let resolved = if node.tag.is_empty() && !node.implicit {
            Resolved::Str
        } else {
            resolve(&node.tag, &node.value)?
        };
        if let Some(v) = non_string_value(&resolved, mode) {
            self.nonfinite |= mode == Mode::Json && matches!(v, Value::Float(f) if !f.is_finite());
            return Ok(v);
        }
        Ok(match resolved {
            Resolved::Other if node.tag == tags::BINARY => {
                Value::string(decode_binary(&node.value)?)
            }
            _ => Value::Str(node.value.clone()),
        })
    }

    /// Decodes mapping node `n` into `out` (also the target of `<<` merges).
    fn mapping_into(
        &mut self,
        n: usize,
        out: &mut BTreeMap<Str, Value>,
        mode: Mode,
    ) -> Result<(), String> {
        let doc = self.doc;
        let node = doc.nodes.get(n).ok_or("internal error: bad node")?;
        for pair in node.children.chunks(2) {
            let [k, v] = *pair else { continue };
            let key_node = self.node(k)?;
            if matches!(key_node.kind, NodeKind::Scalar)
                && &*key_node.value == "<<"
                && (key_node.implicit || key_node.tag == tags::MERGE)
            {
                self.merge(v, out, mode)?;
                continue;
            }
            let key = self.unmarshal(k, Mode::Go)?;
            if matches!(key, Value::Map(_) | Value::List(..)) {
                return Err(format!("invalid map key: {}", go_syntax(&key, true)));
            }
            let value = self.unmarshal(v, mode)?;
            match json_key(&key) {
                Ok(s) => {
                    out.insert(s, value);
                }
                Err(type_name) => {
                    if self.key_error.is_none() {
                        let raw = self.unmarshal(v, Mode::Go).unwrap_or(Value::Nil);
                        self.key_error = Some(format!(
                            "unsupported map key of type: {type_name}, key: {}, value: {}",
                            go_syntax(&key, true),
                            go_syntax(&raw, true)
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    fn merge(
        &mut self,
        n: usize,
        out: &mut BTreeMap<Str, Value>,
        mode: Mode,
    ) -> Result<(), String> {
        const WANT_MAP: &str = "map merge requires map or sequence of maps as the value";
        let doc = self.doc;
        let node = doc.nodes.get(n).ok_or("internal error: bad node")?;
        let is_map = |i: usize| matches!(doc.nodes.get(i).map(|x| &x.kind), Some(NodeKind::Map));
        match node.kind {
            NodeKind::Map => self.merge_one(n, out, mode),
            NodeKind::Alias(target) => {
                if !is_map(target) {
                    return Err(WANT_MAP.into());
                }
                self.merge_one(n, out, mode)
            }
            NodeKind::Seq => {
                for &c in node.children.iter().rev() {
                    let ok = match doc.nodes.get(c).map(|x| &x.kind) {
                        Some(NodeKind::Alias(t)) => is_map(*t),
                        Some(NodeKind::Map) => true,
                        _ => false,
                    };
                    if !ok {
                        return Err(WANT_MAP.into());
                    }
                    self.merge_one(c, out, mode)?;
                }
                Ok(())
            }
            NodeKind::Scalar => Err(WANT_MAP.into()),
        }
    }

    /// `d.unmarshal(n, out)` with `out` an existing map: `n` is a mapping or an alias of one.
    fn merge_one(
        &mut self,
        n: usize,
        out: &mut BTreeMap<Str, Value>,
        mode: Mode,
    ) -> Result<(), String> {
        self.decode_count += 1;
        if self.alias_depth > 0 {
            self.alias_count += 1;
        }
        match self.node(n)?.kind {
            NodeKind::Alias(target) => self.alias(n, target, |d| d.merge_one(target, out, mode)),
            _ => crate::recursion::grow(|| self.mapping_into(n, out, mode)),
        }
    }
}

/// sigs.k8s.io/yaml's conversion of a go-yaml key to a JSON key; `Err` holds the Go type
/// name of an unsupported key.
fn json_key(k: &Value) -> Result<Str, &'static str> {
    match k {
        Value::Str(s) => Ok(s.clone()),
        Value::Int(u, crate::value::IntType::Uint64) => {
            let _ = u;
            Err("uint64")
        }
        Value::Int(i, _) => Ok(Str::from(i.to_string())),
        Value::Float(f) => Ok(Str::from(format_float32(*f))),
        Value::Bool(b) => Ok(Str::from(if *b { "true" } else { "false" })),
        _ => Err("%!s(<nil>)"),
    }
}

/// `strconv.FormatFloat(f, 'g', -1, 32)` with go-yaml's spellings of infinities and NaN
/// (sigs.k8s.io/yaml's conversion of float keys).
pub(crate) fn format_float32(f: f64) -> String {
    let s = crate::strconv::format_float32(f as f32, b'g', -1);
    match s.as_str() {
        "+Inf" => ".inf".into(),
        "-Inf" => "-.inf".into(),
        "NaN" => ".nan".into(),
        _ => s,
    }
}

/// Decodes `!!binary` base64 text (Go's `base64.StdEncoding`, newlines skipped); the bytes
/// become a JSON string (invalid UTF-8 → U+FFFD).
fn decode_binary(text: &str) -> Result<String, String> {
    crate::base64::base64_decode(text)
        .map(|b| go_lossy_utf8(&b))
        .map_err(|_| "!!binary value contains invalid base64 data".to_string())
}

/// Go's json.Marshal treatment of invalid UTF-8: each bad byte becomes U+FFFD.
fn go_lossy_utf8(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    for chunk in b.utf8_chunks() {
        out.push_str(chunk.valid());
        // One U+FFFD per byte, as Go's DecodeRune reads a bad sequence a byte at a time.
        for _ in chunk.invalid() {
            out.push('\u{FFFD}');
        }
    }
    out
}

/// Go's `%#v` of a decoded go-yaml value (maps print as `map[interface {}]interface {}`).
fn go_syntax(v: &Value, top: bool) -> String {
    match v {
        Value::Nil if top => "<nil>".into(),
        Value::Nil => "interface {}(nil)".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(u, crate::value::IntType::Uint64) => format!("0x{:x}", *u as u64),
        Value::Int(i, _) => i.to_string(),
        Value::Float(f) => crate::strconv::format_float(*f, b'g', -1),
        Value::Str(s) => crate::strconv::quote(s),
        Value::List(items, _) => {
            let inner: Vec<String> = items.iter().map(|x| go_syntax(x, false)).collect();
            format!("[]interface {{}}{{{}}}", inner.join(", "))
        }
        Value::Map(m) => {
            let inner: Vec<String> = m
                .entries()
                .iter()
                .map(|(k, x)| format!("{}:{}", crate::strconv::quote(k), go_syntax(x, false)))
                .collect();
            format!("map[interface {{}}]interface {{}}{{{}}}", inner.join(", "))
        }
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_use_float32_formatting() {
        assert_eq!(format_float32(1.5), "1.5");
        assert_eq!(format_float32(0.1), "0.1");
        assert_eq!(format_float32(1.23456789012), "1.2345679");
        assert_eq!(format_float32(1e6), "1e+06");
        assert_eq!(format_float32(123456.0), "123456");
        assert_eq!(format_float32(1e-5), "1e-05");
        assert_eq!(format_float32(f64::INFINITY), ".inf");
    }

    #[test]
    fn binary_is_base64() {
        assert_eq!(decode_binary("aGVs\nbG8=").as_deref(), Ok("hello"));
        assert!(decode_binary("a").is_err());
    }
}
