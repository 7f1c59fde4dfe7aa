/**
 * A run's records counted as they come and then let go: the report's figures (its KPIs and
 * summary, kpis.ts) without its records, for a run whose records nobody reads (a run of a sweep)
 * or that are written out as they come (recordSpool.ts). A bill is taken once it is charged,
 * since charging sets its `paid` and `debt`; bills keep the order they were pushed in.
 */
import type { Figures } from './kpis.ts';
import type { BillRecord, Kpis, RecordSection, Records, Summary } from './types.ts';

/** Some of a report's record lists, by section. */
export type KeptLists = Partial<{ [S in RecordSection]: Records[S] }>;

/** Pushed bills taken so far, beyond which the list of those waiting is cut down. */
const TAKEN_BEFORE_TRIM = 1024;

export class FigureSink {
  /** Bills pushed and not yet taken, in the order they were pushed; `next` is the first. */
  private bills: BillRecord[] = [];
  private next = 0;
  private readonly charged = new WeakSet<BillRecord>();

  /** The records are counted into `figures` (`new Figures(accounts, period)`, the report's, known before the run). */
  constructor(private readonly figures: Figures) {}

  add<S extends RecordSection>(section: S, record: Records[S][number]): void {
    if (section === 'bills') {
      this.bills.push(record as BillRecord);
      this.takeChargedBills();
      return;
    }
    this.take(section, record);
  }

  billCharged(bill: BillRecord): void {
    this.charged.add(bill);
    this.takeChargedBills();
  }

  /** The record lists kept in full (none here: keepingSink.ts keeps some). */
  keptLists(): KeptLists {
    return {};
  }

  /** The figures, once the run is over (`flush`ed). */
  result(apps: Records['apps']): { kpis: Kpis; summary: Summary } {
    this.flush();
    return this.figures.result(apps);
  }

  /** Once the run is over: bills never charged within the period are taken as they stand. */
  flush(): void {
    for (const bill of this.bills.slice(this.next)) this.take('bills', bill);
    this.bills = [];
    this.next = 0;
  }

  /** A record in its final form, in its section's order. */
  protected take<S extends RecordSection>(section: S, record: Records[S][number]): void {
    this.figures.add(section, record);
  }

  private takeChargedBills(): void {
    while (this.next < this.bills.length && this.charged.has(this.bills[this.next])) {
      this.take('bills', this.bills[this.next]);
      this.next += 1;
    }
    if (this.next > TAKEN_BEFORE_TRIM && this.next * 2 > this.bills.length) {
      this.bills = this.bills.slice(this.next);
      this.next = 0;
    }
  }
}
