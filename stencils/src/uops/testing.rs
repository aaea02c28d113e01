//! Test doubles for the runtime's side of the ABI, so uop bodies can be
//! unit-tested in this crate on a fake frame. Heap ints are not modelled:
//! the doubles panic where the real runtime would allocate.

use core::sync::atomic::Ordering;

use super::helpers::WellKnown;

#[no_mangle]
static pyfast_well_known: WellKnown = WellKnown::EMPTY;

#[no_mangle]
extern "C" fn pyfast_rt_dealloc(obj: u64) {
    // Fake objects record their own death in their refcount slot.
    unsafe { *(obj as *mut usize) = usize::MAX };
}

#[no_mangle]
extern "C" fn pyfast_rt_int_from_i64(v: i64) -> u64 {
    panic!("heap int {v} requested in a uop unit test")
}

#[no_mangle]
extern "C" fn pyfast_rt_int_mul_overflow(a: i64, b: i64) -> u64 {
    panic!("heap int {a} * {b} requested in a uop unit test")
}

#[no_mangle]
extern "C" fn pyfast_rt_handle_eval_breaker() -> u64 {
    1
}

macro_rules! unmodelled {
    ($($name:ident($($a:ident: $t:ty),*) $(-> $r:ty)?;)*) => {
        $(
            #[no_mangle]
            extern "C" fn $name($($a: $t),*) $(-> $r)? {
                $(let _ = $a;)*
                panic!(concat!(stringify!($name), " is not modelled in uop unit tests"))
            }
        )*
    };
}

unmodelled! {
    pyfast_rt_float_new(v: f64) -> u64;
    pyfast_rt_str_concat(a: u64, b: u64) -> u64;
    pyfast_rt_str_compare(a: u64, b: u64, op: u32) -> u64;
    pyfast_rt_str_getitem(s: u64, i: i64) -> u64;
    pyfast_rt_dict_getitem(d: u64, key: u64) -> u64;
    pyfast_rt_dict_setitem(d: u64, key: u64, value: u64) -> u64;
    pyfast_rt_contains(c: u64, key: u64) -> u64;
    pyfast_rt_dict_lookup_str(d: u64, name: u64) -> u64;
    pyfast_rt_dict_store_str(d: u64, name: u64, value: u64);
    pyfast_rt_list_append(list: u64, v: u64);
    pyfast_rt_len(o: u64) -> u64;
    pyfast_rt_isinstance(o: u64, cls: u64) -> u64;
    pyfast_rt_str_of(o: u64) -> u64;
    pyfast_rt_tuple_of(o: u64) -> u64;
    pyfast_rt_builtin_class_1(cls: u64, o: u64) -> u64;
    pyfast_rt_list_slice(l: u64, start: u64, stop: u64) -> u64;
    pyfast_rt_list_subscr_slice(l: u64, s: u64) -> u64;
    pyfast_rt_list_ass_slice(l: u64, start: u64, stop: u64, v: u64);
}

/// Fake `True`/`False`/types: addresses of static words, never freed.
pub static FAKE_OBJECTS: [[u64; 6]; 3] = [[0; 6]; 3];

pub fn install_well_known() {
    let w = &pyfast_well_known;
    w.true_.store(FAKE_OBJECTS[0].as_ptr() as u64, Ordering::Relaxed);
    w.false_.store(FAKE_OBJECTS[1].as_ptr() as u64, Ordering::Relaxed);
    w.range_iter_type.store(FAKE_OBJECTS[2].as_ptr() as u64, Ordering::Relaxed);
}

/// A frame with `nlocals` slots and room for 8 stack values.
pub struct FakeFrame {
    words: [u64; 64],
    nlocals: usize,
}

impl FakeFrame {
    pub fn new(nlocals: usize) -> FakeFrame {
        install_well_known();
        let mut f = FakeFrame { words: [0; 64], nlocals };
        f.words[crate::frame::NLOCALSPLUS_OFFSET / 8] = nlocals as u64;
        f
    }

    /// A context with an empty value stack.
    pub fn cx(&mut self) -> super::Cx {
        let frame = self.words.as_mut_ptr() as *mut u8;
        let sp = unsafe { frame.add(crate::frame::LOCALSPLUS_OFFSET).cast::<u64>().add(self.nlocals) };
        super::Cx { frame, sp }
    }

    pub fn local(&self, i: usize) -> u64 {
        self.words[crate::frame::LOCALSPLUS_OFFSET / 8 + i]
    }

    /// A u32 field of the frame header.
    pub fn header_u32(&self, offset: usize) -> u32 {
        let bytes = self.words[offset / 8].to_le_bytes();
        u32::from_le_bytes(bytes[offset % 8..offset % 8 + 4].try_into().unwrap())
    }

    pub fn set_local(&mut self, i: usize, w: u64) {
        self.words[crate::frame::LOCALSPLUS_OFFSET / 8 + i] = w;
    }
}
