//! `claimlens._claimlens`: the Python face of the core. It converts Python
//! values to the core's records and back; every rule (record shapes, dates,
//! errors, the batch's parallel loop) lives in the `claimlens` crate.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use claimlens::batch::{self, Fields, Outcome, Record, Settings};
use claimlens::verify::{Pack, Registry};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator};

create_exception!(
    claimlens,
    ClaimLensError,
    PyException,
    "Bad input, with the core's message."
);

/// Records taken from the Python iterable per parallel round, per thread.
const RECORDS_PER_THREAD: usize = 32;

#[pyclass(frozen, module = "claimlens")]
struct Analyzer {
    settings: Arc<Settings>,
    threads: usize,
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (packs = Vec::new(), *, threads = None, threshold = None))]
    fn new(packs: Vec<PathBuf>, threads: Option<usize>, threshold: Option<f32>) -> PyResult<Self> {
        let mut settings = Settings::default();
        if !packs.is_empty() {
            let mut registry = Registry::new();
            for path in &packs {
                let name = path.display();
                let bytes = std::fs::read(path)
                    .map_err(|e| ClaimLensError::new_err(format!("cannot read {name}: {e}")))?;
                let pack = Pack::from_bytes(&bytes)
                    .map_err(|e| ClaimLensError::new_err(format!("{name}: {e}")))?;
                registry.add(Arc::new(pack));
            }
            settings.options.factchecks = Some(Arc::new(registry));
        }
        settings.options.threshold = threshold;
        let threads = threads
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        Ok(Analyzer {
            settings: Arc::new(settings),
            threads,
        })
    }

    #[getter]
    fn threads(&self) -> usize {
        self.threads
    }

    #[pyo3(signature = (html, url = None, published = None))]
    fn analyze_html(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<String>,
        published: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let html = text_or_bytes(html)
            .ok_or_else(|| pyo3::exceptions::PyTypeError::new_err("html must be str or bytes"))?;
        let record = Record::from_parts(
            String::new(),
            url.unwrap_or_default(),
            Some(html),
            None,
            published.as_deref(),
            None,
        );
        self.analyze_one(py, record)
    }

    #[pyo3(signature = (text, published = None))]
    fn analyze_text(
        &self,
        py: Python<'_>,
        text: String,
        published: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let record = Record::from_parts(
            String::new(),
            String::new(),
            None,
            Some(text),
            published.as_deref(),
            None,
        );
        self.analyze_one(py, record)
    }

    #[pyo3(signature = (records, fields = None))]
    fn analyze_batch(
        &self,
        records: &Bound<'_, PyAny>,
        fields: Option<Vec<String>>,
    ) -> PyResult<BatchIter> {
        let mut settings = Settings::clone(&self.settings);
        if let Some(fields) = fields {
            settings.fields =
                Some(Fields::parse(&fields.join(",")).map_err(ClaimLensError::new_err)?);
        }
        Ok(BatchIter {
            source: records.try_iter()?.unbind(),
            settings: Arc::new(settings),
            threads: self.threads,
            ready: VecDeque::new(),
            taken: 0,
            exhausted: false,
        })
    }
}

impl Analyzer {
    fn analyze_one(&self, py: Python<'_>, record: Record) -> PyResult<Py<PyAny>> {
        let settings = &self.settings;
        let outcome = py.detach(|| batch::analyze_record(record, settings));
        match outcome.result {
            batch::Result::Analysis(json) => from_json(py, json.get()),
            batch::Result::Error(message) => Err(ClaimLensError::new_err(message)),
        }
    }
}

/// The iterator `analyze_batch` returns: it takes records from the Python
/// iterable a round at a time, analyses each round in parallel without the
/// GIL, and yields the output records in input order.
#[pyclass(module = "claimlens")]
struct BatchIter {
    source: Py<PyIterator>,
    settings: Arc<Settings>,
    threads: usize,
    ready: VecDeque<Outcome>,
    taken: usize,
    exhausted: bool,
}

#[pymethods]
impl BatchIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.ready.is_empty() && !self.exhausted {
            let round = self.take_round(py)?;
            let (settings, threads) = (&self.settings, self.threads);
            let mut done = Vec::with_capacity(round.len());
            py.detach(|| {
                // The sink never stops the batch, so run always finishes.
                let _ = batch::run(
                    |emit| {
                        for record in round {
                            if !emit(record) {
                                return;
                            }
                        }
                    },
                    settings,
                    threads,
                    |outcome| {
                        done.push(outcome);
                        Ok(())
                    },
                );
            });
            self.ready.extend(done);
        }
        match self.ready.pop_front() {
            Some(outcome) => from_json(py, &outcome.to_json_line()).map(Some),
            None => Ok(None),
        }
    }
}

impl BatchIter {
    fn take_round(&mut self, py: Python<'_>) -> PyResult<Vec<Record>> {
        let mut source = self.source.bind(py).clone();
        let want = self.threads * RECORDS_PER_THREAD;
        let mut round = Vec::with_capacity(want);
        while round.len() < want {
            match source.next() {
                None => {
                    self.exhausted = true;
                    break;
                }
                Some(item) => {
                    self.taken += 1;
                    round.push(record_from_python(&item?, self.taken));
                }
            }
        }
        Ok(round)
    }
}

/// A record from a dict shaped like a JSONL line; anything else becomes an
/// error record named by its place in the input (`record N`).
fn record_from_python(item: &Bound<'_, PyAny>, place: usize) -> Record {
    let fallback_id = format!("record {place}");
    let Ok(dict) = item.cast::<PyDict>() else {
        return Record::unreadable(fallback_id, "", "a record must be a dict".to_string());
    };
    let get = |key: &str| dict.get_item(key).ok().flatten().filter(|v| !v.is_none());
    let string = |key: &str| get(key).and_then(|v| v.extract::<String>().ok());
    let id = match get("id") {
        Some(v) => v
            .extract::<String>()
            .or_else(|_| v.extract::<i64>().map(|n| n.to_string()))
            .unwrap_or(fallback_id),
        None => fallback_id,
    };
    let url = string("url").unwrap_or_default();
    let html = match get("html") {
        Some(v) => match text_or_bytes(&v) {
            Some(bytes) => Some(bytes),
            None => return Record::unreadable(id, url, "html must be str or bytes".to_string()),
        },
        None => None,
    };
    Record::from_parts(
        id,
        url,
        html,
        string("text"),
        string("published").as_deref(),
        string("crawl_date").as_deref(),
    )
}

fn text_or_bytes(value: &Bound<'_, PyAny>) -> Option<Vec<u8>> {
    value
        .extract::<String>()
        .map(String::into_bytes)
        .or_else(|_| value.extract::<Vec<u8>>())
        .ok()
}

/// JSON to Python values through the standard library's own parser.
fn from_json(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    let loads = py.import("json")?.getattr("loads")?;
    Ok(loads.call1((json,))?.unbind())
}

#[pymodule]
fn _claimlens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analyzer>()?;
    m.add_class::<BatchIter>()?;
    m.add("ClaimLensError", m.py().get_type::<ClaimLensError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
