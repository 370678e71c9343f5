//! Go maps with string keys, shared by reference.

use super::{Str, Value};
use parking_lot::RwLock;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;

/// The Go type through which a map is seen. Go's named map types share the underlying map
/// with the unnamed one (`common.Values` in a subchart is the parent's `.Values.sub`), so the
/// type belongs to the reference, not to the storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapType {
    /// `map[string]interface {}`.
    Any,
    /// Helm's `common.Values` (`map[string]interface{}` with methods). Named here rather than
    /// carried as a name: a `&str` in the type would make every `Value` a word larger. The
    /// methods come from the function table's type hook, so only the name lives here.
    Values,
    /// `map[string]string` (Sprig's `split`).
    String,
}

impl MapType {
    /// Go's name for the type.
    pub fn go_name(self) -> &'static str {
        match self {
            MapType::Any => "map[string]interface {}",
            MapType::Values => "common.Values",
            MapType::String => "map[string]string",
        }
    }
}

/// The storage: keys in byte order, which is Go's sort order for string keys (`fmt`, `range`).
type Entries = BTreeMap<Str, Value>;

/// A reference to a Go map. Cloning shares the map; mutation through one clone is seen by all.
#[derive(Clone)]
pub struct Map {
    entries: Arc<RwLock<Entries>>,
    ty: MapType,
    /// A Go nil map: reads like an empty map, encodes as `null`, cannot be written to.
    nil: bool,
    /// The confined work that made the map (0: none; see [`confined`]).
    owner: u32,
}

thread_local! {
    /// The confined work running on this thread (0: none).
    static CONFINED_TO: Cell<u32> = const { Cell::new(0) };
    /// Whether the confined work tried to write to a map it did not make.
    static REFUSED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` confined to itself: maps made during `f` are its own, and a write to any other
/// map is not made (and noted) instead. Returns `f`'s result and whether a write was
/// refused.
///
/// This is how templates run on several threads at once without changing what Helm's
/// one-by-one order would print: a template that writes only to maps it made cannot affect
/// another, and one that tried to write to a shared map (`set .Values ...`) is run again in
/// order, its refused run thrown away.
pub fn confined<R>(id: NonZeroU32, f: impl FnOnce() -> R) -> (R, bool) {
    /// Restores the thread's state however `f` ends.
    struct Restore(u32, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            CONFINED_TO.set(self.0);
            REFUSED.set(self.1);
        }
    }
    let restore = Restore(CONFINED_TO.replace(id.get()), REFUSED.replace(false));
    let r = f();
    let refused = REFUSED.get();
    drop(restore);
    (r, refused)
}

/// Whether the confined work on this thread has had a write refused (so that it can stop
/// early; see [`confined`]).
pub fn write_refused() -> bool {
    REFUSED.get()
}

/// The owner of a map made now.
fn owner_now() -> u32 {
    CONFINED_TO.get()
}

impl Map {
    /// A new empty map of the given type.
    pub fn new(ty: MapType) -> Map {
        Map {
            entries: Arc::new(RwLock::new(BTreeMap::new())),
            ty,
            nil: false,
            owner: owner_now(),
        }
    }

    /// A Go nil map of the given type.
    pub fn nil(ty: MapType) -> Map {
        Map {
            entries: Arc::default(),
            ty,
            nil: true,
            owner: owner_now(),
        }
    }

    /// Whether other references share the storage.
    pub fn is_shared(&self) -> bool {
        Arc::strong_count(&self.entries) > 1
    }

    /// The address of the storage, which identifies the map while it is alive.
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.entries) as usize
    }

    /// The identity of the map's storage, the same for every reference to one Go map (what
    /// a record of which maps a template read is keyed by).
    pub fn id(&self) -> usize {
        Arc::as_ptr(&self.entries).addr()
    }

    /// Whether this is a nil map (`json.Marshal` prints `null`; writing to it panics in Go).
    pub fn is_nil(&self) -> bool {
        self.nil
    }

    /// A new map holding the given entries (later duplicates win).
    pub fn from_entries<I: IntoIterator<Item = (Str, Value)>>(ty: MapType, entries: I) -> Map {
        Map {
            entries: Arc::new(RwLock::new(entries.into_iter().collect())),
            ty,
            nil: false,
            owner: owner_now(),
        }
    }

    /// The Go type this reference sees the map as.
    pub fn map_type(&self) -> MapType {
        self.ty
    }

    /// The same map seen through another named type (no copy).
    pub fn with_type(&self, ty: MapType) -> Map {
        Map {
            entries: Arc::clone(&self.entries),
            ty,
            nil: self.nil,
            owner: self.owner,
        }
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<Value> {
        self.entries.read().get(key).cloned()
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.entries.read().contains_key(key)
    }

    /// Sets `key` (visible to every holder of the map). Does nothing on a nil map: callers
    /// that mirror a Go write check [`Map::is_nil`] and report Go's panic text
    /// `assignment to entry in nil map`.
    pub fn insert(&self, key: Str, value: Value) {
        if !self.nil && self.writable() {
            self.entries.write().insert(key, value);
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&self, key: &str) -> Option<Value> {
        if !self.writable() {
            return None;
        }
        self.entries.write().remove(key)
    }

    /// Whether this thread may write to the map now (see [`confined`]); notes a refusal.
    fn writable(&self) -> bool {
        let confined_to = CONFINED_TO.get();
        if confined_to == 0 || confined_to == self.owner {
            return true;
        }
        REFUSED.set(true);
        false
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.read().len()
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.read().is_empty()
    }

    /// A snapshot of the entries in key order (cheap: values are reference counted). Taking a
    /// snapshot before iterating lets templates mutate the map inside a `range`, as in Go.
    pub fn entries(&self) -> Vec<(Str, Value)> {
        self.entries
            .read()
            .iter()
            .map(|(k, v)| (Arc::clone(k), v.clone()))
            .collect()
    }

    /// The keys in order.
    pub fn keys(&self) -> Vec<Str> {
        self.entries.read().keys().cloned().collect()
    }

    /// Runs `f` over the entries without copying them. `f` must not touch this map.
    pub fn with_entries<R>(&self, f: impl FnOnce(&BTreeMap<Str, Value>) -> R) -> R {
        f(&self.entries.read())
    }

    /// Whether two references share the same map.
    pub fn ptr_eq(&self, other: &Map) -> bool {
        Arc::ptr_eq(&self.entries, &other.entries)
    }

    /// A deep copy: nested maps are copied too, so the copy shares nothing mutable.
    pub fn deep_copy(&self) -> Map {
        // The tree cloned as it is (no key comparisons, unlike collecting it), then the
        // containers in it copied in place.
        let mut entries = self.entries.read().clone();
        for v in entries.values_mut() {
            if super::drop::is_container(v) {
                *v = deep_copy_value(v);
            }
        }
        Map {
            entries: Arc::new(RwLock::new(entries)),
            ty: self.ty,
            nil: self.nil,
            owner: owner_now(),
        }
    }
}

impl Map {
    /// Moves the nested maps and lists out of this map into `pending`, when this is the last
    /// reference to it (see [`super::drop`]).
    pub(super) fn take_nested_into(&mut self, pending: &mut Vec<Value>) {
        if let Some(lock) = super::drop::last_holder(&mut self.entries) {
            pending.extend(
                lock.get_mut()
                    .values_mut()
                    .filter(|v| super::drop::is_container(v))
                    .map(std::mem::take),
            );
        }
    }
}

impl Drop for Map {
    fn drop(&mut self) {
        if let Some(lock) = super::drop::last_holder(&mut self.entries) {
            super::drop::take_nested(lock.get_mut().values_mut());
        }
    }
}

/// Deep-copies the maps inside a value (lists are immutable and copied only to reach maps).
pub fn deep_copy_value(v: &Value) -> Value {
    crate::recursion::grow(|| deep_copy_here(v))
}

fn deep_copy_here(v: &Value) -> Value {
    match v {
        Value::Map(m) => Value::Map(m.deep_copy()),
        Value::List(items, t) if items.iter().any(contains_map) => {
            Value::List(items.iter().map(deep_copy_value).collect(), *t)
        }
        other => other.clone(),
    }
}

fn contains_map(v: &Value) -> bool {
    match v {
        Value::Map(_) => true,
        Value::List(items, _) => crate::recursion::grow(|| items.iter().any(contains_map)),
        _ => false,
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.entries.read().iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_mutations_like_go_maps() {
        let a = Map::new(MapType::Any);
        let b = a.clone();
        b.insert("k".into(), Value::int(1));
        assert!(a.contains_key("k"));
        let c = a.deep_copy();
        c.insert("z".into(), Value::Nil);
        assert!(!a.contains_key("z"));
    }

    #[test]
    fn confined_work_writes_only_to_its_own_maps() {
        let shared = Map::new(MapType::Any);
        let id = NonZeroU32::MIN;
        let (own, refused) = confined(id, || {
            let own = Map::new(MapType::Any);
            own.insert("a".into(), Value::int(1));
            own.with_type(MapType::Values)
                .insert("b".into(), Value::int(2));
            own
        });
        assert!(!refused);
        assert_eq!(own.len(), 2);
        let ((), refused) = confined(id, || {
            shared.insert("x".into(), Value::int(1));
            assert!(write_refused());
            assert!(shared.remove("x").is_none());
        });
        assert!(refused && shared.is_empty() && !write_refused());
        // Another confined work may not write to the first one's map either; outside any,
        // everything is writable.
        let other = NonZeroU32::new(2).expect("non-zero");
        let ((), refused) = confined(other, || own.insert("c".into(), Value::Nil));
        assert!(refused && !own.contains_key("c"));
        own.insert("c".into(), Value::Nil);
        shared.insert("x".into(), Value::Nil);
        assert!(own.contains_key("c") && shared.contains_key("x"));
    }

    #[test]
    fn named_views_share_storage() {
        let a = Map::new(MapType::Any);
        let v = a.with_type(MapType::Values);
        v.insert("x".into(), Value::Bool(true));
        assert_eq!(a.len(), 1);
        assert_eq!(v.map_type().go_name(), "common.Values");
    }
}
