/**
 * Tickets waiting in one queue, best first by their waiting rank (DESIGN §1B's `waitingRank`).
 * One sorted run per priority: tickets of one priority arrive in rank order almost always, so an
 * add is an append and taking the best is a look at four heads. A ticket that left (answered,
 * abandoned, moved on) is not searched for: its entry goes stale when the ticket's epoch changes
 * and is dropped when it reaches a head.
 */
export class WaitingLine {
  private readonly runs = [new Run(), new Run(), new Run(), new Run()];

  /** Adds a ticket at its rank; `epoch` identifies this stay in the line. */
  add(ticket: number, rank: number, priorityIndex: number, epoch: number): void {
    this.runs[priorityIndex]!.insert(ticket, rank, epoch);
  }

  /** The runs, for a walk over several lines at once. */
  get parts(): readonly Run[] {
    return this.runs;
  }
}

/** Answers whether a waiting entry is still the ticket's current stay. */
export type IsCurrent = (ticket: number, epoch: number) => boolean;

/**
 * Visits the current waiting tickets of several lines in rank order (ties: the earlier-listed
 * line) until `visit` returns true or none is left. Stale heads are dropped on the way.
 */
export function walkWaiting(lines: readonly WaitingLine[], isCurrent: IsCurrent, visit: (ticket: number) => boolean): void {
  const runs: Run[] = [];
  const cursors: number[] = [];
  for (const line of lines) {
    for (const run of line.parts) {
      run.dropStale(isCurrent);
      if (run.length > 0) {
        runs.push(run);
        cursors.push(run.head);
      }
    }
  }
  for (;;) {
    let best = -1;
    let bestRank = Infinity;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      let at = cursors[i]!;
      while (at < run.end && !isCurrent(run.tickets[at]!, run.epochs[at]!)) at++;
      cursors[i] = at;
      if (at < run.end && run.ranks[at]! < bestRank) {
        best = i;
        bestRank = run.ranks[at]!;
      }
    }
    if (best < 0) return;
    const run = runs[best]!;
    const ticket = run.tickets[cursors[best]!]!;
    cursors[best]!++;
    if (visit(ticket)) return;
  }
}

/** A run of entries sorted by rank, consumed from its head. */
class Run {
  tickets: number[] = [];
  ranks: number[] = [];
  epochs: number[] = [];
  head = 0;

  get end(): number {
    return this.tickets.length;
  }

  get length(): number {
    return this.tickets.length - this.head;
  }

  insert(ticket: number, rank: number, epoch: number): void {
    const end = this.tickets.length;
    if (end === this.head || this.ranks[end - 1]! <= rank) {
      this.tickets.push(ticket);
      this.ranks.push(rank);
      this.epochs.push(epoch);
      return;
    }
    let low = this.head;
    let high = end;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ranks[mid]! <= rank) low = mid + 1;
      else high = mid;
    }
    this.tickets.splice(low, 0, ticket);
    this.ranks.splice(low, 0, rank);
    this.epochs.splice(low, 0, epoch);
  }

  dropStale(isCurrent: IsCurrent): void {
    while (this.head < this.tickets.length && !isCurrent(this.tickets[this.head]!, this.epochs[this.head]!)) this.head++;
    if (this.head > 4096 && this.head * 2 > this.tickets.length) this.compact();
  }

  private compact(): void {
    this.tickets = this.tickets.slice(this.head);
    this.ranks = this.ranks.slice(this.head);
    this.epochs = this.epochs.slice(this.head);
    this.head = 0;
  }
}
