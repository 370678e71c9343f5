//! The schema documents of a loaded chart, each compiled once and ahead of need.
//!
//! Compiling is most of what validation costs: boon checks the document against its draft's
//! metaschema, and the first compile of a process compiles every draft's metaschema. It
//! depends on the document alone, so it starts on a thread of its own as soon as the file is
//! read, while the rest of the chart is read and the user's values merged; every render of a
//! loaded chart then validates with the same compiled schemas.

use super::Compiled;
use crate::chart::Chart;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Each values.schema.json document seen, compiled by whoever needs it first: a thread
/// compiling ahead or a render, which then waits rather than compiles it twice. The threads
/// stop when this is dropped.
#[derive(Default)]
pub(crate) struct SchemaCache {
    slots: Mutex<Vec<Arc<Slot>>>,
    stop: Arc<AtomicBool>,
}

/// One document and, once compiled, its schema or Helm's error for it.
pub(crate) struct Slot {
    /// Found again by identity: the loaded chart and every render's copy of it share these
    /// bytes with the file read.
    bytes: Arc<[u8]>,
    compiled: OnceLock<Result<Compiled, String>>,
}

impl Slot {
    /// The compiled schema, compiled now unless it was (or is being) already.
    pub(crate) fn compiled(&self) -> &Result<Compiled, String> {
        self.compiled.get_or_init(|| Compiled::new(&self.bytes))
    }
}

impl SchemaCache {
    /// Starts compiling the documents not seen before on a thread of their own.
    pub(crate) fn compile_ahead(&self, docs: impl IntoIterator<Item = Arc<[u8]>>) {
        let added: Vec<Arc<Slot>> = {
            let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
            docs.into_iter()
                .filter_map(|bytes| match find_or_add(&mut slots, &bytes) {
                    (slot, true) => Some(slot),
                    (_, false) => None,
                })
                .collect()
        };
        if added.is_empty() {
            return;
        }
        let stop = self.stop.clone();
        // Without a thread, each schema compiles when a render first needs it.
        let _ = std::thread::Builder::new()
            .name("schema-ahead".into())
            .spawn(move || {
                for slot in &added {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    slot.compiled();
                }
            });
    }

    /// [`Self::compile_ahead`] for the schemas of `chart` and all its subcharts (enabled or
    /// not: which are is only known per render).
    pub(crate) fn compile_chart_ahead(&self, chart: &Chart) {
        let mut docs = Vec::new();
        collect(chart, &mut docs);
        self.compile_ahead(docs);
    }

    /// The slot of `schema`, added now if it was not seen before.
    pub(crate) fn slot(&self, schema: &Arc<[u8]>) -> Arc<Slot> {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        find_or_add(&mut slots, schema).0
    }
}

/// The slot of `bytes` in `slots`, and whether it was added now.
fn find_or_add(slots: &mut Vec<Arc<Slot>>, bytes: &Arc<[u8]>) -> (Arc<Slot>, bool) {
    if let Some(slot) = slots.iter().find(|s| Arc::ptr_eq(&s.bytes, bytes)) {
        return (slot.clone(), false);
    }
    let slot = Arc::new(Slot {
        bytes: bytes.clone(),
        compiled: OnceLock::new(),
    });
    slots.push(slot.clone());
    (slot, true)
}

impl Drop for SchemaCache {
    /// Stops the threads after the schema each is compiling, without waiting for them.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The schemas of `chart`'s tree, depth first.
fn collect(chart: &Chart, docs: &mut Vec<Arc<[u8]>>) {
    docs.extend(chart.schema.iter().cloned());
    for sub in &chart.dependencies {
        render_go::recursion::grow(|| collect(sub, docs));
    }
}
