//! Generators: a frame that outlives its calls.
//!
//! `RETURN_GENERATOR` moves the running frame out of the thread's frame
//! stack into the generator object; each `send` links that frame back into
//! the chain of frames and runs it until `YIELD_VALUE` (suspended),
//! `RETURN_VALUE` (completed) or an escaping exception (completed).

use std::cell::{Cell, UnsafeCell};
use std::ptr;

use super::frame::{clear_frame, Frame, FrameOwner, FrameStack};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::typeobj::{type_of, Layout};
use crate::objects::{is_none, none, types, Header, Obj, Value};
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    /// Not started: the frame is at `RETURN_GENERATOR`.
    Created,
    /// Stopped at a `YIELD_VALUE`.
    Suspended,
    /// Running now (re-entry is an error).
    Running,
    /// Returned or raised; the frame's contents are gone.
    Completed,
}

pub struct GenObj {
    /// The frame's memory: header, slots and value stack.
    frame: UnsafeCell<Box<[u64]>>,
    pub state: Cell<GenState>,
    pub name: Value,
    pub qualname: Value,
    /// The exception the generator was handling when it last yielded
    /// (NULL: none of its own), CPython's `gi_exc_state`: it is restored
    /// while the generator runs and hidden from the caller in between.
    exc_state: UnsafeCell<Value>,
}

impl GenObj {
    pub fn frame(&self) -> *mut Frame {
        unsafe { (*self.frame.get()).as_mut_ptr() as *mut Frame }
    }
}

impl Drop for GenObj {
    fn drop(&mut self) {
        let f = self.frame();
        unsafe {
            clear_frame(f);
            ptr::drop_in_place(f);
        }
    }
}

pub fn as_gen(v: &Value) -> Option<&GenObj> {
    if v.is_heap() && type_of(v).layout == Layout::Generator {
        Some(unsafe { v.payload::<GenObj>() })
    } else {
        None
    }
}

/// `RETURN_GENERATOR`: move `frame` (the top of the thread's frame stack,
/// already unlinked by the caller's bookkeeping) into a new generator.
///
/// # Safety
/// `frame` is the top frame of the VM's frame stack; after this call its
/// stack memory is released and must not be used.
pub unsafe fn make_generator(vm: &Vm, frame: *mut Frame) -> Value {
    let words = super::frame::frame_words(frame);
    let mut buf = vec![0u64; words].into_boxed_slice();
    ptr::copy_nonoverlapping(frame as *const u64, buf.as_mut_ptr(), words);
    let f = buf.as_mut_ptr() as *mut Frame;
    (*f).owner = FrameOwner::Generator;
    (*f).previous = ptr::null_mut();
    (*f).is_entry = false;
    let func = crate::objects::function::as_function(&(*f).func).expect("a function");
    let name = func.get(&func.name);
    let qualname = func.get(&func.qualname);
    // The values now belong to the generator's copy.
    FrameStack::release(vm.frames.get(), words);
    Value::from_box(Box::new(Obj {
        hdr: Header::new(types().generator),
        data: GenObj {
            frame: UnsafeCell::new(buf),
            state: Cell::new(GenState::Created),
            name,
            qualname,
            exc_state: UnsafeCell::new(Value::NULL),
        },
    }))
}

/// What running a generator produced.
pub enum GenStep {
    Yield(Value),
    Return(Value),
}

/// Resume `gen`, sending `value` in (or raising `throw` at the yield).
pub fn resume(vm: &Vm, gen: &Value, value: Value, throw: Option<PyErr>) -> PyResult<GenStep> {
    let g = as_gen(gen).expect("a generator");
    match g.state.get() {
        GenState::Running => return Err(PyErr::new(exc().value_error, "generator already executing")),
        GenState::Completed => {
            return match throw {
                Some(e) => Err(e),
                None => Ok(GenStep::Return(none())),
            }
        }
        GenState::Created if throw.is_none() && !is_none(&value) => {
            return Err(PyErr::new(exc().type_error, "can't send non-None value to a just-started generator"));
        }
        _ => {}
    }
    let depth = vm.depth.get();
    if depth >= vm.recursion_limit.get() {
        return Err(PyErr::new(exc().recursion_error, "maximum recursion depth exceeded"));
    }
    let guard = vm.enter_native()?;
    let f = g.frame();
    unsafe {
        (*f).previous = vm.current_frame.get();
        (*f).is_entry = true;
        if throw.is_none() {
            let slot = (*f).stack_base().add((*f).stack_depth as usize);
            ptr::write(slot, value);
            (*f).stack_depth += 1;
            (*f).instr += 1;
        }
    }
    vm.depth.set(depth + 1);
    vm.current_frame.set(f);
    g.state.set(GenState::Running);
    // The caller's handled exception (`outer`) is hidden while the
    // generator runs its own; when neither has one (the usual case) both
    // are NULL and nothing is swapped or counted.
    let own = unsafe { std::mem::replace(&mut *g.exc_state.get(), Value::NULL) };
    let outer = if own.is_null() { vm.handled_exc().clone() } else { vm.set_handled_exc(own) };
    let r = unsafe { super::eval::eval_frame(vm, f, throw) };
    drop(guard);
    let yielded = vm.yielded.replace(false);
    if !vm.handled_exc().is(&outer) {
        let inner = vm.set_handled_exc(outer);
        if yielded {
            unsafe { *g.exc_state.get() = inner };
        }
    }
    match r {
        Ok(v) if yielded => {
            g.state.set(GenState::Suspended);
            Ok(GenStep::Yield(v))
        }
        Ok(v) => {
            g.state.set(GenState::Completed);
            Ok(GenStep::Return(v))
        }
        Err(e) => {
            g.state.set(GenState::Completed);
            Err(e)
        }
    }
}

/// The iterator a suspended generator delegates to (`yield from`/`await`):
/// the receiver under the yielded value when the next instruction is a
/// `RESUME` with argument 2 or more (CPython's `_PyGen_yf`).
fn delegate(g: &GenObj) -> Option<Value> {
    if g.state.get() != GenState::Suspended {
        return None;
    }
    let f = g.frame();
    unsafe {
        let code = (*f).code();
        let next = code.instrs().get((*f).instr as usize + 1)?;
        if next.op != crate::bytecode::opcode::Opcode::RESUME || next.arg < 2 || (*f).stack_depth == 0 {
            return None;
        }
        Some((*(*f).stack_base().add((*f).stack_depth as usize - 1)).clone())
    }
}

/// `gen.throw(exc)`.
pub fn throw(vm: &Vm, gen: &Value, e: PyErr) -> PyResult<GenStep> {
    let g = as_gen(gen).expect("a generator");
    if let Some(yf) = delegate(g) {
        if e.matches(exc().generator_exit) {
            // Close the delegate first, then raise GeneratorExit here.
            g.state.set(GenState::Running);
            let r = close_iter(vm, &yf);
            g.state.set(GenState::Suspended);
            return match r {
                Ok(()) => resume(vm, gen, none(), Some(e)),
                Err(e2) => resume(vm, gen, none(), Some(e2)),
            };
        }
        g.state.set(GenState::Running);
        let sub = if as_gen(&yf).is_some() {
            Some(throw(vm, &yf, e.clone()))
        } else {
            match crate::interp::attr::lookup(vm, &yf, &crate::objects::str::intern("throw")) {
                Ok(Some(m)) => Some(super::call::call(vm, &m, std::slice::from_ref(&e.0), &[]).map(GenStep::Yield)),
                Ok(None) => None,
                Err(err) => Some(Err(err)),
            }
        };
        g.state.set(GenState::Suspended);
        match sub {
            Some(Ok(GenStep::Yield(v))) => return Ok(GenStep::Yield(v)),
            // The delegate finished or failed: raise that at our yield,
            // where CLEANUP_THROW turns StopIteration into the result.
            Some(Ok(GenStep::Return(v))) => {
                let stop = if is_none(&v) {
                    PyErr::empty(exc().stop_iteration)
                } else {
                    PyErr::with_arg(exc().stop_iteration, v)
                };
                return resume(vm, gen, none(), Some(stop));
            }
            Some(Err(err)) => return resume(vm, gen, none(), Some(err)),
            None => {}
        }
    }
    resume(vm, gen, none(), Some(e))
}

/// `close()` on any iterator that has one.
fn close_iter(vm: &Vm, it: &Value) -> PyResult<()> {
    if as_gen(it).is_some() {
        return close(vm, it);
    }
    if let Some(m) = crate::interp::attr::lookup(vm, it, &crate::objects::str::intern("close"))? {
        super::call::call(vm, &m, &[], &[])?;
    }
    Ok(())
}

/// `gen.close()`.
pub fn close(vm: &Vm, gen: &Value) -> PyResult<()> {
    let g = as_gen(gen).expect("a generator");
    if matches!(g.state.get(), GenState::Created | GenState::Completed) {
        if g.state.get() == GenState::Created {
            unsafe { clear_frame(g.frame()) };
            g.state.set(GenState::Completed);
        }
        return Ok(());
    }
    match throw(vm, gen, PyErr::empty(exc().generator_exit)) {
        Ok(GenStep::Yield(_)) => Err(PyErr::new(exc().runtime_error, "generator ignored GeneratorExit")),
        Ok(GenStep::Return(_)) => Ok(()),
        Err(e) if e.matches(exc().generator_exit) || e.matches(exc().stop_iteration) => Ok(()),
        Err(e) => Err(e),
    }
}

/// `next(gen)`: None when exhausted.
pub fn next(vm: &Vm, gen: &Value) -> PyResult<Option<Value>> {
    match resume(vm, gen, none(), None)? {
        GenStep::Yield(v) => Ok(Some(v)),
        GenStep::Return(_) => Ok(None),
    }
}

/// Turn a generator's return value into the StopIteration `send` raises.
pub fn stop_iteration(v: Value) -> PyErr {
    if is_none(&v) {
        PyErr::empty(exc().stop_iteration)
    } else {
        PyErr::with_arg(exc().stop_iteration, v)
    }
}

/// The value carried by a StopIteration (its first argument, or None).
pub fn stop_value(e: &PyErr) -> Value {
    crate::objects::tuple::items(e.obj().args()).first().cloned().unwrap_or_else(none)
}

/// A generator being collected while suspended is closed first, so its
/// `finally` blocks run (CPython's `_PyGen_Finalize`).
pub fn finalize(vm: &Vm, gen: &Value) {
    let g = as_gen(gen).expect("a generator");
    if g.state.get() == GenState::Suspended {
        if let Err(e) = close(vm, gen) {
            super::traceback::print_unraisable(vm, &e, gen, "Exception ignored in: ");
        }
    }
}

/// `repr(gen)`.
pub fn repr(gen: &Value) -> String {
    let g = as_gen(gen).expect("a generator");
    format!("<generator object {} at {:#x}>", crate::objects::str::as_str(&g.qualname).unwrap_or("?"), gen.bits())
}
