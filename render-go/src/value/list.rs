//! Go slices: immutable, shared elements.

use super::Value;
use std::ops::Deref;
use std::sync::Arc;

/// The elements of a Go slice. No template function changes a slice in place, so clones share
/// one immutable allocation.
#[derive(Clone, Default)]
pub struct List(Arc<[Value]>);

impl List {
    /// Whether two lists share their elements (Go compares slice pointers for cycles).
    pub fn ptr_eq(&self, other: &List) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The address of the elements, which identifies the slice while it is alive.
    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// Whether other references share the elements.
    pub fn is_shared(&self) -> bool {
        Arc::strong_count(&self.0) > 1
    }

    /// The elements, when this is the only reference to them.
    pub(super) fn unique_mut(&mut self) -> Option<&mut [Value]> {
        super::drop::last_holder(&mut self.0)
    }
}

impl Deref for List {
    type Target = [Value];

    fn deref(&self) -> &[Value] {
        &self.0
    }
}

impl From<Vec<Value>> for List {
    fn from(v: Vec<Value>) -> List {
        List(v.into())
    }
}

impl From<&[Value]> for List {
    fn from(v: &[Value]) -> List {
        List(v.into())
    }
}

impl FromIterator<Value> for List {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> List {
        List(iter.into_iter().collect())
    }
}

impl Drop for List {
    fn drop(&mut self) {
        if let Some(items) = self.unique_mut() {
            super::drop::take_nested(items);
        }
    }
}
