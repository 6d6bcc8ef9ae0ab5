#!/usr/bin/env python3
"""Entity report over the ECB+ dev set: runs the CLI on every article and prints

- for each claim field, how many claims have it, with samples;
- entity recall against ECB+'s annotated capitalised participant and place mentions
  (tags HUMAN_PART*, LOC_GEO, LOC_FAC whose text starts with a capital): the share that
  fall inside an entity mention of a claim holding the sentence;
- how many claims carry a story-pack topic or entity, or a link reason names one (must be 0);
- 100 random entities (seeded) to check by hand (--sample FILE writes them; --missed FILE
  writes every annotated mention not found).

    python3 scripts/eval/entities.py [events.json] [path/to/parallax] [--sample FILE] [--missed FILE]

Each article is compared with the next article of its event (as `score_ecbplus.py` builds
them: headline, blank line, sentences as one paragraph); its claims are read from side A.
"""
import glob, json, os, random, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
args = []
for i, a in enumerate(sys.argv[1:], 1):
    if not a.startswith('--') and not sys.argv[i - 1] in ('--sample', '--missed'):
        args.append(a)
events_path = args[0] if args else '/work/shared/eval/ecbplus-dev/events.json'
cli = args[1] if len(args) > 1 else os.path.join(ROOT, 'target', 'eval', 'parallax')
sample_file = sys.argv[sys.argv.index('--sample') + 1] if '--sample' in sys.argv else None
missed_file = sys.argv[sys.argv.index('--missed') + 1] if '--missed' in sys.argv else None
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
with ThreadPoolExecutor(max_workers=2) as pool:
    results = list(pool.map(run, pairs))

fields = ['entities', 'attribution', 'numbers', 'times', 'topics']
have = {f: [] for f in fields}
claims_total, leaks, leak_samples = 0, 0, []
found = total = held = found_held = found_words = 0
missed = []
STOP = {l.strip() for l in open(os.path.join(ROOT, 'data', 'stopwords.txt')) if l.strip() and not l.startswith('#')}
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
    for link in comp['links']:
        if any(n in link['why'] for n in pack_names):
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
        words = toks[m['tok'][0]:m['tok'][1]]
        pattern = r'\s*'.join(re.escape(w) for w in words)
        total += 1
        holders = [c for c in claims if re.search(pattern, c['text'])
                   and (c['text'] in sent or sent in c['text'] or len(set(c['text'].split()) & set(sent.split())) * 2 >= len(sent.split()))]
        held += bool(holders)
        # Spans of the mention, of its capitalised words, and of the claims' entities.
        whole = name_words = False
        for c in holders:
            mt = re.search(pattern, c['text'])
            spans = []
            for e in c.get('mentions') or [{'text': n} for n in c['entities']]:
                if e['text']:
                    spans += [(em.start(), em.end()) for em in re.finditer(re.escape(e['text']), c['text'])]
            inside = lambda a, b: any(x <= a and b <= y + 2 for x, y in spans)  # "France's" in "France"
            whole |= inside(mt.start(), mt.end())
            caps = [w for w in re.finditer(r"[A-Z][\w.'’&-]*", c['text'][mt.start():mt.end()]) if w.group().lower() not in STOP]
            name_words |= bool(caps) and all(inside(mt.start() + w.start(), mt.start() + w.end()) for w in caps)
        found += whole
        found_held += whole and bool(holders)
        found_words += name_words
        if holders and not name_words:
            missed.append((m['tag'], ' '.join(words), sent[:160]))

print(f'articles: {len(results)}, claims: {claims_total}')
random.seed(9)
for f in fields:
    n = len(have[f])
    print(f'\n{f}: {n} claims ({n / max(claims_total, 1):.0%})')
    for value, text in random.sample(have[f], min(3, n)):
        print(f'   {json.dumps(value, ensure_ascii=False)[:120]}  <- {text[:80]}')
print(f'\nentity recall (the whole mention inside an entity of the claim): {found}/{total} = {found / max(total, 1):.3f}')
print(f'   mentions in a sentence some claim holds (not a headline taken as the title): {held}')
print(f'   of those, the whole mention inside an entity: {found_held}/{held} = {found_held / max(held, 1):.3f}')
print(f'   of those, every capitalised word of the mention inside an entity: {found_words}/{held} = {found_words / max(held, 1):.3f}')
print('   missed (sample, held mentions whose capitalised words are not all inside an entity):')
for t in random.sample(missed, min(15, len(missed))):
    print('   ', t)
print(f'\nclaims with a pack topic or entity, or links whose reason names one: {leaks}')
for s in leak_samples[:10]:
    print('   ', s)
kinds = {}
for e in entities:
    kinds[e[1]] = kinds.get(e[1], 0) + 1
print(f'\nentity mentions: {len(entities)} by kind {kinds}')
if missed_file:
    with open(missed_file, 'w') as f:
        for tag, words, sent in missed:
            f.write(f'{tag}\t{words}\t{sent}\n')
if sample_file:
    with open(sample_file, 'w') as f:
        for name, kind, text, claim in random.sample(entities, min(100, len(entities))):
            f.write(f'{name}\t{kind}\t{text}\t{claim[:120]}\n')
    print(f'100 random entities written to {sample_file}')
