"""Reads WordNet 3.0 as Debian's `wordnet-base` installs it (/usr/share/wordnet):
synsets, hyponym closures and SemCor tag counts. Shared by the list generators."""
import os
import re
from collections import defaultdict

ROOT = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
POS_NUMBER = {"n": 1, "v": 2}


class WordNet:
    def __init__(self, pos):
        self.pos = pos
        self.lemmas = {}  # offset -> [(lemma, lex_id)]
        self.lexfile = {}
        self.hyponyms = defaultdict(list)
        self.gloss = {}
        self.frames = {}  # verbs: the sentence frames of the synset (26: "Somebody ----s that CLAUSE")
        with open(os.path.join(ROOT, "data." + {"n": "noun", "v": "verb"}[pos]), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                head, _, gloss = line.partition(" | ")
                parts = head.split()
                offset, lexfile = parts[0], int(parts[1])
                count = int(parts[3], 16)
                words = [(parts[4 + 2 * k], int(parts[5 + 2 * k], 16)) for k in range(count)]
                at = 4 + 2 * count
                pointers = int(parts[at])
                for k in range(pointers):
                    symbol, target, tpos = parts[at + 1 + 4 * k : at + 4 + 4 * k]
                    if symbol == "~" and tpos == pos:
                        self.hyponyms[offset].append(target)
                self.frames[offset] = set()
                rest = parts[at + 1 + 4 * pointers :]
                if pos == "v" and rest:
                    for k in range(int(rest[0])):
                        self.frames[offset].add(int(rest[2 + 3 * k]))
                self.lemmas[offset] = words
                self.lexfile[offset] = lexfile
                self.gloss[offset] = gloss.strip()
        self.tags = {}
        with open(os.path.join(ROOT, "cntlist.rev"), encoding="latin-1") as f:
            for line in f:
                key, _, count = line.split()
                self.tags[key] = int(count)

    def closure(self, roots):
        """The synsets under `roots` (hyponyms, not instances: no proper names)."""
        seen, todo = set(), list(roots)
        while todo:
            o = todo.pop()
            if o not in seen:
                seen.add(o)
                todo.extend(self.hyponyms[o])
        return seen

    def tag_count(self, offset, lemma, lex_id):
        """How often SemCor tagged this word in this sense."""
        key = f"{lemma.lower()}%{POS_NUMBER[self.pos]}:{self.lexfile[offset]:02d}:{lex_id:02d}::"
        return self.tags.get(key, 0)

    def words(self, offsets, min_tags):
        """Lemmas (spaces for underscores, adjective markers dropped) of the synsets,
        in a sense SemCor tagged at least `min_tags` times."""
        out = set()
        for o in offsets:
            for lemma, lex_id in self.lemmas[o]:
                lemma = re.sub(r"\(.*\)$", "", lemma)
                if self.tag_count(o, lemma, lex_id) >= min_tags:
                    out.add(lemma.replace("_", " "))
        return out


def irregular_verbs():
    """verb.exc: inflected form -> base forms."""
    forms = defaultdict(list)
    with open(os.path.join(ROOT, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            form, *bases = line.split()
            for b in bases:
                forms[b].append(form)
    return forms


def senses(pos):
    """index file: lemma -> synset offsets, most frequent first."""
    out = {}
    with open(os.path.join(ROOT, "index." + {"n": "noun", "v": "verb"}[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            synsets = int(parts[2])
            out[parts[0].replace("_", " ")] = parts[-synsets:]
    return out


def dominant(wn, index, offsets, min_share, min_tags, allow_monosemous=False):
    """Lemmas of `offsets` for which those synsets hold at least `min_share` of the
    lemma's SemCor tags (and `min_tags` tags): words that mostly mean that."""
    out = {}
    # Lowercase lemmas only: "Englishman", "Quaker" are names of groups, not roles.
    lemmas = {l.replace("_", " ") for o in offsets for l, _ in wn.lemmas[o] if l.islower()}
    for lemma in lemmas:
        total = inside = 0
        for o in index.get(lemma, []):
            for l, lex_id in wn.lemmas[o]:
                if l.replace("_", " ").lower() == lemma:
                    n = wn.tag_count(o, re.sub(r"\(.*\)$", "", l), lex_id)
                    total += n
                    if o in offsets:
                        inside += n
        monosemous = len(index.get(lemma, [])) == 1 and index[lemma][0] in offsets
        if (inside >= min_tags and inside >= min_share * total) or (monosemous and allow_monosemous):
            out[lemma] = (inside, total)
    return out
