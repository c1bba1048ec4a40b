// In-memory WebExtension storage areas for the settings tests, with the
// behaviours that matter: values are copied in and out (structured clone),
// a per-item quota like storage.sync's, an area that cannot be read at all,
// and storage.onChanged events.

export class MemoryEvent {
  listeners = new Set();
  addListener(listener) {
    this.listeners.add(listener);
  }
  removeListener(listener) {
    this.listeners.delete(listener);
  }
  emit(...args) {
    for (const listener of this.listeners) listener(...args);
  }
}

export class MemoryArea {
  /**
   * @param {string} name 'sync' or 'local', reported to onChanged
   * @param {{ quotaBytesPerItem?: number, broken?: boolean, onChanged?: MemoryEvent }} options
   */
  constructor(name, { quotaBytesPerItem = Infinity, broken = false, onChanged } = {}) {
    this.name = name;
    this.items = new Map();
    this.quotaBytesPerItem = quotaBytesPerItem;
    this.broken = broken;
    this.onChanged = onChanged;
  }

  check() {
    if (this.broken) throw new Error(`storage.${this.name} is unavailable`);
  }

  async get(keys) {
    this.check();
    const wanted = keys === null ? [...this.items.keys()] : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(wanted.filter((k) => this.items.has(k)).map((k) => [k, structuredClone(this.items.get(k))]));
  }

  async set(items) {
    this.check();
    for (const [key, value] of Object.entries(items)) {
      if (JSON.stringify(value).length + key.length > this.quotaBytesPerItem) {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
    }
    const changes = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.items.get(key), newValue: structuredClone(value) };
      this.items.set(key, structuredClone(value));
    }
    this.onChanged?.emit(changes, this.name);
  }

  async remove(keys) {
    this.check();
    const changes = {};
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      if (this.items.has(key)) {
        changes[key] = { oldValue: this.items.get(key) };
        this.items.delete(key);
      }
    }
    if (Object.keys(changes).length) this.onChanged?.emit(changes, this.name);
  }

  async clear() {
    this.check();
    await this.remove([...this.items.keys()]);
  }

  /** What the area holds, as plain data, for assertions. */
  dump() {
    return Object.fromEntries([...this.items].map(([k, v]) => [k, structuredClone(v)]));
  }
}

export function memoryBackend({ sync = {}, local = {} } = {}) {
  const onChanged = new MemoryEvent();
  return {
    sync: new MemoryArea('sync', { ...sync, onChanged }),
    local: new MemoryArea('local', { ...local, onChanged }),
    onChanged,
  };
}
