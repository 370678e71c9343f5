//! Hostile templates where Helm has no answer (it recurses until its stack or memory runs out,
//! or loops for ever): each must end quickly with a clean error of ours. The cases where Helm
//! does answer are conformance cases with Helm's output (`testdata/template/hostile/`).

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

use render_core::funcs::helm_funcs;
use render_core::template::{Exec, Limits, TemplateSet, TplTrees};
use render_go::value::Value;

fn run(text: &str, limits: Limits) -> Result<String, String> {
    let funcs = helm_funcs();
    let mut set = TemplateSet::new("gotpl");
    set.parse("case", text, funcs).map_err(|e| e.to_string())?;
    let tpl = TplTrees::default();
    let mut exec = Exec::new(&set, funcs, &tpl, limits);
    exec.execute("case", Value::Nil).map_err(|e| e.to_string())
}

fn error_of(text: &str) -> String {
    match run(text, Limits::default()) {
        Ok(out) => panic!("{text}: rendered {} bytes, wanted an error", out.len()),
        Err(e) => e,
    }
}

const CYCLE: &str = r#"{{ $d := dict "k" 1 }}{{ $_ := set $d "self" $d }}"#;

#[test]
fn values_that_contain_themselves() {
    // Go's fmt, goyaml v3, BurntSushi/toml, copystructure and mergo follow the cycle.
    for use_ in [
        "{{ $d }}",
        r#"{{ printf "%v" $d }}"#,
        "{{ toString $d }}",
        "{{ quote $d }}",
        "{{ cat $d }}",
        r#"{{ join "," (list $d) }}"#,
        "{{ sortAlpha (list $d) }}",
        "{{ toYamlPretty $d }}",
        "{{ toToml $d }}",
        "{{ mustToToml $d }}",
        "{{ deepCopy $d }}",
        "{{ merge $d $d }}",
        "{{ mergeOverwrite (deepCopy (dict)) $d | len }}{{ mergeOverwrite $d $d }}",
    ] {
        let e = error_of(&format!("{CYCLE}{use_}"));
        assert!(
            e.contains("the value contains itself (a cycle through map[string]interface {})"),
            "{use_}: {e}"
        );
    }
    // `eq` fails on maps, and Go's message prints the map: cut short at the cycle.
    let e = error_of(&format!("{CYCLE}{{{{ eq $d $d }}}}"));
    assert!(e.contains("non-comparable type map["), "{e}");
}

/// `$d = dict "a" $d "b" $d` sixty times: 2^60 paths through 61 maps.
const SHARED: &str =
    r#"{{ $d := dict }}{{ range until 60 }}{{ $d = dict "a" $d "b" $d }}{{ end }}"#;

#[test]
fn values_sharing_their_parts_exponentially() {
    for use_ in [
        "{{ toJson $d }}",
        "{{ toYaml $d }}",
        "{{ toPrettyJson $d }}",
        "{{ toYamlPretty $d }}",
        r#"{{ printf "%v" $d }}"#,
        "{{ deepCopy $d }}",
        "{{ toToml $d }}",
        "{{ merge (dict \"a\" $d) (dict \"a\" $d) }}",
    ] {
        let e = error_of(&format!("{SHARED}{use_}"));
        assert!(e.contains("maps and lists to visit"), "{use_}: {e}");
    }
    // Comparisons remember the pairs they met: linear, and Go's answer.
    assert_eq!(
        run(
            &format!("{SHARED}{{{{ deepEqual $d $d }}}}"),
            Limits::default()
        ),
        Ok("true".into())
    );
}

#[test]
fn budgets_name_the_template() {
    let small = Limits::new;
    let e = run(
        "{{ range until 1000000 }}{{ end }}",
        small(10_000, 1 << 20, 1 << 30),
    )
    .unwrap_err();
    assert!(
        e.contains("template: case:1:") && e.contains("step budget"),
        "{e}"
    );
    let e = run(
        "{{ range until 100 }}{{ repeat 100000 \"x\" }}{{ end }}",
        small(1_000_000, 1 << 20, 1 << 30),
    )
    .unwrap_err();
    assert!(e.contains("output budget"), "{e}");
    let e = run(
        "{{ range until 100 }}{{ $x := repeat 100000 \"x\" }}{{ end }}",
        small(1_000_000, 1 << 30, 1 << 20),
    )
    .unwrap_err();
    assert!(e.contains("memory budget"), "{e}");
}

#[test]
fn include_rings_stop_at_our_depth() {
    // Three hundred names including each other in a ring: Helm's per-name limit (1000) is
    // 300 000 levels away; ours stops first, with the template named.
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&format!(
            r#"{{{{ define "d{i}" }}}}{{{{ include "d{}" . }}}}{{{{ end }}}}"#,
            (i + 1) % 300
        ));
    }
    text.push_str(r#"{{ include "d0" . }}"#);
    let e = error_of(&text);
    assert!(e.ends_with("templates nested deeper than 110000 levels (include, tpl and template calls inside one another)"), "{}", &e[e.len().saturating_sub(300)..]);
}
