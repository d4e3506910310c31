/**
 * The reader's photo, remembered on this device (IndexedDB: the original file and its name) so that the next
 * article shows it too, until the reader clears it. Nothing here touches the network. Storage may be
 * refused (private mode, a full disk, a blocked database): every function then says so with its result
 * and never throws, since the photo still works for the page it was given on.
 */
const DATABASE = 'layerlens';
const STORE = 'photo';
const KEY = 'reader';

export interface RememberedPhoto {
  file: Blob;
  name: string;
}

/** Keeps the photo; false when the browser refuses to store it. */
export async function rememberPhoto(photo: RememberedPhoto): Promise<boolean> {
  return (await transact('readwrite', (store) => store.put({ file: photo.file, name: photo.name }, KEY))) !== null;
}

/** The remembered photo, or null (none, or storage unavailable). */
export async function recallPhoto(): Promise<RememberedPhoto | null> {
  const value = (await transact('readonly', (store) => store.get(KEY))) as Partial<RememberedPhoto> | null;
  return value?.file instanceof Blob && typeof value.name === 'string' ? { file: value.file, name: value.name } : null;
}

/** Forgets the photo; false when storage could not be reached (then nothing was remembered either). */
export async function forgetPhoto(): Promise<boolean> {
  return (await transact('readwrite', (store) => store.delete(KEY))) !== null;
}

/** Runs one request in its own transaction; resolves with its result once committed, or null on any failure. */
async function transact(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
  const db = await open();
  if (!db) return null;
  try {
    return await new Promise<unknown>((resolve) => {
      const transaction = db.transaction(STORE, mode);
      const pending = request(transaction.objectStore(STORE));
      // The result counts once the transaction commits: a quota error aborts it after the request succeeded.
      transaction.oncomplete = () => resolve(pending.result ?? true);
      transaction.onerror = transaction.onabort = () => resolve(null);
    });
  } catch {
    return null;
  } finally {
    db.close();
  }
}

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = request.onblocked = () => resolve(null);
    } catch {
      resolve(null); // no IndexedDB at all, or access denied (some private modes throw)
    }
  });
}
