//! `str`: immutable unicode strings, with a cached hash and char count,
//! and the interning table used for identifiers.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct StrObj {
    pub s: Box<str>,
    /// Number of code points (indexing and `len` are by code point).
    pub nchars: usize,
    /// Cached hash; -1 when not yet computed.
    pub hash: Cell<i64>,
}

impl StrObj {
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
}

/// A new str value.
pub fn new_str(s: &str) -> Value {
    from_string(s.into())
}

pub fn from_string(s: Box<str>) -> Value {
    let nchars = s.chars().count();
    Value::from_box(Box::new(Obj { hdr: Header::new(types().str), data: StrObj { s, nchars, hash: Cell::new(-1) } }))
}

/// A new str from text whose code point count is known.
pub fn from_parts(s: Box<str>, nchars: usize) -> Value {
    debug_assert_eq!(s.chars().count(), nchars);
    Value::from_box(Box::new(Obj { hdr: Header::new(types().str), data: StrObj { s, nchars, hash: Cell::new(-1) } }))
}

/// `*s += t` in place when the caller holds the only reference to the
/// exact str `s` (tier 1's `BINARY_OP_INPLACE_ADD_UNICODE`); false (nothing
/// done) otherwise.
pub fn append_in_place(s: &mut Value, t: &Value) -> bool {
    if s.refcount() != 1 || super::typeobj::type_ptr_of(s) != types().str {
        return false;
    }
    let Some(add) = as_str_obj(t) else { return false };
    let (add_s, add_n) = (add.s.to_string(), add.nchars);
    // Unique: nobody else can observe the change.
    let o = unsafe { &mut (*(s.as_ptr() as *mut Obj<StrObj>)).data };
    let mut text = std::mem::take(&mut o.s).into_string();
    text.push_str(&add_s);
    o.s = text.into_boxed_str();
    o.nchars += add_n;
    o.hash.set(-1);
    true
}

/// Borrow the str payload of a value whose layout is `Str`.
#[inline(always)]
pub fn as_str_obj(v: &Value) -> Option<&StrObj> {
    if v.is_heap() && type_of(v).layout == Layout::Str {
        Some(unsafe { v.payload::<StrObj>() })
    } else {
        None
    }
}

#[inline(always)]
pub fn as_str(v: &Value) -> Option<&str> {
    as_str_obj(v).map(|s| &*s.s)
}

/// The str hash. CPython randomises str hashes per process, so programs
/// cannot depend on them; we use FNV-1a, which is fast and deterministic.
pub fn hash(o: &StrObj) -> i64 {
    let h = o.hash.get();
    if h != -1 {
        return h;
    }
    let mut x: u64 = 0xcbf29ce484222325;
    for b in o.s.bytes() {
        x ^= b as u64;
        x = x.wrapping_mul(0x100000001b3);
    }
    let mut h = (x >> 1) as i64;
    if h == -1 {
        h = -2;
    }
    o.hash.set(h);
    h
}

/// FNV-1a for the intern table: its keys are short identifiers, looked up
/// on every `intern("__dunder__")` of the runtime's slow paths, where
/// SipHash dominated the lookup.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut x = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for &b in bytes {
            x ^= b as u64;
            x = x.wrapping_mul(0x100000001b3);
        }
        self.0 = x;
    }
}

type InternTable = HashMap<Box<str>, Value, std::hash::BuildHasherDefault<Fnv>>;

thread_local! {
    static INTERNED: RefCell<InternTable> = RefCell::new(InternTable::default());
}

/// `intern(NAME)` for a literal NAME, looked up once per call site and
/// thread (for the dunder names the runtime's slow paths ask for).
#[macro_export]
macro_rules! interned {
    ($s:literal) => {{
        thread_local! {
            static NAME: $crate::objects::Value = $crate::objects::str::intern($s);
        }
        NAME.with(|n| n.clone())
    }};
}

/// The interned (immortal, unique) str for `s`: identifiers, attribute
/// names and short constants, so dict lookups can compare by identity.
pub fn intern(s: &str) -> Value {
    INTERNED.with(|t| {
        if let Some(v) = t.borrow().get(s) {
            return v.clone();
        }
        let v = new_str(s);
        v.make_immortal();
        t.borrow_mut().insert(s.into(), v.clone());
        v
    })
}

/// Equality of two strs (identity first, then hash, then bytes).
#[inline]
pub fn str_eq(a: &StrObj, b: &StrObj) -> bool {
    if std::ptr::eq(a, b) {
        return true;
    }
    if a.s.len() != b.s.len() {
        return false;
    }
    let (ha, hb) = (a.hash.get(), b.hash.get());
    if ha != -1 && hb != -1 && ha != hb {
        return false;
    }
    a.s == b.s
}

/// The `i`-th code point as a new str (caller has normalised `i`).
pub fn char_at(o: &StrObj, i: usize) -> Value {
    let c = if o.is_ascii() { o.s.as_bytes()[i] as char } else { o.s.chars().nth(i).expect("index checked") };
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    if c.is_ascii() {
        intern(s)
    } else {
        new_str(s)
    }
}
