//! `set` and `frozenset`: a port of CPython's open-addressing set table
//! (linear probing in runs of 9, then perturbation), so that iteration
//! order, and with it printed output, matches CPython's for the same
//! sequence of operations.

use std::cell::UnsafeCell;

use super::typeobj::{type_of, TypePtr};
use super::value::{Header, Obj, Value};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One slot: empty (NULL key, hash 0), dummy (NULL key, hash -1) or active.
#[derive(Default)]
struct Entry {
    key: Value,
    hash: i64,
}

impl Entry {
    fn is_empty(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    fn is_dummy(&self) -> bool {
        self.key.is_null() && self.hash == -1
    }

    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

pub struct SetTable {
    table: Vec<Entry>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { table: (0..MINSIZE).map(|_| Entry::default()).collect(), fill: 0, used: 0 }
    }
}

pub struct SetObj {
    table: UnsafeCell<SetTable>,
}

/// Equality of keys that may run Python code.
pub type EqFn<'a, E> = &'a mut dyn FnMut(&Value, &Value) -> Result<bool, E>;

fn keys_equal<E>(a: &Value, b: &Value, eq: EqFn<'_, E>) -> Result<bool, E> {
    if a.is(b) {
        return Ok(true);
    }
    eq(a, b)
}

impl SetTable {
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Index of the slot holding `key`, or None.
    fn lookup<E>(&self, key: &Value, hash: i64, eq: EqFn<'_, E>) -> Result<Option<usize>, E> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut j = i;
            loop {
                let e = &self.table[j];
                if e.is_empty() {
                    return Ok(None);
                }
                if e.hash == hash && e.is_active() {
                    let k = e.key.clone();
                    if keys_equal(&k, key, eq)? {
                        return Ok(Some(j));
                    }
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// CPython's `set_add_entry`. Returns whether the key was new.
    fn add<E>(&mut self, key: Value, hash: i64, eq: EqFn<'_, E>) -> Result<bool, E> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let slot = 'search: loop {
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut j = i;
            loop {
                let e = &self.table[j];
                if e.is_empty() {
                    break 'search j;
                }
                if e.hash == hash && e.is_active() {
                    let k = e.key.clone();
                    if keys_equal(&k, &key, eq)? {
                        return Ok(false);
                    }
                } else if e.is_dummy() && freeslot.is_none() {
                    freeslot = Some(j);
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        };
        if let Some(f) = freeslot {
            self.used += 1;
            self.table[f] = Entry { key, hash };
            return Ok(true);
        }
        self.fill += 1;
        self.used += 1;
        self.table[slot] = Entry { key, hash };
        if self.fill * 5 >= mask * 3 {
            let min = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(min);
        }
        Ok(true)
    }

    /// CPython's `set_insert_clean`: place a key known to be absent into a
    /// table without dummies.
    fn insert_clean(table: &mut [Entry], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_null() {
                table[i] = Entry { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].key.is_null() {
                        table[i + j] = Entry { key, hash };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// CPython's `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, (0..newsize).map(|_| Entry::default()).collect());
        self.fill = self.used;
        for e in old {
            if e.is_active() {
                Self::insert_clean(&mut self.table, e.key, e.hash);
            }
        }
    }

    fn discard_at(&mut self, i: usize) -> Value {
        let e = std::mem::replace(&mut self.table[i], Entry { key: Value::NULL, hash: -1 });
        self.used -= 1;
        e.key
    }
}

impl Default for SetObj {
    fn default() -> Self {
        Self::new()
    }
}

impl SetObj {
    /// An empty payload (for subclass instances).
    pub fn new() -> SetObj {
        SetObj { table: UnsafeCell::new(SetTable::default()) }
    }

    #[allow(clippy::mut_from_ref)]
    fn t(&self) -> &mut SetTable {
        unsafe { &mut *self.table.get() }
    }

    pub fn len(&self) -> usize {
        self.t().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn contains<E>(&self, key: &Value, hash: i64, eq: EqFn<'_, E>) -> Result<bool, E> {
        Ok(self.t().lookup(key, hash, eq)?.is_some())
    }

    /// Add a key; returns whether it was new.
    pub fn add<E>(&self, key: Value, hash: i64, eq: EqFn<'_, E>) -> Result<bool, E> {
        self.t().add(key, hash, eq)
    }

    /// Remove a key; returns whether it was present.
    pub fn discard<E>(&self, key: &Value, hash: i64, eq: EqFn<'_, E>) -> Result<bool, E> {
        match self.t().lookup(key, hash, eq)? {
            Some(i) => {
                let k = self.t().discard_at(i);
                drop(k);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Active (hash, key) pairs in table order: the iteration order.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.t().table.iter().filter(|e| e.is_active()).map(|e| (e.hash, e.key.clone())).collect()
    }

    /// The active entry at or after slot `pos`, with the slot to continue
    /// from (set iterators).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value)> {
        let t = self.t();
        (pos..t.table.len()).find(|&i| t.table[i].is_active()).map(|i| (i + 1, t.table[i].key.clone()))
    }

    /// Remove and return an arbitrary element (CPython's `set.pop` order:
    /// scanning from a moving finger; the first active slot suffices for
    /// matching output on fresh sets).
    pub fn pop(&self) -> Option<Value> {
        let t = self.t();
        let i = (0..t.table.len()).find(|&i| t.table[i].is_active())?;
        Some(t.discard_at(i))
    }

    pub fn clear(&self) {
        let old = std::mem::take(self.t());
        drop(old);
    }

    /// Add many keys with their hashes, pre-sizing as CPython's
    /// `set_update_internal` does for dicts and sets.
    pub fn extend_hashed<E>(&self, items: Vec<(i64, Value)>, eq: EqFn<'_, E>) -> Result<(), E> {
        let t = self.t();
        if (t.fill + items.len()) * 5 >= t.mask() * 3 {
            t.resize((t.used + items.len()) * 2);
        }
        for (h, k) in items {
            self.t().add(k, h, eq)?;
        }
        Ok(())
    }

    /// CPython's `set_merge` of another set into this one.
    pub fn merge<E>(&self, other: &SetObj, eq: EqFn<'_, E>) -> Result<(), E> {
        let (t, o) = (self.t(), other.t());
        if std::ptr::eq(t, o) || o.used == 0 {
            return Ok(());
        }
        if (t.fill + o.used) * 5 >= t.mask() * 3 {
            t.resize((t.used + o.used) * 2);
        }
        if t.fill == 0 && t.mask() == o.mask() && o.fill == o.used {
            for (dst, src) in t.table.iter_mut().zip(o.table.iter()) {
                *dst = Entry { key: src.key.clone(), hash: if src.is_active() { src.hash } else { 0 } };
            }
            t.fill = o.fill;
            t.used = o.used;
            return Ok(());
        }
        if t.fill == 0 {
            t.fill = o.used;
            t.used = o.used;
            for e in o.table.iter().filter(|e| e.is_active()) {
                SetTable::insert_clean(&mut t.table, e.key.clone(), e.hash);
            }
            return Ok(());
        }
        for (h, k) in other.entries() {
            self.t().add(k, h, eq)?;
        }
        Ok(())
    }
}

pub fn new_set(ty: TypePtr) -> Value {
    Value::from_box(Box::new(Obj {
        hdr: Header::new(ty),
        data: SetObj { table: UnsafeCell::new(SetTable::default()) },
    }))
}

pub fn as_set(v: &Value) -> Option<&SetObj> {
    if v.is_heap() && type_of(v).layout == super::Layout::Set {
        Some(unsafe { v.payload::<SetObj>() })
    } else {
        None
    }
}
