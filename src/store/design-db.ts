/**
 * The designs in IndexedDB: one object store, `meta:<id>` (what the list shows) and `doc:<id>` (the
 * document) written together in one transaction. A write names the revision it is based on and is
 * checked inside its transaction, so two tabs can never both win the same revision.
 */
import { createStore, del, get, promisifyRequest } from 'idb-keyval';
import { designFromJson } from '../model/load';
import type { TopologyDocument } from '../model/types';
import { checkWrite, makeRecord, type DesignMeta, type DesignRecord } from './design-sync';

const store = createStore('streamwright-designs', 'designs');
const metaKey = (id: string) => `meta:${id}`;
const docKey = (id: string) => `doc:${id}`;

interface Tx<T> {
  os: IDBObjectStore;
  done: (result: T) => void;
  /** Wraps a request's success handler: an exception in it aborts the transaction and rejects with that exception. */
  guard: (handler: () => void) => () => void;
}

/**
 * Runs `body` in one transaction; resolves with its result once the transaction has committed. A
 * request refused inside it (quota) rejects with that request's error, not the transaction's abort.
 */
function transaction<T>(mode: IDBTransactionMode, body: (tx: Tx<T>) => void): Promise<T> {
  return store(mode, (os) => {
    let result: T;
    let failure: unknown;
    const guard = (handler: () => void) => () => {
      try {
        handler();
      } catch (e) {
        failure ??= e;
        os.transaction.abort();
      }
    };
    guard(() => body({ os, done: (r) => (result = r), guard }))();
    return promisifyRequest(os.transaction).then(
      () => result,
      (e: unknown) => Promise.reject(failure ?? e),
    );
  });
}

export async function listDesigns(): Promise<DesignMeta[]> {
  return store('readonly', (os) => promisifyRequest(os.getAll(IDBKeyRange.bound('meta:', 'meta:\uffff')) as IDBRequest<DesignMeta[]>));
}

export async function readDesign(id: string): Promise<DesignRecord | undefined> {
  return transaction<DesignRecord | undefined>('readonly', ({ os, done }) => {
    const meta = os.get(metaKey(id));
    const doc = os.get(docKey(id));
    doc.onsuccess = () => done(meta.result && doc.result ? { meta: meta.result as DesignMeta, doc: doc.result as TopologyDocument } : undefined);
  });
}

/** Stores a design as it is (a new one, or a deleted one put back). */
export async function putDesign(record: DesignRecord): Promise<void> {
  await transaction<void>('readwrite', ({ os }) => {
    os.put(record.meta, metaKey(record.meta.id));
    os.put(record.doc, docKey(record.meta.id));
  });
}

export type WriteResult = { ok: true; meta: DesignMeta } | { ok: false; reason: 'changed' | 'deleted' };

/** Writes `doc` as the next revision after `baseRev` unless another write came first (or `'force'`). */
export async function writeDesign(id: string, doc: TopologyDocument, baseRev: number | 'force', now: number): Promise<WriteResult> {
  return transaction<WriteResult>('readwrite', ({ os, done, guard }) => {
    const req = os.get(metaKey(id));
    req.onsuccess = guard(() => {
      const stored = req.result as DesignMeta | undefined;
      const check = checkWrite(stored, baseRev);
      if (check !== 'ok' && !(check === 'deleted' && baseRev === 'force')) return done({ ok: false, reason: check });
      const record = makeRecord(id, doc, (stored?.rev ?? 0) + 1, stored?.createdAt ?? now, now);
      os.put(record.meta, metaKey(id));
      os.put(doc, docKey(id));
      done({ ok: true, meta: record.meta });
    });
  });
}

/** Deletes a design and returns what it was, for undo. */
export async function deleteDesign(id: string): Promise<DesignRecord | undefined> {
  return transaction<DesignRecord | undefined>('readwrite', ({ os, done, guard }) => {
    const meta = os.get(metaKey(id));
    const doc = os.get(docKey(id));
    doc.onsuccess = guard(() => {
      done(meta.result && doc.result ? { meta: meta.result as DesignMeta, doc: doc.result as TopologyDocument } : undefined);
      os.delete(metaKey(id));
      os.delete(docKey(id));
    });
  });
}

/** Where the single-design autosave of earlier versions kept the design (idb-keyval's default store). */
const LEGACY_KEY = 'streamwright:autosave';
export const MIGRATED_ID = 'autosaved';

/**
 * Moves the earlier versions' autosaved design into the list (once: its key is deleted only after
 * the design is stored; an unreadable one is left where it is). Returns the migrated design's id.
 */
export async function migrateLegacyAutosave(now: number): Promise<string | null> {
  // Looking the key up would create idb-keyval's database in every new browser profile (a slower first start).
  const dbs = await indexedDB.databases?.().catch(() => null);
  if (dbs && !dbs.some((d) => d.name === 'keyval-store')) return null;
  const raw: unknown = await get(LEGACY_KEY).catch(() => undefined);
  if (!raw) return null;
  const r = designFromJson(raw);
  if (!r.ok) return null;
  if (!(await readDesign(MIGRATED_ID))) await putDesign(makeRecord(MIGRATED_ID, r.doc, 1, now, now));
  await del(LEGACY_KEY);
  return MIGRATED_ID;
}
