//! libyaml emitter.
