//! What the functions read of their arguments, for `render check` (see
//! [`crate::template::reads`]). A function not named here reads everything it is given,
//! which can only make a value look used that is not, never the reverse.

use crate::template::reads::{ReadLog, key_chain};
use crate::template::{FuncTable, Reads};
use render_go::value::Value;

/// Gives the functions that read less than everything their rule.
pub(super) fn register(t: &mut FuncTable) {
    // They pass values on or store them; whatever reads them later is recorded then.
    t.set_reads(
        &[
            "include", "tpl", "dict", "list", "tuple", "set", "unset", "required", "ternary",
            "typeOf", "kindOf", "typeIs", "kindIs", "typeIsLike", "append", "push",
            "mustAppend", "mustPush", "prepend", "mustPrepend", "first", "mustFirst", "last",
            "mustLast", "rest", "mustRest", "initial", "mustInitial", "reverse", "mustReverse",
            "concat", "slice", "mustSlice",
        ],
        Reads::Nothing,
    );
    // Truth tests: `default` tests the value it was given, the others all of theirs.
    t.set_reads(&["default"], Reads::Custom(default_reads));
    t.set_reads(&["empty", "not", "coalesce", "all", "any"], Reads::Custom(truth_reads));
    t.set_reads(&["len", "keys"], Reads::Custom(key_set_reads));
    t.set_reads(&["get", "hasKey", "pick"], Reads::Custom(keys_of_first));
    t.set_reads(&["index"], Reads::Custom(index_reads));
    t.set_reads(&["dig"], Reads::Custom(dig_reads));
    t.set_reads(&["pluck"], Reads::Custom(pluck_reads));
}

fn default_reads(args: &[Value], log: &mut ReadLog) {
    if let [_, given, ..] = args {
        log.truth(given);
    }
}

fn truth_reads(args: &[Value], log: &mut ReadLog) {
    args.iter().for_each(|a| log.truth(a));
}

fn key_set_reads(args: &[Value], log: &mut ReadLog) {
    args.iter().for_each(|a| log.key_set(a));
}

/// `get m k`, `hasKey m k`, `pick m k1 k2...`: keys of the first argument.
fn keys_of_first(args: &[Value], log: &mut ReadLog) {
    if let [Value::Map(m), keys @ ..] = args {
        for key in keys {
            if let Value::Str(k) = key {
                log.key(m, k);
            }
        }
    }
}

/// `index m k1 k2...`.
fn index_reads(args: &[Value], log: &mut ReadLog) {
    if let [start, keys @ ..] = args {
        key_chain(start, keys, log);
    }
}

/// `dig k1 k2... default m`.
fn dig_reads(args: &[Value], log: &mut ReadLog) {
    if let [keys @ .., _, map] = args {
        key_chain(map, keys, log);
    }
}

/// `pluck k m1 m2...`.
fn pluck_reads(args: &[Value], log: &mut ReadLog) {
    if let [Value::Str(key), maps @ ..] = args {
        for map in maps {
            if let Value::Map(m) = map {
                log.key(m, key);
            }
        }
    }
}
