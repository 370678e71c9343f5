//! Which parts of the maps a template run read, recorded only when asked for (`render
//! check`). Off, it costs one branch at each map access.
//!
//! A read is what could change the output if the value changed or disappeared:
//! * a key looked up (`.Values.a.b`, `index`, `get`, `hasKey`, `dig`, `pluck`, `pick`) reads
//!   that key of that map; a map or list under it is read only as far as later lookups go;
//! * a map printed, encoded (`toYaml`, `toJson`), compared, copied (`merge`, `deepCopy`) or
//!   given to any function not known to do less reads everything under it;
//! * `range`, `len` and `keys` read which keys a map has (so every key of it);
//! * a truth test (`if`, `with`, `and`, `or`, `not`, `default`, `empty`) of a map reads its
//!   key if it has just one (removing that key would make it empty).
//!
//! Maps are recorded by identity ([`Map::id`]): a subchart's `.Values` and `$x := .Values.a`
//! are the same maps as in the merged values, so reads map back to the user's paths.

use render_go::value::{Map, Str, Value};
use std::collections::{HashMap, HashSet};

/// The reads of one render.
#[derive(Debug, Default)]
pub struct ReadLog {
    /// Keys looked up, by map (a key the map does not have included: a `null` that deleted
    /// it mattered).
    keys: HashMap<usize, HashSet<Str>>,
    whole: HashSet<usize>,
    key_sets: HashSet<usize>,
}

impl ReadLog {
    /// Records that `key` of `map` was looked up.
    pub fn key(&mut self, map: &Map, key: &str) {
        let keys = self.keys.entry(map.id()).or_default();
        if !keys.contains(key) {
            keys.insert(Str::from(key));
        }
    }

    /// Records that everything in `value` was read: its maps, and the maps in its lists.
    pub fn whole(&mut self, value: &Value) {
        let mut pending = vec![value];
        while let Some(v) = pending.pop() {
            match v {
                Value::Map(m) => {
                    self.whole.insert(m.id());
                }
                Value::List(items, _) => pending.extend(items.iter()),
                _ => {}
            }
        }
    }

    /// Records that the set of keys of `value`, a map, was read.
    pub fn key_set(&mut self, value: &Value) {
        if let Value::Map(m) = value {
            self.key_sets.insert(m.id());
        }
    }

    /// Records a truth test of `value`: a map with one key is only true while that key is
    /// there.
    pub fn truth(&mut self, value: &Value) {
        if let Value::Map(m) = value
            && m.len() == 1
        {
            self.key_sets.insert(m.id());
        }
    }

    /// The keys of `map` looked up.
    pub fn keys_read(&self, map: &Map) -> impl Iterator<Item = &Str> {
        self.keys.get(&map.id()).into_iter().flatten()
    }

    /// Whether which keys `map` has was read.
    pub fn has_key_set(&self, map: &Map) -> bool {
        self.key_sets.contains(&map.id())
    }

    /// Whether everything under `map` was read.
    pub fn has_whole(&self, map: &Map) -> bool {
        self.whole.contains(&map.id())
    }
}

/// What a function reads of its arguments, for a [`ReadLog`].
#[derive(Clone, Copy, Debug, Default)]
pub enum Reads {
    /// Everything in every argument (the safe assumption for a function that prints,
    /// encodes, compares or copies).
    #[default]
    All,
    /// Nothing itself: it passes values on or stores them (`include`'s data, `dict`, `set`,
    /// `typeOf`), and whatever reads them later is recorded then.
    Nothing,
    /// Its own rule.
    Custom(fn(&[Value], &mut ReadLog)),
}

impl Reads {
    /// Records what a call with `args` reads.
    pub fn record(self, args: &[Value], log: &mut ReadLog) {
        match self {
            Reads::All => args.iter().for_each(|a| log.whole(a)),
            Reads::Nothing => {}
            Reads::Custom(rule) => rule(args, log),
        }
    }
}

/// Records the lookups of a key chain (`index m k1 k2`, `dig k1 k2 default m`): each key in
/// the map the previous one led to.
pub fn key_chain(start: &Value, keys: &[Value], log: &mut ReadLog) {
    let mut current = start.clone();
    for key in keys {
        let (Value::Map(m), Value::Str(k)) = (&current, key) else {
            return;
        };
        log.key(m, k);
        let Some(next) = m.get(k) else {
            return;
        };
        current = next;
    }
}
