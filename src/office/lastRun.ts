/**
 * The outcome of the last generation, shared between the ribbon command and the pane (they run in one shared
 * runtime): a ribbon run that fails opens the pane, which shows what happened.
 */
export type RunOutcome = { ok: true; sheets: string[]; at: Date } | { ok: false; message: string; at: Date };

let last: RunOutcome | null = null;
const listeners = new Set<(outcome: RunOutcome) => void>();

export function reportRun(outcome: RunOutcome): void {
  last = outcome;
  for (const listener of listeners) listener(outcome);
}

export function lastRun(): RunOutcome | null {
  return last;
}

export function onRun(listener: (outcome: RunOutcome) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
