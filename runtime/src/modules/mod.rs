//! Built-in modules and the import machinery.
//!
//! Modules come from three places, searched in this order: modules written
//! in Rust (`native_module`), standard-library modules written in Python
//! and embedded in the binary (`stdlib`), and `.py` files on `sys.path`.

pub mod hashlib;
pub mod import;
pub mod io;
pub mod json;
pub mod math;
pub mod posix;
pub mod random;
pub mod re;
pub mod stdlib;
pub mod structs;
pub mod sys;
pub mod time;
pub mod traceback;

use crate::compile::CompileError;
use crate::interp::attr;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::{int, str as pystr, Value};
use crate::vm::Vm;

/// Create the modules every program starts with.
pub fn install(vm: &Vm) {
    sys::install(vm);
    let b = &vm.builtins;
    crate::objects::dict::set_str(
        b,
        pystr::intern("__import__"),
        crate::objects::function::new_builtin("__import__", import::builtin_import),
    );
    crate::objects::dict::set_str(b, pystr::intern("open"), crate::objects::function::new_builtin("open", io::open));
    for name in ["exit", "quit"] {
        crate::objects::dict::set_str(b, pystr::intern(name), crate::objects::function::new_builtin(name, sys::exit));
    }
}

/// A module implemented in Rust, created on first import.
pub fn native_module(vm: &Vm, name: &str) -> Option<PyResult<Value>> {
    Some(match name {
        "math" => math::create(vm),
        "_time" => time::create(vm),
        "_random" => random::create(vm),
        "_hashlib" => hashlib::create(vm),
        "_json" => json::create(vm),
        "_re" => re::create(vm),
        "posix" => posix::create(vm),
        "_traceback" => traceback::create(vm),
        "_struct" => structs::create(vm),
        _ => return None,
    })
}

/// The SyntaxError (or IndentationError/TabError) for a compile error, with
/// the attributes CPython gives it.
pub fn compile_error_to_exception(e: &CompileError) -> PyErr {
    use crate::compile::ErrorKind;
    let ty = match e.kind {
        ErrorKind::SyntaxError => exc().syntax_error,
        ErrorKind::IndentationError => exc().indentation_error,
        ErrorKind::TabError => exc().tab_error,
    };
    let err = PyErr::new(ty, &e.msg);
    let set = |k: &str, v: Value| {
        let _ = attr::generic_setattr(&err.0, &pystr::intern(k), v);
    };
    set("msg", pystr::new_str(&e.msg));
    set("filename", pystr::new_str(&e.filename));
    set("lineno", int::from_i64(e.line as i64));
    set("offset", int::from_i64(e.col as i64));
    set("end_lineno", int::from_i64(e.end_line as i64));
    set("end_offset", int::from_i64(e.end_col as i64));
    set(
        "text",
        match &e.text {
            Some(t) => pystr::new_str(t),
            None => crate::objects::none(),
        },
    );
    err
}
