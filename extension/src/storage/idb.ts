// IndexedDB helpers shared by the extension's databases (the reader's notes,
// the fact-check packs and the live-answer cache), all in the extension's own
// origin. They take the IDBDatabase they work on, so the node tests run them
// on fake-indexeddb.

/** Runs `body` in a transaction; resolves with `result()` once it has committed, rejects if it aborts. */
export function inTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      reject(error);
      return;
    }
    let result: () => T;
    tx.oncomplete = () => resolve(result());
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    try {
      result = body(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already finished
      }
      reject(error);
    }
  });
}
