//! The browser's one keymap: which key does which [`Action`], row by row as the help screen
//! (`?`), the bottom line and the guide list them. The dispatcher ([`action`]) and the help
//! read this same table, so what is shown is what happens.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::progress::Status;
use crate::words::KeyHelp as Help;

/// What a key asks the browser to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Down,
    Up,
    First,
    Last,
    PageDown,
    PageUp,
    CardDown,
    CardUp,
    Search,
    Open,
    OpenPdf,
    Mark,
    /// Give the paper this status.
    SetStatus(Status),
    /// Put back the status the last mark changed.
    Undo,
    /// Which statuses the list shows: the next view.
    View,
    /// Copy the paper's id, then its link, then its BibTeX entry.
    Copy,
    /// Open the paper's code.
    Code,
    /// The list takes the card's room too, and back.
    Wide,
    Note,
    BuildsOn,
    BuiltUponBy,
    Back,
    Path,
    PickTrack,
    PickFamily,
    /// Enter: on a narrow screen, show the card.
    Enter,
    /// Esc: on a narrow screen showing the card, the list; else clear the search.
    Escape,
    Help,
    Quit,
    /// Ctrl-C: quit with the status of an interrupted program.
    Interrupt,
}

/// A row of the help screen, and what each of its keys does.
#[derive(Debug)]
pub struct Row {
    /// The keys as the help screen writes them (`j k ↓ ↑`).
    pub label: &'static str,
    /// What the row does, which the word table words in each language.
    pub help: Help,
    /// Each key of the row and its action (none for the mouse, which is not a key).
    pub keys: &'static [(KeyCode, KeyModifiers, Action)],
}

const NONE: KeyModifiers = KeyModifiers::NONE;

/// Every key of the list and card, in the order the help screen lists them.
pub const KEYMAP: &[Row] = &[
    Row {
        label: "j k ↓ ↑",
        help: Help::Move,
        keys: &[
            (KeyCode::Char('j'), NONE, Action::Down),
            (KeyCode::Char('k'), NONE, Action::Up),
            (KeyCode::Down, NONE, Action::Down),
            (KeyCode::Up, NONE, Action::Up),
        ],
    },
    Row {
        label: "g G",
        help: Help::FirstLast,
        keys: &[
            (KeyCode::Char('g'), NONE, Action::First),
            (KeyCode::Char('G'), NONE, Action::Last),
            (KeyCode::Home, NONE, Action::First),
            (KeyCode::End, NONE, Action::Last),
        ],
    },
    Row {
        label: "PgDn PgUp",
        help: Help::Page,
        keys: &[(KeyCode::PageDown, NONE, Action::PageDown), (KeyCode::PageUp, NONE, Action::PageUp)],
    },
    Row {
        label: "J K",
        help: Help::ScrollCard,
        keys: &[(KeyCode::Char('J'), NONE, Action::CardDown), (KeyCode::Char('K'), NONE, Action::CardUp)],
    },
    Row { label: "/", help: Help::Search, keys: &[(KeyCode::Char('/'), NONE, Action::Search)] },
    Row {
        label: "o p c",
        help: Help::Open,
        keys: &[
            (KeyCode::Char('o'), NONE, Action::Open),
            (KeyCode::Char('p'), NONE, Action::OpenPdf),
            (KeyCode::Char('c'), NONE, Action::Code),
        ],
    },
    Row { label: "y", help: Help::Copy, keys: &[(KeyCode::Char('y'), NONE, Action::Copy)] },
    Row { label: "m", help: Help::Mark, keys: &[(KeyCode::Char('m'), NONE, Action::Mark)] },
    Row {
        label: "1 2 3 4 u",
        help: Help::SetStatus,
        keys: &[
            (KeyCode::Char('1'), NONE, Action::SetStatus(Status::Unread)),
            (KeyCode::Char('2'), NONE, Action::SetStatus(Status::Reading)),
            (KeyCode::Char('3'), NONE, Action::SetStatus(Status::Read)),
            (KeyCode::Char('4'), NONE, Action::SetStatus(Status::Skipped)),
            (KeyCode::Char('u'), NONE, Action::Undo),
        ],
    },
    Row { label: "s", help: Help::View, keys: &[(KeyCode::Char('s'), NONE, Action::View)] },
    Row { label: "n", help: Help::Note, keys: &[(KeyCode::Char('n'), NONE, Action::Note)] },
    Row {
        label: "b a",
        help: Help::Lineage,
        keys: &[(KeyCode::Char('b'), NONE, Action::BuildsOn), (KeyCode::Char('a'), NONE, Action::BuiltUponBy)],
    },
    Row { label: "Backspace", help: Help::Back, keys: &[(KeyCode::Backspace, NONE, Action::Back)] },
    Row { label: "P", help: Help::Path, keys: &[(KeyCode::Char('P'), NONE, Action::Path)] },
    Row {
        label: "t f",
        help: Help::TrackFamily,
        keys: &[(KeyCode::Char('t'), NONE, Action::PickTrack), (KeyCode::Char('f'), NONE, Action::PickFamily)],
    },
    Row {
        label: "Enter Esc",
        help: Help::NarrowScreens,
        keys: &[(KeyCode::Enter, NONE, Action::Enter), (KeyCode::Esc, NONE, Action::Escape)],
    },
    Row { label: "z", help: Help::Wide, keys: &[(KeyCode::Char('z'), NONE, Action::Wide)] },
    Row { label: "mouse", help: Help::Mouse, keys: &[] },
    Row { label: "?", help: Help::Keys, keys: &[(KeyCode::Char('?'), NONE, Action::Help)] },
    Row {
        label: "q Ctrl-C",
        help: Help::Quit,
        keys: &[
            (KeyCode::Char('q'), NONE, Action::Quit),
            (KeyCode::Char('c'), KeyModifiers::CONTROL, Action::Interrupt),
        ],
    },
];

/// The action a key asks for in the list and card, if any. Shift only makes capitals, so it
/// is not compared; Control is.
pub fn action(key: KeyEvent) -> Option<Action> {
    let control = key.modifiers & KeyModifiers::CONTROL;
    KEYMAP
        .iter()
        .flat_map(|row| row.keys)
        .find(|(code, modifiers, _)| *code == key.code && *modifiers == control)
        .map(|(_, _, action)| *action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_a_row_is_written_in_its_label() {
        for row in KEYMAP {
            for (code, modifiers, _) in row.keys {
                let written = match code {
                    KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                        format!("Ctrl-{}", c.to_uppercase())
                    }
                    KeyCode::Char(c) => c.to_string(),
                    KeyCode::Down => "↓".to_owned(),
                    KeyCode::Up => "↑".to_owned(),
                    KeyCode::PageDown => "PgDn".to_owned(),
                    KeyCode::PageUp => "PgUp".to_owned(),
                    KeyCode::Home | KeyCode::End => continue,
                    other => format!("{other}"),
                };
                assert!(row.label.split(' ').any(|key| key == written), "{written} is not in '{}'", row.label);
            }
        }
    }

    #[test]
    fn no_key_means_two_things() {
        let keys: Vec<_> =
            KEYMAP.iter().flat_map(|row| row.keys).map(|(code, modifiers, _)| (*code, *modifiers)).collect();
        for (index, key) in keys.iter().enumerate() {
            assert!(!keys[index + 1..].contains(key), "{key:?} is bound twice");
        }
    }

    #[test]
    fn the_dispatcher_reads_the_table() {
        for row in KEYMAP {
            for &(code, modifiers, expected) in row.keys {
                assert_eq!(action(KeyEvent::new(code, modifiers)), Some(expected), "{code:?}");
            }
        }
        assert_eq!(action(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Last));
        assert_eq!(action(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }
}
