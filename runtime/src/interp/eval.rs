//! The tier-0 bytecode interpreter.
//!
//! One loop runs a chain of Python frames: a call to a Python function
//! pushes a frame and continues in the same loop, and a return pops back
//! into the caller, so Python recursion does not grow the Rust stack. The
//! loop leaves when the frame it was entered with (`is_entry`) returns or
//! lets an exception escape.

use std::ptr;
use std::sync::atomic::Ordering;

use crate::bytecode::code::{co_flags, slot_kind, CodeObj};
use crate::bytecode::opcode::{fn_attr, intrinsic1, BinaryOp, CompareOp, Instr, Opcode, INPLACE};
use crate::objects::exception::{as_exception, exc, PyErr, PyResult, TbEntry};
use crate::objects::function::{as_bound_method, as_builtin, as_cell, as_function, new_cell, new_function};
use crate::objects::typeobj::as_type;
use crate::objects::{
    bool_val, dict, float, int, is_false_singleton, is_none, is_true_singleton, list, none, range, str as pystr, tuple,
    type_of, types, Layout, Value,
};
use crate::vm::Vm;

use super::frame::Frame;
use super::specialize::{self, expansion::exec, stats};
use super::{attr, call, gen, ops};
use crate::bytecode::cache::Cache;
use pyfast_stencils::uops::{Cx, Flow, UopId};

/// Run `frame` (already pushed, arguments bound) to completion.
///
/// # Safety
/// `frame` is the top frame of the VM's frame stack, just pushed (by
/// `push_function_frame` or `FrameStack::push`) and not yet run.
pub unsafe fn run_frame(vm: &Vm, frame: *mut Frame) -> PyResult<Value> {
    let guard = match vm.enter_native() {
        Ok(g) => g,
        Err(e) => {
            unsafe { pop_frame(vm, frame) };
            return Err(e);
        }
    };
    unsafe {
        (*frame).is_entry = true;
        (*frame).instr = 0;
    }
    vm.current_frame.set(frame);
    let r = unsafe { eval_frame(vm, frame, None) };
    drop(guard);
    r
}

/// Unlink the top frame and free it (a generator's frame is only
/// cleared: its memory belongs to the generator).
unsafe fn pop_frame(vm: &Vm, frame: *mut Frame) {
    vm.current_frame.set((*frame).previous);
    vm.depth.set(vm.depth.get() - 1);
    if (*frame).owner == super::frame::FrameOwner::Generator {
        super::frame::clear_frame(frame);
    } else {
        super::frame::FrameStack::pop(vm.frames.get(), frame);
    }
}

/// Record that an exception passed through `frame`.
fn add_traceback(e: &PyErr, frame: &Frame) {
    if let Some(x) = as_exception(&e.0) {
        x.traceback().push(TbEntry { code: frame.function().code.clone(), instr: frame.instr });
    }
}

/// Chain a newly raised exception to the one being handled (`__context__`).
fn set_context(vm: &Vm, e: &PyErr) {
    let handled = vm.handled_exc();
    if handled.is_null() || handled.is(&e.0) || is_none(handled) {
        return;
    }
    let Some(x) = as_exception(&e.0) else { return };
    if !is_none(x.context()) {
        return;
    }
    // Break a cycle through the handled exception's own context chain.
    let mut o = handled.clone();
    while let Some(ox) = as_exception(&o) {
        let next = ox.context().clone();
        if next.is(&e.0) {
            ox.set_context(none());
            break;
        }
        if is_none(&next) {
            break;
        }
        o = next;
    }
    x.set_context(handled.clone());
}

/// `__init__` returned something other than None.
fn init_returned(v: &Value) -> PyErr {
    PyErr::new(exc().type_error, format!("__init__() should return None, not '{}'", ops::type_name(v)))
}

fn name_error(name: &Value) -> PyErr {
    let n = pystr::as_str(name).unwrap_or("?");
    PyErr::new(exc().name_error, format!("name '{n}' is not defined"))
}

fn unbound_local(code: &CodeObj, i: usize) -> PyErr {
    PyErr::new(
        exc().unbound_local_error,
        format!("cannot access local variable '{}' where it is not associated with a value", code.slot_name(i)),
    )
}

fn unbound_deref(code: &CodeObj, i: usize) -> PyErr {
    let n = code.slot_name(i);
    if code.localsplus_kinds[i] & slot_kind::FREE != 0 {
        PyErr::new(
            exc().name_error,
            format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
        )
    } else {
        unbound_local(code, i)
    }
}

/// Normalise the operand of `raise` into an exception instance.
fn make_exception(vm: &Vm, v: Value) -> PyResult<PyErr> {
    if let Some(t) = as_type(&v) {
        if t.is_subtype(exc().base_exception.0) {
            let inst = call::call(vm, &v, &[], &[])?;
            if as_exception(&inst).is_some() {
                return Ok(PyErr(inst));
            }
            return Err(PyErr::new(
                exc().type_error,
                format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    ops::repr(vm, &v)?,
                    ops::type_name(&inst)
                ),
            ));
        }
    } else if as_exception(&v).is_some() {
        return Ok(PyErr(v));
    }
    Err(PyErr::new(exc().type_error, "exceptions must derive from BaseException"))
}

/// Whether exception `e` matches an `except` clause's type (or tuple).
fn exception_matches(e: &Value, t: &Value) -> PyResult<bool> {
    if let Some(tt) = tuple::as_tuple(t) {
        for x in tt.items.iter() {
            if exception_matches(e, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match as_type(t) {
        Some(ty) if ty.is_subtype(exc().base_exception.0) => Ok(type_of(e).is_subtype(t.as_ptr())),
        _ => {
            Err(PyErr::new(exc().type_error, "catching classes that do not inherit from BaseException is not allowed"))
        }
    }
}

/// `iter(seq)` for unpacking, with CPython's message for a non-iterable.
fn unpack_iter(vm: &Vm, seq: &Value) -> PyResult<Value> {
    ops::get_iter(vm, seq).map_err(|e| {
        if e.matches(exc().type_error) {
            PyErr::new(exc().type_error, format!("cannot unpack non-iterable {} object", ops::type_name(seq)))
        } else {
            e
        }
    })
}

/// Unpack `seq` into exactly `n` values (in order).
fn unpack(vm: &Vm, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match crate::objects::typeobj::layout_of(seq) {
        Layout::Tuple => tuple::items(seq).to_vec(),
        Layout::List => list::as_list(seq).unwrap().items().clone(),
        _ => {
            let it = unpack_iter(vm, seq)?;
            let mut out = Vec::with_capacity(n);
            while let Some(v) = ops::next(vm, &it)? {
                if out.len() == n {
                    return Err(PyErr::new(exc().value_error, format!("too many values to unpack (expected {n})")));
                }
                out.push(v);
            }
            out
        }
    };
    if items.len() < n {
        return Err(PyErr::new(
            exc().value_error,
            format!("not enough values to unpack (expected {n}, got {})", items.len()),
        ));
    }
    if items.len() > n {
        return Err(PyErr::new(exc().value_error, format!("too many values to unpack (expected {n})")));
    }
    Ok(items)
}

/// The interpreter loop proper: run `entry` from `entry.instr`, or, with
/// `throw`, start by raising that exception at `entry.instr` (a generator's
/// `throw()`).
///
/// # Safety
/// `entry` is linked as the current frame, with `is_entry` set.
pub unsafe fn eval_frame(vm: &Vm, entry: *mut Frame, throw: Option<PyErr>) -> PyResult<Value> {
    // Two instances of the loop: the one that counts `--stats` hits, and
    // the one that has no counting code at all.
    if stats::enabled() {
        eval_loop::<true>(vm, entry, throw)
    } else {
        eval_loop::<false>(vm, entry, throw)
    }
}

/// The loop itself; `STATS` compiles in the counting of specialized hits.
///
/// # Safety
/// As [`eval_frame`].
unsafe fn eval_loop<const STATS: bool>(vm: &Vm, entry: *mut Frame, throw: Option<PyErr>) -> PyResult<Value> {
    // Tier 1: generic instructions warm up and specialize themselves.
    let adaptive = vm.config.max_tier >= 1;
    let mut frame: *mut Frame = entry;
    let mut code: &CodeObj = (*frame).code();
    let mut instrs: *const Instr = code.instrs().as_ptr();
    let mut caches: *const Cache = code.caches().as_ptr();
    let mut locals: *mut Value = (*frame).localsplus();
    let mut sp: *mut Value = (*frame).stack_base().add((*frame).stack_depth as usize);
    let mut pc: usize = (*frame).instr as usize;

    macro_rules! push {
        ($v:expr) => {{
            let v: Value = $v;
            ptr::write(sp, v);
            sp = sp.add(1);
        }};
    }
    macro_rules! pop {
        () => {{
            sp = sp.sub(1);
            ptr::read(sp)
        }};
    }
    macro_rules! top {
        () => {
            &*sp.sub(1)
        };
    }
    macro_rules! peek {
        ($n:expr) => {
            &*sp.sub($n)
        };
    }
    macro_rules! local {
        ($i:expr) => {
            &*locals.add($i)
        };
    }
    // Re-derive the cached state after switching frames.
    macro_rules! load_frame {
        () => {{
            code = (*frame).code();
            instrs = code.instrs().as_ptr();
            caches = code.caches().as_ptr();
            locals = (*frame).localsplus();
            sp = (*frame).stack_base().add((*frame).stack_depth as usize);
        }};
    }
    // Switch to a newly pushed callee frame and start it.
    macro_rules! enter_frame {
        ($new:expr) => {{
            frame = $new;
            vm.current_frame.set(frame);
            load_frame!();
            pc = 0;
        }};
    }
    macro_rules! save_sp {
        () => {
            (*frame).stack_depth = sp.offset_from((*frame).stack_base()) as u32
        };
    }

    // An exception to unwind and whether it is a re-raise (no new
    // traceback entry for the raising frame).
    let mut pending: Option<(PyErr, bool)> = throw.map(|e| (e, false));

    'outer: loop {
        if let Some((e, reraise)) = pending.take() {
            // ---- exception unwinding
            if !reraise {
                set_context(vm, &e);
                add_traceback(&e, &*frame);
                if crate::inspect::watching_exceptions() {
                    crate::inspect::exception_raised(vm, frame, &e);
                }
            }
            loop {
                let instr = (*frame).instr;
                if let Some(h) = code.handler_for(instr).copied() {
                    let base = (*frame).stack_base();
                    let keep = base.add(h.depth as usize);
                    while sp > keep {
                        drop(pop!());
                    }
                    if h.push_lasti {
                        push!(Value::small_int(instr as i64));
                    }
                    push!(e.0);
                    pc = h.target as usize;
                    continue 'outer;
                }
                save_sp!();
                let prev = (*frame).previous;
                let is_entry = (*frame).is_entry;
                pop_frame(vm, frame);
                if is_entry {
                    return Err(e);
                }
                frame = prev;
                load_frame!();
                add_traceback(&e, &*frame);
            }
        }

        // ---- dispatch
        let err: PyErr = 'op: {
            macro_rules! t {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break 'op e,
                    }
                };
            }
            loop {
                let ins = *instrs.add(pc);
                (*frame).instr = pc as u32;
                pc += 1;
                let arg = ins.arg as usize;
                // ---- tier 1 (see `specialize`)
                // The cache of the instruction being run.
                macro_rules! cache {
                    () => {
                        &*caches.add(pc - 1)
                    };
                }
                // In a generic form: count down; when the counter triggers, let
                // the specializer rewrite the instruction and dispatch it again.
                macro_rules! adaptive {
                    ($specialize:expr) => {
                        if adaptive {
                            let c: &Cache = cache!();
                            let n = c.counter.get();
                            if n.triggers() {
                                if !specialize::restore(code, pc - 1) {
                                    $specialize;
                                }
                                pc -= 1;
                                continue;
                            }
                            c.counter.set(n.advance());
                        }
                    };
                }
                // A guard failed: the generic form runs now (`specialize::miss`).
                macro_rules! deopt {
                    () => {{
                        specialize::miss(code, pc - 1, sp);
                        pc -= 1;
                        continue;
                    }};
                }
                // The guards of a specialized instruction held (`--stats`).
                macro_rules! hit {
                    () => {
                        if STATS {
                            stats::hit(ins.op);
                        }
                    };
                }
                // The start of a specialized instruction (debug recording).
                macro_rules! specialized {
                    () => {
                        specialize::expansion::record_instr(ins.op, ins.arg)
                    };
                }
                // Run one uop of a `mixed` expansion on the frame.
                macro_rules! uop {
                    ($fam:ident :: $u:ident, $oparg:expr, $operand:expr) => {{
                        specialize::expansion::record(UopId::$u);
                        let mut cx = Cx { frame: frame as *mut u8, sp: sp as *mut u64 };
                        let f = pyfast_stencils::uops::$fam::$u::run(&mut cx, $oparg, $operand);
                        sp = cx.sp as *mut Value;
                        match f {
                            Flow::Continue => {}
                            Flow::Deopt => deopt!(),
                            Flow::Error => break 'op crate::uop_helpers::take_error(),
                        }
                    }};
                }
                // Run an instruction generated from its expansion.
                macro_rules! run_expansion {
                    ($name:ident) => {{
                        specialized!();
                        let mut cx = Cx { frame: frame as *mut u8, sp: sp as *mut u64 };
                        let f = exec::$name(&mut cx, ins.arg, cache!());
                        sp = cx.sp as *mut Value;
                        match f {
                            Flow::Continue => hit!(),
                            Flow::Deopt => deopt!(),
                            Flow::Error => {
                                hit!();
                                break 'op crate::uop_helpers::take_error();
                            }
                        }
                    }};
                }
                // `LOAD_SUPER_ATTR` and its forms: `(global_super class self --
                // attr)` or, method form, `(-- meth self_or_null)`.
                macro_rules! super_attr {
                    () => {{
                        let self_ = pop!();
                        let class = pop!();
                        let global_super = pop!();
                        save_sp!();
                        let (r, s) =
                            t!(load_super_attr(vm, &global_super, class, self_, &code.names[arg >> 2], ins.arg));
                        push!(r);
                        if arg & 1 != 0 {
                            push!(s);
                        }
                    }};
                }
                // Push a frame for the Python function in `callable_slot` whose
                // `nargs` arguments start at `args_start` (exactly its
                // positional parameters): move them into the new frame.
                macro_rules! enter_exact {
                    ($callable_slot:expr, $args_start:expr, $nargs:expr) => {{
                        let callable_slot: *mut Value = $callable_slot;
                        let func = ptr::read(callable_slot);
                        sp = callable_slot;
                        save_sp!();
                        let new = vm.frames().push_with_args(func, frame, $args_start, $nargs);
                        vm.depth.set(vm.depth.get() + 1);
                        enter_frame!(new);
                        continue;
                    }};
                }
                match ins.op {
                    Opcode::NOP => {}
                    Opcode::RESUME => {
                        if vm.eval_breaker.load(Ordering::Relaxed) != 0 {
                            t!(vm.handle_eval_breaker());
                        }
                    }
                    Opcode::POP_TOP => drop(pop!()),
                    Opcode::PUSH_NULL => push!(Value::NULL),
                    Opcode::END_FOR => drop(pop!()),
                    Opcode::COPY => {
                        let v = peek!(arg).clone();
                        push!(v);
                    }
                    Opcode::SWAP => ptr::swap(sp.sub(1), sp.sub(arg)),
                    Opcode::LOAD_CONST => push!(code.consts[arg].clone()),
                    Opcode::RETURN_VALUE | Opcode::RETURN_CONST => {
                        let v = if ins.op == Opcode::RETURN_VALUE { pop!() } else { code.consts[arg].clone() };
                        save_sp!();
                        let prev = (*frame).previous;
                        let is_entry = (*frame).is_entry;
                        let is_init = (*frame).is_init;
                        pop_frame(vm, frame);
                        if is_entry {
                            return Ok(v);
                        }
                        frame = prev;
                        load_frame!();
                        pc = (*frame).instr as usize + 1;
                        if is_init {
                            // The instance is already on the stack (`CALL_ALLOC_AND_ENTER_INIT`).
                            if !is_none(&v) {
                                break 'op init_returned(&v);
                            }
                        } else {
                            push!(v);
                        }
                    }
                    Opcode::LOAD_FAST => {
                        let v = local!(arg);
                        if v.is_null() {
                            break 'op unbound_local(code, arg);
                        }
                        push!(v.clone());
                    }
                    Opcode::LOAD_FAST_LOAD_FAST => {
                        let (a, b) = (arg >> 16, arg & 0xffff);
                        let va = local!(a);
                        if va.is_null() {
                            break 'op unbound_local(code, a);
                        }
                        push!(va.clone());
                        let vb = local!(b);
                        if vb.is_null() {
                            break 'op unbound_local(code, b);
                        }
                        push!(vb.clone());
                    }
                    Opcode::STORE_FAST => {
                        let v = pop!();
                        let old = ptr::replace(locals.add(arg), v);
                        drop(old);
                    }
                    Opcode::STORE_FAST_STORE_FAST => {
                        let v = pop!();
                        let old = ptr::replace(locals.add(arg >> 16), v);
                        drop(old);
                        let v = pop!();
                        let old = ptr::replace(locals.add(arg & 0xffff), v);
                        drop(old);
                    }
                    Opcode::STORE_FAST_LOAD_FAST => {
                        let v = pop!();
                        let old = ptr::replace(locals.add(arg >> 16), v);
                        drop(old);
                        let b = arg & 0xffff;
                        let vb = local!(b);
                        if vb.is_null() {
                            break 'op unbound_local(code, b);
                        }
                        push!(vb.clone());
                    }
                    Opcode::DELETE_FAST => {
                        if local!(arg).is_null() {
                            break 'op unbound_local(code, arg);
                        }
                        let old = ptr::replace(locals.add(arg), Value::NULL);
                        drop(old);
                    }
                    Opcode::MAKE_CELL => {
                        let v = ptr::replace(locals.add(arg), Value::NULL);
                        ptr::write(locals.add(arg), new_cell(v));
                    }
                    Opcode::COPY_FREE_VARS => {
                        let f = (*frame).function();
                        let closure = f.borrow(&f.closure);
                        let cells = tuple::items(closure);
                        let start = code.nlocalsplus() - arg;
                        for (k, c) in cells.iter().take(arg).enumerate() {
                            let old = ptr::replace(locals.add(start + k), c.clone());
                            drop(old);
                        }
                    }
                    Opcode::LOAD_CLOSURE => push!(local!(arg).clone()),
                    Opcode::LOAD_DEREF => {
                        let c = as_cell(local!(arg)).expect("a cell slot");
                        if c.is_empty() {
                            break 'op unbound_deref(code, arg);
                        }
                        push!(c.get());
                    }
                    Opcode::STORE_DEREF => {
                        let v = pop!();
                        as_cell(local!(arg)).expect("a cell slot").set(v);
                    }
                    Opcode::DELETE_DEREF => {
                        let c = as_cell(local!(arg)).expect("a cell slot");
                        if c.is_empty() {
                            break 'op unbound_deref(code, arg);
                        }
                        c.set(Value::NULL);
                    }
                    Opcode::LOAD_NAME => {
                        let name = &code.names[arg];
                        let f = (*frame).function();
                        let ns = &(*frame).locals;
                        let v = if !ns.is_null() { t!(namespace_get(vm, ns, name)) } else { None };
                        let v = match v {
                            Some(v) => v,
                            None => match dict::get_str(&f.globals, name) {
                                Some(v) => v,
                                None => match dict::get_str(&f.builtins, name) {
                                    Some(v) => v,
                                    None => break 'op name_error(name),
                                },
                            },
                        };
                        push!(v);
                    }
                    Opcode::STORE_NAME => {
                        let v = pop!();
                        let ns = &(*frame).locals;
                        if ns.is_null() {
                            break 'op PyErr::new(exc().system_error, "no locals found when storing a name");
                        }
                        t!(namespace_set(vm, ns, code.names[arg].clone(), v));
                    }
                    Opcode::DELETE_NAME => {
                        let name = &code.names[arg];
                        let ns = &(*frame).locals;
                        if t!(ops::dict_del(vm, ns, name)).is_none() {
                            break 'op name_error(name);
                        }
                    }
                    Opcode::LOAD_GLOBAL => {
                        let name = &code.names[arg >> 1];
                        let f = (*frame).function();
                        adaptive!(specialize::attr::load_global(code, pc - 1, ins.arg, &f.globals, &f.builtins));
                        let v = match dict::get_str(&f.globals, name) {
                            Some(v) => v,
                            None => match dict::get_str(&f.builtins, name) {
                                Some(v) => v,
                                None => break 'op name_error(name),
                            },
                        };
                        push!(v);
                        if arg & 1 != 0 {
                            push!(Value::NULL);
                        }
                    }
                    Opcode::STORE_GLOBAL => {
                        let v = pop!();
                        dict::set_str(&(*frame).function().globals, code.names[arg].clone(), v);
                    }
                    Opcode::DELETE_GLOBAL => {
                        let name = &code.names[arg];
                        if dict::del_str(&(*frame).function().globals, name).is_none() {
                            break 'op name_error(name);
                        }
                    }
                    Opcode::LOAD_ATTR => {
                        adaptive!(specialize::attr::load_attr(code, pc - 1, ins.arg, top!()));
                        let name = &code.names[arg >> 1];
                        let owner = pop!();
                        if arg & 1 != 0 {
                            let (m, s) = t!(attr::load_method(vm, &owner, name));
                            push!(m);
                            push!(s);
                        } else {
                            push!(t!(attr::getattr(vm, &owner, name)));
                        }
                    }
                    Opcode::LOAD_SUPER_ATTR => {
                        adaptive!(specialize::attr::load_super_attr(code, pc - 1, ins.arg, peek!(3), peek!(2)));
                        super_attr!();
                    }
                    Opcode::STORE_ATTR => {
                        adaptive!(specialize::attr::store_attr(code, pc - 1, ins.arg, top!()));
                        let owner = pop!();
                        let v = pop!();
                        t!(attr::setattr(vm, &owner, &code.names[arg], v));
                    }
                    Opcode::DELETE_ATTR => {
                        let owner = pop!();
                        t!(attr::delattr(vm, &owner, &code.names[arg]));
                    }
                    Opcode::BINARY_OP => {
                        adaptive!(specialize::ops::binary_op(code, pc - 1, ins.arg, peek!(2), peek!(1), locals));
                        let (a, b) = (peek!(2), peek!(1));
                        let r = if a.is_small_int() && b.is_small_int() {
                            let (x, y) = (a.small_int_unchecked(), b.small_int_unchecked());
                            match small_int_binary(x, y, ins.arg) {
                                Some(r) => r,
                                None => match small_int_true_divide(x, y, ins.arg) {
                                    Some(r) => float::new_float(r),
                                    None => {
                                        t!(ops::binary_op(vm, a, b, BinaryOp::from_arg(ins.arg), ins.arg >= INPLACE))
                                    }
                                },
                            }
                        } else if let (Some(x), Some(y)) = (float_operand(a), float_operand(b)) {
                            match float_fast(x, y, ins.arg) {
                                Some(r) => float::new_float(r),
                                None => t!(ops::binary_op(vm, a, b, BinaryOp::from_arg(ins.arg), ins.arg >= INPLACE)),
                            }
                        } else {
                            t!(ops::binary_op(vm, a, b, BinaryOp::from_arg(ins.arg), ins.arg >= INPLACE))
                        };
                        drop(pop!());
                        drop(pop!());
                        push!(r);
                    }
                    Opcode::COMPARE_OP => {
                        adaptive!(specialize::ops::compare_op(code, pc - 1, peek!(2), peek!(1)));
                        let (a, b) = (peek!(2), peek!(1));
                        let op = CompareOp::from_arg(pyfast_stencils::compare_op::kind(ins.arg));
                        let r = if a.is_small_int() && b.is_small_int() {
                            let (x, y) = (a.small_int_unchecked(), b.small_int_unchecked());
                            bool_val(match op {
                                CompareOp::Lt => x < y,
                                CompareOp::Le => x <= y,
                                CompareOp::Eq => x == y,
                                CompareOp::Ne => x != y,
                                CompareOp::Gt => x > y,
                                CompareOp::Ge => x >= y,
                            })
                        } else {
                            let r = t!(ops::compare(vm, a, b, op));
                            if ins.arg & pyfast_stencils::compare_op::TO_BOOL != 0
                                && !is_true_singleton(&r)
                                && !is_false_singleton(&r)
                            {
                                bool_val(t!(ops::truthy(vm, &r)))
                            } else {
                                r
                            }
                        };
                        drop(pop!());
                        drop(pop!());
                        push!(r);
                    }
                    Opcode::IS_OP => {
                        let b = pop!();
                        let a = pop!();
                        push!(bool_val(a.is(&b) != (arg == 1)));
                    }
                    Opcode::CONTAINS_OP => {
                        adaptive!(specialize::ops::contains_op(code, pc - 1, peek!(1)));
                        let r = t!(ops::contains(vm, peek!(1), peek!(2)));
                        drop(pop!());
                        drop(pop!());
                        push!(bool_val(r != (arg == 1)));
                    }
                    Opcode::UNARY_NEGATIVE => {
                        let r = match top!().as_small_int() {
                            Some(i) if i != crate::objects::int_ops::SMALL_MIN => Value::small_int(-i),
                            _ => t!(ops::negative(vm, top!())),
                        };
                        drop(pop!());
                        push!(r);
                    }
                    Opcode::UNARY_NOT => {
                        let v = pop!();
                        let b = if is_true_singleton(&v) {
                            false
                        } else if is_false_singleton(&v) {
                            true
                        } else {
                            !t!(ops::truthy(vm, &v))
                        };
                        push!(bool_val(b));
                    }
                    Opcode::UNARY_INVERT => {
                        let r = t!(ops::invert(vm, top!()));
                        drop(pop!());
                        push!(r);
                    }
                    Opcode::CALL_INTRINSIC_1 => {
                        let r = match ins.arg {
                            intrinsic1::UNARY_POSITIVE => t!(ops::positive(vm, top!())),
                            intrinsic1::LIST_TO_TUPLE => {
                                tuple::new_tuple(list::as_list(top!()).expect("a list").items().clone())
                            }
                            intrinsic1::STOPITERATION_ERROR => stopiteration_error(top!()),
                            intrinsic1::IMPORT_STAR => {
                                let ns = (*frame).locals.clone();
                                t!(crate::modules::import::import_star(vm, top!(), &ns));
                                none()
                            }
                            other => {
                                break 'op PyErr::new(
                                    exc().system_error,
                                    format!("{} is not supported by pyfast yet", intrinsic1::name(other)),
                                )
                            }
                        };
                        drop(pop!());
                        push!(r);
                    }
                    Opcode::TO_BOOL => {
                        adaptive!(specialize::ops::to_bool(code, pc - 1, top!()));
                        let v = top!();
                        if !(is_true_singleton(v) || is_false_singleton(v)) {
                            let b = t!(ops::truthy(vm, v));
                            drop(pop!());
                            push!(bool_val(b));
                        }
                    }
                    Opcode::BINARY_SUBSCR => {
                        adaptive!(specialize::ops::binary_subscr(code, pc - 1, peek!(2), peek!(1)));
                        let (c, k) = (peek!(2), peek!(1));
                        let exact = crate::objects::type_ptr_of(c) == crate::objects::types().list;
                        let r = match (list::as_list(c).filter(|_| exact), k.as_small_int()) {
                            (Some(l), Some(i)) if i >= 0 && (i as usize) < l.len() => l.get(i as usize).unwrap(),
                            _ => t!(ops::getitem(vm, c, k)),
                        };
                        drop(pop!());
                        drop(pop!());
                        push!(r);
                    }
                    Opcode::STORE_SUBSCR => {
                        adaptive!(specialize::ops::store_subscr(code, pc - 1, peek!(2), peek!(1)));
                        let k = pop!();
                        let c = pop!();
                        let v = pop!();
                        t!(ops::setitem(vm, &c, &k, v));
                    }
                    Opcode::DELETE_SUBSCR => {
                        let k = pop!();
                        let c = pop!();
                        t!(ops::delitem(vm, &c, &k));
                    }
                    Opcode::BINARY_SLICE => {
                        adaptive!(specialize::ops::binary_slice(code, pc - 1, peek!(3), peek!(2), peek!(1)));
                        let stop = pop!();
                        let start = pop!();
                        let c = pop!();
                        let s = crate::objects::slice::new_slice(start, stop, none());
                        push!(t!(ops::getitem(vm, &c, &s)));
                    }
                    Opcode::STORE_SLICE => {
                        adaptive!(specialize::ops::store_slice(code, pc - 1, peek!(4), peek!(3), peek!(2), peek!(1)));
                        let stop = pop!();
                        let start = pop!();
                        let c = pop!();
                        let v = pop!();
                        let s = crate::objects::slice::new_slice(start, stop, none());
                        t!(ops::setitem(vm, &c, &s, v));
                    }
                    Opcode::BUILD_SLICE => {
                        let step = if arg == 3 { pop!() } else { none() };
                        let stop = pop!();
                        let start = pop!();
                        push!(crate::objects::slice::new_slice(start, stop, step));
                    }
                    Opcode::BUILD_TUPLE | Opcode::BUILD_LIST | Opcode::BUILD_STRING => {
                        let base = sp.sub(arg);
                        let items: Vec<Value> = (0..arg).map(|i| ptr::read(base.add(i))).collect();
                        sp = base;
                        let v = match ins.op {
                            Opcode::BUILD_TUPLE => tuple::new_tuple(items),
                            Opcode::BUILD_LIST => list::new_list(items),
                            _ => {
                                let mut s = String::new();
                                for it in &items {
                                    s.push_str(pystr::as_str(it).unwrap_or(""));
                                }
                                pystr::from_string(s.into())
                            }
                        };
                        push!(v);
                    }
                    Opcode::BUILD_MAP => {
                        let base = sp.sub(2 * arg);
                        let items: Vec<Value> = (0..2 * arg).map(|i| ptr::read(base.add(i))).collect();
                        sp = base;
                        let d = dict::new_dict();
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            t!(ops::dict_set(vm, &d, k, v));
                        }
                        push!(d);
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!();
                        list::as_list(peek!(arg)).expect("a list").push(v);
                    }
                    Opcode::LIST_EXTEND => {
                        let it = pop!();
                        let items = t!(ops::iterate(vm, &it).map_err(|e| {
                            if e.matches(exc().type_error) && ops::get_iter(vm, &it).is_err() {
                                PyErr::new(
                                    exc().type_error,
                                    format!("Value after * must be an iterable, not {}", ops::type_name(&it)),
                                )
                            } else {
                                e
                            }
                        }));
                        list::as_list(peek!(arg)).expect("a list").items().extend(items);
                    }
                    Opcode::MAP_ADD => {
                        let v = pop!();
                        let k = pop!();
                        t!(ops::dict_set(vm, peek!(arg), k, v));
                    }
                    Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                        let m = pop!();
                        let target = peek!(arg).clone();
                        // DICT_MERGE builds a call's keywords: the callee is under
                        // the positional-args tuple and the self-or-NULL slot.
                        let Some(src) = dict::as_dict(&m) else {
                            let msg = if ins.op == Opcode::DICT_MERGE {
                                format!(
                                    "{} argument after ** must be a mapping, not {}",
                                    call::function_str(vm, peek!(arg + 3)),
                                    ops::type_name(&m)
                                )
                            } else {
                                format!("'{}' object is not a mapping", ops::type_name(&m))
                            };
                            break 'op PyErr::new(exc().type_error, msg);
                        };
                        for (k, v) in src.items() {
                            if ins.op == Opcode::DICT_MERGE && t!(ops::dict_get(vm, &target, &k)).is_some() {
                                break 'op PyErr::new(
                                    exc().type_error,
                                    format!(
                                        "{} got multiple values for keyword argument '{}'",
                                        call::function_str(vm, peek!(arg + 3)),
                                        pystr::as_str(&k).unwrap_or("?")
                                    ),
                                );
                            }
                            t!(ops::dict_set(vm, &target, k, v));
                        }
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        adaptive!(specialize::iter::unpack_sequence(code, pc - 1, ins.arg, top!()));
                        let seq = pop!();
                        let items = t!(unpack(vm, &seq, arg));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    Opcode::UNPACK_EX => {
                        let (before, after) = (arg & 0xff, arg >> 8);
                        let seq = pop!();
                        let it = t!(unpack_iter(vm, &seq));
                        let items = t!(ops::iterate(vm, &it));
                        if items.len() < before + after {
                            break 'op PyErr::new(
                                exc().value_error,
                                format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    before + after,
                                    items.len()
                                ),
                            );
                        }
                        let mut items = items;
                        let tail = items.split_off(items.len() - after);
                        let middle = items.split_off(before);
                        for v in tail.into_iter().rev() {
                            push!(v);
                        }
                        push!(list::new_list(middle));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    Opcode::GET_LEN => {
                        let n = t!(ops::len(vm, top!()));
                        push!(int::from_i64(n as i64));
                    }
                    Opcode::MATCH_SEQUENCE => {
                        let b = super::pattern::is_sequence(top!());
                        push!(bool_val(b));
                    }
                    Opcode::MATCH_MAPPING => {
                        let b = super::pattern::is_mapping(top!());
                        push!(bool_val(b));
                    }
                    Opcode::MATCH_KEYS => {
                        let values = t!(super::pattern::match_keys(vm, peek!(2), top!()));
                        push!(values);
                    }
                    Opcode::MATCH_CLASS => {
                        let names = pop!();
                        let cls = pop!();
                        let subject = pop!();
                        push!(t!(super::pattern::match_class(vm, &subject, &cls, arg, &names)));
                    }
                    Opcode::GET_ITER => {
                        let it = t!(ops::get_iter(vm, top!()));
                        drop(pop!());
                        push!(it);
                    }
                    Opcode::FOR_ITER => {
                        adaptive!(specialize::iter::for_iter(code, pc - 1, top!()));
                        let it = top!();
                        let next = if let Some(r) = range::as_range_iter(it) {
                            r.next_value().map(int::from_i64)
                        } else {
                            t!(ops::next(vm, it))
                        };
                        match next {
                            Some(v) => push!(v),
                            None => pc = arg,
                        }
                    }
                    Opcode::INSTRUMENTED_LINE => {
                        // A line event (breakpoint/step); then run the
                        // original instruction, which it put back.
                        save_sp!();
                        crate::inspect::line_event(vm, frame);
                        pc -= 1;
                    }
                    Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => pc = arg,
                    Opcode::JUMP_BACKWARD => {
                        pc = arg;
                        if vm.eval_breaker.load(Ordering::Relaxed) != 0 {
                            t!(vm.handle_eval_breaker());
                        }
                    }
                    Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                        let v = pop!();
                        let b = if is_true_singleton(&v) {
                            true
                        } else if is_false_singleton(&v) {
                            false
                        } else {
                            t!(ops::truthy(vm, &v))
                        };
                        if b == (ins.op == Opcode::POP_JUMP_IF_TRUE) {
                            pc = arg;
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                        let v = pop!();
                        if is_none(&v) == (ins.op == Opcode::POP_JUMP_IF_NONE) {
                            pc = arg;
                        }
                    }
                    Opcode::CALL | Opcode::CALL_KW => {
                        if ins.op == Opcode::CALL {
                            adaptive!(specialize::call::call(
                                code,
                                pc - 1,
                                ins.arg,
                                &*sp.sub(arg + 2),
                                &*sp.sub(arg + 1)
                            ));
                        }
                        let kwnames = if ins.op == Opcode::CALL_KW { pop!() } else { Value::NULL };
                        let kw: &[Value] = tuple::items(&kwnames);
                        let callable_slot = sp.sub(arg + 2);
                        let self_slot = sp.sub(arg + 1);
                        // A bound method spreads into (function, self).
                        if (*self_slot).is_null() {
                            if let Some(m) = as_bound_method(&*callable_slot) {
                                let (f, s) = (m.func.clone(), m.self_.clone());
                                ptr::write(self_slot, s);
                                let old = ptr::replace(callable_slot, f);
                                drop(old);
                            }
                        }
                        let has_self = !(*self_slot).is_null();
                        let args_start = if has_self { self_slot } else { self_slot.add(1) };
                        let nargs = arg + has_self as usize;
                        let args = std::slice::from_raw_parts(args_start, nargs);
                        if let Some(f) = as_function(&*callable_slot) {
                            // Inline call: the new frame runs in this loop.
                            let c = f.code();
                            let exact = kw.is_empty()
                                && nargs == c.argcount as usize
                                && c.kwonlyargcount == 0
                                && c.flags
                                    & (crate::bytecode::code::co_flags::VARARGS
                                        | crate::bytecode::code::co_flags::VARKEYWORDS)
                                    == 0;
                            if exact && vm.depth.get() < vm.recursion_limit.get() {
                                // Exactly the positional parameters: move the
                                // function and the arguments into the new
                                // frame instead of copying them.
                                drop(kwnames);
                                enter_exact!(callable_slot, args_start, nargs);
                            }
                            save_sp!();
                            let func = (*callable_slot).clone();
                            let new = t!(call::push_function_frame(vm, func, args, kw));
                            // The arguments now live in the new frame.
                            while sp > callable_slot {
                                drop(pop!());
                            }
                            save_sp!();
                            drop(kwnames);
                            enter_frame!(new);
                            continue;
                        }
                        save_sp!();
                        let r = if let Some(b) = as_builtin(&*callable_slot) {
                            if b.bound.is_null() {
                                (b.func)(vm, args, kw)
                            } else {
                                call::call(vm, &*callable_slot, args, kw)
                            }
                        } else {
                            call::call(vm, &*callable_slot, args, kw)
                        };
                        let r = t!(r);
                        while sp > callable_slot {
                            drop(pop!());
                        }
                        drop(kwnames);
                        push!(r);
                    }
                    Opcode::CALL_FUNCTION_EX => {
                        let kwargs = if arg & 1 != 0 { pop!() } else { Value::NULL };
                        let args = pop!();
                        let self_or_null = pop!();
                        let callable = pop!();
                        let mut all = Vec::new();
                        if !self_or_null.is_null() {
                            all.push(self_or_null);
                        }
                        if tuple::as_tuple(&args).is_some() {
                            all.extend(tuple::items(&args).iter().cloned());
                        } else {
                            all.extend(t!(ops::iterate(vm, &args).map_err(|e| {
                                if e.matches(exc().type_error) && ops::get_iter(vm, &args).is_err() {
                                    PyErr::new(
                                        exc().type_error,
                                        format!(
                                            "{} argument after * must be an iterable, not {}",
                                            call::function_str(vm, &callable),
                                            ops::type_name(&args)
                                        ),
                                    )
                                } else {
                                    e
                                }
                            })));
                        }
                        let mut names = Vec::new();
                        if !kwargs.is_null() {
                            let Some(d) = dict::as_dict(&kwargs) else {
                                break 'op PyErr::new(
                                    exc().type_error,
                                    format!(
                                        "{} argument after ** must be a mapping, not {}",
                                        call::function_str(vm, &callable),
                                        ops::type_name(&kwargs)
                                    ),
                                );
                            };
                            for (k, v) in d.items() {
                                if pystr::as_str(&k).is_none() {
                                    break 'op PyErr::new(exc().type_error, "keywords must be strings");
                                }
                                names.push(k);
                                all.push(v);
                            }
                        }
                        save_sp!();
                        push!(t!(call::call(vm, &callable, &all, &names)));
                    }
                    Opcode::MAKE_FUNCTION => {
                        let c = pop!();
                        let f = (*frame).function();
                        push!(new_function(c, f.globals.clone(), f.builtins.clone()));
                    }
                    Opcode::SET_FUNCTION_ATTRIBUTE => {
                        let func = pop!();
                        let attr_v = pop!();
                        let f = as_function(&func).expect("a function");
                        match ins.arg {
                            fn_attr::DEFAULTS => f.init(&f.defaults, attr_v),
                            fn_attr::KWDEFAULTS => f.init(&f.kwdefaults, attr_v),
                            fn_attr::CLOSURE => f.init(&f.closure, attr_v),
                            _ => crate::objects::function::set_annotations(f, &attr_v),
                        }
                        push!(func);
                    }
                    Opcode::RAISE_VARARGS => match arg {
                        0 => {
                            let h = vm.handled_exc();
                            if h.is_null() || is_none(h) {
                                break 'op PyErr::new(exc().runtime_error, "No active exception to reraise");
                            }
                            pending = Some((PyErr(h.clone()), true));
                            continue 'outer;
                        }
                        1 => {
                            let v = pop!();
                            break 'op t!(make_exception(vm, v));
                        }
                        _ => {
                            let cause = pop!();
                            let v = pop!();
                            let e = t!(make_exception(vm, v));
                            let cause = if is_none(&cause) { cause } else { t!(make_exception(vm, cause)).0 };
                            e.obj().set_cause(cause);
                            e.obj().suppress_context.set(true);
                            break 'op e;
                        }
                    },
                    Opcode::RERAISE => {
                        // The handler is looked up from this instruction;
                        // `lasti` (the value `arg` below) only names the
                        // line of the original raise, which the traceback
                        // already has.
                        let e = pop!();
                        pending = Some((PyErr(e), true));
                        continue 'outer;
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let e = pop!();
                        let prev = vm.set_handled_exc(e.clone());
                        push!(if prev.is_null() { none() } else { prev });
                        push!(e);
                    }
                    Opcode::POP_EXCEPT => {
                        let prev = pop!();
                        let old = vm.set_handled_exc(if is_none(&prev) { Value::NULL } else { prev });
                        drop(old);
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let t = pop!();
                        let m = t!(exception_matches(top!(), &t));
                        push!(bool_val(m));
                    }
                    Opcode::LOAD_ASSERTION_ERROR => push!(exc().assertion_error.value()),
                    Opcode::BEFORE_WITH => {
                        let mgr = pop!();
                        let ty = type_of(&mgr);
                        let enter = ty.lookup(&pystr::intern("__enter__"));
                        let exit = ty.lookup(&pystr::intern("__exit__"));
                        let (Some(enter), Some(exit)) = (enter, exit) else {
                            break 'op PyErr::new(
                                exc().type_error,
                                format!(
                                    "'{}' object does not support the context manager protocol",
                                    ops::type_name(&mgr)
                                ),
                            );
                        };
                        push!(crate::objects::function::new_bound_method(exit, mgr.clone()));
                        save_sp!();
                        let r = t!(call::call(vm, &enter, &[mgr], &[]));
                        push!(r);
                    }
                    Opcode::WITH_EXCEPT_START => {
                        let e = top!().clone();
                        let exit_fn = peek!(4).clone();
                        save_sp!();
                        let r = t!(call::call(
                            vm,
                            &exit_fn,
                            &[crate::objects::type_ptr_of(&e).value(), e.clone(), crate::objects::traceback::of(&e)],
                            &[]
                        ));
                        push!(r);
                    }
                    Opcode::IMPORT_NAME => {
                        let fromlist = pop!();
                        let level = pop!();
                        let f = (*frame).function();
                        save_sp!();
                        let m = t!(crate::modules::import::import_name(
                            vm,
                            &code.names[arg],
                            &f.globals,
                            &fromlist,
                            int::as_i64(&level).unwrap_or(0)
                        ));
                        push!(m);
                    }
                    Opcode::IMPORT_FROM => {
                        let name = &code.names[arg];
                        let m = top!();
                        let v = t!(crate::modules::import::import_from(vm, m, name));
                        push!(v);
                    }
                    Opcode::LOAD_LOCALS => {
                        let ns = &(*frame).locals;
                        if ns.is_null() {
                            break 'op PyErr::new(exc().system_error, "no locals found");
                        }
                        push!(ns.clone());
                    }
                    Opcode::FORMAT_SIMPLE => {
                        let v = top!();
                        if pystr::as_str(v).is_none() {
                            let s = t!(crate::builtins::format::format_value(vm, v, ""));
                            drop(pop!());
                            push!(s);
                        }
                    }
                    Opcode::FORMAT_WITH_SPEC => {
                        let spec = pop!();
                        let v = pop!();
                        let spec_s = pystr::as_str(&spec).unwrap_or("");
                        push!(t!(crate::builtins::format::format_value(vm, &v, spec_s)));
                    }
                    Opcode::CONVERT_VALUE => {
                        let v = pop!();
                        let s = match arg {
                            1 => t!(ops::str_of(vm, &v)),
                            2 => t!(ops::repr(vm, &v)),
                            _ => crate::objects::str_ops::ascii_escape(&t!(ops::repr(vm, &v))),
                        };
                        push!(pystr::from_string(s.into()));
                    }
                    Opcode::SETUP_ANNOTATIONS => {
                        let ns = &(*frame).locals;
                        let key = pystr::intern("__annotations__");
                        if !ns.is_null() && t!(namespace_get(vm, ns, &key)).is_none() {
                            t!(namespace_set(vm, ns, key, dict::new_dict()));
                        }
                    }
                    Opcode::BUILD_SET => {
                        let base = sp.sub(arg);
                        let items: Vec<Value> = (0..arg).map(|i| ptr::read(base.add(i))).collect();
                        sp = base;
                        let s = crate::objects::set::new_set(types().set);
                        for it in items {
                            t!(crate::builtins::sets::add(vm, &s, it));
                        }
                        push!(s);
                    }
                    Opcode::SET_ADD => {
                        let v = pop!();
                        t!(crate::builtins::sets::add(vm, peek!(arg), v));
                    }
                    Opcode::SET_UPDATE => {
                        let v = pop!();
                        t!(crate::builtins::sets::update(vm, peek!(arg), &v));
                    }
                    Opcode::LOAD_BUILD_CLASS => {
                        let f = (*frame).function();
                        match dict::get_str(&f.builtins, &pystr::intern("__build_class__")) {
                            Some(b) => push!(b),
                            None => break 'op PyErr::new(exc().name_error, "__build_class__ not found"),
                        }
                    }
                    Opcode::RETURN_GENERATOR => {
                        save_sp!();
                        let prev = (*frame).previous;
                        let is_entry = (*frame).is_entry;
                        vm.current_frame.set(prev);
                        vm.depth.set(vm.depth.get() - 1);
                        let g = gen::make_generator(vm, frame);
                        if is_entry {
                            return Ok(g);
                        }
                        frame = prev;
                        load_frame!();
                        pc = (*frame).instr as usize + 1;
                        push!(g);
                    }
                    Opcode::YIELD_VALUE => {
                        let v = pop!();
                        save_sp!();
                        debug_assert!((*frame).is_entry, "generator frames run as entry frames");
                        vm.yielded.set(true);
                        vm.current_frame.set((*frame).previous);
                        vm.depth.set(vm.depth.get() - 1);
                        return Ok(v);
                    }
                    Opcode::SEND => {
                        adaptive!(specialize::iter::send(code, pc - 1, peek!(2)));
                        let v = pop!();
                        save_sp!();
                        match t!(send(vm, top!(), v)) {
                            gen::GenStep::Yield(r) => push!(r),
                            gen::GenStep::Return(r) => {
                                push!(r);
                                pc = arg;
                            }
                        }
                    }
                    Opcode::END_SEND => {
                        let v = pop!();
                        drop(pop!());
                        push!(v);
                    }
                    Opcode::GET_YIELD_FROM_ITER => {
                        if gen::as_gen(top!()).is_none() {
                            let it = t!(ops::get_iter(vm, top!()));
                            drop(pop!());
                            push!(it);
                        }
                    }
                    // ---- tier 1: specialized forms (specialize::expansion)
                    Opcode::BINARY_OP_ADD_INT => run_expansion!(BINARY_OP_ADD_INT),
                    Opcode::BINARY_OP_SUBTRACT_INT => run_expansion!(BINARY_OP_SUBTRACT_INT),
                    Opcode::BINARY_OP_MULTIPLY_INT => run_expansion!(BINARY_OP_MULTIPLY_INT),
                    Opcode::BINARY_OP_ADD_FLOAT => run_expansion!(BINARY_OP_ADD_FLOAT),
                    Opcode::BINARY_OP_SUBTRACT_FLOAT => run_expansion!(BINARY_OP_SUBTRACT_FLOAT),
                    Opcode::BINARY_OP_MULTIPLY_FLOAT => run_expansion!(BINARY_OP_MULTIPLY_FLOAT),
                    Opcode::BINARY_OP_ADD_UNICODE => run_expansion!(BINARY_OP_ADD_UNICODE),
                    Opcode::BINARY_OP_SUBSCR_LIST_INT => run_expansion!(BINARY_OP_SUBSCR_LIST_INT),
                    Opcode::BINARY_OP_SUBSCR_TUPLE_INT => run_expansion!(BINARY_OP_SUBSCR_TUPLE_INT),
                    Opcode::BINARY_OP_SUBSCR_STR_INT => run_expansion!(BINARY_OP_SUBSCR_STR_INT),
                    Opcode::BINARY_OP_SUBSCR_DICT => run_expansion!(BINARY_OP_SUBSCR_DICT),
                    Opcode::STORE_SUBSCR_LIST_INT => run_expansion!(STORE_SUBSCR_LIST_INT),
                    Opcode::BINARY_OP_SUBSCR_LIST_SLICE => run_expansion!(BINARY_OP_SUBSCR_LIST_SLICE),
                    Opcode::BINARY_SLICE_LIST => run_expansion!(BINARY_SLICE_LIST),
                    Opcode::STORE_SLICE_LIST => run_expansion!(STORE_SLICE_LIST),
                    Opcode::STORE_SUBSCR_DICT => run_expansion!(STORE_SUBSCR_DICT),
                    Opcode::COMPARE_OP_INT => run_expansion!(COMPARE_OP_INT),
                    Opcode::COMPARE_OP_FLOAT => run_expansion!(COMPARE_OP_FLOAT),
                    Opcode::COMPARE_OP_STR => run_expansion!(COMPARE_OP_STR),
                    Opcode::CONTAINS_OP_DICT => run_expansion!(CONTAINS_OP_DICT),
                    Opcode::CONTAINS_OP_SET => run_expansion!(CONTAINS_OP_SET),
                    Opcode::TO_BOOL_BOOL => run_expansion!(TO_BOOL_BOOL),
                    Opcode::TO_BOOL_INT => run_expansion!(TO_BOOL_INT),
                    Opcode::TO_BOOL_LIST => run_expansion!(TO_BOOL_LIST),
                    Opcode::TO_BOOL_NONE => run_expansion!(TO_BOOL_NONE),
                    Opcode::TO_BOOL_STR => run_expansion!(TO_BOOL_STR),
                    Opcode::TO_BOOL_ALWAYS_TRUE => run_expansion!(TO_BOOL_ALWAYS_TRUE),
                    Opcode::UNPACK_SEQUENCE_TWO_TUPLE => run_expansion!(UNPACK_SEQUENCE_TWO_TUPLE),
                    Opcode::UNPACK_SEQUENCE_TUPLE => run_expansion!(UNPACK_SEQUENCE_TUPLE),
                    Opcode::UNPACK_SEQUENCE_LIST => run_expansion!(UNPACK_SEQUENCE_LIST),
                    Opcode::LOAD_GLOBAL_MODULE => run_expansion!(LOAD_GLOBAL_MODULE),
                    Opcode::LOAD_GLOBAL_BUILTIN => run_expansion!(LOAD_GLOBAL_BUILTIN),
                    Opcode::LOAD_ATTR_INSTANCE_VALUE => run_expansion!(LOAD_ATTR_INSTANCE_VALUE),
                    Opcode::LOAD_ATTR_INSTANCE_VALUE_POLY => run_expansion!(LOAD_ATTR_INSTANCE_VALUE_POLY),
                    Opcode::LOAD_ATTR_WITH_HINT => run_expansion!(LOAD_ATTR_WITH_HINT),
                    Opcode::LOAD_ATTR_SLOT => run_expansion!(LOAD_ATTR_SLOT),
                    Opcode::LOAD_ATTR_MODULE => run_expansion!(LOAD_ATTR_MODULE),
                    Opcode::LOAD_ATTR_CLASS => run_expansion!(LOAD_ATTR_CLASS),
                    Opcode::LOAD_ATTR_METHOD_WITH_VALUES => run_expansion!(LOAD_ATTR_METHOD_WITH_VALUES),
                    Opcode::LOAD_ATTR_METHOD_WITH_VALUES_POLY => run_expansion!(LOAD_ATTR_METHOD_WITH_VALUES_POLY),
                    Opcode::LOAD_ATTR_METHOD_LOOKUP_POLY => run_expansion!(LOAD_ATTR_METHOD_LOOKUP_POLY),
                    Opcode::LOAD_ATTR_METHOD_NO_DICT => run_expansion!(LOAD_ATTR_METHOD_NO_DICT),
                    Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES => run_expansion!(LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES),
                    Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT => run_expansion!(LOAD_ATTR_NONDESCRIPTOR_NO_DICT),
                    Opcode::STORE_ATTR_INSTANCE_VALUE => run_expansion!(STORE_ATTR_INSTANCE_VALUE),
                    Opcode::STORE_ATTR_INSTANCE_VALUE_POLY => run_expansion!(STORE_ATTR_INSTANCE_VALUE_POLY),
                    Opcode::STORE_ATTR_WITH_HINT => run_expansion!(STORE_ATTR_WITH_HINT),
                    Opcode::STORE_ATTR_SLOT => run_expansion!(STORE_ATTR_SLOT),
                    Opcode::CALL_LEN => run_expansion!(CALL_LEN),
                    Opcode::CALL_ISINSTANCE => run_expansion!(CALL_ISINSTANCE),
                    Opcode::CALL_TYPE_1 => run_expansion!(CALL_TYPE_1),
                    Opcode::CALL_STR_1 => run_expansion!(CALL_STR_1),
                    Opcode::CALL_TUPLE_1 => run_expansion!(CALL_TUPLE_1),
                    Opcode::CALL_BUILTIN_CLASS => run_expansion!(CALL_BUILTIN_CLASS),
                    Opcode::CALL_LIST_APPEND => run_expansion!(CALL_LIST_APPEND),
                    Opcode::BINARY_OP_INPLACE_ADD_UNICODE => {
                        specialized!();
                        uop!(str::_GUARD_NOS_UNICODE, 0, 0);
                        uop!(str::_GUARD_TOS_UNICODE, 0, 0);
                        // _BINARY_OP_INPLACE_ADD_UNICODE: `s += t` where the
                        // next instruction stores back into the local `s`
                        // came from; appends in place when that local and
                        // the stack held the only references.
                        let next = *instrs.add(pc);
                        if next.op != Opcode::STORE_FAST || !local!(next.arg as usize).is(peek!(2)) {
                            deopt!();
                        }
                        hit!();
                        let rhs = pop!();
                        let mut lhs = pop!();
                        let old = ptr::replace(locals.add(next.arg as usize), Value::NULL);
                        drop(old);
                        if !pystr::append_in_place(&mut lhs, &rhs) {
                            let r = crate::uop_helpers::concat_str(&lhs, &rhs);
                            lhs = r;
                        }
                        ptr::write(locals.add(next.arg as usize), lhs);
                        drop(rhs);
                        pc += 1;
                    }
                    Opcode::BINARY_OP_SUBSCR_GETITEM => {
                        specialized!();
                        let c = cache!();
                        uop!(attr::_GUARD_NOS_TYPE_VERSION, c.version.get(), 0);
                        if vm.depth.get() >= vm.recursion_limit.get() {
                            deopt!();
                        }
                        hit!();
                        // _BINARY_OP_SUBSCR_INIT_CALL, _PUSH_FRAME
                        let func = crate::uop_helpers::cached(&c.ptr).clone();
                        let base = sp.sub(2);
                        sp = base;
                        save_sp!();
                        let new = vm.frames().push(func, Value::NULL, frame);
                        vm.depth.set(vm.depth.get() + 1);
                        ptr::copy_nonoverlapping(base, (*new).localsplus(), 2);
                        enter_frame!(new);
                        continue;
                    }
                    Opcode::FOR_ITER_RANGE => {
                        specialized!();
                        uop!(range::_ITER_CHECK_RANGE, 0, 0);
                        hit!();
                        if pyfast_stencils::uops::range::exhausted(top!().bits()) {
                            pc = arg;
                        } else {
                            uop!(range::_ITER_NEXT_RANGE, 0, 0);
                        }
                    }
                    Opcode::FOR_ITER_LIST => {
                        specialized!();
                        uop!(seq::_ITER_CHECK_LIST, 0, 0);
                        hit!();
                        if pyfast_stencils::uops::seq::list_iter_exhausted(top!().bits()) {
                            pc = arg;
                        } else {
                            uop!(seq::_ITER_NEXT_LIST, 0, 0);
                        }
                    }
                    Opcode::FOR_ITER_TUPLE => {
                        specialized!();
                        uop!(seq::_ITER_CHECK_TUPLE, 0, 0);
                        hit!();
                        if pyfast_stencils::uops::seq::tuple_iter_exhausted(top!().bits()) {
                            pc = arg;
                        } else {
                            uop!(seq::_ITER_NEXT_TUPLE, 0, 0);
                        }
                    }
                    Opcode::FOR_ITER_GEN => {
                        specialized!();
                        if gen::as_gen(top!()).is_none() {
                            deopt!();
                        }
                        hit!();
                        save_sp!();
                        match t!(gen::resume(vm, top!(), none(), None)) {
                            gen::GenStep::Yield(v) => push!(v),
                            gen::GenStep::Return(_) => pc = arg,
                        }
                    }
                    Opcode::LOAD_SUPER_ATTR_ATTR | Opcode::LOAD_SUPER_ATTR_METHOD => {
                        specialized!();
                        if !crate::builtins::classes::is_builtin_super(peek!(3), peek!(2)) {
                            deopt!();
                        }
                        hit!();
                        // _LOAD_SUPER_ATTR_ATTR / _LOAD_SUPER_ATTR_METHOD.
                        super_attr!();
                    }
                    Opcode::SEND_GEN => {
                        specialized!();
                        if gen::as_gen(peek!(2)).is_none() {
                            deopt!();
                        }
                        hit!();
                        let v = pop!();
                        save_sp!();
                        match t!(gen::resume(vm, top!(), v, None)) {
                            gen::GenStep::Yield(r) => push!(r),
                            gen::GenStep::Return(r) => {
                                push!(r);
                                pc = arg;
                            }
                        }
                    }
                    Opcode::LOAD_ATTR_PROPERTY => {
                        specialized!();
                        let c = cache!();
                        uop!(attr::_GUARD_TYPE_VERSION, c.version.get(), 0);
                        if vm.depth.get() >= vm.recursion_limit.get() {
                            deopt!();
                        }
                        hit!();
                        // _LOAD_ATTR_PROPERTY_FRAME, _PUSH_FRAME: fget(owner).
                        let fget = crate::uop_helpers::cached(&c.ptr).clone();
                        let base = sp.sub(1);
                        sp = base;
                        save_sp!();
                        let new = vm.frames().push(fget, Value::NULL, frame);
                        vm.depth.set(vm.depth.get() + 1);
                        ptr::copy_nonoverlapping(base, (*new).localsplus(), 1);
                        enter_frame!(new);
                        continue;
                    }
                    Opcode::CALL_PY_EXACT_ARGS
                    | Opcode::CALL_BOUND_METHOD_EXACT_ARGS
                    | Opcode::CALL_PY_EXACT_ARGS_POLY => {
                        specialized!();
                        let c = cache!();
                        if ins.op == Opcode::CALL_PY_EXACT_ARGS_POLY {
                            let oparg = specialize::expansion::Src::ArgSelf.get(ins.arg, c) as u32;
                            uop!(call::_CHECK_FUNCTION_EXACT_ARGS_SET, oparg, c.version_set() as u64);
                        } else {
                            let operand = c.version.get() as u64 | (c.flags.get() as u64) << 32;
                            if ins.op == Opcode::CALL_BOUND_METHOD_EXACT_ARGS {
                                uop!(call::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS, ins.arg, 0);
                                uop!(call::_INIT_CALL_BOUND_METHOD_EXACT_ARGS, ins.arg, 0);
                            }
                            uop!(call::_CHECK_FUNCTION_EXACT_ARGS, ins.arg, operand);
                        }
                        // _CHECK_STACK_SPACE: the generic form raises RecursionError.
                        if vm.depth.get() >= vm.recursion_limit.get() {
                            deopt!();
                        }
                        hit!();
                        // _INIT_CALL_PY_EXACT_ARGS, _PUSH_FRAME
                        let callable_slot = sp.sub(arg + 2);
                        let self_slot = sp.sub(arg + 1);
                        let has_self = !(*self_slot).is_null();
                        let args_start = if has_self { self_slot } else { self_slot.add(1) };
                        enter_exact!(callable_slot, args_start, arg + has_self as usize);
                    }
                    Opcode::CALL_PY_GENERAL => {
                        specialized!();
                        uop!(call::_CHECK_FUNCTION_VERSION, ins.arg, cache!().version.get() as u64);
                        hit!();
                        // _PY_FRAME_GENERAL, _PUSH_FRAME
                        let callable_slot = sp.sub(arg + 2);
                        let self_slot = sp.sub(arg + 1);
                        let has_self = !(*self_slot).is_null();
                        let args_start = if has_self { self_slot } else { self_slot.add(1) };
                        let args = std::slice::from_raw_parts(args_start, arg + has_self as usize);
                        save_sp!();
                        let func = (*callable_slot).clone();
                        let new = t!(call::push_function_frame(vm, func, args, &[]));
                        while sp > callable_slot {
                            drop(pop!());
                        }
                        save_sp!();
                        enter_frame!(new);
                        continue;
                    }
                    Opcode::CALL_BUILTIN_O
                    | Opcode::CALL_BUILTIN_FAST
                    | Opcode::CALL_BOUND_METHOD_BUILTIN
                    | Opcode::CALL_METHOD_DESCRIPTOR_NOARGS
                    | Opcode::CALL_METHOD_DESCRIPTOR_O
                    | Opcode::CALL_METHOD_DESCRIPTOR_FAST => {
                        specialized!();
                        if ins.op == Opcode::CALL_BOUND_METHOD_BUILTIN {
                            uop!(call::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS, ins.arg, 0);
                            uop!(call::_INIT_CALL_BOUND_METHOD_EXACT_ARGS, ins.arg, 0);
                        }
                        uop!(call::_GUARD_CALLABLE_IS, ins.arg, cache!().ptr.get());
                        if matches!(ins.op, Opcode::CALL_BUILTIN_O | Opcode::CALL_BUILTIN_FAST) {
                            uop!(call::_GUARD_SELF_NULL, ins.arg, 0);
                        }
                        // _CALL_BUILTIN: the object's own function (the
                        // identity guard cannot tell a reused address).
                        let callable_slot = sp.sub(arg + 2);
                        let Some(b) = as_builtin(&*callable_slot).filter(|b| b.bound.is_null()) else { deopt!() };
                        hit!();
                        let self_slot = sp.sub(arg + 1);
                        let has_self = !(*self_slot).is_null();
                        let args_start = if has_self { self_slot } else { self_slot.add(1) };
                        let args = std::slice::from_raw_parts(args_start, arg + has_self as usize);
                        save_sp!();
                        let r = t!((b.func)(vm, args, &[]));
                        while sp > callable_slot {
                            drop(pop!());
                        }
                        push!(r);
                    }
                    Opcode::CALL_ALLOC_AND_ENTER_INIT => {
                        specialized!();
                        let c = cache!();
                        uop!(call::_GUARD_CALLABLE_IS, ins.arg, c.ptr.get());
                        uop!(call::_GUARD_SELF_NULL, ins.arg, 0);
                        uop!(call::_GUARD_CALLABLE_TYPE_VERSION, ins.arg, c.version.get() as u64);
                        // _CHECK_INIT_CODE: `__init__.__code__` may since be a generator's.
                        let init_code =
                            as_function(crate::uop_helpers::cached(&c.ptr2)).expect("a Python __init__").code();
                        if init_code.flags & (co_flags::GENERATOR | co_flags::COROUTINE) != 0 {
                            deopt!();
                        }
                        hit!();
                        // _CREATE_INIT_FRAME, _PUSH_FRAME: a bare instance in the
                        // self slot, then a frame for `__init__(self, *args)`
                        // in this loop. The instance replaces the class in
                        // the callable slot and stays there, as the call's
                        // result, until the frame returns (CPython 3.13's
                        // `_CREATE_INIT_FRAME` keeps it in a shim frame).
                        let init = crate::uop_helpers::cached(&c.ptr2).clone();
                        let callable_slot = sp.sub(arg + 2);
                        let self_slot = sp.sub(arg + 1);
                        let obj = crate::objects::instance::new_instance(crate::objects::typeobj::TypePtr(
                            (*callable_slot).as_ptr(),
                        ));
                        ptr::write(self_slot, obj.clone());
                        drop(ptr::replace(callable_slot, obj));
                        if specialize::call::exact_args(init_code, arg + 1) && vm.depth.get() < vm.recursion_limit.get()
                        {
                            // Exactly `self, *args`: moved into the frame, as
                            // `CALL_PY_EXACT_ARGS` does.
                            sp = self_slot;
                            save_sp!();
                            let new = vm.frames().push_with_args(init, frame, self_slot, arg + 1);
                            vm.depth.set(vm.depth.get() + 1);
                            (*new).is_init = true;
                            enter_frame!(new);
                            continue;
                        }
                        let args = std::slice::from_raw_parts(self_slot, arg + 1);
                        save_sp!();
                        let new = t!(call::push_function_frame(vm, init, args, &[]));
                        while sp > self_slot {
                            drop(pop!());
                        }
                        save_sp!();
                        (*new).is_init = true;
                        enter_frame!(new);
                        continue;
                    }
                    Opcode::CLEANUP_THROW => {
                        let e = pop!();
                        let is_stop = type_of(&e).is_subtype(exc().stop_iteration.0);
                        if !is_stop {
                            pending = Some((PyErr(e), true));
                            continue 'outer;
                        }
                        drop(pop!());
                        drop(pop!());
                        push!(none());
                        push!(gen::stop_value(&PyErr(e)));
                    }
                }
            }
        };
        pending = Some((err, false));
    }
}

/// Small-int fast paths of BINARY_OP; None when the result needs the
/// general path (overflow, division, shifts that grow).
#[inline(always)]
fn small_int_binary(x: i64, y: i64, op: u32) -> Option<Value> {
    let op = op % INPLACE;
    let r = match op {
        0 => x.checked_add(y)?,        // Add
        10 => x.checked_sub(y)?,       // Subtract
        5 => x.checked_mul(y)?,        // Multiply
        1 => x & y,                    // And
        7 => x | y,                    // Or
        12 => x ^ y,                   // Xor
        2 if y > 0 => x.div_euclid(y), // FloorDivide (positive divisor)
        6 if y > 0 => x.rem_euclid(y), // Remainder (positive divisor)
        _ => return None,
    };
    if Value::fits_small(r) {
        Some(Value::small_int(r))
    } else {
        None
    }
}

/// `x / y` for two small ints whose conversion to float is exact (below
/// 2^53 in magnitude): one correctly rounded division, CPython's fast path
/// of `long_true_divide`. None otherwise (zero divisor, larger operands).
#[inline(always)]
fn small_int_true_divide(x: i64, y: i64, op: u32) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    (op % INPLACE == 11 && y != 0 && x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT)
        .then(|| x as f64 / y as f64)
}

/// An operand of the generic float fast path: an exact float (a subclass
/// may override the operator), or a small int (the other operand is a
/// float: `1.0 / n`), converted with correct rounding as `float.__truediv__`
/// and friends convert ints.
#[inline(always)]
fn float_operand(v: &Value) -> Option<f64> {
    match v.as_small_int() {
        Some(i) => Some(i as f64),
        None => float::as_exact_float(v),
    }
}

#[inline(always)]
fn float_fast(x: f64, y: f64, op: u32) -> Option<f64> {
    match op % INPLACE {
        0 => Some(x + y),
        10 => Some(x - y),
        5 => Some(x * y),
        11 if y != 0.0 => Some(x / y),
        // `**`, `%`, `//`: the special cases live in `float_ops`; an error
        // (overflow, zero division, a complex result) is left to the
        // generic path, which computes it again and raises.
        8 => crate::objects::float_ops::pow(x, y).ok(),
        6 => crate::objects::float_ops::modulo(x, y).ok(),
        2 => crate::objects::float_ops::floordiv(x, y).ok(),
        _ => None,
    }
}

/// Read a name from a module/class namespace (a dict).
fn namespace_get(vm: &Vm, ns: &Value, name: &Value) -> PyResult<Option<Value>> {
    if dict::as_dict(ns).is_some() {
        return Ok(dict::get_str(ns, name));
    }
    match ops::getitem(vm, ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exc().key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn namespace_set(vm: &Vm, ns: &Value, name: Value, v: Value) -> PyResult<()> {
    if dict::as_dict(ns).is_some() {
        dict::set_str(ns, name, v);
        return Ok(());
    }
    ops::setitem(vm, ns, &name, v)
}

/// Run a module-level code object with `globals` as its namespace.
pub fn run_module_code(vm: &Vm, code: Value, globals: &Value) -> PyResult<Value> {
    let func = new_function(code, globals.clone(), vm.builtins.clone());
    let frame = vm.frames().push(func, globals.clone(), vm.current_frame.get());
    vm.depth.set(vm.depth.get() + 1);
    unsafe { run_frame(vm, frame) }
}

/// `SEND`: one step of `yield from`/`await` on `receiver`.
fn send(vm: &Vm, receiver: &Value, v: Value) -> PyResult<gen::GenStep> {
    if gen::as_gen(receiver).is_some() {
        return gen::resume(vm, receiver, v, None);
    }
    let heap = type_of(receiver).has_flag(crate::objects::typeobj::flags::HEAPTYPE);
    if is_none(&v) && !heap {
        return Ok(match ops::next(vm, receiver)? {
            Some(x) => gen::GenStep::Yield(x),
            None => gen::GenStep::Return(none()),
        });
    }
    let r = if is_none(&v) {
        attr::getattr(vm, receiver, &pystr::intern("__next__")).and_then(|m| call::call(vm, &m, &[], &[]))
    } else {
        attr::getattr(vm, receiver, &pystr::intern("send")).and_then(|m| call::call(vm, &m, &[v], &[]))
    };
    match r {
        Ok(x) => Ok(gen::GenStep::Yield(x)),
        Err(e) if e.matches(exc().stop_iteration) => Ok(gen::GenStep::Return(gen::stop_value(&e))),
        Err(e) => Err(e),
    }
}

/// `INTRINSIC_STOPITERATION_ERROR`: a StopIteration escaping a generator
/// becomes RuntimeError (PEP 479).
fn stopiteration_error(e: &Value) -> Value {
    if !type_of(e).is_subtype(exc().stop_iteration.0) {
        return e.clone();
    }
    let r = PyErr::new(exc().runtime_error, "generator raised StopIteration");
    r.obj().set_cause(e.clone());
    r.obj().set_context(e.clone());
    r.obj().suppress_context.set(true);
    r.0
}

/// `LOAD_SUPER_ATTR`'s work, out of the eval loop: with the built-in
/// `super` and a class, the MRO lookup without a super object; else the
/// rebound `super` called as the source says (`super()` or `super(C, x)`).
/// `(attr, NULL)` or, for a method load, `(meth, self)`.
#[inline(never)]
fn load_super_attr(
    vm: &Vm,
    global_super: &Value,
    class: Value,
    self_: Value,
    name: &Value,
    arg: u32,
) -> PyResult<(Value, Value)> {
    let method = arg & 1 != 0;
    if crate::builtins::classes::is_builtin_super(global_super, &class) {
        return crate::builtins::classes::super_attr(vm, &class, &self_, name, method);
    }
    let args = if arg & 2 != 0 { vec![class, self_] } else { Vec::new() };
    let sup = crate::interp::call::call(vm, global_super, &args, &[])?;
    if method {
        attr::load_method(vm, &sup, name)
    } else {
        Ok((attr::getattr(vm, &sup, name)?, Value::NULL))
    }
}
