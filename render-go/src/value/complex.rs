//! Go's `complex128`, which only template literals such as `1+2i` produce.

use super::{Object, ObjectKind, Value};
use std::any::Any;

/// A `complex128` value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

impl Object for Complex {
    fn type_name(&self) -> &str {
        "complex128"
    }
    fn kind(&self) -> ObjectKind {
        ObjectKind::Complex
    }
    fn is_true(&self) -> bool {
        self.re != 0.0 || self.im != 0.0
    }
    fn field(&self, _name: &str) -> Option<Value> {
        None
    }
    fn write_go(&self, out: &mut String, _plus: bool) {
        out.push_str(&crate::fmt::sprintf_partial(
            "%v",
            &[Value::Object(std::sync::Arc::new(*self))],
        ));
    }
    fn to_plain(&self) -> Value {
        // Encoders report a value that stays an object as an unsupported type.
        Value::Object(std::sync::Arc::new(*self))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
