//! Carrying out what the app asks of the world: opening links, marking, writing notes,
//! and noticing when another `roadmap` changed the progress file meanwhile.

use std::path::PathBuf;
use std::time::SystemTime;

use super::app::{App, Effect};
use super::place::{Marking, Undo};
use crate::context::Context;
use crate::draft::{self, Draft};
use crate::launch::{self, Started};
use crate::progress::Progress;
use crate::words::words;

/// The world the browser acts on, and what it is waiting for.
pub struct Effects<'a> {
    context: &'a Context,
    /// When and how big the progress file was when last read, to notice other writers.
    seen: Option<(SystemTime, u64)>,
    /// Openers started and not yet finished, with the URL each opens.
    browsers: Vec<(Started, String)>,
}

impl<'a> Effects<'a> {
    /// Effects on the catalog, progress file and programs of `context`.
    pub fn new(context: &'a Context) -> Effects<'a> {
        let mut effects = Effects { context, seen: None, browsers: Vec::new() };
        effects.seen = effects.stamp();
        effects
    }

    fn state(&self) -> Option<&PathBuf> {
        self.context.settings.state.as_ref()
    }

    fn stamp(&self) -> Option<(SystemTime, u64)> {
        let metadata = std::fs::metadata(self.state()?).ok()?;
        Some((metadata.modified().ok()?, metadata.len()))
    }

    /// Looks at the world between keys: reloads the progress when another program changed
    /// it, and reports browsers that failed. True when the screen needs drawing again.
    pub fn tick(&mut self, app: &mut App<'_>) -> bool {
        let mut changed = false;
        let stamp = self.stamp();
        if stamp != self.seen {
            self.seen = stamp;
            self.reload(app);
            changed = true;
        }
        let mut index = 0;
        while index < self.browsers.len() {
            match self.browsers[index].0.child.try_wait() {
                Ok(None) => index += 1,
                Ok(Some(status)) => {
                    let (started, url) = self.browsers.swap_remove(index);
                    if !status.success() {
                        let how = launch::describe_exit(status);
                        app.say(format!("error: {} {how} while opening {url}", started.name));
                        changed = true;
                    }
                }
                Err(error) => {
                    let (started, url) = self.browsers.swap_remove(index);
                    app.say(format!("error: cannot tell how {} opening {url} ended: {error}", started.name));
                    changed = true;
                }
            }
        }
        changed
    }

    /// Reads the progress file again (keeping what the app has when it cannot be read).
    fn reload(&mut self, app: &mut App<'_>) {
        let Ok(store) = self.context.store() else { return };
        match store.load() {
            Ok(progress) => {
                app.set_progress(progress);
                app.set_trouble(None);
            }
            Err(error) => app.set_trouble(Some(super::trouble_line(&format!("{error:#}"), self.context.settings.lang))),
        }
    }

    /// Carries out an effect that needs no terminal of its own.
    pub fn perform(&mut self, app: &mut App<'_>, effect: Effect) {
        let result = match effect {
            Effect::Open(url) => self.open(&url).map(|()| None),
            Effect::Mark(id, marking) => self.mark(&id, marking).map(|(progress, undo, said)| {
                app.set_progress(progress);
                app.marked(undo);
                Some(said)
            }),
            Effect::Undo(undo) => self.undo(&undo).map(|(progress, said)| {
                app.set_progress(progress);
                Some(said)
            }),
            Effect::Copy(text) => {
                crate::output::clipboard(&text).map(|()| None).map_err(|error| anyhow::anyhow!("cannot copy: {error}"))
            }
            Effect::EditNote(_) | Effect::Quit | Effect::Interrupt => Ok(None),
        };
        match result {
            Ok(Some(said)) => app.say(said),
            Ok(None) => {}
            Err(error) => app.say(format!("error: {error:#}")),
        }
    }

    /// Starts opening `url` without waiting for it; its failure is reported by [`Effects::tick`].
    fn open(&mut self, url: &str) -> anyhow::Result<()> {
        let started = launch::open_in_background(url, self.context.settings.browser.as_deref())?;
        self.browsers.push((started, url.to_owned()));
        Ok(())
    }

    /// Changes a paper's status from what the file says now (another program may have
    /// changed it), and returns the new progress, how to undo it and what to say.
    fn mark(&mut self, id: &str, marking: Marking) -> anyhow::Result<(Progress, Undo, String)> {
        let today = self.context.settings.today();
        let (status, before, progress) = self.context.store()?.update(|progress| {
            let before = progress.recorded_status(id);
            let status = match marking {
                Marking::Cycle => progress.status(id).cycled(),
                Marking::Set(status) => status,
            };
            progress.set_status(id, status, &today);
            Ok((status, before, progress.clone()))
        })?;
        self.seen = self.stamp();
        let words = words(self.context.settings.lang);
        Ok((progress, Undo { id: id.to_owned(), before }, (words.browse.marked)(id, (words.status)(status))))
    }

    /// Puts a status back as it was before the last mark.
    fn undo(&mut self, undo: &Undo) -> anyhow::Result<(Progress, String)> {
        let progress = self.context.store()?.update(|progress| {
            progress.restore_status(&undo.id, undo.before.clone());
            Ok(progress.clone())
        })?;
        self.seen = self.stamp();
        let words = words(self.context.settings.lang);
        let status = (words.status)(progress.status(&undo.id));
        Ok((progress, (words.browse.undone)(&undo.id, status)))
    }

    /// Lets the user write a note on `id` in their editor (the terminal must be theirs).
    pub fn compose_note(&self, id: &str) -> anyhow::Result<Draft> {
        let paper = self.context.catalog.paper(id).ok_or_else(|| anyhow::anyhow!("no paper '{id}'"))?;
        let editor = self.context.settings.editor.as_deref().ok_or_else(|| {
            anyhow::anyhow!("neither $VISUAL nor $EDITOR is set: set one, or use `roadmap note {id} TEXT`")
        })?;
        Draft::write(editor, paper, "")
    }

    /// Saves a note the editor gave back, or says why there is none (and where a note that
    /// could not be saved is kept).
    pub fn save_note(&mut self, app: &mut App<'_>, id: &str, written: anyhow::Result<Draft>) {
        let today = self.context.settings.today();
        let saved = written.and_then(|draft| {
            draft.save(|text| {
                let text = draft::checked(text)?;
                self.context.store()?.update(|progress| {
                    progress.add_note(id, &text, &today);
                    Ok(progress.clone())
                })
            })
        });
        match saved {
            Ok(progress) => {
                self.seen = self.stamp();
                app.set_progress(progress);
                app.say((app.words().browse.noted)(id));
            }
            Err(error) => app.say(format!("error: {error:#}")),
        }
    }
}
