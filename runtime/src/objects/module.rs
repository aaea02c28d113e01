//! Module objects: a name and a namespace dict.

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct ModuleObj {
    pub name: Value,
    pub dict: Value,
}

pub fn new_module(name: &str, dict: Value) -> Value {
    let name = super::str::intern(name);
    super::dict::set_str(&dict, super::str::intern("__name__"), name.clone());
    Value::from_box(Box::new(Obj { hdr: Header::new(types().module), data: ModuleObj { name, dict } }))
}

pub fn as_module(v: &Value) -> Option<&ModuleObj> {
    if v.is_heap() && type_of(v).layout == Layout::Module {
        Some(unsafe { v.payload::<ModuleObj>() })
    } else {
        None
    }
}
