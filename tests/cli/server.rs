//! A tiny HTTP server on 127.0.0.1 for the tests of `update`: files with ETags and 304s,
//! any status, a socket that never answers, a redirect loop, and a body cut short. It
//! listens on a port the system picks and on no other address.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers at one path.
#[derive(Clone, Debug)]
pub enum Route {
    /// The bytes, with an ETag; `304` when the request names that ETag.
    File(Vec<u8>),
    /// This status and a short body.
    Status(u16),
    /// Accepts the connection and never answers.
    Hang,
    /// A redirect to the same path, forever.
    Loop,
    /// A `Content-Length` larger than the body, then the connection closes.
    Truncated(Vec<u8>),
}

/// The server; it stops with the test process.
pub struct Server {
    port: u16,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    log: Arc<Mutex<Vec<(String, u16)>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        let port = listener.local_addr().expect("an address").port();
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let log: Arc<Mutex<Vec<(String, u16)>>> = Arc::default();
        let (shared_routes, shared_log) = (routes.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (routes, log) = (shared_routes.clone(), shared_log.clone());
                std::thread::spawn(move || answer(stream, &routes, &log));
            }
        });
        Server { port, routes, log }
    }

    /// The address of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn set(&self, path: &str, route: Route) {
        self.routes.lock().expect("the routes").insert(path.to_owned(), route);
    }

    /// Serves every file of `directory` under `prefix` (`/course/`).
    pub fn serve(&self, directory: &Path, prefix: &str) {
        for entry in std::fs::read_dir(directory).expect("a directory") {
            let entry = entry.expect("an entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            self.set(&format!("{prefix}{name}"), Route::File(std::fs::read(entry.path()).expect("a file")));
        }
    }

    /// The paths asked for and the statuses answered, in order.
    pub fn log(&self) -> Vec<(String, u16)> {
        self.log.lock().expect("the log").clone()
    }
}

fn etag(bytes: &[u8]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("\"{:x}-{}\"", hasher.finish(), bytes.len())
}

fn answer(mut stream: TcpStream, routes: &Mutex<HashMap<String, Route>>, log: &Mutex<Vec<(String, u16)>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let Ok(clone) = stream.try_clone() else { return };
    let mut reader = BufReader::new(clone);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_owned());
        }
    }
    let route = routes.lock().expect("the routes").get(&path).cloned().unwrap_or(Route::Status(404));
    let (status, head, body): (u16, String, Vec<u8>) = match route {
        Route::File(bytes) if if_none_match.as_deref() == Some(etag(&bytes).as_str()) => {
            (304, format!("ETag: {}\r\n", etag(&bytes)), Vec::new())
        }
        Route::File(bytes) => (200, format!("ETag: {}\r\nContent-Length: {}\r\n", etag(&bytes), bytes.len()), bytes),
        Route::Status(status) => (status, "Content-Length: 5\r\n".to_owned(), b"oops\n".to_vec()),
        Route::Hang => {
            log.lock().expect("the log").push((path, 0));
            std::thread::sleep(Duration::from_secs(10));
            return;
        }
        Route::Loop => (302, format!("Location: {path}\r\nContent-Length: 0\r\n"), Vec::new()),
        Route::Truncated(bytes) => (200, format!("Content-Length: {}\r\n", bytes.len() + 100), bytes),
    };
    log.lock().expect("the log").push((path, status));
    let reason = match status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Whatever",
    };
    let _ = write!(stream, "HTTP/1.1 {status} {reason}\r\n{head}Connection: close\r\n\r\n");
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}
