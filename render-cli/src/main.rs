//! `render`: prints exactly what `helm template` prints. See the `render_cli` library for the
//! command line itself.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    ExitCode::from(render_cli::run(&args, &mut stdout, &mut stderr))
}
