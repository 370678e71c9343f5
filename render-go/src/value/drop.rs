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

#[cfg(test)]
mod tests {
    use super::super::{Map, MapType, Str};
    use super::*;

    /// A chain of maps and lists `depth` deep; every level is also held by a second handle
    /// when `shared`, so that most drops are not the last.
    fn chain(depth: usize, shared: &mut Vec<Value>) -> Value {
        let mut v = Value::Nil;
        for i in 0..depth {
            v = match i % 2 {
                0 => Value::Map(Map::from_entries(MapType::Any, [(Str::from("a"), v)])),
                _ => Value::list(vec![v]),
            };
            shared.push(v.clone());
        }
        v
    }

    /// Runs `f` on a thread with a small stack: a drop that recursed per level overflows it.
    fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        let t = std::thread::Builder::new().stack_size(256 * 1024).spawn(f);
        assert!(t.expect("thread").join().is_ok());
    }

    #[test]
    fn a_deep_chain_is_freed_without_recursing_whoever_holds_it_last() {
        on_small_stack(|| {
            let mut shared = Vec::new();
            let root = chain(200_000, &mut shared);
            drop(root);
            // Now every level's last holder is in `shared`, the deepest first.
            drop(shared);
        });
        on_small_stack(|| {
            let mut shared = Vec::new();
            let root = chain(200_000, &mut shared);
            shared.reverse();
            drop(shared);
            drop(root);
        });
    }

    #[test]
    fn a_deep_chain_dropped_by_two_threads_at_once_is_freed() {
        for _ in 0..20 {
            let root = chain(100_000, &mut Vec::new());
            let other = root.clone();
            let threads = [root, other].map(|v| {
                std::thread::Builder::new()
                    .stack_size(256 * 1024)
                    .spawn(move || drop(v))
                    .expect("thread")
            });
            for t in threads {
                assert!(t.join().is_ok());
            }
        }
    }
}
