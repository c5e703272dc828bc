//! What the browser shows and where it is, as plain data: the status view, the place it
//! opens on (and the filters a jump clears), and a mark to put back. Everything else in the
//! browser builds on these; they build on nothing of it.

use serde::{Deserialize, Serialize};

use crate::progress::Status;

/// The browser's first state, every name resolved to its catalog id; also what the state
/// file keeps of where it was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Opening {
    pub track: Option<String>,
    pub family: Option<String>,
    /// The search, as typed after `/`.
    pub query: String,
    /// The paper to select.
    pub paper: Option<String>,
    /// Which statuses the list shows.
    pub view: View,
}

/// Which papers the list shows by their status; `s` steps through them in this order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    All,
    Unread,
    Reading,
    /// What to read now, as `roadmap next` ranks it (on a track: the track's next steps).
    Next,
    Read,
    Skipped,
}

impl View {
    const ORDER: [View; 6] = [View::All, View::Unread, View::Reading, View::Next, View::Read, View::Skipped];

    /// Where the view comes in `s`'s order (and in the word table's list of views).
    pub fn index(self) -> usize {
        View::ORDER.iter().position(|&view| view == self).expect("ORDER holds every view")
    }

    /// The view after this one.
    pub fn cycled(self) -> View {
        View::ORDER[(self.index() + 1) % View::ORDER.len()]
    }
}

/// How a mark changes a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marking {
    /// One step along unread → reading → read → skipped → unread (`m`).
    Cycle,
    Set(Status),
}

/// A status as it was before a mark, to put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    pub id: String,
    /// The status and its date as recorded (none: the paper had no entry).
    pub before: Option<(Status, Option<String>)>,
}
