//! How Helm v4 presents template errors (`pkg/engine`'s `cleanupParseError` and
//! `reformatExecErrorMsg`).
//!
//! Helm formats an execution error by walking Go's error chain and parsing each link's text;
//! when any link is not a template error it prints the raw Go text instead. We reproduce that
//! rule over the chain [`TemplateError::unwrap_chain`] yields, so the output matches Helm's in
//! every case, including the raw ones.

use crate::template::{FAIL_END, FAIL_START, TemplateError};

/// `parse error at (file:line): msg`.
pub fn format_parse_error(filename: &str, err: &TemplateError) -> String {
    let text = err.to_string();
    let tokens: Vec<&str> = text.split(": ").collect();
    match tokens.as_slice() {
        [_, location, .., msg] => format!("parse error at ({location}): {msg}"),
        [_, location] => format!("parse error at ({location}): {location}"),
        _ => format!("parse error in ({filename}): {text}"),
    }
}

/// One frame of Helm's `TraceableError`.
#[derive(PartialEq, Eq, Debug)]
struct Traceable {
    location: String,
    message: String,
    executed: String,
}

impl Traceable {
    fn write(&self, out: &mut String) {
        if !self.location.is_empty() {
            out.push_str(&self.location);
            out.push_str("\n  ");
        }
        if !self.executed.is_empty() {
            out.push_str(&self.executed);
            out.push_str("\n    ");
        }
        if !self.message.is_empty() {
            out.push_str(&self.message);
            out.push('\n');
        }
    }
}

fn cut_chained(msg: &str) -> &str {
    match msg.find(" template:") {
        Some(i) => &msg[..i],
        None => msg,
    }
}

/// Helm's `parseTemplateExecErrorString`.
fn parse_traceable(s: &str) -> Option<Traceable> {
    let remainder = s.strip_prefix("template: ")?;
    if remainder.starts_with("no template ") {
        return Some(Traceable {
            location: String::new(),
            message: s.to_string(),
            executed: String::new(),
        });
    }
    if let Some((name, after)) = remainder.split_once(": executing ") {
        let after_quote = after.strip_prefix('"')?;
        let end = after_quote.find('"')?;
        let function = &after_quote[..end];
        let after_func = &after_quote[end + 1..];
        let after_at = after_func.strip_prefix(" at <")?;
        let (location, msg) = after_at.split_once(">: ")?;
        return Some(Traceable {
            location: name.to_string(),
            message: cut_chained(msg).to_string(),
            executed: format!("executing \"{function}\" at <{location}>:"),
        });
    }
    let sep = remainder.rfind(": ")?;
    Some(Traceable {
        location: remainder[..sep].to_string(),
        message: cut_chained(&remainder[sep + 2..]).to_string(),
        executed: String::new(),
    })
}

/// Helm's `reformatExecErrorMsg`.
pub fn format_exec_error(filename: &str, err: &TemplateError) -> String {
    if !err.is_exec() {
        return err.to_string();
    }
    let chain = err.unwrap_chain();
    let text = chain.text();
    let tokens: Vec<&str> = text.splitn(3, ": ").collect();
    let [_, location, rest] = tokens.as_slice() else {
        return format!("execution error in ({filename}): {text}");
    };
    if let Some(start) = rest.find(FAIL_START)
        && let Some(end) = rest.rfind(FAIL_END)
        && let Some(msg) = rest.get(start + FAIL_START.len()..end)
    {
        return format!("execution error at ({location}): {msg}");
    }
    let mut frames: Vec<Traceable> = Vec::new();
    for link in chain.links() {
        match parse_traceable(link) {
            Some(t) => {
                if frames.last() != Some(&t) {
                    frames.push(t);
                }
            }
            None => return text.to_string(),
        }
    }
    let mut out = String::new();
    for f in &frames {
        f.write(&mut out);
    }
    out.trim().to_string()
}
