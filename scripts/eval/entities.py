#!/usr/bin/env python3
"""Entity report over the ECB+ dev set: runs the CLI on every article and prints

- for each claim field, how many claims have it, with samples;
- entity recall against ECB+'s annotated capitalised participant and place mentions
  (tags HUMAN_PART*, LOC_GEO, LOC_FAC whose text starts with a capital): the share that
  fall inside an entity mention of a claim holding the sentence;
- how many claims carry a story-pack topic or entity, or a link reason names one (must be 0);
- 100 random entities (seeded) to check by hand (--sample FILE writes them, --sample -
  prints them; --seed N draws another sample, 9 unless told; --missed FILE writes every
  annotated mention not found, with its category);
- kind accuracy on hand-labelled entities (--kinds FILE[,FILE], default scripts/eval/kinds.tsv
  and kinds-names.tsv, each scored apart).

    python3 scripts/eval/entities.py [events.json] [path/to/parallax] [--sample FILE|-] [--seed N] [--missed FILE] [--kinds FILE]

What recall counts. Issue #9 measures recall on *capitalised* mentions: names. A personal
pronoun ("He", "She", "They", "I", "We" and their forms, "He'd", "I'm") is capitalised only
where it opens a sentence (or is "I") and is never a name, so the headline figure (`entity
recall`) leaves pronouns out; the figure over every capitalised mention, pronouns included,
is printed beside it (it was the only figure before). A mention is found when it lies inside
one entity, or when it is names joined as a reader joins them, each name an entity and
only a possessive, a comma, "in" or "of" between ("Indonesia's Aceh province", "Morningside
Recovery in Newport Beach, Calif."); a leading article or preposition of ECB+'s extent is
not part of any name ("The Saints", "In Queens" in a Title Case headline). Both are printed
apart (`one entity, as ECB+ bounds it`). The other misses are not dropped but sorted into
categories:
  - extent: every capitalised word of the mention that is not capitalised only by its place
    (below) is inside an entity, but ECB+'s mention runs wider than a name ("Brooklyn
    mother of 12", "Reuters correspondent", "Spiro Man" in a Title Case headline);
  - common word: every capitalised word of it is capitalised only by its place (the first
    word of a sentence, or a word of a Title Case headline) and written in lower case
    elsewhere in the dev set ("Police", "Prosecutors", "Driver"), or it has function
    words alone ("Both"): not a name either;
  - name: the rest, the names missed.
`name words` is the share whose every capitalised word (but function words) is inside an
entity: recall of the names in the mentions, whatever the mentions' extent.

Each article is compared with the next article of its event (as `score_ecbplus.py` builds
them: headline, blank line, sentences as one paragraph); its claims are read from side A.
"""
import glob, json, os, random, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
args = []
for i, a in enumerate(sys.argv[1:], 1):
    if not a.startswith('--') and not sys.argv[i - 1] in ('--sample', '--seed', '--missed', '--kinds'):
        args.append(a)
events_path = args[0] if args else '/work/shared/eval/ecbplus-dev/events.json'
cli = args[1] if len(args) > 1 else os.path.join(ROOT, 'target', 'eval', 'parallax')
sample_file = sys.argv[sys.argv.index('--sample') + 1] if '--sample' in sys.argv else None
sample_seed = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 9
missed_file = sys.argv[sys.argv.index('--missed') + 1] if '--missed' in sys.argv else None
kinds_files = (sys.argv[sys.argv.index('--kinds') + 1].split(',') if '--kinds' in sys.argv else
               [os.path.join(ROOT, 'scripts', 'eval', f) for f in ('kinds.tsv', 'kinds-names.tsv')])
events = json.load(open(events_path))

# Every word of every pack: entity names and aliases, topic ids and labels.
pack_names, pack_topics = set(), set()
for d in glob.glob(os.path.join(ROOT, 'data', 'stories', '*')):
    lex = json.load(open(os.path.join(d, 'lexicon.json')))
    general_names = {l.split('\t')[0] for f in ('places.tsv', 'outlets.tsv')
                     for l in open(os.path.join(ROOT, 'data', 'general', f)) if not l.startswith('#')}
    for e in lex['entities']:
        if e['name'] not in general_names:  # a pack may add aliases to a general entity
            pack_names.add(e['name'])
    for t in json.load(open(os.path.join(d, 'topics.json')))['topics']:
        pack_topics.update([t['id'], t['label']])


def article_text(a):
    s = a['sentences']
    return s[0]['text'] + '\n\n' + ' '.join(x['text'] for x in s[1:]) + '\n'


def run(pair):
    a, b = pair
    with tempfile.TemporaryDirectory() as tmp:
        pa, pb = os.path.join(tmp, 'a.txt'), os.path.join(tmp, 'b.txt')
        open(pa, 'w').write(article_text(a))
        open(pb, 'w').write(article_text(b))
        out = subprocess.run([cli, 'compare', pa, pb, '--format', 'json'], capture_output=True, text=True, check=True)
        return a, json.loads(out.stdout)


pairs = []
for ev in events:
    arts = ev['articles']
    for i, a in enumerate(arts):
        pairs.append((a, arts[(i + 1) % len(arts)]))
next_of = {a['doc']: b for a, b in pairs}
with ThreadPoolExecutor(max_workers=2) as pool:
    results = list(pool.map(run, pairs))

fields = ['entities', 'attribution', 'numbers', 'times', 'topics']
have = {f: [] for f in fields}
claims_total, leaks, leak_samples = 0, 0, []
found = total = held = found_held = found_words = 0
missed = []
# (Several words a line: a set of lines would hold no word.)
STOP = {w for l in open(os.path.join(ROOT, 'data', 'stopwords.txt')) if not l.startswith('#') for w in l.split()}
PRONOUNS = {'he', 'she', 'they', 'i', 'we', 'you', 'it', 'him', 'her', 'them', 'me', 'us',
            'his', 'hers', 'its', 'their', 'theirs', 'our', 'ours', 'my', 'mine', 'your', 'yours'}
is_pronoun = lambda text: re.split(r"['’]", text.strip().lower())[0] in PRONOUNS and ' ' not in text.strip()
# Words written in lower case somewhere in the dev set: a capital on them says nothing by itself.
lower_words = {w for ev in events for a in ev['articles'] for x in a['sentences']
               for w in re.findall(r"[a-z][\w'’-]*", x['text'])}
TITLE_MINOR = next(l.split('\t')[1].strip().split('|') for l in open(os.path.join(ROOT, 'data', 'general', 'name-words.txt'))
                   if l.startswith('title_minor\t'))
# Names joined by a possessive, "in", "of" or a comma ("Indonesia's Aceh province",
# "Morningside Recovery in Newport Beach, Calif."): ECB+ marks one mention where a reader
# sees two names; it is found when each is an entity and only such a joint lies between.
JOINT = re.compile(r"\s*(['’]s\s*|,\s*|\s(in|of)\s)\s*")


def chained(text, a, b, spans):
    at = max((y for x, y in spans if x <= a < y), default=None)
    while at is not None and at < b:
        gap = JOINT.match(text, at) or (text[at - 2:at] in ("'s", '’s') and re.compile(r'\s+').match(text, at))
        if text[at:b] in ('.', "'s", '’s'):  # "Calif." after "Calif", "France's"
            return True
        if not gap:
            return False
        at = max((y for x, y in spans if x == gap.end()), default=None)
    return at is not None


pron_total = pron_found = found_strict = 0
categories = {'pronoun': [], 'extent': [], 'common word': [], 'name': []}
entities = []
norm = lambda s: re.sub(r"['’]s\b", '', s).lower()
for art, comp in results:
    claims = [c for c in comp['claims'] if c['id'].startswith('A')]
    claims_total += len(claims)
    for c in claims:
        for f in fields:
            if c.get(f):
                have[f].append((c[f], c['text']))
        # A pack entity the text names itself ("Google's Chrome") is no leak; one the
        # pack's aliases made ("ban" -> "US Entity List") and any pack topic are.
        names = {n for n in c['entities'] if n not in c['text']} | set(c['topics'])
        if names & (pack_names | pack_topics):
            leaks += 1
            leak_samples.append((sorted(names & (pack_names | pack_topics)), c['text'][:90]))
        for m in c.get('mentions', []):
            if m['text']:
                entities.append((m['name'], m['kind'], m['text'], c['text']))
    # A reason naming a pack entity the pair's texts name themselves ("Google" in articles
    # about Chrome) is no leak either; one naming a pack entity neither text has is.
    pair_text = article_text(art) + article_text(next_of[art['doc']])
    for link in comp['links']:
        if any(n in link['why'] and n not in pair_text for n in pack_names):
            leaks += 1
            leak_samples.append(('why', link['why']))
    # Recall.
    for m in art['mentions']:
        if not (m['tag'].startswith('HUMAN_PART') or m['tag'] in ('LOC_GEO', 'LOC_FAC')):
            continue
        if not m['text'][:1].isupper():
            continue
        by_i = {x['i']: x for x in art['sentences']}
        if m['sent'] not in by_i:
            continue
        sent = by_i[m['sent']]['text']
        toks = by_i[m['sent']]['tokens'].split(' ')
        words = ecb_words = toks[m['tok'][0]:m['tok'][1]]
        # A leading article or preposition ("The Saints", "In Queens" in a Title Case
        # headline) is ECB+'s extent, never the start of a name: the name is what follows.
        while len(words) > 1 and words[0].lower() in TITLE_MINOR:
            words = words[1:]
        pattern = r'\s*'.join(re.escape(w) for w in words)
        total += 1
        pronoun = is_pronoun(m['text'])
        pron_total += pronoun
        holders = [c for c in claims if re.search(pattern, c['text'])
                   and (c['text'] in sent or sent in c['text'] or len(set(c['text'].split()) & set(sent.split())) * 2 >= len(sent.split()))]
        held += bool(holders)
        # Capitalised only by place: the sentence's first word, or a Title Case headline's.
        at = sent.find(' '.join(words[:1])) if words else -1
        headline = m['sent'] == art['sentences'][0]['i'] and all(
            w in TITLE_MINOR for w in re.findall(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])", sent))
        by_place = lambda w: w.group().lower() in lower_words and (headline or (at == 0 and w.start() == 0))
        # Spans of the mention, of its capitalised words, and of the claims' entities.
        whole = name_words = names_inside = strict = False
        for c in holders:
            mt = re.search(pattern, c['text'])
            spans = []
            for e in c.get('mentions') or [{'text': n} for n in c['entities']]:
                if e['text']:
                    spans += [(em.start(), em.end()) for em in re.finditer(re.escape(e['text']), c['text'])]
            inside = lambda a, b: any(x <= a and b <= y + 2 for x, y in spans)  # "France's" in "France"
            whole |= inside(mt.start(), mt.end()) or chained(c['text'], mt.start(), mt.end(), spans)
            full = re.search(r'\s*'.join(re.escape(w) for w in ecb_words), c['text'])
            strict |= bool(full) and inside(full.start(), full.end())
            caps = [w for w in re.finditer(r"[A-Z][\w.'’&-]*", c['text'][mt.start():mt.end()]) if w.group().lower() not in STOP]
            name_words |= bool(caps) and all(inside(mt.start() + w.start(), mt.start() + w.end()) for w in caps)
            # The names among them: the words not capitalised only by their place.
            names = [w for w in caps if not by_place(w)]
            names_inside |= bool(names) and all(inside(mt.start() + w.start(), mt.start() + w.end()) for w in names)
        found += whole
        found_strict += strict and not pronoun
        pron_found += whole and pronoun
        found_held += whole and bool(holders)
        found_words += name_words and not pronoun
        if holders and not whole:
            # A mention of function words alone ("Both", "Where") is no name either.
            caps = [w for w in re.finditer(r"[A-Z][\w'’-]*", ' '.join(words)) if w.group().lower() not in STOP]
            positional = all(by_place(w) for w in caps)
            category = ('pronoun' if pronoun else 'extent' if name_words or names_inside
                        else 'common word' if positional else 'name')
            categories[category].append((m['tag'], ' '.join(words), sent[:160]))
            missed.append((category, m['tag'], ' '.join(words), sent[:160]))

print(f'articles: {len(results)}, claims: {claims_total}')
random.seed(9)
for f in fields:
    n = len(have[f])
    print(f'\n{f}: {n} claims ({n / max(claims_total, 1):.0%})')
    for value, text in random.sample(have[f], min(3, n)):
        print(f'   {json.dumps(value, ensure_ascii=False)[:120]}  <- {text[:80]}')
names_total, names_found = total - pron_total, found - pron_found
print(f'\nentity recall (the whole mention inside an entity of the claim, or names joined; pronouns left out): {names_found}/{names_total} = {names_found / max(names_total, 1):.3f}')
print(f'   one entity, as ECB+ bounds it (no joined names, leading article kept; pronouns left out): {found_strict}/{names_total} = {found_strict / max(names_total, 1):.3f}')
print(f'   every capitalised mention, pronouns included: {found}/{total} = {found / max(total, 1):.3f}')
print(f'   mentions in a sentence some claim holds (not a headline taken as the title): {held}')
print(f'   of those, the whole mention inside an entity: {found_held}/{held} = {found_held / max(held, 1):.3f}')
print(f'   name words (every capitalised word of the mention inside an entity; pronouns left out): {found_words}/{names_total} = {found_words / max(names_total, 1):.3f}')
print('   missed, by category (samples):')
for category, rows in categories.items():
    print(f'   {category}: {len(rows)}')
    for t in random.sample(rows, min(6, len(rows))):
        print('      ', t)
print(f'\nclaims with a pack topic or entity, or links whose reason names one: {leaks}')
for s in leak_samples[:10]:
    print('   ', s)
kinds = {}
for e in entities:
    kinds[e[1]] = kinds.get(e[1], 0) + 1
print(f'\nentity mentions: {len(entities)} by kind {kinds}')
if missed_file:
    with open(missed_file, 'w') as f:
        for row in missed:
            f.write('\t'.join(row) + '\n')
if sample_file:
    random.seed(sample_seed)
    lines = [f'{name}\t{kind}\t{text}\t{claim[:120]}\n' for name, kind, text, claim in random.sample(entities, min(100, len(entities)))]
    if sample_file == '-':
        print('\n100 random entities (name, kind, as written, claim):')
        sys.stdout.write(''.join(f'{i:3} {l}' for i, l in enumerate(lines, 1)))
    else:
        open(sample_file, 'w').write(''.join(lines))
        print(f'100 random entities written to {sample_file}')

# Kinds: entities read by hand (kinds.tsv: the kinds a reader gives, `a|b` when both
# fit, `none` when the words are no entity; the text as written; the claim's opening). An
# entity counts when its text holds that text or lies inside it ("E. 31st St" for "31st St"); for
# `none`, only one written just so ("Fire" alone, not "Ring of Fire").
for kinds_file in filter(os.path.exists, kinds_files):
    right, unknown, wrong = 0, 0, []
    rows = [l.rstrip('\n').split('\t') for l in open(kinds_file) if l.strip() and not l.startswith('#')]
    for expected, text, claim in rows:
        want = set(expected.split('|'))
        fits = (lambda w: w == text) if 'none' in want else (lambda w: text in w or w in text)
        got = {kind for name, kind, written, c in entities if c.startswith(claim) and fits(written)}
        if (got & want) or (not got and 'none' in want):
            right += 1
        elif got == {'other'} and 'none' not in want:
            unknown += 1
        else:
            wrong.append((expected, text, sorted(got) or 'none', claim[:70]))
    print(f'\nkinds on {len(rows)} hand-labelled entities ({os.path.relpath(kinds_file, ROOT)}): right {right}, '
          f'of no kind ("other" where a reader gives one) {unknown}, wrong {len(wrong)}')
    for w in wrong:
        print('   ', w)
