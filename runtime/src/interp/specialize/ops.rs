//! Specializing operators: `BINARY_OP`, `COMPARE_OP`, `BINARY_SUBSCR`,
//! `STORE_SUBSCR`, `BINARY_SLICE`, `STORE_SLICE`, `CONTAINS_OP`, `TO_BOOL`.

use crate::bytecode::code::CodeObj;
use crate::bytecode::opcode::{BinaryOp, Opcode, INPLACE};
use crate::objects::function::as_function;
use crate::objects::typeobj::{flags, TypePtr};
use crate::objects::{is_false_singleton, is_none, is_true_singleton, str as pystr, type_ptr_of, types, Layout, Value};

use super::{cache, failed, keep_backoff, specialized, stats, type_version};

fn exact(v: &Value, t: TypePtr) -> bool {
    v.is_heap() && type_ptr_of(v) == t
}

/// `BINARY_OP` with `lhs`, `rhs` about to be combined; `next` is the
/// instruction after it and `locals` the frame's slots (for the in-place
/// str concatenation, which stores into the local named by the next
/// `STORE_FAST`).
///
/// # Safety
/// `locals` points at the local slots of the frame running `code`.
pub unsafe fn binary_op(code: &CodeObj, index: usize, arg: u32, lhs: &Value, rhs: &Value, locals: *const Value) {
    stats::attempt(Opcode::BINARY_OP);
    let op = BinaryOp::from_arg(arg);
    let t = types();
    let form = if lhs.is_small_int() && rhs.is_small_int() {
        match op {
            BinaryOp::Add => Opcode::BINARY_OP_ADD_INT,
            BinaryOp::Subtract => Opcode::BINARY_OP_SUBTRACT_INT,
            BinaryOp::Multiply => Opcode::BINARY_OP_MULTIPLY_INT,
            _ => return failed(code, index, Opcode::BINARY_OP, "int: operator not specialized"),
        }
    } else if exact(lhs, t.float) && exact(rhs, t.float) {
        match op {
            BinaryOp::Add => Opcode::BINARY_OP_ADD_FLOAT,
            BinaryOp::Subtract => Opcode::BINARY_OP_SUBTRACT_FLOAT,
            BinaryOp::Multiply => Opcode::BINARY_OP_MULTIPLY_FLOAT,
            _ => return failed(code, index, Opcode::BINARY_OP, "float: operator not specialized"),
        }
    } else if exact(lhs, t.str) && exact(rhs, t.str) && op == BinaryOp::Add {
        let next = code.instrs().get(index + 1).copied();
        match next {
            Some(n) if arg >= INPLACE && n.op == Opcode::STORE_FAST && (*locals.add(n.arg as usize)).is(lhs) => {
                Opcode::BINARY_OP_INPLACE_ADD_UNICODE
            }
            _ => Opcode::BINARY_OP_ADD_UNICODE,
        }
    } else if (lhs.is_small_int() || exact(lhs, t.int)) && exact(rhs, t.float)
        || exact(lhs, t.float) && (rhs.is_small_int() || exact(rhs, t.int))
    {
        return failed(code, index, Opcode::BINARY_OP, "int and float mixed");
    } else if lhs.is_small_int() || rhs.is_small_int() || exact(lhs, t.int) || exact(rhs, t.int) {
        return failed(code, index, Opcode::BINARY_OP, "big int or int with other type");
    } else {
        return failed(code, index, Opcode::BINARY_OP, "other types");
    };
    keep_backoff(cache(code, index));
    specialized(code, index, form);
}

/// `COMPARE_OP`.
pub fn compare_op(code: &CodeObj, index: usize, lhs: &Value, rhs: &Value) {
    stats::attempt(Opcode::COMPARE_OP);
    let t = types();
    let form = if lhs.is_small_int() && rhs.is_small_int() {
        Opcode::COMPARE_OP_INT
    } else if exact(lhs, t.float) && exact(rhs, t.float) {
        Opcode::COMPARE_OP_FLOAT
    } else if exact(lhs, t.str) && exact(rhs, t.str) {
        Opcode::COMPARE_OP_STR
    } else {
        return failed(code, index, Opcode::COMPARE_OP, "operand types");
    };
    keep_backoff(cache(code, index));
    specialized(code, index, form);
}

/// `BINARY_SUBSCR` (`container[key]`).
pub fn binary_subscr(code: &CodeObj, index: usize, container: &Value, key: &Value) {
    stats::attempt(Opcode::BINARY_SUBSCR);
    let t = types();
    let c = cache(code, index);
    let form = if exact(container, t.list) && key.is_small_int() {
        Opcode::BINARY_OP_SUBSCR_LIST_INT
    } else if exact(container, t.list) && exact(key, t.slice) {
        Opcode::BINARY_OP_SUBSCR_LIST_SLICE
    } else if exact(container, t.tuple) && key.is_small_int() {
        Opcode::BINARY_OP_SUBSCR_TUPLE_INT
    } else if exact(container, t.str) && key.is_small_int() {
        Opcode::BINARY_OP_SUBSCR_STR_INT
    } else if exact(container, t.dict) {
        Opcode::BINARY_OP_SUBSCR_DICT
    } else if container.is_heap() && type_ptr_of(container).as_type().has_flag(flags::HEAPTYPE) {
        let ty = type_ptr_of(container).as_type();
        let Some(f) = ty.lookup(&pystr::intern("__getitem__")) else {
            return failed(code, index, Opcode::BINARY_SUBSCR, "no __getitem__");
        };
        let simple = as_function(&f).is_some_and(|func| super::call::exact_args(func.code(), 2));
        let v = type_version(ty);
        if !simple || v == 0 || ty.layout != Layout::Object {
            return failed(code, index, Opcode::BINARY_SUBSCR, "__getitem__ not a simple Python function");
        }
        c.version.set(v);
        c.ptr.set(f.bits());
        Opcode::BINARY_OP_SUBSCR_GETITEM
    } else {
        return failed(code, index, Opcode::BINARY_SUBSCR, "container/key types");
    };
    keep_backoff(c);
    specialized(code, index, form);
}

/// A slice bound the list slice forms take: a small int or None.
fn slice_bound(v: &Value) -> bool {
    v.is_small_int() || is_none(v)
}

/// `BINARY_SLICE` (`container[start:stop]`).
pub fn binary_slice(code: &CodeObj, index: usize, container: &Value, start: &Value, stop: &Value) {
    stats::attempt(Opcode::BINARY_SLICE);
    if !(exact(container, types().list) && slice_bound(start) && slice_bound(stop)) {
        return failed(code, index, Opcode::BINARY_SLICE, "container/bound types");
    }
    keep_backoff(cache(code, index));
    specialized(code, index, Opcode::BINARY_SLICE_LIST);
}

/// `STORE_SLICE` (`container[start:stop] = v`).
pub fn store_slice(code: &CodeObj, index: usize, v: &Value, container: &Value, start: &Value, stop: &Value) {
    stats::attempt(Opcode::STORE_SLICE);
    let t = types();
    if !(exact(container, t.list) && slice_bound(start) && slice_bound(stop)) {
        return failed(code, index, Opcode::STORE_SLICE, "container/bound types");
    }
    if !exact(v, t.list) {
        return failed(code, index, Opcode::STORE_SLICE, "value not a list");
    }
    keep_backoff(cache(code, index));
    specialized(code, index, Opcode::STORE_SLICE_LIST);
}

/// `STORE_SUBSCR` (`container[key] = v`).
pub fn store_subscr(code: &CodeObj, index: usize, container: &Value, key: &Value) {
    stats::attempt(Opcode::STORE_SUBSCR);
    let t = types();
    let form = if exact(container, t.list) && key.is_small_int() {
        Opcode::STORE_SUBSCR_LIST_INT
    } else if exact(container, t.dict) {
        Opcode::STORE_SUBSCR_DICT
    } else {
        return failed(code, index, Opcode::STORE_SUBSCR, "container/key types");
    };
    keep_backoff(cache(code, index));
    specialized(code, index, form);
}

/// `CONTAINS_OP` (`key in container`).
pub fn contains_op(code: &CodeObj, index: usize, container: &Value) {
    stats::attempt(Opcode::CONTAINS_OP);
    let t = types();
    let form = if exact(container, t.dict) {
        Opcode::CONTAINS_OP_DICT
    } else if exact(container, t.set) || exact(container, t.frozenset) {
        Opcode::CONTAINS_OP_SET
    } else {
        return failed(code, index, Opcode::CONTAINS_OP, "container type");
    };
    keep_backoff(cache(code, index));
    specialized(code, index, form);
}

/// `TO_BOOL`.
pub fn to_bool(code: &CodeObj, index: usize, v: &Value) {
    stats::attempt(Opcode::TO_BOOL);
    let t = types();
    let c = cache(code, index);
    let form = if is_true_singleton(v) || is_false_singleton(v) {
        Opcode::TO_BOOL_BOOL
    } else if v.is_small_int() || exact(v, t.int) {
        Opcode::TO_BOOL_INT
    } else if exact(v, t.list) {
        Opcode::TO_BOOL_LIST
    } else if is_none(v) {
        Opcode::TO_BOOL_NONE
    } else if exact(v, t.str) {
        Opcode::TO_BOOL_STR
    } else if v.is_heap() && type_ptr_of(v).as_type().layout == Layout::Object {
        let ty = type_ptr_of(v).as_type();
        let has = |n: &str| ty.lookup(&pystr::intern(n)).is_some();
        if has("__bool__") || has("__len__") {
            return failed(code, index, Opcode::TO_BOOL, "__bool__ or __len__");
        }
        let ver = type_version(ty);
        if ver == 0 {
            return failed(code, index, Opcode::TO_BOOL, "no type version");
        }
        c.version.set(ver);
        Opcode::TO_BOOL_ALWAYS_TRUE
    } else {
        return failed(code, index, Opcode::TO_BOOL, "operand type");
    };
    keep_backoff(c);
    specialized(code, index, form);
}
