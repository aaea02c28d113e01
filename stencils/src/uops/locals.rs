//! Local variables and the value stack.

use super::{obj, Flow};
use crate::uop;
use crate::value::NULL;

uop! {
    /// Push local `oparg`. Deopts when it is unbound, so the interpreter
    /// raises UnboundLocalError with its message and traceback.
    _LOAD_FAST(0 -> 1) [OPARG | DEOPT] |cx, oparg, operand| {
        let w = *cx.local(oparg as usize);
        if w == NULL {
            return Flow::Deopt;
        }
        obj::incref(w);
        cx.push(w);
        Flow::Continue
    }
}

uop! {
    /// Pop into local `oparg`. The new value is in place before the old
    /// one is released, so a `__del__` run by that release sees it.
    _STORE_FAST(1 -> 0) [OPARG | ESCAPES] |cx, oparg, operand| {
        let v = cx.pop();
        let slot = cx.local(oparg as usize);
        let old = *slot;
        *slot = v;
        obj::decref(old);
        Flow::Continue
    }
}

uop! {
    /// Drop the top of the stack.
    _POP_TOP(1 -> 0) [ESCAPES] |cx, oparg, operand| {
        obj::decref(cx.pop());
        Flow::Continue
    }
}
