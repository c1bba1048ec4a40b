// Which analysis of a page is current, which one is on its way, and whether
// the placed one is stale (the reader changed the threshold, which the core
// applies). PageSession asks `next` with every fresh snapshot and does what
// it says; the reply of a request is placed only if `settle` still hands back
// nodes for it.
//
// Why the request in flight is tracked: a re-render or a shown tab can ask
// for an analysis while a threshold re-analysis is on its way. The page text
// is the same as the placed analysis's, but that analysis is stale: placing
// it again and dropping the reply on its way left the page at the old
// threshold (seen in Firefox, which runs the catch-up after the tab is shown
// right behind the settings change).

/** What to do with a fresh snapshot of the page. */
export type NextStep =
  /** The request on its way is for this same text: its answer goes on the fresh nodes. */
  | { kind: 'wait' }
  /** The same text as the placed analysis, which is not stale: place it again on the fresh nodes. */
  | { kind: 'replace' }
  /** Ask the core; place the answer if `settle(generation)` still gives nodes for it. */
  | { kind: 'request'; generation: number };

export class AnalysisRequests<S, N> {
  private generation = 0;
  private inFlight: { generation: number; snapshot: S; nodes: N } | undefined;
  private stale = false;

  constructor(private readonly sameText: (a: S, b: S) => boolean) {}

  /** The placed analysis (and any on its way) was made at an old threshold. */
  markStale(): void {
    this.stale = true;
  }

  isStale(): boolean {
    return this.stale;
  }

  /** `placed` is the snapshot of the analysis on the page, if any. */
  next(snapshot: S, nodes: N, placed: S | undefined): NextStep {
    if (!this.stale && this.inFlight && this.sameText(this.inFlight.snapshot, snapshot)) {
      this.inFlight.nodes = nodes;
      return { kind: 'wait' };
    }
    const generation = ++this.generation;
    this.inFlight = undefined;
    if (!this.stale && placed !== undefined && this.sameText(placed, snapshot)) {
      return { kind: 'replace' };
    }
    this.stale = false;
    this.inFlight = { generation, snapshot, nodes };
    return { kind: 'request', generation };
  }

  /** The reply to `generation` arrived: the nodes to place it on, or undefined when it was superseded. */
  settle(generation: number): N | undefined {
    const inFlight = this.inFlight;
    if (!inFlight || inFlight.generation !== generation) {
      return undefined;
    }
    this.inFlight = undefined;
    return inFlight.nodes;
  }

  /** The page navigated (or was reset): no reply on its way may be placed. */
  cancel(): void {
    this.generation++;
    this.inFlight = undefined;
  }
}
