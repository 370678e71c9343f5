//! Freeing values nested arbitrarily deep.
//!
//! Templates build values as deep as they like (`{{ range until 100000 }}{{ $d = dict "a" $d
//! }}{{ end }}`), and the derived drop of maps and lists recurses once per level. Maps and lists
//! therefore free their elements through a work list: the last holder of a container moves its
//! nested containers out before they are dropped, so every drop stays shallow.

use super::Value;

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
