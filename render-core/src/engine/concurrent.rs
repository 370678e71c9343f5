//! Template files executed on several threads at once, printing exactly what Helm's one-by-one
//! order prints.
//!
//! Helm executes a chart's files one after the other, and a file can change what a later one
//! sees only by writing to a map they share (`set .Values ...`, `set $ ...`, a `merge` into a
//! nested map of `.Values`): Go maps are shared by reference, everything else a template holds
//! is its own. So each file runs confined to the maps it makes (see
//! [`render_go::value::confined`]). A file whose run kept to its own maps, and all files before
//! it, print what they would print in order; at the first file that tried to write to a shared
//! map (or failed, or took the render past its limits), the render goes on in order from that
//! file, with the limits that the files before it spent, as if the threads had never run.
//!
//! Each file sees a map of its own for its chart's scope (`.Template` set for it, as Helm sets
//! it on the shared one before running the file), and the subcharts' scopes (`.Subcharts`) as
//! Helm's order leaves them at that point: `.Template` of each subchart is the one of its last
//! file run before.

use super::Renderable;
use crate::limits::Limits;
use crate::template::exec::Spent;
use crate::template::{Exec, FuncTable, TemplateSet, TplTrees};
use parking_lot::{Condvar, Mutex};
use render_go::value::{Map, MapType, Str, Value};
use std::collections::{BTreeMap, HashMap};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Below this much template text, one thread is quicker than starting others.
const MIN_BYTES: usize = 32 * 1024;

/// How many threads to execute `templates` on (1: one by one, in order).
pub(super) fn threads_for(templates: &[Renderable]) -> usize {
    let bytes: usize = templates.iter().map(|t| t.data.len()).sum();
    if bytes < MIN_BYTES || crate::funcs::entropy::is_seeded() {
        return 1;
    }
    crate::parallel::threads_here().min(4)
}

/// The files that ran as Helm's order would have run them: how many (from the first), and
/// what they spent of the limits.
pub(super) struct Done {
    pub count: usize,
    pub spent: Spent,
}

/// Executes `files` (non-partials, in Helm's order) on `threads` threads, showing `accept`
/// each file's output in order, as long as every file before it kept to its own maps. An
/// accepted file's `.Template` is set on its chart's shared scope, as Helm's order leaves it
/// for the files run in order after them.
pub(super) fn execute(
    set: &TemplateSet,
    funcs: &FuncTable,
    limits: &Limits,
    files: &[&Renderable],
    threads: usize,
    accept: &mut dyn FnMut(&Renderable, String),
) -> Done {
    let scopes = scopes_in_order(files);
    let board = Board {
        outcomes: Mutex::new((0..files.len()).map(|_| None).collect()),
        posted: Condvar::new(),
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
    };
    let job = Job {
        limits,
        files,
        scopes: &scopes,
        board: &board,
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            // Without another thread, this one executes every file itself.
            let _ = std::thread::Builder::new().spawn_scoped(scope, || {
                let tpl = TplTrees::default();
                let mut exec = Exec::new(set, funcs, &tpl, limits.clone());
                while job.run_next(&mut exec) {}
            });
        }
        let tpl = TplTrees::default();
        let mut exec = Exec::new(set, funcs, &tpl, limits.clone());
        let done = job.collect(&mut exec, accept);
        board.stop.store(true, Ordering::Relaxed);
        done
    })
}

/// What one file's run left.
struct Outcome {
    /// Its output, or `None` when it failed or tried to write to a map it did not make.
    output: Option<String>,
    spent: Spent,
}

/// Where the threads take files from and post their outcomes.
struct Board {
    outcomes: Mutex<Vec<Option<Outcome>>>,
    posted: Condvar,
    /// The next file nobody has taken.
    next: AtomicUsize,
    /// Set when no more files need running: one failed, or all are collected.
    stop: AtomicBool,
}

/// The outcome of file `i`, posted when this is dropped (a failure if none was set).
struct Post<'a> {
    board: &'a Board,
    i: usize,
    outcome: Option<Outcome>,
}

impl Drop for Post<'_> {
    fn drop(&mut self) {
        let outcome = self.outcome.take().unwrap_or(Outcome {
            output: None,
            spent: Spent::default(),
        });
        if outcome.output.is_none() {
            // Files after a failed one are run again in order: no need to run them now.
            self.board.stop.store(true, Ordering::Relaxed);
        }
        if let Some(slot) = self.board.outcomes.lock().get_mut(self.i) {
            *slot = Some(outcome);
        }
        self.board.posted.notify_all();
    }
}

struct Job<'a> {
    limits: &'a Limits,
    files: &'a [&'a Renderable],
    scopes: &'a [Scope],
    board: &'a Board,
}

impl Job<'_> {
    /// Takes the next file and runs it on `exec`; `false` when there was none to take.
    fn run_next(&self, exec: &mut Exec<'_>) -> bool {
        if self.board.stop.load(Ordering::Relaxed) {
            return false;
        }
        let i = self.board.next.fetch_add(1, Ordering::Relaxed);
        let (Some(file), Some(scope)) = (self.files.get(i), self.scopes.get(i)) else {
            return false;
        };
        // Posted however the run ends: a run that panics posts a failure, so that nobody
        // waits for it.
        let mut post = Post {
            board: self.board,
            i,
            outcome: None,
        };
        let before = exec.spent();
        let id = NonZeroU32::new(u32::try_from(i + 1).unwrap_or(u32::MAX)).unwrap_or(NonZeroU32::MAX);
        let data = Value::Map(scope.map.with_type(MapType::Values));
        let (result, refused) = render_go::value::confined(id, || exec.execute(&file.path, data));
        post.outcome = Some(Outcome {
            output: match (result, refused) {
                (Ok(out), false) => Some(super::finish_output(out)),
                _ => None,
            },
            spent: exec.spent().since(before),
        });
        true
    }

    /// Takes the outcomes in order, running files itself while the next outcome is not
    /// posted, until one is not accepted or all are.
    fn collect(&self, exec: &mut Exec<'_>, accept: &mut dyn FnMut(&Renderable, String)) -> Done {
        let mut done = Done {
            count: 0,
            spent: Spent::default(),
        };
        while let Some(file) = self.files.get(done.count) {
            let taken = self.board.outcomes.lock().get_mut(done.count).and_then(Option::take);
            let Some(outcome) = taken else {
                if !self.run_next(exec) {
                    let mut outcomes = self.board.outcomes.lock();
                    while outcomes.get(done.count).is_some_and(Option::is_none) {
                        self.board.posted.wait(&mut outcomes);
                    }
                }
                continue;
            };
            let spent = done.spent.plus(outcome.spent);
            match outcome.output {
                Some(output) if spent.within(self.limits) => {
                    if let Some(scope) = self.scopes.get(done.count) {
                        file.scope.insert(Str::from("Template"), scope.template.clone());
                    }
                    accept(file, output);
                    done.count += 1;
                    done.spent = spent;
                }
                _ => break,
            }
        }
        done
    }
}

/// What one file runs with: a scope map with its chart's entries, `.Template` set for the
/// file, and `.Subcharts` as Helm's order leaves the subcharts' scopes when the file runs.
/// Made here, outside any confined run, so that no file may write to it.
struct Scope {
    map: Map,
    /// The file's `.Template`.
    template: Value,
}

fn scopes_in_order(files: &[&Renderable]) -> Vec<Scope> {
    let mut charts = Charts::default();
    for f in files {
        charts.add(&f.scope);
    }
    files
        .iter()
        .map(|f| {
            let template = super::template_value(f);
            let map = charts.copy(&f.scope, Some(template.clone()));
            charts.ran(&f.scope, template.clone());
            Scope { map, template }
        })
        .collect()
}

/// The charts' scope maps, what Helm's order has set as their `.Template` so far, and the
/// copies of the subcharts' scopes reflecting that.
#[derive(Default)]
struct Charts {
    /// Each chart's parent, by scope map.
    parent: HashMap<usize, usize>,
    /// `.Template` of each chart's scope so far.
    template: HashMap<usize, Value>,
    /// A copy of each chart's `.Subcharts` as it stands now (dropped when it changes).
    subcharts: HashMap<usize, Map>,
}

impl Charts {
    /// Notes `scope` and the scopes below it.
    fn add(&mut self, scope: &Map) {
        for child in children(scope) {
            if self.parent.insert(child.id(), scope.id()).is_none() {
                self.add(&child);
            }
        }
    }

    /// Helm's order ran a file of `scope`'s chart.
    fn ran(&mut self, scope: &Map, template: Value) {
        self.template.insert(scope.id(), template);
        let mut at = scope.id();
        while let Some(&up) = self.parent.get(&at) {
            self.subcharts.remove(&up);
            at = up;
        }
    }

    /// A copy of `scope` with `.Template` as given, and its subcharts as they stand now.
    fn copy(&mut self, scope: &Map, template: Option<Value>) -> Map {
        let mut entries: BTreeMap<Str, Value> = scope.with_entries(|e| e.clone());
        entries.remove("Template");
        if let Some(template) = template {
            entries.insert(Str::from("Template"), template);
        }
        if let Some(subcharts) = self.subcharts_now(scope) {
            entries.insert(Str::from("Subcharts"), Value::Map(subcharts));
        }
        Map::from_entries(scope.map_type(), entries)
    }

    /// A copy of `scope`'s `.Subcharts` with each subchart's scope as it stands now; `None`
    /// when it has no subcharts (the empty map is shared as it is).
    fn subcharts_now(&mut self, scope: &Map) -> Option<Map> {
        let Some(Value::Map(subcharts)) = scope.get("Subcharts") else {
            return None;
        };
        if subcharts.is_empty() {
            return None;
        }
        if let Some(copy) = self.subcharts.get(&scope.id()) {
            return Some(copy.clone());
        }
        let copy = Map::new(subcharts.map_type());
        for (name, child) in subcharts.entries() {
            let child = match child {
                Value::Map(child) => {
                    let template = self.template.get(&child.id()).cloned();
                    Value::Map(self.copy(&child, template))
                }
                other => other,
            };
            copy.insert(name, child);
        }
        self.subcharts.insert(scope.id(), copy.clone());
        Some(copy)
    }
}

/// The scope maps of a chart's subcharts.
fn children(scope: &Map) -> Vec<Map> {
    match scope.get("Subcharts") {
        Some(Value::Map(subcharts)) => subcharts
            .entries()
            .into_iter()
            .filter_map(|(_, v)| match v {
                Value::Map(m) => Some(m),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Files `f0` .. in Helm's order, all of one chart whose scope holds `values`.
    fn files(texts: &[&str], values: &Map) -> (Vec<Renderable>, TemplateSet) {
        let scope = Map::from_entries(
            MapType::Any,
            [
                (Str::from("Values"), Value::Map(values.with_type(MapType::Values))),
                (Str::from("Subcharts"), Value::Map(Map::new(MapType::Any))),
            ],
        );
        let funcs = crate::funcs::helm_funcs();
        let mut set = TemplateSet::new(super::super::ROOT_TEMPLATE);
        let files: Vec<Renderable> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| Renderable {
                path: format!("c/templates/f{i}.yaml"),
                data: Arc::from(text.as_bytes()),
                scope: scope.clone(),
                base_path: "c/templates".into(),
            })
            .collect();
        for f in &files {
            let trees = super::super::parsed::parse(&f.path, &f.data, funcs).expect("parses");
            set.add_trees(trees.iter().cloned());
        }
        (files, set)
    }

    fn run(texts: &[&str], values: &Map, limits: &Limits) -> (usize, Vec<String>) {
        let (files, set) = files(texts, values);
        let refs: Vec<&Renderable> = files.iter().collect();
        let mut outputs = Vec::new();
        let done = execute(
            &set,
            crate::funcs::helm_funcs(),
            limits,
            &refs,
            3,
            &mut |_, out| outputs.push(out),
        );
        assert_eq!(done.count, outputs.len());
        (done.count, outputs)
    }

    fn values() -> Map {
        Map::from_entries(MapType::Any, [(Str::from("n"), Value::int(7))])
    }

    #[test]
    fn every_file_is_accepted_in_order_when_none_writes_shared_maps() {
        let texts: Vec<String> = (0..40)
            .map(|i| format!("{{{{ $d := dict }}}}{{{{ $_ := set $d \"k\" {i} }}}}{i}:{{{{ $d.k }}}}:{{{{ .Values.n }}}}:{{{{ .Template.Name }}}}"))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (count, outputs) = run(&texts, &values(), &Limits::default());
        assert_eq!(count, 40);
        for (i, out) in outputs.iter().enumerate() {
            assert_eq!(out, &format!("{i}:{i}:7:c/templates/f{i}.yaml"));
        }
    }

    #[test]
    fn a_write_to_a_shared_map_stops_the_files_accepted_before_it() {
        let values = values();
        let mut texts = vec!["{{ .Values.n }}"; 30];
        texts[12] = "{{ $_ := set .Values \"x\" 1 }}";
        texts[20] = "{{ $_ := set $ \"y\" 1 }}";
        let (count, outputs) = run(&texts, &values, &Limits::default());
        assert_eq!((count, outputs.len()), (12, 12));
        assert!(outputs.iter().all(|o| o == "7"));
        // The refused write was not made: the render goes on in order from file 12.
        assert!(!values.contains_key("x"));
    }

    #[test]
    fn a_failing_file_stops_the_files_accepted_before_it() {
        let mut texts = vec!["ok"; 30];
        texts[25] = "{{ fail \"later\" }}";
        texts[9] = "{{ fail \"first\" }}";
        assert_eq!(run(&texts, &values(), &Limits::default()).0, 9);
    }

    #[test]
    fn the_files_together_stay_within_the_render_limits() {
        // Each file alone fits the step budget; the first files that together exceed it
        // are where the render goes on in order (and fails as it would have).
        let texts = vec!["{{ range until 40 }}.{{ end }}"; 20];
        let (files, set) = files(&texts, &values());
        let funcs = crate::funcs::helm_funcs();
        let tpl = TplTrees::default();
        let mut exec = Exec::new(&set, funcs, &tpl, Limits::default());
        exec.execute(&files[0].path, Value::Map(files[0].scope.clone()))
            .expect("runs");
        let one = exec.spent();
        let limits = Limits::new(one.fuel * 5 + one.fuel / 2, usize::MAX, u64::MAX);
        assert_eq!(run(&texts, &values(), &limits).0, 5);
    }
}
