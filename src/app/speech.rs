//! The language the widget speaks, as one state: the reader's (or the URL's) choice, the language
//! spoken, whether Spanish is being fetched, and why it could not be. Spanish is spoken only once
//! its messages are here; a fetch that ends after the reader chose again is dropped.

use crate::config::Notice;
use crate::messages::Lang;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct Speech {
    /// The language the URL or the reader named (`None`: the browser's), written into links.
    pub choice: Option<Lang>,
    /// The language spoken; `None` while the Spanish asked for at the start is fetched.
    pub speaking: Option<Lang>,
    /// Whether the language chosen is being fetched.
    pub pending: bool,
    /// Why Spanish could not be loaded, if it could not.
    pub notices: Vec<Notice>,
    /// The choice before the one being fetched, restored if the fetch fails.
    choice_before: Option<Lang>,
}

pub enum SpeechAction {
    /// The reader chose `lang`; `ready`: its messages are here (English always is).
    Choose { lang: Lang, ready: bool },
    /// The Spanish messages arrived (`Ok`) or could not be read (why, in words).
    SpanishFetched(Result<(), String>),
}

impl Speech {
    /// At the start: `choice` from the URL, `wanted` the language to speak (the choice, else the
    /// browser's), `ready` whether its messages are here. Not ready means a fetch must start.
    pub fn start(choice: Option<Lang>, wanted: Lang, ready: bool) -> Speech {
        Speech {
            choice,
            speaking: (wanted == Lang::En || ready).then_some(wanted),
            pending: false,
            notices: Vec::new(),
            choice_before: choice,
        }
    }
}

impl Reducible for Speech {
    type Action = SpeechAction;

    fn reduce(self: Rc<Self>, action: SpeechAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SpeechAction::Choose { lang, ready } => {
                if !self.pending {
                    next.choice_before = self.choice;
                }
                next.choice = Some(lang);
                next.pending = !(lang == Lang::En || ready);
                if !next.pending {
                    next.speaking = Some(lang);
                }
            }
            SpeechAction::SpanishFetched(result) => {
                let at_start = self.speaking.is_none();
                // A later choice of English overtook this fetch: nothing to do.
                if !at_start && !self.pending {
                    return self;
                }
                match result {
                    Ok(()) => next.speaking = Some(Lang::Es),
                    Err(reason) => {
                        next.notices = vec![Notice::SpanishUnavailable(reason)];
                        if at_start {
                            next.speaking = Some(Lang::En);
                        } else {
                            next.choice = self.choice_before;
                        }
                    }
                }
                next.pending = false;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(start: Speech, actions: impl IntoIterator<Item = SpeechAction>) -> Speech {
        let mut speech = Rc::new(start);
        for action in actions {
            speech = speech.reduce(action);
        }
        (*speech).clone()
    }

    #[test]
    fn english_is_spoken_at_once_and_spanish_once_fetched() {
        let english = Speech::start(None, Lang::En, false);
        assert_eq!(english.speaking, Some(Lang::En));
        let spanish = Speech::start(Some(Lang::Es), Lang::Es, false);
        assert_eq!(spanish.speaking, None);
        let fetched = after(spanish, [SpeechAction::SpanishFetched(Ok(()))]);
        assert_eq!(fetched.speaking, Some(Lang::Es));
        assert_eq!(fetched.choice, Some(Lang::Es));
        assert!(fetched.notices.is_empty());
    }

    #[test]
    fn spanish_that_cannot_be_read_at_the_start_gives_english_and_says_why() {
        let failed = after(
            Speech::start(None, Lang::Es, false),
            [SpeechAction::SpanishFetched(Err("offline".into()))],
        );
        assert_eq!(failed.speaking, Some(Lang::En));
        assert_eq!(
            failed.notices,
            vec![Notice::SpanishUnavailable("offline".into())]
        );
    }

    #[test]
    fn a_choice_waits_for_its_messages_and_a_failure_restores_the_choice_before() {
        let start = Speech::start(None, Lang::En, false);
        let choosing = after(
            start.clone(),
            [SpeechAction::Choose {
                lang: Lang::Es,
                ready: false,
            }],
        );
        assert!(choosing.pending);
        assert_eq!(choosing.speaking, Some(Lang::En));
        assert_eq!(choosing.choice, Some(Lang::Es));
        let failed = after(
            choosing,
            [SpeechAction::SpanishFetched(Err("offline".into()))],
        );
        assert!(!failed.pending);
        assert_eq!(failed.speaking, Some(Lang::En));
        assert_eq!(failed.choice, None);
        assert_eq!(failed.notices.len(), 1);
    }

    #[test]
    fn english_chosen_while_spanish_is_fetched_wins() {
        let speech = after(
            Speech::start(Some(Lang::En), Lang::En, false),
            [
                SpeechAction::Choose {
                    lang: Lang::Es,
                    ready: false,
                },
                SpeechAction::Choose {
                    lang: Lang::En,
                    ready: true,
                },
                SpeechAction::SpanishFetched(Ok(())),
            ],
        );
        assert_eq!(speech.speaking, Some(Lang::En));
        assert_eq!(speech.choice, Some(Lang::En));
        assert!(!speech.pending);
    }

    #[test]
    fn spanish_already_here_is_spoken_at_once() {
        let speech = after(
            Speech::start(None, Lang::En, false),
            [SpeechAction::Choose {
                lang: Lang::Es,
                ready: true,
            }],
        );
        assert_eq!(speech.speaking, Some(Lang::Es));
        assert!(!speech.pending);
    }
}
