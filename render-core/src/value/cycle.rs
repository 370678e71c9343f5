//! Finding cycles while walking a value.
//!
//! `set $d "self" $d` makes a map contain itself, as in Go. Walks over values that Go guards
//! (encoding/json's `ptrSeen`) report the cycle with Go's text; walks that Go does not guard
//! (fmt, goyaml v3, TOML, deepCopy, merges: Go recurses until its stack or memory runs out) end
//! with a clean error instead. Like encoding/json, the check starts only past a depth, so the
//! usual shallow values pay nothing.

use super::Value;
use std::collections::HashSet;

/// encoding/json's `startDetectingCyclesAfter`.
pub const CHECK_AFTER: usize = 1000;

/// The maps and lists open on the path from the root to the value being walked.
#[derive(Default)]
pub struct OpenPath {
    /// Maps and lists entered and not yet left.
    depth: usize,
    /// Addresses of those open beyond [`CHECK_AFTER`].
    open: HashSet<usize>,
    /// For each open container beyond [`CHECK_AFTER`], its address.
    stack: Vec<usize>,
}

/// The container met a second time on one path: the value is cyclic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    /// Go's name for the container's type, for encoding/json's error text.
    pub type_name: &'static str,
}

impl Cycle {
    /// encoding/json's `UnsupportedValueError` text for a cycle.
    pub fn json_text(self) -> String {
        format!(
            "json: unsupported value: encountered a cycle via {}",
            self.type_name
        )
    }
}

impl Cycle {
    /// Our error where Go follows the cycle without end (`what` names the operation).
    pub fn endless(self, what: &str) -> String {
        format!(
            "{what}: the value contains itself (a cycle through {}); Helm would never finish",
            self.type_name
        )
    }
}

impl OpenPath {
    /// Enters `v` when it is a map or list (counting its level as Go does); an error when it is
    /// already open. Every `Ok` must be matched by a [`OpenPath::leave`] with the same value.
    pub fn enter(&mut self, v: &Value) -> Result<(), Cycle> {
        let (addr, type_name) = match v {
            Value::Map(m) if !m.is_nil() => (m.addr(), m.map_type().go_name()),
            Value::List(l, t) => (l.addr(), t.go_name()),
            _ => return Ok(()),
        };
        self.depth += 1;
        if self.depth > CHECK_AFTER {
            if !self.open.insert(addr) {
                self.depth -= 1;
                return Err(Cycle { type_name });
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
