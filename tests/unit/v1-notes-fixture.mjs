// A notes database as version 1 of ClaimLens left it: the schema its upgrade
// code created (frozen here, as it shipped) and records in its flat shape.
// Shared by the node tests and the browser tests (which run it in the
// browsers' own IndexedDB), so it must not import anything.

export const V1_RECORDS = [
  {
    id: 'urn:uuid:7f1e0c1a-0000-4000-8000-000000000001',
    url: 'https://ledger.example/news/2025/11/18/harrowfield-flood-barrier',
    quote: 'The price is about a third higher than the $36 million estimate the council was given in 2023.',
    prefix: 'ern district from floods. ',
    suffix: ' Deputy Mayor Lena Okafor said',
    start: 210,
    end: 304,
    note: 'Check the 2023 estimate in the council minutes.',
    createdAt: Date.UTC(2025, 10, 19, 8, 15, 0),
  },
  {
    id: 'urn:uuid:7f1e0c1a-0000-4000-8000-000000000002',
    url: 'https://ledger.example/news/2025/11/18/harrowfield-flood-barrier',
    quote: '4,200 homes',
    prefix: 'This barrier will protect ',
    suffix: ' for the next fifty years.',
    start: 640,
    end: 651,
    note: 'Emoji 🌊 and\r\nCRLF in a note survive: “quotes” too.',
    createdAt: Date.UTC(2025, 10, 19, 8, 16, 30),
  },
  {
    id: 'urn:uuid:7f1e0c1a-0000-4000-8000-000000000003',
    url: 'https://other.example/story?id=5',
    quote: 'a quote on another site',
    prefix: '',
    suffix: '',
    start: 0,
    end: 23,
    note: '',
    createdAt: Date.UTC(2024, 0, 1),
  },
];

/** A record version 1 could have left behind after a crash: no quote. */
export const V1_CORRUPT = {
  id: 'urn:uuid:7f1e0c1a-0000-4000-8000-00000000dead',
  url: 'https://ledger.example/news/2025/11/18/harrowfield-flood-barrier',
  start: 5,
  end: 9,
  note: 'the quote was lost',
  createdAt: Date.UTC(2025, 10, 20),
};

/** Creates database `name` at version 1 with V1_RECORDS and V1_CORRUPT, and closes it. */
export function createV1Database(factory, name) {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      const notes = request.result.createObjectStore('notes', { keyPath: 'id' });
      notes.createIndex('url', 'url', { unique: false });
      for (const record of [...V1_RECORDS, V1_CORRUPT]) {
        notes.add(record);
      }
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}
