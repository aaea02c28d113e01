//! Callables: Python functions, cells, bound methods and Rust builtins.

use std::cell::{Cell, UnsafeCell};

use super::exception::PyResult;
use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};
use crate::vm::Vm;

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct FunctionObj {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub name: UnsafeCell<Value>,
    pub qualname: UnsafeCell<Value>,
    /// Tuple of positional defaults, or NULL.
    pub defaults: UnsafeCell<Value>,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: UnsafeCell<Value>,
    /// Tuple of cells for the code's free variables, or NULL.
    pub closure: UnsafeCell<Value>,
    pub doc: UnsafeCell<Value>,
    /// `__dict__`, created on first use (NULL until then).
    pub dict: UnsafeCell<Value>,
    /// The function version: functions made from the same code object
    /// share its version (`CodeObj::func_version`, CPython 3.13's
    /// `co_version`: a genexpr or closure made anew at every call keeps its
    /// call sites specialized) until any attribute changes (code, defaults,
    /// closure, ... after `MAKE_FUNCTION`'s own `SET_FUNCTION_ATTRIBUTE`s),
    /// which takes a fresh one. So a call-site cache validates the code,
    /// and the state its form depends on, with one compare; what differs
    /// between such functions (globals, closure cells, defaults) is read
    /// from the live function at each call. 0 when versions ran out (not
    /// specialized).
    pub version: Cell<u32>,
    /// `__annotations__` dict, created on first use (NULL until then).
    pub annotations: UnsafeCell<Value>,
}

impl FunctionObj {
    /// The code object. `code` is set once, by [`new_function`], which
    /// checks it is one (`__code__` is read-only here), so no check now:
    /// every call and every return to a frame reads it.
    #[inline(always)]
    pub fn code(&self) -> &crate::bytecode::code::CodeObj {
        debug_assert!(crate::bytecode::code::as_code(&self.code).is_some());
        unsafe { self.code.payload::<crate::bytecode::code::CodeObj>() }
    }

    pub fn get(&self, f: &UnsafeCell<Value>) -> Value {
        unsafe { (*f.get()).clone() }
    }

    pub fn set(&self, f: &UnsafeCell<Value>, v: Value) {
        let old = unsafe { std::mem::replace(&mut *f.get(), v) };
        self.version.set(next_function_version());
        drop(old);
    }

    /// Set an attribute of a function `MAKE_FUNCTION` just made
    /// (`SET_FUNCTION_ATTRIBUTE`): it keeps its code's version, as in
    /// CPython, where only later changes reset it.
    pub fn init(&self, f: &UnsafeCell<Value>, v: Value) {
        let old = unsafe { std::mem::replace(&mut *f.get(), v) };
        drop(old);
    }

    pub fn borrow<'a>(&'a self, f: &'a UnsafeCell<Value>) -> &'a Value {
        unsafe { &*f.get() }
    }
}

pub fn new_function(code: Value, globals: Value, builtins: Value) -> Value {
    let c = crate::bytecode::code::as_code(&code).expect("a code object");
    let name = c.name.clone();
    let qualname = c.qualname.clone();
    // The compiler puts a function's docstring (or None) first in its consts.
    let doc = match c.consts.first() {
        Some(d) if super::str::as_str(d).is_some() => d.clone(),
        _ => super::none(),
    };
    let version = code_version(c);
    Value::from_box(Box::new(Obj {
        hdr: Header::new(types().function),
        data: FunctionObj {
            code,
            globals,
            builtins,
            name: UnsafeCell::new(name),
            qualname: UnsafeCell::new(qualname),
            defaults: UnsafeCell::new(Value::NULL),
            kwdefaults: UnsafeCell::new(Value::NULL),
            closure: UnsafeCell::new(Value::NULL),
            doc: UnsafeCell::new(doc),
            dict: UnsafeCell::new(Value::NULL),
            version: Cell::new(version),
            annotations: UnsafeCell::new(Value::NULL),
        },
    }))
}

/// The version new functions of `code` start with, taken on first use.
fn code_version(code: &crate::bytecode::code::CodeObj) -> u32 {
    let v = code.func_version.get();
    if v != 0 {
        return v;
    }
    let v = next_function_version();
    code.func_version.set(v);
    v
}

/// A fresh function version (0 once the 32-bit space is used up).
fn next_function_version() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    crate::interp::specialize::next_version(&NEXT)
}

/// `__annotations__` from the compiler's flat `(name, value, ...)` tuple.
pub fn set_annotations(f: &FunctionObj, pairs: &Value) {
    let d = super::dict::new_dict();
    for kv in super::tuple::items(pairs).chunks(2) {
        if let [k, v] = kv {
            super::dict::set_str(&d, k.clone(), v.clone());
        }
    }
    f.set(&f.annotations, d);
}

pub fn as_function(v: &Value) -> Option<&FunctionObj> {
    if v.is_heap() && type_of(v).layout == Layout::Function {
        Some(unsafe { v.payload::<FunctionObj>() })
    } else {
        None
    }
}

/// A cell: the shared box behind a closure variable.
pub struct CellObj {
    pub v: UnsafeCell<Value>,
}

impl CellObj {
    pub fn get(&self) -> Value {
        unsafe { (*self.v.get()).clone() }
    }

    pub fn is_empty(&self) -> bool {
        unsafe { (*self.v.get()).is_null() }
    }

    pub fn set(&self, v: Value) {
        let old = unsafe { std::mem::replace(&mut *self.v.get(), v) };
        drop(old);
    }
}

pub fn new_cell(v: Value) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().cell), data: CellObj { v: UnsafeCell::new(v) } }))
}

pub fn as_cell(v: &Value) -> Option<&CellObj> {
    if v.is_heap() && type_of(v).layout == Layout::Cell {
        Some(unsafe { v.payload::<CellObj>() })
    } else {
        None
    }
}

/// A callable bound to its first argument (`obj.method`).
/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct BoundMethodObj {
    pub func: Value,
    pub self_: Value,
}

pub fn new_bound_method(func: Value, self_: Value) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().method), data: BoundMethodObj { func, self_ } }))
}

pub fn as_bound_method(v: &Value) -> Option<&BoundMethodObj> {
    if v.is_heap() && type_of(v).layout == Layout::BoundMethod {
        Some(unsafe { v.payload::<BoundMethodObj>() })
    } else {
        None
    }
}

/// A Rust function callable from Python. `args` holds the positional
/// arguments followed by the values of the keyword arguments named in
/// `kwnames` (the vectorcall convention, so calls need no allocation).
pub type NativeFn = fn(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value>;

pub struct BuiltinObj {
    pub name: &'static str,
    pub func: NativeFn,
    /// For a type's method: the type it belongs to (the receiver is
    /// `args[0]`); NULL for plain functions.
    pub owner: Value,
    /// For a builtin bound to a value (e.g. a module function that needs its
    /// module), passed as `args[0]`; NULL otherwise.
    pub bound: Value,
}

pub fn new_builtin(name: &'static str, func: NativeFn) -> Value {
    Value::from_box(Box::new(Obj {
        hdr: Header::new(types().builtin_function),
        data: BuiltinObj { name, func, owner: Value::NULL, bound: Value::NULL },
    }))
}

/// A method of a built-in type: `args[0]` is the receiver.
pub fn new_method_descriptor(name: &'static str, func: NativeFn, owner: Value) -> Value {
    Value::from_box(Box::new(Obj {
        hdr: Header::new(types().builtin_function),
        data: BuiltinObj { name, func, owner, bound: Value::NULL },
    }))
}

pub fn as_builtin(v: &Value) -> Option<&BuiltinObj> {
    if v.is_heap() && type_of(v).layout == Layout::Builtin {
        Some(unsafe { v.payload::<BuiltinObj>() })
    } else {
        None
    }
}
