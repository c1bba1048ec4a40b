//! The parallel, order-keeping loop: one reader thread pushes records,
//! `threads` workers analyse them, and the caller's thread hands outcomes to
//! the sink in input order.
//!
//! Memory is bounded by a window of records in flight (read but not yet
//! handed to the sink): the reader takes a permit per record and the sink
//! returns it, so one slow page cannot make the reorder buffer grow.

use std::collections::BTreeMap;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};

use super::{analyze_record, Outcome, Record, Settings};

/// Returned by a sink to stop the batch early (the output was closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop;

/// Analyses the records that `read` pushes, on `threads` threads, and calls
/// `sink` with each outcome in the order the records were pushed.
///
/// `read` gets an `emit` function; `emit` returns false once the batch is
/// stopping, and the reader should then return. Packs and the model are
/// shared by all threads through `settings`, loaded once by the caller.
pub fn run<R, S>(read: R, settings: &Settings, threads: usize, mut sink: S) -> Result<(), Stop>
where
    R: FnOnce(&mut dyn FnMut(Record) -> bool) + Send,
    S: FnMut(Outcome) -> Result<(), Stop>,
{
    let threads = threads.max(1);
    // Enough records in flight to keep every thread busy while one page is slow.
    let window = threads * 16;
    let (permit_tx, permit_rx) = sync_channel::<()>(window);
    let (work_tx, work_rx) = sync_channel::<(u64, Record)>(threads * 2);
    let (done_tx, done_rx) = sync_channel::<(u64, Outcome)>(window);
    // Shared by the workers only: once they have all stopped, the reader's
    // sends fail and it stops too.
    let work_rx = Arc::new(Mutex::new(work_rx));
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut next = 0u64;
            let mut emit = |record: Record| {
                if permit_tx.send(()).is_err() || work_tx.send((next, record)).is_err() {
                    return false;
                }
                next += 1;
                true
            };
            read(&mut emit);
            // Dropping work_tx here ends the workers' loops.
        });
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let work_rx = Arc::clone(&work_rx);
            scope.spawn(move || {
                while let Some((seq, record)) = next_work(&work_rx) {
                    if done_tx
                        .send((seq, analyze_record(record, settings)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        drop(work_rx);
        let result = hand_over_in_order(&done_rx, &permit_rx, &mut sink);
        // On Stop, dropping the receivers makes the reader and workers end.
        drop(done_rx);
        drop(permit_rx);
        result
    })
}

fn next_work(work_rx: &Mutex<Receiver<(u64, Record)>>) -> Option<(u64, Record)> {
    // A poisoned lock only means another worker panicked outside
    // analyze_record's guard; the receiver itself is still sound.
    let guard = work_rx.lock().unwrap_or_else(|e| e.into_inner());
    guard.recv().ok()
}

fn hand_over_in_order<S>(
    done_rx: &Receiver<(u64, Outcome)>,
    permit_rx: &Receiver<()>,
    sink: &mut S,
) -> Result<(), Stop>
where
    S: FnMut(Outcome) -> Result<(), Stop>,
{
    let mut waiting: BTreeMap<u64, Outcome> = BTreeMap::new();
    let mut next = 0u64;
    for (seq, outcome) in done_rx.iter() {
        waiting.insert(seq, outcome);
        while let Some(outcome) = waiting.remove(&next) {
            sink(outcome)?;
            next += 1;
            // The permit this record took; it is always there.
            let _ = permit_rx.recv();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::{Content, Result as Outcome_};

    fn text_record(i: usize) -> Record {
        Record {
            id: format!("r{i}"),
            url: String::new(),
            // Every fifth record is empty: an error outcome, not a stop.
            content: Content::Text(if i % 5 == 0 {
                String::new()
            } else {
                format!("The council said on Monday that it spent ${i} million on roads.")
            }),
            published: None,
            crawl_date: None,
        }
    }

    #[test]
    fn outcomes_come_in_input_order_with_errors_in_place() {
        for threads in [1, 2, 3] {
            let mut ids = Vec::new();
            let mut errors = 0;
            run(
                |emit| {
                    for i in 0..60 {
                        if !emit(text_record(i)) {
                            return;
                        }
                    }
                },
                &Settings::default(),
                threads,
                |o| {
                    errors += usize::from(matches!(o.result, Outcome_::Error(_)));
                    ids.push(o.id);
                    Ok(())
                },
            )
            .unwrap();
            let expected: Vec<String> = (0..60).map(|i| format!("r{i}")).collect();
            assert_eq!(ids, expected, "{threads} threads");
            assert_eq!(errors, 12);
        }
    }

    #[test]
    fn a_stopping_sink_ends_the_reader() {
        let mut seen = 0;
        let mut pushed = 0;
        let result = run(
            |emit| {
                // An endless input: only the stop can end it.
                for i in 0.. {
                    pushed = i;
                    if !emit(text_record(i)) {
                        return;
                    }
                }
            },
            &Settings::default(),
            2,
            |_| {
                seen += 1;
                if seen == 3 {
                    Err(Stop)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err(Stop));
        assert_eq!(seen, 3);
        // The reader was held back by the window, not left to run on.
        assert!(pushed < 3 + 2 * 16 + 2 * 2 + 2, "pushed {pushed}");
    }
}
