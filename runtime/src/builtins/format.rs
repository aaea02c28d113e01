//! `format(value, spec)`: the format-spec mini-language for built-in
//! types, `__format__` for classes.

use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::format_spec::{self, FormatSpec};
use crate::objects::{float, int, str as pystr, Value};
use crate::vm::Vm;

pub fn format_value(vm: &Vm, v: &Value, spec: &str) -> PyResult<Value> {
    if let Some(r) = ops::call_dunder(vm, v, "__format__", &[pystr::new_str(spec)])? {
        if pystr::as_str(&r).is_none() {
            return Err(PyErr::new(
                exc().type_error,
                format!("__format__ must return a str, not {}", ops::type_name(&r)),
            ));
        }
        return Ok(r);
    }
    if spec.is_empty() {
        return ops::str_value(vm, v);
    }
    let parsed = FormatSpec::parse(spec).map_err(ops::num_err)?;
    // A bool with a non-empty spec formats as its int value, as in CPython.
    let out = if let Some(i) = int::as_int(v) {
        format_spec::format_int(&i, &parsed)
    } else if let Some(f) = float::as_float(v) {
        format_spec::format_float(f, &parsed)
    } else if let Some(s) = pystr::as_str(v) {
        format_spec::format_str(s, &parsed)
    } else {
        return Err(PyErr::new(
            exc().type_error,
            format!("unsupported format string passed to {}.__format__", ops::type_name(v)),
        ));
    };
    Ok(pystr::from_string(out.map_err(ops::num_err)?.into()))
}
