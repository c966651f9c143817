/**
 * Photos of drafts not yet uploaded, kept as blobs in IndexedDB (localStorage cannot hold them):
 * a photo taken without network survives a reload and is uploaded when the draft is sent.
 */
const DB = 'anlan-inspect';
const STORE = 'photos';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export const putPhoto = (localId: string, blob: Blob): Promise<unknown> => run('readwrite', (s) => s.put(blob, localId));
export const getPhoto = (localId: string): Promise<Blob | undefined> => run<unknown>('readonly', (s) => s.get(localId)).then((v) => (v instanceof Blob ? v : undefined));
export const deletePhoto = (localId: string): Promise<unknown> => run('readwrite', (s) => s.delete(localId));
