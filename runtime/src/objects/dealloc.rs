//! Deallocation: the last reference to a heap object is gone.
//!
//! Runs the type's finalizer (`__del__`) first when it has one, exactly
//! then, as CPython does; the object may be resurrected by it.

use super::value::Header;

/// Free the object at `p`, whose refcount just dropped to zero.
///
/// # Safety
/// `p` is a live heap object with refcount 1 that nobody else references.
pub(crate) unsafe fn dealloc(p: *mut Header) {
    // Exact floats first: the arithmetic uops free one per operation, and
    // `float` has no finalizer.
    if (*p).ty.get() as u64 == pyfast_stencils::uops::helpers::well_known(|w| &w.float_type) {
        return super::float::free_float(p);
    }
    let ty = &(*((*p).ty.get() as *const Obj<TypeObject>)).data;
    if ty.has_flag(super::typeobj::flags::HAS_FINALIZER) && crate::vm::run_finalizer(p) {
        return; // resurrected
    }
    if ty.layout == Layout::Generator && crate::vm::finalize_generator(p) {
        return; // resurrected
    }
    (*p).refcount.set(0);
    macro_rules! free {
        ($t:ty) => {
            drop(Box::from_raw(p as *mut Obj<$t>))
        };
    }
    use super::*;
    use descr::{SubObj, WrapperObj};
    // Instances of classes deriving from a built-in container carry a dict
    // after the built-in payload.
    let sub = ty.has_flag(typeobj::flags::HEAPTYPE) && ty.has_flag(typeobj::flags::HAS_DICT);
    macro_rules! free_maybe_sub {
        ($t:ty) => {
            if sub {
                free!(SubObj<$t>)
            } else {
                free!($t)
            }
        };
    }
    match ty.layout {
        Layout::Float => free_maybe_sub!(float::FloatObj),
        Layout::Int => free_maybe_sub!(int::IntObj),
        Layout::Str => free_maybe_sub!(str::StrObj),
        Layout::Bytes => free_maybe_sub!(bytes::BytesObj),
        Layout::Tuple => free_maybe_sub!(tuple::TupleObj),
        Layout::List => free_maybe_sub!(list::ListObj),
        Layout::Dict => free_maybe_sub!(dict::DictObj),
        Layout::Set => free_maybe_sub!(set::SetObj),
        Layout::SetIter => free!(iter::SetIterObj),
        Layout::Range => free!(range::RangeObj),
        Layout::RangeIter => free!(range::RangeIterObj),
        Layout::SeqIter => free!(iter::SeqIterObj),
        Layout::DictIter => free!(iter::DictIterObj),
        Layout::DictView => free!(iter::DictViewObj),
        Layout::Function => free!(function::FunctionObj),
        Layout::Cell => free!(function::CellObj),
        Layout::BoundMethod => free!(function::BoundMethodObj),
        Layout::Builtin => free!(function::BuiltinObj),
        Layout::Code => free!(crate::bytecode::code::CodeObj),
        Layout::Module => free!(module::ModuleObj),
        Layout::Exception => free!(exception::ExceptionObj),
        Layout::Object => free!(instance::InstanceObj),
        Layout::Slice => free!(slice::SliceObj),
        Layout::Property => free!(descr::PropertyObj),
        Layout::ClassMethod | Layout::StaticMethod | Layout::Member => free!(WrapperObj),
        Layout::Super => free!(descr::SuperObj),
        Layout::Generator => free!(crate::interp::gen::GenObj),
        Layout::Frame => free!(frame_obj::FrameObj),
        Layout::NativeIter => free!(native_iter::NativeIterObj),
        Layout::Opaque => free!(opaque::OpaqueObj),
        Layout::FrameLocalsProxy => free!(frame_obj::LocalsProxyObj),
        // Types and singletons are immortal.
        Layout::Type | Layout::None | Layout::NotImplemented | Layout::Ellipsis | Layout::Bool => {
            (*p).refcount.set(super::value::IMMORTAL)
        }
    }
}
