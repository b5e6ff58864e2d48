import type { ProgressEvent } from '@rampart/collectors';

interface ServiceState {
  total: number;
  done: number;
  items: number;
  errors: number;
}

/**
 * Scan progress on stderr: on a terminal one bar per service, redrawn in place; otherwise one
 * plain line per finished service and region, so logs stay readable in CI.
 */
export class ScanProgress {
  readonly #services = new Map<string, ServiceState>();
  #drawn = 0;
  #lastDraw = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
  ) {}

  readonly onEvent = (event: ProgressEvent): void => {
    if (event.kind === 'plan') {
      for (const t of event.tasks) {
        const s = this.#state(t.service);
        s.total++;
      }
      if (!this.tty) this.write(`rampart: scanning ${event.tasks.length} service reads\n`);
      this.#draw(true);
      return;
    }
    if (event.kind === 'start') return;
    const s = this.#state(event.service);
    s.done++;
    s.items += event.items;
    s.errors += event.errors;
    if (!this.tty) {
      const errors = event.errors > 0 ? `, ${event.errors} error(s)` : '';
      this.write(`rampart: ${event.service} ${event.region}: ${event.items} item(s)${errors}\n`);
      return;
    }
    this.#draw(s.done === s.total);
  };

  #state(service: string): ServiceState {
    let s = this.#services.get(service);
    if (s === undefined) {
      s = { total: 0, done: 0, items: 0, errors: 0 };
      this.#services.set(service, s);
    }
    return s;
  }

  #draw(force: boolean): void {
    if (!this.tty) return;
    const now = Date.now();
    if (!force && now - this.#lastDraw < 80) return;
    this.#lastDraw = now;
    const width = Math.max(...[...this.#services.keys()].map((k) => k.length), 8);
    const lines = [...this.#services.entries()].map(([name, s]) => {
      const filled = s.total === 0 ? 20 : Math.round((20 * s.done) / s.total);
      const bar = '█'.repeat(filled) + '░'.repeat(20 - filled);
      const errors = s.errors > 0 ? `  ${s.errors} error(s)` : '';
      return `${name.padEnd(width)} ${bar} ${s.done}/${s.total}  ${s.items} item(s)${errors}`;
    });
    // Move up over the previous frame and clear it, then draw the new one.
    const up = this.#drawn > 0 ? `\x1b[${this.#drawn}A` : '';
    this.write(`${up}${lines.map((l) => `\x1b[2K${l}`).join('\n')}\n`);
    this.#drawn = lines.length;
  }

  finish(): void {
    this.#draw(true);
  }
}
