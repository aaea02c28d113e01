//! The `sys` module.

use std::cell::RefCell;
use std::io::Write;

use crate::builtins::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, new_method_descriptor, NativeFn};
use crate::objects::{dict, int, list, module, none, str as pystr, tuple, types, Layout, TypePtr, Value};
use crate::vm::Vm;

thread_local! {
    /// `sys.stdout` and `sys.stderr`, to tell them apart in `write`.
    static STREAMS: RefCell<Option<(Value, Value)>> = const { RefCell::new(None) };
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("exit", exit),
    ("getrecursionlimit", getrecursionlimit),
    ("setrecursionlimit", setrecursionlimit),
    ("getrefcount", getrefcount),
    ("_getframe", getframe),
    ("exc_info", exc_info),
    ("exception", exception),
    ("intern", intern),
];

pub fn install(vm: &Vm) {
    let d = dict::new_dict();
    let set = |name: &str, v: Value| dict::set_str(&d, pystr::intern(name), v);
    for &(name, f) in FUNCTIONS {
        set(name, new_builtin(name, f));
    }
    let argv = vm.config.argv.iter().map(|a| pystr::new_str(a)).collect();
    set("argv", list::new_list(argv));
    set("path", list::new_list(vec![pystr::new_str(&vm.config.path0)]));
    set("modules", vm.modules.clone());
    set("maxsize", int::from_i64(i64::MAX));
    set("platform", pystr::intern(std::env::consts::OS));
    set("byteorder", pystr::intern(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set("version_info", version_info());
    set("float_info", float_info());
    set("maxunicode", int::from_i64(char::MAX as i64));
    set("implementation", implementation());
    set("version", pystr::new_str(&format!("3.13.0 (pyfast {})", env!("CARGO_PKG_VERSION"))));
    let (stdout, stderr) = make_streams();
    set("stdout", stdout.clone());
    set("stderr", stderr.clone());
    set("__stdout__", stdout.clone());
    set("__stderr__", stderr.clone());
    STREAMS.with(|s| *s.borrow_mut() = Some((stdout, stderr)));
    let stdin = open_stdin(vm);
    set("stdin", stdin.clone());
    set("__stdin__", stdin);
    vm.add_module("sys", module::new_module("sys", d));
}

/// `sys.stdin`: a text file over descriptor 0 that never closes it (None
/// when the process has no standard input).
fn open_stdin(vm: &Vm) -> Value {
    let args = [
        Value::small_int(0),
        pystr::intern("r"),
        Value::small_int(-1),
        none(),
        none(),
        none(),
        crate::objects::bool_val(false),
    ];
    super::io::open(vm, &args, &[]).unwrap_or_else(|_| none())
}

/// The `sys` module.
pub fn module(vm: &Vm) -> Option<Value> {
    dict::get_str(&vm.modules, &pystr::intern("sys"))
}

/// The text stream type behind `sys.stdout`/`sys.stderr`.
fn make_streams() -> (Value, Value) {
    let ty: TypePtr = crate::objects::bootstrap::new_type("TextIOWrapper", Layout::Object, types().object, 0);
    for (name, f) in [("write", stream_write as NativeFn), ("flush", stream_flush as NativeFn)] {
        dict::set_str(&ty.as_type().dict, pystr::intern(name), new_method_descriptor(name, f, ty.value()));
    }
    let stdout = crate::objects::instance::new_instance(ty);
    let stderr = crate::objects::instance::new_instance(ty);
    stdout.make_immortal();
    stderr.make_immortal();
    (stdout, stderr)
}

/// `sys.stdout` as the program last set it (None if it was deleted).
pub fn current_stdout(vm: &Vm) -> Option<Value> {
    dict::get_str(&module::as_module(&module(vm)?)?.dict, &pystr::intern("stdout"))
}

/// Which of the process's standard streams `f` is, if any.
pub enum StdStream {
    Stdout,
    Stderr,
}

pub fn std_stream(f: &Value) -> Option<StdStream> {
    STREAMS.with(|s| match &*s.borrow() {
        Some((_, err)) if f.is(err) => Some(StdStream::Stderr),
        Some((out, _)) if f.is(out) => Some(StdStream::Stdout),
        _ => None,
    })
}

fn stream_write(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("write", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let Some(s) = pystr::as_str(&a.pos[1]) else {
        return Err(type_error(format!("write() argument must be str, not {}", ops::type_name(&a.pos[1]))));
    };
    if matches!(std_stream(&a.pos[0]), Some(StdStream::Stderr)) {
        vm.flush_stdout();
        let _ = std::io::stderr().write_all(s.as_bytes());
    } else {
        let _ = vm.stdout.borrow_mut().write_all(s.as_bytes());
    }
    Ok(int::from_i64(pystr::as_str_obj(&a.pos[1]).unwrap().nchars as i64))
}

fn stream_flush(vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.flush_stdout();
    Ok(none())
}

/// `sys.exit([code])`; also the `exit()` and `quit()` builtins (which
/// CPython's `site` adds).
pub fn exit(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("exit", args, kw);
    a.no_kwargs()?;
    a.expect(0, 1)?;
    Err(match a.pos.first() {
        None => PyErr::empty(exc().system_exit),
        Some(v) => PyErr::with_arg(exc().system_exit, v.clone()),
    })
}

fn getrecursionlimit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getrecursionlimit", args, kw).expect(0, 0)?;
    Ok(int::from_i64(vm.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("setrecursionlimit", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let n = ops::index_value(&a.pos[0])?;
    if n < 1 {
        return Err(PyErr::new(exc().value_error, "recursion limit must be greater or equal than 1"));
    }
    let depth = vm.depth.get() as i64;
    if n <= depth {
        return Err(PyErr::new(
            exc().recursion_error,
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    vm.recursion_limit.set(n.min(u32::MAX as i64) as u32);
    Ok(none())
}

fn getrefcount(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getrefcount", args, kw);
    a.expect(1, 1)?;
    Ok(int::from_i64(a.pos[0].refcount().min(i64::MAX as usize) as i64))
}

/// `sys._getframe([depth])`.
fn getframe(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("_getframe", args, kw);
    a.no_kwargs()?;
    a.expect(0, 1)?;
    let depth = match a.pos.first() {
        Some(d) => ops::index_value(d)?,
        None => 0,
    };
    let mut f = vm.current_frame.get();
    let mut n = depth;
    while n > 0 && !f.is_null() {
        f = unsafe { (*f).previous };
        n -= 1;
    }
    if f.is_null() || depth < 0 {
        return Err(PyErr::new(exc().value_error, "call stack is not deep enough"));
    }
    Ok(unsafe { crate::objects::frame_obj::frame_object(f) })
}

/// `sys.exc_info()`.
fn exc_info(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("exc_info", args, kw).expect(0, 0)?;
    let e = vm.handled_exc();
    if e.is_null() || crate::objects::is_none(e) {
        return Ok(tuple::new_tuple(vec![none(), none(), none()]));
    }
    Ok(tuple::new_tuple(vec![crate::objects::type_ptr_of(e).value(), e.clone(), crate::objects::traceback::of(e)]))
}

/// `sys.exception()`.
fn exception(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("exception", args, kw).expect(0, 0)?;
    let e = vm.handled_exc();
    Ok(if e.is_null() { none() } else { e.clone() })
}

/// `sys.version_info`: a struct sequence (a tuple with named fields).
fn version_info() -> Value {
    let items = vec![
        Value::small_int(3),
        Value::small_int(13),
        Value::small_int(0),
        pystr::intern("final"),
        Value::small_int(0),
    ];
    struct_seq("sys.version_info", &["major", "minor", "micro", "releaselevel", "serial"], items)
}

/// A struct sequence: a tuple of a named type whose items are also
/// attributes (`sys.version_info.major`, `sys.float_info.max`).
fn struct_seq(type_name: &str, fields: &[&str], items: Vec<Value>) -> Value {
    let ty = crate::objects::bootstrap::new_type(type_name, Layout::Tuple, types().tuple, 0);
    let names = tuple::new_tuple(fields.iter().map(|f| pystr::intern(f)).collect());
    dict::set_str(&ty.as_type().dict, pystr::intern("_fields"), names);
    let v = tuple::new_tuple(items);
    // Re-type the fresh tuple (same layout).
    v.header().expect("a heap tuple").ty.set(ty.0);
    v
}

/// `sys.float_info`: the properties of `f64`.
fn float_info() -> Value {
    use crate::objects::float::new_float;
    let items = vec![
        new_float(f64::MAX),
        Value::small_int(f64::MAX_EXP as i64),
        Value::small_int(f64::MAX_10_EXP as i64),
        new_float(f64::MIN_POSITIVE),
        Value::small_int(f64::MIN_EXP as i64),
        Value::small_int(f64::MIN_10_EXP as i64),
        Value::small_int(f64::DIGITS as i64),
        Value::small_int(f64::MANTISSA_DIGITS as i64),
        new_float(f64::EPSILON),
        Value::small_int(f64::RADIX as i64),
        Value::small_int(1),
    ];
    let fields = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    struct_seq("sys.float_info", &fields, items)
}

/// `sys.intern(s)`.
fn intern(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("intern", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    match pystr::as_str(&a.pos[0]) {
        Some(s) if !a.pos[0].is_small_int() => Ok(pystr::intern(s)),
        _ => Err(type_error(format!("intern() argument must be str, not {}", ops::type_name(&a.pos[0])))),
    }
}

/// `sys.implementation`: a namespace whose `name` is "pyfast".
fn implementation() -> Value {
    let ty = crate::objects::bootstrap::new_type(
        "SimpleNamespace",
        Layout::Object,
        types().object,
        crate::objects::typeobj::flags::HAS_DICT,
    );
    let ns = crate::objects::instance::new_instance(ty);
    let d = crate::interp::attr::instance_dict(&ns).expect("namespaces have a dict").clone();
    dict::set_str(&d, pystr::intern("name"), pystr::intern("pyfast"));
    dict::set_str(&d, pystr::intern("cache_tag"), none());
    dict::set_str(&d, pystr::intern("version"), version_info());
    ns
}
