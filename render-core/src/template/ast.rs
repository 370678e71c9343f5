//! Parse trees. `Display` re-prints a node the way Go's `Node.String()` does; Go puts that text
//! in execution errors (`executing "x" at <.Values.a.b>: ...`).

use crate::template::FuncRef;
use render_go::value::Str;
use std::fmt;
use std::sync::Arc;

/// Byte offset into the template source.
pub type Pos = u32;

/// A range of the template source. Names and text point into the source instead of owning
/// copies, so parsing allocates little and trees free quickly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span from byte `start` to byte `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The text the span covers in `src`.
    pub fn get(self, src: &str) -> &str {
        src.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// The text a set of trees was parsed from; nodes point into it by byte offset.
#[derive(Debug)]
pub struct Source {
    /// The top-level template name during parsing (Go's `ParseName`): the file for a file's
    /// `define`s.
    pub name: Str,
    /// The full text.
    pub text: Arc<str>,
}

impl Source {
    /// Go's `ErrorContext` location of a node.
    pub fn location(&self, pos: Pos) -> Position {
        let pos = (pos as usize).min(self.text.len());
        let before = self.text.get(..pos).unwrap_or("");
        let (line, col) = match before.rfind('\n') {
            Some(nl) => (before.matches('\n').count() + 1, pos - (nl + 1)),
            None => (1, pos),
        };
        Position {
            name: self.name.clone(),
            line,
            col,
        }
    }
}

/// A node's place as Go's `ErrorContext` gives it; displays as `name:line:col`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The template's name (its file for a file's templates).
    pub name: Str,
    /// 1-based line.
    pub line: usize,
    /// 0-based byte column, as Go counts it.
    pub col: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.name, self.line, self.col)
    }
}

/// One named template.
#[derive(Debug)]
pub struct Tree {
    /// The template's name.
    pub name: Str,
    /// Where its nodes came from.
    pub source: Arc<Source>,
    /// The body, shared by the copies of a file parsed once under several names (an aliased
    /// subchart's).
    pub root: Arc<ListNode>,
}

impl Tree {
    /// Go's `parse.IsEmptyTree`: only whitespace text (and comments).
    pub fn is_empty(&self) -> bool {
        self.root.nodes.iter().all(|n| match n {
            Node::Text { span, .. } => span.get(&self.source.text).trim().is_empty(),
            _ => false,
        })
    }

    /// The source text this tree's spans point into.
    pub fn text(&self) -> &str {
        &self.source.text
    }
}

/// A sequence of nodes.
#[derive(Debug, Default)]
pub struct ListNode {
    /// The nodes in order.
    pub nodes: Vec<Node>,
}

/// A node in a list.
#[derive(Debug)]
pub enum Node {
    /// Plain text.
    Text {
        /// Position.
        pos: Pos,
        /// The text (after trimming).
        span: Span,
    },
    /// `{{pipeline}}`.
    Action(ActionNode),
    /// `{{if}}`.
    If(Box<BranchNode>),
    /// `{{range}}`.
    Range(Box<BranchNode>),
    /// `{{with}}`.
    With(Box<BranchNode>),
    /// `{{template "name" pipeline}}`.
    Template(Box<TemplateNode>),
    /// `{{break}}`.
    Break(Pos),
    /// `{{continue}}`.
    Continue(Pos),
}

/// `{{pipeline}}`.
#[derive(Debug)]
pub struct ActionNode {
    /// Position.
    pub pos: Pos,
    /// The pipeline.
    pub pipe: PipeNode,
}

/// `if`, `range` and `with`.
#[derive(Debug)]
pub struct BranchNode {
    /// Position.
    pub pos: Pos,
    /// The condition or range source.
    pub pipe: PipeNode,
    /// The body.
    pub list: ListNode,
    /// The `{{else}}` body.
    pub else_list: Option<ListNode>,
}

/// `{{template "name" pipeline}}` (also what `block` leaves in place).
#[derive(Debug)]
pub struct TemplateNode {
    /// Position.
    pub pos: Pos,
    /// Template name.
    pub name: Str,
    /// The data pipeline.
    pub pipe: Option<PipeNode>,
}

/// A pipeline with optional variable declarations.
#[derive(Debug)]
pub struct PipeNode {
    /// Position.
    pub pos: Pos,
    /// `=` rather than `:=`.
    pub is_assign: bool,
    /// Declared or assigned variables.
    pub decl: Vec<VariableNode>,
    /// The commands.
    pub cmds: Vec<CommandNode>,
}

/// One command of a pipeline.
#[derive(Debug)]
pub struct CommandNode {
    /// Position.
    pub pos: Pos,
    /// The operands; the first is the function, field or value.
    pub args: Vec<Arg>,
}

/// An operand.
#[derive(Debug)]
pub enum Arg {
    /// `.a.b`.
    Field(FieldNode),
    /// `$x.a`.
    Variable(VariableNode),
    /// `(pipe).a` or `fn.a`.
    Chain(Box<ChainNode>),
    /// A function name.
    Identifier(IdentifierNode),
    /// `.`.
    Dot(Pos),
    /// `nil`.
    Nil(Pos),
    /// `true` / `false`.
    Bool(Pos, bool),
    /// A number.
    Number(Box<NumberNode>),
    /// A string.
    String(Box<StringNode>),
    /// A parenthesized pipeline.
    Pipe(Box<PipeNode>),
}

impl Arg {
    /// Position of the operand.
    pub fn pos(&self) -> Pos {
        match self {
            Arg::Field(f) => f.pos,
            Arg::Variable(v) => v.pos,
            Arg::Chain(c) => c.pos,
            Arg::Identifier(i) => i.pos,
            Arg::Dot(p) | Arg::Nil(p) | Arg::Bool(p, _) => *p,
            Arg::Number(n) => n.pos,
            Arg::String(s) => s.pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

/// `.a.b.c`.
#[derive(Debug)]
pub struct FieldNode {
    /// Position.
    pub pos: Pos,
    /// The source text `.a.b.c` (fields are contiguous in the source).
    pub chain: Span,
}

impl FieldNode {
    /// The field names, without dots.
    pub fn idents<'s>(&self, src: &'s str) -> Dotted<'s> {
        let text = self.chain.get(src);
        Dotted::new(text.get(1..).unwrap_or(""))
    }
}

/// The names of `a.b.c`, split at the dots as `str::split('.')` splits them. Chains are
/// short and split every time they are evaluated: a byte loop beats a string searcher.
#[derive(Clone, Debug)]
pub struct Dotted<'s> {
    rest: Option<&'s str>,
}

impl<'s> Dotted<'s> {
    fn new(text: &'s str) -> Dotted<'s> {
        Dotted { rest: Some(text) }
    }
}

/// Where the first dot of `text` is.
fn first_dot(text: &str) -> Option<usize> {
    text.bytes().position(|b| b == b'.')
}

impl<'s> Iterator for Dotted<'s> {
    type Item = &'s str;

    fn next(&mut self) -> Option<&'s str> {
        let rest = self.rest?;
        match first_dot(rest) {
            Some(i) => {
                self.rest = rest.get(i + 1..);
                rest.get(..i)
            }
            None => self.rest.take(),
        }
    }
}

/// `$x.a.b`: a variable, possibly followed by fields.
#[derive(Debug)]
pub struct VariableNode {
    /// Position.
    pub pos: Pos,
    /// The source text `$x.a.b`.
    pub chain: Span,
}

impl VariableNode {
    /// The variable's name, `$` included.
    pub fn name<'s>(&self, src: &'s str) -> &'s str {
        let text = self.chain.get(src);
        first_dot(text).and_then(|i| text.get(..i)).unwrap_or(text)
    }

    /// The field names after the variable (`.a.b` → `a`, `b`); empty for a bare variable.
    pub fn fields<'s>(&self, src: &'s str) -> Option<Dotted<'s>> {
        let text = self.chain.get(src);
        first_dot(text).map(|i| Dotted::new(text.get(i + 1..).unwrap_or("")))
    }
}

/// `term.f1.f2` where term is not a field or variable.
#[derive(Debug)]
pub struct ChainNode {
    /// Position.
    pub pos: Pos,
    /// The term.
    pub node: Arg,
    /// The source text `.f1.f2`.
    pub fields: Span,
}

impl ChainNode {
    /// The field names, without dots.
    pub fn idents<'s>(&self, src: &'s str) -> Dotted<'s> {
        let text = self.fields.get(src);
        Dotted::new(text.get(1..).unwrap_or(""))
    }
}

/// A function name, resolved when parsed.
#[derive(Debug)]
pub struct IdentifierNode {
    /// Position.
    pub pos: Pos,
    /// The name.
    pub name: Span,
    /// The function it names.
    pub func: FuncRef,
}

/// A numeric constant, with every Go type that can represent it.
#[derive(Debug, Default)]
pub struct NumberNode {
    /// Position.
    pub pos: Pos,
    /// Representable as int64.
    pub is_int: bool,
    /// Representable as uint64.
    pub is_uint: bool,
    /// Representable as float64.
    pub is_float: bool,
    /// A complex constant (`1+2i`, `3i`).
    pub is_complex: bool,
    /// The complex value (real, imaginary).
    pub complex: (f64, f64),
    /// The int64 value.
    pub int64: i64,
    /// The uint64 value.
    pub uint64: u64,
    /// The float64 value.
    pub float64: f64,
    /// The source text.
    pub text: Str,
}

/// A string constant.
#[derive(Debug)]
pub struct StringNode {
    /// Position.
    pub pos: Pos,
    /// Source form with quotes.
    pub quoted: Str,
    /// The value.
    pub text: Str,
}

/// Writes a node the way Go's `Node.String()` re-prints it (used in error contexts).
pub struct Show<'a, T: ?Sized> {
    /// The node.
    pub node: &'a T,
    /// The source its spans point into.
    pub src: &'a str,
}

/// Re-prints nodes with their source.
pub trait ShowNode {
    /// Writes Go's `String()` of the node.
    fn show(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// A `Display` view of the node.
    fn with<'a>(&'a self, src: &'a str) -> Show<'a, Self> {
        Show { node: self, src }
    }
}

impl<T: ShowNode + ?Sized> fmt::Display for Show<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.node.show(self.src, f)
    }
}

impl ShowNode for Arg {
    fn show(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Field(n) => f.write_str(n.chain.get(src)),
            Arg::Variable(n) => f.write_str(n.chain.get(src)),
            Arg::Chain(c) => {
                if let Arg::Pipe(p) = &c.node {
                    write!(f, "({})", p.with(src))?;
                } else {
                    c.node.show(src, f)?;
                }
                f.write_str(c.fields.get(src))
            }
            Arg::Identifier(i) => f.write_str(i.name.get(src)),
            Arg::Dot(_) => f.write_str("."),
            Arg::Nil(_) => f.write_str("nil"),
            Arg::Bool(_, b) => f.write_str(if *b { "true" } else { "false" }),
            Arg::Number(n) => f.write_str(&n.text),
            Arg::String(s) => f.write_str(&s.quoted),
            Arg::Pipe(p) => p.show(src, f),
        }
    }
}

impl ShowNode for VariableNode {
    fn show(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.chain.get(src))
    }
}

impl ShowNode for CommandNode {
    fn show(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            if let Arg::Pipe(p) = a {
                write!(f, "({})", p.with(src))?;
            } else {
                a.show(src, f)?;
            }
        }
        Ok(())
    }
}

impl ShowNode for PipeNode {
    fn show(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        render_go::recursion::grow(|| self.show_here(src, f))
    }
}

impl PipeNode {
    fn show_here(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            for (i, v) in self.decl.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                v.show(src, f)?;
            }
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            c.show(src, f)?;
        }
        Ok(())
    }
}

impl ShowNode for ListNode {
    fn show(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for n in &self.nodes {
            n.show(src, f)?;
        }
        Ok(())
    }
}

fn show_branch(f: &mut fmt::Formatter<'_>, src: &str, name: &str, b: &BranchNode) -> fmt::Result {
    render_go::recursion::grow(|| show_branch_here(f, src, name, b))
}

fn show_branch_here(
    f: &mut fmt::Formatter<'_>,
    src: &str,
    name: &str,
    b: &BranchNode,
) -> fmt::Result {
    write!(f, "{{{{{name} {}}}}}{}", b.pipe.with(src), b.list.with(src))?;
    if let Some(e) = &b.else_list {
        write!(f, "{{{{else}}}}{}", e.with(src))?;
    }
    f.write_str("{{end}}")
}

impl ShowNode for Node {
    fn show(&self, src: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Text { span, .. } => f.write_str(span.get(src)),
            Node::Action(a) => write!(f, "{{{{{}}}}}", a.pipe.with(src)),
            Node::If(b) => show_branch(f, src, "if", b),
            Node::Range(b) => show_branch(f, src, "range", b),
            Node::With(b) => show_branch(f, src, "with", b),
            Node::Template(t) => {
                write!(f, "{{{{template {}", render_go::strconv::quote(&t.name))?;
                if let Some(p) = &t.pipe {
                    write!(f, " {}", p.with(src))?;
                }
                f.write_str("}}")
            }
            Node::Break(_) => f.write_str("{{break}}"),
            Node::Continue(_) => f.write_str("{{continue}}"),
        }
    }
}

// Trees as deep as templates nest (hundreds of thousands of levels) are freed with a work list:
// the derived, recursive drop would overflow the stack.

impl Drop for ListNode {
    fn drop(&mut self) {
        if !self.nodes.iter().any(Node::has_nested_list) {
            return;
        }
        let mut pending = std::mem::take(&mut self.nodes);
        while let Some(node) = pending.pop() {
            if let Node::If(mut b) | Node::Range(mut b) | Node::With(mut b) = node {
                pending.append(&mut b.list.nodes);
                if let Some(e) = &mut b.else_list {
                    pending.append(&mut e.nodes);
                }
            }
        }
    }
}

impl Node {
    fn has_nested_list(&self) -> bool {
        matches!(self, Node::If(_) | Node::Range(_) | Node::With(_))
    }
}

impl Drop for PipeNode {
    fn drop(&mut self) {
        let mut pending = Vec::new();
        take_nested_pipes(&mut self.cmds, &mut pending);
        while let Some(mut pipe) = pending.pop() {
            take_nested_pipes(&mut pipe.cmds, &mut pending);
        }
    }
}

/// Moves the parenthesized pipelines out of `cmds` (directly or as the head of a chain).
fn take_nested_pipes(cmds: &mut [CommandNode], out: &mut Vec<PipeNode>) {
    for arg in cmds.iter_mut().flat_map(|c| c.args.iter_mut()) {
        let arg = match arg {
            Arg::Chain(c) => &mut c.node,
            other => other,
        };
        if let Arg::Pipe(_) = arg
            && let Arg::Pipe(p) = std::mem::replace(arg, Arg::Nil(0))
        {
            out.push(*p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_names_split_as_str_split_does() {
        for text in ["", ".", "a", "a.b", ".a", "a.", "a..b", "ab.cd.ef", "..", "é.x"] {
            let ours: Vec<&str> = Dotted::new(text).collect();
            let want: Vec<&str> = text.split('.').collect();
            assert_eq!(ours, want, "{text:?}");
        }
    }
}
