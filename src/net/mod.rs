//! The one HTTP client: a ureq agent with roadmap's User-Agent, a timeout, a cap on
//! redirects and bounded bodies, and its failures in a reader's words. Only `update` (and
//! `add`) reach the network, and only through here.

use std::io::Read;
use std::time::Duration;

/// How the client behaves: handed down from the settings, so nothing here reads the environment.
#[derive(Clone, Debug)]
pub struct NetOptions {
    /// The longest one request may take, connecting and reading the body included.
    pub timeout: Duration,
    /// Whether to go through the proxy the environment names (`HTTPS_PROXY`, `NO_PROXY`…).
    pub proxy_from_environment: bool,
}

/// The most a request may take by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// The most redirects followed before a chain of them counts as a loop.
pub const MAX_REDIRECTS: u32 = 5;

impl Default for NetOptions {
    fn default() -> NetOptions {
        NetOptions { timeout: DEFAULT_TIMEOUT, proxy_from_environment: false }
    }
}

/// What the last copy said of itself, for a conditional request.
#[derive(Clone, Debug, Default)]
pub struct Validators {
    /// The `ETag` it came with.
    pub etag: Option<String>,
    /// Its `Last-Modified` date, as the server wrote it.
    pub last_modified: Option<String>,
}

/// What a GET brought.
#[derive(Debug)]
pub enum Fetched {
    /// `304 Not Modified`: the copy is current.
    NotModified,
    /// The body, whole, with the validators to send next time.
    Body { bytes: Vec<u8>, validators: Validators },
}

/// Why a request failed, in words that name what to do.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    #[error("'{0}' is not an http(s) address")]
    NotHttp(String),
    #[error("the server answered {status} {reason}")]
    Status { status: u16, reason: String },
    #[error("no answer within {0} s")]
    Timeout(f64),
    #[error("more than {MAX_REDIRECTS} redirects (a redirect loop?)")]
    Redirects,
    #[error("the download stopped before its end (the connection closed after {0} bytes)")]
    Truncated(u64),
    #[error("the answer is larger than the {0} MiB allowed")]
    TooLarge(u64),
    #[error("{0}")]
    Other(String),
}

/// The HTTP client.
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
}

/// What a download has received so far, for a progress bar: (bytes, total when known).
pub type Progress<'a> = &'a mut dyn FnMut(u64, Option<u64>);

impl Client {
    /// A client with `options`.
    pub fn new(options: &NetOptions) -> Client {
        // Note: ureq reads the proxy variables itself; the settings decide whether it may.
        let proxy = if options.proxy_from_environment { ureq::Proxy::try_from_env() } else { None };
        let config = ureq::Agent::config_builder()
            .user_agent(concat!("roadmap/", env!("CARGO_PKG_VERSION")))
            .timeout_global(Some(options.timeout))
            .max_redirects(MAX_REDIRECTS)
            .http_status_as_error(false)
            .proxy(proxy)
            .build();
        Client { agent: config.into(), timeout: options.timeout }
    }

    /// GETs `url` (refused unless http or https), asking only for a newer copy than
    /// `validators` describe; the body is read whole, at most `limit` bytes.
    pub fn get(
        &self,
        url: &str,
        validators: &Validators,
        limit: u64,
        progress: Progress<'_>,
    ) -> Result<Fetched, NetError> {
        check_http(url)?;
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|error| self.describe(error))?;
        let status = response.status();
        if status == ureq::http::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("").to_owned();
            return Err(NetError::Status { status: status.as_u16(), reason });
        }
        let header = |name: &str| response.headers().get(name).and_then(|value| value.to_str().ok()).map(str::to_owned);
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let total = header("content-length").and_then(|length| length.trim().parse::<u64>().ok());
        if total.is_some_and(|total| total > limit) {
            return Err(NetError::TooLarge(limit / (1024 * 1024)));
        }
        let mut reader = response.body_mut().with_config().limit(limit.saturating_add(1)).reader();
        let mut bytes = Vec::with_capacity(usize::try_from(total.unwrap_or(0).min(limit)).unwrap_or(0));
        let mut buffer = [0_u8; 1 << 14];
        loop {
            let read = match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(error) => return Err(self.describe_read(&error, bytes.len() as u64)),
            };
            bytes.extend_from_slice(&buffer[..read]);
            if bytes.len() as u64 > limit {
                return Err(NetError::TooLarge(limit / (1024 * 1024)));
            }
            progress(bytes.len() as u64, total);
        }
        if total.is_some_and(|total| total != bytes.len() as u64) {
            return Err(NetError::Truncated(bytes.len() as u64));
        }
        Ok(Fetched::Body { bytes, validators })
    }

    fn describe(&self, error: ureq::Error) -> NetError {
        match error {
            ureq::Error::Timeout(_) => NetError::Timeout(self.timeout.as_secs_f64()),
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => NetError::Redirects,
            ureq::Error::StatusCode(status) => NetError::Status { status, reason: String::new() },
            ureq::Error::BodyExceedsLimit(limit) => NetError::TooLarge(limit / (1024 * 1024)),
            ureq::Error::Io(error) => NetError::Other(crate::catalog::read::describe_io(&error)),
            ureq::Error::HostNotFound => NetError::Other("the host was not found".to_owned()),
            ureq::Error::ConnectionFailed => NetError::Other("the connection failed".to_owned()),
            other => NetError::Other(other.to_string()),
        }
    }

    /// A failure while the body streams in: a timeout, a cut connection, or too much.
    fn describe_read(&self, error: &std::io::Error, received: u64) -> NetError {
        let inner = error.get_ref().and_then(|inner| inner.downcast_ref::<ureq::Error>());
        match inner {
            Some(ureq::Error::Timeout(_)) => NetError::Timeout(self.timeout.as_secs_f64()),
            Some(ureq::Error::BodyExceedsLimit(limit)) => NetError::TooLarge(limit / (1024 * 1024)),
            _ if error.kind() == std::io::ErrorKind::TimedOut => NetError::Timeout(self.timeout.as_secs_f64()),
            _ => NetError::Truncated(received),
        }
    }
}

/// Refuses anything but `http://` and `https://` addresses.
pub fn check_http(url: &str) -> Result<(), NetError> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !url.chars().any(char::is_whitespace) => Ok(()),
        _ => Err(NetError::NotHttp(crate::text::sanitize(url).into_owned())),
    }
}

/// The address of `path` beside `url` (an index's sibling file): `url` up to its last `/`.
pub fn sibling(url: &str, path: &str) -> String {
    let base = url.split(['?', '#']).next().unwrap_or(url);
    let directory = base.rfind('/').map_or(base, |slash| &base[..=slash]);
    format!("{directory}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_are_accepted() {
        assert!(check_http("https://example.org/course/index.json").is_ok());
        assert!(check_http("HTTP://127.0.0.1:8000/index.json").is_ok());
        for refused in
            ["file:///etc/passwd", "ftp://example.org/x", "https://", "http:///x", "example.org", "http://a b"]
        {
            assert!(matches!(check_http(refused), Err(NetError::NotHttp(_))), "{refused}");
        }
    }

    #[test]
    fn siblings_sit_beside_the_index() {
        assert_eq!(sibling("https://h/c/index.json", "c.yaml"), "https://h/c/c.yaml");
        assert_eq!(sibling("https://h/c/index.json?x=1", "c.yaml"), "https://h/c/c.yaml");
    }
}
