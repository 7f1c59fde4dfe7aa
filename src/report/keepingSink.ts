/**
 * A run's records counted as they come (figureSink.ts), and those of some sections kept: the
 * report of a run whose reader needs only those (compare reads the transitions, orders, bills
 * and refunds), without holding the rest. Each kept list is in the report's order: bills in the
 * order they were pushed, every other section in the order it was made.
 */
import { FigureSink, type KeptLists } from './figureSink.ts';
import type { Figures } from './kpis.ts';
import type { RecordSection, Records } from './types.ts';

export class KeepingSink extends FigureSink {
  /** The kept sections' records so far (the bills once charged, or once `flush`ed). */
  private readonly kept: KeptLists;

  constructor(figures: Figures, sections: readonly RecordSection[]) {
    super(figures);
    this.kept = Object.fromEntries(sections.map((section) => [section, []]));
  }

  override keptLists(): KeptLists {
    return this.kept;
  }

  protected override take<S extends RecordSection>(section: S, record: Records[S][number]): void {
    super.take(section, record);
    (this.kept[section] as Records[S][number][] | undefined)?.push(record);
  }
}
