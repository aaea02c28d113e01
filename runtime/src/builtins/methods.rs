//! Methods of the built-in types (`str.split`, `list.append`, `dict.get`,
//! ...), installed into the types' dicts at start-up. Each takes its
//! receiver as `args[0]`.

use super::args::{type_error, Args};
use crate::interp::{call::call, gen, ops};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::NativeFn;
use crate::objects::iter::{new_dict_view, DictPart};
use crate::objects::{bool_val, dict, int, is_none, list, none, str as pystr, str_ops, tuple, types, Value};
use crate::vm::Vm;

/// Install every method table into its type.
pub fn install() {
    let t = types();
    super::add_methods(t.str, STR_METHODS);
    super::add_methods(t.list, LIST_METHODS);
    super::add_methods(t.dict, DICT_METHODS);
    super::add_methods(t.tuple, TUPLE_METHODS);
    super::add_methods(t.generator, GEN_METHODS);
    super::add_methods(t.frame_locals_proxy, PROXY_METHODS);
    super::add_methods(t.slice, &[("indices", slice_indices)]);
    super::add_methods(t.range, &[("index", range_index), ("count", range_count)]);
    super::add_wrapped(t.str, t.staticmethod, "maketrans", str_maketrans);
    super::add_wrapped(t.dict, t.classmethod, "fromkeys", dict_fromkeys);
    for ty in [t.bool_, t.float, t.str, t.bytes, t.bytearray, t.tuple, t.list, t.dict, t.set, t.frozenset] {
        super::add_methods(ty, &[("__repr__", builtin_repr)]);
    }
    super::add_methods(t.int, &[("__repr__", int_repr)]);
    super::add_methods(t.function, &[("__get__", function_get)]);
}

/// `f.__get__(obj, type=None)`: what attribute access on an instance gives
/// (a bound method), or the function itself for `obj` None.
fn function_get(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__get__", args, kw);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    if is_none(&a.pos[1]) {
        if a.pos.get(2).is_none_or(is_none) {
            return Err(type_error("__get__(None, None) is invalid"));
        }
        return Ok(a.pos[0].clone());
    }
    Ok(crate::objects::function::new_bound_method(a.pos[0].clone(), a.pos[1].clone()))
}

/// `int.__repr__(x)`: digits, also for a bool (`int.__repr__(True)` is
/// `'1'`; bool's own `__repr__` says `True`).
fn int_repr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__repr__", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let v = &a.pos[0];
    if crate::objects::is_true_singleton(v) || crate::objects::is_false_singleton(v) {
        let digit = if crate::objects::is_true_singleton(v) { "1" } else { "0" };
        return Ok(pystr::from_string(digit.into()));
    }
    Ok(pystr::from_string(ops::native_repr(vm, v)?.into()))
}

/// `list.__repr__(x)` and the like: the built-in repr, for subclasses that
/// override `__repr__` and call their base's.
fn builtin_repr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__repr__", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(pystr::from_string(ops::native_repr(vm, &a.pos[0])?.into()))
}

// ---------------------------------------------------------------- frame.f_locals

const PROXY_METHODS: &[(&str, NativeFn)] =
    &[("keys", proxy_keys), ("values", proxy_values), ("items", proxy_items), ("get", proxy_get), ("copy", proxy_copy)];

fn recv_proxy<'a>(a: &'a Args, method: &str) -> PyResult<&'a crate::objects::frame_obj::LocalsProxyObj> {
    a.pos
        .first()
        .and_then(crate::objects::frame_obj::as_locals_proxy)
        .ok_or_else(|| type_error(format!("descriptor '{method}' requires a 'FrameLocalsProxy' object")))
}

/// `keys()`/`values()`/`items()` as lists (a snapshot, like dict views
/// materialised).
fn proxy_part(vm: &Vm, args: &[Value], kw: &[Value], name: &'static str, part: DictPart) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.expect(1, 1)?;
    let items = crate::interp::frame_locals::items(vm, recv_proxy(&a, name)?)?;
    Ok(list::new_list(
        items
            .into_iter()
            .map(|(k, v)| match part {
                DictPart::Keys => k,
                DictPart::Values => v,
                DictPart::Items => tuple::new_tuple(vec![k, v]),
            })
            .collect(),
    ))
}

fn proxy_keys(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    proxy_part(vm, args, kw, "keys", DictPart::Keys)
}

fn proxy_values(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    proxy_part(vm, args, kw, "values", DictPart::Values)
}

fn proxy_items(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    proxy_part(vm, args, kw, "items", DictPart::Items)
}

fn proxy_get(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("get", args, kw);
    a.expect(2, 3)?;
    let p = recv_proxy(&a, "get")?;
    Ok(crate::interp::frame_locals::get(vm, p, &a.pos[1])?
        .unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or_else(none)))
}

fn proxy_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("copy", args, kw);
    a.expect(1, 1)?;
    let d = dict::new_dict();
    for (k, v) in crate::interp::frame_locals::items(vm, recv_proxy(&a, "copy")?)? {
        dict::set_str(&d, k, v);
    }
    Ok(d)
}

// ---------------------------------------------------------------- str

const STR_METHODS: &[(&str, NativeFn)] = &[
    ("split", str_split),
    ("rsplit", str_rsplit),
    ("splitlines", str_splitlines),
    ("join", str_join),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("replace", str_replace),
    ("find", str_find),
    ("rfind", str_rfind),
    ("index", str_index),
    ("rindex", str_rindex),
    ("count", str_count),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("upper", str_upper),
    ("lower", str_lower),
    ("capitalize", str_capitalize),
    ("title", str_title),
    ("swapcase", str_swapcase),
    ("casefold", str_casefold),
    ("isdigit", str_isdigit),
    ("isalpha", str_isalpha),
    ("isalnum", str_isalnum),
    ("isspace", str_isspace),
    ("isupper", str_isupper),
    ("islower", str_islower),
    ("isdecimal", str_isdecimal),
    ("isnumeric", str_isnumeric),
    ("isidentifier", str_isidentifier),
    ("isprintable", str_isprintable),
    ("isascii", str_isascii),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("translate", str_translate),
    ("istitle", str_istitle),
    ("center", str_center),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("zfill", str_zfill),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("expandtabs", str_expandtabs),
    ("format", str_format),
    ("format_map", str_format_map),
];

fn str_format(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("format", args, kw);
    let s = recv(&a, "format")?;
    let lookup = |name: &str| Ok(a.kw(name).cloned());
    super::strformat::str_format(vm, s, &a.pos[1..], &lookup)
}

fn str_format_map(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("format_map", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, "format_map")?;
    let mapping = a.pos[1].clone();
    let lookup = |name: &str| match ops::getitem(vm, &mapping, &pystr::new_str(name)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exc().key_error) => Err(e),
        Err(e) => Err(e),
    };
    super::strformat::str_format(vm, s, &[], &lookup)
}

/// The receiver of a str method.
fn recv<'a>(a: &'a Args, method: &str) -> PyResult<&'a str> {
    match a.pos.first().and_then(pystr::as_str) {
        Some(s) => Ok(s),
        None => Err(type_error(format!(
            "descriptor '{method}' for 'str' objects doesn't apply to a '{}' object",
            a.pos.first().map_or("NoneType", ops::type_name)
        ))),
    }
}

fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    pystr::as_str(v).ok_or_else(|| type_error(format!("{what} must be str, not {}", ops::type_name(v))))
}

fn opt_str<'a>(v: Option<&'a Value>, what: &str) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) if is_none(v) => Ok(None),
        Some(v) => str_arg(v, what).map(Some),
    }
}

fn new_s(s: String) -> Value {
    pystr::from_string(s.into())
}

fn str_list(parts: Vec<String>) -> Value {
    list::new_list(parts.into_iter().map(new_s).collect())
}

fn split_common(args: &[Value], kwnames: &[Value], name: &'static str, right: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    a.only_kwargs(&["sep", "maxsplit"])?;
    let s = recv(&a, name)?;
    let sep = opt_str(a.get(1, "sep"), "sep")?;
    let maxsplit = match a.get(2, "maxsplit") {
        Some(v) => ops::index_value(v)?,
        None => -1,
    };
    let r = if right { str_ops::rsplit(s, sep, maxsplit) } else { str_ops::split(s, sep, maxsplit) };
    Ok(str_list(r.map_err(ops::num_err)?))
}

fn str_split(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_common(args, kw, "split", false)
}

fn str_rsplit(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_common(args, kw, "rsplit", true)
}

fn str_splitlines(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("splitlines", args, kw);
    a.only_kwargs(&["keepends"])?;
    let s = recv(&a, "splitlines")?;
    let keep = match a.get(1, "keepends") {
        Some(v) => crate::objects::is_true_singleton(v) || int::as_i64(v).is_some_and(|i| i != 0),
        None => false,
    };
    Ok(str_list(str_ops::splitlines(s, keep)))
}

fn str_join(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("join", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let sep = recv(&a, "join")?;
    let items = ops::iterate(vm, &a.pos[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match pystr::as_str(it) {
            Some(s) => out.push_str(s),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    ops::type_name(it)
                )))
            }
        }
    }
    Ok(new_s(out))
}

fn strip_common(
    args: &[Value],
    kw: &[Value],
    name: &'static str,
    f: fn(&str, Option<&str>) -> String,
) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let s = recv(&a, name)?;
    let chars = opt_str(a.pos.get(1), &format!("{name} arg"))?;
    Ok(new_s(f(s, chars)))
}

fn str_strip(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "strip", |s, c| str_ops::strip(s, c).to_string())
}

fn str_lstrip(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "lstrip", |s, c| str_ops::lstrip(s, c).to_string())
}

fn str_rstrip(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "rstrip", |s, c| str_ops::rstrip(s, c).to_string())
}

fn str_replace(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("replace", args, kw);
    a.no_kwargs()?;
    a.expect(3, 4)?;
    let s = recv(&a, "replace")?;
    let old = str_arg(&a.pos[1], "replace() argument 1")?;
    let new = str_arg(&a.pos[2], "replace() argument 2")?;
    let count = match a.pos.get(3) {
        Some(v) => ops::index_value(v)?,
        None => -1,
    };
    Ok(new_s(str_ops::replace(s, old, new, count)))
}

/// Optional start/end arguments as slice-style bounds.
fn bounds(a: &Args, first: usize) -> PyResult<(Option<i64>, Option<i64>)> {
    let get = |i: usize| -> PyResult<Option<i64>> {
        match a.pos.get(i) {
            None => Ok(None),
            Some(v) if is_none(v) => Ok(None),
            Some(v) => ops::index_value(v).map(Some),
        }
    };
    Ok((get(first)?, get(first + 1)?))
}

type FindFn = fn(&str, &str, Option<i64>, Option<i64>) -> i64;

fn find_common(args: &[Value], kw: &[Value], name: &'static str, f: FindFn, raise: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 4)?;
    let s = recv(&a, name)?;
    let sub = str_arg(&a.pos[1], &format!("{name}() argument 1"))?;
    let (start, end) = bounds(&a, 2)?;
    let r = f(s, sub, start, end);
    if raise && r < 0 {
        return Err(PyErr::new(exc().value_error, "substring not found"));
    }
    Ok(int::from_i64(r))
}

fn str_find(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_common(args, kw, "find", str_ops::find, false)
}

fn str_rfind(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_common(args, kw, "rfind", str_ops::rfind, false)
}

fn str_index(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_common(args, kw, "index", str_ops::find, true)
}

fn str_rindex(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_common(args, kw, "rindex", str_ops::rfind, true)
}

fn str_count(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    find_common(args, kw, "count", |s, sub, st, en| str_ops::count(s, sub, st, en) as i64, false)
}

fn affix_common(vm: &Vm, args: &[Value], kw: &[Value], name: &'static str, ends: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 4)?;
    let s = recv(&a, name)?;
    let (start, end) = bounds(&a, 2)?;
    let test = |p: &str| if ends { str_ops::endswith(s, p, start, end) } else { str_ops::startswith(s, p, start, end) };
    let _ = vm;
    if let Some(t) = tuple::as_tuple(&a.pos[1]) {
        for p in t.items.iter() {
            if test(str_arg(p, "tuple for startswith must only contain str, not")?) {
                return Ok(bool_val(true));
            }
        }
        return Ok(bool_val(false));
    }
    match pystr::as_str(&a.pos[1]) {
        Some(p) => Ok(bool_val(test(p))),
        None => Err(type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            ops::type_name(&a.pos[1])
        ))),
    }
}

fn str_startswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_common(vm, args, kw, "startswith", false)
}

fn str_endswith(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_common(vm, args, kw, "endswith", true)
}

macro_rules! str_unary {
    ($($fname:ident: $name:literal => $f:expr;)*) => {
        $(
            fn $fname(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = Args::new($name, args, kw);
                a.no_kwargs()?;
                a.expect(1, 1)?;
                let s = recv(&a, $name)?;
                Ok(($f)(s))
            }
        )*
    };
}

str_unary! {
    str_upper: "upper" => |s: &str| new_s(str_ops::upper(s));
    str_lower: "lower" => |s: &str| new_s(str_ops::lower(s));
    str_capitalize: "capitalize" => |s: &str| new_s(str_ops::capitalize(s));
    str_title: "title" => |s: &str| new_s(str_ops::title(s));
    str_swapcase: "swapcase" => |s: &str| new_s(str_ops::swapcase(s));
    str_casefold: "casefold" => |s: &str| new_s(str_ops::casefold(s));
    str_isdigit: "isdigit" => |s: &str| bool_val(str_ops::isdigit(s));
    str_isalpha: "isalpha" => |s: &str| bool_val(str_ops::isalpha(s));
    str_isalnum: "isalnum" => |s: &str| bool_val(str_ops::isalnum(s));
    str_isspace: "isspace" => |s: &str| bool_val(str_ops::isspace(s));
    str_isupper: "isupper" => |s: &str| bool_val(str_ops::isupper(s));
    str_islower: "islower" => |s: &str| bool_val(str_ops::islower(s));
    str_isdecimal: "isdecimal" => |s: &str| bool_val(str_ops::isdecimal(s));
    str_isnumeric: "isnumeric" => |s: &str| bool_val(str_ops::isnumeric(s));
    str_isidentifier: "isidentifier" => |s: &str| bool_val(str_ops::isidentifier(s));
    str_istitle: "istitle" => |s: &str| bool_val(str_ops::istitle(s));
    str_isprintable: "isprintable" => |s: &str| bool_val(str_ops::isprintable(s));
    str_isascii: "isascii" => |s: &str| bool_val(str_ops::isascii(s));
}

fn affix_strip(args: &[Value], kw: &[Value], name: &'static str, suffix: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, name)?;
    let affix = str_arg(&a.pos[1], &format!("{name}() argument"))?;
    let rest = if suffix { s.strip_suffix(affix) } else { s.strip_prefix(affix) };
    Ok(match rest {
        Some(r) => pystr::new_str(r),
        None => pystr::new_str(s),
    })
}

fn str_removeprefix(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_strip(args, kw, "removeprefix", false)
}

fn str_removesuffix(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_strip(args, kw, "removesuffix", true)
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to replacements.
fn str_maketrans(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("maketrans", args, kw);
    a.no_kwargs()?;
    a.expect(1, 3)?;
    let table = dict::new_dict();
    let code = |c: char| int::from_i64(c as i64);
    if a.pos.len() == 1 {
        let Some(src) = dict::as_dict(&a.pos[0]) else {
            return Err(type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (k, v) in src.items() {
            let key = match pystr::as_str(&k) {
                Some(s) if s.chars().count() == 1 => code(s.chars().next().unwrap()),
                Some(_) => {
                    return Err(PyErr::new(exc().value_error, "string keys in translate table must be of length 1"))
                }
                None if int::is_int(&k) => k,
                None => return Err(type_error("keys in translate table must be strings or integers")),
            };
            ops::dict_set(vm, &table, key, v)?;
        }
        return Ok(table);
    }
    let x = str_arg(&a.pos[0], "maketrans() argument 1")?;
    let y = str_arg(&a.pos[1], "maketrans() argument 2")?;
    if x.chars().count() != y.chars().count() {
        return Err(PyErr::new(exc().value_error, "the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        ops::dict_set(vm, &table, code(cx), code(cy))?;
    }
    if let Some(z) = a.pos.get(2) {
        for c in str_arg(z, "maketrans() argument 3")?.chars() {
            ops::dict_set(vm, &table, code(c), none())?;
        }
    }
    Ok(table)
}

/// `s.translate(table)`: each character's code point looked up in `table`
/// (None deletes it, an int or str replaces it, LookupError keeps it).
fn str_translate(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("translate", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, "translate")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match ops::getitem(vm, &a.pos[1], &int::from_i64(c as i64)) {
            Ok(v) if is_none(&v) => {}
            Ok(v) => {
                if let Some(r) = pystr::as_str(&v) {
                    out.push_str(r);
                } else if let Some(n) = int::as_i64(&v) {
                    out.push(char::from_u32(n as u32).ok_or_else(|| {
                        PyErr::new(exc().value_error, "character mapping must be in range(0x110000)")
                    })?);
                } else {
                    return Err(type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.matches(exc().lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(new_s(out))
}

/// `range.index(v)`: the position of an int in the range (others are
/// searched by equality, as CPython does).
fn range_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("index", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let r = crate::objects::range::as_range(&a.pos[0]).ok_or_else(|| type_error("index() needs a range"))?;
    let v = &a.pos[1];
    if int::is_int(v) && ops::contains(vm, &a.pos[0], v)? {
        let off = crate::objects::int_ops::sub(&int::as_int(v).unwrap(), &r.start);
        return Ok(int::from_int(crate::objects::int_ops::floordiv(&off, &r.step).map_err(ops::num_err)?));
    }
    let it = ops::get_iter(vm, &a.pos[0])?;
    let mut i = 0i64;
    while let Some(x) = ops::next(vm, &it)? {
        if !int::is_int(v) && ops::eq(vm, &x, v)? {
            return Ok(int::from_i64(i));
        }
        i += 1;
    }
    Err(PyErr::new(exc().value_error, format!("{} is not in range", ops::repr(vm, v)?)))
}

fn range_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("count", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    Ok(int::from_i64(match range_index(vm, args, kw) {
        Ok(_) => 1,
        Err(e) if e.matches(exc().value_error) => 0,
        Err(e) => return Err(e),
    }))
}

/// `slice.indices(length)`: (start, stop, step) clipped to the length.
fn slice_indices(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("indices", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = crate::objects::slice::as_slice(&a.pos[0]).ok_or_else(|| type_error("indices() needs a slice"))?;
    let len = ops::index_value(&a.pos[1])?;
    if len < 0 {
        return Err(PyErr::new(exc().value_error, "length should not be negative"));
    }
    let (start, stop, step, _) = ops::slice_bounds(vm, s, len as usize)?;
    Ok(tuple::new_tuple(vec![int::from_i64(start), int::from_i64(stop), int::from_i64(step)]))
}

type PadFn = fn(&str, usize, char) -> String;

fn pad_common(args: &[Value], kw: &[Value], name: &'static str, f: PadFn) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    let s = recv(&a, name)?;
    let width = ops::index_value(&a.pos[1])?.max(0) as usize;
    let fill = match a.pos.get(2) {
        None => ' ',
        Some(v) => {
            let f = str_arg(v, &format!("{name}() argument 2"))?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return Err(type_error("The fill character must be exactly one character long")),
            }
        }
    };
    Ok(new_s(f(s, width, fill)))
}

fn str_center(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(args, kw, "center", str_ops::center)
}

fn str_ljust(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(args, kw, "ljust", str_ops::ljust)
}

fn str_rjust(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(args, kw, "rjust", str_ops::rjust)
}

fn str_zfill(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("zfill", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, "zfill")?;
    Ok(new_s(str_ops::zfill(s, ops::index_value(&a.pos[1])?.max(0) as usize)))
}

fn partition_common(args: &[Value], kw: &[Value], name: &'static str, right: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, name)?;
    let sep = str_arg(&a.pos[1], "must be str")?;
    if sep.is_empty() {
        return Err(PyErr::new(exc().value_error, "empty separator"));
    }
    let (x, y, z) = if right { str_ops::rpartition(s, sep) } else { str_ops::partition(s, sep) };
    Ok(tuple::new_tuple(vec![new_s(x.to_string()), new_s(y.to_string()), new_s(z.to_string())]))
}

fn str_partition(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_common(args, kw, "partition", false)
}

fn str_rpartition(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_common(args, kw, "rpartition", true)
}

fn str_expandtabs(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("expandtabs", args, kw);
    a.only_kwargs(&["tabsize"])?;
    let s = recv(&a, "expandtabs")?;
    let size = match a.get(1, "tabsize") {
        Some(v) => ops::index_value(v)?,
        None => 8,
    };
    Ok(new_s(str_ops::expandtabs(s, size)))
}

// ---------------------------------------------------------------- list

const LIST_METHODS: &[(&str, NativeFn)] = &[
    ("append", list_append),
    ("pop", list_pop),
    ("insert", list_insert),
    ("extend", list_extend),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("reverse", list_reverse),
    ("sort", list_sort),
    ("copy", list_copy),
    ("clear", list_clear),
];

fn recv_list<'a>(a: &'a Args, method: &str) -> PyResult<&'a list::ListObj> {
    a.pos
        .first()
        .and_then(list::as_list)
        .ok_or_else(|| type_error(format!("descriptor '{method}' for 'list' objects doesn't apply to this object")))
}

fn list_append(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("append", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    recv_list(&a, "append")?.push(a.pos[1].clone());
    Ok(none())
}

fn list_pop(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("pop", args, kw);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let l = recv_list(&a, "pop")?;
    let len = l.len() as i64;
    if len == 0 {
        return Err(PyErr::new(exc().index_error, "pop from empty list"));
    }
    let i = match a.pos.get(1) {
        Some(v) => ops::index_value(v)?,
        None => -1,
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(PyErr::new(exc().index_error, "pop index out of range"));
    }
    Ok(l.items().remove(i as usize))
}

fn list_insert(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("insert", args, kw);
    a.no_kwargs()?;
    a.expect(3, 3)?;
    let l = recv_list(&a, "insert")?;
    let len = l.len() as i64;
    let i = ops::index_value(&a.pos[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.items().insert(i as usize, a.pos[2].clone());
    Ok(none())
}

fn list_extend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("extend", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let l = recv_list(&a, "extend")?;
    let items = ops::iterate(vm, &a.pos[1])?;
    l.items().extend(items);
    Ok(none())
}

/// Position of the first item equal to `x`.
fn list_position(vm: &Vm, l: &list::ListObj, x: &Value) -> PyResult<Option<usize>> {
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if ops::eq(vm, &v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("remove", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let l = recv_list(&a, "remove")?;
    match list_position(vm, l, &a.pos[1])? {
        Some(i) => {
            let v = l.items().remove(i);
            drop(v);
            Ok(none())
        }
        None => Err(PyErr::new(exc().value_error, "list.remove(x): x not in list")),
    }
}

fn list_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("index", args, kw);
    a.no_kwargs()?;
    a.expect(2, 4)?;
    let l = recv_list(&a, "index")?;
    let len = l.len() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        let i = match v {
            Some(v) => ops::index_value(v)?,
            None => default,
        };
        Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
    };
    let (start, end) = (norm(a.pos.get(2), 0)?, norm(a.pos.get(3), len)?);
    let mut i = start;
    while i < end {
        match l.get(i as usize) {
            Some(v) if ops::eq(vm, &v, &a.pos[1])? => return Ok(int::from_i64(i)),
            Some(_) => i += 1,
            None => break,
        }
    }
    Err(PyErr::new(exc().value_error, format!("{} is not in list", ops::repr(vm, &a.pos[1])?)))
}

fn list_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("count", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let l = recv_list(&a, "count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if ops::eq(vm, &v, &a.pos[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::from_i64(n))
}

fn list_reverse(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("reverse", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    recv_list(&a, "reverse")?.items().reverse();
    Ok(none())
}

fn list_sort(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("sort", args, kw);
    a.only_kwargs(&["key", "reverse"])?;
    a.expect(1, 1)?;
    recv_list(&a, "sort")?;
    sort_list(vm, &a.pos[0], a.kw("key"), a.kw("reverse"))?;
    Ok(none())
}

/// Stable sort of a list in place (`list.sort`, `sorted`), with CPython's
/// guarantee that the list looks empty while it is being sorted.
pub fn sort_list(vm: &Vm, l: &Value, key: Option<&Value>, reverse: Option<&Value>) -> PyResult<()> {
    let lo = list::as_list(l).expect("a list");
    let reverse = match reverse {
        Some(r) => ops::truthy(vm, r)?,
        None => false,
    };
    let items = std::mem::take(lo.items());
    let key = key.filter(|k| !is_none(k));
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for it in items {
        let k = match key {
            Some(f) => match call(vm, f, std::slice::from_ref(&it), &[]) {
                Ok(k) => k,
                Err(e) => {
                    lo.replace_all(keyed.into_iter().map(|(_, v)| v).chain(std::iter::once(it)).collect());
                    return Err(e);
                }
            },
            None => it.clone(),
        };
        keyed.push((k, it));
    }
    if reverse {
        keyed.reverse();
    }
    let mut err: Option<PyErr> = None;
    let keyed = merge_sort(keyed, &mut |a, b| {
        // Python sorts with `<` only: is b < a?
        if err.is_some() {
            return false;
        }
        match ops::compare(vm, b, a, crate::bytecode::opcode::CompareOp::Lt).and_then(|r| ops::truthy(vm, &r)) {
            Ok(lt) => lt,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    });
    let mut keyed = keyed;
    if reverse {
        keyed.reverse();
    }
    let modified = !lo.is_empty();
    lo.replace_all(keyed.into_iter().map(|(_, v)| v).collect());
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        return Err(PyErr::new(exc().value_error, "list modified during sort"));
    }
    Ok(())
}

fn list_copy(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("copy", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(list::new_list(recv_list(&a, "copy")?.items().clone()))
}

fn list_clear(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("clear", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    recv_list(&a, "clear")?.replace_all(Vec::new());
    Ok(none())
}

// ---------------------------------------------------------------- tuple, int

const TUPLE_METHODS: &[(&str, NativeFn)] = &[("index", tuple_index), ("count", tuple_count)];

fn tuple_index(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("index", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    for (i, v) in tuple::items(&a.pos[0]).iter().enumerate() {
        if ops::eq(vm, v, &a.pos[1])? {
            return Ok(int::from_i64(i as i64));
        }
    }
    Err(PyErr::new(exc().value_error, "tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("count", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let mut n = 0;
    for v in tuple::items(&a.pos[0]) {
        if ops::eq(vm, v, &a.pos[1])? {
            n += 1;
        }
    }
    Ok(int::from_i64(n))
}

// ---------------------------------------------------------------- dict

const DICT_METHODS: &[(&str, NativeFn)] = &[
    ("get", dict_get),
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("pop", dict_pop),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
    ("popitem", dict_popitem),
];

/// `dict.fromkeys(iterable, value=None)`, for `dict` and its subclasses.
fn dict_fromkeys(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fromkeys", args, kw);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    let d = call(vm, &a.pos[0], &[], &[])?;
    let v = a.pos.get(2).cloned().unwrap_or_else(none);
    for k in ops::iterate(vm, &a.pos[1])? {
        ops::setitem(vm, &d, &k, v.clone())?;
    }
    Ok(d)
}

fn recv_dict<'a>(a: &'a Args, method: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(d) if dict::as_dict(d).is_some() => Ok(d),
        _ => Err(type_error(format!("descriptor '{method}' for 'dict' objects doesn't apply to this object"))),
    }
}

fn dict_get(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("get", args, kw);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    let d = recv_dict(&a, "get")?;
    Ok(ops::dict_get(vm, d, &a.pos[1])?.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or_else(none)))
}

fn view(args: &[Value], kw: &[Value], name: &'static str, part: DictPart) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(new_dict_view(recv_dict(&a, name)?.clone(), part))
}

fn dict_keys(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    view(args, kw, "keys", DictPart::Keys)
}

fn dict_values(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    view(args, kw, "values", DictPart::Values)
}

fn dict_items(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    view(args, kw, "items", DictPart::Items)
}

fn dict_pop(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("pop", args, kw);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    let d = recv_dict(&a, "pop")?;
    match ops::dict_del(vm, d, &a.pos[1])? {
        Some(v) => Ok(v),
        None => match a.pos.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::with_arg(exc().key_error, a.pos[1].clone())),
        },
    }
}

fn dict_setdefault(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("setdefault", args, kw);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    let d = recv_dict(&a, "setdefault")?;
    if let Some(v) = ops::dict_get(vm, d, &a.pos[1])? {
        return Ok(v);
    }
    let v = a.pos.get(2).cloned().unwrap_or_else(none);
    ops::dict_set(vm, d, a.pos[1].clone(), v.clone())?;
    Ok(v)
}

/// `d.update(src)`: from a dict, from any mapping (an object with
/// `keys()`: `src[k]` for each key, as CPython), or from an iterable of
/// pairs.
pub fn dict_update_from(vm: &Vm, d: &Value, src: &Value) -> PyResult<()> {
    if let Some(s) = dict::as_dict(src) {
        for (k, v) in s.items() {
            ops::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = crate::interp::attr::lookup(vm, src, &pystr::intern("keys"))? {
        let ks = ops::iterate(vm, &crate::interp::call::call(vm, &keys, &[], &[])?)?;
        for k in ks {
            let v = ops::getitem(vm, src, &k)?;
            ops::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = ops::get_iter(vm, src)?;
    let mut n = 0;
    while let Some(pair) = ops::next(vm, &it)? {
        let kv = ops::iterate(vm, &pair)
            .map_err(|_| type_error(format!("cannot convert dictionary update sequence element #{n} to a sequence")))?;
        if kv.len() != 2 {
            return Err(PyErr::new(
                exc().value_error,
                format!("dictionary update sequence element #{n} has length {}; 2 is required", kv.len()),
            ));
        }
        let mut kv = kv.into_iter();
        ops::dict_set(vm, d, kv.next().unwrap(), kv.next().unwrap())?;
        n += 1;
    }
    Ok(())
}

fn dict_update(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("update", args, kw);
    a.expect(1, 2)?;
    let d = recv_dict(&a, "update")?;
    if let Some(src) = a.pos.get(1) {
        dict_update_from(vm, d, src)?;
    }
    for (i, k) in kw.iter().enumerate() {
        ops::dict_set(vm, d, k.clone(), args[args.len() - kw.len() + i].clone())?;
    }
    Ok(none())
}

fn dict_copy(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("copy", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let src = dict::as_dict(recv_dict(&a, "copy")?).unwrap();
    let d = dict::new_dict();
    let dd = dict::as_dict(&d).unwrap();
    for (h, k, v) in src.items_with_hash() {
        let _ = dd.set(k, h, v, &mut dict::IdentityOrValue);
    }
    Ok(d)
}

fn dict_clear(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("clear", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    dict::as_dict(recv_dict(&a, "clear")?).unwrap().clear();
    Ok(none())
}

fn dict_popitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("popitem", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let d = recv_dict(&a, "popitem")?;
    let Some((k, v)) = dict::as_dict(d).unwrap().items().pop() else {
        return Err(PyErr::new(exc().key_error, "popitem(): dictionary is empty"));
    };
    ops::dict_del(vm, d, &k)?;
    Ok(tuple::new_tuple(vec![k, v]))
}

/// Stable merge sort driven by a fallible-in-spirit "is b before a"
/// predicate (`greater(a, b)` = b < a). Unlike `slice::sort_by` it cannot
/// panic when a Python `__lt__` is not a total order.
fn merge_sort<T>(mut v: Vec<(Value, T)>, greater: &mut dyn FnMut(&Value, &Value) -> bool) -> Vec<(Value, T)> {
    if v.len() <= 1 {
        return v;
    }
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(v, greater);
    let right = merge_sort(right, greater);
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        // Take from the right only when it is strictly smaller (stability).
        if greater(&a.0, &b.0) {
            out.push(r.next().unwrap());
        } else {
            out.push(l.next().unwrap());
        }
    }
    out.extend(l);
    out.extend(r);
    out
}

// ---------------------------------------------------------------- generator

const GEN_METHODS: &[(&str, NativeFn)] =
    &[("send", gen_send), ("throw", gen_throw), ("close", gen_close), ("__next__", gen_next), ("__iter__", gen_iter)];

fn recv_gen<'a>(a: &'a Args, method: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(g) if gen::as_gen(g).is_some() => Ok(g),
        _ => Err(type_error(format!("descriptor '{method}' requires a 'generator' object"))),
    }
}

/// A generator step as a method result: a yield is returned, a return
/// becomes StopIteration.
fn step_result(step: gen::GenStep) -> PyResult<Value> {
    match step {
        gen::GenStep::Yield(v) => Ok(v),
        gen::GenStep::Return(v) => Err(gen::stop_iteration(v)),
    }
}

fn gen_send(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("send", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    step_result(gen::resume(vm, recv_gen(&a, "send")?, a.pos[1].clone(), None)?)
}

fn gen_next(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__next__", args, kw);
    a.expect(1, 1)?;
    step_result(gen::resume(vm, recv_gen(&a, "__next__")?, none(), None)?)
}

fn gen_iter(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__iter__", args, kw);
    a.expect(1, 1)?;
    Ok(recv_gen(&a, "__iter__")?.clone())
}

fn gen_throw(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("throw", args, kw);
    a.no_kwargs()?;
    a.expect(2, 4)?;
    let g = recv_gen(&a, "throw")?;
    let e = &a.pos[1];
    let err = if crate::objects::typeobj::as_type(e).is_some() {
        let inst_args: Vec<Value> = a.pos.get(2).filter(|v| !is_none(v)).cloned().into_iter().collect();
        let inst = call(vm, e, &inst_args, &[])?;
        if crate::objects::exception::as_exception(&inst).is_none() {
            return Err(type_error("exceptions must be classes or instances deriving from BaseException, not type"));
        }
        PyErr(inst)
    } else if crate::objects::exception::as_exception(e).is_some() {
        PyErr(e.clone())
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            ops::type_name(e)
        )));
    };
    step_result(gen::throw(vm, g, err)?)
}

fn gen_close(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("close", args, kw);
    a.expect(1, 1)?;
    gen::close(vm, recv_gen(&a, "close")?)?;
    Ok(none())
}
