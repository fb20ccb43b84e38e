import { EventEmitter } from 'node:events';

/** A change to a case, published after its transaction commits (live inboxes and dashboards listen). */
export interface CaseChange {
  caseId: string;
  number: string;
  action: string;
  state: string;
  /** The case's org path, so listeners can filter by scope. */
  path: string;
  handlerPath: string | null;
  reporterAccountIds: string[];
  at: string;
}

/**
 * The in-process event bus. With several API processes a deployment relays it across them (PostgreSQL
 * LISTEN/NOTIFY); inside one process this is all there is.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(changes: CaseChange[]): void {
    for (const c of changes) this.emitter.emit('case', c);
  }

  subscribe(listener: (c: CaseChange) => void): () => void {
    this.emitter.on('case', listener);
    return () => this.emitter.off('case', listener);
  }
}
