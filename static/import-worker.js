// Parallax's import worker: runs the app's own wasm off the main thread, so reading
// and analysing imported files never blocks the page (src/app/import.rs).
// The page sends {glue, module, files, limit, topics}: the URL of the wasm-bindgen
// glue, the compiled wasm module (not fetched or compiled again), the files, the
// size limit (larger files are not read) and the reader's topics. The worker
// answers {done, total, sources} as it goes (sources in batches, as a JSON corpus with
// digests), then {result} (or {error}). The page cancels
// an import by terminating the worker.
onmessage = async ({ data }) => {
  try {
    const bindings = await import(data.glue);
    await bindings.default({ module_or_path: data.module });
    const files = [];
    for (const file of data.files) {
      files.push([file.name, file.size, file.size > data.limit ? null : await file.arrayBuffer()]);
    }
    const result = bindings.import_job(files, data.topics, (done, total, sources) => postMessage({ done, total, sources }));
    postMessage({ result });
  } catch (error) {
    postMessage({ error: String(error?.message ?? error) });
  }
};
