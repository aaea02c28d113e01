//! Attribute access (CPython's `LOAD_ATTR_*`/`STORE_ATTR_*` uops).
//!
//! A type-version guard proves the owner's class (and its whole MRO) is
//! unchanged since the instruction was specialized, so what the specializer
//! found by a full lookup (no data descriptor shadows the instance dict, the
//! method object, the class attribute) still holds. Instance attributes and
//! `__slots__` live in the instance's values array at an index the class's
//! shared keys fix for good, so loading one is an index load; an instance
//! whose dict was materialized is read through the dict (`_WITH_HINT`).

use super::helpers::{pyfast_rt_dict_lookup_str, pyfast_rt_dict_store_str, pyfast_rt_type_lookup, well_known};
use super::{obj, Cx, Flow};
use crate::{instance, module, type_obj, uop};

/// The instance dict of a plain instance (NULL if none).
#[inline(always)]
unsafe fn instance_dict(owner: u64) -> u64 {
    obj::word(owner, instance::DICT_OFFSET)
}

/// Value `i` (borrowed) of a plain instance's values array; 0 when unset
/// or beyond the array.
#[inline(always)]
unsafe fn instance_value(owner: u64, i: u32) -> u64 {
    if i >= *obj::field::<u32>(owner, instance::CAPACITY_OFFSET) {
        return 0;
    }
    *(obj::word(owner, instance::VALUES_OFFSET) as *const u64).add(i as usize)
}

/// The value (borrowed) under `name` in dict `d`: first at entry `hint`,
/// else, when `lookup`, by a full lookup; 0 when absent.
#[inline(always)]
unsafe fn dict_value(d: u64, hint: u32, name: u64, lookup: bool) -> u64 {
    if d == 0 {
        return 0;
    }
    if let Some(key) = obj::dict_entry(d, hint) {
        if *key == name {
            return *obj::entry_value(key);
        }
    }
    if lookup {
        pyfast_rt_dict_lookup_str(d, name)
    } else {
        0
    }
}

/// Replace the owner on top of the stack with `v` (borrowed).
#[inline(always)]
unsafe fn replace_owner(cx: &mut Cx, v: u64) {
    let owner = cx.peek(1);
    obj::incref(v);
    cx.poke(1, v);
    obj::decref(owner);
}

uop! {
    /// Deopt unless the top of the stack is a heap object whose type has
    /// version tag `oparg`.
    _GUARD_TYPE_VERSION(1 -> 1) [OPARG | DEOPT | PURE] |cx, oparg, operand| {
        let w = cx.peek(1);
        if obj::is_heap(w) && obj::type_version(obj::type_of(w)) == oparg { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the top of the stack is a heap object whose type's
    /// version tag is one of the four at `operand` (a `[u32; 4]`: the
    /// type-version set of a polymorphic tier-1 form, in its inline cache;
    /// unused entries repeat the first, and 0, "no tag", is never in it).
    /// Tier 1 only: the set can change while the instruction's other cache
    /// fields change with it, so a trace guards the one type it recorded
    /// with `_GUARD_TYPE_VERSION` instead.
    _GUARD_TYPE_VERSION_SET(1 -> 1) [OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        let w = cx.peek(1);
        if !obj::is_heap(w) {
            return Flow::Deopt;
        }
        let v = obj::type_version(obj::type_of(w));
        let set = operand as *const u32;
        if v == *set || v == *set.add(1) || v == *set.add(2) || v == *set.add(3) {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// `_GUARD_TYPE_VERSION` for the value under the top of the stack.
    _GUARD_NOS_TYPE_VERSION(2 -> 2) [OPARG | DEOPT | PURE] |cx, oparg, operand| {
        let w = cx.peek(2);
        if obj::is_heap(w) && obj::type_version(obj::type_of(w)) == oparg { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt when the plain instance on top has a materialized dict (its
    /// attributes are no longer in the values array).
    _CHECK_MANAGED_OBJECT_HAS_VALUES(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if instance_dict(cx.peek(1)) == 0 { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Load the attribute at index `oparg` of the plain instance's values
    /// array; deopt when it is unset.
    _LOAD_ATTR_INSTANCE_VALUE(1 -> 1) [OPARG | DEOPT | ESCAPES] |cx, oparg, operand| {
        let v = instance_value(cx.peek(1), oparg);
        if v == 0 {
            return Flow::Deopt;
        }
        replace_owner(cx, v);
        Flow::Continue
    }
}

uop! {
    /// Load attribute `operand` from the instance dict: entry `oparg` is
    /// tried first, then a lookup; deopt when absent.
    _LOAD_ATTR_WITH_HINT(1 -> 1) [OPARG | OPERAND | DEOPT | ESCAPES] |cx, oparg, operand| {
        let v = dict_value(instance_dict(cx.peek(1)), oparg, operand, true);
        if v == 0 {
            return Flow::Deopt;
        }
        replace_owner(cx, v);
        Flow::Continue
    }
}

uop! {
    /// Load `__slots__` member `oparg` (its index in the values array);
    /// deopt when unset (AttributeError).
    _LOAD_ATTR_SLOT(1 -> 1) [OPARG | DEOPT | ESCAPES] |cx, oparg, operand| {
        let v = instance_value(cx.peek(1), oparg);
        if v == 0 {
            return Flow::Deopt;
        }
        replace_owner(cx, v);
        Flow::Continue
    }
}

uop! {
    /// Deopt unless the top of the stack is a module whose dict has keys
    /// version `oparg`.
    _CHECK_ATTR_MODULE(1 -> 1) [OPARG | DEOPT | PURE] |cx, oparg, operand| {
        let m = cx.peek(1);
        if obj::has_type(m, well_known(|w| &w.module_type))
            && obj::dict_keys_version(obj::word(m, module::DICT_OFFSET)) == oparg
        {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// Load entry `oparg` of the module's dict (its keys were checked).
    _LOAD_ATTR_MODULE(1 -> 1) [OPARG | DEOPT | ESCAPES] |cx, oparg, operand| {
        let d = obj::word(cx.peek(1), module::DICT_OFFSET);
        let Some(key) = obj::dict_entry(d, oparg) else { return Flow::Deopt };
        let v = *obj::entry_value(key);
        if v == 0 {
            return Flow::Deopt;
        }
        replace_owner(cx, v);
        Flow::Continue
    }
}

uop! {
    /// Deopt unless the top of the stack is the class `operand` and its
    /// version tag is `oparg`.
    _CHECK_ATTR_CLASS(1 -> 1) [OPARG | OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        let c = cx.peek(1);
        if c == operand && obj::type_version(c) == oparg { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Replace the owner with the class attribute `operand` (borrowed from
    /// the class dict; the version guard keeps it there).
    _LOAD_ATTR_CLASS(1 -> 1) [OPERAND | ESCAPES] |cx, oparg, operand| {
        replace_owner(cx, operand);
        Flow::Continue
    }
}

uop! {
    /// Deopt when the plain instance on top may have attribute `operand`
    /// (it would shadow the class attribute the cache holds): while its
    /// attributes are inline, the name was not among the class's first
    /// `oparg` shared keys and there are still `oparg`; with a dict, a lookup.
    _CHECK_ATTR_NOT_SHADOWED(1 -> 1) [OPARG | OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        let owner = cx.peek(1);
        let d = instance_dict(owner);
        let shadowed = if d == 0 {
            *obj::field::<u32>(obj::type_of(owner), type_obj::NKEYS_OFFSET) != oparg
        } else {
            pyfast_rt_dict_lookup_str(d, operand) != 0
        };
        if shadowed { Flow::Deopt } else { Flow::Continue }
    }
}

uop! {
    /// The method form: `(owner -- method owner)`, `operand` being the
    /// plain function found on the class.
    _LOAD_ATTR_METHOD(1 -> 2) [OPERAND] |cx, oparg, operand| {
        let owner = cx.peek(1);
        obj::incref(operand);
        cx.poke(1, operand);
        cx.push(owner);
        Flow::Continue
    }
}

uop! {
    /// The method form for a method each of several classes defines its
    /// own way: `(owner -- method owner)`, the method being attribute
    /// `operand` (a name) of the owner's type, looked up now (the type
    /// attribute cache). The guards before it proved the type is one whose
    /// attribute is a plain function the instance does not shadow; deopt
    /// if the lookup finds nothing all the same.
    _LOAD_ATTR_METHOD_FROM_TYPE(1 -> 2) [OPERAND | DEOPT] |cx, oparg, operand| {
        let owner = cx.peek(1);
        let m = pyfast_rt_type_lookup(obj::type_of(owner), operand);
        if m == 0 {
            return Flow::Deopt;
        }
        cx.poke(1, m);
        cx.push(owner);
        Flow::Continue
    }
}

uop! {
    /// Replace the owner with the class attribute `operand`, a value that
    /// is not a descriptor (so it is not bound to the instance).
    _LOAD_ATTR_NONDESCRIPTOR(1 -> 1) [OPERAND | ESCAPES] |cx, oparg, operand| {
        replace_owner(cx, operand);
        Flow::Continue
    }
}

/// Store `v` into entry `hint` of dict `d` when it holds `name`, else
/// (when `insert`) through a lookup. False when nothing was stored.
#[inline(always)]
unsafe fn store_dict(d: u64, hint: u32, name: u64, v: u64, insert: bool) -> bool {
    if d == 0 {
        return false;
    }
    if let Some(key) = obj::dict_entry(d, hint) {
        if *key == name {
            let slot = obj::entry_value(key);
            let old = *slot;
            *slot = v;
            obj::decref(old);
            return true;
        }
    }
    if insert {
        pyfast_rt_dict_store_str(d, name, v);
        true
    } else {
        false
    }
}

/// `owner.name = v` (stack: `v owner`) into the materialized instance dict.
#[inline(always)]
unsafe fn store_attr(cx: &mut Cx, hint: u32, name: u64, insert: bool) -> Flow {
    let (v, owner) = (cx.peek(2), cx.peek(1));
    if !store_dict(instance_dict(owner), hint, name, v, insert) {
        return Flow::Deopt;
    }
    cx.sp = cx.sp.sub(2);
    obj::decref(owner);
    Flow::Continue
}

/// Store `v` at index `i` of the plain instance's values array (stack:
/// `v owner`); deopt when `i` is beyond the array, or, when `in_order`, if
/// adding the attribute there would break insertion order.
#[inline(always)]
unsafe fn store_value(cx: &mut Cx, i: u32, in_order: bool) -> Flow {
    let (v, owner) = (cx.peek(2), cx.peek(1));
    if i >= *obj::field::<u32>(owner, instance::CAPACITY_OFFSET) {
        return Flow::Deopt;
    }
    let slot = (obj::word(owner, instance::VALUES_OFFSET) as *mut u64).add(i as usize);
    let old = *slot;
    if in_order && old == 0 {
        let order = obj::field::<u32>(owner, instance::ORDER_OFFSET);
        if i < *order {
            return Flow::Deopt;
        }
        *order = i + 1;
    }
    *slot = v;
    cx.sp = cx.sp.sub(2);
    obj::decref(owner);
    obj::decref(old);
    Flow::Continue
}

uop! {
    /// `owner.name = v` at index `oparg` of the plain instance's values
    /// array (adding the attribute when unset, in insertion order). The old
    /// value is released after.
    _STORE_ATTR_INSTANCE_VALUE(2 -> 0) [OPARG | DEOPT | ESCAPES] |cx, oparg, operand| {
        store_value(cx, oparg, true)
    }
}

uop! {
    /// `owner.name = v` into the instance dict: entry `oparg` first, else
    /// a store by name (which may add the key).
    _STORE_ATTR_WITH_HINT(2 -> 0) [OPARG | OPERAND | DEOPT | ESCAPES] |cx, oparg, operand| {
        store_attr(cx, oparg, operand, true)
    }
}

uop! {
    /// Store `__slots__` member `oparg` (its index in the values array).
    _STORE_ATTR_SLOT(2 -> 0) [OPARG | DEOPT | ESCAPES] |cx, oparg, operand| {
        store_value(cx, oparg, false)
    }
}
