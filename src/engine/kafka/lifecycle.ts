/**
 * The life of one instance, with Kafka Streams' states: REBALANCING until the group assigns
 * partitions, RUNNING, PENDING_SHUTDOWN then NOT_RUNNING on stop, ERROR after a fatal error. Owns
 * the commit, log and wall-clock punctuation timers and the reactions to what the group and kafkajs report:
 * - a new assignment closes the tasks of partitions that moved away;
 * - a commit refused with a rebalance error is "task migrated": not fatal; the rejoin closes the
 *   tasks that moved (dirty) and the kept ones continue;
 * - a crashed consumer: kafkajs restarts it when the error is retriable; otherwise the consumer is
 *   replaced after a backoff (Kafka Streams' REPLACE_THREAD), and after too many crashes in a row
 *   the instance stops with an error naming the last one. Never a live process that does nothing.
 */
import { rebalanceErrorType, type Committer } from './committer';
import type { StreamThread } from './stream-thread';
import type { TaskManager } from './task-manager';

export type AppState = 'CREATED' | 'REBALANCING' | 'RUNNING' | 'PENDING_SHUTDOWN' | 'NOT_RUNNING' | 'ERROR';

export interface LifecycleOptions {
  thread: StreamThread;
  tasks: TaskManager;
  committer: Committer;
  commitIntervalMs: number;
  logIntervalMs: number;
  maxConsumerRestarts: number;
  consumerRestartBackoffMs: number;
  log: (line: string) => void;
  /** Disconnects the producer, admin and other clients once the consumer has left. */
  closeClients: () => Promise<void>;
  /** The periodic log line (records, lag, tasks). */
  progress: () => string;
  /** Runs the due WALL_CLOCK_TIME punctuations (Kafka Streams looks in every poll loop; here on a timer). */
  punctuateWallClock: () => void;
  wallClockCheckMs: number;
}

export class Lifecycle {
  state: AppState = 'CREATED';
  rebalances = 0;
  assigned: number[] = [];
  consumerCrashes = 0;
  /** Commits refused because the partitions had moved (each closed the tasks dirty). */
  taskMigrations = 0;
  lastError: string | null = null;
  readonly failed: Promise<never>;
  private rejectFailed!: (e: Error) => void;
  private restartsInARow = 0;
  private timers: NodeJS.Timeout[] = [];
  private stopped: Promise<void> | null = null;

  constructor(private readonly o: LifecycleOptions) {
    this.failed = new Promise<never>((_, reject) => (this.rejectFailed = reject));
    this.failed.catch(() => undefined);
  }

  get stopping(): boolean {
    return this.stopped !== null;
  }

  async start(): Promise<void> {
    this.state = 'REBALANCING';
    await this.o.thread.start();
    // Commits every commit interval (Kafka Streams' commit.interval.ms), whether or not new batches arrive.
    this.timers.push(setInterval(() => void this.o.committer.commit().catch(this.fatal), this.o.commitIntervalMs));
    if (this.o.logIntervalMs) this.timers.push(setInterval(() => this.o.log(`${this.o.progress()}, state ${this.state}`), this.o.logIntervalMs));
    const wallClock = setInterval(() => {
      if (this.stopping || this.o.committer.error) return;
      try {
        this.o.punctuateWallClock();
      } catch (e) {
        this.fatal(e instanceof Error ? e : new Error(String(e)));
      }
    }, this.o.wallClockCheckMs);
    // Punctuation alone does not keep the process alive (the commit timer and the consumer do).
    wallClock.unref();
    this.timers.push(wallClock);
  }

  readonly onAssigned = (owned: Set<number>): void => {
    this.rebalances++;
    this.restartsInARow = 0;
    this.assigned = [...owned].sort((a, b) => a - b);
    this.o.tasks.assigned(owned);
    if (!this.stopping) this.state = 'RUNNING';
    this.o.log(`rebalance: assigned partitions ${this.assigned.join(', ') || 'none'}`);
  };

  /**
   * A commit was refused because the group is rebalancing or moved the partitions ("task migrated"):
   * not fatal. Its offsets stay pending; at the rejoin the tasks of partitions that moved are closed
   * dirty and the kept ones continue where they were.
   */
  readonly onTaskMigrated = (e: Error): void => {
    this.taskMigrations++;
    this.o.log(`task migrated (commit refused: ${rebalanceErrorType(e) ?? e.message}); rejoining, continuing with the partitions the group keeps here`);
  };

  readonly onCrash = (e: Error, restart: boolean): void => {
    if (this.stopping) return;
    this.consumerCrashes++;
    this.lastError = `${e.name}: ${e.message}`;
    // The member is gone from the group: its partitions go to others, their uncommitted work with them.
    this.o.tasks.closeAllDirty();
    this.state = 'REBALANCING';
    if (restart) {
      this.o.log(`consumer crashed (${this.lastError}); kafkajs restarts it`);
      return;
    }
    if (this.restartsInARow >= this.o.maxConsumerRestarts) {
      this.fatal(new Error(`the Kafka consumer crashed ${this.restartsInARow + 1} times in a row and is not restarted again; last error: ${this.lastError}`));
      return;
    }
    const delay = this.o.consumerRestartBackoffMs * 2 ** this.restartsInARow++;
    this.o.log(`consumer crashed (${this.lastError}); kafkajs does not restart it: a new consumer starts in ${delay} ms`);
    const timer = setTimeout(() => {
      if (!this.stopping) void this.o.thread.start().catch(this.fatal);
    }, delay);
    this.timers.push(timer);
  };

  /** A fatal error: stop without committing anything more; the records since the last commit are processed again on restart. */
  readonly fatal = (e: Error): void => {
    if (this.stopping) return;
    this.lastError = e.message;
    this.o.log(`stopping on error: ${e.message}`);
    void this.shutdown(false).finally(() => {
      this.state = 'ERROR';
      this.rejectFailed(e);
    });
  };

  /** Stops processing, commits what was processed (unless stopping on an error), leaves the group. */
  shutdown(commit: boolean): Promise<void> {
    this.stopped ??= (async () => {
      this.state = 'PENDING_SHUTDOWN';
      for (const t of this.timers) clearTimeout(t);
      while (this.o.thread.active > 0) await new Promise((r) => setTimeout(r, 5));
      if (commit) await this.o.committer.commit().catch((e: unknown) => this.o.log(`final commit failed: ${e instanceof Error ? e.message : String(e)}`));
      await this.o.thread.stop().catch(() => undefined);
      await this.o.closeClients();
      this.state = 'NOT_RUNNING';
    })();
    return this.stopped;
  }
}
