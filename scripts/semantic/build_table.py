#!/usr/bin/env python3
"""Builds data/semantic/wordllama-64x4.bin, the static embedding table of the semantic layer.

Source: the PyPI package wordllama 0.4.0.post1 (MIT, Lee Miller; licence copied to
data/semantic/LICENSE-wordllama). Its `weights/l2_supercat_256.safetensors` holds one
fp16 vector of 256 dimensions per token of the Llama-2 SentencePiece vocabulary (32,000
pieces), trained with Matryoshka losses, so the first 64 dimensions stand alone. Its
tokenizer config (`tokenizers/l2_supercat_tokenizer_config.json`) gives the pieces.

The table keeps every piece, the first 64 dimensions, and 4-bit codes with one scale per
row (the binary format, and the alternatives measured, are documented at the top of
crates/core/src/analysis/semantic.rs; WordLlama's mean pooling at 64 dims: Spearman 0.814 on
stsb-dev in f32, 0.813 with these codes).

The script also checks that the tokenisation the Rust embedder uses (split on
whitespace, words in chunks of 64 characters, then SentencePiece BPE: merge the adjacent
pair whose piece has the lowest id; characters no piece covers as UTF-8 bytes) gives the
ids of the Hugging Face tokenizer the package ships, on every piece of the vocabulary
read as a word and on sample sentences. Running it again rebuilds the same bytes.

Usage: python3 scripts/semantic/build_table.py [--work DIR]
Needs pip and the network to PyPI; installs numpy, safetensors and tokenizers into DIR.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import zipfile

VERSION = "0.4.0.post1"
DIMS = 64
BITS = 4
LEVEL = 7  # codes run from -LEVEL to LEVEL, stored as code + 8 in a nibble
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "semantic")
TABLE = "wordllama-64x4.bin"

SENTENCES = [
    "A man with a hard hat is dancing.",
    "The restoration work on the cathedral could be to blame for the fire.",
    "None of the 149 people on board survived; there were no survivors.",
    "Inflation would stay above 8% till March-end, the governor said.",
    "Ünïcödé, emoji \U0001F600 and 漢字 fall back to bytes.",
]


def install(work):
    """Installs the Python packages and downloads the wheel into `work`; returns the unpacked wheel."""
    target = os.path.join(work, "py")
    if not os.path.isdir(os.path.join(target, "safetensors")):
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--target", target,
                               "numpy", "safetensors", "tokenizers"])
    sys.path.insert(0, target)
    wheels = os.path.join(work, "wheel")
    if not glob.glob(os.path.join(wheels, f"wordllama-{VERSION}-*.whl")):
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                               f"wordllama=={VERSION}", "-d", wheels])
    unpacked = os.path.join(work, "unpacked")
    with zipfile.ZipFile(glob.glob(os.path.join(wheels, f"wordllama-{VERSION}-*.whl"))[0]) as wheel:
        wheel.extractall(unpacked)
    return unpacked


def bpe_ids(text, vocab):
    """The ids the Rust embedder gives `text` (see `Embedder::token_ids`)."""
    ids = []
    words = [("\u2581" if i == 0 else "") + w[i:i + 64] for w in text.split() for i in range(0, len(w), 64)]
    for word in words:
        symbols = list(word)
        while len(symbols) > 1:
            best = None
            for i in range(len(symbols) - 1):
                piece = vocab.get(symbols[i] + symbols[i + 1])
                if piece is not None and (best is None or piece < best[0]):
                    best = (piece, i)
            if best is None:
                break
            i = best[1]
            symbols[i:i + 2] = [symbols[i] + symbols[i + 1]]
        for symbol in symbols:
            if symbol in vocab:
                ids.append(vocab[symbol])
            else:
                ids.extend(3 + b for b in symbol.encode("utf-8"))
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", default="/tmp/parallax-semantic-build", help="download and install directory")
    args = parser.parse_args()
    unpacked = install(args.work)
    import numpy as np
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    package = os.path.join(unpacked, "wordllama")
    weights = load_file(os.path.join(package, "weights", "l2_supercat_256.safetensors"))["embedding.weight"]
    config_path = os.path.join(package, "tokenizers", "l2_supercat_tokenizer_config.json")
    with open(config_path, encoding="utf-8") as f:
        vocab = json.load(f)["model"]["vocab"]
    pieces = sorted(vocab, key=vocab.get)
    count = len(pieces)
    assert [vocab[p] for p in pieces] == list(range(count)), "ids are not 0..count"
    assert weights.shape[0] == count, (weights.shape, count)
    assert all(pieces[3 + b] == f"<0x{b:02X}>" for b in range(256)), "byte pieces are not ids 3..258"

    # The Rust tokenisation must be the package's.
    tokenizer = Tokenizer.from_file(config_path)
    checks = SENTENCES + [p.replace("\u2581", " ").strip() for p in pieces[259:] if p.strip("\u2581")]
    mismatched = [t for t in checks if tokenizer.encode(t, add_special_tokens=False).ids != bpe_ids(t, vocab)]
    assert not mismatched, mismatched[:5]
    print(f"tokenisation: {len(checks) - len(mismatched)} of {len(checks)} texts match the package")

    vectors = weights[:, :DIMS].astype(np.float32)
    peak = np.abs(vectors).max(axis=1)
    scale = (peak / LEVEL).astype(np.float16)
    scale[scale == 0] = np.float16(1)
    codes = np.clip(np.round(vectors / scale.astype(np.float32)[:, None]), -LEVEL, LEVEL).astype(np.int16) + 8
    packed = (codes[:, 0::2] | (codes[:, 1::2] << 4)).astype(np.uint8)

    names = bytearray()
    for piece in pieces:
        raw = piece.encode("utf-8")
        assert len(raw) < 256, piece
        names.append(len(raw))
        names += raw
    header = b"PXSE" + bytes([1, DIMS, BITS, 0]) + count.to_bytes(4, "little")
    table = header + bytes(names) + scale.astype("<f2").tobytes() + packed.tobytes()

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, TABLE), "wb") as f:
        f.write(table)
    with open(os.path.join(unpacked, f"wordllama-{VERSION}.dist-info", "licenses", "LICENSE"), encoding="utf-8") as f:
        licence = f.read()
    with open(os.path.join(OUT, "LICENSE-wordllama"), "w", encoding="utf-8") as f:
        f.write(f"data/semantic/{TABLE} is derived from wordllama {VERSION} (PyPI),\n"
                "weights/l2_supercat_256.safetensors and tokenizers/l2_supercat_tokenizer_config.json,\n"
                "by scripts/semantic/build_table.py. Its licence:\n\n" + licence)
    print(f"wrote data/semantic/{TABLE}: {len(table)} bytes, {count} pieces x {DIMS} dims, {BITS}-bit codes")


if __name__ == "__main__":
    main()
