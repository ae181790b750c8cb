/** The rule that dropped a record, in words (from the engine's DropReason code and figures). */
import type { DropReason } from '../../simulator/timeline/types';
import { fmtClock } from '../panels/format';

export function dropText(reason: DropReason | undefined): string {
  if (!reason) return 'dropped';
  switch (reason.code) {
    case 'expired-window': {
      const w = reason.window ? ` [${fmtClock(reason.window.start)}, ${fmtClock(reason.window.end)})` : '';
      return `late: window${w} closed ${reason.lateByMs ?? 0} ms before (past its end + grace)`;
    }
    case 'null-key':
      return 'null key';
    case 'null-value':
      return 'null value';
    case 'no-table-key':
      return 'no key to look up in the table';
    case 'no-foreign-key':
      return 'null foreign key';
    case 'stale-response':
      return 'stale foreign-key response (the left value changed since)';
    case 'stale-version':
      return 'not the latest version of its key (versioned table: an older timestamp)';
  }
}
