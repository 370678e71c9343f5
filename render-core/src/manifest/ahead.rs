//! Heads read while the templates still render. Executing templates is one thread's work
//! (Helm's templates share values they may change, in Helm's order), and reading the heads
//! of what they printed waits for it to finish; a second core can read each file's heads as
//! soon as it is rendered instead. Heads depend only on a document's text, so the result is
//! the same, errors included: [`super::sort::sort_manifests_read`] takes them by path and
//! reads any it is not given.

use super::sort::{Head, ReadHeads, documents, has_no_documents};
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::Arc;
use std::thread::{Scope, ScopedJoinHandle};

/// Rendered output worth a second thread: below it, starting one costs more than it saves.
const MIN_AHEAD_BYTES: usize = 128 * 1024;

/// Rendered files waiting for their heads, shared by the reader and, at the end, the render.
#[derive(Default)]
pub(crate) struct HeadsQueue {
    files: Mutex<Waiting>,
    added: Condvar,
}

#[derive(Default)]
struct Waiting {
    files: VecDeque<(String, Arc<String>)>,
    /// No more files will come.
    closed: bool,
}

impl HeadsQueue {
    /// The next file, waiting for one unless `closed`; `None` once none are left.
    fn next(&self) -> Option<(String, Arc<String>)> {
        let mut waiting = self.files.lock();
        loop {
            if let Some(file) = waiting.files.pop_front() {
                return Some(file);
            }
            if waiting.closed {
                return None;
            }
            self.added.wait(&mut waiting);
        }
    }

    /// Reads the heads of files from the queue until it is closed and empty.
    fn read_all<F>(&self, head: &F) -> ReadHeads
    where
        F: Fn(&str) -> Result<Head, String>,
    {
        std::iter::from_fn(|| self.next())
            .map(|(path, content)| {
                let heads = documents(&path, &content).into_iter().map(head).collect();
                (path, heads)
            })
            .collect()
    }
}

/// A reader of heads on a thread of `scope`, started once enough output is queued.
pub(crate) struct HeadsAhead<'scope, 'env, F> {
    scope: &'scope Scope<'scope, 'env>,
    head: &'env F,
    queue: &'env HeadsQueue,
    queued_bytes: usize,
    /// Whether there is a core to read on while the render goes on.
    spare_core: bool,
    reader: Option<ScopedJoinHandle<'scope, ReadHeads>>,
}

impl<'scope, 'env, F> HeadsAhead<'scope, 'env, F>
where
    F: Fn(&str) -> Result<Head, String> + Sync,
{
    /// A reader that reads heads with `head`, once there are files; `queue` holds them.
    pub(crate) fn new(scope: &'scope Scope<'scope, 'env>, queue: &'env HeadsQueue, head: &'env F) -> Self {
        HeadsAhead {
            scope,
            head,
            queue,
            queued_bytes: 0,
            spare_core: crate::parallel::threads_here() > 1,
            reader: None,
        }
    }

    /// Hands over a rendered file (shared with the render, whose documents keep it).
    pub(crate) fn add(&mut self, path: &str, content: &Arc<String>) {
        if has_no_documents(path, content) {
            return;
        }
        self.queue
            .files
            .lock()
            .files
            .push_back((path.to_string(), Arc::clone(content)));
        self.queue.added.notify_one();
        self.queued_bytes += content.len();
        if self.reader.is_none() && self.spare_core && self.queued_bytes >= MIN_AHEAD_BYTES {
            let (queue, head) = (self.queue, self.head);
            self.reader = Some(self.scope.spawn(move || queue.read_all(head)));
        }
    }

    /// The heads of every file handed over: what the reader read, and the rest read here
    /// alongside it.
    pub(crate) fn finish(self) -> ReadHeads {
        self.queue.files.lock().closed = true;
        self.queue.added.notify_all();
        let mut read = self.queue.read_all(self.head);
        match self.reader.map(|reader| reader.join()) {
            Some(Ok(more)) => read.extend(more),
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => {}
        }
        read
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse_head, sort_manifests, sort_manifests_read};
    use super::*;

    /// Kind and name of each manifest of `files` sorted, heads read ahead (`ahead`: the
    /// files handed over in reverse, as a render finishes them in its own order) or after.
    fn sorted(files: &[(String, String)], ahead: bool) -> Result<Vec<(String, String)>, String> {
        let queue = HeadsQueue::default();
        let shared: Vec<(&str, Arc<String>)> = files
            .iter()
            .map(|(p, c)| (p.as_str(), Arc::new(c.clone())))
            .collect();
        let read = std::thread::scope(|scope| {
            let mut heads = HeadsAhead::new(scope, &queue, &parse_head);
            for (path, content) in shared.iter().rev().filter(|_| ahead) {
                heads.add(path, content);
            }
            heads.finish()
        });
        let by_path: std::collections::BTreeMap<&str, &Arc<String>> =
            shared.iter().map(|(p, c)| (*p, c)).collect();
        let sorted = match ahead {
            true => sort_manifests_read(by_path, read, parse_head),
            false => sort_manifests(by_path.iter().map(|(p, c)| (*p, c.as_str())), parse_head),
        };
        let sorted = sorted.map_err(|e| e.to_string())?;
        Ok(sorted.manifests.into_iter().map(|d| (d.head.kind, d.head.name)).collect())
    }

    #[test]
    fn heads_read_ahead_sort_and_fail_as_heads_read_after() {
        // Enough output for the reader thread; kinds out of install order.
        let padding = format!("data:\n{}", "  k: v\n".repeat(4000));
        let mut files: Vec<(String, String)> = (0..12)
            .map(|i| {
                let kind = ["Service", "ConfigMap", "Deployment"][i % 3];
                let doc = format!("apiVersion: v1\nkind: {kind}\nmetadata:\n  name: n{i}\n");
                (format!("c/templates/t{i:02}.yaml"), format!("{doc}{padding}---\n{doc}"))
            })
            .collect();
        files.push(("c/templates/_helpers.tpl".into(), "not: [yaml".into()));
        let ahead = sorted(&files, true);
        assert_eq!(ahead, sorted(&files, false));
        assert_eq!(ahead.as_ref().map(Vec::len), Ok(24));
        // Two files that do not parse: the first in path order is reported, whichever
        // was read first.
        files[9].1.push_str("---\nkey: [unclosed\n");
        files[3].1.push_str("---\nkey: {unclosed\n");
        let ahead = sorted(&files, true);
        assert_eq!(ahead, sorted(&files, false));
        assert!(
            ahead.as_ref().is_err_and(|e| e.starts_with("YAML parse error on c/templates/t03.yaml")),
            "{ahead:?}"
        );
    }
}
