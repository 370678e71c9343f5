//! `render`: a `helm template` work-alike.

fn main() {
    println!("render {}", env!("CARGO_PKG_VERSION"));
}
