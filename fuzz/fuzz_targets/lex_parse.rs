//! Any text through the lexer and the parser: must return trees or an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use render_core::funcs::helm_funcs;
use render_core::template::lex::{ItemType, Lexer};
use render_core::template::parse::parse;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lexer = Lexer::new(text);
    for _ in 0..text.len() + 2 {
        let item = lexer.next_item();
        if matches!(item.typ, ItemType::Eof | ItemType::Error) {
            break;
        }
    }
    let _ = parse("fuzz", text, helm_funcs());
});
