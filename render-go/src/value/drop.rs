//! Freeing values nested arbitrarily deep.
//!
//! Templates build values as deep as they like (`{{ range until 100000 }}{{ $d = dict "a" $d
//! }}{{ end }}`), and the derived drop of maps and lists recurses once per level. Maps and lists
//! therefore free their elements through a work list: the last holder of a container moves its
//! nested containers out before they are dropped, so every drop stays shallow.

use super::Value;
use std::sync::Arc;

/// The contents of `arc` if this is its last holder, about to free it: `Arc::get_mut`, but
/// seeing other holders with a plain load first. `get_mut` always locks the weak count with
/// an atomic read-modify-write, on the cache line that every thread reading a shared value
/// also writes its reference count to; most handles dropped are not the last. Two last
/// holders dropping at once may each see the other and skip the work list: the container is
/// then freed by the derived drop, one level only, as each element frees its own subtree.
pub(super) fn last_holder<T: ?Sized>(arc: &mut Arc<T>) -> Option<&mut T> {
    if Arc::strong_count(arc) != 1 {
        return None;
    }
    Arc::get_mut(arc)
}

/// Called by the last holder of a map or list about to be freed: when some elements are
/// themselves maps or lists, frees the whole subtree iteratively.
pub(super) fn take_nested<'v>(items: impl IntoIterator<Item = &'v mut Value>) {
    let mut pending: Vec<Value> = Vec::new();
    for item in items {
        if is_container(item) {
            pending.push(std::mem::take(item));
        }
    }
    while let Some(mut v) = pending.pop() {
        match &mut v {
            Value::List(l, _) => {
                if let Some(items) = l.unique_mut() {
                    pending.extend(
                        items
                            .iter_mut()
                            .filter(|i| is_container(i))
                            .map(std::mem::take),
                    );
                }
            }
            Value::Map(m) => m.take_nested_into(&mut pending),
            _ => {}
        }
        // `v` now holds no nested containers of its own: dropping it does not recurse.
    }
}

pub(super) fn is_container(v: &Value) -> bool {
    match v {
        Value::List(l, _) => !l.is_empty(),
        Value::Map(_) => true,
        _ => false,
    }
}
