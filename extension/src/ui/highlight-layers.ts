// The highlights one overlay has put in the document's highlight registry, by
// name. The registry is shared with the page (and any other script), so the
// overlay deletes only the entries that are still its own.

export class HighlightLayers {
  private readonly registered = new Map<string, Highlight>();

  set(name: string, highlight: Highlight): void {
    CSS.highlights.set(name, highlight);
    this.registered.set(name, highlight);
  }

  delete(name: string): void {
    const highlight = this.registered.get(name);
    if (highlight && CSS.highlights.get(name) === highlight) {
      CSS.highlights.delete(name);
    }
    this.registered.delete(name);
  }

  /** The names this overlay has registered. */
  names(): string[] {
    return [...this.registered.keys()];
  }

  clear(): void {
    for (const name of this.names()) {
      this.delete(name);
    }
  }
}
