#!/usr/bin/env python3
"""Entity report over the ECB+ dev set: runs the CLI on every article and prints

- for each claim field, how many claims have it, with samples;
- entity recall against ECB+'s annotated capitalised participant and place mentions
  (tags HUMAN_PART*, LOC_GEO, LOC_FAC whose text starts with a capital): the share that
  fall inside an entity mention of a claim holding the sentence;
- how many claims carry a story-pack topic or entity, or a link reason names one (must be 0);
- 100 random entities (seeded) to check by hand (--sample FILE writes them).

    python3 scripts/eval/entities.py [events.json] [path/to/parallax] [--sample FILE]

Each article is compared with the next article of its event (as `score_ecbplus.py` builds
them: headline, blank line, sentences as one paragraph); its claims are read from side A.
"""
import glob, json, os, random, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
args = [a for a in sys.argv[1:] if not a.startswith('--')]
events_path = args[0] if args else '/work/shared/eval/ecbplus-dev/events.json'
cli = args[1] if len(args) > 1 else os.path.join(ROOT, 'target', 'eval', 'parallax')
sample_file = sys.argv[sys.argv.index('--sample') + 1] if '--sample' in sys.argv else None
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
found = total = 0
missed = []
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
        mention = norm(' '.join(words))
        ok = False
        for c in holders:
            mt = re.search(pattern, c['text'])
            # A build without `mentions` (before them): entity names stand for their text.
            for e in c.get('mentions') or [{'text': n} for n in c['entities']]:
                if not e['text']:
                    continue
                for em in re.finditer(re.escape(e['text']), c['text']):
                    if em.start() <= mt.start() and mt.end() <= em.end() + 2:  # "France's" in "France"
                        ok = True
        found += ok
        if not ok:
            missed.append((m['tag'], ' '.join(words), sent[:110]))

print(f'articles: {len(results)}, claims: {claims_total}')
random.seed(9)
for f in fields:
    n = len(have[f])
    print(f'\n{f}: {n} claims ({n / max(claims_total, 1):.0%})')
    for value, text in random.sample(have[f], min(3, n)):
        print(f'   {json.dumps(value, ensure_ascii=False)[:120]}  <- {text[:80]}')
print(f'\nentity recall: {found}/{total} = {found / max(total, 1):.3f}')
print('   missed (sample):')
for t in random.sample(missed, min(15, len(missed))):
    print('   ', t)
print(f'\nclaims with a pack topic or entity, or links whose reason names one: {leaks}')
for s in leak_samples[:10]:
    print('   ', s)
kinds = {}
for e in entities:
    kinds[e[1]] = kinds.get(e[1], 0) + 1
print(f'\nentity mentions: {len(entities)} by kind {kinds}')
if sample_file:
    with open(sample_file, 'w') as f:
        for name, kind, text, claim in random.sample(entities, min(100, len(entities))):
            f.write(f'{name}\t{kind}\t{text}\t{claim[:120]}\n')
    print(f'100 random entities written to {sample_file}')
