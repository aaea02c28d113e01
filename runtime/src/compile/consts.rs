//! Constants as the compiler sees them, before they become objects: kept
//! as plain Rust values so they can be folded, compared and deduplicated
//! (CPython dedups by type and value: `1`, `1.0` and `True` stay apart,
//! as do `0.0` and `-0.0`).

use std::collections::HashMap;

use dashu_int::IBig;

use crate::objects::Value;

#[derive(Clone)]
pub(crate) enum Const {
    None,
    Bool(bool),
    Int(IBig),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    /// A compiled code object, with an id unique within the compilation.
    Code(Value, u32),
}

/// The identity of a constant for deduplication.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) enum ConstKey {
    None,
    Bool(bool),
    Int(IBig),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<ConstKey>),
    Code(u32),
}

impl Const {
    pub(crate) fn key(&self) -> ConstKey {
        match self {
            Const::None => ConstKey::None,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Int(i) => ConstKey::Int(i.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Tuple(t) => ConstKey::Tuple(t.iter().map(Const::key).collect()),
            Const::Code(_, id) => ConstKey::Code(*id),
        }
    }

    /// `bool(c)`, as constant folding of conditional jumps needs it.
    pub(crate) fn truthy(&self) -> bool {
        match self {
            Const::None => false,
            Const::Bool(b) => *b,
            Const::Int(i) => *i != IBig::ZERO,
            Const::Float(f) => *f != 0.0,
            Const::Complex(r, i) => *r != 0.0 || *i != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Bytes(b) => !b.is_empty(),
            Const::Ellipsis | Const::Code(..) => true,
            Const::Tuple(t) => !t.is_empty(),
        }
    }

    /// Why this constant cannot be made into an object yet (the runtime
    /// has no `complex` type so far).
    pub(crate) fn unsupported(&self) -> Option<&'static str> {
        match self {
            Const::Complex(..) => Some("complex literals are not supported yet"),
            Const::Tuple(t) => t.iter().find_map(Const::unsupported),
            _ => None,
        }
    }

    pub(crate) fn small_int(i: i64) -> Const {
        Const::Int(IBig::from(i))
    }

    /// The object for this constant.
    pub(crate) fn to_value(&self) -> Result<Value, String> {
        use crate::objects as o;
        Ok(match self {
            Const::None => o::none(),
            Const::Bool(true) => o::true_(),
            Const::Bool(false) => o::false_(),
            Const::Int(i) => match i64::try_from(i) {
                Ok(v) => o::int::from_i64(v),
                Err(_) => o::int::from_ibig(i.clone()),
            },
            Const::Float(f) => o::float::new_float(*f),
            Const::Complex(..) => return Err("complex literals are not supported yet".into()),
            Const::Bytes(b) => o::bytes::new_bytes(b.clone()),
            Const::Str(s) => {
                if is_identifier_like(s) {
                    o::str::intern(s)
                } else {
                    o::str::new_str(s)
                }
            }
            Const::Ellipsis => o::ellipsis(),
            Const::Tuple(t) => o::tuple::new_tuple(t.iter().map(Const::to_value).collect::<Result<_, _>>()?),
            Const::Code(v, _) => v.clone(),
        })
    }
}

/// CPython interns constant strings made of name characters.
pub(crate) fn is_identifier_like(s: &str) -> bool {
    s.len() <= 64 && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// A code unit's constants table (`co_consts`) with deduplication.
#[derive(Default)]
pub(crate) struct ConstPool {
    pub items: Vec<Const>,
    index: HashMap<ConstKey, u32>,
}

impl ConstPool {
    pub(crate) fn add(&mut self, c: Const) -> u32 {
        let key = c.key();
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.items.len() as u32;
        self.items.push(c);
        self.index.insert(key, i);
        i
    }

    pub(crate) fn get(&self, i: u32) -> Option<&Const> {
        self.items.get(i as usize)
    }

    /// Keep only the constants in `used` (plus index 0 when `keep_first`),
    /// returning the old-to-new index map.
    pub(crate) fn retain(&mut self, used: &[bool], keep_first: bool) -> Vec<u32> {
        let mut map = vec![u32::MAX; self.items.len()];
        let old = std::mem::take(&mut self.items);
        self.index.clear();
        for (i, c) in old.into_iter().enumerate() {
            if used.get(i).copied().unwrap_or(false) || (keep_first && i == 0) {
                map[i] = self.items.len() as u32;
                self.index.insert(c.key(), self.items.len() as u32);
                self.items.push(c);
            }
        }
        map
    }
}
