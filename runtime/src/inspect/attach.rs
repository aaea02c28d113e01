//! Attaching without a pre-started server: `pyfast-dbg attach PID` sends
//! SIGUSR1 (as Node.js does for its inspector); the handler only sets a
//! flag and the `INSPECT` bit, and the VM opens the endpoint at its next
//! safe point. With remote debugging disabled the signal is ignored, so
//! it cannot kill the process either.

use std::sync::atomic::{AtomicBool, Ordering};

/// The signal that asks a pyfast process to open its endpoint.
pub const ATTACH_SIGNAL: libc::c_int = libc::SIGUSR1;

static REQUESTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    REQUESTED.store(true, Ordering::SeqCst);
    crate::signals::raise(crate::vm::breaker::INSPECT);
}

/// Listen for the attach signal (after `signals::install` pointed the
/// signal handlers at the eval breaker).
pub fn install() {
    unsafe {
        libc::signal(ATTACH_SIGNAL, on_signal as *const () as libc::sighandler_t);
    }
}

/// Ignore the attach signal (remote debugging disabled).
pub fn ignore_signal() {
    unsafe {
        libc::signal(ATTACH_SIGNAL, libc::SIG_IGN);
    }
}

/// Consume a pending attach request.
pub fn take_request() -> bool {
    REQUESTED.swap(false, Ordering::SeqCst)
}
