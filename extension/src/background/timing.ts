// Marks on the background's performance timeline at the steps of a wake-up
// (the core instantiated, the encoder and the packs loaded, each analysis),
// so that scripts/bench-extension-cold.mjs can tell where a cold start's time
// goes. Each step keeps only its latest mark, so a long-lived background does
// not collect them.

export function markStep(step: string): void {
  const name = `claimlens-${step}`;
  performance.clearMarks(name);
  performance.mark(name);
}
