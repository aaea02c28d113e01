//! Calling: binding arguments to a Python function's parameters, and the
//! generic `call` used by Rust code (the eval loop inlines calls to Python
//! functions instead, without recursing on the Rust stack).

use crate::bytecode::code::{co_flags, CodeObj};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{as_bound_method, as_builtin, as_function, FunctionObj};
use crate::objects::typeobj::as_type;
use crate::objects::{dict, str as pystr, tuple, type_of, Layout, Value};
use crate::vm::Vm;

use super::frame::Frame;

/// Call any callable with positional `args` followed by the values of the
/// keyword arguments named in `kwnames`.
pub fn call(vm: &Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if as_function(callable).is_some() {
        let frame = push_function_frame(vm, callable.clone(), args, kwnames)?;
        return unsafe { super::eval::run_frame(vm, frame) };
    }
    if let Some(b) = as_builtin(callable) {
        if b.bound.is_null() {
            return (b.func)(vm, args, kwnames);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(b.bound.clone());
        all.extend(args.iter().cloned());
        return (b.func)(vm, &all, kwnames);
    }
    if let Some(m) = as_bound_method(callable) {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(m.self_.clone());
        all.extend(args.iter().cloned());
        return call(vm, &m.func, &all, kwnames);
    }
    if let Some(t) = as_type(callable) {
        // A metaclass may define __call__.
        let meta = type_of(callable);
        if meta.has_flag(crate::objects::typeobj::flags::HEAPTYPE) {
            if let Some(f) = meta.lookup(&crate::interned!("__call__")).filter(|f| as_function(f).is_some()) {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(callable.clone());
                all.extend(args.iter().cloned());
                return call(vm, &f, &all, kwnames);
            }
        }
        if t.has_flag(crate::objects::typeobj::flags::HEAPTYPE) {
            return crate::builtins::classes::call_heap_type(vm, callable, args, kwnames);
        }
        return crate::builtins::types::call_type(vm, callable, t, args, kwnames);
    }
    let ty = type_of(callable);
    if ty.layout == Layout::Object || ty.has_flag(crate::objects::typeobj::flags::HEAPTYPE) {
        if let Some(f) = ty.lookup(&crate::interned!("__call__")) {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(callable.clone());
            all.extend(args.iter().cloned());
            return call(vm, &f, &all, kwnames);
        }
    }
    Err(PyErr::new(exc().type_error, format!("'{}' object is not callable", ty.name())))
}

/// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
/// `module.qualname()`, without the module for builtins.
pub fn function_str(vm: &Vm, f: &Value) -> String {
    let get = |name: &str| {
        super::attr::lookup(vm, f, &pystr::intern(name))
            .ok()
            .flatten()
            .and_then(|v| pystr::as_str(&v).map(String::from))
    };
    match (get("__qualname__"), get("__module__")) {
        (Some(q), Some(m)) if m != "builtins" => format!("{m}.{q}()"),
        (Some(q), _) => format!("{q}()"),
        _ => format!("{} object", type_of(f).name()),
    }
}

/// Push a frame for the Python function `func` with its arguments bound,
/// linked to the current frame. The caller runs it.
pub fn push_function_frame(vm: &Vm, func: Value, args: &[Value], kwnames: &[Value]) -> PyResult<*mut Frame> {
    let depth = vm.depth.get();
    if depth >= vm.recursion_limit.get() {
        return Err(PyErr::new(exc().recursion_error, "maximum recursion depth exceeded"));
    }
    let frame = vm.frames().push(func, Value::NULL, vm.current_frame.get());
    vm.depth.set(depth + 1);
    let f = unsafe { &mut *frame };
    let slots = f.localsplus();
    let func_obj = crate::objects::function::as_function(&f.func).expect("a function");
    if let Err(e) = unsafe { bind_args(func_obj, func_obj.code(), slots, args, kwnames) } {
        unsafe { super::frame::FrameStack::pop(vm.frames.get(), frame) };
        vm.depth.set(depth);
        return Err(e);
    }
    Ok(frame)
}

/// Fill a new frame's parameter slots from a call's arguments, with
/// CPython's error messages for every mismatch.
///
/// # Safety
/// `slots` points at the frame's `code.nlocalsplus()` local slots, all NULL.
pub unsafe fn bind_args(
    f: &FunctionObj,
    code: &CodeObj,
    slots: *mut Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<()> {
    let set = |i: usize, v: Value| unsafe {
        let old = std::ptr::replace(slots.add(i), v);
        drop(old);
    };
    let is_set = |i: usize| unsafe { !(*slots.add(i)).is_null() };
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let npos = args.len() - kwnames.len();
    let has_varargs = code.flags & co_flags::VARARGS != 0;
    let has_varkw = code.flags & co_flags::VARKEYWORDS != 0;
    let fname = code.qualname_str();

    // Fast path: exactly the positional parameters.
    if kwnames.is_empty() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        for (i, a) in args.iter().enumerate() {
            unsafe { std::ptr::write(slots.add(i), a.clone()) };
        }
        return Ok(());
    }

    for (i, a) in args[..npos.min(argcount)].iter().enumerate() {
        set(i, a.clone());
    }
    let mut slot = argcount + kwonly;
    if has_varargs {
        let extra = if npos > argcount { args[argcount..npos].to_vec() } else { Vec::new() };
        set(slot, tuple::new_tuple(extra));
        slot += 1;
    } else if npos > argcount {
        return Err(too_many_positional(f, code, npos, kwnames, args));
    }
    let kwdict = if has_varkw {
        let d = dict::new_dict();
        set(slot, d.clone());
        Some(d)
    } else {
        None
    };

    // Keyword arguments.
    let mut posonly_as_kw = Vec::new();
    for (k, name) in kwnames.iter().enumerate() {
        let value = args[npos + k].clone();
        let n = pystr::as_str(name).unwrap_or("");
        let found = (code.posonlyargcount as usize..argcount + kwonly).find(|&i| code.slot_name(i) == n);
        match found {
            Some(i) => {
                if is_set(i) {
                    return Err(PyErr::new(
                        exc().type_error,
                        format!("{fname}() got multiple values for argument '{n}'"),
                    ));
                }
                set(i, value);
            }
            None => match &kwdict {
                Some(d) => dict::set_str(d, name.clone(), value),
                None => {
                    if (0..code.posonlyargcount as usize).any(|i| code.slot_name(i) == n) {
                        posonly_as_kw.push(n.to_string());
                        continue;
                    }
                    return Err(PyErr::new(
                        exc().type_error,
                        format!("{fname}() got an unexpected keyword argument '{n}'"),
                    ));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::new(
            exc().type_error,
            format!(
                "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            ),
        ));
    }

    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = f.borrow(&f.defaults);
        let defaults = tuple::items(defaults);
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for i in npos..argcount {
            if is_set(i) {
                continue;
            }
            if i >= first_default {
                set(i, defaults[i - first_default].clone());
            } else {
                missing.push(code.slot_name(i).to_string());
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(fname, "positional", &missing));
        }
    }
    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = f.borrow(&f.kwdefaults);
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if is_set(i) {
                continue;
            }
            let name = &code.localsplus_names[i];
            match (!kwdefaults.is_null()).then(|| dict::get_str(kwdefaults, name)).flatten() {
                Some(v) => set(i, v),
                None => missing.push(code.slot_name(i).to_string()),
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(fname, "keyword-only", &missing));
        }
    }
    Ok(())
}

fn missing_error(fname: &str, kind: &str, missing: &[String]) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let s = if missing.len() == 1 { "" } else { "s" };
    PyErr::new(exc().type_error, format!("{fname}() missing {} required {kind} argument{s}: {list}", missing.len()))
}

fn too_many_positional(f: &FunctionObj, code: &CodeObj, given: usize, kwnames: &[Value], args: &[Value]) -> PyErr {
    let argcount = code.argcount as usize;
    let ndefaults = tuple::items(f.borrow(&f.defaults)).len();
    let fname = code.qualname_str();
    let takes = if ndefaults > 0 {
        format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
    } else {
        format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
    };
    // Keyword-only arguments that were given are mentioned, as CPython does.
    let npos = args.len() - kwnames.len();
    let kwonly_given = kwnames
        .iter()
        .filter(|n| {
            let n = pystr::as_str(n).unwrap_or("");
            (argcount..argcount + code.kwonlyargcount as usize).any(|i| code.slot_name(i) == n)
        })
        .count();
    let _ = npos;
    let was = if given == 1 { "was" } else { "were" };
    if kwonly_given > 0 {
        let s = if kwonly_given == 1 { "" } else { "s" };
        return PyErr::new(
            exc().type_error,
            format!(
                "{fname}() takes {takes} but {given} positional argument{} (and {kwonly_given} keyword-only argument{s}) were given",
                if given == 1 { "" } else { "s" }
            ),
        );
    }
    PyErr::new(exc().type_error, format!("{fname}() takes {takes} but {given} {was} given"))
}
