//! The bytecode instruction set, named after CPython 3.13's so the talk's
//! listings read the same on our `--dis` output.
//!
//! An instruction is one 8-byte word: an opcode and a 32-bit argument (no
//! `EXTENDED_ARG`). Jump arguments are absolute instruction indices. `--dis`
//! shows offsets as `index * 2`, as CPython's 2-byte code units would be.
//!
//! Stack effects below are written `(inputs -- outputs)`, top of stack last.
//! "NULL" is the null `Value` (an empty self-or-null slot).

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident, )*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        #[allow(non_camel_case_types)]
        pub enum Opcode {
            $( $(#[$doc])* $name, )*
        }

        impl Opcode {
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }
        }
    };
}

opcodes! {
    /// `( -- )`
    NOP,
    /// `( -- )` start of every code object: a safe point (eval breaker).
    RESUME,
    /// `(x -- )`
    POP_TOP,
    /// `( -- NULL)`
    PUSH_NULL,
    /// `(iter -- )` the FOR_ITER exit target: pops the exhausted iterator.
    END_FOR,
    /// `(x_n ... x_1 -- x_n ... x_1 x_n)` arg = n >= 1 (1 copies the top).
    COPY,
    /// `(x_n ... x_1 -- x_1 ... x_n)` arg = n >= 2: swap top with n-th.
    SWAP,
    /// `( -- consts[arg])`
    LOAD_CONST,
    /// `(v -- )` return v to the caller.
    RETURN_VALUE,
    /// `( -- )` return consts[arg].
    RETURN_CONST,
    /// `( -- v)` local slot arg; UnboundLocalError if unset.
    LOAD_FAST,
    /// `(v -- )`
    STORE_FAST,
    /// `( -- )` unset local slot arg (UnboundLocalError if already unset).
    DELETE_FAST,
    /// `( -- v1 v2)` LOAD_FAST arg >> 16 then LOAD_FAST arg & 0xffff.
    LOAD_FAST_LOAD_FAST,
    /// `(v2 v1 -- )` STORE_FAST arg >> 16 (top) then STORE_FAST arg & 0xffff.
    STORE_FAST_STORE_FAST,
    /// `(v1 -- v2)` STORE_FAST arg >> 16 then LOAD_FAST arg & 0xffff.
    STORE_FAST_LOAD_FAST,
    /// `( -- )` replace slot arg (a cell variable) with a new cell holding
    /// its current value (or empty). Emitted at the start of the code.
    MAKE_CELL,
    /// `( -- )` copy the function's closure cells into the last arg slots.
    COPY_FREE_VARS,
    /// `( -- cell)` the cell object in slot arg (to build a closure tuple).
    LOAD_CLOSURE,
    /// `( -- v)` contents of the cell in slot arg.
    LOAD_DEREF,
    /// `(v -- )` store into the cell in slot arg.
    STORE_DEREF,
    /// `( -- )` empty the cell in slot arg.
    DELETE_DEREF,
    /// `( -- v)` names[arg] from the frame's locals dict, then globals, then
    /// builtins (module and class bodies).
    LOAD_NAME,
    /// `(v -- )` names[arg] into the frame's locals dict.
    STORE_NAME,
    /// `( -- )`
    DELETE_NAME,
    /// `( -- v [NULL])` names[arg >> 1] from globals then builtins; when
    /// arg & 1, also push NULL (the self slot of a following CALL).
    LOAD_GLOBAL,
    /// `(v -- )` names[arg] into globals.
    STORE_GLOBAL,
    /// `( -- )`
    DELETE_GLOBAL,
    /// `(owner -- attr)` names[arg >> 1]; when arg & 1 (method load):
    /// `(owner -- meth owner)` if the attribute is a plain method found on
    /// the type, else `(owner -- attr NULL)`.
    LOAD_ATTR,
    /// `(global_super class self -- attr)` `super().names[arg >> 2]`
    /// (`super(class, self)` when arg & 2); when arg & 1 (method load)
    /// `(... -- meth self)` or `(... -- attr NULL)`, as `LOAD_ATTR`.
    LOAD_SUPER_ATTR,
    /// `(v owner -- )` owner.names[arg] = v
    STORE_ATTR,
    /// `(owner -- )`
    DELETE_ATTR,
    /// `(lhs rhs -- res)` arg is a `BinaryOp` (inplace forms are arg + 13).
    BINARY_OP,
    /// `(v -- -v)`
    UNARY_NEGATIVE,
    /// `(b -- not b)` operand is already a bool (after TO_BOOL).
    UNARY_NOT,
    /// `(v -- ~v)`
    UNARY_INVERT,
    /// `(v -- res)` arg is an `Intrinsic1`.
    CALL_INTRINSIC_1,
    /// `(v -- bool(v))`
    TO_BOOL,
    /// `(a b -- res)` arg is a `CompareOp`.
    COMPARE_OP,
    /// `(a b -- a is b)`, negated when arg == 1.
    IS_OP,
    /// `(a b -- a in b)`, negated when arg == 1.
    CONTAINS_OP,
    /// `(container key -- container[key])`
    BINARY_SUBSCR,
    /// `(v container key -- )` container[key] = v
    STORE_SUBSCR,
    /// `(container key -- )` del container[key]
    DELETE_SUBSCR,
    /// `(container start stop -- container[start:stop])`
    BINARY_SLICE,
    /// `(v container start stop -- )` container[start:stop] = v
    STORE_SLICE,
    /// `(start stop -- slice)` when arg == 2, `(start stop step -- slice)` when 3.
    BUILD_SLICE,
    /// `(x_1 ... x_arg -- tuple)`
    BUILD_TUPLE,
    /// `(x_1 ... x_arg -- list)`
    BUILD_LIST,
    /// `(x_1 ... x_arg -- set)`
    BUILD_SET,
    /// `(k_1 v_1 ... k_arg v_arg -- dict)`
    BUILD_MAP,
    /// `(s_1 ... s_arg -- str)` concatenate arg strs.
    BUILD_STRING,
    /// `(list ... item -- list ...)` append item to the list at depth arg
    /// (counted after popping item; 1 = the new top).
    LIST_APPEND,
    /// `(list ... iterable -- list ...)` extend the list at depth arg.
    LIST_EXTEND,
    /// `(set ... item -- set ...)`
    SET_ADD,
    /// `(set ... iterable -- set ...)`
    SET_UPDATE,
    /// `(dict ... key value -- dict ...)` dict at depth arg after popping both.
    MAP_ADD,
    /// `(dict ... mapping -- dict ...)` dict.update(mapping)
    DICT_UPDATE,
    /// `(dict ... mapping -- dict ...)` like DICT_UPDATE, but a repeated key
    /// is a TypeError (for `f(**a, **b)`); the callable is at depth arg + 2.
    DICT_MERGE,
    /// `(seq -- x_arg ... x_1)` unpack exactly arg items, first item on top.
    UNPACK_SEQUENCE,
    /// `(seq -- ...)` arg = before | after << 8: unpack with a starred list.
    UNPACK_EX,
    /// `(v -- v len(v))`
    GET_LEN,
    /// `(subject -- subject bool)` whether a sequence pattern applies.
    MATCH_SEQUENCE,
    /// `(subject -- subject bool)` whether a mapping pattern applies.
    MATCH_MAPPING,
    /// `(subject keys -- subject keys values)` values: a tuple of the values
    /// of `keys` (a tuple) in subject, or None when one is missing.
    MATCH_KEYS,
    /// `(subject cls names -- attrs)` arg = number of positional
    /// sub-patterns; attrs: a tuple of the attributes, or None.
    MATCH_CLASS,
    /// `(v -- iter(v))`
    GET_ITER,
    /// `(iter -- iter next)`; when exhausted, jump to arg (an END_FOR).
    FOR_ITER,
    /// `( -- )` jump forward to arg.
    JUMP_FORWARD,
    /// `( -- )` jump back to arg; a safe point (eval breaker).
    JUMP_BACKWARD,
    /// `( -- )` jump back to arg without a safe point (inside finally/with).
    JUMP_BACKWARD_NO_INTERRUPT,
    /// `(b -- )` jump to arg if b is false.
    POP_JUMP_IF_FALSE,
    /// `(b -- )` jump to arg if b is true.
    POP_JUMP_IF_TRUE,
    /// `(v -- )` jump to arg if v is None.
    POP_JUMP_IF_NONE,
    /// `(v -- )` jump to arg if v is not None.
    POP_JUMP_IF_NOT_NONE,
    /// `(callable self_or_null arg_1 ... arg_n -- res)` n = arg.
    CALL,
    /// `(callable self_or_null arg_1 ... arg_n kwnames -- res)` n = arg; the
    /// last len(kwnames) args are keyword values; kwnames is a tuple of strs.
    CALL_KW,
    /// `(callable self_or_null args_tuple [kwargs_dict] -- res)` with the
    /// dict present when arg & 1.
    CALL_FUNCTION_EX,
    /// `(code -- function)`
    MAKE_FUNCTION,
    /// `(attr function -- function)` arg: 1 defaults (tuple), 2 kw defaults
    /// (dict), 4 annotations, 8 closure (tuple of cells).
    SET_FUNCTION_ATTRIBUTE,
    /// arg 0: `( -- )` re-raise the exception being handled; 1: `(exc -- )`;
    /// 2: `(exc cause -- )` raise exc from cause.
    RAISE_VARARGS,
    /// `(exc -- )` re-raise exc; when arg != 0 also restore the frame's
    /// instruction offset from the value below (`lasti`), as CPython.
    RERAISE,
    /// `(exc -- prev_exc exc)` save the exception being handled and make exc
    /// the current one (entering an except block).
    PUSH_EXC_INFO,
    /// `(prev_exc -- )` restore the exception being handled.
    POP_EXCEPT,
    /// `(exc type -- exc bool)`
    CHECK_EXC_MATCH,
    /// `( -- AssertionError)`
    LOAD_ASSERTION_ERROR,
    /// `(mgr -- exit enter_result)` call mgr.__enter__(), keep bound __exit__.
    BEFORE_WITH,
    /// `(exit lasti prev_exc exc -- exit lasti prev_exc exc res)` call
    /// exit(type, exc, tb).
    WITH_EXCEPT_START,
    /// `(level fromlist -- module)` import names[arg].
    IMPORT_NAME,
    /// `(module -- module attr)` from module import names[arg].
    IMPORT_FROM,
    /// `( -- __build_class__)`
    LOAD_BUILD_CLASS,
    /// `( -- locals)` the frame's locals dict.
    LOAD_LOCALS,
    /// `( -- )` make the frame a generator/coroutine and return it.
    RETURN_GENERATOR,
    /// `(v -- sent)` yield v; resumes with the sent value pushed.
    YIELD_VALUE,
    /// `(receiver v -- receiver res)` send v into a sub-iterator; when it
    /// returns, jump to arg with its return value.
    SEND,
    /// `(receiver v -- v)`
    END_SEND,
    /// `(v -- iter)` iter(v), but a generator/coroutine is kept as is.
    GET_YIELD_FROM_ITER,
    /// `(sub_iter last_sent exc -- none value)` end of a `yield from` that
    /// a thrown exception interrupted: StopIteration gives its value.
    CLEANUP_THROW,
    /// `(v -- str)` format(v, '')
    FORMAT_SIMPLE,
    /// `(v spec -- str)` format(v, spec)
    FORMAT_WITH_SPEC,
    /// `(v -- converted)` arg: 1 str(), 2 repr(), 3 ascii().
    CONVERT_VALUE,
    /// `(mapping -- )` under `from m import *`-style `setup_annotations`.
    SETUP_ANNOTATIONS,
    /// `( -- )` never compiled: a breakpoint or step put it over the first
    /// instruction of a line; the original is in `inspect`'s side table.
    /// The eval loop reports a line event, then runs the original (see
    /// `inspect/mod.rs`).
    INSTRUMENTED_LINE,
    // ---- Specialized forms (tier 1). The compiler never emits these; an
    // instruction is rewritten to one of them in place when its inline cache
    // warms up, and back to its generic form (`Opcode::generic`) when a guard
    // fails. Each has the stack effect of its generic form.
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_ADD_INT,
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_SUBTRACT_INT,
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_MULTIPLY_INT,
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_ADD_FLOAT,
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_SUBTRACT_FLOAT,
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_MULTIPLY_FLOAT,
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_ADD_UNICODE,
    /// Specialized `BINARY_OP` (tier 1).
    BINARY_OP_INPLACE_ADD_UNICODE,
    /// Specialized `BINARY_SUBSCR` (tier 1).
    BINARY_OP_SUBSCR_LIST_INT,
    /// Specialized `BINARY_SUBSCR` (tier 1).
    BINARY_OP_SUBSCR_TUPLE_INT,
    /// Specialized `BINARY_SUBSCR` (tier 1).
    BINARY_OP_SUBSCR_STR_INT,
    /// Specialized `BINARY_SUBSCR` (tier 1).
    BINARY_OP_SUBSCR_DICT,
    /// Specialized `BINARY_SUBSCR` (tier 1).
    BINARY_OP_SUBSCR_GETITEM,
    /// Specialized `BINARY_SUBSCR` (tier 1; CPython 3.14's name).
    BINARY_OP_SUBSCR_LIST_SLICE,
    /// Specialized `BINARY_SLICE` (tier 1).
    BINARY_SLICE_LIST,
    /// Specialized `STORE_SLICE` (tier 1).
    STORE_SLICE_LIST,
    /// Specialized `STORE_SUBSCR` (tier 1).
    STORE_SUBSCR_LIST_INT,
    /// Specialized `STORE_SUBSCR` (tier 1).
    STORE_SUBSCR_DICT,
    /// Specialized `COMPARE_OP` (tier 1).
    COMPARE_OP_INT,
    /// Specialized `COMPARE_OP` (tier 1).
    COMPARE_OP_FLOAT,
    /// Specialized `COMPARE_OP` (tier 1).
    COMPARE_OP_STR,
    /// Specialized `CONTAINS_OP` (tier 1).
    CONTAINS_OP_DICT,
    /// Specialized `CONTAINS_OP` (tier 1).
    CONTAINS_OP_SET,
    /// Specialized `TO_BOOL` (tier 1).
    TO_BOOL_BOOL,
    /// Specialized `TO_BOOL` (tier 1).
    TO_BOOL_INT,
    /// Specialized `TO_BOOL` (tier 1).
    TO_BOOL_LIST,
    /// Specialized `TO_BOOL` (tier 1).
    TO_BOOL_NONE,
    /// Specialized `TO_BOOL` (tier 1).
    TO_BOOL_STR,
    /// Specialized `TO_BOOL` (tier 1).
    TO_BOOL_ALWAYS_TRUE,
    /// Specialized `FOR_ITER` (tier 1).
    FOR_ITER_RANGE,
    /// Specialized `FOR_ITER` (tier 1).
    FOR_ITER_LIST,
    /// Specialized `FOR_ITER` (tier 1).
    FOR_ITER_TUPLE,
    /// Specialized `FOR_ITER` (tier 1).
    FOR_ITER_GEN,
    /// Specialized `UNPACK_SEQUENCE` (tier 1).
    UNPACK_SEQUENCE_TWO_TUPLE,
    /// Specialized `UNPACK_SEQUENCE` (tier 1).
    UNPACK_SEQUENCE_TUPLE,
    /// Specialized `UNPACK_SEQUENCE` (tier 1).
    UNPACK_SEQUENCE_LIST,
    /// Specialized `LOAD_GLOBAL` (tier 1).
    LOAD_GLOBAL_MODULE,
    /// Specialized `LOAD_GLOBAL` (tier 1).
    LOAD_GLOBAL_BUILTIN,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_INSTANCE_VALUE,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_SLOT,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_MODULE,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_CLASS,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_PROPERTY,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_METHOD_WITH_VALUES,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_METHOD_NO_DICT,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_WITH_HINT,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES,
    /// Specialized `LOAD_ATTR` (tier 1).
    LOAD_ATTR_NONDESCRIPTOR_NO_DICT,
    /// Specialized `LOAD_ATTR` (tier 1): `LOAD_ATTR_INSTANCE_VALUE` for up
    /// to four types (no CPython counterpart).
    LOAD_ATTR_INSTANCE_VALUE_POLY,
    /// Specialized `LOAD_ATTR` (tier 1): `LOAD_ATTR_METHOD_WITH_VALUES`
    /// for up to four types (no CPython counterpart).
    LOAD_ATTR_METHOD_WITH_VALUES_POLY,
    /// Specialized `LOAD_ATTR` (tier 1): the method form for up to four
    /// types that each have their own method, looked up on the type (no
    /// CPython counterpart).
    LOAD_ATTR_METHOD_LOOKUP_POLY,
    /// Specialized `STORE_ATTR` (tier 1).
    STORE_ATTR_INSTANCE_VALUE,
    /// Specialized `STORE_ATTR` (tier 1).
    STORE_ATTR_SLOT,
    /// Specialized `STORE_ATTR` (tier 1).
    STORE_ATTR_WITH_HINT,
    /// Specialized `STORE_ATTR` (tier 1): `STORE_ATTR_INSTANCE_VALUE` for
    /// up to four types (no CPython counterpart).
    STORE_ATTR_INSTANCE_VALUE_POLY,
    /// Specialized `CALL` (tier 1).
    CALL_PY_EXACT_ARGS,
    /// Specialized `CALL` (tier 1).
    CALL_PY_GENERAL,
    /// Specialized `CALL` (tier 1): `CALL_PY_EXACT_ARGS` for up to four
    /// functions (no CPython counterpart).
    CALL_PY_EXACT_ARGS_POLY,
    /// Specialized `CALL` (tier 1).
    CALL_BOUND_METHOD_EXACT_ARGS,
    /// Specialized `CALL` (tier 1).
    CALL_BUILTIN_FAST,
    /// Specialized `CALL` (tier 1): a bound method of a built-in type's
    /// method (`f = lst.pop; f(0)`; CPython's `CALL_BUILTIN_FAST` on a
    /// builtin with `m_self`).
    CALL_BOUND_METHOD_BUILTIN,
    /// Specialized `CALL` (tier 1).
    CALL_BUILTIN_O,
    /// Specialized `CALL` (tier 1).
    CALL_LEN,
    /// Specialized `CALL` (tier 1).
    CALL_ISINSTANCE,
    /// Specialized `CALL` (tier 1).
    CALL_LIST_APPEND,
    /// Specialized `CALL` (tier 1).
    CALL_METHOD_DESCRIPTOR_O,
    /// Specialized `CALL` (tier 1).
    CALL_METHOD_DESCRIPTOR_FAST,
    /// Specialized `CALL` (tier 1).
    CALL_METHOD_DESCRIPTOR_NOARGS,
    /// Specialized `CALL` (tier 1).
    CALL_TYPE_1,
    /// Specialized `CALL` (tier 1).
    CALL_STR_1,
    /// Specialized `CALL` (tier 1).
    CALL_TUPLE_1,
    /// Specialized `CALL` (tier 1): `list(o)`, `set(o)`, `frozenset(o)`.
    CALL_BUILTIN_CLASS,
    /// Specialized `CALL` (tier 1).
    CALL_ALLOC_AND_ENTER_INIT,
    /// Specialized `SEND` (tier 1).
    SEND_GEN,
    /// Specialized `LOAD_SUPER_ATTR` (tier 1): `super` is the built-in
    /// type and the class a type; no super object is made.
    LOAD_SUPER_ATTR_ATTR,
    /// Specialized `LOAD_SUPER_ATTR` (tier 1), method form.
    LOAD_SUPER_ATTR_METHOD,
}

impl Opcode {
    /// The generic instruction a specialized one stands for (itself for a
    /// generic instruction): what `--dis` shows and what a deopt restores.
    pub const fn generic(self) -> Opcode {
        use Opcode::*;
        match self {
            BINARY_OP_ADD_INT
            | BINARY_OP_SUBTRACT_INT
            | BINARY_OP_MULTIPLY_INT
            | BINARY_OP_ADD_FLOAT
            | BINARY_OP_SUBTRACT_FLOAT
            | BINARY_OP_MULTIPLY_FLOAT
            | BINARY_OP_ADD_UNICODE
            | BINARY_OP_INPLACE_ADD_UNICODE => BINARY_OP,
            BINARY_OP_SUBSCR_LIST_INT
            | BINARY_OP_SUBSCR_TUPLE_INT
            | BINARY_OP_SUBSCR_STR_INT
            | BINARY_OP_SUBSCR_DICT
            | BINARY_OP_SUBSCR_GETITEM
            | BINARY_OP_SUBSCR_LIST_SLICE => BINARY_SUBSCR,
            BINARY_SLICE_LIST => BINARY_SLICE,
            STORE_SLICE_LIST => STORE_SLICE,
            STORE_SUBSCR_LIST_INT | STORE_SUBSCR_DICT => STORE_SUBSCR,
            COMPARE_OP_INT | COMPARE_OP_FLOAT | COMPARE_OP_STR => COMPARE_OP,
            CONTAINS_OP_DICT | CONTAINS_OP_SET => CONTAINS_OP,
            TO_BOOL_BOOL | TO_BOOL_INT | TO_BOOL_LIST | TO_BOOL_NONE | TO_BOOL_STR | TO_BOOL_ALWAYS_TRUE => TO_BOOL,
            FOR_ITER_RANGE | FOR_ITER_LIST | FOR_ITER_TUPLE | FOR_ITER_GEN => FOR_ITER,
            UNPACK_SEQUENCE_TWO_TUPLE | UNPACK_SEQUENCE_TUPLE | UNPACK_SEQUENCE_LIST => UNPACK_SEQUENCE,
            LOAD_GLOBAL_MODULE | LOAD_GLOBAL_BUILTIN => LOAD_GLOBAL,
            LOAD_ATTR_INSTANCE_VALUE
            | LOAD_ATTR_SLOT
            | LOAD_ATTR_MODULE
            | LOAD_ATTR_CLASS
            | LOAD_ATTR_PROPERTY
            | LOAD_ATTR_METHOD_WITH_VALUES
            | LOAD_ATTR_METHOD_NO_DICT
            | LOAD_ATTR_WITH_HINT
            | LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
            | LOAD_ATTR_NONDESCRIPTOR_NO_DICT
            | LOAD_ATTR_INSTANCE_VALUE_POLY
            | LOAD_ATTR_METHOD_WITH_VALUES_POLY
            | LOAD_ATTR_METHOD_LOOKUP_POLY => LOAD_ATTR,
            STORE_ATTR_INSTANCE_VALUE | STORE_ATTR_SLOT | STORE_ATTR_WITH_HINT | STORE_ATTR_INSTANCE_VALUE_POLY => {
                STORE_ATTR
            }
            CALL_PY_EXACT_ARGS
            | CALL_PY_EXACT_ARGS_POLY
            | CALL_PY_GENERAL
            | CALL_BOUND_METHOD_EXACT_ARGS
            | CALL_BUILTIN_FAST
            | CALL_BOUND_METHOD_BUILTIN
            | CALL_BUILTIN_O
            | CALL_LEN
            | CALL_ISINSTANCE
            | CALL_LIST_APPEND
            | CALL_METHOD_DESCRIPTOR_O
            | CALL_METHOD_DESCRIPTOR_FAST
            | CALL_METHOD_DESCRIPTOR_NOARGS
            | CALL_TYPE_1
            | CALL_STR_1
            | CALL_TUPLE_1
            | CALL_BUILTIN_CLASS
            | CALL_ALLOC_AND_ENTER_INIT => CALL,
            SEND_GEN => SEND,
            LOAD_SUPER_ATTR_ATTR | LOAD_SUPER_ATTR_METHOD => LOAD_SUPER_ATTR,
            other => other,
        }
    }

    /// Whether this is a specialized (tier-1) form.
    pub const fn is_specialized(self) -> bool {
        self.generic() as u8 != self as u8
    }
}

/// One instruction word.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

impl Instr {
    pub const fn new(op: Opcode, arg: u32) -> Instr {
        Instr { op, arg }
    }
}

/// `BINARY_OP` arguments (CPython's `NB_*` numbering).
#[repr(u32)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

/// Offset of the in-place form of a `BinaryOp` (`+=` is `Add + INPLACE`).
pub const INPLACE: u32 = 13;

impl BinaryOp {
    pub fn from_arg(arg: u32) -> BinaryOp {
        use BinaryOp::*;
        const ALL: [BinaryOp; 13] = [
            Add,
            And,
            FloorDivide,
            Lshift,
            MatrixMultiply,
            Multiply,
            Remainder,
            Or,
            Power,
            Rshift,
            Subtract,
            TrueDivide,
            Xor,
        ];
        ALL[(arg % INPLACE) as usize]
    }

    /// The operator as written in source (`+`), for dis and error messages.
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
        }
    }

    /// `__add__` and friends.
    pub fn dunder(self) -> (&'static str, &'static str, &'static str) {
        use BinaryOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            And => ("__and__", "__rand__", "__iand__"),
            FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
            MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
            Multiply => ("__mul__", "__rmul__", "__imul__"),
            Remainder => ("__mod__", "__rmod__", "__imod__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Power => ("__pow__", "__rpow__", "__ipow__"),
            Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
            Subtract => ("__sub__", "__rsub__", "__isub__"),
            TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// `COMPARE_OP` arguments (CPython's `Py_LT`..`Py_GE`).
#[repr(u32)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_arg(arg: u32) -> CompareOp {
        use CompareOp::*;
        [Lt, Le, Eq, Ne, Gt, Ge][arg as usize % 6]
    }

    pub fn symbol(self) -> &'static str {
        use CompareOp::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
        }
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        use CompareOp::*;
        match self {
            Lt => Gt,
            Le => Ge,
            Eq => Eq,
            Ne => Ne,
            Gt => Lt,
            Ge => Le,
        }
    }

    pub fn dunder(self) -> &'static str {
        use CompareOp::*;
        match self {
            Lt => "__lt__",
            Le => "__le__",
            Eq => "__eq__",
            Ne => "__ne__",
            Gt => "__gt__",
            Ge => "__ge__",
        }
    }
}

/// `CALL_INTRINSIC_1` arguments (CPython 3.13 numbering).
pub mod intrinsic1 {
    pub const PRINT: u32 = 1;
    pub const IMPORT_STAR: u32 = 2;
    pub const STOPITERATION_ERROR: u32 = 3;
    pub const UNARY_POSITIVE: u32 = 5;
    pub const LIST_TO_TUPLE: u32 = 6;

    pub fn name(arg: u32) -> &'static str {
        match arg {
            PRINT => "INTRINSIC_PRINT",
            IMPORT_STAR => "INTRINSIC_IMPORT_STAR",
            STOPITERATION_ERROR => "INTRINSIC_STOPITERATION_ERROR",
            UNARY_POSITIVE => "INTRINSIC_UNARY_POSITIVE",
            LIST_TO_TUPLE => "INTRINSIC_LIST_TO_TUPLE",
            _ => "INTRINSIC_?",
        }
    }
}

/// `SET_FUNCTION_ATTRIBUTE` flags.
pub mod fn_attr {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

impl Opcode {
    /// Whether the argument is an absolute jump target.
    pub fn is_jump(self) -> bool {
        use Opcode::*;
        matches!(
            self.generic(),
            FOR_ITER
                | JUMP_FORWARD
                | JUMP_BACKWARD
                | JUMP_BACKWARD_NO_INTERRUPT
                | POP_JUMP_IF_FALSE
                | POP_JUMP_IF_TRUE
                | POP_JUMP_IF_NONE
                | POP_JUMP_IF_NOT_NONE
                | SEND
        )
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        use Opcode::*;
        matches!(
            self.generic(),
            RETURN_VALUE
                | RETURN_CONST
                | RAISE_VARARGS
                | RERAISE
                | JUMP_FORWARD
                | JUMP_BACKWARD
                | JUMP_BACKWARD_NO_INTERRUPT
        )
    }

    /// Net stack effect of the instruction with `arg` on the fall-through
    /// path (`jump` = false) or the jump path. Used by the compiler to size
    /// the value stack.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        use Opcode::*;
        let a = arg as i32;
        match self.generic() {
            NOP
            | RESUME
            | RETURN_CONST
            | DELETE_FAST
            | MAKE_CELL
            | COPY_FREE_VARS
            | DELETE_DEREF
            | DELETE_NAME
            | DELETE_GLOBAL
            | JUMP_FORWARD
            | JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | UNARY_NEGATIVE
            | UNARY_NOT
            | UNARY_INVERT
            | CALL_INTRINSIC_1
            | TO_BOOL
            | GET_ITER
            | FORMAT_SIMPLE
            | CONVERT_VALUE
            | GET_YIELD_FROM_ITER
            | YIELD_VALUE
            | SETUP_ANNOTATIONS
            | INSTRUMENTED_LINE => 0,
            // A resumed generator pushes the sent value (popped next).
            RETURN_GENERATOR => 1,
            POP_TOP
            | END_FOR
            | RETURN_VALUE
            | STORE_FAST
            | STORE_DEREF
            | STORE_NAME
            | STORE_GLOBAL
            | DELETE_ATTR
            | BINARY_OP
            | COMPARE_OP
            | IS_OP
            | CONTAINS_OP
            | BINARY_SUBSCR
            | LIST_APPEND
            | LIST_EXTEND
            | SET_ADD
            | SET_UPDATE
            | DICT_UPDATE
            | DICT_MERGE
            | POP_JUMP_IF_FALSE
            | POP_JUMP_IF_TRUE
            | POP_JUMP_IF_NONE
            | POP_JUMP_IF_NOT_NONE
            | FORMAT_WITH_SPEC
            | SET_FUNCTION_ATTRIBUTE
            | IMPORT_NAME
            | POP_EXCEPT
            | RERAISE
            | END_SEND => -1,
            PUSH_NULL | COPY | LOAD_CONST | LOAD_FAST | LOAD_CLOSURE | LOAD_DEREF | LOAD_NAME
            | LOAD_ASSERTION_ERROR | IMPORT_FROM | LOAD_BUILD_CLASS | LOAD_LOCALS | PUSH_EXC_INFO | BEFORE_WITH
            | WITH_EXCEPT_START => 1,
            GET_LEN | MATCH_SEQUENCE | MATCH_MAPPING | MATCH_KEYS => 1,
            MATCH_CLASS => -2,
            LOAD_FAST_LOAD_FAST => 2,
            STORE_FAST_STORE_FAST => -2,
            STORE_FAST_LOAD_FAST => 0,
            SWAP | MAKE_FUNCTION | CHECK_EXC_MATCH => 0,
            LOAD_GLOBAL => 1 + (a & 1),
            LOAD_ATTR => a & 1,
            LOAD_SUPER_ATTR => -2 + (a & 1),
            STORE_ATTR | DELETE_SUBSCR | MAP_ADD => -2,
            STORE_SUBSCR => -3,
            STORE_SLICE => -4,
            BINARY_SLICE => -2,
            BUILD_SLICE => 1 - a,
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - a,
            BUILD_MAP => 1 - 2 * a,
            UNPACK_SEQUENCE => a - 1,
            UNPACK_EX => (a & 0xff) + (a >> 8),
            FOR_ITER => {
                if jump {
                    0
                } else {
                    1
                }
            }
            CALL => -1 - a,
            CALL_KW => -2 - a,
            CALL_FUNCTION_EX => -2 - (a & 1),
            RAISE_VARARGS => -a,
            SEND => 0,
            CLEANUP_THROW => -1,
            _ => unreachable!("a specialized form has its generic form's stack effect"),
        }
    }
}
