//! gobwas/glob v0.2.3 with `/` as the separator, as Helm's `.Files.Glob` compiles it: `*` (a
//! run of non-`/` characters), `**` (any run), `?` (one non-`/` character), `[abc]`, `[a-z]`
//! and their `[!...]` negations (one character, `/` included), `{a,b}` alternatives (an
//! unclosed `{` is closed at the end), `\` escapes.
//!
//! The pattern is read with gobwas's lexer rules, including its oddities: a class holds either
//! one range or a list of characters (`[a-z0-9]` does not compile), a NUL character ends the
//! pattern, and U+FFFD or invalid UTF-8 does not compile. A pattern that does not compile is
//! `None`; Helm then matches every file (it compiles `**` instead).
//!
//! Matching runs the pattern as an NFA over the name's characters, keeping the set of
//! reachable states: linear in the name, whatever the pattern.

const SEP: char = '/';

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Glob {
    prog: Vec<Inst>,
}

#[derive(Debug, Clone)]
enum Inst {
    /// This character.
    Char(char),
    /// Any character but the separator.
    NotSep,
    /// Any character.
    AnyChar,
    /// A character in (or, negated, not in) the class.
    Class { not: bool, set: ClassSet },
    /// Continue at both.
    Split(usize, usize),
    /// Continue at.
    Jmp(usize),
    /// The whole name matched.
    Match,
}

#[derive(Debug, Clone)]
enum ClassSet {
    Range(char, char),
    List(Vec<char>),
}

/// The pattern's syntax tree (gobwas's `ast`).
#[derive(Debug)]
enum Node {
    Text(Vec<char>),
    Any,
    Super,
    Single,
    Class { not: bool, set: ClassSet },
    AnyOf(Vec<Vec<Node>>),
}

impl Glob {
    /// Compiles `pattern`; `None` when gobwas refuses it.
    pub fn compile(pattern: &str) -> Option<Glob> {
        // Bytes that are not UTF-8 (kept as escapes in our strings) stop gobwas's lexer.
        if crate::value::rawbytes::has_escapes(pattern) {
            return None;
        }
        let nodes = Parser::new(pattern).parse()?;
        let mut prog = Vec::new();
        emit_seq(&nodes, &mut prog);
        prog.push(Inst::Match);
        Some(Glob { prog })
    }

    /// Whether all of `name` matches.
    pub fn matches(&self, name: &str) -> bool {
        let n = self.prog.len();
        let mut current = StateSet::new(n);
        let mut next = StateSet::new(n);
        let mut stack = Vec::new();
        current.add_closure(&self.prog, 0, &mut stack);
        for c in name.chars() {
            next.clear();
            for &pc in &current.dense {
                let ok = match self.prog.get(pc) {
                    Some(Inst::Char(x)) => *x == c,
                    Some(Inst::NotSep) => c != SEP,
                    Some(Inst::AnyChar) => true,
                    Some(Inst::Class { not, set }) => set.contains(c) != *not,
                    _ => false,
                };
                if ok {
                    next.add_closure(&self.prog, pc + 1, &mut stack);
                }
            }
            std::mem::swap(&mut current, &mut next);
            if current.dense.is_empty() {
                return false;
            }
        }
        current
            .dense
            .iter()
            .any(|&pc| matches!(self.prog.get(pc), Some(Inst::Match)))
    }
}

impl ClassSet {
    fn contains(&self, c: char) -> bool {
        match self {
            ClassSet::Range(lo, hi) => *lo <= c && c <= *hi,
            ClassSet::List(chars) => chars.contains(&c),
        }
    }
}

/// The states reached after some characters (a sparse set: insertion order, O(1) checks).
struct StateSet {
    /// States that read a character (or match), in the order reached.
    dense: Vec<usize>,
    /// Every state visited, jumps included.
    visited: Vec<usize>,
    member: Vec<bool>,
}

impl StateSet {
    fn new(n: usize) -> StateSet {
        StateSet {
            dense: Vec::with_capacity(n),
            visited: Vec::with_capacity(n),
            member: vec![false; n],
        }
    }

    fn clear(&mut self) {
        for &pc in &self.visited {
            if let Some(member) = self.member.get_mut(pc) {
                *member = false;
            }
        }
        self.visited.clear();
        self.dense.clear();
    }

    /// Adds `pc` and every state reachable from it without reading a character.
    fn add_closure(&mut self, prog: &[Inst], pc: usize, stack: &mut Vec<usize>) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            // `member` has one flag per instruction; a jump past the end goes nowhere.
            let (Some(inst), Some(member)) = (prog.get(pc), self.member.get_mut(pc)) else {
                continue;
            };
            if *member {
                continue;
            }
            *member = true;
            self.visited.push(pc);
            match *inst {
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Inst::Jmp(a) => stack.push(a),
                _ => self.dense.push(pc),
            }
        }
    }
}

fn emit_seq(nodes: &[Node], prog: &mut Vec<Inst>) {
    for node in nodes {
        emit(node, prog);
    }
}

fn emit(node: &Node, prog: &mut Vec<Inst>) {
    match node {
        Node::Text(chars) => prog.extend(chars.iter().map(|&c| Inst::Char(c))),
        Node::Single => prog.push(Inst::NotSep),
        Node::Class { not, set } => prog.push(Inst::Class {
            not: *not,
            set: set.clone(),
        }),
        Node::Any | Node::Super => {
            // loop: Split(body, out); body: one character; Jmp(loop); out:
            let start = prog.len();
            prog.push(Inst::Split(start + 1, start + 3));
            prog.push(match node {
                Node::Any => Inst::NotSep,
                _ => Inst::AnyChar,
            });
            prog.push(Inst::Jmp(start));
        }
        Node::AnyOf(branches) => {
            // Split(b1, next); b1; Jmp(end); next: Split(b2, next2); ... ; bn
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                let last = i + 1 == branches.len();
                let split = prog.len();
                if !last {
                    prog.push(Inst::Split(split + 1, 0));
                }
                emit_seq(branch, prog);
                if !last {
                    jumps.push(prog.len());
                    prog.push(Inst::Jmp(0));
                    // Patch the split's way out to the next branch.
                    let next = prog.len();
                    if let Some(Inst::Split(_, out)) = prog.get_mut(split) {
                        *out = next;
                    }
                }
            }
            let end = prog.len();
            for j in jumps {
                if let Some(Inst::Jmp(target)) = prog.get_mut(j) {
                    *target = end;
                }
            }
        }
    }
}

/// gobwas's lexer and parser in one pass over the characters.
struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn new(pattern: &str) -> Parser {
        Parser {
            chars: pattern.chars().collect(),
            pos: 0,
        }
    }

    /// The next character; `None` at the end, at a NUL (gobwas's `eof` rune is 0), and at
    /// U+FFFD, which gobwas's lexer takes for undecodable input (an error: `Err`).
    fn read(&mut self) -> Result<Option<char>, ()> {
        let Some(&c) = self.chars.get(self.pos) else {
            return Ok(None);
        };
        if c == '\u{FFFD}' {
            return Err(());
        }
        self.pos += 1;
        Ok(if c == '\0' { None } else { Some(c) })
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn parse(mut self) -> Option<Vec<Node>> {
        // The open alternatives, innermost last: the branches so far and the current one.
        let mut open: Vec<(Vec<Vec<Node>>, Vec<Node>)> = Vec::new();
        let mut seq: Vec<Node> = Vec::new();
        loop {
            let start = self.pos;
            let Some(c) = self.read().ok()? else { break };
            let in_terms = !open.is_empty();
            match c {
                '{' => {
                    open.push((Vec::new(), std::mem::take(&mut seq)));
                }
                ',' if in_terms => {
                    let (branches, _) = open.last_mut()?;
                    branches.push(std::mem::take(&mut seq));
                }
                '}' if in_terms => {
                    let (mut branches, outer) = open.pop()?;
                    branches.push(std::mem::replace(&mut seq, outer));
                    seq.push(Node::AnyOf(branches));
                }
                '[' => seq.push(self.class()?),
                '?' => seq.push(Node::Single),
                '*' => {
                    if self.peek() == Some('*') {
                        self.pos += 1;
                        seq.push(Node::Super);
                    } else {
                        seq.push(Node::Any);
                    }
                }
                _ => {
                    self.pos = start;
                    let breakers: &[char] = if in_terms {
                        &['?', '*', '[', '{', '}', ',']
                    } else {
                        &['?', '*', '[', '{']
                    };
                    let text = self.text(breakers).ok()?;
                    if !text.is_empty() {
                        seq.push(Node::Text(text));
                    }
                }
            }
        }
        // Unclosed alternatives end with the pattern.
        while let Some((mut branches, outer)) = open.pop() {
            branches.push(std::mem::replace(&mut seq, outer));
            seq.push(Node::AnyOf(branches));
        }
        Some(seq)
    }

    /// Literal text up to a breaker (not consumed); `\` escapes the next character.
    fn text(&mut self, breakers: &[char]) -> Result<Vec<char>, ()> {
        let mut out = Vec::new();
        let mut escaped = false;
        loop {
            let before = self.pos;
            let Some(c) = self.read()? else { break };
            if !escaped {
                if c == '\\' {
                    escaped = true;
                    continue;
                }
                if breakers.contains(&c) {
                    self.pos = before;
                    break;
                }
            }
            escaped = false;
            out.push(c);
        }
        Ok(out)
    }

    /// A class after `[`: `[!` optional, then one range `a-z` or a list of characters, `]`.
    fn class(&mut self) -> Option<Node> {
        let mut not = false;
        let mut range: Option<(char, char)> = None;
        let mut list: Vec<char> = Vec::new();
        loop {
            let c = self.read().ok()??;
            if c == ']' && (range.is_some() || !list.is_empty()) {
                break;
            }
            if range.is_some() || !list.is_empty() {
                // After a range or a list only `]` may come.
                return None;
            }
            if !not && c == '!' {
                not = true;
                continue;
            }
            if self.peek() == Some('-') {
                self.pos += 1;
                let hi = self.read().ok()??;
                if hi < c {
                    return None;
                }
                range = Some((c, hi));
                continue;
            }
            self.pos -= 1;
            list = self.text(&[']']).ok()?;
            if list.is_empty() {
                // `[]` or `[!]`: gobwas cannot parse an empty class.
                return None;
            }
        }
        let set = match range {
            Some((lo, hi)) => ClassSet::Range(lo, hi),
            None => ClassSet::List(list),
        };
        Some(Node::Class { not, set })
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn g(p: &str, s: &str) -> Option<bool> {
        Glob::compile(p).map(|g| g.matches(s))
    }

    #[test]
    fn gobwas_semantics() {
        assert_eq!(g("files/*.txt", "files/a.txt"), Some(true));
        assert_eq!(g("files/*.txt", "files/sub/a.txt"), Some(false));
        assert_eq!(g("files/**.txt", "files/sub/a.txt"), Some(true));
        assert_eq!(g("**", "a/b/c"), Some(true));
        assert_eq!(g("{a,b}/*.{json,yaml}", "b/x.yaml"), Some(true));
        assert_eq!(g("{a,b}/*.{json,yaml}", "c/x.yaml"), Some(false));
        assert_eq!(g("file?.[!a-c]", "file1.d"), Some(true));
        assert_eq!(g("file?.[!a-c]", "file1.b"), Some(false));
        assert_eq!(g("[!a]", "/"), Some(true));
        assert_eq!(g("{a,b", "b"), Some(true));
        assert_eq!(g("a}b,c", "a}b,c"), Some(true));
        assert_eq!(g("x\\*", "x*"), Some(true));
        assert_eq!(g("{a,{b,c}d}", "cd"), Some(true));
        assert_eq!(g("{,x}y", "y"), Some(true));
        for bad in ["a[", "[a-z0-9]", "[]", "[!]", "[a-]", "[z-a]", "a\u{FFFD}"] {
            assert!(Glob::compile(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn linear_on_hostile_patterns() {
        let name = "a".repeat(5000);
        let pattern = format!("{}b", "*a".repeat(40));
        assert_eq!(g(&pattern, &name), Some(false));
        assert_eq!(g(&"**a".repeat(40), &name), Some(true));
    }
}
