//! `OSError`'s constructor and `str`: `OSError(errno, strerror[, filename])`
//! sets `errno`, `strerror` and `filename`, keeps `args == (errno,
//! strerror)`, and picks the subclass for the errno (`OSError(2, ...)` is a
//! FileNotFoundError), as CPython's `OSError_new` does.

use super::exception::{exc, new_exception, ExceptionObj};
use super::typeobj::TypePtr;
use super::value::Value;
use super::{dict, int, none, str as pystr, tuple};

/// The subclass CPython maps an errno to.
fn subclass_for(errno: i64) -> Option<TypePtr> {
    let e = exc();
    Some(match errno as i32 {
        libc::ENOENT => e.file_not_found_error,
        libc::EEXIST => e.file_exists_error,
        libc::EACCES | libc::EPERM => e.permission_error,
        libc::EISDIR => e.is_a_directory_error,
        libc::ENOTDIR => e.not_a_directory_error,
        libc::ETIMEDOUT => e.timeout_error,
        _ => return None,
    })
}

/// A new instance of `tp` (OSError or a subclass) from its call arguments.
pub fn new(tp: TypePtr, args: &[Value]) -> Value {
    let errno = args.first().filter(|_| (2..=5).contains(&args.len())).and_then(int::as_i64);
    let tp = match errno {
        Some(n) if tp == exc().os_error => subclass_for(n).unwrap_or(tp),
        _ => tp,
    };
    let kept = if errno.is_some() && args.len() >= 3 { &args[..2] } else { args };
    let e = new_exception(tp, tuple::new_tuple(kept.to_vec()));
    let d = dict::new_dict();
    let get = |i: usize| if errno.is_some() { args.get(i).cloned().unwrap_or_else(none) } else { none() };
    for (i, name) in ["errno", "strerror", "filename"].iter().enumerate() {
        dict::set_str(&d, pystr::intern(name), get(i));
    }
    let filename2 = if args.len() >= 5 { args[4].clone() } else { none() };
    dict::set_str(&d, pystr::intern("filename2"), filename2);
    *super::exception::as_exception(&e).expect("an exception").dict_slot() = d;
    e
}

/// `str(e)` for an OSError with errno and strerror set; None otherwise
/// (the generic exception str applies).
pub fn str_of<E>(e: &ExceptionObj, repr: impl Fn(&Value) -> Result<String, E>) -> Result<Option<String>, E> {
    let d = e.dict_slot();
    if d.is_null() {
        return Ok(None);
    }
    let get = |k: &str| dict::get_str(d, &pystr::intern(k)).filter(|v| !super::is_none(v));
    let (Some(errno), Some(strerror)) = (get("errno"), get("strerror")) else { return Ok(None) };
    let strerror = match pystr::as_str(&strerror) {
        Some(s) => s.to_string(),
        None => repr(&strerror)?,
    };
    Ok(Some(match get("filename") {
        Some(f) => format!("[Errno {}] {strerror}: {}", repr(&errno)?, repr(&f)?),
        None => format!("[Errno {}] {strerror}", repr(&errno)?),
    }))
}
