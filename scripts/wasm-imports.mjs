// Shortens what a wasm-bindgen binary and its JS glue name twice (used by post-build.mjs):
// each import of the glue's own module ("./x_bg.js" with names like
// `__wbg_get_2080c49015e35254`, whose hex hashes gzip cannot shrink) becomes a
// short name in both the binary's import section and the glue's import object,
// and the module name becomes "a". The custom sections `producers` and
// `target_features` (read by no browser) are dropped. Nothing else changes: the
// code, data and exports are copied byte for byte.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function writeLeb(value, out) {
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
}

function readName(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

function writeName(name, out) {
  const encoded = new TextEncoder().encode(name);
  writeLeb(encoded.length, out);
  out.push(...encoded);
}

/** The end of an import's description (kind byte at `at`). */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: // function: type index
      return leb(bytes, at)[1];
    case 1: // table: element type, limits
      return limits(at + 1);
    case 2: // memory: limits
      return limits(at);
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type index
      return leb(bytes, at + 1)[1];
    default:
      throw new Error(`wasm-imports: unknown import kind ${kind}`);
  }
}

/** Short, distinct property names: a..z, A..Z, then two characters. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[index % letters.length] + name;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return name;
}

/** The name of the glue's own module among the binary's imports ("./parallax-web_bg.js"). */
function glueModule(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const [size, start] = leb(wasm, at + 1);
    if (wasm[at] === 2) {
      let [count, p] = leb(wasm, start);
      while (count-- > 0) {
        let from;
        [from, p] = readName(wasm, p);
        if (/^\.\/[^/]*_bg\.js$/.test(from)) return from;
        [, p] = readName(wasm, p);
        p = skipDescription(wasm, p);
      }
    }
    at = start + size;
  }
  throw new Error("wasm-imports: the binary imports nothing from its glue");
}

/** `wasm` (bytes) and `js` (its glue's text) with the glue module's imports renamed. */
export function shortenImports(wasm, js) {
  const module = glueModule(wasm);
  const quoted = JSON.stringify(module);
  if (js.split(quoted).length !== 2) throw new Error(`wasm-imports: ${quoted} is not named once in the glue`);
  const out = [wasm.subarray(0, 8)];
  const renamed = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id === 0 && ["producers", "target_features"].includes(readName(wasm, start)[0])) {
      at = end;
      continue;
    }
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    const body = [];
    let [count, p] = leb(wasm, start);
    writeLeb(count, body);
    while (count-- > 0) {
      let from;
      let name;
      [from, p] = readName(wasm, p);
      [name, p] = readName(wasm, p);
      const descriptionEnd = skipDescription(wasm, p);
      if (from === module) {
        if (!renamed.has(name)) renamed.set(name, shortName(renamed.size));
        writeName("a", body);
        writeName(renamed.get(name), body);
      } else {
        writeName(from, body);
        writeName(name, body);
      }
      body.push(...wasm.subarray(p, descriptionEnd));
      p = descriptionEnd;
    }
    const head = [2];
    writeLeb(body.length, head);
    out.push(Uint8Array.from(head), Uint8Array.from(body));
    at = end;
  }
  let glue = js.replace(quoted, '"a"');
  for (const [name, short] of renamed) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`wasm-imports: import ${name} is no identifier`);
    const pattern = new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
    const uses = glue.match(pattern)?.length ?? 0;
    if (uses !== 1) throw new Error(`wasm-imports: the glue names ${name} ${uses} times, not once`);
    glue = glue.replace(pattern, short);
  }
  return { wasm: Buffer.concat(out), js: glue };
}
