//! `_hashlib`: the message digests behind `hashlib` (md5, sha1, sha224,
//! sha256, sha384, sha512), computed by the RustCrypto crates. The hash
//! objects themselves (`update`, `digest`, `hexdigest`, `copy`) are Python
//! in `lib/hashlib.py`, over an opaque digest state.

use crate::builtins::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::opaque::{new_opaque, with_state};
use crate::objects::{bytes, dict, module, none, str as pystr, types, Value};
use crate::vm::Vm;
use sha2::Digest;

/// A digest in progress. `Clone` gives `copy()` and lets `digest()` finish
/// a copy, so the object can go on being updated as in CPython.
#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl State {
    fn new(name: &str) -> Option<State> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md5" => State::Md5(Default::default()),
            "sha1" => State::Sha1(Default::default()),
            "sha224" => State::Sha224(Default::default()),
            "sha256" => State::Sha256(Default::default()),
            "sha384" => State::Sha384(Default::default()),
            "sha512" => State::Sha512(Default::default()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

/// The bytes of a bytes-like argument; str is refused as CPython does.
fn data_arg(v: &Value) -> PyResult<&[u8]> {
    if pystr::as_str(v).is_some() {
        return Err(type_error("Strings must be encoded before hashing"));
    }
    bytes::as_bytes(v)
        .ok_or_else(|| type_error(format!("object supporting the buffer API required, not '{}'", ops::type_name(v))))
}

fn state<R>(v: &Value, f: impl FnOnce(&mut State) -> R) -> PyResult<R> {
    with_state::<State, R>(v, f).ok_or_else(|| type_error("not a hash state"))
}

/// `_hashlib.new(name, data=b"")`: a fresh state, or ValueError for an
/// unknown algorithm (CPython's message).
fn new_state(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("new", args, kw);
    a.expect(1, 2)?;
    let name = pystr::as_str(&a.pos[0]).ok_or_else(|| type_error("new() argument 'name' must be str"))?;
    let mut st =
        State::new(name).ok_or_else(|| PyErr::new(exc().value_error, format!("unsupported hash type {name}")))?;
    if let Some(d) = a.pos.get(1) {
        st.update(data_arg(d)?);
    }
    Ok(new_opaque(types().opaque, Box::new(st)))
}

/// `_hashlib.update(state, data)`.
fn update(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("update", args, kw);
    a.expect(2, 2)?;
    let data = data_arg(&a.pos[1])?.to_vec();
    state(&a.pos[0], |s| s.update(&data))?;
    Ok(none())
}

/// `_hashlib.digest(state)`: the digest so far; the state stays usable.
fn digest(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("digest", args, kw);
    a.expect(1, 1)?;
    Ok(bytes::new_bytes(state(&a.pos[0], |s| s.clone().finish())?))
}

/// `_hashlib.copy(state)`: an independent state.
fn copy(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("copy", args, kw);
    a.expect(1, 1)?;
    let st = state(&a.pos[0], |s| s.clone())?;
    Ok(new_opaque(types().opaque, Box::new(st)))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[("new", new_state), ("update", update), ("digest", digest), ("copy", copy)];

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(name, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(name), new_builtin(name, f));
    }
    Ok(module::new_module("_hashlib", d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(name: &str, data: &[u8]) -> String {
        let mut s = State::new(name).unwrap();
        s.update(data);
        bytes::to_hex(&s.finish(), None)
    }

    #[test]
    fn known_digests() {
        // python3 -c "import hashlib; print(hashlib.md5(b'abc').hexdigest())" and so on.
        assert_eq!(hex("md5", b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(hex("SHA1", b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(hex("sha256", b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
