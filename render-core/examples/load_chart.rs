//! Loads a chart and prints its tree: `cargo run -p render-core --example load_chart -- DIR`.
fn print(c: &render_core::Chart, depth: usize) {
    println!(
        "{}{} {} ({} templates, {} files, {} deps)",
        "  ".repeat(depth),
        c.metadata.name,
        c.metadata.version,
        c.templates.len(),
        c.files.len(),
        c.metadata.dependencies.len()
    );
    for d in &c.dependencies {
        print(d, depth + 1);
    }
}

fn main() {
    for arg in std::env::args().skip(1) {
        match render_core::load_chart(std::path::Path::new(&arg)) {
            Ok(l) => print(&l.chart, 0),
            Err(e) => println!("{arg}: error: {e}"),
        }
    }
}
