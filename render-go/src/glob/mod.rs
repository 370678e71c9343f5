//! File-name patterns, in the two syntaxes Helm uses: gobwas/glob's for `.Files.Glob`
//! ([`gobwas`]) and Go's `filepath.Match` for `.helmignore` and `--show-only` ([`filepath`]).
//!
//! Both run in time proportional to the pattern's length times the name's, whatever the
//! pattern: a naive backtracking matcher takes exponential time on `*a*a*a*a*a*a*b` against
//! a long name, and Helm answers such patterns in milliseconds. The two cannot share one
//! engine because their answers differ: gobwas/glob matches the regular language the pattern
//! describes (an NFA simulation here), while `filepath.Match` places each piece between two
//! stars at its leftmost fit and never reconsiders it, which can refuse names the language
//! contains (`*[a/]*b` against `a/b`).

pub mod filepath;
pub mod gobwas;
