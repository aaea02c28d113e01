//! Type objects and the registry of built-in types.
//!
//! Every heap object's header points at its type. A type records the Rust
//! `Layout` of its instances (inherited by subclasses, so a `list` subclass
//! is still laid out as a list), its MRO and its attribute dict. Built-in
//! types are created once per process, are immortal, and are reachable
//! through [`types()`] by field name, which is how the interpreter's fast
//! paths compare type pointers.

use std::cell::{Cell, UnsafeCell};
use std::sync::OnceLock;

use super::value::{Header, Obj, Value};

/// The Rust payload layout of a type's instances.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// `object()` and plain class instances (payload: `InstanceObj`).
    Object,
    None,
    NotImplemented,
    Ellipsis,
    Bool,
    /// Heap ints (small ints are tagged immediates of the same type).
    Int,
    Float,
    Str,
    /// `bytes` and `bytearray`.
    Bytes,
    Tuple,
    List,
    Dict,
    /// `set` and `frozenset`.
    Set,
    /// Iterator over a set's table.
    SetIter,
    Range,
    Slice,
    Function,
    Code,
    Cell,
    Module,
    Type,
    /// A Rust function (module-level builtin or a type's method).
    Builtin,
    BoundMethod,
    Exception,
    RangeIter,
    /// Iterator over a list, tuple or str by index.
    SeqIter,
    DictIter,
    DictView,
    Property,
    ClassMethod,
    StaticMethod,
    /// A `__slots__` entry.
    Member,
    Super,
    Generator,
    Frame,
    FrameLocalsProxy,
    /// Iterators implemented in Rust (`enumerate`, `zip`, ...).
    NativeIter,
    /// Native module state (`objects::opaque`).
    Opaque,
}

/// Type flags.
pub mod flags {
    /// Created by a `class` statement (mutable, has instance dicts).
    pub const HEAPTYPE: u32 = 1 << 0;
    /// May be subclassed.
    pub const BASETYPE: u32 = 1 << 1;
    /// Instances carry an attribute dict.
    pub const HAS_DICT: u32 = 1 << 2;
    /// Defines `__del__` somewhere in the MRO.
    pub const HAS_FINALIZER: u32 = 1 << 3;
    /// Defines `__slots__` (values live in a hidden instance dict).
    pub const HAS_SLOTS: u32 = 1 << 4;
}

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct TypeObject {
    pub name: Value,
    /// `__qualname__` (NULL: same as the name).
    pub qualname: UnsafeCell<Value>,
    pub layout: Layout,
    /// The primary base (NULL only for `object`).
    pub base: Value,
    /// `__mro__`: a tuple of types, this type first.
    pub mro: UnsafeCell<Value>,
    /// `__dict__`: a dict of attributes (methods, class variables).
    pub dict: Value,
    /// The version tag (CPython's `tp_version_tag`): non-zero and unique
    /// to this type while neither it nor any type in its MRO has changed
    /// since the tag was assigned; 0 when none is assigned. Tier-1 caches
    /// of attribute lookups validate with one compare against it. Assigned
    /// by `specialize::type_version`, cleared by `specialize::type_modified`.
    pub version: Cell<u32>,
    pub flags: Cell<u32>,
    /// `__bases__` of a heap type (NULL for built-in types: their base).
    pub bases: UnsafeCell<Value>,
    /// Every other type that has this one in its MRO, so that a change to
    /// this type clears their tags too. Types are never freed.
    pub subclasses: UnsafeCell<Vec<*const Header>>,
    /// Where instances of a plain class keep their attributes (see
    /// `objects::instance`).
    pub shape: InstanceShape,
}

/// Most names a class's shared keys hold (CPython's `SHARED_KEYS_MAX_SIZE`);
/// an instance given more attribute names keeps them in a real dict.
pub const MAX_SHARED_KEYS: usize = 30;

/// The attribute layout that instances of a class share (CPython's cached
/// keys of a heap type, plus the `__slots__` layout): an instance's values
/// array holds the `nslots` slot values first, then the value of shared key
/// `j` at index `nslots + j`. Keys are only ever appended, so an index found
/// once stays right for the life of the class.
#[repr(C)]
#[derive(Default)]
pub struct InstanceShape {
    /// `keys.len()`, where machine code can read it (a name not among the
    /// first `nkeys` keys is still absent while `nkeys` is unchanged).
    pub nkeys: Cell<u32>,
    /// Number of `__slots__` values, inherited ones included.
    pub nslots: Cell<u32>,
    /// The shared keys: interned attribute names in first-stored order.
    pub keys: UnsafeCell<Vec<Value>>,
    /// The `__slots__` names, inherited ones first (index = slot index).
    pub slot_names: UnsafeCell<Vec<Value>>,
}

impl InstanceShape {
    pub fn keys(&self) -> &[Value] {
        unsafe { &*self.keys.get() }
    }

    /// The shared-key index of attribute `name`.
    #[inline]
    pub fn key_index(&self, name: &Value) -> Option<usize> {
        let keys = self.keys();
        if let Some(j) = keys.iter().position(|k| k.is(name)) {
            return Some(j);
        }
        // Keys are interned (immortal) strs; only a str that is not
        // interned can equal one without being it.
        if name.refcount() >= super::value::IMMORTAL {
            return None;
        }
        let n = super::str::as_str(name)?;
        keys.iter().position(|k| super::str::as_str(k) == Some(n))
    }

    /// The index of `name`, adding it as a new key when there is room.
    pub fn key_index_or_add(&self, name: &Value) -> Option<usize> {
        if let Some(j) = self.key_index(name) {
            return Some(j);
        }
        let keys = unsafe { &mut *self.keys.get() };
        if keys.len() >= MAX_SHARED_KEYS {
            return None;
        }
        keys.push(super::str::intern(super::str::as_str(name)?));
        self.nkeys.set(keys.len() as u32);
        Some(keys.len() - 1)
    }

    pub fn slot_names(&self) -> &[Value] {
        unsafe { &*self.slot_names.get() }
    }

    /// The slot index of `__slots__` member `name`.
    pub fn slot_index(&self, name: &Value) -> Option<usize> {
        let n = super::str::as_str(name)?;
        self.slot_names().iter().position(|k| k.is(name) || super::str::as_str(k) == Some(n))
    }

    /// Set the slot layout (at class creation).
    pub fn set_slot_names(&self, names: Vec<Value>) {
        self.nslots.set(names.len() as u32);
        unsafe { *self.slot_names.get() = names };
    }
}

impl TypeObject {
    pub fn name(&self) -> &str {
        super::str::as_str(&self.name).unwrap_or("?")
    }

    pub fn mro(&self) -> &[Value] {
        unsafe { super::tuple::items(&*self.mro.get()) }
    }

    /// `__bases__`.
    pub fn bases(&self) -> Value {
        let b = unsafe { &*self.bases.get() };
        match (b.is_null(), self.base.is_null()) {
            (false, _) => b.clone(),
            (true, true) => super::tuple::empty(),
            (true, false) => super::tuple::new_tuple(vec![self.base.clone()]),
        }
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> Value {
        let q = unsafe { &*self.qualname.get() };
        if q.is_null() {
            self.name.clone()
        } else {
            q.clone()
        }
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(&self, other: *const Header) -> bool {
        self.mro().iter().any(|t| t.as_ptr() == other)
    }

    /// Look an attribute up along the MRO (no descriptors applied).
    ///
    /// Lookups of interned names go through the type attribute cache
    /// (CPython's method cache): keyed by the type's version tag and the
    /// name, so a change to the type or its bases (which clears the tag)
    /// makes its entries unreachable.
    #[inline]
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        if name.refcount() < super::value::IMMORTAL {
            return self.lookup_uncached(name);
        }
        let tag = crate::interp::specialize::type_version(self);
        if tag == 0 {
            return self.lookup_uncached(name);
        }
        let slot = ((tag as u64).wrapping_mul(0x9e37_79b9) ^ (name.bits() >> 4)) as usize & (ATTR_CACHE_SIZE - 1);
        // Only the entry's address is taken inside `with`, which keeps the
        // access inlined (with the miss path in the closure LLVM outlined it).
        let e = ATTR_CACHE.with(|c| unsafe { (*c.get()).as_mut_ptr().add(slot) });
        // The MRO walk below reads dicts only: nothing re-enters this cache.
        let e = unsafe { &mut *e };
        if e.0 == tag && e.1 == name.bits() {
            // The type's dicts still hold the value (the tag would have been
            // cleared otherwise).
            return (e.2 != 0).then(|| unsafe { Value::from_bits(e.2) }.clone_leak());
        }
        let found = self.lookup_uncached(name);
        *e = (tag, name.bits(), found.as_ref().map_or(0, |v| v.bits()));
        found
    }

    /// The MRO walk behind [`TypeObject::lookup`].
    pub fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        for t in self.mro() {
            let t = as_type(t).expect("mro holds types");
            if let Some(v) = super::dict::get_str(&t.dict, name) {
                return Some(v);
            }
        }
        None
    }
}

const ATTR_CACHE_SIZE: usize = 4096;

thread_local! {
    /// (type version tag, interned name, value borrowed from a type dict or 0).
    static ATTR_CACHE: UnsafeCell<[(u32, u64, u64); ATTR_CACHE_SIZE]> =
        const { UnsafeCell::new([(0, 0, 0); ATTR_CACHE_SIZE]) };
}

/// Borrow a value as a type object, if it is one.
pub fn as_type(v: &Value) -> Option<&TypeObject> {
    let h = v.header()?;
    let ty = unsafe { &*(h.ty.get() as *const Obj<TypeObject>) };
    if ty.data.layout == Layout::Type {
        Some(unsafe { v.payload::<TypeObject>() })
    } else {
        None
    }
}

/// The type of any value.
#[inline(always)]
pub fn type_of(v: &Value) -> &'static TypeObject {
    type_ptr_of(v).as_type()
}

/// The type pointer of any value (small ints are `int`).
#[inline(always)]
pub fn type_ptr_of(v: &Value) -> TypePtr {
    match v.header() {
        Some(h) => TypePtr(h.ty.get()),
        None => types().int,
    }
}

/// A type object pointer: the thing fast paths compare.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TypePtr(pub *const Header);

unsafe impl Send for TypePtr {}
unsafe impl Sync for TypePtr {}

impl TypePtr {
    #[inline(always)]
    pub fn as_type(self) -> &'static TypeObject {
        unsafe { &(*(self.0 as *const Obj<TypeObject>)).data }
    }

    /// A new reference to the type as a value.
    pub fn value(self) -> Value {
        unsafe { Value::from_ptr_incref(self.0) }
    }
}

/// The layout of a value's payload.
#[inline(always)]
pub fn layout_of(v: &Value) -> Layout {
    if v.is_small_int() {
        Layout::Int
    } else {
        type_of(v).layout
    }
}

macro_rules! builtin_types {
    ($( $field:ident : $name:literal, $layout:ident, $base:ident, $flags:expr; )*) => {
        /// Pointers to the built-in type objects.
        pub struct BuiltinTypes {
            $( pub $field: TypePtr, )*
        }

        /// The table used to create them: (field name, Python name, layout,
        /// base field, flags), in dependency order.
        pub(crate) const BUILTIN_TYPE_TABLE: &[(&str, &str, Layout, &str, u32)] = &[
            $( (stringify!($field), $name, Layout::$layout, stringify!($base), $flags), )*
        ];

        impl BuiltinTypes {
            pub(crate) fn from_lookup(get: impl Fn(&str) -> TypePtr) -> BuiltinTypes {
                BuiltinTypes { $( $field: get(stringify!($field)), )* }
            }

            /// The type named by a field of [`BUILTIN_TYPE_TABLE`].
            pub(crate) fn field(&self, field: &str) -> TypePtr {
                match field {
                    $( stringify!($field) => self.$field, )*
                    _ => unreachable!("unknown type field {field}"),
                }
            }
        }
    };
}

const B: u32 = flags::BASETYPE;

builtin_types! {
    object: "object", Object, no_base, B;
    type_: "type", Type, object, B;
    none: "NoneType", None, object, 0;
    not_implemented: "NotImplementedType", NotImplemented, object, 0;
    ellipsis: "ellipsis", Ellipsis, object, 0;
    int: "int", Int, object, B;
    bool_: "bool", Bool, int, 0;
    float: "float", Float, object, B;
    str: "str", Str, object, B;
    bytes: "bytes", Bytes, object, B;
    bytearray: "bytearray", Bytes, object, B;
    tuple: "tuple", Tuple, object, B;
    list: "list", List, object, B;
    dict: "dict", Dict, object, B;
    set: "set", Set, object, B;
    frozenset: "frozenset", Set, object, B;
    set_iterator: "set_iterator", SetIter, object, 0;
    range: "range", Range, object, 0;
    slice: "slice", Slice, object, 0;
    function: "function", Function, object, 0;
    code: "code", Code, object, 0;
    cell: "cell", Cell, object, 0;
    module: "module", Module, object, B;
    builtin_function: "builtin_function_or_method", Builtin, object, 0;
    method: "method", BoundMethod, object, 0;
    range_iterator: "range_iterator", RangeIter, object, 0;
    range_iterator_big: "longrange_iterator", NativeIter, object, 0;
    list_iterator: "list_iterator", SeqIter, object, 0;
    tuple_iterator: "tuple_iterator", SeqIter, object, 0;
    str_iterator: "str_ascii_iterator", SeqIter, object, 0;
    bytes_iterator: "bytes_iterator", SeqIter, object, 0;
    bytearray_iterator: "bytearray_iterator", SeqIter, object, 0;
    dict_keyiterator: "dict_keyiterator", DictIter, object, 0;
    dict_valueiterator: "dict_valueiterator", DictIter, object, 0;
    dict_itemiterator: "dict_itemiterator", DictIter, object, 0;
    dict_keys: "dict_keys", DictView, object, 0;
    dict_values: "dict_values", DictView, object, 0;
    dict_items: "dict_items", DictView, object, 0;
    property: "property", Property, object, B;
    classmethod: "classmethod", ClassMethod, object, B;
    staticmethod: "staticmethod", StaticMethod, object, B;
    super_: "super", Super, object, B;
    member_descriptor: "member_descriptor", Member, object, 0;
    generator: "generator", Generator, object, 0;
    frame: "frame", Frame, object, 0;
    frame_locals_proxy: "FrameLocalsProxy", FrameLocalsProxy, object, 0;
    enumerate: "enumerate", NativeIter, object, B;
    zip: "zip", NativeIter, object, B;
    map: "map", NativeIter, object, B;
    filter: "filter", NativeIter, object, B;
    reversed: "reversed", NativeIter, object, B;
    callable_iterator: "callable_iterator", NativeIter, object, 0;
    iterator: "iterator", NativeIter, object, 0;
    opaque: "native_state", Opaque, object, 0;
}

struct Registry(BuiltinTypes);
unsafe impl Sync for Registry {}
unsafe impl Send for Registry {}

static TYPES: OnceLock<Registry> = OnceLock::new();
/// Set once phase 2 of the creation finished: other threads (tests run
/// several VMs at once) wait for it rather than see half-made types.
static READY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static INIT_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    static INITIALIZING: Cell<bool> = const { Cell::new(false) };
}

/// The registry once `READY`: one load on the fast path of [`types()`]
/// (type checks of every fast path go through it).
static TYPES_PTR: std::sync::atomic::AtomicPtr<BuiltinTypes> = std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// The built-in types. Created on first use; they live for the process.
#[inline(always)]
pub fn types() -> &'static BuiltinTypes {
    let p = TYPES_PTR.load(std::sync::atomic::Ordering::Acquire);
    if !p.is_null() {
        return unsafe { &*p };
    }
    init_types()
}

#[cold]
fn init_types() -> &'static BuiltinTypes {
    // Phase 2 of the creation on this thread uses `types()` itself.
    if INITIALIZING.with(|i| i.get()) {
        return &TYPES.get().expect("phase 1 done").0;
    }
    let _guard = INIT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if !READY.load(std::sync::atomic::Ordering::Acquire) {
        INITIALIZING.with(|i| i.set(true));
        // Phase 1 allocates bare type objects; phase 2 needs `types()`
        // (names are strs, dicts are dicts), so it runs once the registry is set.
        let _ = TYPES.set(Registry(super::bootstrap::allocate_builtin_types()));
        super::bootstrap::finish_builtin_types();
        INITIALIZING.with(|i| i.set(false));
        READY.store(true, std::sync::atomic::Ordering::Release);
    }
    let t = &TYPES.get().expect("just set").0;
    TYPES_PTR.store(t as *const BuiltinTypes as *mut BuiltinTypes, std::sync::atomic::Ordering::Release);
    t
}
