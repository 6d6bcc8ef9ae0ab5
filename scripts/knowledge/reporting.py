#!/usr/bin/env python3
"""Writes data/general/roles.txt and data/general/speech-verbs.txt from WordNet 3.0
(Debian's `wordnet-base`, /usr/share/wordnet; licence: data/general/WordNet-LICENSE.txt).

usage: python3 scripts/knowledge/reporting.py   (from the repository root)

- roles.txt: who may be the source of a claim when no name is given ("a police
  spokesperson said", "officials said", "according to the report"): the lowercase
  hyponyms of person.n.01 and organization.n.01 whose senses there hold at least half
  of the word's SemCor tags (words that mostly mean a person or a body: "officer"
  yes, "head" no), plus the curated words below (WordNet has them, untagged, or as
  documents).
- speech-verbs.txt: reporting verbs ("said", "tweeted", "told"): the hyponyms of the
  say/state/tell, announce, report, claim, admit, deny, warn, explain, confirm,
  emphasise, reveal, write, predict and concede synsets that take a clause ("Somebody
  ----s that CLAUSE", WordNet frame 26) and mostly mean that (a third of their tags),
  in their base, -s and past forms (irregular pasts from verb.exc), plus the curated
  verbs below. Matched word for word, so every form is listed.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from wordnet import WordNet, dominant, irregular_verbs, senses  # noqa: E402

PERSON = "00007846"  # person, individual, someone
ORGANIZATION = "08008335"  # organization, organisation: a group of people who work together
SPEECH_ROOTS = {
    "01009258": "state, say, tell",
    "00974385": "announce",
    "00965053": "report",
    "00756356": "claim",
    "00965889": "declare",
    "01010136": "declare (formally)",
    "00817329": "admit, acknowledge",
    "00816574": "deny",
    "00870231": "warn",
    "00939295": "explain",
    "00665904": "confirm",
    "01013385": "emphasize, stress",
    "00933839": "reveal, disclose",
    "00993032": "write",
    "00917790": "predict",
    "00818571": "concede",
}
# Curated: common news roles WordNet lists without a SemCor tag, spellings it lacks,
# plural-only bodies, and documents that are cited like people.
CURATED_ROLES = """spokesperson, spokeswoman, firefighter, fireman, neighbour, eyewitness, passer-by,
onlooker, bystander, paramedic, rescuer, rescue worker, aid worker, official, police,
authorities, people, residents, officials, investigators, prosecutors, ministry, government,
administration, embassy, agency, military, court, coroner, report, statement, study, survey,
complaint, indictment, affidavit, document, filing, release, letter, communique, newspaper,
website, broadcaster, network, television, media, sources, source""".replace("\n", " ").split(", ")
CURATED_VERBS = """insist insisted insists tweet tweeted tweets posted deny denied denies wrote
testified emphasised stressed reiterated reiterates""".split() + ["went on to say"]
# WordNet senses of these take a clause, but in news they do not report speech.
NOT_SPEECH = {"enact", "ordain", "will", "swan", "slip in", "stick in", "advertise", "promulgate",
              "publicize", "reason", "sound off", "speak up", "counter", "guarantee", "specify",
              "stipulate", "postulate", "describe", "answer", "advocate", "recommend", "promise", "pledge",
              "attest", "write", "predict", "bet", "insure", "give away", "let on", "let out", "see to it",
              "set down", "prove", "disprove", "demonstrate", "substantiate", "corroborate", "verify",
              "write down", "spell out", "point up", "underline", "forecast", "prophesy", "swear", "assure",
              "post", "proclaim", "profess", "accentuate", "affirm", "exclaim", "retort"}
# ...except in the past, which is how news reports them ("wrote", "predicted").
PAST_ONLY = {"write", "predict"}
# Forms that are mostly another word in news ("the state", "Unity state").
NOT_FORMS = {"state"}
VOWELS = "aeiou"


def third_person(verb):
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def past(verb, irregular):
    forms = [f for f in irregular.get(verb, []) if not f.endswith("ing") and f != third_person(verb)]
    if forms:
        return forms[0]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return verb[:-1] + "ied"
    # One stressed closing syllable doubles its consonant ("admit", "regret", "vow" not).
    cvc = len(verb) > 2 and verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS and verb[-3] not in VOWELS
    syllables = sum(1 for a, b in zip(" " + verb, verb) if b in VOWELS and a not in VOWELS)
    if cvc and (syllables == 1 or verb.endswith(("mit", "gret", "fer", "pel"))):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def inflect(phrase, irregular, forms):
    head, _, rest = phrase.partition(" ")
    tail = " " + rest if rest else ""
    return [f + tail for f in forms(head, irregular)]


def main():
    nouns, verbs = WordNet("n"), WordNet("v")
    roles = set(dominant(nouns, senses("n"), nouns.closure([PERSON]), 0.5, 1))
    roles |= set(dominant(nouns, senses("n"), nouns.closure([ORGANIZATION]), 0.5, 2))
    roles |= set(CURATED_ROLES)

    clause = {o for o in verbs.closure(list(SPEECH_ROOTS)) if 26 in verbs.frames[o]}
    speech = set(dominant(verbs, senses("v"), clause, 1 / 3, 1))
    irregular = irregular_verbs()
    words = set(CURATED_VERBS)
    for verb in sorted(speech):
        if verb in PAST_ONLY:
            words.update(inflect(verb, irregular, lambda v, irr: [past(v, irr)]))
        elif verb not in NOT_SPEECH:
            words.update(inflect(verb, irregular, lambda v, irr: [v, third_person(v), past(v, irr)]))

    words -= NOT_FORMS
    note = "# Generated by scripts/knowledge/reporting.py from WordNet 3.0 (data/general/WordNet-LICENSE.txt): edit the script, not this file.\n"
    os.makedirs("data/general", exist_ok=True)
    with open("data/general/roles.txt", "w", encoding="utf-8") as f:
        f.write(note + "# Who may say something when no name is given: people by role, bodies, documents. One a line.\n")
        f.write("\n".join(sorted(roles)) + "\n")
    with open("data/general/speech-verbs.txt", "w", encoding="utf-8") as f:
        f.write(note + "# Reporting verbs in every form news uses them, matched word for word. One a line.\n")
        f.write("\n".join(sorted(words)) + "\n")
    print(f"roles.txt: {len(roles)} roles; speech-verbs.txt: {len(words)} forms of {len(speech)} verbs")


if __name__ == "__main__":
    main()
