//! Parse trees. `Display` re-prints a node the way Go's `Node.String()` does; Go puts that text
//! in execution errors (`executing "x" at <.Values.a.b>: ...`).

use crate::funcs::FuncRef;
use crate::value::Str;
use std::fmt;
use std::sync::Arc;

/// Byte offset into the template source.
pub type Pos = u32;

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
    /// Go's `ErrorContext` location: `name:line:col` with a 0-based byte column.
    pub fn location(&self, pos: Pos) -> String {
        let pos = (pos as usize).min(self.text.len());
        let before = self.text.get(..pos).unwrap_or("");
        let (line, col) = match before.rfind('\n') {
            Some(nl) => (before.matches('\n').count() + 1, pos - (nl + 1)),
            None => (1, pos),
        };
        format!("{}:{}:{}", self.name, line, col)
    }
}

/// One named template.
#[derive(Debug)]
pub struct Tree {
    /// The template's name.
    pub name: Str,
    /// Where its nodes came from.
    pub source: Arc<Source>,
    /// The body.
    pub root: ListNode,
}

impl Tree {
    /// Go's `parse.IsEmptyTree`: only whitespace text (and comments).
    pub fn is_empty(&self) -> bool {
        self.root.nodes.iter().all(|n| match n {
            Node::Text { text, .. } => text.trim().is_empty(),
            _ => false,
        })
    }
}

/// A sequence of nodes.
#[derive(Debug, Default)]
pub struct ListNode {
    /// Position.
    pub pos: Pos,
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
        text: Str,
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
    /// Field names without dots.
    pub ident: Box<[Str]>,
}

/// `$x.a.b`; `ident[0]` is the variable with its `$`.
#[derive(Debug)]
pub struct VariableNode {
    /// Position.
    pub pos: Pos,
    /// Variable name, then field names.
    pub ident: Box<[Str]>,
}

/// `term.f1.f2` where term is not a field or variable.
#[derive(Debug)]
pub struct ChainNode {
    /// Position.
    pub pos: Pos,
    /// The term.
    pub node: Arg,
    /// Field names.
    pub field: Box<[Str]>,
}

/// A function name, resolved when parsed.
#[derive(Debug)]
pub struct IdentifierNode {
    /// Position.
    pub pos: Pos,
    /// The name.
    pub name: Str,
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

fn write_idents(f: &mut fmt::Formatter<'_>, idents: &[Str], lead_dot: bool) -> fmt::Result {
    for (i, id) in idents.iter().enumerate() {
        if i > 0 || lead_dot {
            f.write_str(".")?;
        }
        f.write_str(id)?;
    }
    Ok(())
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Field(n) => write_idents(f, &n.ident, true),
            Arg::Variable(n) => write_idents(f, &n.ident, false),
            Arg::Chain(c) => {
                if let Arg::Pipe(p) = &c.node {
                    write!(f, "({p})")?;
                } else {
                    write!(f, "{}", c.node)?;
                }
                for fld in c.field.iter() {
                    write!(f, ".{fld}")?;
                }
                Ok(())
            }
            Arg::Identifier(i) => f.write_str(&i.name),
            Arg::Dot(_) => f.write_str("."),
            Arg::Nil(_) => f.write_str("nil"),
            Arg::Bool(_, b) => f.write_str(if *b { "true" } else { "false" }),
            Arg::Number(n) => f.write_str(&n.text),
            Arg::String(s) => f.write_str(&s.quoted),
            Arg::Pipe(p) => write!(f, "{p}"),
        }
    }
}

impl fmt::Display for VariableNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_idents(f, &self.ident, false)
    }
}

impl fmt::Display for CommandNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            if let Arg::Pipe(p) = a {
                write!(f, "({p})")?;
            } else {
                write!(f, "{a}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for PipeNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            for (i, v) in self.decl.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{v}")?;
            }
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl fmt::Display for ListNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for n in &self.nodes {
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

fn write_branch(f: &mut fmt::Formatter<'_>, name: &str, b: &BranchNode) -> fmt::Result {
    write!(f, "{{{{{name} {}}}}}{}", b.pipe, b.list)?;
    if let Some(e) = &b.else_list {
        write!(f, "{{{{else}}}}{e}")?;
    }
    f.write_str("{{end}}")
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Text { text, .. } => f.write_str(text),
            Node::Action(a) => write!(f, "{{{{{}}}}}", a.pipe),
            Node::If(b) => write_branch(f, "if", b),
            Node::Range(b) => write_branch(f, "range", b),
            Node::With(b) => write_branch(f, "with", b),
            Node::Template(t) => {
                write!(f, "{{{{template {}", crate::value::strconv::quote(&t.name))?;
                if let Some(p) = &t.pipe {
                    write!(f, " {p}")?;
                }
                f.write_str("}}")
            }
            Node::Break(_) => f.write_str("{{break}}"),
            Node::Continue(_) => f.write_str("{{continue}}"),
        }
    }
}
