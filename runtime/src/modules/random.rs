//! `_random`: CPython's Mersenne Twister (MT19937) with CPython's seeding,
//! so `random.seed(n)` reproduces CPython's sequences. The `random` module
//! itself (randrange, choice, shuffle, gauss, ...) is Python on top of it.

use crate::builtins::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::int_ops::Int;
use crate::objects::opaque::{new_opaque, with_state};
use crate::objects::{dict, float, int, is_none, module, none, str as pystr, tuple, types, Value};
use crate::vm::Vm;

const N: usize = 624;
const M: usize = 397;

pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Mt { state: mt, index: N }
    }

    /// CPython's `init_by_array`.
    fn init_by_array(key: &[u32]) -> Mt {
        let mut g = Mt::init_genrand(19650218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
        g
    }

    fn next_u32(&mut self) -> u32 {
        const MAG01: [u32; 2] = [0, 0x9908_b0df];
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & 0x8000_0000) | (mt[(kk + 1) % N] & 0x7fff_ffff);
                mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits, as CPython's `random()`.
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

/// Seed from an int the way CPython does: its absolute value as 32-bit
/// words, least significant first.
fn seed_from_int(n: &Int) -> Mt {
    let mut mag = n.to_ibig();
    if mag < dashu_int::IBig::ZERO {
        mag = -mag;
    }
    let mut key = Vec::new();
    let mask = dashu_int::IBig::from(0xffff_ffffu32);
    while mag > dashu_int::IBig::ZERO {
        let low = &mag & &mask;
        key.push(u32::try_from(&low).expect("masked to 32 bits"));
        mag >>= 32;
    }
    if key.is_empty() {
        key.push(0);
    }
    Mt::init_by_array(&key)
}

fn seed_value(vm: &Vm, v: Option<&Value>) -> PyResult<Mt> {
    match v {
        None => Ok(seed_from_int(&Int::from_u64(time_seed()))),
        Some(v) if is_none(v) => Ok(seed_from_int(&Int::from_u64(time_seed()))),
        Some(v) => match int::as_int(v) {
            Some(i) => Ok(seed_from_int(&i)),
            // random.py turns str and bytes into ints first, as CPython's
            // Random.seed does; anything else is seeded by its hash.
            None => Ok(seed_from_int(&Int::from_i64(ops::hash(vm, v)?))),
        },
    }
}

fn time_seed() -> u64 {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    t.as_nanos() as u64 ^ ((std::process::id() as u64) << 32)
}

fn state_arg<'a>(a: &'a Args) -> PyResult<&'a Value> {
    a.pos.first().ok_or_else(|| type_error("missing generator state"))
}

fn with_mt<R>(v: &Value, f: impl FnOnce(&mut Mt) -> R) -> PyResult<R> {
    with_state::<Mt, R>(v, f).ok_or_else(|| type_error("not a random generator state"))
}

/// `_random.new(seed=None)`: a new generator state.
fn new_state(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("new", args, kw);
    a.expect(0, 1)?;
    Ok(new_opaque(types().opaque, Box::new(seed_value(vm, a.pos.first())?)))
}

/// `_random.seed(state, n=None)`.
fn seed(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("seed", args, kw);
    a.expect(1, 2)?;
    let fresh = seed_value(vm, a.pos.get(1))?;
    with_mt(state_arg(&a)?, |mt| *mt = fresh)?;
    Ok(none())
}

fn random(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("random", args, kw);
    a.expect(1, 1)?;
    Ok(float::new_float(with_mt(state_arg(&a)?, Mt::random)?))
}

/// `_random.getrandbits(state, k)`: CPython's word order, least
/// significant 32 bits first, the top word shifted down.
fn getrandbits(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getrandbits", args, kw);
    a.expect(2, 2)?;
    let k = ops::index_value(&a.pos[1])?;
    if k < 0 {
        return Err(PyErr::new(exc().value_error, "number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small_int(0));
    }
    let words = with_mt(state_arg(&a)?, |mt| {
        let mut out = Vec::new();
        let mut left = k;
        while left > 0 {
            let mut r = mt.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        out
    })?;
    let mut v = dashu_int::IBig::ZERO;
    for w in words.iter().rev() {
        v = (v << 32) + dashu_int::IBig::from(*w);
    }
    Ok(int::from_ibig(v))
}

/// `_random.getstate(state)`: the 624 words and the position, as the
/// tuple of 625 ints CPython's `getstate()` carries.
fn getstate(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getstate", args, kw);
    a.expect(1, 1)?;
    let items = with_mt(state_arg(&a)?, |mt| {
        let mut v: Vec<Value> = mt.state.iter().map(|&w| int::from_i64(w as i64)).collect();
        v.push(int::from_i64(mt.index as i64));
        v
    })?;
    Ok(tuple::new_tuple(items))
}

/// `_random.setstate(state, words)`: the inverse of `getstate`, with
/// CPython's checks and messages.
fn setstate(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("setstate", args, kw);
    a.expect(2, 2)?;
    if tuple::as_tuple(&a.pos[1]).is_none() {
        return Err(type_error("state vector must be a tuple"));
    }
    let items = tuple::items(&a.pos[1]);
    if items.len() != N + 1 {
        return Err(PyErr::new(exc().value_error, "state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, v) in words.iter_mut().zip(items) {
        let i = int::as_int(v).ok_or_else(|| type_error("state vector items must be integers"))?;
        *w = u32::try_from(&i.to_ibig())
            .map_err(|_| PyErr::new(exc().overflow_error, "Python int too large to convert to C unsigned long"))?;
    }
    let index = ops::index_value(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::new(exc().value_error, "invalid state"));
    }
    with_mt(state_arg(&a)?, |mt| {
        mt.state = words;
        mt.index = index as usize;
    })?;
    Ok(none())
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("new", new_state),
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("getstate", getstate),
    ("setstate", setstate),
];

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(name, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(name), new_builtin(name, f));
    }
    Ok(module::new_module("_random", d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_for_seed_42() {
        // python3 -c "import random; random.seed(42); print([random.random() for _ in range(3)])"
        let mut mt = seed_from_int(&Int::from_i64(42));
        let got: Vec<f64> = (0..3).map(|_| mt.random()).collect();
        assert_eq!(got, vec![0.6394267984578837, 0.025010755222666936, 0.27502931836911926]);
    }
}
