//! Minisign signatures over `index.json`: `pack --sign` makes one with the publisher's
//! secret key, `update` verifies it against the key pinned by `subscribe --key`.
//!
//! Note: the publisher signs with the `minisign` crate (the minisign tool's own format, so
//! `minisign -Vm index.json -P KEY` verifies it too); the reader's side needs only the
//! smaller `minisign-verify`.

use std::path::Path;

use crate::catalog::read;

/// The most a key or signature file may hold.
const KEY_LIMIT: u64 = 64 * 1024;

/// The signature's file name beside the index, as the minisign tool names it.
pub const SIGNATURE_NAME: &str = "index.json.minisig";

/// A public key from the command line: the base64 line minisign prints (`RW…`) or the path
/// of a `minisign.pub` file; returned as the base64 line to pin.
pub fn public_key(given: &str) -> Result<String, String> {
    let shown = crate::text::sanitize(given).into_owned();
    let line = if minisign_verify::PublicKey::from_base64(given.trim()).is_ok() {
        given.trim().to_owned()
    } else if Path::new(given).exists() {
        let bytes =
            read::read(Path::new(given), KEY_LIMIT).map_err(|error| format!("the key file '{shown}' {error}"))?;
        let text = String::from_utf8_lossy(&bytes);
        let key = minisign_verify::PublicKey::decode(&text)
            .map_err(|_| format!("'{shown}' is not a minisign public key file (minisign.pub)"))?;
        drop(key);
        text.lines().nth(1).unwrap_or_default().trim().to_owned()
    } else {
        return Err(format!("'{shown}' is neither a minisign public key (RW…) nor a file holding one"));
    };
    Ok(line)
}

/// Checks that `signature` (a `.minisig` file's text) signs `index` with the pinned `key`.
pub fn verify(key: &str, index: &[u8], signature: &[u8]) -> Result<(), String> {
    let key = minisign_verify::PublicKey::from_base64(key)
        .map_err(|_| "the pinned key is not a minisign public key".to_owned())?;
    let text = std::str::from_utf8(signature).map_err(|_| "the signature is not a minisign signature".to_owned())?;
    let signature =
        minisign_verify::Signature::decode(text).map_err(|_| "the signature is not a minisign signature".to_owned())?;
    key.verify(index, &signature, false).map_err(|error| match error {
        minisign_verify::Error::UnexpectedKeyId => {
            "the signature was made with another key than the pinned one".to_owned()
        }
        _ => "the signature does not verify with the pinned key".to_owned(),
    })
}

/// Signs `index` with the minisign secret key in the file `key_path`; a password-protected
/// key asks for its password on the terminal (`password` reads it), or fails without one.
pub fn sign(
    key_path: &Path,
    index: &[u8],
    trusted_comment: &str,
    password: Option<&dyn Fn() -> std::io::Result<String>>,
) -> Result<String, String> {
    let shown = crate::text::sanitize(&key_path.to_string_lossy()).into_owned();
    let bytes = read::read(key_path, KEY_LIMIT).map_err(|error| format!("the key file '{shown}' {error}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("'{shown}' is not a minisign secret key"))?;
    let not_a_key = || format!("'{shown}' is not a minisign secret key (minisign.key)");
    let secret = match minisign::SecretKeyBox::from_string(&text)
        .and_then(minisign::SecretKeyBox::into_unencrypted_secret_key)
    {
        Ok(secret) => secret,
        Err(_) if text.lines().count() < 2 => return Err(not_a_key()),
        Err(_) => {
            let Some(password) = password else {
                return Err(format!(
                    "the key '{shown}' is password-protected: run `roadmap pack` on a terminal to type its password"
                ));
            };
            let password = password().map_err(|error| format!("cannot read the key's password: {error}"))?;
            minisign::SecretKeyBox::from_string(&text).and_then(|boxed| boxed.into_secret_key(Some(password))).map_err(
                |error| match error.kind() {
                    minisign::ErrorKind::Verify => format!("wrong password for the key '{shown}'"),
                    _ => not_a_key(),
                },
            )?
        }
    };
    let signature = minisign::sign(None, &secret, index, Some(trusted_comment), Some("signature from roadmap pack"))
        .map_err(|error| format!("cannot sign with '{shown}': {error}"))?;
    Ok(signature.into_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_with_its_key_and_no_other() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("a key pair");
        let other = minisign::KeyPair::generate_unencrypted_keypair().expect("a key pair");
        let key_path = directory.path().join("minisign.key");
        std::fs::write(&key_path, pair.sk.to_box(None).expect("a box").into_string()).expect("written");
        let signature = sign(&key_path, b"{}", "roadmap test", None).expect("signed");
        let public = public_key(&pair.pk.to_base64()).expect("a key");
        assert_eq!(verify(&public, b"{}", signature.as_bytes()), Ok(()));
        assert!(verify(&public, b"{ }", signature.as_bytes()).is_err(), "other bytes");
        let stranger = other.pk.to_base64();
        assert!(verify(&stranger, b"{}", signature.as_bytes()).is_err_and(|error| error.contains("another key")));
        assert!(public_key("RWQnot-a-key").is_err());
    }
}
