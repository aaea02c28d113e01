//! The `builtins` module: functions, types and exceptions every program
//! sees, and the methods of the built-in types.

pub mod args;
pub mod bytes;
pub mod bytes_text;
pub mod classes;
pub mod codecs;
pub mod format;
pub mod functions;
pub mod iterators;
pub mod methods;
pub mod numbers;
pub mod sets;
pub mod slots;
pub mod strformat;
pub mod types;

use crate::objects::function::{new_builtin, new_method_descriptor, NativeFn};
use crate::objects::{dict, exception::exc, module, none, str as pystr, types as builtin_types, TypePtr, Value};
use crate::vm::Vm;

/// Install a table of Rust methods into a built-in type's dict.
pub fn add_methods(ty: TypePtr, methods: &[(&'static str, NativeFn)]) {
    let tv = ty.value();
    for &(name, f) in methods {
        dict::set_str(&ty.as_type().dict, pystr::intern(name), new_method_descriptor(name, f, tv.clone()));
    }
}

/// Install a Rust function as a classmethod (`dict.fromkeys`) or, with
/// `wrapper` staticmethod, a staticmethod (`str.maketrans`).
pub fn add_wrapped(ty: TypePtr, wrapper: TypePtr, name: &'static str, f: NativeFn) {
    let w = crate::objects::descr::new_wrapper(wrapper, new_builtin(name, f));
    dict::set_str(&ty.as_type().dict, pystr::intern(name), w);
}

/// Fill the builtins dict and register the `builtins` module.
pub fn install(vm: &Vm) {
    let b = &vm.builtins;
    let set = |name: &str, v: Value| dict::set_str(b, pystr::intern(name), v);
    for &(name, f) in functions::FUNCTIONS {
        set(name, new_builtin(name, f));
    }
    let t = builtin_types();
    for (name, ty) in [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("tuple", t.tuple),
        ("list", t.list),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
        ("range", t.range),
        ("slice", t.slice),
    ] {
        set(name, ty.value());
    }
    for (name, ty) in exc().all() {
        set(name, ty.value());
    }
    set("None", none());
    set("True", crate::objects::true_());
    set("False", crate::objects::false_());
    set("Ellipsis", crate::objects::ellipsis());
    set("NotImplemented", crate::objects::not_implemented());
    set("__debug__", crate::objects::true_());
    // The built-in types are shared by every VM of the process (tests run
    // several at once, on their own threads): their methods are installed
    // once, so no VM replaces another's method objects (whose identities
    // `CALL_LIST_APPEND` and friends guard on) or mutates a type's dict
    // while another thread reads it.
    static TYPE_METHODS: std::sync::Once = std::sync::Once::new();
    TYPE_METHODS.call_once(|| {
        methods::install();
        sets::install();
        classes::install_types();
        slots::install();
        numbers::install();
        bytes::install();
        bytes_text::install();
    });
    classes::install_builtins(vm);
    let m = module::new_module("builtins", b.clone());
    vm.add_module("builtins", m);
}
