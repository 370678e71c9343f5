//! `render`: prints exactly what `helm template` prints.
//!
//! A thin shell over `render_core::render`: parse Helm's flags, render, print (or write to
//! `--output-dir`), and report errors as Helm does (`Error: ...` on stderr, exit status 1).

mod args;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use args::{TemplateArgs, parse_template};
use render_core::chart::loader::go_io_error;
use render_core::value::rawbytes;
use render_core::{ErrorKind, Rendered, render};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "Usage:  render template [NAME] [CHART] [flags]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdout = std::io::stdout().lock();
    match run(&args, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            let _ = stdout.flush();
            // Go's bytes: raw bytes in a message (an invalid regexp, a binary file name) are
            // printed as they were.
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(b"Error: ");
            let _ = stderr.write_all(&rawbytes::decode(&msg));
            let _ = stderr.write_all(b"\n");
            ExitCode::from(1)
        }
    }
}

fn help() -> String {
    format!(
        "render renders Helm charts locally, printing what `helm template` prints.\n\n{USAGE}\n\n\
         Flags are Helm's: -f/--values, --set, --set-string, --set-file, --set-json, --set-literal,\n\
         -n/--namespace, --kube-version, -a/--api-versions, --include-crds, --no-hooks, --skip-tests,\n\
         -s/--show-only, --output-dir, --release-name, --is-upgrade, --name-template,\n\
         --skip-schema-validation, --debug.\n"
    )
}

fn run(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let write =
        |out: &mut dyn Write, s: &str| out.write_all(s.as_bytes()).map_err(|e| e.to_string());
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => write(out, &help()),
        Some("version" | "--version") => {
            write(out, &format!("render {}\n", env!("CARGO_PKG_VERSION")))
        }
        Some("template") => template(&args[1..], out),
        Some(other) => Err(format!(
            "unknown command {other:?} for \"render\"\nRun 'render --help' for usage."
        )),
    }
}

/// Helm's `NameAndChart` as `helm template` runs it (the name defaults to `release-name`).
fn name_and_chart(t: &TemplateArgs) -> Result<(String, String), String> {
    let p = &t.positionals;
    if p.is_empty() {
        return Err(format!(
            "\"render template\" requires at least 1 argument\n\n{USAGE}"
        ));
    }
    if p.len() > 2 {
        return Err(format!(
            "expected at most two arguments, unexpected arguments: {}",
            p[2..].join(", ")
        ));
    }
    if p.len() == 2 {
        if t.generate_name {
            return Err("cannot set --generate-name and also specify a name".into());
        }
        if t.name_template.is_some() {
            return Err("cannot set --name-template and also specify a name".into());
        }
        return Ok((p[0].clone(), p[1].clone()));
    }
    if let Some(tpl) = &t.name_template {
        return render_core::name_template(tpl).map(|n| (n, p[0].clone()));
    }
    Ok(("release-name".into(), p[0].clone()))
}

fn template(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let mut t = parse_template(args)?;
    if t.help {
        return out.write_all(help().as_bytes()).map_err(|e| e.to_string());
    }
    let (name, chart) = name_and_chart(&t)?;
    if let Some(flag) = t.unsupported.first() {
        return Err(format!(
            "{flag} is not supported: render works on local chart directories and archives, without post-renderers"
        ));
    }
    t.options.release_name = name;
    t.options.chart = chart.trim().into();
    let rendered = match render(&t.options) {
        Ok(r) => r,
        Err(e) => {
            let after_release = matches!(
                e.kind(),
                ErrorKind::Parse | ErrorKind::Exec | ErrorKind::ManifestYaml
            );
            if after_release && t.debug {
                // Helm prints what it had of the release manifest, then the error.
                let partial = e.partial_output().unwrap_or("");
                // Go's bytes: a non-UTF-8 template output is printed as it was.
                let _ = out.write_all(&rawbytes::decode(partial.trim()));
                let _ = out.write_all(b"\n");
                return Err(e.to_string());
            }
            if after_release {
                return Err(format!(
                    "{e}\n\nUse --debug flag to render out invalid YAML"
                ));
            }
            return Err(e.to_string());
        }
    };
    for w in &rendered.warnings {
        eprintln!("WARNING: {w}");
    }
    let text = match &t.output_dir {
        Some(dir) => {
            write_output_dir(&rendered, &t, dir, out)?;
            "\n".to_string()
        }
        None => rendered.helm_output(t.no_hooks, t.skip_tests),
    };
    let text = if t.show_only.is_empty() {
        text
    } else {
        render_core::manifest::show_only(&text, &t.show_only)?
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

/// `--output-dir`: each manifest and hook appended to `DIR/PATH` as `---\n# Source:` blocks,
/// announcing each write as Helm does (`wrote PATH`).
fn write_output_dir(
    r: &Rendered,
    t: &TemplateArgs,
    dir: &Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    let release_dir = if t.use_release_name {
        dir.join(&t.options.release_name)
    } else {
        dir.to_path_buf()
    };
    let mut written: std::collections::HashSet<std::path::PathBuf> = Default::default();
    let mut write =
        |base: &Path, name: &str, data: &str, append_existing: bool| -> Result<(), String> {
            let path = base.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("mkdir {}: {}", parent.display(), go_io_error(&e)))?;
            }
            let append = written.contains(&path) || (append_existing && path.exists());
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .write(true)
                .append(append)
                .truncate(!append)
                .open(&path)
                .map_err(|e| format!("open {}: {}", path.display(), go_io_error(&e)))?;
            write!(f, "---\n# Source: {name}\n{data}\n").map_err(|e| e.to_string())?;
            written.insert(path.clone());
            writeln!(out, "wrote {}", path.display()).map_err(|e| e.to_string())
        };
    for c in &r.crds {
        write(dir, &c.path, &c.content, false)?;
    }
    for m in &r.manifests {
        write(&release_dir, &m.path, &m.content, false)?;
    }
    if !t.no_hooks {
        for h in &r.hooks {
            if t.skip_tests && h.is_test {
                continue;
            }
            write(&release_dir, &h.path, &h.content, true)?;
        }
    }
    Ok(())
}
