//! Writers take turns. Every write transaction of a claimtrack process first takes the writer
//! lock of the database: an advisory lock on a file beside it (`<db>-lock`, kept like the
//! `-wal` and `-shm` files). A writer that finds the lock taken waits for it, however long,
//! instead of failing after SQLite's busy timeout; the lock is released by the kernel when a
//! process dies, so a crashed writer never blocks the others.
//!
//! Fairness: the pipeline releases the lock between batches and asks for it again at once, so
//! a plain lock would let it win every time. A second lock, the *gate*, makes writers alternate:
//! a writer takes the gate, then the lock, then lets the gate go. A waiting writer holds the
//! gate, so the one that just committed queues behind it.
//!
//! Within one process: each writing `Store` opens the lock file itself, and open-file-description
//! locks conflict between descriptions, not between processes, so two writing stores in one
//! process take turns like two processes, thread by thread. What cannot work is one thread
//! waiting for a turn that the same thread holds through another store (a batch left open on
//! the first while it writes through the second): it would wait forever, since the turn can only
//! end when that thread goes on. Such a write is refused at once ([`Refused`]): the process keeps
//! a list of the turns it holds and the thread that took each.
//!
//! Linux: both are open-file-description locks on two bytes of the one file (`F_OFD_SETLKW`).
//! Other Unix systems: `flock` on the file (no gate: writers may not alternate). Elsewhere no
//! lock is taken and SQLite's busy timeout is the only wait.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::thread::ThreadId;

/// The lock file of the database at `db`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-lock");
    PathBuf::from(name)
}

/// The open lock file of one database.
pub(super) struct Turns {
    file: File,
    /// The database's path, for messages.
    pub(super) db: String,
    /// Which file it is (device and inode), to find this process's turns on it.
    id: FileId,
}

/// One turn: the writer lock, held until dropped.
pub(super) struct Turn {
    file: File,
    id: FileId,
}

/// The turns this process holds: which lock file, and the thread that took the turn.
static HELD: Mutex<Vec<(FileId, ThreadId)>> = Mutex::new(Vec::new());

fn held() -> std::sync::MutexGuard<'static, Vec<(FileId, ThreadId)>> {
    // The list is only pushed to and removed from; a panic elsewhere cannot leave it half done.
    HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A write refused because this thread already holds the turn through another store.
#[derive(Debug)]
pub(super) struct Refused;

impl Drop for Turn {
    fn drop(&mut self) {
        let mut held = held();
        if let Some(i) = held.iter().position(|(id, _)| *id == self.id) {
            held.swap_remove(i);
        }
        // Unlocked with the list held, so a new holder's entry always comes after this removal.
        sys::unlock(&self.file, sys::MAIN);
    }
}

impl Turns {
    /// Opens (creating it if needed) the lock file beside `db`. `None` when it cannot be
    /// opened (a read-only directory): then no lock is taken.
    pub(super) fn open(db: &Path) -> Option<Turns> {
        if !sys::SUPPORTED {
            return None;
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path(db))
            .ok()?;
        let id = sys::file_id(&file).ok()?;
        Some(Turns {
            file,
            db: super::schema::path_string(db),
            id,
        })
    }

    /// Takes the writer lock, waiting as long as it takes; `on_wait` is called (once) before
    /// waiting when another writer holds it. `Ok(None)` if the lock could not be taken (an I/O
    /// error): the write goes on, guarded by SQLite's busy timeout alone. `Err(Refused)`, without
    /// waiting, when this thread holds the turn through another store: waiting would never end.
    pub(super) fn take(&self, on_wait: &mut dyn FnMut()) -> Result<Option<Turn>, Refused> {
        let me = std::thread::current().id();
        if held().iter().any(|&(id, thread)| id == self.id && thread == me) {
            return Err(Refused);
        }
        Ok(self.wait_for_turn(on_wait))
    }

    fn wait_for_turn(&self, on_wait: &mut dyn FnMut()) -> Option<Turn> {
        let file = self.file.try_clone().ok()?;
        let mut waited = false;
        let mut wait = |lock: i32| -> bool {
            match sys::try_lock(&file, lock) {
                Ok(true) => true,
                Ok(false) => {
                    if !waited {
                        waited = true;
                        on_wait();
                    }
                    sys::lock(&file, lock).is_ok()
                }
                Err(_) => false,
            }
        };
        if sys::GATE != sys::MAIN && !wait(sys::GATE) {
            return None;
        }
        let taken = wait(sys::MAIN);
        if sys::GATE != sys::MAIN {
            sys::unlock(&file, sys::GATE);
        }
        if !taken {
            return None;
        }
        held().push((self.id, std::thread::current().id()));
        Some(Turn { file, id: self.id })
    }
}

/// A lock file's device and inode number.
type FileId = (u64, u64);

#[cfg(target_os = "linux")]
mod sys {
    use std::fs::File;
    use std::io;
    use std::os::unix::io::AsRawFd;

    pub const SUPPORTED: bool = true;
    /// The byte locked for the writer lock, and the byte locked for the gate.
    pub const MAIN: i32 = 0;
    pub const GATE: i32 = 1;

    fn fcntl(file: &File, cmd: libc::c_int, kind: libc::c_int, byte: i32) -> io::Result<()> {
        // SAFETY: a zeroed flock is a valid value of this plain C struct; fcntl reads it.
        let mut fl: libc::flock = unsafe { std::mem::zeroed() };
        fl.l_type = kind as libc::c_short;
        fl.l_whence = libc::SEEK_SET as libc::c_short;
        fl.l_start = byte.into();
        fl.l_len = 1;
        loop {
            // SAFETY: the descriptor is open for the life of `file`; `fl` outlives the call.
            let r = unsafe { libc::fcntl(file.as_raw_fd(), cmd, &mut fl) };
            if r == 0 {
                return Ok(());
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }

    /// `Ok(false)` when another holds it.
    pub fn try_lock(file: &File, byte: i32) -> io::Result<bool> {
        match fcntl(file, libc::F_OFD_SETLK, libc::F_WRLCK, byte) {
            Ok(()) => Ok(true),
            Err(e) if matches!(e.raw_os_error(), Some(libc::EAGAIN) | Some(libc::EACCES)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub fn lock(file: &File, byte: i32) -> io::Result<()> {
        fcntl(file, libc::F_OFD_SETLKW, libc::F_WRLCK, byte)
    }

    pub fn unlock(file: &File, byte: i32) {
        let _ = fcntl(file, libc::F_OFD_SETLK, libc::F_UNLCK, byte);
    }

    pub fn file_id(file: &File) -> io::Result<super::FileId> {
        use std::os::unix::fs::MetadataExt;
        let m = file.metadata()?;
        Ok((m.dev(), m.ino()))
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
mod sys {
    use std::fs::File;
    use std::io;
    use std::os::unix::io::AsRawFd;

    pub const SUPPORTED: bool = true;
    pub const MAIN: i32 = 0;
    /// No gate: the same lock.
    pub const GATE: i32 = 0;

    fn flock(file: &File, op: libc::c_int) -> io::Result<()> {
        loop {
            // SAFETY: the descriptor is open for the life of `file`.
            if unsafe { libc::flock(file.as_raw_fd(), op) } == 0 {
                return Ok(());
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }

    pub fn try_lock(file: &File, _: i32) -> io::Result<bool> {
        match flock(file, libc::LOCK_EX | libc::LOCK_NB) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub fn lock(file: &File, _: i32) -> io::Result<()> {
        flock(file, libc::LOCK_EX)
    }

    pub fn unlock(file: &File, _: i32) {
        let _ = flock(file, libc::LOCK_UN);
    }

    pub fn file_id(file: &File) -> io::Result<super::FileId> {
        use std::os::unix::fs::MetadataExt;
        let m = file.metadata()?;
        Ok((m.dev(), m.ino()))
    }
}

#[cfg(not(unix))]
mod sys {
    use std::fs::File;
    use std::io;

    pub const SUPPORTED: bool = false;
    pub const MAIN: i32 = 0;
    pub const GATE: i32 = 0;

    pub fn try_lock(_: &File, _: i32) -> io::Result<bool> {
        Ok(true)
    }

    pub fn lock(_: &File, _: i32) -> io::Result<()> {
        Ok(())
    }

    pub fn unlock(_: &File, _: i32) {}

    pub fn file_id(_: &File) -> io::Result<super::FileId> {
        Ok((0, 0))
    }
}
