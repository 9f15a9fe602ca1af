//! The host services the VM needs, implemented with the Rust standard library: console I/O,
//! files, clocks and process exit.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, Read, Seek, SeekFrom, Write};

/// Console, files and clocks for a VM running as a host process.
pub struct StdHost {
    files: HashMap<u32, File>,
    next: u32,
    stdout: std::io::BufWriter<std::io::Stdout>,
    start: std::time::Instant,
}

impl StdHost {
    /// A host with no open files.
    pub fn new() -> StdHost {
        StdHost {
            files: HashMap::new(),
            next: 3,
            stdout: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            start: std::time::Instant::now(),
        }
    }
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(5)
}

impl vm::Host for StdHost {
    fn write(&mut self, fd: i32, data: &[u8]) {
        if fd == 2 {
            let _ = self.stdout.flush();
            let _ = std::io::stderr().write_all(data);
        } else {
            let _ = self.stdout.write_all(data);
        }
    }

    fn flush(&mut self) {
        let _ = self.stdout.flush();
    }

    fn read_line(&mut self) -> Option<String> {
        let _ = self.stdout.flush();
        let mut s = String::new();
        match std::io::stdin().lock().read_line(&mut s) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(s),
        }
    }

    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }

    fn is_dir(&mut self, path: &str) -> bool {
        std::path::Path::new(path).is_dir()
    }

    fn time(&mut self) -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64())
    }

    fn monotonic_ns(&mut self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    fn sleep_ns(&mut self, ns: u64) {
        let _ = self.stdout.flush();
        std::thread::sleep(std::time::Duration::from_nanos(ns));
    }

    fn open(&mut self, path: &str, mode: &str) -> Result<u32, i32> {
        let mut o = OpenOptions::new();
        if mode.contains('r') {
            o.read(true);
        }
        if mode.contains('w') {
            o.write(true).create(true).truncate(true);
        }
        if mode.contains('a') {
            o.append(true).create(true);
        }
        if mode.contains('x') {
            o.write(true).create_new(true);
        }
        if mode.contains('+') {
            o.read(true).write(true);
        }
        if std::path::Path::new(path).is_dir() {
            return Err(21);
        }
        let mut f = o.open(path).map_err(|e| errno_of(&e))?;
        if mode.contains('a') {
            // Appending starts at the end: tell() says so before the first write, as in C.
            f.seek(SeekFrom::End(0)).map_err(|e| errno_of(&e))?;
        }
        let h = self.next;
        self.next += 1;
        self.files.insert(h, f);
        Ok(h)
    }

    fn read(&mut self, handle: u32, n: Option<usize>) -> Result<Vec<u8>, i32> {
        let f = self.files.get_mut(&handle).ok_or(9)?;
        let mut buf = Vec::new();
        match n {
            Some(n) => {
                buf.resize(n, 0);
                let got = f.read(&mut buf).map_err(|e| errno_of(&e))?;
                buf.truncate(got);
            }
            None => {
                f.read_to_end(&mut buf).map_err(|e| errno_of(&e))?;
            }
        }
        Ok(buf)
    }

    fn write_handle(&mut self, handle: u32, data: &[u8]) -> Result<usize, i32> {
        let f = self.files.get_mut(&handle).ok_or(9)?;
        f.write_all(data).map_err(|e| errno_of(&e))?;
        Ok(data.len())
    }

    fn close(&mut self, handle: u32) {
        self.files.remove(&handle);
    }

    fn fs(&mut self, op: vm::FsOp<'_>) -> Result<vm::FsReply, i32> {
        use std::os::unix::fs::MetadataExt;
        use vm::{FsOp, FsReply};
        let err = |e: std::io::Error| errno_of(&e);
        Ok(match op {
            FsOp::ListDir(path) => {
                let mut names = Vec::new();
                for entry in std::fs::read_dir(path).map_err(err)? {
                    names.push(
                        entry
                            .map_err(err)?
                            .file_name()
                            .to_string_lossy()
                            .into_owned(),
                    );
                }
                FsReply::Names(names)
            }
            FsOp::MakeDir(path) => {
                std::fs::create_dir(path).map_err(err)?;
                FsReply::Done
            }
            FsOp::RemoveDir(path) => {
                std::fs::remove_dir(path).map_err(err)?;
                FsReply::Done
            }
            FsOp::Remove(path) => {
                std::fs::remove_file(path).map_err(err)?;
                FsReply::Done
            }
            FsOp::Rename(from, to) => {
                std::fs::rename(from, to).map_err(err)?;
                FsReply::Done
            }
            FsOp::Stat(path) => {
                let m = std::fs::metadata(path).map_err(err)?;
                FsReply::Stat([
                    i64::from(m.mode()),
                    m.ino() as i64,
                    m.dev() as i64,
                    m.nlink() as i64,
                    i64::from(m.uid()),
                    i64::from(m.gid()),
                    m.size() as i64,
                    m.atime(),
                    m.mtime(),
                    m.ctime(),
                ])
            }
            FsOp::GetCwd => {
                let cwd = std::env::current_dir().map_err(err)?;
                FsReply::Path(cwd.to_string_lossy().into_owned())
            }
            FsOp::ChangeDir(path) => {
                std::env::set_current_dir(path).map_err(err)?;
                FsReply::Done
            }
        })
    }

    fn seek(&mut self, handle: u32, offset: i64, whence: i32) -> Result<u64, i32> {
        let f = self.files.get_mut(&handle).ok_or(9)?;
        let from = match whence {
            0 => SeekFrom::Start(u64::try_from(offset).map_err(|_| 22)?),
            1 => SeekFrom::Current(offset),
            2 => SeekFrom::End(offset),
            _ => return Err(22),
        };
        f.seek(from).map_err(|e| errno_of(&e))
    }

    fn exit(&mut self, code: i32) -> ! {
        let _ = self.stdout.flush();
        std::process::exit(code)
    }
}
