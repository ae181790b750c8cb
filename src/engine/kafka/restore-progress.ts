/** Restore progress per store, for the restore metrics (KIP-869's restore-total and restore-remaining-records-total). */
import type { RestoreListener } from './task-start-reads';

export class RestoreProgress implements RestoreListener {
  /** Changelog records restored per store since the start. */
  private readonly restoredTotal = new Map<string, number>();
  /** Records still to restore per store and partition. */
  private readonly remaining = new Map<string, Map<number, number>>();

  begin(store: string, partition: number, records: number): void {
    if (!this.restoredTotal.has(store)) this.restoredTotal.set(store, 0);
    let m = this.remaining.get(store);
    if (!m) this.remaining.set(store, (m = new Map()));
    m.set(partition, records);
  }

  restored(store: string, partition: number, records: number): void {
    this.restoredTotal.set(store, (this.restoredTotal.get(store) ?? 0) + records);
    const m = this.remaining.get(store);
    if (m?.has(partition)) m.set(partition, Math.max(0, m.get(partition)! - records));
  }

  /** Done (or given up): what the offsets still counted were transaction markers or compacted away. */
  end(partition: number): void {
    for (const m of this.remaining.values()) m.delete(partition);
  }

  stores(): { store: string; restored: number; remaining: number }[] {
    return [...this.restoredTotal].map(([store, restored]) => ({ store, restored, remaining: [...(this.remaining.get(store)?.values() ?? [])].reduce((a, b) => a + b, 0) }));
  }
}
