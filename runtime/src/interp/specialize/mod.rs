//! Tier 1: the specializing adaptive interpreter's specializer.
//!
//! Every specializable instruction has an inline cache (`bytecode::cache`)
//! whose counter the generic form advances; when it triggers, the
//! instruction calls the specializer for its family (one file each here),
//! which looks at the operands it is about to work on and rewrites the
//! instruction in place to a specialized form (`LOAD_ATTR_INSTANCE_VALUE`,
//! `BINARY_OP_ADD_INT`, ...) and fills its cache, or leaves it generic and
//! backs the counter off. A specialized form is a sequence of uops
//! ([`expansion`]); when one of its guards fails, the eval loop calls
//! [`miss`] and runs the generic form for that execution; after
//! `MISS_BUDGET` misses [`deopt`] rewrites the instruction back to its
//! generic form, which specializes again at once for what it sees then
//! (CPython 3.12's policy: backoff grows only when specializing fails).
//!
//! Guards are one compare thanks to version tags:
//! - type versions ([`type_version`], cleared for a type and every
//!   subclass by [`type_modified`] whenever a type's dict changes: type
//!   dicts are watched);
//! - dict keys versions (`objects::dict::keys_version`): globals, builtins
//!   and module dicts; a cached entry index is valid while the keys are;
//! - function versions (`FunctionObj::version`), new on every change.
//!
//! Events (specialization, deopt, invalidation) go through one function
//! each in [`events`]; statistics (`--stats`) through [`stats`].

pub mod attr;
pub mod call;
pub mod events;
pub mod expansion;
pub mod iter;
pub mod ops;
pub mod stats;

#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicU32, Ordering};

use crate::bytecode::cache::{Cache, Counter};
use crate::bytecode::code::CodeObj;
use crate::bytecode::opcode::Opcode;
use crate::objects::typeobj::{as_type, TypeObject};
use crate::objects::{Header, Obj};

/// Why a specialized instruction went back to its generic form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DeoptReason {
    /// Its guards failed more often than its miss budget allows.
    GuardFailed,
    /// A debugger wrote a local it consumes ([`local_written`]).
    LocalWritten,
}

/// Rewrite instruction `index` of `code` to the specialized form `op`
/// (its cache is already filled). The one place an instruction becomes
/// specialized.
pub fn specialized(code: &CodeObj, index: usize, op: Opcode) {
    let from = code.instrs()[index].op;
    code.set_op(index, op);
    stats::success(op);
    events::specialized(code, index as u32, from, op);
}

/// The specializer declined (`reason` names why, for `--stats`): the
/// instruction stays generic and backs off.
pub fn failed(code: &CodeObj, index: usize, family: Opcode, reason: &'static str) {
    let c = &code.caches()[index];
    c.counter.set(c.counter.get().backed_off());
    stats::failure(family, reason);
}

/// A guard of the specialized instruction at `index` failed: the caller
/// runs the generic form now. The instruction is rewritten to it for this
/// one execution and the specialized form is restored at the next
/// ([`restore`]), until `MISS_BUDGET` misses are spent; then it deopts.
///
/// First, a polymorphic attribute form may take the owner's type into its
/// type-version set instead ([`attr::extend`]), or a call site the
/// callee's version ([`call::extend`]): then the instruction runs again as
/// it is. `sp` is the value stack's top at the failed guard
/// (guards change nothing, so the instruction's inputs are there).
///
/// # Safety
/// `sp` is the running frame's stack pointer at the instruction `index`.
#[cold]
pub unsafe fn miss(code: &CodeObj, index: usize, sp: *const crate::objects::Value) {
    let from = code.instrs()[index].op;
    let extended = match from.generic() {
        Opcode::LOAD_ATTR | Opcode::STORE_ATTR => attr::extend(code, index, from, &*sp.sub(1)),
        Opcode::CALL => call::extend(code, index, from, sp),
        _ => false,
    };
    if extended {
        return;
    }
    stats::miss(from);
    let c = &code.caches()[index];
    let left = c.misses.get();
    if left == 0 {
        deopt(code, index, DeoptReason::GuardFailed);
        return;
    }
    c.misses.set(left - 1);
    c.saved.set(from as u8);
    // The generic form runs now without triggering, then triggers (and
    // restores) at its next execution.
    c.counter.set(Counter::new(1, c.counter.get().backoff()));
    code.set_op(index, from.generic());
}

/// At a trigger of the generic form: put back the specialized form a miss
/// left ([`miss`]). False when there is none (the caller specializes).
#[inline]
pub fn restore(code: &CodeObj, index: usize) -> bool {
    let c = &code.caches()[index];
    let saved = c.saved.get();
    if saved == 0 {
        return false;
    }
    c.saved.set(0);
    code.set_op(index, Opcode::ALL[saved as usize]);
    true
}

/// The specialized instruction at `index` gives up (its miss budget is
/// spent, or the debugger asked): rewrite it to its generic form. Returns
/// that form. The one place an instruction stops being specialized.
///
/// After spent misses the generic form specializes again at once, for the
/// operands it has then, with its backoff unchanged: a polymorphic site
/// (richards' `Task` methods run on four subclasses) is specialized for its
/// current type most of the time. Growing the backoff at each deopt left
/// such sites generic for up to 4095 executions per round: two thirds of
/// richards' attribute loads ran generic. After a debugger's write the
/// counter backs off as after a failed attempt.
#[cold]
pub fn deopt(code: &CodeObj, index: usize, reason: DeoptReason) -> Opcode {
    let from = code.instrs()[index].op;
    let generic = from.generic();
    let c = &code.caches()[index];
    c.counter.set(match reason {
        DeoptReason::GuardFailed => Counter::new(0, c.counter.get().backoff()),
        DeoptReason::LocalWritten => c.counter.get().backed_off(),
    });
    c.saved.set(0);
    code.set_op(index, generic);
    stats::deopt(from);
    events::deopt(code, index as u32, from, reason);
    generic
}

/// A specialized instruction the debugger's local write de-specialized.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Despecialized {
    /// Its instruction index.
    pub index: u32,
    /// The specialized form it had.
    pub from: Opcode,
}

/// For the debugger: local slot `slot` of a frame running `code` was just
/// written. De-specializes (deopts to the generic form, with backoff) every
/// specialized instruction of `code` that consumes a value loaded from that
/// slot (found by following `LOAD_FAST`s through the value stack within a
/// basic block, and `BINARY_OP_INPLACE_ADD_UNICODE`, which stores into the
/// slot of the `STORE_FAST` after it), and returns them for the write's
/// reply. Correctness does not depend on it (every guard rechecks), but
/// the next run of those instructions is generic, as in the plain
/// interpreter.
pub fn local_written(code: &CodeObj, slot: usize) -> Vec<Despecialized> {
    let mut out = Vec::new();
    for index in consumers_of_local(code, slot) {
        let from = code.instrs()[index].op;
        if from.is_specialized() {
            deopt(code, index, DeoptReason::LocalWritten);
            out.push(Despecialized { index: index as u32, from });
        }
    }
    out
}

/// Instructions that (may) consume a value loaded from local `slot`.
fn consumers_of_local(code: &CodeObj, slot: usize) -> Vec<usize> {
    let instrs = code.instrs();
    let mut targets = vec![false; instrs.len() + 1];
    for ins in instrs {
        if ins.op.is_jump() {
            if let Some(t) = targets.get_mut(ins.arg as usize) {
                *t = true;
            }
        }
    }
    for e in code.exc_table.iter() {
        if let Some(t) = targets.get_mut(e.target as usize) {
            *t = true;
        }
    }
    let mut out = Vec::new();
    // The abstract value stack: true where a value came from `slot`.
    let mut stack: Vec<bool> = Vec::new();
    for (i, ins) in instrs.iter().enumerate() {
        if targets[i] {
            stack.clear();
        }
        let op = ins.op.generic();
        let a = ins.arg as usize;
        let inputs = consumed_inputs(op, ins.arg);
        let from_slot = (0..inputs).any(|k| stack.len() > k && stack[stack.len() - 1 - k]);
        if ins.op.is_specialized() && from_slot {
            out.push(i);
        }
        if ins.op == Opcode::BINARY_OP_INPLACE_ADD_UNICODE
            && instrs.get(i + 1).is_some_and(|n| n.op == Opcode::STORE_FAST && n.arg as usize == slot)
        {
            out.push(i);
        }
        match op {
            Opcode::LOAD_FAST => stack.push(a == slot),
            Opcode::LOAD_FAST_LOAD_FAST => {
                stack.push(a >> 16 == slot);
                stack.push(a & 0xffff == slot);
            }
            Opcode::STORE_FAST_LOAD_FAST => {
                stack.pop();
                stack.push(a & 0xffff == slot);
            }
            Opcode::COPY => {
                let v = stack.len() >= a && a > 0 && stack[stack.len() - a];
                stack.push(v);
            }
            Opcode::SWAP => {
                let n = stack.len();
                if a >= 2 && n >= a {
                    stack.swap(n - 1, n - a);
                }
            }
            _ => {
                let effect = op.stack_effect(ins.arg, false);
                let pops = inputs;
                let pushes = (effect + pops as i32).max(0) as usize;
                for _ in 0..pops {
                    stack.pop();
                }
                stack.extend(std::iter::repeat_n(false, pushes));
            }
        }
        if op.is_terminator() {
            stack.clear();
        }
    }
    out
}

/// How many stack values an instruction reads (for [`local_written`]);
/// instructions that only push count 0.
fn consumed_inputs(op: Opcode, arg: u32) -> usize {
    use Opcode::*;
    match op {
        BINARY_OP | BINARY_SUBSCR | COMPARE_OP | CONTAINS_OP | STORE_ATTR | IS_OP | SEND => 2,
        STORE_SUBSCR | MATCH_CLASS | BINARY_SLICE => 3,
        TO_BOOL | FOR_ITER | UNPACK_SEQUENCE | LOAD_ATTR | POP_TOP | STORE_FAST | RETURN_VALUE | UNARY_NEGATIVE
        | UNARY_NOT | UNARY_INVERT | GET_ITER | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE
        | POP_JUMP_IF_NOT_NONE => 1,
        STORE_FAST_STORE_FAST => 2,
        CALL => arg as usize + 2,
        _ => {
            let e = op.stack_effect(arg, false);
            if e < 0 {
                (-e) as usize
            } else {
                0
            }
        }
    }
}

// ---- type versions

/// Tags are process-wide (built-in types are shared by every VM a test
/// process runs).
static NEXT_TYPE_VERSION: AtomicU32 = AtomicU32::new(1);

/// The version tag of `t`, assigned now if it has none; 0 when tags ran
/// out (the caller does not specialize).
pub fn type_version(t: &TypeObject) -> u32 {
    let v = t.version.get();
    if v != 0 {
        return v;
    }
    let v = next_version(&NEXT_TYPE_VERSION);
    t.version.set(v);
    v
}

/// The type at `ty` (or a type in its MRO) changed: clear its tag and the
/// tags of all its subclasses, so every cache that depends on any of them
/// misses. Called for every change to a type's dict (type dicts are
/// watched), and by anything else that changes what lookups on a type
/// find.
pub fn type_modified(ty: *const Header) {
    let t = unsafe { &(*(ty as *const Obj<TypeObject>)).data };
    let had = t.version.get() != 0;
    t.version.set(0);
    for &sub in unsafe { &*t.subclasses.get() } {
        let s = unsafe { &(*(sub as *const Obj<TypeObject>)).data };
        if s.version.get() != 0 {
            s.version.set(0);
            events::invalidated(events::Invalidation::Type(sub));
        }
    }
    if had {
        events::invalidated(events::Invalidation::Type(ty));
    }
}

/// A new type is complete (MRO set): record it as a subclass of every type
/// in its MRO and watch its dict.
pub fn register_type(ty: *const Header) {
    let t = unsafe { &(*(ty as *const Obj<TypeObject>)).data };
    // A tag taken before the type was registered with its bases would not
    // be cleared by their changes.
    t.version.set(0);
    for base in t.mro().iter().skip(1) {
        if let Some(b) = as_type(base) {
            unsafe { (*b.subclasses.get()).push(ty) };
        }
    }
    crate::objects::dict::watch(&t.dict, ty);
}

/// The next version from `counter`; 0 (and it stays 0) once 32 bits ran
/// out, which callers treat as "cannot specialize".
pub fn next_version(counter: &AtomicU32) -> u32 {
    let mut v = counter.load(Ordering::Relaxed);
    loop {
        if v == 0 {
            return 0;
        }
        match counter.compare_exchange_weak(v, v.wrapping_add(1), Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return v,
            Err(now) => v = now,
        }
    }
}

/// The cache of instruction `index`.
#[inline(always)]
pub(crate) fn cache(code: &CodeObj, index: usize) -> &Cache {
    &code.caches()[index]
}

/// Reset a cache's counter after a successful specialization (keeps the
/// backoff exponent, so repeated deopts wait longer each time).
pub(crate) fn keep_backoff(c: &Cache) {
    let b = c.counter.get().backoff();
    c.counter.set(Counter::new(0, b));
    c.misses.set(crate::bytecode::cache::MISS_BUDGET);
    c.saved.set(0);
}
