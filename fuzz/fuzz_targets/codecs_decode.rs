//! Any bytes through the JSON and TOML decoders, the `--set` parsers and Chart.yaml decoding,
//! then re-encoded: an error or a value, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use render_core::values::strvals::{Mode, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(v) = render_go::json::decode(text) {
        let _ = render_go::json::encode(&v, true);
        let _ = render_go::toml::encode(&v);
    }
    if let Ok(v) = render_go::toml::decode(text) {
        let _ = render_go::toml::encode(&v);
    }
    let _ = parse(text, Mode::Typed);
    let _ = parse(text, Mode::String);
    let _ = parse(text, Mode::Json);
    let _ = parse(text, Mode::Literal);
    let mut md = render_core::chart::Metadata::default();
    if render_core::chart::chartfile::decode_metadata(text, &mut md).is_ok() {
        let _ = md.validate(Default::default());
    }
});
