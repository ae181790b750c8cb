/**
 * What the designer's timeline shows: the overview (input records as marks at their timestamps, in
 * processing order, and the output records with the input each came out on) and one moment (every
 * node's state as of one input record). Answers to the worker queries 'timeline' and 'moment'.
 */
import type { DropReason, StoreEntry } from '../../engine';

export type { DropReason };
import type { TracedRecord } from '../types';

export interface TimelineInput {
  id: string;
  topic: string;
  key: unknown;
  value: unknown;
  timestamp: number;
  /** Its place in processing order (the cursor steps over these). */
  position: number;
  /** Earlier than an input processed before it: stream time did not move (Kafka processes it anyway). */
  outOfOrder: boolean;
  /** A node dropped (part of) its processing: late past grace, expired window, null key... */
  dropped: boolean;
}

export interface TimelineOutput {
  /** The emitted record's id ("<nodeId>#n"). */
  id: string;
  nodeId: string;
  topic: string;
  key: unknown;
  value: unknown;
  timestamp: number;
  /** The input record whose processing wrote it. */
  position: number;
}

/** What the recorded history costs (the checkpoints that make a step cheap). */
export interface CheckpointMemory {
  /** Store entries held in checkpoints and snapshots. */
  entries: number;
  /** Store changes logged between checkpoints. */
  changes: number;
  checkpoints: number;
  /** Records kept for the timeline (every record of every node). */
  records: number;
  /** Estimated bytes of all of it (entry text size plus per-object overhead). */
  estimatedBytes: number;
}

export interface TimelineOverview {
  processed: number;
  topics: string[];
  inputs: TimelineInput[];
  outputs: TimelineOutput[];
  memory: CheckpointMemory;
}

export type WindowStatus = 'open' | 'grace' | 'closed' | 'expired';

export interface WindowState {
  key: unknown;
  start: number;
  end: number;
  value: unknown;
  status: WindowStatus;
}

export interface BufferedState {
  key: unknown;
  value: unknown;
  timestamp: number;
  /** Stream time at which the suppress rule releases it (null: unknown). */
  dueAt: number | null;
  /** The input position at which this run emitted it (null: not within these samples). */
  emittedAt: number | null;
}

export interface DropState {
  position: number;
  inputId: string;
  reason?: DropReason;
}

export interface NodeMoment {
  /** The latest timestamp this node has seen (Kafka's observed stream time); null before its first record. */
  streamTime: number | null;
  /** Records emitted up to and including this input record. */
  emitted: number;
  /** The last records emitted so far (newest last), with the input position each came out on. */
  last: (TracedRecord & { position: number })[];
  dropped: number;
  /** Drops made while processing this very input record. */
  dropsHere: DropState[];
  /** The last drops up to here (newest last). */
  recentDrops: DropState[];
  stores: { name: string; size: number; entries: StoreEntry[] }[];
  windows?: WindowState[];
  buffer?: BufferedState[];
}

export interface Moment {
  position: number;
  input: TimelineInput | null;
  /** The task's stream time: the largest input timestamp so far. */
  streamTime: number | null;
  nodes: Record<string, NodeMoment>;
}
