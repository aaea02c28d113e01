//! The runtime's side of the uop ABI (`pyfast_stencils::uops::helpers`):
//! the helper functions and the well-known-object table that uop bodies
//! reference by symbol name, in the interpreters (linked statically) and in
//! JIT stencils (holes patched with these addresses).

use std::sync::atomic::Ordering;

use pyfast_stencils::uops::helpers::WellKnown;

use crate::objects::int_ops::{self, Int};
use crate::objects::{int, range, types, Header};

// Layouts uop bodies read directly.
const _: () = {
    use pyfast_stencils::{compare_op, range_iter};
    use std::mem::offset_of;
    type RangeIter = crate::objects::Obj<range::RangeIterObj>;
    assert!(offset_of!(RangeIter, data) + offset_of!(range::RangeIterObj, next) == range_iter::NEXT_OFFSET);
    assert!(offset_of!(RangeIter, data) + offset_of!(range::RangeIterObj, step) == range_iter::STEP_OFFSET);
    assert!(offset_of!(RangeIter, data) + offset_of!(range::RangeIterObj, remaining) == range_iter::REMAINING_OFFSET);
    assert!(offset_of!(crate::interp::frame::Frame, nlocalsplus) == pyfast_stencils::frame::NLOCALSPLUS_OFFSET);
    use crate::bytecode::opcode::CompareOp;
    assert!(CompareOp::Lt as u32 == compare_op::LT && CompareOp::Le as u32 == compare_op::LE);
    assert!(CompareOp::Eq as u32 == compare_op::EQ && CompareOp::Ne as u32 == compare_op::NE);
    assert!(CompareOp::Gt as u32 == compare_op::GT && CompareOp::Ge as u32 == compare_op::GE);
};

#[no_mangle]
static pyfast_well_known: WellKnown = WellKnown::EMPTY;

/// Fill the well-known table (idempotent; before any uop runs).
pub fn install() {
    let w = &pyfast_well_known;
    let t = types();
    let set = |slot: &std::sync::atomic::AtomicU64, v: u64| slot.store(v, Ordering::Relaxed);
    set(&w.none, crate::objects::none().bits());
    set(&w.true_, crate::objects::true_().bits());
    set(&w.false_, crate::objects::false_().bits());
    set(&w.float_type, t.float.0 as u64);
    set(&w.str_type, t.str.0 as u64);
    set(&w.list_type, t.list.0 as u64);
    set(&w.tuple_type, t.tuple.0 as u64);
    set(&w.dict_type, t.dict.0 as u64);
    set(&w.range_iter_type, t.range_iterator.0 as u64);
}

/// # Safety
/// `obj` is a heap object whose last reference was just given up.
#[no_mangle]
unsafe extern "C" fn pyfast_rt_dealloc(obj: u64) {
    crate::objects::dealloc::dealloc(obj as *mut Header);
}

#[no_mangle]
extern "C" fn pyfast_rt_int_from_i64(v: i64) -> u64 {
    int::from_i64(v).into_bits()
}

#[no_mangle]
extern "C" fn pyfast_rt_int_mul_overflow(a: i64, b: i64) -> u64 {
    int::from_int(int_ops::mul(&Int::Small(a), &Int::Small(b))).into_bits()
}

/// Handle the eval breaker for `_CHECK_PERIODIC`; 0 when that raised (the
/// exception is pending in the VM).
#[no_mangle]
extern "C" fn pyfast_rt_handle_eval_breaker() -> u64 {
    let Some(vm) = crate::vm::current() else { return 1 };
    match vm.handle_eval_breaker() {
        Ok(()) => 1,
        Err(e) => {
            vm.set_pending_error(e);
            0
        }
    }
}

/// Whether a word the uops produced is the value `v` (for tests).
#[cfg(test)]
fn word_is(w: u64, v: &str) -> bool {
    let val = unsafe { crate::objects::Value::from_bits(w) };
    let vm = crate::vm::current().expect("a VM");
    let r = crate::interp::ops::repr(vm, &val).expect("repr");
    r == v
}

#[cfg(test)]
mod tests {
    use pyfast_stencils::uops::{run, Cx, Flow, UopId};
    use pyfast_stencils::value::tag_int;

    use super::word_is;

    #[test]
    fn overflowing_int_uops_make_heap_ints_through_the_helpers() {
        let _vm = crate::vm::Vm::new(Default::default());
        let mut stack = [0u64; 4];
        let mut cx = Cx { frame: std::ptr::null_mut(), sp: stack.as_mut_ptr() };
        unsafe {
            cx.push(tag_int(pyfast_stencils::value::SMALL_INT_MAX));
            cx.push(tag_int(1));
            assert_eq!(run(UopId::_BINARY_OP_ADD_INT, &mut cx, 0, 0), Flow::Continue);
            assert!(word_is(cx.pop(), "4611686018427387904"));
            cx.push(tag_int(1 << 40));
            cx.push(tag_int(-(1 << 40)));
            assert_eq!(run(UopId::_BINARY_OP_MULTIPLY_INT, &mut cx, 0, 0), Flow::Continue);
            assert!(word_is(cx.pop(), "-1208925819614629174706176"));
        }
    }
}
