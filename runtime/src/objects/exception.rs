//! Exception objects, the built-in exception hierarchy, and `PyErr`, the
//! error half of every fallible runtime operation.

use std::cell::{Cell, UnsafeCell};
use std::sync::OnceLock;

use super::typeobj::{type_of, type_ptr_of, Layout, TypePtr};
use super::value::{Header, Obj, Value};

/// A raised Python exception: always an exception instance.
#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

/// One frame an exception passed through: the code and the instruction.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Value,
    pub instr: u32,
}

pub struct ExceptionObj {
    /// The `args` tuple.
    pub args: UnsafeCell<Value>,
    /// Frames the exception passed through, innermost first.
    pub traceback: UnsafeCell<Vec<TbEntry>>,
    pub cause: UnsafeCell<Value>,
    pub context: UnsafeCell<Value>,
    pub suppress_context: Cell<bool>,
    /// Instance `__dict__` (NULL until an attribute is set).
    pub dict: UnsafeCell<Value>,
}

impl ExceptionObj {
    pub fn args(&self) -> &Value {
        unsafe { &*self.args.get() }
    }

    pub fn set_args(&self, v: Value) {
        let old = unsafe { std::mem::replace(&mut *self.args.get(), v) };
        drop(old);
    }

    #[allow(clippy::mut_from_ref)]
    pub fn traceback(&self) -> &mut Vec<TbEntry> {
        unsafe { &mut *self.traceback.get() }
    }

    pub fn cause(&self) -> &Value {
        unsafe { &*self.cause.get() }
    }

    pub fn context(&self) -> &Value {
        unsafe { &*self.context.get() }
    }

    pub fn set_cause(&self, v: Value) {
        let old = unsafe { std::mem::replace(&mut *self.cause.get(), v) };
        drop(old);
    }

    pub fn set_context(&self, v: Value) {
        let old = unsafe { std::mem::replace(&mut *self.context.get(), v) };
        drop(old);
    }

    #[allow(clippy::mut_from_ref)]
    pub fn dict_slot(&self) -> &mut Value {
        unsafe { &mut *self.dict.get() }
    }
}

pub fn as_exception(v: &Value) -> Option<&ExceptionObj> {
    if v.is_heap() && type_of(v).layout == Layout::Exception {
        Some(unsafe { v.payload::<ExceptionObj>() })
    } else {
        None
    }
}

/// A new exception instance of type `ty` with the given args tuple.
pub fn new_exception(ty: TypePtr, args: Value) -> Value {
    Value::from_box(Box::new(Obj {
        hdr: Header::new(ty),
        data: ExceptionObj {
            args: UnsafeCell::new(args),
            traceback: UnsafeCell::new(Vec::new()),
            cause: UnsafeCell::new(super::none()),
            context: UnsafeCell::new(super::none()),
            suppress_context: Cell::new(false),
            dict: UnsafeCell::new(Value::NULL),
        },
    }))
}

impl PyErr {
    /// An exception of type `ty` whose single argument is `msg`.
    pub fn new(ty: TypePtr, msg: impl AsRef<str>) -> PyErr {
        let args = super::tuple::new_tuple(vec![super::str::new_str(msg.as_ref())]);
        PyErr(new_exception(ty, args))
    }

    /// An exception of type `ty` with no arguments.
    pub fn empty(ty: TypePtr) -> PyErr {
        PyErr(new_exception(ty, super::tuple::empty()))
    }

    /// An exception with one argument value (e.g. KeyError(key)).
    pub fn with_arg(ty: TypePtr, arg: Value) -> PyErr {
        PyErr(new_exception(ty, super::tuple::new_tuple(vec![arg])))
    }

    pub fn type_ptr(&self) -> TypePtr {
        type_ptr_of(&self.0)
    }

    /// Whether this exception is an instance of `ty` (or a subclass).
    pub fn matches(&self, ty: TypePtr) -> bool {
        type_of(&self.0).is_subtype(ty.0)
    }

    pub fn obj(&self) -> &ExceptionObj {
        as_exception(&self.0).expect("PyErr holds an exception")
    }
}

macro_rules! exception_types {
    ($( $field:ident : $name:literal < $base:ident ; )*) => {
        /// The built-in exception types.
        pub struct ExcTypes {
            $( pub $field: TypePtr, )*
        }

        /// (field, Python name, base field), bases first.
        pub(crate) const EXC_TABLE: &[(&str, &str, &str)] = &[
            $( (stringify!($field), $name, stringify!($base)), )*
        ];

        impl ExcTypes {
            pub(crate) fn from_lookup(get: impl Fn(&str) -> TypePtr) -> ExcTypes {
                ExcTypes { $( $field: get(stringify!($field)), )* }
            }

            /// All of them, with their Python names (for the builtins module).
            pub fn all(&self) -> Vec<(&'static str, TypePtr)> {
                vec![ $( ($name, self.$field), )* ]
            }
        }

        $(
            #[allow(dead_code)]
            pub fn $field(msg: impl AsRef<str>) -> PyErr {
                PyErr::new(exc().$field, msg)
            }
        )*
    };
}

exception_types! {
    base_exception: "BaseException" < object;
    system_exit: "SystemExit" < base_exception;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception;
    generator_exit: "GeneratorExit" < base_exception;
    exception: "Exception" < base_exception;
    stop_iteration: "StopIteration" < exception;
    stop_async_iteration: "StopAsyncIteration" < exception;
    arithmetic_error: "ArithmeticError" < exception;
    floating_point_error: "FloatingPointError" < arithmetic_error;
    overflow_error: "OverflowError" < arithmetic_error;
    zero_division_error: "ZeroDivisionError" < arithmetic_error;
    assertion_error: "AssertionError" < exception;
    attribute_error: "AttributeError" < exception;
    buffer_error: "BufferError" < exception;
    eof_error: "EOFError" < exception;
    import_error: "ImportError" < exception;
    module_not_found_error: "ModuleNotFoundError" < import_error;
    lookup_error: "LookupError" < exception;
    index_error: "IndexError" < lookup_error;
    key_error: "KeyError" < lookup_error;
    memory_error: "MemoryError" < exception;
    name_error: "NameError" < exception;
    unbound_local_error: "UnboundLocalError" < name_error;
    os_error: "OSError" < exception;
    file_not_found_error: "FileNotFoundError" < os_error;
    file_exists_error: "FileExistsError" < os_error;
    permission_error: "PermissionError" < os_error;
    is_a_directory_error: "IsADirectoryError" < os_error;
    not_a_directory_error: "NotADirectoryError" < os_error;
    timeout_error: "TimeoutError" < os_error;
    reference_error: "ReferenceError" < exception;
    runtime_error: "RuntimeError" < exception;
    not_implemented_error: "NotImplementedError" < runtime_error;
    recursion_error: "RecursionError" < runtime_error;
    syntax_error: "SyntaxError" < exception;
    indentation_error: "IndentationError" < syntax_error;
    tab_error: "TabError" < indentation_error;
    system_error: "SystemError" < exception;
    type_error: "TypeError" < exception;
    value_error: "ValueError" < exception;
    unicode_error: "UnicodeError" < value_error;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error;
    warning: "Warning" < exception;
    user_warning: "UserWarning" < warning;
    deprecation_warning: "DeprecationWarning" < warning;
    runtime_warning: "RuntimeWarning" < warning;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning;
    syntax_warning: "SyntaxWarning" < warning;
    future_warning: "FutureWarning" < warning;
    import_warning: "ImportWarning" < warning;
    unicode_warning: "UnicodeWarning" < warning;
    bytes_warning: "BytesWarning" < warning;
    resource_warning: "ResourceWarning" < warning;
    encoding_warning: "EncodingWarning" < warning;
}

struct Registry(ExcTypes);
unsafe impl Sync for Registry {}
unsafe impl Send for Registry {}

static EXC: OnceLock<Registry> = OnceLock::new();

/// The built-in exception types.
pub fn exc() -> &'static ExcTypes {
    match EXC.get() {
        Some(r) => &r.0,
        None => {
            super::types();
            &EXC.get().expect("created with the types").0
        }
    }
}

pub(crate) fn set_exc_types(t: ExcTypes) {
    let _ = EXC.set(Registry(t));
}
