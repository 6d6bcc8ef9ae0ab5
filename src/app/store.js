// The reader's library in IndexedDB (used by src/app/browser.rs): one database,
// one object store, text values by key. Failures reject with the browser's own
// error (a DOMException such as QuotaExceededError or SecurityError).
function run(mode, act) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("parallax", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("kv");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const fail = (error) => {
        db.close();
        reject(error);
      };
      try {
        const tx = db.transaction("kv", mode);
        const request = act(tx.objectStore("kv"));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onabort = tx.onerror = () => fail(tx.error ?? request.error);
      } catch (error) {
        fail(error);
      }
    };
  });
}

export const idbGet = (key) => run("readonly", (store) => store.get(key));
export const idbPut = (key, value) => run("readwrite", (store) => store.put(value, key));
