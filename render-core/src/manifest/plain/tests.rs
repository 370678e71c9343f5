use super::*;
use crate::manifest::head::parse_whole;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        let i = (self.next() % items.len() as u64) as usize;
        items.get(i).copied().unwrap_or("")
    }
}

const KEYS: &[&str] = &[
    "apiVersion", "kind", "metadata", "name", "annotations", "Kind", "METADATA", "labels",
    "spec", "a", "on", "Yes", "\"helm.sh/hook\"", "\"a b\"", "\"kind\"", "x-y.z/w", "_z", "1a",
    "$ref", "'k'", "a b", "<<",
];

const VALUES: &[&str] = &[
    "v1", "ConfigMap", "\"quoted\"", "'single'", "'it''s'", "\"a\\\"b\"", "[]", "{}", "[a]",
    "{a: b}", "1", "-1", "0x1F", "1e3", "1e999", ".inf", "-.inf", ".nan", "true", "yes", "null",
    "~", "&a x", "*a", "!!str x", "|", ">", "a: b", "a:", "http://x", "a #c", "#c", "x y z", "-x",
    "?x", ":x", "%x", "@x", "`x", "1234567890123456789012345678901234567890", "\"\"", "pre-install",
    "\"unclosed", "a,b", "2001-12-14", "1:20", "- a", "-", "+.inf", ".NaN", "-.Inf", ".iNf",
    "|-2", ">1", "'x'#c", "\"x\"#c", "'x' y", "\"x\\\"y\"", ".5e999", "+1e999", "-1e999", "1_0e999",
    "1e+999", "--1e999",
];

const GOOD_KEYS: &[&str] = &[
    "apiVersion", "kind", "metadata", "name", "annotations", "labels", "spec", "a", "\"helm.sh/hook\"",
    "x-y.z/w", "Kind",
];

const GOOD_VALUES: &[&str] = &[
    "v1", "ConfigMap", "\"quoted\"", "'single'", "[]", "{}", "1", "-1", "true", "http://x", "a #c",
    "x y z", "pre-install", "a,b", "2001-12-14", "\"\"", ".status.x", "^.{2,}|[^./]$", "-x", "~",
    "=", "<a", "$x", "'a # b'", "'it''s'", "\"a # b\"", "'x' # c", "\"x\"  #c", "5bce1e0f",
    "--resources=secrets", "-e", "1.5", ".5", "0x1F",
];

/// A key: a usual one, now and then any.
fn key(rng: &mut Rng) -> &'static str {
    match rng.next() % 40 {
        0 => rng.pick(KEYS),
        _ => rng.pick(GOOD_KEYS),
    }
}

/// A value: a usual one, now and then any.
fn value(rng: &mut Rng) -> &'static str {
    match rng.next() % 40 {
        0 => rng.pick(VALUES),
        _ => rng.pick(GOOD_VALUES),
    }
}

const INDENTS: &[&str] = &["", "", "", "  ", "  ", "    ", " ", "   ", "      ", "\t"];

/// One line of a document: mostly the forms the check reads, with near misses.
fn line(rng: &mut Rng) -> String {
    let indent = rng.pick(INDENTS);
    let key = rng.pick(KEYS);
    let value = rng.pick(VALUES);
    let body = match rng.next() % 12 {
        0..=2 => format!("{key}: {value}"),
        3 | 4 => format!("{key}:"),
        5 => format!("- {value}"),
        6 => format!("- {key}: {value}"),
        7 => format!("- {key}:"),
        8 => format!("# {value}"),
        9 => value.to_string(),
        10 => String::new(),
        _ => rng.pick(&["-", "---", "...", "- - a", "key:value", "a:  b  ", "k: v # c"]).to_string(),
    };
    format!("{indent}{body}")
}

/// A mapping in the plain block style at `indent`, `depth` levels deep at most.
fn mapping(rng: &mut Rng, indent: usize, depth: u32, out: &mut Vec<String>) {
    for _ in 0..1 + rng.next() % 4 {
        let pad = " ".repeat(indent);
        let key = key(rng);
        match rng.next() % 8 {
            0..=2 => out.push(format!("{pad}{key}: {}", value(rng))),
            3 if depth > 0 => {
                out.push(format!("{pad}{key}:"));
                mapping(rng, indent + 2, depth - 1, out);
            }
            4 if depth > 0 => {
                out.push(format!("{pad}{key}:"));
                // Sequences at their key's column or deeper, as generators write them.
                let at = indent + 2 * (rng.next() % 2) as usize;
                sequence(rng, at, depth - 1, out);
            }
            5 => {
                // A block scalar, its lines now and then less indented or after blank ones.
                out.push(format!("{pad}{key}: {}", rng.pick(&["|", "|-", ">", ">+", "|2", "| #c"])));
                for _ in 0..rng.next() % 4 {
                    let deeper = rng.pick(&["  ", "  ", "    ", " ", ""]);
                    let text = rng.pick(&["text: with colon", "# not a comment", "", "- x", "plain"]);
                    out.push(format!("{pad}{deeper}{text}"));
                }
            }
            6 => {
                // A single-quoted scalar over lines, closed or not, deeper or not.
                out.push(format!("{pad}{key}: 'starts: here # and"));
                for _ in 0..rng.next() % 3 {
                    let deeper = rng.pick(&["  ", "  ", "    ", " ", ""]);
                    let text = rng.pick(&["goes: on", "it''s", "", "- x", "# hash"]);
                    out.push(format!("{pad}{deeper}{text}"));
                }
                let end = rng.pick(&["ends'", "ends' # c", "ends'x", "ends' '", "ends''", "ends'  "]);
                out.push(format!("{pad}  {end}"));
            }
            7 if rng.next() % 2 == 0 => {
                // An empty collection on the line after its key (`toYaml` of an empty map
                // under `nindent`), deeper or not, with something after it or not.
                out.push(format!("{pad}{key}:"));
                let deeper = rng.pick(&["  ", "    ", "", " "]);
                let empty = rng.pick(&["{}", "[]", "{} # c", "{}x", "{ }", "[] []"]);
                out.push(format!("{pad}{deeper}{empty}"));
                if rng.next() % 4 == 0 {
                    let more = rng.pick(&["  a: b", "  - c", "  {}", "  x"]);
                    out.push(format!("{pad}{more}"));
                }
            }
            _ => out.push(format!("{pad}{key}: {} {}", value(rng), value(rng))),
        }
        if rng.next() % 8 == 0 {
            let text = rng.pick(&["--dry-run` and", "- x", "-", "-- a: b", "?x", ":x"]);
            out.push(format!("{pad}  {}", [value(rng), text][(rng.next() % 2) as usize]));
        }
    }
}

fn sequence(rng: &mut Rng, indent: usize, depth: u32, out: &mut Vec<String>) {
    for _ in 0..1 + rng.next() % 3 {
        let pad = " ".repeat(indent);
        if depth > 0 && rng.next() % 2 == 0 {
            let mut item = Vec::new();
            mapping(rng, indent + 2, depth - 1, &mut item);
            if let Some(first) = item.first_mut() {
                first.replace_range(indent..indent + 2, "- ");
            }
            out.extend(item);
        } else {
            out.push(format!("{pad}- {}", value(rng)));
        }
    }
}

/// Whenever the check takes a document, its head entries have the document's head (or its
/// error), as the YAML parser reads them. Documents are generated in the plain block style,
/// then some lines are changed into near misses.
#[test]
fn accepted_documents_have_the_head_of_their_head_entries() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut accepted, mut rejected) = (0, 0);
    for _ in 0..40_000 {
        let mut lines = Vec::new();
        mapping(&mut rng, 0, 4, &mut lines);
        for _ in 0..rng.next() % 3 {
            let at = (rng.next() % lines.len() as u64) as usize;
            let changed = match rng.next() % 4 {
                0 => line(&mut rng),
                1 => format!(" {}", lines.get(at).map_or("", |l| l.as_str())),
                2 => lines.get(at).map_or(String::new(), |l| l.trim_start().to_string()),
                _ => format!("{}{}", line(&mut rng), lines.get(at).map_or("", |l| l.as_str())),
            };
            if let Some(l) = lines.get_mut(at) {
                *l = changed;
            }
        }
        let doc = lines.join("\n") + "\n";
        match head_entries(&doc) {
            Some(entries) => {
                accepted += 1;
                assert_eq!(parse_whole(&entries), parse_whole(&doc), "{doc}");
            }
            None => rejected += 1,
        }
    }
    assert!(accepted > 5_000 && rejected > 5_000, "{accepted} {rejected}");
}

#[test]
fn a_crd_in_the_plain_style_is_checked_here() {
    let mut doc = String::from(
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  annotations:\n    \"helm.sh/resource-policy\": keep\n    helm.sh/hook: pre-install\n  name: things.example.com\nspec:\n  group: example.com\n  versions:\n  - name: v1\n    served: true\n    schema:\n      openAPIV3Schema:\n        properties:\n",
    );
    for i in 0..2000 {
        doc.push_str(&format!(
            "          field{i}:\n            description: A field that continues\n              on the next line, in words.\n            type: string\n            enum: []\n"
        ));
    }
    doc.push_str("        type: object\n");
    let entries = head_entries(&doc);
    assert!(entries.as_ref().is_some_and(|e| e.len() < 200), "{entries:?}");
    let head = crate::manifest::parse_head(&doc);
    assert_eq!(head, parse_whole(&doc));
    assert_eq!(head.map(|h| h.hook), Ok(Some("pre-install".to_string())));
    // One tab, one sequence at the wrong column: the parser decides.
    assert!(head_entries(&doc.replacen("  type: string", "\ttype: string", 1)).is_none());
    assert!(head_entries(&doc.replacen("  - name: v1", " - name: v1", 1)).is_none());
}

