//! JIT memory: a chunked allocator whose pages are never writable and
//! executable at once.
//!
//! Chunks are mapped read+write and carved into page-granular regions. A
//! region is written while it is read+write, then flipped to read+execute
//! once ([`Writable::finish`]); when its executor is dropped it goes back to
//! read+write (so a stale jump into it faults) and to the chunk's free
//! list. Regions never share a page, so making one executable never makes
//! another's code writable. A chunk with nothing in it is unmapped, except
//! the last one, kept for the next trace.
//!
//! New chunks are asked for near the runtime's code: there, calls from
//! stencils to runtime helpers fit a 32-bit displacement and need no
//! veneer. The kernel may place them elsewhere; that only costs a veneer.

use std::sync::{Arc, Mutex, OnceLock};

use super::JitError;

/// Usual chunk size; a larger region gets a chunk of its own size.
pub const CHUNK_BYTES: usize = 256 << 10;

fn page_size() -> usize {
    static PAGE: OnceLock<usize> = OnceLock::new();
    *PAGE.get_or_init(|| unsafe { libc::sysconf(libc::_SC_PAGESIZE) as usize })
}

struct Chunk {
    base: usize,
    len: usize,
    /// Free ranges `(offset, len)`, sorted by offset, never adjacent.
    free: Vec<(usize, usize)>,
}

impl Chunk {
    fn take(&mut self, len: usize) -> Option<usize> {
        let i = self.free.iter().position(|&(_, n)| n >= len)?;
        let (off, n) = self.free[i];
        if n == len {
            self.free.remove(i);
        } else {
            self.free[i] = (off + len, n - len);
        }
        Some(self.base + off)
    }

    fn give_back(&mut self, addr: usize, len: usize) {
        let off = addr - self.base;
        let i = self.free.partition_point(|&(o, _)| o < off);
        self.free.insert(i, (off, len));
        if i + 1 < self.free.len() && self.free[i].0 + self.free[i].1 == self.free[i + 1].0 {
            self.free[i].1 += self.free[i + 1].1;
            self.free.remove(i + 1);
        }
        if i > 0 && self.free[i - 1].0 + self.free[i - 1].1 == self.free[i].0 {
            self.free[i - 1].1 += self.free[i].1;
            self.free.remove(i);
        }
    }

    fn is_empty(&self) -> bool {
        self.free.len() == 1 && self.free[0] == (0, self.len)
    }

    fn contains(&self, addr: usize) -> bool {
        (self.base..self.base + self.len).contains(&addr)
    }
}

#[derive(Default)]
struct Chunks {
    chunks: Vec<Chunk>,
    /// Ask for chunks near the runtime's code.
    near_runtime: bool,
}

/// An allocator of executable memory. Cloning shares it.
#[derive(Clone)]
pub struct JitMemory {
    inner: Arc<Mutex<Chunks>>,
}

/// What a [`JitMemory`] holds now.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MemoryStats {
    pub chunks: usize,
    pub mapped_bytes: usize,
    pub used_bytes: usize,
}

impl JitMemory {
    /// An allocator whose chunks go near the runtime's code when the kernel
    /// allows (helper calls then need no veneer).
    pub fn new() -> JitMemory {
        JitMemory { inner: Arc::new(Mutex::new(Chunks { chunks: Vec::new(), near_runtime: true })) }
    }

    /// An allocator whose chunks go wherever the kernel puts them.
    pub fn anywhere() -> JitMemory {
        JitMemory { inner: Arc::new(Mutex::new(Chunks::default())) }
    }

    /// The process's allocator.
    pub fn global() -> &'static JitMemory {
        static GLOBAL: OnceLock<JitMemory> = OnceLock::new();
        GLOBAL.get_or_init(JitMemory::new)
    }

    pub fn stats(&self) -> MemoryStats {
        let c = self.inner.lock().unwrap();
        let mapped: usize = c.chunks.iter().map(|k| k.len).sum();
        let free: usize = c.chunks.iter().flat_map(|k| k.free.iter().map(|f| f.1)).sum();
        MemoryStats { chunks: c.chunks.len(), mapped_bytes: mapped, used_bytes: mapped - free }
    }

    /// A zeroed, writable (not executable) region of at least `len` bytes.
    pub fn alloc(&self, len: usize) -> Result<Writable, JitError> {
        let page = page_size();
        let len = len.max(1).next_multiple_of(page);
        let mut c = self.inner.lock().unwrap();
        let mut addr = c.chunks.iter_mut().find_map(|k| k.take(len));
        if addr.is_none() {
            let size = len.max(CHUNK_BYTES).next_multiple_of(page);
            let hint = if c.near_runtime { near_runtime_hint(&c.chunks, size) } else { 0 };
            let base = unsafe {
                libc::mmap(
                    hint as *mut libc::c_void,
                    size,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if base == libc::MAP_FAILED {
                return Err(JitError::Memory(std::io::Error::last_os_error()));
            }
            c.chunks.push(Chunk { base: base as usize, len: size, free: vec![(0, size)] });
            addr = c.chunks.last_mut().unwrap().take(len);
        }
        let addr = addr.expect("a fresh chunk fits the region");
        // Reused pages hold an old trace's bytes.
        unsafe { std::ptr::write_bytes(addr as *mut u8, 0, len) };
        Ok(Writable { region: Region { mem: self.clone(), addr, len } })
    }
}

impl Default for JitMemory {
    fn default() -> Self {
        JitMemory::new()
    }
}

/// An address for the kernel to use if it is free: right under the lowest
/// chunk, or a little below the runtime's code for the first one.
fn near_runtime_hint(chunks: &[Chunk], size: usize) -> usize {
    let text = near_runtime_hint as *const () as usize & !(CHUNK_BYTES - 1);
    let lowest = chunks.iter().map(|k| k.base).min().unwrap_or(text.saturating_sub(64 << 20));
    lowest.saturating_sub(size)
}

/// Memory being written: read+write, not executable.
pub struct Writable {
    region: Region,
}

impl Writable {
    pub fn addr(&self) -> usize {
        self.region.addr
    }

    pub fn bytes(&mut self) -> &mut [u8] {
        unsafe { std::slice::from_raw_parts_mut(self.region.addr as *mut u8, self.region.len) }
    }

    /// Make it read+execute (and no longer writable).
    pub fn finish(self) -> Result<Region, JitError> {
        let r = &self.region;
        if unsafe { libc::mprotect(r.addr as *mut libc::c_void, r.len, libc::PROT_READ | libc::PROT_EXEC) } != 0 {
            return Err(JitError::Memory(std::io::Error::last_os_error()));
        }
        Ok(self.region)
    }
}

/// Executable memory holding one trace; freed when dropped.
pub struct Region {
    mem: JitMemory,
    addr: usize,
    len: usize,
}

impl Region {
    pub fn addr(&self) -> usize {
        self.addr
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn bytes(&self) -> &[u8] {
        unsafe { std::slice::from_raw_parts(self.addr as *const u8, self.len) }
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        let mut c = self.mem.inner.lock().unwrap();
        // Not executable again before it is reused (or unmapped).
        unsafe { libc::mprotect(self.addr as *mut libc::c_void, self.len, libc::PROT_READ | libc::PROT_WRITE) };
        let i = c.chunks.iter().position(|k| k.contains(self.addr)).expect("the region's chunk is mapped");
        c.chunks[i].give_back(self.addr, self.len);
        let spare = c.chunks.iter().filter(|k| k.is_empty()).count();
        if c.chunks[i].is_empty() && spare > 1 {
            let k = c.chunks.remove(i);
            unsafe { libc::munmap(k.base as *mut libc::c_void, k.len) };
        }
    }
}

// A region's memory belongs to it alone; the chunk list is behind a mutex.
unsafe impl Send for Region {}
unsafe impl Sync for Region {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The protection of the page holding `addr`, from /proc/self/maps.
    fn protection(addr: usize) -> String {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        for line in maps.lines() {
            let (range, rest) = line.split_once(' ').unwrap();
            let (lo, hi) = range.split_once('-').unwrap();
            let (lo, hi) = (usize::from_str_radix(lo, 16).unwrap(), usize::from_str_radix(hi, 16).unwrap());
            if (lo..hi).contains(&addr) {
                return rest[..4].to_string();
            }
        }
        panic!("{addr:#x} is not mapped")
    }

    #[test]
    fn regions_are_writable_then_executable_never_both() {
        let mem = JitMemory::anywhere();
        let mut w = mem.alloc(100).unwrap();
        w.bytes()[0] = 0xc3;
        assert_eq!(protection(w.addr()), "rw-p");
        let r = w.finish().unwrap();
        assert_eq!(protection(r.addr()), "r-xp");
        assert_eq!(r.bytes()[0], 0xc3);
        let addr = r.addr();
        drop(r);
        assert_eq!(protection(addr), "rw-p", "freed code is no longer executable");
    }

    #[test]
    fn regions_share_chunks_and_empty_chunks_are_unmapped() {
        let mem = JitMemory::anywhere();
        let page = page_size();
        let regions: Vec<Region> =
            (0..2 * CHUNK_BYTES / page).map(|_| mem.alloc(1).unwrap().finish().unwrap()).collect();
        let s = mem.stats();
        assert_eq!(s.chunks, 2, "one mapping per chunk, not per region");
        assert_eq!(s.used_bytes, 2 * CHUNK_BYTES);
        drop(regions);
        let s = mem.stats();
        assert_eq!((s.chunks, s.used_bytes), (1, 0), "all freed; one empty chunk kept for reuse");
        // Freed pages are reused, coalesced into one range.
        let big = mem.alloc(CHUNK_BYTES).unwrap();
        assert_eq!(mem.stats().chunks, 1);
        drop(big);
    }

    #[test]
    fn a_region_larger_than_a_chunk_gets_its_own() {
        let mem = JitMemory::anywhere();
        let r = mem.alloc(3 * CHUNK_BYTES + 5).unwrap();
        assert!(r.region.len >= 3 * CHUNK_BYTES + 5);
        assert_eq!(mem.stats().chunks, 1);
    }
}
