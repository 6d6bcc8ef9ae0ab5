#!/usr/bin/env python3
"""Generates data/general/synonyms.tsv: pairs of words that say the same thing, from
WordNet 3.0 (Princeton University) checked against the semantic layer's vectors.

usage: scripts/knowledge/synonyms.py [--work DIR]   (WordNet from /usr/share/wordnet)

Two outlets name one fact in other words ("renovation" / "restoration", "blaze" /
"fire", "vowed" / "promised", "survived" / "survivors"). WordNet gives the candidates: two single-word lemmas
of one synset (nouns, verbs, adjectives). WordNet lists every sense of a word, rare
ones too ("fall" is also "surrender"); its derivation pointers add a person noun and
the verb it comes from ("survivor" / "survive": `agent_nouns`). A pair is kept only when the WordLlama
vectors of the two words (the first 64 dimensions of the table the semantic layer
ships, scripts/semantic/build_table.py) are close as well: cosine >= MIN_COSINE.
That keeps the senses news text uses and drops the rest. Both words must also be
common: at most MAX_PIECES pieces of the table's vocabulary (the SentencePiece
vocabulary gives common words one or two pieces, rare ones more: "renovation" is
renov+ation, "vibraphone" v+ib+raph+one).

Left out: function words (data/stopwords.txt), words under four letters, speech
verbs (data/general/speech-verbs.txt: every outlet says "said" in its own way, and
attribution reads them apart), antonym pairs (data/general/antonyms.tsv), and
calendar words (Monday / Tuesday are close as vectors, never synonyms).

Output, one pair a line, in the form of antonyms.tsv (each side a lemma and its
irregular forms, regular inflections are left to the stemmer):

    renovation<TAB>restoration

Needs pip and the network to PyPI for the vectors (as build_table.py); WordNet comes
with Debian's wordnet-base (installed with apt-get when missing).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "semantic"))
import antonyms  # noqa: E402  (WordNet reading: exceptions, ensure)
import build_table  # noqa: E402  (the wheel and its Python packages)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "general", "synonyms.tsv")
MIN_COSINE = 0.4
MAX_PIECES = 2
DIMS = 64


def words_of(path):
    out = set()
    for line in open(os.path.join(ROOT, path), encoding="utf-8"):
        if not line.startswith("#"):
            out.update(w.lower() for w in line.replace("\t", " ").replace("|", " ").split())
    return out


def synsets(pos):
    """The single-word lemmas of each synset of `pos` (noun, verb, adj)."""
    for line in open(os.path.join(antonyms.WN, f"data.{pos}"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split(" | ")[0].split()
        count = int(f[3], 16)
        lemmas = [f[4 + 2 * i].split("(")[0] for i in range(count)]
        yield [w for w in lemmas if w.isalpha() and w.islower() and len(w) >= 4]


def agent_nouns():
    """(noun, verb) pairs of WordNet's derivation pointers from a person noun
    (lexicographer file noun.person) to the verb it is made of: "survivor" /
    "survive", "investigator" / "investigate", "attacker" / "attack". The noun must
    be the verb (less its final "e") with the agent ending "-or" or "-er": "killer" is
    in, "advisee", "accountant" and "attraction" (other relations) are out."""
    verbs = {}
    for line in open(os.path.join(antonyms.WN, "data.verb"), encoding="latin-1"):
        if not line.startswith("  "):
            f = line.split(" | ")[0].split()
            verbs[f[0]] = [f[4 + 2 * i].split("(")[0] for i in range(int(f[3], 16))]
    for line in open(os.path.join(antonyms.WN, "data.noun"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        f = line.split(" | ")[0].split()
        if f[1] != "18":  # noun.person
            continue
        count = int(f[3], 16)
        lemmas = [f[4 + 2 * i].split("(")[0] for i in range(count)]
        at = 4 + 2 * count
        for k in range(int(f[at])):
            symbol, offset, pos, st = f[at + 1 + 4 * k: at + 5 + 4 * k]
            if symbol != "+" or pos != "v" or offset not in verbs:
                continue
            source, target = int(st[:2], 16), int(st[2:], 16)
            if not source or not target:
                continue
            noun, verb = lemmas[source - 1], verbs[offset][target - 1]
            stem = verb[:-1] if verb.endswith("e") else verb
            agent = any(noun in (stem + end, verb + end) for end in ("or", "er"))
            if noun.isalpha() and verb.isalpha() and len(verb) >= 4 and agent:
                yield noun, verb


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default=os.path.join(ROOT, "target", "semantic-build"))
    args = parser.parse_args()
    antonyms.ensure()
    unpacked = build_table.install(args.work)
    import numpy as np
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    table = load_file(os.path.join(unpacked, "wordllama", "weights", "l2_supercat_256.safetensors"))
    vectors = next(iter(table.values())).astype(np.float32)[:, :DIMS]
    tokenizer = Tokenizer.from_file(os.path.join(unpacked, "wordllama", "tokenizers", "l2_supercat_tokenizer_config.json"))
    cache = {}

    def common(word):
        return len(tokenizer.encode(word, add_special_tokens=False).ids) <= MAX_PIECES

    def vector(word):
        if word not in cache:
            v = vectors[tokenizer.encode(word, add_special_tokens=False).ids].mean(0)
            cache[word] = v / (np.linalg.norm(v) + 1e-9)
        return cache[word]

    skip = words_of("data/stopwords.txt") | words_of("data/general/speech-verbs.txt") | words_of("data/general/calendar.txt")
    opposed = set()
    for line in open(os.path.join(ROOT, "data", "general", "antonyms.tsv"), encoding="utf-8"):
        if not line.startswith("#") and "\t" in line:
            x, y = (side.split("|")[0] for side in line.rstrip("\n").split("\t"))
            opposed.add(tuple(sorted((x, y))))
    pairs = set()
    forms = {}
    for pos in ("noun", "verb", "adj"):
        forms.update(antonyms.exceptions(pos))
        for lemmas in synsets(pos):
            lemmas = [w for w in lemmas if w not in skip and common(w)]
            for i, x in enumerate(lemmas):
                for y in lemmas[i + 1:]:
                    pair = tuple(sorted((x, y)))
                    if x != y and pair not in opposed and float(vector(x) @ vector(y)) >= MIN_COSINE:
                        pairs.add(pair)
    # Agent nouns and their verbs ("None of the 149 ... survived" / "There were no
    # survivors"), under the same tests.
    for noun, verb in agent_nouns():
        pair = tuple(sorted((noun, verb)))
        # The agent ending is a piece of its own ("surv+iv+or"): the noun may have one more.
        pieces = len(tokenizer.encode(noun, add_special_tokens=False).ids)
        if noun not in skip and verb not in skip and pieces <= MAX_PIECES + 1 and common(verb) and pair not in opposed \
                and float(vector(noun) @ vector(verb)) >= MIN_COSINE:
            pairs.add(pair)
    antonyms.write_pairs(OUT, [
        "Synonym pairs from WordNet 3.0 (nouns, verbs, adjectives), and person nouns with the verb",
        "they derive from (survivor / survive; the noun may have one piece more), whose WordLlama vectors agree",
        f"(cosine >= {MIN_COSINE} at {DIMS} dimensions, both words of at most {MAX_PIECES} pieces),",
        "generated by scripts/knowledge/synonyms.py: lemma|irregular forms<TAB>lemma|irregular forms.",
    ], "WordLlama (MIT): data/semantic/LICENSE-wordllama.", pairs, forms)

if __name__ == "__main__":
    main()
