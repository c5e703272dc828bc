//! A stand-in for arXiv's API on 127.0.0.1: each connection gets the next canned reply (the
//! last one repeats), and every request is recorded with its User-Agent and when it came.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server answers.
#[derive(Clone)]
pub enum Reply {
    /// 200 with this body as an Atom feed.
    Atom(String),
    /// This status with a short HTML body.
    Status(u16),
    /// Reads the request and never answers.
    Silent,
    /// A redirect to itself, again and again.
    Loop,
    /// 200 announcing more bytes than it sends, then hangs up.
    Truncated(String),
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    /// The request line's target (`/api/query?id_list=…`).
    pub target: String,
    pub user_agent: String,
    pub at: Instant,
}

pub struct Server {
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Starts a server on a free port of 127.0.0.1 that answers with `replies` in turn.
    pub fn start(replies: Vec<Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free local port");
        let port = listener.local_addr().expect("an address").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for (count, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { continue };
                let reply = replies.get(count).or(replies.last()).cloned().expect("at least one reply");
                let log = Arc::clone(&log);
                std::thread::spawn(move || answer(stream, &reply, &log));
            }
        });
        Server { port, seen }
    }

    /// The API's address, for ROADMAP_ARXIV_API.
    pub fn api(&self) -> String {
        format!("http://127.0.0.1:{}/api/query", self.port)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("the log").clone()
    }
}

fn answer(mut stream: TcpStream, reply: &Reply, log: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("a second handle"));
    let mut request_line = String::new();
    let _ = reader.read_line(&mut request_line);
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("user-agent")
        {
            value.trim().clone_into(&mut user_agent);
        }
    }
    let target = request_line.split(' ').nth(1).unwrap_or_default().to_owned();
    log.lock().expect("the log").push(Seen { target, user_agent, at: Instant::now() });
    let head = |status: &str, length: usize, more: &str| {
        format!("HTTP/1.1 {status}\r\nContent-Length: {length}\r\nConnection: close\r\n{more}\r\n")
    };
    let response = match reply {
        Reply::Atom(body) => head("200 OK", body.len(), "Content-Type: application/atom+xml\r\n") + body,
        Reply::Status(code) => {
            let body = "<html><body>Sorry</body></html>";
            head(&format!("{code} Whatever"), body.len(), "Content-Type: text/html\r\n") + body
        }
        Reply::Silent => {
            std::thread::sleep(Duration::from_secs(30));
            return;
        }
        Reply::Loop => head("302 Found", 0, "Location: /api/query?id_list=again\r\n"),
        Reply::Truncated(body) => {
            head("200 OK", body.len() * 2, "Content-Type: application/atom+xml\r\n") + &body[..body.len() / 2]
        }
    };
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}

/// An answer in the shape arXiv's API user manual documents for `query?id_list=ID`.
pub fn feed(id: &str, title: &str, authors: &[&str], published: &str, summary: &str) -> String {
    let authors: String =
        authors.iter().map(|name| format!("    <author>\n      <name>{name}</name>\n    </author>\n")).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D{id}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list={id}&amp;start=0&amp;max_results=1</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <updated>2024-01-05T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
  <entry>
    <id>http://arxiv.org/abs/{id}v2</id>
    <updated>2024-01-02T18:00:00Z</updated>
    <published>{published}</published>
    <title>{title}</title>
    <summary>{summary}</summary>
{authors}    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">12 pages</arxiv:comment>
    <link href="http://arxiv.org/abs/{id}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/{id}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>
"#
    )
}

/// arXiv's answer for an id it does not know: a feed with no entry.
pub fn empty_feed() -> String {
    r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: search_query=&amp;id_list=2311.01234</title>
  <id>http://arxiv.org/api/Kq3GRwdSrbEVZjUBFI3ty7z9JCw</id>
  <updated>2024-01-05T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults>
</feed>
"#
    .to_owned()
}
