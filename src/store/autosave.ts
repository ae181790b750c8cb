/** Autosave: the design goes to IndexedDB shortly after each change and comes back on reload. */
import { get, set } from 'idb-keyval';
import { designFromJson } from '../model/load';
import type { TopologyDocument } from '../model/types';

const KEY = 'streamwright:autosave';

export async function loadAutosave(): Promise<TopologyDocument | null> {
  try {
    const raw = await get(KEY);
    if (!raw) return null;
    const r = designFromJson(raw);
    return r.ok ? r.doc : null;
  } catch {
    return null;
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
export function scheduleAutosave(doc: TopologyDocument, delayMs = 400): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    void set(KEY, doc).catch(() => undefined);
  }, delayMs);
}
