//! The runtime's side of the uop ABI (`pyfast_stencils::uops::helpers`):
//! the helper functions and the well-known-object table that uop bodies
//! reference by symbol name, in the interpreters (linked statically) and in
//! JIT stencils (holes patched with these addresses).

use std::sync::atomic::Ordering;

use pyfast_stencils::uops::helpers::WellKnown;

use crate::objects::int_ops::{self, Int};
use crate::objects::{int, range, types, Header, Value};

/// Which word of a `Vec<T>` holds the buffer pointer, found at compile
/// time (an empty `Vec`'s pointer is the dangling `align_of::<T>()`).
pub const fn vec_ptr_word<T>() -> usize {
    let v: Vec<T> = Vec::new();
    let w: [usize; 3] = unsafe { std::mem::transmute(v) };
    let mut i = 0;
    while i < 3 {
        if w[i] == std::mem::align_of::<T>() {
            return i;
        }
        i += 1;
    }
    panic!("Vec has no dangling pointer word")
}

/// Which word of a `Vec<T>` holds the length, found at compile time by
/// setting each non-pointer word of an empty `Vec` and asking `len()`.
pub const fn vec_len_word<T>() -> usize {
    let v: Vec<T> = Vec::new();
    let w: [usize; 3] = unsafe { std::mem::transmute(v) };
    let p = vec_ptr_word::<T>();
    let mut i = 0;
    while i < 3 {
        if i != p {
            let mut w2 = w;
            w2[i] = 5;
            let v2: Vec<T> = unsafe { std::mem::transmute(w2) };
            let n = v2.len();
            std::mem::forget(v2);
            if n == 5 {
                return i;
            }
        }
        i += 1;
    }
    panic!("Vec has no length word")
}

/// Whether a boxed slice is `{ pointer, length }` (checked at compile time:
/// reading the pointer word as an integer would not compile).
const fn boxed_slice_is_ptr_len() -> bool {
    #[repr(C)]
    struct Raw {
        _ptr: *const u64,
        len: usize,
    }
    let s: &[u64] = &[1, 2, 3];
    let r: Raw = unsafe { std::mem::transmute(s) };
    r.len == 3
}

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

    // Specialized instructions (tier 1).
    use crate::objects::{float, function as func, instance, iter, list, module, str as pystr, tuple, typeobj};
    use pyfast_stencils::vec;
    assert!(vec_ptr_word::<crate::objects::Value>() == vec::PTR_WORD);
    assert!(vec_len_word::<crate::objects::Value>() == vec::LEN_WORD);
    assert!(boxed_slice_is_ptr_len());
    type O<T> = crate::objects::Obj<T>;
    assert!(
        offset_of!(O<typeobj::TypeObject>, data) + offset_of!(typeobj::TypeObject, version)
            == pyfast_stencils::type_obj::VERSION_OFFSET
    );
    assert!(offset_of!(O<instance::InstanceObj>, data) == pyfast_stencils::instance::DICT_OFFSET);
    assert!(offset_of!(O<instance::InstanceObj>, data) == 16, "InstanceObj finds its header 16 bytes back");
    assert!(
        offset_of!(O<instance::InstanceObj>, data) + instance::VALUES_FIELD == pyfast_stencils::instance::VALUES_OFFSET
    );
    assert!(
        offset_of!(O<instance::InstanceObj>, data) + instance::CAP_FIELD == pyfast_stencils::instance::CAPACITY_OFFSET
    );
    assert!(
        offset_of!(O<instance::InstanceObj>, data) + instance::ORDER_FIELD == pyfast_stencils::instance::ORDER_OFFSET
    );
    assert!(
        offset_of!(O<typeobj::TypeObject>, data)
            + offset_of!(typeobj::TypeObject, shape)
            + offset_of!(typeobj::InstanceShape, nkeys)
            == pyfast_stencils::type_obj::NKEYS_OFFSET
    );
    assert!(
        offset_of!(O<module::ModuleObj>, data) + offset_of!(module::ModuleObj, dict)
            == pyfast_stencils::module::DICT_OFFSET
    );
    type F = O<func::FunctionObj>;
    assert!(offset_of!(F, data) + offset_of!(func::FunctionObj, globals) == pyfast_stencils::function::GLOBALS_OFFSET);
    assert!(
        offset_of!(F, data) + offset_of!(func::FunctionObj, builtins) == pyfast_stencils::function::BUILTINS_OFFSET
    );
    assert!(offset_of!(F, data) + offset_of!(func::FunctionObj, version) == pyfast_stencils::function::VERSION_OFFSET);
    type M = O<func::BoundMethodObj>;
    assert!(offset_of!(M, data) + offset_of!(func::BoundMethodObj, func) == pyfast_stencils::bound_method::FUNC_OFFSET);
    assert!(
        offset_of!(M, data) + offset_of!(func::BoundMethodObj, self_) == pyfast_stencils::bound_method::SELF_OFFSET
    );
    assert!(offset_of!(O<list::ListObj>, data) == 16);
    assert!(16 + 8 * vec::PTR_WORD == pyfast_stencils::list::ITEMS_OFFSET);
    assert!(16 + 8 * vec::LEN_WORD == pyfast_stencils::list::LEN_OFFSET);
    assert!(
        offset_of!(O<tuple::TupleObj>, data) + offset_of!(tuple::TupleObj, items)
            == pyfast_stencils::tuple::ITEMS_OFFSET
    );
    assert!(pyfast_stencils::tuple::LEN_OFFSET == pyfast_stencils::tuple::ITEMS_OFFSET + 8);
    assert!(
        offset_of!(O<float::FloatObj>, data) + offset_of!(float::FloatObj, v) == pyfast_stencils::float::VALUE_OFFSET
    );
    assert!(offset_of!(O<pystr::StrObj>, data) + offset_of!(pystr::StrObj, s) + 8 == pyfast_stencils::str::LEN_OFFSET);
    type S = O<iter::SeqIterObj>;
    assert!(offset_of!(S, data) + offset_of!(iter::SeqIterObj, seq) == pyfast_stencils::seq_iter::SEQ_OFFSET);
    assert!(offset_of!(S, data) + offset_of!(iter::SeqIterObj, index) == pyfast_stencils::seq_iter::INDEX_OFFSET);
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
    set(&w.int_type, t.int.0 as u64);
    set(&w.set_type, t.set.0 as u64);
    set(&w.frozenset_type, t.frozenset.0 as u64);
    set(&w.module_type, t.module.0 as u64);
    set(&w.function_type, t.function.0 as u64);
    set(&w.method_type, t.method.0 as u64);
    set(&w.list_iter_type, t.list_iterator.0 as u64);
    set(&w.tuple_iter_type, t.tuple_iterator.0 as u64);
    set(&w.generator_type, t.generator.0 as u64);
    set(&w.builtin_function_type, t.builtin_function.0 as u64);
    set(&w.slice_type, t.slice.0 as u64);
}

thread_local! {
    /// The exception a helper raised (it returned 0): the VM thread's slot,
    /// taken by the eval loop when the uop returns `Flow::Error`.
    static PENDING: std::cell::RefCell<Option<crate::objects::exception::PyErr>> =
        const { std::cell::RefCell::new(None) };
}

/// Record `e` as raised by a helper and return 0 (the helpers' error
/// return value).
pub fn raise(e: crate::objects::exception::PyErr) -> u64 {
    PENDING.with(|p| *p.borrow_mut() = Some(e));
    0
}

/// The exception a helper raised (after a uop returned `Flow::Error`).
pub fn take_error() -> crate::objects::exception::PyErr {
    PENDING.with(|p| p.borrow_mut().take()).unwrap_or_else(|| {
        crate::objects::exception::PyErr::new(
            crate::objects::exception::exc().system_error,
            "a uop failed without an exception",
        )
    })
}

/// Borrow a word as a value (no refcount change).
///
/// # Safety
/// `w` is NULL, a small int or a live object.
unsafe fn borrowed(w: &u64) -> &Value {
    &*(w as *const u64 as *const Value)
}

fn vm() -> &'static crate::vm::Vm {
    crate::vm::current().expect("uop helpers run on the VM thread")
}

/// A result as a word: the value's reference, or 0 and the exception.
fn result(r: crate::objects::exception::PyResult<Value>) -> u64 {
    match r {
        Ok(v) => v.into_bits(),
        Err(e) => raise(e),
    }
}

#[no_mangle]
extern "C" fn pyfast_rt_float_new(v: f64) -> u64 {
    // Helpers run after `install`, so the float type is in the well-known
    // table: one load instead of `types()`'s once-cell check, which made
    // this helper about 68 instructions when LLVM did not inline it into
    // the eval loop (it does or not by how the crate is split into codegen
    // units).
    let ty = pyfast_stencils::uops::helpers::well_known(|w| &w.float_type);
    crate::objects::float::new_float_of_type(v, crate::objects::typeobj::TypePtr(ty as *const Header)).into_bits()
}

/// `a + b` for two exact strs.
pub fn concat_str(a: &Value, b: &Value) -> Value {
    unsafe { Value::from_bits(pyfast_rt_str_concat(a.bits(), b.bits())) }
}

/// The object a cache word points at, borrowed.
///
/// # Safety
/// The word is a live object's address (the guards before its use hold).
pub unsafe fn cached(w: &std::cell::Cell<u64>) -> &Value {
    &*(w as *const std::cell::Cell<u64> as *const Value)
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_str_concat(a: u64, b: u64) -> u64 {
    let (x, y) = (
        crate::objects::str::as_str_obj(borrowed(&a)).expect("a str"),
        crate::objects::str::as_str_obj(borrowed(&b)).expect("a str"),
    );
    let mut s = String::with_capacity(x.s.len() + y.s.len());
    s.push_str(&x.s);
    s.push_str(&y.s);
    crate::objects::str::from_parts(s.into_boxed_str(), x.nchars + y.nchars).into_bits()
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_str_compare(a: u64, b: u64, op: u32) -> u64 {
    use pyfast_stencils::compare_op;
    let (x, y) = (
        crate::objects::str::as_str(borrowed(&a)).expect("a str"),
        crate::objects::str::as_str(borrowed(&b)).expect("a str"),
    );
    // UTF-8 byte order is code point order.
    let r = match compare_op::kind(op) {
        compare_op::LT => x < y,
        compare_op::LE => x <= y,
        compare_op::EQ => x == y,
        compare_op::NE => x != y,
        compare_op::GT => x > y,
        _ => x >= y,
    };
    crate::objects::bool_val(r).into_bits()
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_str_getitem(s: u64, i: i64) -> u64 {
    let o = crate::objects::str::as_str_obj(borrowed(&s)).expect("a str");
    if i < 0 || i as usize >= o.nchars {
        return 0;
    }
    let c = if o.is_ascii() { o.s.as_bytes()[i as usize] as char } else { o.s.chars().nth(i as usize).unwrap_or('\0') };
    crate::objects::str::from_parts(c.to_string().into_boxed_str(), 1).into_bits()
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_dict_getitem(d: u64, key: u64) -> u64 {
    result(crate::interp::ops::getitem(vm(), borrowed(&d), borrowed(&key)))
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_dict_setitem(d: u64, key: u64, value: u64) -> u64 {
    match crate::interp::ops::setitem(vm(), borrowed(&d), borrowed(&key), borrowed(&value).clone()) {
        Ok(()) => 1,
        Err(e) => raise(e),
    }
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_contains(c: u64, key: u64) -> u64 {
    match crate::interp::ops::contains(vm(), borrowed(&c), borrowed(&key)) {
        Ok(b) => crate::objects::bool_val(b).into_bits(),
        Err(e) => raise(e),
    }
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_dict_lookup_str(d: u64, name: u64) -> u64 {
    // The dict keeps its reference: the word stays valid after ours goes.
    crate::objects::dict::get_str(borrowed(&d), borrowed(&name)).map_or(0, |v| v.bits())
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_type_lookup(ty: u64, name: u64) -> u64 {
    let t = crate::objects::TypePtr(ty as *const crate::objects::Header).as_type();
    t.lookup(borrowed(&name)).map_or(0, |v| v.into_bits())
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_dict_store_str(d: u64, name: u64, value: u64) {
    crate::objects::dict::set_str(borrowed(&d), borrowed(&name).clone(), Value::from_bits(value));
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_list_append(l: u64, v: u64) {
    crate::objects::list::as_list(borrowed(&l)).expect("a list").push(Value::from_bits(v));
}

/// Call one of the built-ins captured by `specialize::call` (`len`,
/// `isinstance`) with `args`.
fn call_known(which: usize, args: &[Value]) -> u64 {
    let f = crate::interp::specialize::call::known(which);
    result(crate::interp::call::call(vm(), unsafe { borrowed(&f) }, args, &[]))
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_len(o: u64) -> u64 {
    let v = borrowed(&o);
    if let Some(l) = crate::objects::list::as_list(v) {
        return int::from_i64(l.len() as i64).into_bits();
    }
    call_known(0, std::slice::from_ref(v))
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_isinstance(o: u64, cls: u64) -> u64 {
    if crate::objects::type_ptr_of(borrowed(&o)).0 as u64 == cls {
        return crate::objects::true_().into_bits();
    }
    call_known(1, &[borrowed(&o).clone(), borrowed(&cls).clone()])
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_str_of(o: u64) -> u64 {
    let v = borrowed(&o);
    if crate::objects::type_ptr_of(v) == types().str {
        return v.clone().into_bits();
    }
    result(crate::interp::call::call(vm(), &types().str.value(), std::slice::from_ref(v), &[]))
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_tuple_of(o: u64) -> u64 {
    // `tuple.__new__`'s work without the type call's dispatch (the call
    // site is guarded to the built-in `tuple`).
    let v = borrowed(&o);
    if crate::objects::type_ptr_of(v) == types().tuple {
        return v.clone().into_bits();
    }
    result(crate::interp::ops::iterate(vm(), v).map(crate::objects::tuple::new_tuple))
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_builtin_class_1(cls: u64, o: u64) -> u64 {
    let (t, v) = (types(), borrowed(&o));
    let cls = crate::objects::typeobj::TypePtr(cls as *const Header);
    if cls == t.list {
        return result(crate::interp::ops::iterate(vm(), v).map(crate::objects::list::new_list));
    }
    if cls == t.frozenset && crate::objects::type_ptr_of(v) == t.frozenset {
        return v.clone().into_bits();
    }
    debug_assert!(cls == t.set || cls == t.frozenset);
    result(crate::builtins::sets::make(vm(), cls, Some(v)))
}

/// A list slice bound the uops checked: a small int or None.
fn slice_bound(w: u64) -> Option<i64> {
    unsafe { borrowed(&w) }.as_small_int()
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_list_slice(l: u64, start: u64, stop: u64) -> u64 {
    let items = crate::objects::list::as_list(borrowed(&l)).expect("a list").items();
    let (start, _, _, n) =
        crate::objects::str_ops::normalize_slice(items.len() as i64, slice_bound(start), slice_bound(stop), 1);
    crate::objects::list::new_list(items[start as usize..start as usize + n].to_vec()).into_bits()
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_list_subscr_slice(l: u64, s: u64) -> u64 {
    let s = crate::objects::slice::as_slice(borrowed(&s)).expect("a slice");
    let field = |v: &Value| match v.as_small_int() {
        Some(i) => Some(Some(i)),
        None if crate::objects::is_none(v) => Some(None),
        None => None,
    };
    let (Some(start), Some(stop), Some(step)) = (field(&s.start), field(&s.stop), field(&s.step)) else {
        return 0;
    };
    let step = step.unwrap_or(1);
    if step == 0 {
        return 0;
    }
    let items = crate::objects::list::as_list(borrowed(&l)).expect("a list").items();
    let (start, _, step, n) = crate::objects::str_ops::normalize_slice(items.len() as i64, start, stop, step);
    let out = if step == 1 {
        items[start as usize..start as usize + n].to_vec()
    } else {
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(items[i as usize].clone());
            i = i.wrapping_add(step);
        }
        out
    };
    crate::objects::list::new_list(out).into_bits()
}

#[no_mangle]
unsafe extern "C" fn pyfast_rt_list_ass_slice(l: u64, start: u64, stop: u64, v: u64) {
    let li = crate::objects::list::as_list(borrowed(&l)).expect("a list");
    let src = crate::objects::list::as_list(borrowed(&v)).expect("a list");
    let (lo, hi, _, _) =
        crate::objects::str_ops::normalize_slice(li.len() as i64, slice_bound(start), slice_bound(stop), 1);
    let (lo, hi) = (lo as usize, hi.max(lo) as usize);
    // `a[:] = a` copies first; a list only the stack references gives up
    // its items (`a[:k] = a[k::-1]`'s new list); else the items are cloned.
    let mut new = if l == v {
        li.items().clone()
    } else if borrowed(&v).refcount() == 1 {
        std::mem::take(src.items())
    } else {
        src.items().clone()
    };
    let items = li.items();
    if new.len() == hi - lo {
        // Same length: swap in place; `new` then holds the old items,
        // released once the list is consistent.
        items[lo..hi].swap_with_slice(&mut new);
        crate::interp::ops::release_reversed(new);
    } else {
        let old: Vec<Value> = items.splice(lo..hi, new).collect();
        crate::interp::ops::release_reversed(old);
    }
}

/// # Safety
/// `obj` is a heap object whose last reference was just given up.
#[no_mangle]
unsafe extern "C" fn pyfast_rt_dealloc(obj: u64) {
    // The float uops free one float per operation: the allocator's fast
    // path inline here, rather than through `dealloc`'s prologue.
    let p = obj as *mut Header;
    if (*p).ty.get() as u64 == pyfast_stencils::uops::helpers::well_known(|w| &w.float_type) {
        return crate::objects::float::free_float(p);
    }
    crate::objects::dealloc::dealloc(p);
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
