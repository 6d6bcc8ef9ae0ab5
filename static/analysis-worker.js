// Parallax's analysis worker: hosts the analysis core's own wasm binary
// (crates/worker, built by Trunk as parallax-worker.js + parallax-worker_bg.wasm),
// so no analysis runs on the page's main thread.
//
// Messages from the page:
//   {job: "compare" | "digest", id, …}  → the worker binary's run_job answers {id, …}
//   {job: "semantic"}                   → fetches wordllama-64x4.bin (the semantic table) (after the page's first
//                                         paint) and answers {semantic_words} or {semantic_error}
//   {job: "import", files, limit, topics} → {done, total, sources} as it goes, then
//                                         {result} (or {error}); the page cancels an
//                                         import by terminating its worker.
import init, * as core from "./parallax-worker.js";

const ready = init();

const jobs = {
  async semantic() {
    const started = performance.now();
    const response = await fetch(new URL("wordllama-64x4.bin", import.meta.url));
    if (!response.ok) throw new Error(`the semantic table could not be fetched (HTTP ${response.status})`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const fetched = performance.now();
    const memory = (await ready).memory.buffer;
    const before = memory.byteLength;
    const answer = core.load_semantic(bytes);
    // Timings and the worker's wasm memory before and after (its linear memory
    // grows to hold the decoded table), for the end-to-end measurement; the page
    // reads only the answer.
    return Object.assign(answer, {
      bytes: bytes.length,
      fetch_ms: fetched - started,
      decode_ms: performance.now() - fetched,
      memory_before: before,
      memory_after: (await ready).memory.buffer.byteLength,
    });
  },
  async import(data) {
    const files = [];
    for (const file of data.files) {
      files.push([file.name, file.size, file.size > data.limit ? null : await file.arrayBuffer()]);
    }
    const result = core.import_job(files, data.topics, (done, total, sources) => postMessage({ done, total, sources }));
    return { result };
  },
};

onmessage = async ({ data }) => {
  try {
    await ready;
    const job = jobs[data.job];
    postMessage(job ? await job(data) : core.run_job(data));
  } catch (error) {
    const message = String(error?.message ?? error);
    postMessage(data.job === "semantic" ? { semantic_error: message } : { id: data.id, error: message });
  }
};
