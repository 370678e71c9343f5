//! The parser: items → trees, with Go's checks (undefined variables and functions, `break`
//! outside `range`, ...) and Go's error texts (`template: NAME:LINE: msg`).

use super::ast::*;
use super::error::TemplateError;
use super::lex::{Item, ItemType, Lexer};
use crate::template::FuncTable;
use render_go::strconv::{self, Unquoted};
use render_go::value::Str;
use std::sync::Arc;

/// Go's `maxStackDepth` for parenthesized expressions.
const MAX_PAREN_DEPTH: usize = 10_000;
use crate::limits::MAX_TEMPLATE_NESTING;
use render_go::recursion;
/// Go's `maxPipelineCmds`.
const MAX_PIPELINE_CMDS: usize = 100_000;

/// Parses one template text. Returns its trees: the main one named `name` first, then the
/// `define`d and `block` ones in source order.
pub fn parse(name: &str, text: &str, funcs: &FuncTable) -> Result<Vec<Tree>, TemplateError> {
    let source = Arc::new(Source {
        name: Str::from(name),
        text: Arc::from(text),
    });
    let mut p = Parser {
        lex: Lexer::new(text),
        lexed: eof_item(),
        last: eof_item(),
        pending: [eof_item(); 3],
        npending: 0,
        vars: vec!["$"],
        funcs,
        action_line: 0,
        range_depth: 0,
        paren_depth: 0,
        nesting: 0,
        source: Arc::clone(&source),
        trees: Vec::new(),
    };
    let root = p.parse_top().map_err(|e| *e)?;
    let main = Tree {
        name: Str::from(name),
        source,
        root: Arc::new(root),
    };
    p.add(main).map_err(|e| *e)?;
    // Go returns the set as a map; we keep the main template first.
    let mut trees = p.trees;
    if let Some(i) = trees.iter().position(|t| &*t.name == name) {
        let t = trees.remove(i);
        trees.insert(0, t);
    }
    Ok(trees)
}

fn eof_item() -> Item {
    Item {
        typ: ItemType::Eof,
        pos: 0,
        len: 0,
        line: 1,
    }
}

/// What terminated an item list.
enum End {
    End,
    Else,
}

impl End {
    fn text(&self) -> &'static str {
        match self {
            End::End => "{{end}}",
            End::Else => "{{else}}",
        }
    }
}

/// What `text_or_action` produced.
enum Parsed {
    Node(Node),
    End(End),
}

/// Errors are boxed while parsing: results move up every level of the descent, and a
/// pointer moves cheaper than the error itself.
type PResult<T> = Result<T, Box<TemplateError>>;

struct Parser<'s, 'f> {
    lex: Lexer<'s>,
    /// The token the lexer gave last (Go's `token[0]`, whose line errors report).
    lexed: Item,
    /// The token [`Parser::next`] returned last, which [`Parser::backup`] gives back.
    last: Item,
    /// Tokens backed up, the next one last (Go's `token[..peekCount]`): the first
    /// `npending`.
    pending: [Item; 3],
    npending: usize,
    vars: Vec<&'s str>,
    funcs: &'f FuncTable,
    action_line: u32,
    range_depth: usize,
    paren_depth: usize,
    nesting: usize,
    source: Arc<Source>,
    trees: Vec<Tree>,
}

impl<'s> Parser<'s, '_> {
    // ---- token buffer (Go's three-token lookahead) ----

    fn next(&mut self) -> Item {
        let item = match self.npending.checked_sub(1) {
            Some(top) => {
                self.npending = top;
                self.pending.get(top).copied().unwrap_or(self.lexed)
            }
            None => self.lex_next(),
        };
        self.last = item;
        item
    }

    fn lex_next(&mut self) -> Item {
        self.lexed = self.lex.next_item();
        self.lexed
    }

    /// Pushes `item` back; at most three are ever pending (Go's lookahead).
    fn push_back(&mut self, item: Item) {
        if let Some(slot) = self.pending.get_mut(self.npending) {
            *slot = item;
            self.npending += 1;
        }
    }

    /// A token's text.
    fn text(&self, token: &Item) -> &'s str {
        token.text(self.lex.input())
    }

    fn backup(&mut self) {
        self.push_back(self.last);
    }

    /// Backs up two tokens: `t1` and the zeroth one, which is already there.
    fn backup2(&mut self, t1: Item) {
        self.npending = 0;
        self.push_back(self.lexed);
        self.push_back(t1);
    }

    /// Backs up three tokens: `t2`, `t1` and the zeroth one.
    fn backup3(&mut self, t2: Item, t1: Item) {
        self.npending = 0;
        self.push_back(self.lexed);
        self.push_back(t1);
        self.push_back(t2);
    }

    fn peek(&mut self) -> Item {
        if let Some(item) = self.npending.checked_sub(1).and_then(|top| self.pending.get(top)) {
            return *item;
        }
        let item = self.lex_next();
        self.push_back(item);
        item
    }

    fn next_non_space(&mut self) -> Item {
        loop {
            let t = self.next();
            if t.typ != ItemType::Space {
                return t;
            }
        }
    }

    fn peek_non_space(&mut self) -> Item {
        let t = self.next_non_space();
        self.backup();
        t
    }

    // ---- errors ----

    fn errorf<T>(&self, msg: impl Into<String>) -> PResult<T> {
        Err(Box::new(TemplateError::Parse {
            name: self.source.name.clone(),
            line: self.lexed.line as usize,
            msg: msg.into(),
        }))
    }

    fn expect(&mut self, expected: ItemType, context: &str) -> PResult<Item> {
        let t = self.next_non_space();
        if t.typ != expected {
            return self.unexpected(&t, context);
        }
        Ok(t)
    }

    fn unexpected<T>(&self, token: &Item, context: &str) -> PResult<T> {
        if token.typ == ItemType::Error {
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != token.line {
                extra = format!(
                    " in action started at {}:{}",
                    self.source.name, self.action_line
                );
                if self.lex.error().ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.errorf(format!("{}{extra}", self.lex.error()));
        }
        let token = token.describe(self.lex.input(), self.lex.error());
        self.errorf(format!("unexpected {token} in {context}"))
    }

    fn add(&mut self, tree: Tree) -> PResult<()> {
        if let Some(existing) = self.trees.iter_mut().find(|t| t.name == tree.name) {
            if existing.is_empty() {
                *existing = tree;
                return Ok(());
            }
            if !tree.is_empty() {
                return self.errorf(format!(
                    "template: multiple definition of template {}",
                    strconv::quote(&tree.name)
                ));
            }
            return Ok(());
        }
        self.trees.push(tree);
        Ok(())
    }

    // ---- structure ----

    fn parse_top(&mut self) -> PResult<ListNode> {
        let mut root = ListNode { nodes: Vec::new() };
        while self.peek().typ != ItemType::Eof {
            if self.peek().typ == ItemType::LeftDelim {
                let delim = self.next();
                if self.next_non_space().typ == ItemType::Define {
                    self.parse_definition()?;
                    continue;
                }
                self.backup2(delim);
            }
            match self.text_or_action()? {
                Parsed::End(e) => return self.errorf(format!("unexpected {}", e.text())),
                Parsed::Node(n) => root.nodes.push(n),
            }
        }
        Ok(root)
    }

    /// Runs `f` as the parse of a separate tree (define or block): fresh variables and range
    /// depth, as Go's `startParse` gives a new `Tree`.
    fn in_new_tree<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let vars = std::mem::replace(&mut self.vars, vec!["$"]);
        let range_depth = std::mem::replace(&mut self.range_depth, 0);
        let r = f(self);
        self.vars = vars;
        self.range_depth = range_depth;
        r
    }

    fn parse_definition(&mut self) -> PResult<()> {
        const CONTEXT: &str = "define clause";
        self.in_new_tree(|p| {
            let name = p.next_non_space();
            if name.typ != ItemType::String && name.typ != ItemType::RawString {
                return p.unexpected(&name, CONTEXT);
            }
            let name = match strconv::unquote(p.text(&name)) {
                Ok(n) => n,
                Err(e) => return p.errorf(e),
            };
            p.expect(ItemType::RightDelim, CONTEXT)?;
            let (list, end) = p.item_list()?;
            if !matches!(end, End::End) {
                return p.errorf(format!("unexpected {} in {CONTEXT}", end.text()));
            }
            let tree = Tree {
                name: Str::from(name),
                source: Arc::clone(&p.source),
                root: Arc::new(list),
            };
            p.add(tree)
        })
    }

    fn item_list(&mut self) -> PResult<(ListNode, End)> {
        let mut list = ListNode { nodes: Vec::new() };
        while self.peek_non_space().typ != ItemType::Eof {
            match self.text_or_action()? {
                Parsed::End(e) => return Ok((list, e)),
                Parsed::Node(n) => list.nodes.push(n),
            }
        }
        self.errorf("unexpected EOF")
    }

    fn text_or_action(&mut self) -> PResult<Parsed> {
        let token = self.next_non_space();
        match token.typ {
            ItemType::Text => Ok(Parsed::Node(Node::Text {
                pos: token.pos as Pos,
                span: item_span(&token),
            })),
            ItemType::LeftDelim => {
                self.action_line = token.line;
                let r = self.action();
                self.action_line = 0;
                r
            }
            _ => self.unexpected(&token, "input"),
        }
    }

    fn action(&mut self) -> PResult<Parsed> {
        let token = self.next_non_space();
        match token.typ {
            ItemType::Block => return self.block_control().map(Parsed::Node),
            ItemType::Break => return self.break_control(token.pos as Pos, true),
            ItemType::Continue => return self.break_control(token.pos as Pos, false),
            ItemType::Else => return self.else_control(),
            ItemType::End => {
                self.expect(ItemType::RightDelim, "end")?;
                return Ok(Parsed::End(End::End));
            }
            ItemType::If | ItemType::Range | ItemType::With => {
                return self.control(token.typ).map(Parsed::Node);
            }
            ItemType::Template => return self.template_control().map(Parsed::Node),
            _ => {}
        }
        self.backup();
        let token = self.peek();
        let pipe = self.pipeline("command", ItemType::RightDelim)?;
        Ok(Parsed::Node(Node::Action(ActionNode {
            pos: token.pos as Pos,
            pipe,
        })))
    }

    fn break_control(&mut self, pos: Pos, is_break: bool) -> PResult<Parsed> {
        let word = if is_break { "break" } else { "continue" };
        let token = self.next_non_space();
        if token.typ != ItemType::RightDelim {
            return self.unexpected(&token, &format!("{{{{{word}}}}}"));
        }
        if self.range_depth == 0 {
            return self.errorf(format!("{{{{{word}}}}} outside {{{{range}}}}"));
        }
        Ok(Parsed::Node(if is_break {
            Node::Break(pos)
        } else {
            Node::Continue(pos)
        }))
    }

    fn else_control(&mut self) -> PResult<Parsed> {
        let peek = self.peek_non_space();
        // "{{else if" and "{{else with": leave the keyword pending.
        if peek.typ == ItemType::If || peek.typ == ItemType::With {
            return Ok(Parsed::End(End::Else));
        }
        self.expect(ItemType::RightDelim, "else")?;
        Ok(Parsed::End(End::Else))
    }

    /// Parses a nested structure (`if`, `range`, `with`, `block`) within the nesting limit.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.nesting >= MAX_TEMPLATE_NESTING {
            return self.errorf("max nesting depth exceeded");
        }
        self.nesting += 1;
        let r = recursion::grow(|| f(self));
        self.nesting -= 1;
        r
    }

    fn control(&mut self, kw: ItemType) -> PResult<Node> {
        let b = Box::new(self.nested(|p| p.parse_control(kw))?);
        Ok(match kw {
            ItemType::If => Node::If(b),
            ItemType::Range => Node::Range(b),
            _ => Node::With(b),
        })
    }

    fn parse_control(&mut self, kw: ItemType) -> PResult<BranchNode> {
        let context = match kw {
            ItemType::If => "if",
            ItemType::Range => "range",
            _ => "with",
        };
        let nvars = self.vars.len();
        let r = (|| {
            let pipe = self.pipeline(context, ItemType::RightDelim)?;
            if kw == ItemType::Range {
                self.range_depth += 1;
            }
            let listed = self.item_list();
            if kw == ItemType::Range {
                self.range_depth -= 1;
            }
            let (list, next) = listed?;
            let mut else_list = None;
            if let End::Else = next {
                let pending = self.peek().typ;
                if (kw == ItemType::If && pending == ItemType::If)
                    || (kw == ItemType::With && pending == ItemType::With)
                {
                    // {{if a}}_{{else if b}}_{{end}} is {{if a}}_{{else}}{{if b}}_{{end}}{{end}}.
                    self.next();
                    let inner = self.control(kw)?;
                    else_list = Some(ListNode {
                        nodes: vec![inner],
                    });
                } else {
                    let (list, next) = self.item_list()?;
                    if !matches!(next, End::End) {
                        return self.errorf(format!("expected end; found {}", next.text()));
                    }
                    else_list = Some(list);
                }
            }
            Ok(BranchNode {
                pos: pipe.pos,
                pipe,
                list,
                else_list,
            })
        })();
        self.vars.truncate(nvars);
        r
    }

    fn block_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "block clause";
        let token = self.next_non_space();
        let name = self.parse_template_name(&token, CONTEXT)?;
        let pipe = self.pipeline(CONTEXT, ItemType::RightDelim)?;
        self.nested(|p| {
            p.in_new_tree(|p| {
                let (list, end) = p.item_list()?;
                if !matches!(end, End::End) {
                    return p.errorf(format!("unexpected {} in {CONTEXT}", end.text()));
                }
                let tree = Tree {
                    name: Str::from(name.as_str()),
                    source: Arc::clone(&p.source),
                    root: Arc::new(list),
                };
                p.add(tree)
            })
        })?;
        Ok(Node::Template(Box::new(TemplateNode {
            pos: token.pos as Pos,
            name: Str::from(name),
            pipe: Some(pipe),
        })))
    }

    fn template_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "template clause";
        let token = self.next_non_space();
        let name = self.parse_template_name(&token, CONTEXT)?;
        let mut pipe = None;
        if self.next_non_space().typ != ItemType::RightDelim {
            self.backup();
            pipe = Some(self.pipeline(CONTEXT, ItemType::RightDelim)?);
        }
        Ok(Node::Template(Box::new(TemplateNode {
            pos: token.pos as Pos,
            name: Str::from(name),
            pipe,
        })))
    }

    fn parse_template_name(&self, token: &Item, context: &str) -> PResult<String> {
        match token.typ {
            ItemType::String | ItemType::RawString => match strconv::unquote(self.text(token)) {
                Ok(s) => Ok(s),
                Err(e) => self.errorf(e),
            },
            _ => self.unexpected(token, context),
        }
    }

    // ---- pipelines ----

    fn pipeline(&mut self, context: &str, end: ItemType) -> PResult<PipeNode> {
        let token = self.peek_non_space();
        let mut pipe = PipeNode {
            pos: token.pos as Pos,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        'decls: loop {
            let v = self.peek_non_space();
            if v.typ != ItemType::Variable {
                break;
            }
            self.next();
            // Three-token lookahead: in "$x foo" the token after the variable decides.
            let token_after_variable = self.peek();
            let next = self.peek_non_space();
            if next.typ == ItemType::Assign || next.typ == ItemType::Declare {
                pipe.is_assign = next.typ == ItemType::Assign;
                self.next_non_space();
                pipe.decl.push(new_variable(&v));
                self.vars.push(self.text(&v));
            } else if next.typ == ItemType::Char && self.text(&next) == "," {
                self.next_non_space();
                pipe.decl.push(new_variable(&v));
                self.vars.push(self.text(&v));
                if context == "range" && pipe.decl.len() < 2 {
                    match self.peek_non_space().typ {
                        ItemType::Variable | ItemType::RightDelim | ItemType::RightParen => {
                            continue 'decls;
                        }
                        _ => return self.errorf("range can only initialize variables"),
                    }
                }
                return self.errorf(format!("too many declarations in {context}"));
            } else if token_after_variable.typ == ItemType::Space {
                self.backup3(v, token_after_variable);
            } else {
                self.backup2(v);
            }
            break;
        }
        loop {
            let token = self.next_non_space();
            match token.typ {
                t if t == end => {
                    self.check_pipeline(&pipe, context)?;
                    return Ok(pipe);
                }
                ItemType::Bool
                | ItemType::CharConstant
                | ItemType::Complex
                | ItemType::Dot
                | ItemType::Field
                | ItemType::Identifier
                | ItemType::Number
                | ItemType::Nil
                | ItemType::RawString
                | ItemType::String
                | ItemType::Variable
                | ItemType::LeftParen => {
                    self.backup();
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                    if pipe.cmds.len() > MAX_PIPELINE_CMDS {
                        return self.errorf("pipeline too long");
                    }
                }
                _ => return self.unexpected(&token, context),
            }
        }
    }

    fn check_pipeline(&self, pipe: &PipeNode, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return self.errorf(format!("missing value for {context}"));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if let Some(
                Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Number(_) | Arg::String(_),
            ) = c.args.first()
            {
                return self.errorf(format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                ));
            }
        }
        Ok(())
    }

    fn command(&mut self) -> PResult<CommandNode> {
        let pos = self.peek_non_space().pos as Pos;
        let mut cmd = CommandNode {
            pos,
            args: Vec::new(),
        };
        loop {
            self.peek_non_space();
            if let Some(operand) = self.operand()? {
                cmd.args.push(operand);
            }
            let token = self.next();
            match token.typ {
                ItemType::Space => continue,
                ItemType::RightDelim | ItemType::RightParen => self.backup(),
                ItemType::Pipe => {}
                _ => return self.unexpected(&token, "operand"),
            }
            break;
        }
        if cmd.args.is_empty() {
            return self.errorf("empty command");
        }
        Ok(cmd)
    }

    fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().typ != ItemType::Field {
            return Ok(Some(node));
        }
        let chain_pos = self.peek().pos as Pos;
        // The fields follow one another with nothing between, so one span covers them.
        let mut end = chain_pos;
        while self.peek().typ == ItemType::Field {
            end = item_span(&self.next()).end;
        }
        Ok(Some(match node {
            // `.a.b` and `$x.a` stay single nodes (Go re-creates them from the chain's text,
            // at the chain's position).
            Arg::Field(f) => Arg::Field(FieldNode {
                pos: chain_pos,
                chain: Span { end, ..f.chain },
            }),
            Arg::Variable(v) => Arg::Variable(VariableNode {
                pos: chain_pos,
                chain: Span { end, ..v.chain },
            }),
            Arg::Bool(..) | Arg::String(_) | Arg::Number(_) | Arg::Nil(_) | Arg::Dot(_) => {
                return self.errorf(format!(
                    "unexpected . after term {}",
                    strconv::quote(&node.with(&self.source.text).to_string())
                ));
            }
            other => Arg::Chain(Box::new(ChainNode {
                pos: chain_pos,
                node: other,
                fields: Span {
                    start: chain_pos,
                    end,
                },
            })),
        }))
    }

    fn term(&mut self) -> PResult<Option<Arg>> {
        let token = self.next_non_space();
        let pos = token.pos as Pos;
        Ok(Some(match token.typ {
            ItemType::Identifier => {
                let Some(func) = self.funcs.get(self.text(&token)) else {
                    return self.errorf(format!(
                        "function {} not defined",
                        strconv::quote(self.text(&token))
                    ));
                };
                Arg::Identifier(IdentifierNode {
                    pos,
                    name: item_span(&token),
                    func,
                })
            }
            ItemType::Dot => Arg::Dot(pos),
            ItemType::Nil => Arg::Nil(pos),
            ItemType::Variable => {
                let name = self.text(&token);
                if !self.vars.contains(&name) {
                    return self.errorf(format!("undefined variable {}", strconv::quote(name)));
                }
                Arg::Variable(new_variable(&token))
            }
            ItemType::Field => Arg::Field(FieldNode {
                pos,
                chain: item_span(&token),
            }),
            ItemType::Bool => Arg::Bool(pos, self.text(&token) == "true"),
            ItemType::CharConstant | ItemType::Complex | ItemType::Number => {
                match new_number(pos, self.text(&token), token.typ) {
                    Ok(n) => Arg::Number(Box::new(n)),
                    Err(e) => return self.errorf(e),
                }
            }
            ItemType::LeftParen => {
                if self.paren_depth >= MAX_PAREN_DEPTH {
                    return self.errorf("max expression depth exceeded");
                }
                self.paren_depth += 1;
                let r = recursion::grow(|| {
                    self.pipeline("parenthesized pipeline", ItemType::RightParen)
                });
                self.paren_depth -= 1;
                Arg::Pipe(Box::new(r?))
            }
            ItemType::String | ItemType::RawString => match strconv::unquote(self.text(&token)) {
                Ok(s) => Arg::String(Box::new(StringNode {
                    pos,
                    quoted: Str::from(self.text(&token)),
                    text: Str::from(s),
                })),
                Err(e) => return self.errorf(e),
            },
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }
}

fn new_variable(token: &Item) -> VariableNode {
    VariableNode {
        pos: token.pos as Pos,
        chain: item_span(token),
    }
}

/// The source range of a token (its text is the input from its position on).
fn item_span(token: &Item) -> Span {
    let start = token.pos as usize;
    Span::new(start, start + token.len as usize)
}

/// Go's `newNumber`: records every Go type the constant fits.
fn new_number(pos: Pos, text: &str, typ: ItemType) -> Result<NumberNode, String> {
    let mut n = NumberNode {
        pos,
        text: Str::from(text),
        ..NumberNode::default()
    };
    match typ {
        ItemType::CharConstant => {
            let inner = &text[1..];
            let (r, tail) = strconv::unquote_char(inner, b'\'').map_err(|e| e.to_string())?;
            if tail != "'" {
                return Err(format!("malformed character constant: {text}"));
            }
            let c = match r {
                Unquoted::Char(c) => c as i64,
                Unquoted::Byte(b) => b as i64,
            };
            n.int64 = c;
            n.is_int = true;
            n.uint64 = c as u64;
            n.is_uint = true;
            n.float64 = c as f64;
            n.is_float = true;
            return Ok(n);
        }
        ItemType::Complex => {
            let (re, im) = parse_complex(text).ok_or_else(|| "expected integer".to_string())?;
            simplify_complex(&mut n, re, im);
            return Ok(n);
        }
        _ => {}
    }
    if let Some(body) = text.strip_suffix('i')
        && let Ok(f) = strconv::parse_float(body)
    {
        simplify_complex(&mut n, 0.0, f);
        return Ok(n);
    }
    let u = strconv::parse_uint(text, 0);
    if let Ok(u) = u {
        n.is_uint = true;
        n.uint64 = u;
    }
    if let Ok(i) = strconv::parse_int(text, 0, 64) {
        n.is_int = true;
        n.int64 = i;
        if i == 0 {
            n.is_uint = true;
            n.uint64 = u.unwrap_or(0);
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float64 = n.int64 as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float64 = n.uint64 as f64;
    } else if let Ok(f) = strconv::parse_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", strconv::quote(text)));
        }
        n.is_float = true;
        n.float64 = f;
        if !n.is_int && (f as i64) as f64 == f && f.is_finite() {
            n.is_int = true;
            n.int64 = f as i64;
        }
        if !n.is_uint && (f as u64) as f64 == f && f >= 0.0 && f.is_finite() {
            n.is_uint = true;
            n.uint64 = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!("illegal number syntax: {}", strconv::quote(text)));
    }
    Ok(n)
}

/// `1+2i`, `-1.5-2i`: the real and imaginary parts.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let body = text.strip_suffix('i')?;
    let split = body
        .char_indices()
        .skip(1)
        .filter(|&(i, c)| {
            (c == '+' || c == '-')
                && !matches!(body.as_bytes().get(i - 1), Some(b'e' | b'E' | b'p' | b'P'))
        })
        .map(|(i, _)| i)
        .last()?;
    let re = strconv::parse_float(&body[..split]).ok()?;
    let im = strconv::parse_float(&body[split..]).ok()?;
    Some((re, im))
}

/// Records a complex constant and, like Go's `simplifyComplex`, the other types its value fits
/// when the imaginary part is zero (it stays a complex constant for printing).
fn simplify_complex(n: &mut NumberNode, re: f64, im: f64) {
    n.is_complex = true;
    n.complex = (re, im);
    n.is_float = im == 0.0;
    if n.is_float {
        n.float64 = re;
        n.is_int = (re as i64) as f64 == re;
        if n.is_int {
            n.int64 = re as i64;
        }
        n.is_uint = re >= 0.0 && (re as u64) as f64 == re;
        if n.is_uint {
            n.uint64 = re as u64;
        }
    }
}
