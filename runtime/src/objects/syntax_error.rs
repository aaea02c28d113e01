//! `SyntaxError`'s constructor: `SyntaxError(msg, (filename, lineno,
//! offset, text[, end_lineno, end_offset]))` sets those attributes (and
//! `msg`), keeping `args` as given, as CPython's `SyntaxError_init` does.

use super::exception::{new_exception, PyErr, PyResult};
use super::typeobj::TypePtr;
use super::value::Value;
use super::{dict, none, str as pystr, tuple};

const DETAILS: [&str; 6] = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];

pub fn new(tp: TypePtr, args: &[Value]) -> PyResult<Value> {
    let e = new_exception(tp, tuple::new_tuple(args.to_vec()));
    let d = dict::new_dict();
    dict::set_str(&d, pystr::intern("msg"), args.first().cloned().unwrap_or_else(none));
    let mut details: Vec<Value> = Vec::new();
    if args.len() == 2 {
        let type_error = |m: String| PyErr::new(super::exception::exc().type_error, m);
        let info = tuple::as_tuple(&args[1]).map(|t| t.items.to_vec()).ok_or_else(|| {
            type_error(format!("'{}' object is not iterable", super::typeobj::type_of(&args[1]).name()))
        })?;
        if info.len() < 4 {
            return Err(type_error(format!("function takes at least 4 arguments ({} given)", info.len())));
        }
        if info.len() > 6 {
            return Err(type_error(format!("function takes at most 6 arguments ({} given)", info.len())));
        }
        details = info;
    }
    for (i, name) in DETAILS.iter().enumerate() {
        dict::set_str(&d, pystr::intern(name), details.get(i).cloned().unwrap_or_else(none));
    }
    dict::set_str(&d, pystr::intern("print_file_and_line"), none());
    *super::exception::as_exception(&e).expect("an exception").dict_slot() = d;
    Ok(e)
}
