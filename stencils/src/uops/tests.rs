//! Uop bodies run on a fake frame (see `testing`).

use super::testing::{FakeFrame, FAKE_OBJECTS};
use super::{flags, run, Flow, UopId, ALL};
use crate::compare_op;
use crate::value::{tag_int, untag_int};

#[test]
fn load_and_store_fast_keep_refcounts() {
    let mut obj = [2u64, 0, 0];
    let w = obj.as_mut_ptr() as u64;
    let mut f = FakeFrame::new(2);
    f.set_local(0, w);
    let mut cx = f.cx();
    unsafe {
        assert_eq!(run(UopId::_LOAD_FAST, &mut cx, 0, 0), Flow::Continue);
        assert_eq!(obj[0], 3);
        // Storing it over itself in slot 1, then clearing slot 0 twice over.
        assert_eq!(run(UopId::_STORE_FAST, &mut cx, 1, 0), Flow::Continue);
        cx.push(tag_int(7));
        assert_eq!(run(UopId::_STORE_FAST, &mut cx, 0, 0), Flow::Continue);
    }
    assert_eq!(obj[0], 2);
    assert_eq!(f.local(1), w);
    assert_eq!(untag_int(f.local(0)), 7);
}

#[test]
fn releasing_the_last_reference_deallocates() {
    let mut obj = [1u64, 0, 0];
    let mut f = FakeFrame::new(1);
    let mut cx = f.cx();
    unsafe {
        cx.push(obj.as_mut_ptr() as u64);
        assert_eq!(run(UopId::_POP_TOP, &mut cx, 0, 0), Flow::Continue);
    }
    assert_eq!(obj[0], u64::MAX, "the dealloc helper ran");
}

#[test]
fn load_fast_of_an_unbound_local_deopts() {
    let mut f = FakeFrame::new(1);
    let mut cx = f.cx();
    let sp = cx.sp;
    assert_eq!(unsafe { run(UopId::_LOAD_FAST, &mut cx, 0, 0) }, Flow::Deopt);
    assert_eq!(cx.sp, sp, "a deopt leaves the stack as it was");
}

#[test]
fn int_guards_and_arithmetic() {
    let mut f = FakeFrame::new(0);
    let mut cx = f.cx();
    unsafe {
        cx.push(tag_int(40));
        cx.push(tag_int(2));
        assert_eq!(run(UopId::_GUARD_TOS_INT, &mut cx, 0, 0), Flow::Continue);
        assert_eq!(run(UopId::_GUARD_NOS_INT, &mut cx, 0, 0), Flow::Continue);
        assert_eq!(run(UopId::_BINARY_OP_ADD_INT, &mut cx, 0, 0), Flow::Continue);
        assert_eq!(untag_int(cx.peek(1)), 42);
        cx.push(tag_int(-3));
        assert_eq!(run(UopId::_BINARY_OP_MULTIPLY_INT, &mut cx, 0, 0), Flow::Continue);
        assert_eq!(untag_int(cx.peek(1)), -126);
        cx.push(tag_int(-100));
        assert_eq!(run(UopId::_BINARY_OP_SUBTRACT_INT, &mut cx, 0, 0), Flow::Continue);
        assert_eq!(untag_int(cx.peek(1)), -26);
        cx.push(FAKE_OBJECTS[0].as_ptr() as u64);
        assert_eq!(run(UopId::_GUARD_TOS_INT, &mut cx, 0, 0), Flow::Deopt);
        assert_eq!(run(UopId::_GUARD_NOS_INT, &mut cx, 0, 0), Flow::Continue);
    }
}

#[test]
fn compare_int_pushes_the_bool_singletons() {
    let (t, fl) = (FAKE_OBJECTS[0].as_ptr() as u64, FAKE_OBJECTS[1].as_ptr() as u64);
    let mut f = FakeFrame::new(0);
    for (op, want) in [
        (compare_op::LT, t),
        (compare_op::LE, t),
        (compare_op::EQ, fl),
        (compare_op::NE, t),
        (compare_op::GT, fl),
        (compare_op::GE, fl),
    ] {
        let mut cx = f.cx();
        unsafe {
            cx.push(tag_int(-5));
            cx.push(tag_int(9));
            assert_eq!(run(UopId::_COMPARE_OP_INT, &mut cx, op, 0), Flow::Continue);
            assert_eq!(cx.pop(), want, "compare op {op}");
        }
    }
}

#[test]
fn range_iteration_counts_down_and_then_exits() {
    let ty = FAKE_OBJECTS[2].as_ptr() as u64;
    // refcount, type, next, step, remaining
    let mut it = [1u64 << 61, ty, 10, (-3i64) as u64, 2];
    let mut f = FakeFrame::new(0);
    let mut cx = f.cx();
    let mut seen = Vec::new();
    unsafe {
        cx.push(it.as_mut_ptr() as u64);
        loop {
            assert_eq!(run(UopId::_ITER_CHECK_RANGE, &mut cx, 0, 0), Flow::Continue);
            if run(UopId::_GUARD_NOT_EXHAUSTED_RANGE, &mut cx, 0, 0) == Flow::Deopt {
                break;
            }
            assert_eq!(run(UopId::_ITER_NEXT_RANGE, &mut cx, 0, 0), Flow::Continue);
            seen.push(untag_int(cx.pop()));
        }
        cx.poke(1, tag_int(0));
        assert_eq!(run(UopId::_ITER_CHECK_RANGE, &mut cx, 0, 0), Flow::Deopt);
    }
    assert_eq!(seen, [10, 7]);
    assert_eq!(it[4], 0);
}

#[test]
fn metadata_matches_the_table() {
    for (i, info) in ALL.iter().enumerate() {
        assert!(info.name.starts_with('_'), "{}", info.name);
        assert!(ALL[..i].iter().all(|o| o.name != info.name), "duplicate uop {}", info.name);
    }
    assert_eq!(UopId::_ITER_NEXT_RANGE.info().stack_effect(), 1);
    assert_eq!(UopId::_BINARY_OP_ADD_INT.info().stack_effect(), -1);
    assert!(UopId::_GUARD_TOS_INT.info().has(flags::DEOPT));
    assert!(UopId::_STORE_FAST.info().has(flags::ESCAPES));
    assert_eq!(UopId::_COMPARE_OP_INT.name(), "_COMPARE_OP_INT");
}
