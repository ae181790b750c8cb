/** Every state store can list its contents (for the preview, the driver and changelog restore). */
export interface StoreEntry {
  key: unknown;
  value: unknown;
  timestamp?: number;
}

export interface StateStore {
  readonly name: string;
  all(): StoreEntry[];
}
