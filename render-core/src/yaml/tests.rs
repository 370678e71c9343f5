//! Unit tests for the YAML module (expected values from helm-oracle).
use super::*;
