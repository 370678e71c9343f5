//! The executor: walks parse trees over values with Go's `text/template` semantics, in Helm's
//! mode (`missingkey=zero`).
//!
//! Go tracks the *static* type of a value while it walks a field chain: an element fetched
//! from a `map[string]interface{}` is an `interface {}` until a pipeline ends, which changes
//! error texts (`can't evaluate field x in type interface {}`) and what a nil does
//! (`nil pointer evaluating interface {}.x`). [`Val`] carries that bit.

use super::ast::*;
use super::error::{CallError, TemplateError};
use super::reads::{ReadLog, Reads};
use super::set::{Namespace, TemplateSet, TplTrees};
use crate::limits::{Limits, MAX_TEMPLATE_CALL_DEPTH};
use crate::template::{FuncKind, FuncRef, FuncTable};
use render_go::fmt as gofmt;
use render_go::recursion::grow;
use render_go::value::{IntType, ListType, MapType, Method, Param, Str, Value};
use std::collections::HashMap;

/// Go's `maxExecDepth`.
pub const MAX_EXEC_DEPTH: usize = 100_000;
/// Helm's limit on nested `include`s of one name.
pub const MAX_INCLUDE_REPEATS: usize = 1000;

/// A value with the static-type bit Go's reflection keeps during field chains.
#[derive(Clone, Debug, Default)]
pub struct Val {
    /// The dynamic value; `Nil` with `iface == false` is Go's invalid "no value".
    pub v: Value,
    /// Whether the static type is `interface {}`.
    pub iface: bool,
}

impl Val {
    fn concrete(v: Value) -> Val {
        Val { v, iface: false }
    }

    /// Go's `value.Elem()` on interface values at the end of a pipeline command.
    fn dig(self) -> Val {
        Val {
            v: self.v,
            iface: false,
        }
    }

    fn is_invalid(&self) -> bool {
        !self.iface && self.v.is_nil()
    }

    /// The type name as Go's errors print it (`interface {}` for interface-typed values).
    fn static_type(&self) -> &str {
        if self.iface {
            "interface {}"
        } else {
            self.v.type_name()
        }
    }
}

/// Whether elements of a container are interface-typed in Go.
fn list_elem_iface(t: ListType) -> bool {
    matches!(t, ListType::Any)
}

fn map_elem_iface(t: MapType) -> bool {
    !matches!(t, MapType::String)
}

/// The node Go's `state.at` last recorded, for error locations and contexts.
#[derive(Clone, Copy)]
enum At<'a> {
    None,
    Node(&'a Node),
    Pipe(&'a PipeNode),
    Cmd(&'a CommandNode),
    Arg(&'a Arg),
    Var(&'a VariableNode),
}

impl At<'_> {
    fn pos(&self) -> Option<Pos> {
        Some(match self {
            At::None => return None,
            At::Node(n) => match n {
                Node::Text { pos, .. } | Node::Break(pos) | Node::Continue(pos) => *pos,
                Node::Action(a) => a.pos,
                Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
                Node::Template(t) => t.pos,
            },
            At::Pipe(p) => p.pos,
            At::Cmd(c) => c.pos,
            At::Arg(a) => a.pos(),
            At::Var(v) => v.pos,
        })
    }

    /// The node re-printed from `src`, the text of the tree it belongs to.
    fn context(&self, src: &str) -> String {
        match self {
            At::None => String::new(),
            At::Node(n) => n.with(src).to_string(),
            At::Pipe(p) => p.with(src).to_string(),
            At::Cmd(c) => c.with(src).to_string(),
            At::Arg(a) => a.with(src).to_string(),
            At::Var(v) => v.with(src).to_string(),
        }
    }
}

/// How a walk ended: normally, or by `{{break}}` / `{{continue}}`.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Flow {
    Normal,
    Break,
    Continue,
}

type R<T> = Result<T, TemplateError>;

/// What executions took from a render's [`Limits`]: steps and bytes of function results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Spent {
    pub fuel: u64,
    pub alloc: u64,
}

impl Spent {
    /// Both together.
    pub(crate) fn plus(self, other: Spent) -> Spent {
        Spent {
            fuel: self.fuel.saturating_add(other.fuel),
            alloc: self.alloc.saturating_add(other.alloc),
        }
    }

    /// What was spent since `before`.
    pub(crate) fn since(self, before: Spent) -> Spent {
        Spent {
            fuel: self.fuel.saturating_sub(before.fuel),
            alloc: self.alloc.saturating_sub(before.alloc),
        }
    }

    /// Whether an execution that spent this much in one go stays within `limits` (fuel runs
    /// out at the step after the last one, memory at the byte after the budget).
    pub(crate) fn within(self, limits: &Limits) -> bool {
        self.fuel <= limits.fuel && self.alloc <= limits.max_alloc
    }
}

/// The names of a field chain, in order.
type FieldNames<'s> = super::ast::Dotted<'s>;

/// An execution in progress. Functions receive it to run templates (`include`, `tpl`).
pub struct Exec<'a> {
    set: &'a TemplateSet,
    funcs: &'a FuncTable,
    tpl_trees: &'a TplTrees,
    /// `tpl` namespaces in effect, innermost last.
    layers: Vec<&'a Namespace>,
    tmpl: &'a Tree,
    at: At<'a>,
    /// Variables in scope, innermost last; names point into the trees' sources.
    vars: Vec<(&'a str, Val)>,
    depth: usize,
    /// Templates running inside one another: `include`, `tpl` and `{{template}}` together.
    calls: usize,
    out: String,
    include_counts: HashMap<Str, usize>,
    fuel: u64,
    /// Bytes function results have held so far (see [`Limits::max_alloc`]).
    alloc: u64,
    limits: Limits,
    /// What the run read of its maps, when recording (see [`ReadLog`]).
    reads: Option<ReadLog>,
}

impl<'a> Exec<'a> {
    /// Prepares an execution over `set`.
    pub fn new(
        set: &'a TemplateSet,
        funcs: &'a FuncTable,
        tpl_trees: &'a TplTrees,
        limits: Limits,
    ) -> Exec<'a> {
        Exec {
            set,
            funcs,
            tpl_trees,
            layers: Vec::new(),
            tmpl: set.root_tree(),
            at: At::None,
            vars: Vec::new(),
            depth: 0,
            calls: 0,
            out: String::new(),
            include_counts: HashMap::new(),
            fuel: limits.fuel,
            alloc: 0,
            limits,
            reads: None,
        }
    }

    /// What the executions so far have spent of the limits.
    pub(crate) fn spent(&self) -> Spent {
        Spent {
            fuel: self.limits.fuel.saturating_sub(self.fuel),
            alloc: self.alloc,
        }
    }

    /// Counts `spent` as spent already: what executions elsewhere took from the same
    /// render's limits.
    pub(crate) fn charge(&mut self, spent: Spent) {
        self.fuel = self.fuel.saturating_sub(spent.fuel);
        self.alloc = self.alloc.saturating_add(spent.alloc);
    }

    /// Records from now on what templates read of the maps they see.
    pub fn record_reads(&mut self) {
        self.reads.get_or_insert_with(ReadLog::default);
    }

    /// The reads recorded so far, if recording.
    pub fn take_reads(&mut self) -> Option<ReadLog> {
        self.reads.take()
    }

    /// Executes the named template with `data` as dot and `$` (Go's `ExecuteTemplate`).
    pub fn execute(&mut self, name: &str, data: Value) -> Result<String, TemplateError> {
        let Some(tree) = self.lookup(name) else {
            return Err(TemplateError::NoTemplate {
                name: Str::from(name),
                assoc: self.set.root_name().clone(),
            });
        };
        self.run_tree(tree, data)
    }

    /// Runs a tree in a fresh state (Go's `Template.Execute`), returning its output.
    /// Our limit on templates running inside one another (see [`MAX_TEMPLATE_CALL_DEPTH`]).
    fn call_depth_exceeded(&self) -> Option<String> {
        (self.calls >= MAX_TEMPLATE_CALL_DEPTH).then(|| {
            format!(
                "templates nested deeper than {MAX_TEMPLATE_CALL_DEPTH} levels \
                 (include, tpl and template calls inside one another)"
            )
        })
    }

    fn run_tree(&mut self, tree: &'a Tree, data: Value) -> Result<String, TemplateError> {
        let dot = Val::concrete(data);
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$", dot.clone())]);
        let saved_tmpl = std::mem::replace(&mut self.tmpl, tree);
        let saved_depth = std::mem::replace(&mut self.depth, 0);
        let saved_at = std::mem::replace(&mut self.at, At::None);
        // A whole file's output is about as long as its text (and grown in place
        // otherwise); `include`d templates start small.
        let fresh = match self.calls {
            0 => String::with_capacity(tree.text().len()),
            _ => String::new(),
        };
        let saved_out = std::mem::replace(&mut self.out, fresh);
        self.calls += 1;
        let r = grow(|| self.walk_list(&dot, &tree.root));
        self.calls -= 1;
        let out = std::mem::replace(&mut self.out, saved_out);
        self.vars = saved_vars;
        self.tmpl = saved_tmpl;
        self.depth = saved_depth;
        self.at = saved_at;
        r.map(|_| out)
    }

    /// Finds a template in the current namespace: `tpl` layers over the set. An empty
    /// definition never hides a non-empty one (Go's `associate`).
    fn lookup(&self, name: &str) -> Option<&'a Tree> {
        let mut empty = None;
        for layer in self.layers.iter().rev() {
            if let Some(t) = layer.get(name) {
                if !t.is_empty() || (layer.main().is_some_and(|m| std::ptr::eq(m, t))) {
                    return Some(t);
                }
                empty.get_or_insert(t);
            }
        }
        self.set.get(name).or(empty)
    }

    /// Helm's `include`: runs the named template into a string, counting nesting per name.
    pub fn include(&mut self, name: &str, data: Value) -> Result<String, CallError> {
        let count = self.include_counts.entry(Str::from(name)).or_insert(0);
        if *count > MAX_INCLUDE_REPEATS {
            return Err(CallError::msg(format!(
                "rendering template has a nested reference name: {name}: unable to execute template"
            )));
        }
        *count += 1;
        let r = match self.call_depth_exceeded() {
            Some(msg) => Err(CallError::msg(msg)),
            None => self
                .execute(name, data)
                .map_err(|e| CallError::Template(Box::new(e))),
        };
        if let Some(c) = self.include_counts.get_mut(name) {
            *c -= 1;
        }
        r
    }

    /// Helm's `tpl`: parses `text` as a template (named like the root, `gotpl`) that sees the
    /// current templates, and runs it with `data`.
    pub fn tpl(&mut self, text: &str, data: Value) -> Result<String, CallError> {
        let ns = match self
            .tpl_trees
            .get_or_parse(self.set.root_name(), text, self.funcs)
        {
            Ok(ns) => ns,
            Err(e) => {
                return Err(CallError::Wrap {
                    prefix: format!(
                        "cannot parse template {}: ",
                        render_go::strconv::quote(text)
                    ),
                    source: Box::new(e),
                });
            }
        };
        let Some(main) = ns.main() else {
            return Ok(String::new());
        };
        if let Some(msg) = self.call_depth_exceeded() {
            return Err(CallError::msg(msg));
        }
        self.layers.push(ns);
        let r = self.run_tree(main, data);
        self.layers.pop();
        match r {
            Ok(s) => Ok(strip_no_value(s)),
            Err(e) => Err(CallError::Wrap {
                prefix: format!(
                    "error during tpl function execution for {}: ",
                    render_go::strconv::quote(text)
                ),
                source: Box::new(e),
            }),
        }
    }

    // ---- errors ----

    fn errorf<T>(&self, msg: impl Into<String>) -> R<T> {
        Err(self.make_error(msg.into(), None))
    }

    fn make_error(&self, msg: String, cause: Option<CallError>) -> TemplateError {
        match self.at.pos() {
            None => TemplateError::ExecNoNode {
                name: self.tmpl.name.clone(),
                msg,
            },
            Some(pos) => TemplateError::Exec {
                location: self.tmpl.source.location(pos),
                name: self.tmpl.name.clone(),
                context: self.at.context(self.tmpl.text()),
                msg,
                cause: cause.map(Box::new),
            },
        }
    }

    /// Counts memory a function returned against [`Limits::max_alloc`].
    fn charge_alloc(&mut self, bytes: u64) -> R<()> {
        self.alloc = self.alloc.saturating_add(bytes);
        if self.alloc > self.limits.max_alloc {
            return self.errorf(format!(
                "template functions returned more than {} bytes in total, the render's memory budget",
                self.limits.max_alloc
            ));
        }
        Ok(())
    }

    fn burn(&mut self) -> R<()> {
        if self.fuel == 0 {
            return self.errorf("template execution exceeded its step budget");
        }
        self.fuel -= 1;
        Ok(())
    }

    // ---- walking ----

    fn walk_list(&mut self, dot: &Val, list: &'a ListNode) -> R<Flow> {
        for node in &list.nodes {
            let f = self.walk(dot, node)?;
            if f != Flow::Normal {
                return Ok(f);
            }
        }
        Ok(Flow::Normal)
    }

    fn walk(&mut self, dot: &Val, node: &'a Node) -> R<Flow> {
        self.at = At::Node(node);
        self.burn()?;
        match node {
            Node::Text { span, .. } => {
                self.out.push_str(span.get(self.tmpl.text()));
                if self.out.len() > self.limits.max_output {
                    return self.errorf("template output exceeds the output budget");
                }
            }
            Node::Action(a) => {
                let v = self.eval_pipeline(dot, &a.pipe)?;
                if a.pipe.decl.is_empty() {
                    self.at = At::Node(node);
                    self.print_value(&v)?;
                    if self.out.len() > self.limits.max_output {
                        return self.errorf("template output exceeds the output budget");
                    }
                }
            }
            Node::If(b) => return grow(|| self.walk_if_or_with(false, dot, b)),
            Node::With(b) => return grow(|| self.walk_if_or_with(true, dot, b)),
            Node::Range(b) => return grow(|| self.walk_range(dot, node, b)),
            Node::Template(t) => {
                self.walk_template(dot, node, t)?;
            }
            Node::Break(_) => return Ok(Flow::Break),
            Node::Continue(_) => return Ok(Flow::Continue),
        }
        Ok(Flow::Normal)
    }

    fn print_value(&mut self, v: &Val) -> R<()> {
        if let Some(log) = &mut self.reads {
            log.whole(&v.v);
        }
        match &v.v {
            Value::Nil => self.out.push_str("<no value>"),
            Value::Object(o) => o.write_template(&mut self.out),
            other => {
                if let Err(c) = gofmt::write_value(&mut self.out, other) {
                    return self.errorf(c.endless("fmt"));
                }
            }
        }
        Ok(())
    }

    fn walk_if_or_with(&mut self, with: bool, dot: &Val, b: &'a BranchNode) -> R<Flow> {
        let mark = self.vars.len();
        let r = (|| {
            let val = self.eval_pipeline(dot, &b.pipe)?;
            if let Some(log) = &mut self.reads {
                log.truth(&val.v);
            }
            if val.v.is_true() {
                if with {
                    self.walk_list(&val, &b.list)
                } else {
                    self.walk_list(dot, &b.list)
                }
            } else if let Some(e) = &b.else_list {
                self.walk_list(dot, e)
            } else {
                Ok(Flow::Normal)
            }
        })();
        self.vars.truncate(mark);
        r
    }

    fn walk_range(&mut self, dot: &Val, node: &'a Node, r: &'a BranchNode) -> R<Flow> {
        self.at = At::Node(node);
        let mark = self.vars.len();
        let res = self.walk_range_inner(dot, r);
        self.vars.truncate(mark);
        res.map(|_| Flow::Normal)
    }

    fn walk_range_inner(&mut self, dot: &Val, r: &'a BranchNode) -> R<()> {
        let val = self.eval_pipeline(dot, &r.pipe)?;
        let mark = self.vars.len();
        let ndecl = r.pipe.decl.len();
        let mut ran = false;
        macro_rules! iterate {
            ($index:expr, $elem:expr) => {{
                ran = true;
                if self.one_iteration(r, mark, $index, $elem)? == Flow::Break {
                    return Ok(());
                }
            }};
        }
        match &val.v {
            Value::Int(n, t) => {
                if ndecl > 1 {
                    return self.errorf(format!(
                        "can't use {} to iterate over more than one variable",
                        val.v
                    ));
                }
                let n = if t.is_unsigned() && *n < 0 {
                    i64::MAX
                } else {
                    *n
                };
                for i in 0..n.max(0) {
                    iterate!(Val::default(), Val::concrete(Value::Int(i, *t)));
                }
            }
            Value::List(items, t) => {
                let iface = list_elem_iface(*t);
                for (i, item) in items.iter().enumerate() {
                    iterate!(
                        Val::concrete(Value::int(i as i64)),
                        Val {
                            v: item.clone(),
                            iface
                        }
                    );
                }
            }
            Value::Bytes(b) => {
                for (i, x) in b.iter().enumerate() {
                    iterate!(
                        Val::concrete(Value::int(i as i64)),
                        Val::concrete(Value::Int(*x as i64, IntType::Uint8))
                    );
                }
            }
            Value::Map(m) => {
                if let Some(log) = &mut self.reads {
                    log.key_set(&val.v);
                }
                let iface = map_elem_iface(m.map_type());
                for (k, v) in m.entries() {
                    iterate!(Val::concrete(Value::Str(k)), Val { v, iface });
                }
            }
            Value::Nil => {}
            Value::Object(o) => match o.range_entries() {
                Some(entries) => {
                    for (k, v) in entries {
                        iterate!(Val::concrete(k), Val::concrete(v));
                    }
                }
                None => {
                    return self.errorf(format!("range can't iterate over {}", val.v));
                }
            },
            other => {
                return self.errorf(format!("range can't iterate over {other}"));
            }
        }
        if !ran && let Some(e) = &r.else_list {
            self.walk_list(dot, e)?;
        }
        Ok(())
    }

    fn one_iteration(&mut self, r: &'a BranchNode, mark: usize, index: Val, elem: Val) -> R<Flow> {
        self.burn()?;
        let decl = &r.pipe.decl;
        if let Some(first) = decl.first() {
            if r.pipe.is_assign {
                let src = self.tmpl.text();
                let value = if decl.len() > 1 { &index } else { &elem };
                self.set_var(first.name(src), value.clone())?;
            } else {
                let n = self.vars.len();
                if let Some(slot) = self.vars.get_mut(n.wrapping_sub(1)) {
                    slot.1 = elem.clone();
                }
            }
        }
        if let Some(second) = decl.get(1) {
            if r.pipe.is_assign {
                self.set_var(second.name(self.tmpl.text()), elem.clone())?;
            } else {
                let n = self.vars.len();
                if let Some(slot) = self.vars.get_mut(n.wrapping_sub(2)) {
                    slot.1 = index;
                }
            }
        }
        let f = self.walk_list(&elem, &r.list);
        self.vars.truncate(mark);
        match f? {
            Flow::Break => Ok(Flow::Break),
            _ => Ok(Flow::Normal),
        }
    }

    fn walk_template(&mut self, dot: &Val, node: &'a Node, t: &'a TemplateNode) -> R<()> {
        self.at = At::Node(node);
        let Some(tree) = self.lookup(&t.name) else {
            return self.errorf(format!(
                "template {} not defined",
                render_go::strconv::quote(&t.name)
            ));
        };
        if self.depth >= MAX_EXEC_DEPTH {
            return self.errorf(format!(
                "exceeded maximum template depth ({MAX_EXEC_DEPTH})"
            ));
        }
        if let Some(msg) = self.call_depth_exceeded() {
            return self.errorf(msg);
        }
        let new_dot = match &t.pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => Val::default(),
        };
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$", new_dot.clone())]);
        let saved_tmpl = std::mem::replace(&mut self.tmpl, tree);
        self.depth += 1;
        self.calls += 1;
        let r = grow(|| self.walk_list(&new_dot, &tree.root));
        self.calls -= 1;
        self.depth -= 1;
        self.tmpl = saved_tmpl;
        let mut caller_vars = saved_vars;
        std::mem::swap(&mut self.vars, &mut caller_vars);
        r.map(|_| ())
    }

    // ---- variables ----

    fn set_var(&mut self, name: &str, value: Val) -> R<()> {
        for slot in self.vars.iter_mut().rev() {
            if slot.0 == name {
                slot.1 = value;
                return Ok(());
            }
        }
        self.errorf(format!("undefined variable: {name}"))
    }

    fn var_value(&self, name: &str) -> R<Val> {
        for slot in self.vars.iter().rev() {
            if slot.0 == name {
                return Ok(slot.1.clone());
            }
        }
        self.errorf(format!("undefined variable: {name}"))
    }

    // ---- evaluation ----

    fn eval_pipeline(&mut self, dot: &Val, pipe: &'a PipeNode) -> R<Val> {
        grow(|| self.eval_pipeline_here(dot, pipe))
    }

    fn eval_pipeline_here(&mut self, dot: &Val, pipe: &'a PipeNode) -> R<Val> {
        self.at = At::Pipe(pipe);
        let mut value: Option<Val> = None;
        for cmd in &pipe.cmds {
            let v = self.eval_command(dot, cmd, value.take())?;
            value = Some(v.dig());
        }
        let value = value.unwrap_or_default();
        let src = self.tmpl.text();
        for var in &pipe.decl {
            if pipe.is_assign {
                self.set_var(var.name(src), value.clone())?;
            } else {
                self.vars.push((var.name(src), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &'a [Arg], has_final: bool) -> R<()> {
        if args.len() > 1 || has_final {
            let first = args
                .first()
                .map(|a| a.with(self.tmpl.text()).to_string())
                .unwrap_or_default();
            return self.errorf(format!("can't give argument to non-function {first}"));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Val, cmd: &'a CommandNode, fin: Option<Val>) -> R<Val> {
        let Some(first) = cmd.args.first() else {
            return self.errorf("empty command");
        };
        match first {
            Arg::Field(f) => return self.eval_field_node(dot, first, f, &cmd.args, fin),
            Arg::Chain(c) => return self.eval_chain_node(dot, first, c, &cmd.args, fin),
            Arg::Identifier(id) => {
                return self.eval_function(dot, first, id, Some(cmd), &cmd.args, fin);
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, fin.is_some())?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable(v) => return self.eval_variable_node(dot, v, &cmd.args, fin),
            _ => {}
        }
        self.at = At::Arg(first);
        self.not_a_function(&cmd.args, fin.is_some())?;
        match first {
            Arg::Bool(_, b) => Ok(Val::concrete(Value::Bool(*b))),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => self.errorf("nil is not a command"),
            Arg::Number(n) => self.ideal_constant(first, n),
            Arg::String(s) => Ok(Val::concrete(Value::Str(s.text.clone()))),
            _ => self.errorf(format!(
                "can't evaluate command {}",
                render_go::strconv::quote(&first.with(self.tmpl.text()).to_string())
            )),
        }
    }

    /// A number whose type comes from its syntax (Go's `idealConstant`).
    fn ideal_constant(&mut self, arg: &'a Arg, n: &NumberNode) -> R<Val> {
        self.at = At::Arg(arg);
        let t = &n.text;
        let is_hex_int = t.len() > 2
            && (t.starts_with("0x") || t.starts_with("0X"))
            && !t.contains(['p', 'P']);
        let is_rune = t.starts_with('\'');
        if n.is_complex {
            let c = render_go::value::Complex {
                re: n.complex.0,
                im: n.complex.1,
            };
            return Ok(Val::concrete(Value::Object(std::sync::Arc::new(c))));
        }
        if n.is_float && !is_hex_int && !is_rune && t.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(Val::concrete(Value::Float(n.float64)));
        }
        if n.is_int {
            return Ok(Val::concrete(Value::int(n.int64)));
        }
        if n.is_uint {
            return self.errorf(format!("{t} overflows int"));
        }
        Ok(Val::default())
    }

    fn eval_field_node(
        &mut self,
        dot: &Val,
        arg: &'a Arg,
        f: &'a FieldNode,
        args: &'a [Arg],
        fin: Option<Val>,
    ) -> R<Val> {
        self.at = At::Arg(arg);
        let ident = f.idents(self.tmpl.text());
        self.eval_field_chain(dot, dot.clone(), arg, ident, args, fin)
    }

    fn eval_chain_node(
        &mut self,
        dot: &Val,
        arg: &'a Arg,
        c: &'a ChainNode,
        args: &'a [Arg],
        fin: Option<Val>,
    ) -> R<Val> {
        self.at = At::Arg(arg);
        if c.fields.start == c.fields.end {
            return self.errorf("internal error: no fields in evalChainNode");
        }
        if let Arg::Nil(_) = c.node {
            let shown = arg.with(self.tmpl.text());
            return self.errorf(format!("indirection through explicit nil in {shown}"));
        }
        let pipe = self.eval_arg(dot, None, &c.node)?;
        let ident = c.idents(self.tmpl.text());
        self.eval_field_chain(dot, pipe, arg, ident, args, fin)
    }

    fn eval_variable_node(
        &mut self,
        dot: &Val,
        v: &'a VariableNode,
        args: &'a [Arg],
        fin: Option<Val>,
    ) -> R<Val> {
        self.at = At::Var(v);
        let src = self.tmpl.text();
        let value = self.var_value(v.name(src))?;
        let Some(fields) = v.fields(src) else {
            self.not_a_function(args, fin.is_some())?;
            return Ok(value);
        };
        // Error contexts print the variable node itself.
        self.eval_field_chain_at(dot, value, At::Var(v), fields, args, fin)
    }

    fn eval_field_chain(
        &mut self,
        dot: &Val,
        receiver: Val,
        node: &'a Arg,
        ident: FieldNames<'a>,
        args: &'a [Arg],
        fin: Option<Val>,
    ) -> R<Val> {
        self.eval_field_chain_at(dot, receiver, At::Arg(node), ident, args, fin)
    }

    fn eval_field_chain_at(
        &mut self,
        dot: &Val,
        mut receiver: Val,
        node: At<'a>,
        ident: FieldNames<'a>,
        args: &'a [Arg],
        fin: Option<Val>,
    ) -> R<Val> {
        // Only the last field receives the arguments.
        let mut ident = ident.peekable();
        while let Some(name) = ident.next() {
            if ident.peek().is_none() {
                return self.eval_field(dot, name, node, args, fin, receiver);
            }
            receiver = self.eval_field(dot, name, node, &[], None, receiver)?;
        }
        Ok(receiver)
    }

    fn eval_field(
        &mut self,
        dot: &Val,
        field: &str,
        node: At<'a>,
        args: &'a [Arg],
        fin: Option<Val>,
        receiver: Val,
    ) -> R<Val> {
        if receiver.is_invalid() {
            return Ok(Val::default());
        }
        if receiver.iface && receiver.v.is_nil() {
            let typ = receiver.static_type();
            return self.errorf(format!("nil pointer evaluating {typ}.{field}"));
        }
        if let Some(method) = method_of(&receiver.v, field, self.funcs) {
            return self.eval_call(
                dot,
                Callee::Method(&receiver.v, field, method),
                node,
                field,
                args,
                fin,
            );
        }
        let has_args = args.len() > 1 || fin.is_some();
        match &receiver.v {
            Value::Map(m) => {
                if has_args {
                    return self.errorf(format!("{field} is not a method but has arguments"));
                }
                if let Some(log) = &mut self.reads {
                    log.key(m, field);
                }
                let iface = map_elem_iface(m.map_type());
                return Ok(match m.get(field) {
                    Some(v) => Val { v, iface },
                    None if iface => Val {
                        v: Value::Nil,
                        iface: true,
                    },
                    None => Val::concrete(Value::str("")),
                });
            }
            Value::Object(o) => {
                if let Some(v) = o.field(field) {
                    if has_args && o.kind() != render_go::value::ObjectKind::Map {
                        return self.errorf(format!(
                            "{field} has arguments but cannot be invoked as function"
                        ));
                    }
                    return Ok(Val::concrete(v));
                }
                if o.kind() == render_go::value::ObjectKind::Map {
                    if has_args {
                        return self.errorf(format!("{field} is not a method but has arguments"));
                    }
                    return Ok(Val::concrete(Value::Nil));
                }
            }
            _ => {}
        }
        let typ = receiver.static_type();
        self.errorf(format!("can't evaluate field {field} in type {typ}"))
    }

    fn eval_function(
        &mut self,
        dot: &Val,
        arg: &'a Arg,
        id: &'a IdentifierNode,
        cmd: Option<&'a CommandNode>,
        args: &'a [Arg],
        fin: Option<Val>,
    ) -> R<Val> {
        self.at = At::Arg(arg);
        let node = match cmd {
            Some(c) => At::Cmd(c),
            None => At::Arg(arg),
        };
        let name = id.name.get(self.tmpl.text());
        self.eval_call(dot, Callee::Func(&id.func), node, name, args, fin)
    }

    fn eval_call(
        &mut self,
        dot: &Val,
        callee: Callee<'_>,
        node: At<'a>,
        name: &str,
        args: &'a [Arg],
        fin: Option<Val>,
    ) -> R<Val> {
        // The first word is the function or method itself.
        let args: &'a [Arg] = args.get(1..).unwrap_or_default();
        let sig = callee.sig();
        let num_in = args.len() + usize::from(fin.is_some());
        let mut num_fixed = args.len();
        if sig.variadic.is_some() {
            num_fixed = sig.params.len();
            if num_in < num_fixed {
                return self.errorf(format!(
                    "wrong number of args for {name}: want at least {} got {}",
                    sig.params.len(),
                    args.len()
                ));
            }
        } else if num_in != sig.params.len() {
            return self.errorf(format!(
                "wrong number of args for {name}: want {} got {num_in}",
                sig.params.len()
            ));
        }
        if let Some(why) = sig.unusable {
            return self.errorf(why);
        }
        if let Callee::Func(f) = callee
            && matches!(f.kind, FuncKind::And | FuncKind::Or)
        {
            let is_or = f.kind == FuncKind::Or;
            let mut v = Val::default();
            for a in args {
                v = self.eval_arg(dot, Some(Param::Reflect), a)?;
                if let Some(log) = &mut self.reads {
                    log.truth(&v.v);
                }
                if v.v.is_true() == is_or {
                    return Ok(v);
                }
            }
            if let Some(fin) = fin {
                v = self.validate_type(fin, Some(Param::Reflect))?;
                if let Some(log) = &mut self.reads {
                    log.truth(&v.v);
                }
            }
            return Ok(v);
        }
        let mut argv: Vec<Value> = Vec::with_capacity(num_in);
        let (fixed_args, rest_args) = args.split_at(num_fixed.min(args.len()));
        for (arg, &param) in fixed_args.iter().zip(sig.params) {
            let v = self.eval_arg(dot, Some(param), arg)?;
            if v.iface
                && v.v.is_nil()
                && matches!(callee, Callee::Func(f) if f.kind == FuncKind::Len)
            {
                self.at = node;
                let e = CallError::msg("len of nil pointer");
                return Err(self.make_error(format!("error calling {name}: "), Some(e)));
            }
            argv.push(v.v);
        }
        if let Some(vt) = sig.variadic {
            for arg in rest_args {
                argv.push(self.eval_arg(dot, Some(vt), arg)?.v);
            }
        }
        if let Some(fin) = fin {
            let t = match sig.variadic {
                Some(vt) if num_in > num_fixed => vt,
                _ => sig.params.get(num_in - 1).copied().unwrap_or(Param::Any),
            };
            argv.push(self.validate_type(fin, Some(t))?.v);
        }
        if let Some(log) = &mut self.reads {
            match callee {
                Callee::Func(f) => f.reads.record(&argv, log),
                Callee::Method(recv @ Value::Map(_), m, _) => match self.funcs.methods() {
                    Some(methods) => (methods.reads)(recv, m, &argv, log),
                    None => log.whole(recv),
                },
                Callee::Method(..) => Reads::All.record(&argv, log),
            }
        }
        let result = match callee {
            Callee::Func(f) => {
                if f.kind == FuncKind::Call {
                    let callee_name = match args.first() {
                        Some(a) => a.with(self.tmpl.text()).to_string(),
                        None => String::new(),
                    };
                    Err(call_builtin_error(&callee_name, argv.first()))
                } else {
                    (f.imp)(self, &argv)
                }
            }
            Callee::Method(recv, m, _) => call_method(recv, m, &argv, self.funcs),
        };
        match result {
            Ok(_) if render_go::value::write_refused() => {
                self.at = node;
                self.errorf(format!(
                    "{name} wrote to a map this template does not own (run again in order)"
                ))
            }
            Ok(v) => {
                self.charge_alloc(crate::limits::new_bytes(&v))?;
                Ok(Val::concrete(v))
            }
            Err(e) => {
                self.at = node;
                Err(self.make_error(format!("error calling {name}: "), Some(e)))
            }
        }
    }

    /// Go's `validateType`: checks `value` against a parameter type (`None`: no type).
    fn validate_type(&self, value: Val, typ: Option<Param>) -> R<Val> {
        let Some(typ) = typ else {
            return Ok(value);
        };
        if value.is_invalid() {
            if can_be_nil(typ) {
                return Ok(Val::default());
            }
            return self.errorf(format!("invalid value; expected {}", typ.go_name()));
        }
        if matches!(typ, Param::Reflect | Param::Any) {
            return Ok(value);
        }
        if assignable(&value.v, typ) && !(value.iface && value.v.is_nil()) {
            return Ok(Val::concrete(value.v));
        }
        let got = if value.iface && value.v.is_nil() {
            "interface {}".to_string()
        } else {
            value.v.type_name().to_string()
        };
        self.errorf(format!(
            "wrong type for value; expected {}; got {got}",
            typ.go_name()
        ))
    }

    /// Go's `evalArg`: evaluates an argument node for a parameter of type `typ`.
    fn eval_arg(&mut self, dot: &Val, typ: Option<Param>, n: &'a Arg) -> R<Val> {
        self.at = At::Arg(n);
        match n {
            Arg::Dot(_) => return self.validate_type(dot.clone(), typ),
            Arg::Nil(_) => {
                return match typ {
                    Some(t) if can_be_nil(t) => Ok(Val::default()),
                    Some(t) => self.errorf(format!("cannot assign nil to {}", t.go_name())),
                    None => Ok(Val::default()),
                };
            }
            Arg::Field(f) => {
                let v = self.eval_field_node(dot, n, f, std::slice::from_ref(n), None)?;
                return self.validate_type(v, typ);
            }
            Arg::Variable(v) => {
                let val = self.eval_variable_node(dot, v, &[], None)?;
                return self.validate_type(val, typ);
            }
            Arg::Pipe(p) => {
                let v = self.eval_pipeline(dot, p)?;
                return self.validate_type(v, typ);
            }
            Arg::Identifier(id) => {
                let v = self.eval_function(dot, n, id, None, &[], None)?;
                return self.validate_type(v, typ);
            }
            Arg::Chain(c) => {
                let v = self.eval_chain_node(dot, n, c, &[], None)?;
                return self.validate_type(v, typ);
            }
            _ => {}
        }
        let Some(typ) = typ else {
            return self.eval_empty_interface(dot, n);
        };
        match typ {
            Param::Bool => match n {
                Arg::Bool(_, b) => Ok(Val::concrete(Value::Bool(*b))),
                _ => self.errorf(format!("expected bool; found {}", n.with(self.tmpl.text()))),
            },
            Param::Float64 => match n {
                Arg::Number(num) if num.is_float => Ok(Val::concrete(Value::Float(num.float64))),
                _ => self.errorf(format!(
                    "expected float; found {}",
                    n.with(self.tmpl.text())
                )),
            },
            Param::Int | Param::Int64 | Param::Duration => match n {
                Arg::Number(num) if num.is_int => {
                    let t = match typ {
                        Param::Int => IntType::Int,
                        Param::Duration => IntType::Duration,
                        _ => IntType::Int64,
                    };
                    Ok(Val::concrete(Value::Int(num.int64, t)))
                }
                _ => self.errorf(format!(
                    "expected integer; found {}",
                    n.with(self.tmpl.text())
                )),
            },
            // reflect's SetUint truncates to the parameter's width.
            Param::Uint32 => match n {
                Arg::Number(num) if num.is_uint => Ok(Val::concrete(Value::Int(
                    i64::from(num.uint64 as u32),
                    IntType::Uint32,
                ))),
                _ => self.errorf(format!(
                    "expected unsigned integer; found {}",
                    n.with(self.tmpl.text())
                )),
            },
            Param::String => match n {
                Arg::String(s) => Ok(Val::concrete(Value::Str(s.text.clone()))),
                _ => self.errorf(format!(
                    "expected string; found {}",
                    n.with(self.tmpl.text())
                )),
            },
            Param::Any | Param::Reflect => self.eval_empty_interface(dot, n),
            Param::ListAny | Param::ListString | Param::MapAny | Param::Bytes | Param::Named(_) => {
                self.errorf(format!(
                    "can't handle {} for arg of type {}",
                    n.with(self.tmpl.text()),
                    typ.go_name()
                ))
            }
        }
    }

    fn eval_empty_interface(&mut self, dot: &Val, n: &'a Arg) -> R<Val> {
        self.at = At::Arg(n);
        match n {
            Arg::Bool(_, b) => Ok(Val::concrete(Value::Bool(*b))),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Number(num) => self.ideal_constant(n, num),
            Arg::String(s) => Ok(Val::concrete(Value::Str(s.text.clone()))),
            _ => self.errorf(format!(
                "can't handle assignment of {} to empty interface argument",
                n.with(self.tmpl.text())
            )),
        }
    }
}

/// What is being called: a function from the table, or a method of a value.
#[derive(Clone, Copy)]
enum Callee<'v> {
    Func(&'v FuncRef),
    Method(&'v Value, &'v str, Method),
}

impl Callee<'_> {
    fn sig(&self) -> Method {
        match self {
            Callee::Func(f) => f.sig,
            Callee::Method(_, _, m) => *m,
        }
    }
}

/// Methods Go finds on our value types before looking at fields or map keys: an object's own,
/// those of `time`'s named integers, and those of the table's library types.
fn method_of(v: &Value, name: &str, funcs: &FuncTable) -> Option<Method> {
    match v {
        Value::Object(o) => o.method(name),
        Value::Int(_, t) => render_go::time::int_method(*t, name),
        _ => funcs.methods().and_then(|m| (m.find)(v, name)),
    }
}

fn call_method(
    recv: &Value,
    name: &str,
    args: &[Value],
    funcs: &FuncTable,
) -> Result<Value, CallError> {
    match recv {
        Value::Object(o) => o.call(name, args).map_err(CallError::Msg),
        Value::Int(i, t) => {
            render_go::time::call_int_method(*i, *t, name, args).map_err(CallError::Msg)
        }
        _ => match funcs.methods() {
            Some(m) => (m.call)(recv, name, args),
            None => Err(CallError::msg(format!("no method {name}"))),
        },
    }
}

/// Go's `call` builtin: templates cannot hold Go functions, so it always fails as Go does
/// for a nil or non-function first argument.
fn call_builtin_error(name: &str, f: Option<&Value>) -> CallError {
    match f {
        None | Some(Value::Nil) => CallError::msg("call of nil"),
        Some(v) => CallError::msg(format!("non-function {name} of type {}", v.type_name())),
    }
}

/// Go's `canBeNil` for our parameter types.
fn can_be_nil(t: Param) -> bool {
    matches!(
        t,
        Param::Any
            | Param::Reflect
            | Param::ListAny
            | Param::ListString
            | Param::MapAny
            | Param::Bytes
    ) || matches!(t, Param::Named(name) if name.starts_with('*'))
}

/// Go's `AssignableTo` for a dynamic value and a parameter type.
fn assignable(v: &Value, t: Param) -> bool {
    match t {
        Param::Any | Param::Reflect => true,
        Param::String => matches!(v, Value::Str(_)),
        Param::Int => matches!(v, Value::Int(_, IntType::Int)),
        Param::Int64 => matches!(v, Value::Int(_, IntType::Int64)),
        Param::Float64 => matches!(v, Value::Float(_)),
        Param::Bool => matches!(v, Value::Bool(_)),
        Param::ListAny => matches!(v, Value::List(_, ListType::Any)),
        Param::ListString => matches!(v, Value::List(_, ListType::String)),
        Param::MapAny => matches!(v, Value::Map(m) if m.map_type() != MapType::String),
        Param::Bytes => matches!(v, Value::Bytes(_)),
        Param::Uint32 => matches!(v, Value::Int(_, IntType::Uint32)),
        Param::Duration => matches!(v, Value::Int(_, IntType::Duration)),
        Param::Named(name) => v.type_name() == name,
    }
}

/// Executes `name` from `set` over `data` and returns the output (no Helm post-processing).
pub fn execute(
    set: &TemplateSet,
    funcs: &FuncTable,
    name: &str,
    data: Value,
) -> Result<String, TemplateError> {
    let tpl = TplTrees::default();
    let mut exec = Exec::new(set, funcs, &tpl, Limits::default());
    exec.execute(name, data)
}

/// Helm's post-processing of rendered text: every `<no value>` is removed. Most outputs have
/// none, and those come back without a copy.
pub(crate) fn strip_no_value(out: String) -> String {
    const NEEDLE: &[u8] = b"<no value>";
    let mut found = memchr::memmem::find_iter(out.as_bytes(), NEEDLE).peekable();
    if found.peek().is_none() {
        return out;
    }
    let mut kept = String::with_capacity(out.len());
    let mut from = 0;
    for at in found {
        kept.push_str(out.get(from..at).unwrap_or_default());
        from = at + NEEDLE.len();
    }
    kept.push_str(out.get(from..).unwrap_or_default());
    kept
}
