//! Traceback objects (`e.__traceback__`, the third value of
//! `sys.exc_info()` and of `__exit__`'s arguments): built on request from
//! the frames an exception recorded, outermost first, each with
//! `tb_lineno`, `tb_lasti`, `tb_next` and a `tb_frame` that answers
//! `f_code`, `f_lineno` and `f_globals`-free questions about its frame.

use std::sync::OnceLock;

use super::exception::as_exception;
use super::typeobj::{flags, Layout, TypePtr};
use super::value::Value;
use super::{dict, int, none, str as pystr, types};

struct Types {
    traceback: TypePtr,
    frame: TypePtr,
}

unsafe impl Sync for Types {}
unsafe impl Send for Types {}

fn tb_types() -> &'static Types {
    static T: OnceLock<Types> = OnceLock::new();
    T.get_or_init(|| {
        let new = |name| super::bootstrap::new_type(name, Layout::Object, types().object, flags::HAS_DICT);
        Types { traceback: new("traceback"), frame: new("frame") }
    })
}

fn with_attrs(ty: TypePtr, attrs: &[(&str, Value)]) -> Value {
    let v = super::instance::new_instance(ty);
    let d = crate::interp::attr::instance_dict(&v).expect("a dict").clone();
    for (k, x) in attrs {
        dict::set_str(&d, pystr::intern(k), x.clone());
    }
    v
}

/// The traceback of exception `e` (None when it was never raised).
pub fn of(e: &Value) -> Value {
    let Some(x) = as_exception(e) else { return none() };
    let t = tb_types();
    let mut next = none();
    // Entries are innermost first; the chain starts at the outermost.
    for entry in x.traceback().iter() {
        let Some(code) = crate::bytecode::code::as_code(&entry.code) else { continue };
        let line = int::from_i64(code.line_of(entry.instr as usize) as i64);
        let frame = with_attrs(t.frame, &[("f_code", entry.code.clone()), ("f_lineno", line.clone())]);
        next = with_attrs(
            t.traceback,
            &[
                ("tb_frame", frame),
                ("tb_lineno", line),
                ("tb_lasti", int::from_i64(entry.instr as i64 * 2)),
                ("tb_next", next),
            ],
        );
    }
    next
}
