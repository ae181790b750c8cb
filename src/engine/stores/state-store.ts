/** Every state store can list its contents (for the preview, the driver and changelog restore). */
export interface StoreEntry {
  key: unknown;
  value: unknown;
  timestamp?: number;
  /** A versioned store's older versions of the key, newest first (null value: a tombstone version). */
  history?: { value: unknown; timestamp: number }[];
}

export interface StateStore {
  readonly name: string;
  all(): StoreEntry[];
}
