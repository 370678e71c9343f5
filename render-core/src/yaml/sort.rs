//! key order.
