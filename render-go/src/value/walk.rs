//! Guarding walks over a value against values that never end.
//!
//! Templates can build values Go walks without end: a map that contains itself (`set $d
//! "self" $d`), and a value whose parts are shared so often that it has exponentially many
//! paths (`range until 100` of `$d = dict "a" $d "b" $d`: 2^100 maps to visit). Walks that Go
//! guards (encoding/json's `ptrSeen`) report the cycle with Go's text; walks that Go does not
//! guard (fmt, goyaml v3, TOML, deepCopy, merges, and every walk over an exponential value)
//! run until Go's stack or memory runs out, and end here with a clean error instead. Like
//! encoding/json, the cycle check starts only past a depth, so the usual shallow values pay
//! nothing but a counter.

use super::Value;
use crate::limits::MAX_WALK_NODES;
use std::collections::HashSet;

/// encoding/json's `startDetectingCyclesAfter`.
pub const CHECK_AFTER: usize = 1000;

/// The maps and lists open on the path from the root to the value being walked.
#[derive(Default)]
pub struct OpenPath {
    /// Maps and lists entered and not yet left.
    depth: usize,
    /// Maps and lists entered in all.
    visited: usize,
    /// Addresses of those open beyond [`CHECK_AFTER`].
    open: HashSet<usize>,
    /// For each open container beyond [`CHECK_AFTER`], its address.
    stack: Vec<usize>,
}

/// Why a walk would never end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endless {
    /// Go's name for the container's type where the walk stopped.
    pub type_name: &'static str,
    /// A container met again on its own path (else: too many containers to visit).
    pub cycle: bool,
}

impl Endless {
    /// The error of an encoding/json walk: Go's `UnsupportedValueError` text for a cycle.
    pub fn json_text(self) -> String {
        if self.cycle {
            format!(
                "json: unsupported value: encountered a cycle via {}",
                self.type_name
            )
        } else {
            self.endless("json")
        }
    }

    /// Our error where Go walks without end (`what` names the operation).
    pub fn endless(self, what: &str) -> String {
        if self.cycle {
            format!(
                "{what}: the value contains itself (a cycle through {}); Helm would never finish",
                self.type_name
            )
        } else {
            format!(
                "{what}: the value has more than {MAX_WALK_NODES} maps and lists to visit \
                 (parts it shares count each time); Helm would never finish"
            )
        }
    }
}

/// How an encoder failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Go's error, with Go's text (Helm's non-`must` functions swallow it).
    Go(String),
    /// A walk Go never finishes, with our text: it fails the render whatever the function.
    Endless(String),
}

impl Failure {
    /// The error's text.
    pub fn text(&self) -> &str {
        match self {
            Failure::Go(s) | Failure::Endless(s) => s,
        }
    }

    /// Go's error with `prefix` in front of its text (Go's `fmt.Errorf("...: %w")`).
    pub fn wrap_go(self, prefix: &str) -> Failure {
        match self {
            Failure::Go(s) => Failure::Go(format!("{prefix}{s}")),
            endless => endless,
        }
    }
}

impl From<String> for Failure {
    fn from(s: String) -> Failure {
        Failure::Go(s)
    }
}

impl From<&str> for Failure {
    fn from(s: &str) -> Failure {
        Failure::Go(s.to_string())
    }
}

impl Endless {
    /// The failure of an encoding/json walk: Go's error for a cycle, ours otherwise.
    pub fn json_failure(self) -> Failure {
        match self.cycle {
            true => Failure::Go(self.json_text()),
            false => Failure::Endless(self.endless("json")),
        }
    }
}

impl OpenPath {
    /// Enters `v` when it is a map or list (counting its level as Go does); an error when it is
    /// already open, or when the walk has visited too many. Every `Ok` must be matched by a
    /// [`OpenPath::leave`] with the same value.
    pub fn enter(&mut self, v: &Value) -> Result<(), Endless> {
        let (addr, type_name) = match v {
            Value::Map(m) if !m.is_nil() => (m.addr(), m.map_type().go_name()),
            Value::List(l, t) => (l.addr(), t.go_name()),
            _ => return Ok(()),
        };
        self.visited += 1;
        if self.visited > MAX_WALK_NODES {
            return Err(Endless {
                type_name,
                cycle: false,
            });
        }
        self.depth += 1;
        if self.depth > CHECK_AFTER {
            if !self.open.insert(addr) {
                self.depth -= 1;
                return Err(Endless {
                    type_name,
                    cycle: true,
                });
            }
            self.stack.push(addr);
        }
        Ok(())
    }

    /// Leaves `v`, entered last.
    pub fn leave(&mut self, v: &Value) {
        if !matches!(v, Value::List(..)) && !matches!(v, Value::Map(m) if !m.is_nil()) {
            return;
        }
        if self.depth > CHECK_AFTER
            && let Some(addr) = self.stack.pop()
        {
            self.open.remove(&addr);
        }
        self.depth -= 1;
    }
}
