//! The functions Helm templates call beyond Go's builtins: Sprig v3 ([`sprig`]), Helm's own
//! (`include`, `tpl`, `required`, ...), the encoders (`toJson`, `toToml`, ...) and the YAML
//! functions, registered on a [`FuncTable`] with their Go signatures, together with the
//! methods of Helm's named value types (`.Values.AsMap`, `.Capabilities.APIVersions.Has`).

pub mod encoding;
pub mod entropy;
mod helm;
mod reads;
pub mod sprig;
pub mod yaml;

use crate::template::FuncTable;
use std::sync::OnceLock;

/// The table Helm templates see: Go's builtins, Sprig (less `env` and `expandenv`), Helm's
/// functions. Built once per process.
pub fn helm_funcs() -> &'static FuncTable {
    static TABLE: OnceLock<FuncTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FuncTable::with_builtins();
        sprig::register(&mut t);
        helm::register(&mut t);
        t.set_methods(helm::TYPE_METHODS);
        encoding::register(&mut t);
        yaml::register(&mut t);
        reads::register(&mut t);
        t
    })
}
