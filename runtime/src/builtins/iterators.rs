//! `enumerate`, `zip`, `map`, `filter`, `reversed` and `iter(callable,
//! sentinel)`.

use super::args::{type_error, Args};
use crate::interp::{call::call, ops};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::native_iter::{new_native_iter, NativeIter};
use crate::objects::{int, list, range, str as pystr, tuple, types, TypePtr, Value};
use crate::vm::Vm;

struct Enumerate {
    it: Value,
    n: Value,
}

impl NativeIter for Enumerate {
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        let Some(v) = ops::next(vm, &self.it)? else { return Ok(None) };
        let n = self.n.clone();
        self.n = ops::binary_op(vm, &n, &Value::small_int(1), crate::bytecode::opcode::BinaryOp::Add, false)?;
        Ok(Some(tuple::new_tuple(vec![n, v])))
    }
}

struct Zip {
    its: Vec<Value>,
    strict: bool,
}

impl NativeIter for Zip {
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        if self.its.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(self.its.len());
        for (i, it) in self.its.iter().enumerate() {
            match ops::next(vm, it)? {
                Some(v) => items.push(v),
                None => {
                    if self.strict {
                        if i > 0 {
                            let s = if i == 1 { " " } else { "s 1-" };
                            return Err(PyErr::new(
                                exc().value_error,
                                format!("zip() argument {} is shorter than argument{s}{i}", i + 1),
                            ));
                        }
                        for (j, rest) in self.its.iter().enumerate().skip(1) {
                            if ops::next(vm, rest)?.is_some() {
                                let s = if j == 1 { " " } else { "s 1-" };
                                return Err(PyErr::new(
                                    exc().value_error,
                                    format!("zip() argument {} is longer than argument{s}{j}", j + 1),
                                ));
                            }
                        }
                    }
                    self.its.clear();
                    return Ok(None);
                }
            }
        }
        Ok(Some(tuple::new_tuple(items)))
    }
}

struct Map {
    func: Value,
    its: Vec<Value>,
}

impl NativeIter for Map {
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        let mut args = Vec::with_capacity(self.its.len());
        for it in &self.its {
            match ops::next(vm, it)? {
                Some(v) => args.push(v),
                None => return Ok(None),
            }
        }
        call(vm, &self.func, &args, &[]).map(Some)
    }
}

struct Filter {
    func: Value,
    it: Value,
}

impl NativeIter for Filter {
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        while let Some(v) = ops::next(vm, &self.it)? {
            let keep = if crate::objects::is_none(&self.func) {
                ops::truthy(vm, &v)?
            } else {
                let r = call(vm, &self.func, std::slice::from_ref(&v), &[])?;
                ops::truthy(vm, &r)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

/// `reversed` over a sequence: indexes from the end.
struct Reversed {
    seq: Value,
    index: i64,
}

impl NativeIter for Reversed {
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        if self.index < 0 {
            return Ok(None);
        }
        let len = ops::len(vm, &self.seq)? as i64;
        if self.index >= len {
            self.index = -1;
            return Ok(None);
        }
        let v = ops::getitem(vm, &self.seq, &Value::small_int(self.index))?;
        self.index -= 1;
        Ok(Some(v))
    }
}

struct CallIter {
    func: Value,
    sentinel: Value,
    done: bool,
}

impl NativeIter for CallIter {
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        let v = call(vm, &self.func, &[], &[])?;
        if ops::eq(vm, &v, &self.sentinel)? {
            self.done = true;
            return Ok(None);
        }
        Ok(Some(v))
    }
}

fn iter_type(name: &str) -> TypePtr {
    let t = types();
    match name {
        "enumerate" => t.enumerate,
        "zip" => t.zip,
        "map" => t.map,
        "filter" => t.filter,
        "reversed" => t.reversed,
        _ => t.callable_iterator,
    }
}

/// Constructors, called from `call_type`.
pub fn construct(vm: &Vm, tp: TypePtr, args: &[Value], kwnames: &[Value]) -> Option<PyResult<Value>> {
    let t = types();
    let name = if tp == t.enumerate {
        "enumerate"
    } else if tp == t.zip {
        "zip"
    } else if tp == t.map {
        "map"
    } else if tp == t.filter {
        "filter"
    } else if tp == t.reversed {
        "reversed"
    } else {
        return None;
    };
    Some(make(vm, name, args, kwnames))
}

fn make(vm: &Vm, name: &'static str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    let state: Box<dyn NativeIter> = match name {
        "enumerate" => {
            a.only_kwargs(&["iterable", "start"])?;
            let it = a
                .get(0, "iterable")
                .ok_or_else(|| type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
            let start = a.get(1, "start").cloned().unwrap_or_else(|| Value::small_int(0));
            if !int::is_int(&start) {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    ops::type_name(&start)
                )));
            }
            Box::new(Enumerate { it: ops::get_iter(vm, it)?, n: start })
        }
        "zip" => {
            a.only_kwargs(&["strict"])?;
            let strict = match a.kw("strict") {
                Some(s) => ops::truthy(vm, s)?,
                None => false,
            };
            let mut its = Vec::new();
            for (i, v) in a.pos.iter().enumerate() {
                its.push(ops::get_iter(vm, v).map_err(|e| {
                    if e.matches(exc().type_error) {
                        type_error(format!("zip argument #{} must support iteration", i + 1))
                    } else {
                        e
                    }
                })?);
            }
            Box::new(Zip { its, strict })
        }
        "map" => {
            a.no_kwargs()?;
            if a.pos.len() < 2 {
                return Err(type_error("map() must have at least two arguments."));
            }
            let mut its = Vec::new();
            for v in &a.pos[1..] {
                its.push(ops::get_iter(vm, v)?);
            }
            Box::new(Map { func: a.pos[0].clone(), its })
        }
        "filter" => {
            a.no_kwargs()?;
            a.expect(2, 2)?;
            Box::new(Filter { func: a.pos[0].clone(), it: ops::get_iter(vm, &a.pos[1])? })
        }
        _ => {
            a.no_kwargs()?;
            a.expect(1, 1)?;
            let seq = &a.pos[0];
            if crate::objects::type_ptr_of(seq) == types().range {
                if let Some(it) = range::new_reversed_range_iter(range::as_range(seq).unwrap()) {
                    return Ok(it);
                }
            }
            if let Some(r) = ops::call_dunder(vm, seq, "__reversed__", &[])? {
                return Ok(r);
            }
            if let Some(l) = list::as_list(seq) {
                return Ok(list_reversed(l.items().clone()));
            }
            if crate::objects::dict::as_dict(seq).is_some() || crate::objects::iter::as_dict_view(seq).is_some() {
                return Ok(list_reversed(ops::iterate(vm, seq)?));
            }
            let builtin_seq =
                tuple::as_tuple(seq).is_some() || pystr::as_str(seq).is_some() || range::as_range(seq).is_some();
            let ty = crate::objects::typeobj::type_of(seq);
            let user_seq =
                ty.lookup(&pystr::intern("__getitem__")).is_some() && ty.lookup(&pystr::intern("__len__")).is_some();
            if builtin_seq || user_seq {
                let n = ops::len(vm, seq)? as i64;
                Box::new(Reversed { seq: seq.clone(), index: n - 1 })
            } else {
                return Err(type_error(format!("'{}' object is not reversible", ops::type_name(seq))));
            }
        }
    };
    Ok(new_native_iter(iter_type(name), state))
}

/// `reversed(list)`: a snapshot iterated from the end.
fn list_reversed(items: Vec<Value>) -> Value {
    let n = items.len() as i64;
    new_native_iter(types().reversed, Box::new(Reversed { seq: crate::objects::list::new_list(items), index: n - 1 }))
}

/// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError
/// (or StopIteration), for objects with `__getitem__` and no `__iter__`.
struct SeqProtocol {
    seq: Option<Value>,
    index: i64,
}

impl NativeIter for SeqProtocol {
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>> {
        let Some(seq) = &self.seq else { return Ok(None) };
        match ops::getitem(vm, seq, &Value::small_int(self.index)) {
            Ok(v) => {
                self.index += 1;
                Ok(Some(v))
            }
            Err(e) if e.matches(exc().index_error) || e.matches(exc().stop_iteration) => {
                self.seq = None;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

pub fn seq_protocol_iter(seq: Value) -> Value {
    new_native_iter(types().iterator, Box::new(SeqProtocol { seq: Some(seq), index: 0 }))
}

/// `iter(callable, sentinel)`.
pub fn call_iter(func: Value, sentinel: Value) -> Value {
    new_native_iter(types().callable_iterator, Box::new(CallIter { func, sentinel, done: false }))
}
