//! The commands beside `template`: `show` against real Helm's output, help in cobra's layout
//! (`template`'s byte for byte against Helm's), `version`, `help`, shell completions (each
//! script checked by its shell), the exit on a closed pipe, and the Argo CD plugin.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers: a failure here is a failing test"
)]

use std::io::Read;
mod common;

use common::{repo, text};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// `render ARGS` in the repository with a clean environment (help shows environment-based
/// defaults: `HOME` is fixed so they are stable).
fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_render"))
        .args(args)
        .current_dir(repo())
        .env_clear()
        .env("HOME", "/home/user")
        .output()
        .expect("cannot run render")
}

#[test]
fn show_prints_what_helm_show_prints() {
    let dir = repo().join("render-cli/tests/snapshots/show");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("cannot read the test directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for snap in entries {
        // case@<base>__<chart>__<part>.snap
        let name = snap
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let parts: Vec<&str> = name.trim_start_matches("case@").split("__").collect();
        let [base, chart, part] = parts[..] else {
            continue;
        };
        let chart_path = format!("testdata/{base}/{chart}");
        let o = render(&["show", part, &chart_path]);
        let got = match o.status.code() {
            Some(0) => Ok(text(&o.stdout)),
            _ => Err(text(&o.stderr)
                .trim_start_matches("Error: ")
                .trim_end()
                .to_string()),
        };
        if got != common::helm_answer(&snap) {
            failures.push(format!("show {part} {chart_path}: {got:?}"));
        }
        checked += 1;
    }
    assert!(checked > 200, "only {checked} show snapshots");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn show_errors_are_helms() {
    let o = render(&["show", "values"]);
    assert_eq!(
        text(&o.stderr),
        "Error: \"render show values\" requires 1 argument\n\nUsage:  render show values [CHART] [flags]\n"
    );
    let o = render(&["show", "chart", "./no/such/chart"]);
    assert_eq!(
        text(&o.stderr),
        "Error: path \"./no/such/chart\" not found\n"
    );
    let o = render(&[
        "inspect",
        "all",
        "--jsonpath",
        "{.a}",
        "testdata/charts/hello",
    ]);
    assert_eq!(text(&o.stderr), "Error: unknown flag: --jsonpath\n");
    let o = render(&[
        "show",
        "values",
        "--jsonpath",
        "{.a}",
        "testdata/charts/hello",
    ]);
    assert_eq!(
        text(&o.stderr),
        "Error: --jsonpath: JSONPath filters are not supported by render yet\n"
    );
    // `show` alone prints its help.
    let o = render(&["show"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("Available Commands:\n  all "));
}

#[test]
fn template_help_is_helms() {
    let want = std::fs::read_to_string(repo().join("testdata/cli/helm-template-help.txt"))
        .unwrap_or_default();
    assert!(want.contains("--post-renderer-args postRendererArgsSlice"));
    assert_eq!(text(&render(&["template", "--help"]).stdout), want);
    assert_eq!(
        text(&render(&["template", "-h", "--nope=x"]).stderr),
        "Error: unknown flag: --nope\n"
    );
    assert_eq!(text(&render(&["help", "template"]).stdout), want);
}

/// Every command's help, as snapshots (`render-cli/tests/snapshots/commands__help@*.snap`).
#[test]
fn every_command_has_help() {
    let paths: &[&[&str]] = &[
        &[],
        &["check"],
        &["snapshot"],
        &["diff"],
        &["argocd"],
        &["argocd", "generate"],
        &["completion"],
        &["completion", "bash"],
        &["completion", "fish"],
        &["completion", "powershell"],
        &["completion", "zsh"],
        &["dependency"],
        &["dependency", "build"],
        &["dependency", "list"],
        &["dependency", "update"],
        &["help"],
        &["show"],
        &["show", "all"],
        &["show", "chart"],
        &["show", "crds"],
        &["show", "readme"],
        &["show", "values"],
        &["version"],
    ];
    for path in paths {
        let mut args = path.to_vec();
        args.push("--help");
        let o = render(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let name = if path.is_empty() {
            "render".to_string()
        } else {
            path.join("-")
        };
        insta::assert_snapshot!(format!("help@{name}"), text(&o.stdout));
    }
    let o = render(&["help", "nope"]);
    let out = text(&o.stdout);
    assert!(
        out.starts_with("Unknown help topic [`nope`]\nUsage:\n  render [command]\n"),
        "{out}"
    );
}

#[test]
fn unknown_commands_suggest() {
    let o = render(&["shwo", "chart"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "Error: unknown command \"shwo\" for \"render\"\n\nDid you mean this?\n\tshow\n\nRun 'render --help' for usage.\n"
    );
}

#[test]
fn version_has_helms_shape() {
    let version = format!("v{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(
        text(&render(&["version"]).stdout),
        format!(
            "version.BuildInfo{{Version:\"{version}\", HelmVersion:\"v4.2.3\", KubeClientVersion:\"v1.36\"}}\n"
        )
    );
    assert_eq!(
        text(&render(&["version", "--short"]).stdout),
        format!("{version}\n")
    );
    assert_eq!(
        text(&render(&["version", "--short", "--template", "{{.HelmVersion}}"]).stdout),
        "v4.2.3"
    );
    let o = render(&["version", "extra"]);
    assert_eq!(
        text(&o.stderr),
        "Error: \"render version\" accepts no arguments\n\nUsage:  render version [flags]\n"
    );
    let o = render(&["version", "--template", "{{"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).starts_with("Error: template: _:1: "),
        "{}",
        text(&o.stderr)
    );
}

fn shell_available(shell: &str) -> bool {
    let found = Command::new(shell)
        .arg("-c")
        .arg("true")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("skipping the {shell} check: {shell} is not installed (CI installs it)");
    }
    found
}

#[test]
fn completion_scripts_parse_in_their_shells() {
    let dir = std::env::temp_dir().join(format!("render-completion-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    for (shell, check) in [
        ("bash", &["-n"][..]),
        ("zsh", &["-n"][..]),
        ("fish", &["--no-execute"][..]),
    ] {
        let o = render(&["completion", shell]);
        assert_eq!(o.status.code(), Some(0));
        assert!(o.stdout.len() > 1000, "{shell} script too short");
        let file = dir.join(format!("render.{shell}"));
        std::fs::write(&file, &o.stdout).unwrap_or_default();
        if shell != "bash" && !shell_available(shell) {
            continue;
        }
        let status = Command::new(shell).args(check).arg(&file).output();
        let status = status.expect("cannot run the shell");
        assert!(status.status.success(), "{shell}: {}", text(&status.stderr));
    }
    let ps = text(&render(&["completion", "powershell"]).stdout);
    assert!(ps.contains("Register-ArgumentCompleter -Native -CommandName 'render'"));
    assert!(ps.contains("'render template' = @("));
    let plain = text(&render(&["completion", "fish", "--no-descriptions"]).stdout);
    assert!(!plain.contains(" -d '"));
    let _ = std::fs::remove_dir_all(dir);
}

/// What bash offers after the words of `line` (the last word is being completed).
fn bash_complete(line: &str) -> String {
    let script = text(&render(&["completion", "bash"]).stdout);
    let program = format!(
        "{script}\nCOMP_WORDS=({line}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
         [[ \"{line}\" == *' ' ]] && COMP_WORDS+=('') && COMP_CWORD=$((COMP_CWORD + 1)); \
         _render; for w in \"${{COMPREPLY[@]}}\"; do printf '%s\\n' \"$w\"; done"
    );
    let o = Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .expect("cannot run bash");
    text(&o.stdout)
}

#[test]
fn bash_completes_commands_flags_and_values() {
    assert_eq!(bash_complete("render te"), "template\n");
    assert_eq!(
        bash_complete("render show "),
        "all\nchart\ncrds\nreadme\nvalues\n"
    );
    assert_eq!(
        bash_complete("render inspect "),
        "all\nchart\ncrds\nreadme\nvalues\n"
    );
    assert_eq!(
        bash_complete("render template --include-c"),
        "--include-crds\n"
    );
    assert_eq!(
        bash_complete("render -n x template --dry-run="),
        "--dry-run=client\n--dry-run=server\n"
    );
    assert_eq!(bash_complete("render template --wait "), "");
    assert_eq!(bash_complete("render template --color n"), "never\n");
    assert_eq!(bash_complete("render show values --jsonp"), "--jsonpath\n");
    assert_eq!(bash_complete("render show chart --jsonp"), "");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_render"))
        .args(["template", "testdata/charts/hello"])
        .current_dir(repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run render");
    // Close the read end before render writes.
    drop(child.stdout.take());
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    let status = child.wait().expect("render did not finish");
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(err, "");
}
