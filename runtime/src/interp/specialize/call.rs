//! Specializing `CALL`.

use std::cell::Cell;

use crate::bytecode::code::{co_flags, CodeObj};
use crate::bytecode::opcode::Opcode;
use crate::objects::function::{as_bound_method, as_builtin, as_function};
use crate::objects::typeobj::{as_type, flags};
use crate::objects::{dict, str as pystr, type_ptr_of, types, Layout, Value};
use crate::vm::Vm;

use super::{cache, failed, keep_backoff, specialized, stats, type_version};

/// Whether `code` takes exactly `n` positional arguments and nothing else.
pub fn exact_args(code: &CodeObj, n: usize) -> bool {
    code.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
        && code.kwonlyargcount == 0
        && code.argcount as usize == n
}

thread_local! {
    /// The built-ins whose calls have their own forms: `len`,
    /// `isinstance`, `list.append` (immortal objects).
    static KNOWN: Cell<[u64; 3]> = const { Cell::new([0; 3]) };
}

/// Remember the built-ins `CALL_LEN`, `CALL_ISINSTANCE` and
/// `CALL_LIST_APPEND` stand for (at VM start, before any program runs),
/// and make them immortal so their identity is a sound guard.
pub fn capture_builtins(vm: &Vm) {
    let get = |v: Option<Value>| {
        v.map_or(0, |v| {
            v.make_immortal();
            v.bits()
        })
    };
    let len = get(vm.builtin("len"));
    let isinstance = get(vm.builtin("isinstance"));
    let append = get(dict::get_str(&types().list.as_type().dict, &pystr::intern("append")));
    KNOWN.with(|k| k.set([len, isinstance, append]));
}

/// Captured built-in `which` (0 `len`, 1 `isinstance`, 2 `list.append`).
pub fn known(which: usize) -> u64 {
    KNOWN.with(|k| k.get()[which])
}

/// `CALL` with `nargs` arguments: `callable`, `self_or_null` as on the
/// stack.
pub fn call(code: &CodeObj, index: usize, nargs: u32, callable: &Value, self_or_null: &Value) {
    stats::attempt(Opcode::CALL);
    let c = cache(code, index);
    let fail = |reason| failed(code, index, Opcode::CALL, reason);
    let n = nargs as usize;
    let has_self = !self_or_null.is_null();
    let [len, isinstance, append] = KNOWN.with(|k| k.get());
    let t = types();
    let form = if let Some(f) = as_function(callable) {
        let v = f.version.get();
        if v == 0 {
            return fail("no function version");
        }
        c.version.set(v);
        c.flags.set(has_self as u16);
        if exact_args(f.code(), n + has_self as usize) {
            Opcode::CALL_PY_EXACT_ARGS
        } else {
            Opcode::CALL_PY_GENERAL
        }
    } else if let Some(m) = as_bound_method(callable) {
        if let Some(b) = as_builtin(&m.func) {
            // A method descriptor of a built-in type (`f = lst.pop`): the
            // spread puts the receiver in the self slot, then the call is
            // the descriptor's.
            if has_self || !b.bound.is_null() || b.owner.is_null() {
                return fail("bound method of a built-in: not a method descriptor");
            }
            c.ptr.set(m.func.bits());
            keep_backoff(c);
            return specialized(code, index, Opcode::CALL_BOUND_METHOD_BUILTIN);
        }
        let Some(f) = as_function(&m.func) else { return fail("bound method of another callable") };
        if has_self || !exact_args(f.code(), n + 1) || f.version.get() == 0 {
            return fail("bound method: not exact arguments");
        }
        c.version.set(f.version.get());
        c.flags.set(1);
        Opcode::CALL_BOUND_METHOD_EXACT_ARGS
    } else if let Some(b) = as_builtin(callable) {
        if !b.bound.is_null() {
            return fail("bound built-in");
        }
        c.ptr.set(callable.bits());
        let bits = callable.bits();
        if bits == len && n == 1 && !has_self {
            Opcode::CALL_LEN
        } else if bits == isinstance && n == 2 && !has_self {
            Opcode::CALL_ISINSTANCE
        } else if bits == append && n == 1 && has_self {
            Opcode::CALL_LIST_APPEND
        } else if !b.owner.is_null() {
            match n + has_self as usize {
                1 => Opcode::CALL_METHOD_DESCRIPTOR_NOARGS,
                2 => Opcode::CALL_METHOD_DESCRIPTOR_O,
                _ => Opcode::CALL_METHOD_DESCRIPTOR_FAST,
            }
        } else if has_self {
            return fail("built-in with self");
        } else if n == 1 {
            Opcode::CALL_BUILTIN_O
        } else {
            Opcode::CALL_BUILTIN_FAST
        }
    } else if let Some(ty) = as_type(callable) {
        c.ptr.set(callable.bits());
        let tp = type_ptr_of(callable);
        let _ = tp;
        if has_self {
            return fail("type with self");
        }
        if callable.as_ptr() == t.type_.0 && n == 1 {
            Opcode::CALL_TYPE_1
        } else if callable.as_ptr() == t.str.0 && n == 1 {
            Opcode::CALL_STR_1
        } else if callable.as_ptr() == t.tuple.0 && n == 1 {
            Opcode::CALL_TUPLE_1
        } else if [t.list, t.set, t.frozenset].iter().any(|c| c.0 == callable.as_ptr()) && n == 1 {
            Opcode::CALL_BUILTIN_CLASS
        } else if ty.has_flag(flags::HEAPTYPE) && ty.layout == Layout::Object && type_ptr_of(callable) == t.type_ {
            let Some(init) = crate::builtins::classes::plain_init(ty) else {
                return fail("class: custom __new__ or no Python __init__");
            };
            // Its frame is pushed in the loop and must return (not make a
            // generator or coroutine) for the instance to be the result.
            let init_flags = as_function(&init).expect("a Python __init__").code().flags;
            if init_flags & (co_flags::GENERATOR | co_flags::COROUTINE) != 0 {
                return fail("class: __init__ is a generator");
            }
            let v = type_version(ty);
            if v == 0 {
                return fail("no type version");
            }
            c.version.set(v);
            c.ptr2.set(init.bits());
            Opcode::CALL_ALLOC_AND_ENTER_INIT
        } else {
            return fail("type call");
        }
    } else {
        return fail("callable type");
    };
    keep_backoff(c);
    specialized(code, index, form);
}

/// `CALL_PY_EXACT_ARGS` (or its polymorphic form) at `index` missed: if
/// the callable is another Python function that the same form fits (exact
/// arguments, the same self slot) and the version set has room, add its
/// version (the form becomes `CALL_PY_EXACT_ARGS_POLY`) and return true:
/// the instruction runs again. A base class method calling a method each
/// subclass overrides (richards' `self.fn(...)`) sees one function per
/// subclass.
///
/// # Safety
/// `sp` is the stack pointer at the instruction (its inputs are there).
pub(crate) unsafe fn extend(code: &CodeObj, index: usize, op: Opcode, sp: *const Value) -> bool {
    use crate::bytecode::cache::VERSION_SET_SIZE;
    let (mono, poly) = (Opcode::CALL_PY_EXACT_ARGS, Opcode::CALL_PY_EXACT_ARGS_POLY);
    if op != mono && op != poly {
        return false;
    }
    let c = cache(code, index);
    let first = c.version.get();
    let free = if op == mono { Some(1) } else { (1..VERSION_SET_SIZE).find(|&i| c.version_at(i) == first) };
    let Some(free) = free else { return false };
    let n = code.instrs()[index].arg as usize;
    if n >= 1 << 31 {
        return false;
    }
    let has_self = !(*sp.sub(n + 1)).is_null();
    let Some(f) = as_function(&*sp.sub(n + 2)) else { return false };
    let v = f.version.get();
    if v == 0
        || has_self != (c.flags.get() & 1 != 0)
        || !exact_args(f.code(), n + has_self as usize)
        || (0..VERSION_SET_SIZE).any(|i| c.version_at(i) == v)
    {
        return false;
    }
    stats::attempt(Opcode::CALL);
    if op == mono {
        for i in 1..VERSION_SET_SIZE {
            c.set_version(i, first);
        }
        c.set_version(free, v);
        specialized(code, index, poly);
    } else {
        c.set_version(free, v);
        stats::success(poly);
    }
    true
}
