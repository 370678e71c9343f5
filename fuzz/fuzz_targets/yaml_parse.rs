//! Any bytes through the YAML reader (values files, fromYaml, manifest heads) and back out
//! through both emitters: an error or a value, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(v) = render_go::yaml::from_str(text) {
        let _ = render_go::yaml::to_yaml(&v);
        let _ = render_go::yaml::to_yaml_pretty(&v);
    }
    let _ = render_go::yaml::from_str_typed(text);
    let _ = render_go::yaml::load_values(text);
    let _ = render_core::manifest::parse_head(text);
});
