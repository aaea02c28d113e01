//! Ctrl-C while the program runs pauses it. rustyline owns SIGINT for as
//! long as its editor lives (its handler only wakes rustyline's own
//! reads), so while the debugger waits for the program it installs this
//! handler, which wakes the wait through a pipe, and puts the previous
//! one back afterwards.

use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::atomic::{AtomicI32, Ordering};

use tokio::io::AsyncReadExt;
use tokio::net::unix::pipe;

/// The write end of the pipe (-1: none).
static WAKE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_sigint(_: libc::c_int) {
    let fd = WAKE.load(Ordering::Relaxed);
    if fd >= 0 {
        // Async-signal-safe; a full pipe already holds a wake-up.
        unsafe { libc::write(fd, b"!".as_ptr().cast(), 1) };
    }
}

pub struct Interrupts {
    rx: pipe::Receiver,
    _tx: OwnedFd,
}

/// SIGINT goes to [`Interrupts`] until this is dropped.
pub struct Catching {
    old: libc::sigaction,
}

impl Drop for Catching {
    fn drop(&mut self) {
        unsafe { libc::sigaction(libc::SIGINT, &self.old, std::ptr::null_mut()) };
    }
}

impl Interrupts {
    /// Must run inside the tokio runtime that awaits [`Interrupts::recv`].
    pub fn new() -> std::io::Result<Interrupts> {
        let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_NONBLOCK | nix::fcntl::OFlag::O_CLOEXEC)?;
        WAKE.store(w.as_raw_fd(), Ordering::Relaxed);
        Ok(Interrupts { rx: pipe::Receiver::from_owned_fd(r)?, _tx: w })
    }

    /// Route SIGINT here, forgetting Ctrl-Cs from before.
    pub fn catch(&mut self) -> Catching {
        let mut buf = [0u8; 64];
        while self.rx.try_read(&mut buf).is_ok_and(|n| n > 0) {}
        let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_sigint as *const () as usize;
            sa.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(libc::SIGINT, &sa, &mut old);
        }
        Catching { old }
    }

    /// The next Ctrl-C (while catching).
    pub async fn recv(&mut self) {
        let mut b = [0u8; 1];
        let _ = self.rx.read(&mut b).await;
    }
}
