//! `frame` objects (`sys._getframe()`) and the write-through `f_locals`
//! proxy of PEP 667: reading and writing a function's locals by name,
//! whatever the frame is doing. The debugger uses the same path.

use std::cell::{Cell, UnsafeCell};

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};
use crate::bytecode::code::slot_kind;
use crate::interp::frame::Frame;

pub struct FrameObj {
    /// The live frame, or null once it has ended.
    pub frame: Cell<*mut Frame>,
    pub code: Value,
    pub globals: Value,
    /// Line at the moment the frame ended.
    pub last_line: Cell<u32>,
    /// Locals at the moment the frame ended (a dict), else NULL.
    pub snapshot: UnsafeCell<Value>,
    /// `f_back` captured when the frame ended (NULL: None).
    pub back: UnsafeCell<Value>,
    /// Names written through `f_locals` that are not local variables.
    pub extra: UnsafeCell<Value>,
}

impl FrameObj {
    /// The live frame. Frames belong to the VM thread, which is the only
    /// one running this; nothing else holds a borrow of the frame.
    #[allow(clippy::mut_from_ref)]
    pub fn live(&self) -> Option<&mut Frame> {
        let f = self.frame.get();
        if f.is_null() {
            None
        } else {
            Some(unsafe { &mut *f })
        }
    }

    pub fn code(&self) -> &crate::bytecode::code::CodeObj {
        crate::bytecode::code::as_code(&self.code).expect("a code object")
    }

    #[allow(clippy::mut_from_ref)]
    pub fn extra(&self) -> &mut Value {
        unsafe { &mut *self.extra.get() }
    }
}

pub fn as_frame_obj(v: &Value) -> Option<&FrameObj> {
    if v.is_heap() && type_of(v).layout == Layout::Frame {
        Some(unsafe { v.payload::<FrameObj>() })
    } else {
        None
    }
}

/// The frame object of a live frame (created on first request).
///
/// # Safety
/// `f` is a live frame.
pub unsafe fn frame_object(f: *mut Frame) -> Value {
    if !(*f).frame_obj.is_null() {
        return (*f).frame_obj.clone();
    }
    let func = (*f).function();
    let v = Value::from_box(Box::new(Obj {
        hdr: Header::new(types().frame),
        data: FrameObj {
            frame: Cell::new(f),
            code: func.code.clone(),
            globals: func.globals.clone(),
            last_line: Cell::new(0),
            snapshot: UnsafeCell::new(Value::NULL),
            back: UnsafeCell::new(Value::NULL),
            extra: UnsafeCell::new(Value::NULL),
        },
    }));
    (*f).frame_obj = v.clone();
    v
}

/// The frame is ending: keep what Python code may still ask of it.
///
/// # Safety
/// `f` is the live frame `fo` refers to.
pub unsafe fn detach(fo: &Value, f: *mut Frame) {
    let Some(o) = as_frame_obj(fo) else { return };
    o.last_line.set((*f).line());
    let snap = if (*f).locals.is_null() {
        let d = super::dict::new_dict();
        for (k, v) in local_items(&mut *f) {
            super::dict::set_str(&d, k, v);
        }
        d
    } else {
        (*f).locals.clone()
    };
    *o.snapshot.get() = snap;
    let prev = (*f).previous;
    if !prev.is_null() {
        *o.back.get() = frame_object(prev);
    }
    o.frame.set(std::ptr::null_mut());
}

/// The bound local variables of a function frame, in slot order, with
/// cells dereferenced.
pub fn local_items(f: &mut Frame) -> Vec<(Value, Value)> {
    let code = f.code();
    let n = code.nlocalsplus();
    let names = code.localsplus_names.clone();
    let kinds = code.localsplus_kinds.clone();
    let mut out = Vec::new();
    for i in 0..n {
        let v = f.slot(i).clone();
        let v = if kinds[i] & (slot_kind::CELL | slot_kind::FREE) != 0 {
            match super::function::as_cell(&v) {
                Some(c) => c.get(),
                None => v,
            }
        } else {
            v
        };
        if !v.is_null() {
            out.push((names[i].clone(), v));
        }
    }
    out
}

/// Find the slot of local `name` in a function frame.
pub fn slot_of(f: &Frame, name: &str) -> Option<usize> {
    let code = f.code();
    (0..code.nlocalsplus()).find(|&i| code.slot_name(i) == name)
}

/// Write local `name` of a live function frame, exactly as a `STORE_FAST`
/// (or `STORE_DEREF` for cells) in that frame would. Returns false when
/// `name` is not a local variable of the frame.
pub fn write_local(f: &mut Frame, name: &str, value: Value) -> bool {
    let Some(i) = slot_of(f, name) else { return false };
    let kind = f.code().localsplus_kinds[i];
    if kind & (slot_kind::CELL | slot_kind::FREE) != 0 {
        if let Some(c) = super::function::as_cell(f.slot(i)) {
            c.set(value);
            return true;
        }
    }
    let old = std::mem::replace(f.slot(i), value);
    drop(old);
    true
}

/// Read local `name` of a live function frame (None when unbound).
pub fn read_local(f: &mut Frame, name: &str) -> Option<Value> {
    let i = slot_of(f, name)?;
    let kind = f.code().localsplus_kinds[i];
    let v = f.slot(i).clone();
    if kind & (slot_kind::CELL | slot_kind::FREE) != 0 {
        if let Some(c) = super::function::as_cell(&v) {
            let inner = c.get();
            return (!inner.is_null()).then_some(inner);
        }
    }
    (!v.is_null()).then_some(v)
}

/// The `f_locals` proxy of a function frame.
pub struct LocalsProxyObj {
    pub frame: Value,
}

pub fn new_locals_proxy(frame: Value) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().frame_locals_proxy), data: LocalsProxyObj { frame } }))
}

pub fn as_locals_proxy(v: &Value) -> Option<&LocalsProxyObj> {
    if v.is_heap() && type_of(v).layout == Layout::FrameLocalsProxy {
        Some(unsafe { v.payload::<LocalsProxyObj>() })
    } else {
        None
    }
}
