//! Deep and cyclic values: the input picks snippets that build values nested thousands of
//! levels deep or containing themselves (`set $d "self" $d`), then passes them to every
//! function that walks a value (encoders, fmt, comparisons, copies, merges). A render must end
//! with output or an error: no stack overflow, no hang, no memory blow-up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use render_core::funcs::helm_funcs;
use render_core::template::{Exec, Limits, TemplateSet, TplTrees};
use render_go::value::Value;

/// Whole actions, so that most inputs parse; `$a` and `$b` start as maps, `$l` as a list.
const SNIPPETS: &[&str] = &[
    r#"{{ $a = dict "a" $a }}"#,
    r#"{{ $l = list $l }}"#,
    r#"{{ $l = list $a $l }}"#,
    r#"{{ $_ := set $a "self" $a }}"#,
    r#"{{ $_ := set $b "a" $a }}"#,
    r#"{{ $_ := set $a "b" $b }}"#,
    r#"{{ $_ := set $a "l" $l }}"#,
    r#"{{ range until 3000 }}{{ $a = dict "a" $a }}{{ end }}"#,
    r#"{{ range until 3000 }}{{ $l = list $l }}{{ end }}"#,
    r#"{{ range until 200 }}{{ $a = dict "x" $a "y" $a }}{{ end }}"#,
    r#"{{ $a = dict }}"#,
    r#"{{ $b = deepCopy $a }}"#,
    r#"{{ $b = merge $b $a }}"#,
    r#"{{ $b = mergeOverwrite $b $a }}"#,
    r#"{{ toYaml $a | len }}"#,
    r#"{{ mustToYaml $a | len }}"#,
    r#"{{ toYamlPretty $a | len }}"#,
    r#"{{ toJson $a | len }}"#,
    r#"{{ mustToJson $l | len }}"#,
    r#"{{ toPrettyJson $a | len }}"#,
    r#"{{ toRawJson $l | len }}"#,
    r#"{{ toToml $a | len }}"#,
    r#"{{ printf "%v" $a | len }}"#,
    r#"{{ printf "%#v" $l | len }}"#,
    r#"{{ $a }}"#,
    r#"{{ toString $l | len }}"#,
    r#"{{ deepEqual $a $b }}"#,
    r#"{{ uniq (list $a $b $a) | len }}"#,
    r#"{{ has $a (list $b $l) }}"#,
    r#"{{ eq $a $b }}"#,
    r#"{{ toYaml $a | fromYaml | len }}"#,
    r#"{{ toJson $l | fromJson | len }}"#,
    r#"{{ include "t" $a | len }}"#,
    r#"{{ tpl "{{ len . }}" $l }}"#,
    r#"{{ sortAlpha (list $a) | len }}"#,
    r#"{{ cat $a $l | len }}"#,
    r#"{{ keys $a | len }}"#,
    r#"{{ dig "a" "a" "a" 0 $a }}"#,
];

fuzz_target!(|data: &[u8]| {
    let mut text = String::from(
        r#"{{ define "t" }}{{ len . }}{{ end }}{{ $a := dict }}{{ $b := dict }}{{ $l := list }}{{ $_ := 0 }}"#,
    );
    for &b in data.iter().take(64) {
        text.push_str(SNIPPETS[usize::from(b) % SNIPPETS.len()]);
    }
    let funcs = helm_funcs();
    let mut set = TemplateSet::new("gotpl");
    if set.parse("fuzz", &text, funcs).is_err() {
        return;
    }
    let tpl = TplTrees::default();
    let limits = Limits::new(200_000, 16 << 20, 256 << 20);
    let mut exec = Exec::new(&set, funcs, &tpl, limits);
    let _ = exec.execute("fuzz", Value::Nil);
});
