//! `dict`: insertion-ordered hash tables, CPython's compact layout: a dense
//! entries vector in insertion order plus a sparse index table probed with
//! CPython's perturbation scheme.
//!
//! Hashing and equality of arbitrary keys can run Python code, so the
//! table takes them from the caller (`KeyOps`); strs and ints are compared
//! here without calling out. The table is never borrowed across such calls.

use std::cell::{Cell, UnsafeCell};

use super::str::{as_str_obj, hash as str_hash, str_eq};
use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;

#[repr(C)]
struct Entry {
    hash: i64,
    /// NULL for a deleted entry.
    key: Value,
    value: Value,
}

#[derive(Default)]
#[repr(C)]
struct Table {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    used: usize,
}

/// Machine code (tier-1 uops) reads the entries array and the keys version
/// through the offsets in `pyfast_stencils::dict` (asserted below).
#[repr(C)]
pub struct DictObj {
    table: UnsafeCell<Table>,
    /// The keys version: 0 until a cache asks for one ([`keys_version`]),
    /// reset to 0 whenever a key is added or removed or entries move, so a
    /// cache of "name N is at entry I" (globals, builtins, module
    /// attributes) validates with one compare. Replacing a value keeps it.
    keys_version: Cell<u32>,
    /// The type whose `__dict__` this is, or null: any change to the dict
    /// is a change to that type (`specialize::type_modified`).
    watcher: Cell<*const Header>,
}

// Layouts tier-1 uops read (pyfast_stencils::dict).
const _: () = {
    use pyfast_stencils::dict as abi;
    use std::mem::{offset_of, size_of};
    assert!(size_of::<Entry>() == abi::ENTRY_SIZE);
    assert!(offset_of!(Entry, key) == abi::ENTRY_KEY && offset_of!(Entry, value) == abi::ENTRY_VALUE);
    type D = Obj<DictObj>;
    let table = offset_of!(D, data) + offset_of!(DictObj, table) + offset_of!(Table, entries);
    assert!(table + 8 * crate::uop_helpers::vec_ptr_word::<Entry>() == abi::ENTRIES_OFFSET);
    assert!(table + 8 * crate::uop_helpers::vec_len_word::<Entry>() == abi::NENTRIES_OFFSET);
    assert!(offset_of!(D, data) + offset_of!(DictObj, keys_version) == abi::KEYS_VERSION_OFFSET);
};

/// How the caller hashes and compares keys that are not strs or ints.
pub trait KeyOps {
    type Error;
    fn eq(&mut self, a: &Value, b: &Value) -> Result<bool, Self::Error>;
}

/// Key comparison for tables known to hold only strs and ints (no Python
/// code can run).
pub struct IdentityOrValue;

impl KeyOps for IdentityOrValue {
    type Error = std::convert::Infallible;
    fn eq(&mut self, _a: &Value, _b: &Value) -> Result<bool, Self::Error> {
        Ok(false)
    }
}

static NEXT_KEYS_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// The keys version of `d`, assigned now if it has none; 0 when versions
/// ran out (the caller does not specialize).
pub fn keys_version(d: &DictObj) -> u32 {
    let v = d.keys_version.get();
    if v != 0 {
        return v;
    }
    let v = crate::interp::specialize::next_version(&NEXT_KEYS_VERSION);
    d.keys_version.set(v);
    v
}

/// Make every change to `d` a change to the type `ty` (its `__dict__`).
pub fn watch(d: &Value, ty: *const Header) {
    if let Some(d) = as_dict(d) {
        d.watcher.set(ty);
    }
}

/// Entry index of the str key `name` in `d` (for caches: see [`keys_version`]).
pub fn entry_index_str(d: &Value, name: &Value) -> Option<usize> {
    let dict = as_dict(d)?;
    let h = str_hash(as_str_obj(name)?);
    dict.t().find(name, h, &mut IdentityOrValue).ok()?.0
}

/// Whether two keys are equal without running Python code; `None` when
/// only the key's `__eq__` can tell.
#[inline]
fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    match (as_str_obj(a), as_str_obj(b)) {
        (Some(x), Some(y)) => Some(str_eq(x, y)),
        (Some(_), None) | (None, Some(_)) => {
            // A str never equals a non-str built-in value.
            let other = if as_str_obj(a).is_some() { b } else { a };
            if other.is_small_int() || !type_of(other).has_flag(super::typeobj::flags::HEAPTYPE) {
                Some(false)
            } else {
                None
            }
        }
        _ => None,
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Find the entry index for `key`, or the index slot where it would go.
    fn find<K: KeyOps>(&self, key: &Value, hash: i64, ops: &mut K) -> Result<(Option<usize>, usize), K::Error> {
        if self.indices.is_empty() {
            return Ok((None, 0));
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free_slot: Option<usize> = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok((None, free_slot.unwrap_or(i)));
            }
            if ix == DUMMY {
                free_slot.get_or_insert(i);
            } else {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    let eq = match fast_eq(&e.key, key) {
                        Some(b) => b,
                        None => {
                            let k = e.key.clone();
                            ops.eq(&k, key)?
                        }
                    };
                    if eq {
                        return Ok((Some(ix as usize), i));
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
    }

    fn slot_for_new(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
        i
    }

    /// Rebuild the index for at least `min_used` live entries, compacting
    /// deleted ones out of the entries vector.
    fn rebuild(&mut self, min_used: usize) {
        let mut size = 8;
        while size * 2 < (min_used + 1) * 3 {
            size *= 2;
        }
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; size];
        for n in 0..self.entries.len() {
            let slot = self.slot_for_new(self.entries[n].hash);
            self.indices[slot] = n as u32;
        }
    }

    fn needs_growth(&self) -> bool {
        self.indices.is_empty() || (self.entries.len() + 1) * 3 > self.indices.len() * 2
    }
}

impl Default for DictObj {
    fn default() -> Self {
        Self::new()
    }
}

impl DictObj {
    /// An empty payload (for subclass instances).
    pub fn new() -> DictObj {
        DictObj {
            table: UnsafeCell::new(Table::default()),
            keys_version: Cell::new(0),
            watcher: Cell::new(std::ptr::null()),
        }
    }

    #[allow(clippy::mut_from_ref)]
    fn t(&self) -> &mut Table {
        unsafe { &mut *self.table.get() }
    }

    /// A value changed (the keys did not).
    #[inline]
    fn touch(&self) {
        let w = self.watcher.get();
        if !w.is_null() {
            crate::interp::specialize::type_modified(w);
        }
    }

    /// The set of keys (or the entries' positions) changed.
    #[inline]
    fn keys_changed(&self) {
        if self.keys_version.get() != 0 {
            self.keys_version.set(0);
            crate::interp::specialize::events::invalidated(crate::interp::specialize::events::Invalidation::DictKeys(
                self as *const DictObj as *const Header,
            ));
        }
        self.touch();
    }

    pub fn len(&self) -> usize {
        self.t().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get<K: KeyOps>(&self, key: &Value, hash: i64, ops: &mut K) -> Result<Option<Value>, K::Error> {
        let (ix, _) = self.t().find(key, hash, ops)?;
        Ok(ix.map(|ix| self.t().entries[ix].value.clone()))
    }

    /// Insert or overwrite. The displaced value is dropped after the table
    /// is consistent again (its `__del__` may look at the dict).
    pub fn set<K: KeyOps>(&self, key: Value, hash: i64, value: Value, ops: &mut K) -> Result<(), K::Error> {
        let (ix, _) = self.t().find(&key, hash, ops)?;
        let t = self.t();
        if let Some(ix) = ix {
            self.touch();
            let old = std::mem::replace(&mut t.entries[ix].value, value);
            drop(old);
            return Ok(());
        }
        self.keys_changed();
        if t.needs_growth() {
            t.rebuild(t.used + 1);
        }
        let slot = t.slot_for_new(hash);
        t.indices[slot] = t.entries.len() as u32;
        t.entries.push(Entry { hash, key, value });
        t.used += 1;
        Ok(())
    }

    /// Remove `key`, returning its value.
    pub fn remove<K: KeyOps>(&self, key: &Value, hash: i64, ops: &mut K) -> Result<Option<Value>, K::Error> {
        let (ix, slot) = self.t().find(key, hash, ops)?;
        let Some(ix) = ix else { return Ok(None) };
        self.keys_changed();
        let t = self.t();
        t.indices[slot] = DUMMY;
        t.used -= 1;
        let e = &mut t.entries[ix];
        let k = e.key.take();
        let v = e.value.take();
        drop(k);
        Ok(Some(v))
    }

    /// Live entry at or after position `pos` in insertion order, with the
    /// position to continue from: the iteration protocol of dict iterators.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let t = self.t();
        let mut p = pos;
        while p < t.entries.len() {
            let e = &t.entries[p];
            if !e.key.is_null() {
                return Some((p + 1, e.key.clone(), e.value.clone()));
            }
            p += 1;
        }
        None
    }

    /// All live (key, value) pairs, in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        let t = self.t();
        t.entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// The hash stored for the entry at or after `pos` (for copying dicts
    /// without rehashing).
    pub fn items_with_hash(&self) -> Vec<(i64, Value, Value)> {
        let t = self.t();
        t.entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.hash, e.key.clone(), e.value.clone())).collect()
    }

    pub fn clear(&self) {
        self.keys_changed();
        let old = std::mem::take(self.t());
        drop(old);
    }

    /// Length of the entries vector, for detecting resizes during iteration.
    pub fn entries_len(&self) -> usize {
        self.t().entries.len()
    }
}

pub fn new_dict() -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().dict), data: DictObj::new() }))
}

pub fn as_dict(v: &Value) -> Option<&DictObj> {
    if v.is_heap() && type_of(v).layout == Layout::Dict {
        Some(unsafe { v.payload::<DictObj>() })
    } else {
        None
    }
}

/// Look up a str key (names in namespaces and type dicts).
pub fn get_str(d: &Value, key: &Value) -> Option<Value> {
    let d = as_dict(d)?;
    let h = str_hash(as_str_obj(key)?);
    d.get(key, h, &mut IdentityOrValue).unwrap_or(None)
}

/// Store under a str key.
pub fn set_str(d: &Value, key: Value, value: Value) {
    let dict = as_dict(d).expect("a dict");
    let h = str_hash(as_str_obj(&key).expect("a str key"));
    let _ = dict.set(key, h, value, &mut IdentityOrValue);
}

/// Remove a str key.
pub fn del_str(d: &Value, key: &Value) -> Option<Value> {
    let dict = as_dict(d)?;
    let h = str_hash(as_str_obj(key)?);
    dict.remove(key, h, &mut IdentityOrValue).unwrap_or(None)
}
