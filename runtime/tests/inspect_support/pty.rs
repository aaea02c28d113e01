//! A program on a pseudo-terminal, driven as a user at a terminal would:
//! keys are written to the master side, the screen is read from it. The
//! child is a session leader with the pty as its controlling terminal, so
//! a Ctrl-C written there is SIGINT to the terminal's foreground process
//! group, as at a real terminal. Cursor-position queries (`ESC [ 6 n`,
//! which rustyline sends before a prompt) are answered as a terminal does.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    child: Child,
    master: std::fs::File,
    screen: Arc<Mutex<Vec<u8>>>,
    /// Bytes of `screen` already matched by `expect`.
    seen: usize,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Pty {
    pub fn spawn(mut cmd: Command) -> Pty {
        let (mut master, mut slave) = (-1, -1);
        let size = libc::winsize { ws_row: 24, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0 };
        let r = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null_mut(), &size) };
        assert_eq!(r, 0, "openpty: {}", std::io::Error::last_os_error());
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
        drop(cmd); // closes our copies of the slave side
        let master = std::fs::File::from(master);
        let screen = Arc::new(Mutex::new(Vec::new()));
        let reader = {
            let mut input = master.try_clone().unwrap();
            let mut answer = master.try_clone().unwrap();
            let screen = screen.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let mut answered = 0;
                // EIO once the child side is gone.
                while let Ok(n) = input.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let mut s = screen.lock().unwrap();
                    s.extend_from_slice(&buf[..n]);
                    let queries = s.windows(4).filter(|w| w == b"\x1b[6n").count();
                    while answered < queries {
                        let _ = answer.write_all(b"\x1b[1;1R");
                        answered += 1;
                    }
                }
            })
        };
        Pty { child, master, screen, seen: 0, reader: Some(reader) }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Everything shown so far, as text.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// Type `keys`.
    pub fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// Wait until `text` appears after what earlier calls matched; what
    /// came before it (from the last match on) is returned.
    pub fn expect(&mut self, text: &str, timeout: Duration) -> String {
        let start = Instant::now();
        loop {
            {
                let s = self.screen.lock().unwrap();
                if let Some(i) = s[self.seen..].windows(text.len()).position(|w| w == text.as_bytes()) {
                    let before = String::from_utf8_lossy(&s[self.seen..self.seen + i]).into_owned();
                    self.seen += i + text.len();
                    return before;
                }
            }
            if start.elapsed() > timeout {
                let s = self.screen();
                panic!("no {text:?} on the terminal after {timeout:?}; the screen since the last match:\n{}", {
                    let b = s.as_bytes();
                    String::from_utf8_lossy(&b[self.seen.min(b.len())..])
                });
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Wait for the child to end; None if it had to be killed at the deadline.
    pub fn wait(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                return Some(st);
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader ends with EIO once no process holds the slave side; a
        // grandchild still holding it would keep it blocked: not joined.
        drop(self.reader.take());
    }
}
