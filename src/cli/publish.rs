//! The options of publishing and following catalogs: `pack`, `subscribe`, `unsubscribe`,
//! `subscriptions` and `update`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::render::ListFormat;

/// Publishing a catalog and following published ones.
#[derive(Debug, Subcommand)]
pub enum Publish {
    /// Publish catalog files into a directory with an index.json (checksums, version, changelog).
    ///
    /// The index gives the catalog's name, version and date, each file's SHA-256 and size,
    /// and what changed since the index already in the directory.
    #[command(
        after_help = "Upload DIR to any web server; readers follow it with `roadmap subscribe URL/index.json`.\n\n\
                      Examples:\n  roadmap pack cs599.yaml -o public/cs599\n  \
                      roadmap pack cs599.yaml cs599.zh.yaml -o public/cs599 --name \"CS 599 readings\"\n  \
                      roadmap pack cs599.yaml -o public/cs599 --sign ~/.minisign/minisign.key"
    )]
    Pack(PackOptions),
    /// Follow a published catalog by the address of its index.json (`update` fetches it).
    #[command(after_help = "Subscriptions load over the embedded catalog, in the order subscribed, under your own \
                      --catalog files. Nothing is fetched until `roadmap update`.\n\n\
                      Examples:\n  roadmap subscribe https://uni.example/cs599/index.json\n  \
                      roadmap subscribe https://uni.example/cs599/index.json --key RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3")]
    Subscribe {
        /// The address of the catalog's index.json (http or https).
        #[arg(value_name = "URL")]
        url: String,
        /// Pin the publisher's minisign public key (the `RW…` line, or a minisign.pub file):
        /// every update must then carry index.json.minisig signed with it.
        #[arg(long, value_name = "KEY")]
        key: Option<String>,
        /// The name to know it by [default: the directory of its index.json].
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Stop following a published catalog and remove its copy.
    #[command(
        after_help = "Examples:\n  roadmap unsubscribe cs599\n  roadmap unsubscribe https://uni.example/cs599/index.json"
    )]
    Unsubscribe {
        /// Its name (as `roadmap subscriptions` lists it) or address.
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// The catalogs you follow: name, version, last update, address.
    #[command(after_help = "Examples:\n  roadmap subscriptions\n  roadmap subscriptions --format json")]
    Subscriptions {
        /// Output format [default: table on a terminal, plain when piped].
        #[arg(long, short)]
        format: Option<ListFormat>,
    },
    /// Fetch every subscription (or the ones named) and swap in what verified.
    #[command(
        after_help = "Each index.json is asked for conditionally (ETag, If-Modified-Since); its files must match \
                      their SHA-256 (and its signature the pinned key), and the catalog must pass `roadmap check`, \
                      before the new copy replaces the old one. A failure keeps the copy you had.\n\n\
                      Examples:\n  roadmap update\n  roadmap update cs599\n  roadmap update && roadmap whatsnew"
    )]
    Update {
        /// Only these subscriptions (names or addresses).
        #[arg(value_name = "NAME")]
        names: Vec<String>,
    },
}

/// What `roadmap pack` publishes and where.
#[derive(Debug, Args)]
pub struct PackOptions {
    /// The catalog files, in load order (translations, `NAME.zh.yaml`, included).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The directory to publish into (created if need be; a previous index there is the
    /// version the changelog is measured against).
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
    /// The catalog's name [default: the previous index's, else the directory's name].
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Sign index.json with this minisign secret key (writes index.json.minisig).
    #[arg(long, value_name = "KEY")]
    pub sign: Option<PathBuf>,
}
