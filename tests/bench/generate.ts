/**
 * The benchmark's content generator: a seeded, deterministic content tree (claims/, people/,
 * outlets/, topics/) shaped like the real one, at any size, that passes `npm run validate`.
 *
 * - claims: a 15-40 word `claim`, a 150-300 word Markdown body built from sentence templates
 *   over a few hundred words of conflict and politics vocabulary, Afghan place names, names
 *   and numbers (so Pagefind indexes realistic variety, not lorem ipsum), every status with
 *   the evidence its rating requires, 0-4 evidence items, 1-3 appearances oldest first,
 *   dates over five years at mixed precision, a status log consistent with the status,
 *   typed `related` links on some (written once, revisions by the same speaker, denials by
 *   the other side), a figure tied to a measure on about 30% (its words inside the claim,
 *   some revising the speaker's earlier figure), a forecast or pledge on about 5% (some
 *   settled with evidence, some overdue), and about 3% first said in Persian (`language: fa`, `original`);
 * - 1 measure per 500 claims (at least 8), drawn with a Zipf-like skew;
 * - about 1 speaker per 50 claims (people, organisations and unnamed speakers, affiliated
 *   with organisations), 1 outlet per 200 (at least 4), 1 topic per 250 (at least 8);
 *   speakers, outlets and topics are drawn with a Zipf-like skew, as real ones are.
 *
 * Same seed and size, same bytes: nothing reads the clock. Dates run from 2021-08-15 and
 * every date is on or before GENERATED_UNTIL, a fixed day in the past, so the output never
 * depends on the day the benchmark runs and no date is ever "in the future".
 *
 *   node tests/bench/generate.ts --claims 1000 --seed 2021 --dir .bench/1000/content
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Bump when the output changes shape; run.ts also keys its cache on this file's hash. */
export const GENERATOR_VERSION = 2;

/** The last day any generated date can fall on. */
export const GENERATED_UNTIL = '2026-10-31';
const FIRST_CLAIM_DAY = '2021-08-15';
const LAST_CLAIM_DAY = '2026-08-14';

/** Words the benchmark searches for; the generator counts the claims that contain each. */
export const QUERY_WORDS = ['taliban', 'panjshir', 'resistance', 'humanitarian', 'kunduz', 'drone'] as const;

export interface GenerateOptions {
  claims: number;
  seed: number;
  dir: string;
}

export interface GeneratedSummary {
  claims: number;
  people: number;
  outlets: number;
  topics: number;
  files: number;
  bytes: number;
  /** sha256 over every file's path and bytes, in path order: equal digests, equal trees. */
  digest: string;
  statuses: Record<string, number>;
  persian: number;
  /** How many claims contain each of QUERY_WORDS (case-insensitive, whole word). */
  claimsContaining: Record<string, number>;
  bodyWords: { min: number; max: number; mean: number };
  claimWords: { min: number; max: number };
}

// ---------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** Skewed towards the start of the list: common words are common, rare ones rare. */
  pickSkewed<T>(items: readonly T[], power = 1.7): T {
    const item = items[Math.floor(this.next() ** power * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** By weight: `[[value, weight], ...]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of table) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = table.at(-1);
    if (!last) throw new Error('weighted pick from an empty table');
    return last[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
  /** `count` distinct items. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.min(count, items.length));
  }
}

/** Draws from a list with Zipf-like weights 1/(rank+1)^s, in O(log n) per draw. */
class Zipf<T> {
  private readonly cumulative: number[] = [];
  private readonly items: readonly T[];
  constructor(items: readonly T[], exponent: number) {
    this.items = items;
    let total = 0;
    items.forEach((_, rank) => {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative.push(total);
    });
  }
  draw(random: Random): T {
    const target = random.next() * (this.cumulative.at(-1) ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low] as T;
  }
}

// ---------------------------------------------------------------------------------------
// Vocabulary

const PROVINCES = [
  'Kabul', 'Kandahar', 'Herat', 'Balkh', 'Nangarhar', 'Kunduz', 'Panjshir', 'Baghlan', 'Badakhshan', 'Takhar',
  'Parwan', 'Kapisa', 'Helmand', 'Ghazni', 'Faryab', 'Jowzjan', 'Samangan', 'Bamiyan', 'Daikundi', 'Ghor',
  'Badghis', 'Farah', 'Nimroz', 'Uruzgan', 'Zabul', 'Paktika', 'Paktia', 'Khost', 'Logar', 'Wardak',
  'Laghman', 'Kunar', 'Nuristan', 'Sar-e Pol',
] as const;
const DISTRICTS = [
  'Andarab', 'Rukha', 'Dara', 'Khenj', 'Bazarak', 'Anaba', 'Shutul', 'Paryan', 'Abshar', 'Khawak', 'Salang',
  'Pol-e Khomri', 'Dand-e Ghori', 'Khinjan', 'Keshem', 'Jurm', 'Wakhan', 'Spin Boldak', 'Torkham', 'Sangin',
  'Musa Qala', 'Nad Ali', 'Chahar Dara', 'Dasht-e Archi', 'Imam Sahib', 'Yakawlang', 'Shindand', 'Ghorian',
  'Kohistan', 'Tagab', 'Alasay', 'Darzab', 'Qaisar', 'Balkhab', 'Sholgara', 'Chimtal', 'Zebak', 'Ishkashim',
] as const;
const CITIES = [
  'Kabul', 'Kandahar', 'Herat', 'Mazar-i-Sharif', 'Jalalabad', 'Kunduz', 'Fayzabad', 'Taloqan', 'Pul-e Khumri',
  'Charikar', 'Ghazni', 'Lashkar Gah', 'Bamiyan', 'Khost', 'Gardez', 'Sheberghan', 'Maymana', 'Zaranj',
] as const;
const ABROAD = [
  'Islamabad', 'Doha', 'Tehran', 'Dushanbe', 'Tashkent', 'Washington', 'Moscow', 'Beijing', 'Geneva',
  'New York', 'London', 'Ankara', 'Peshawar', 'Quetta', 'Brussels', 'Berlin', 'Abu Dhabi', 'Delhi',
] as const;
const COUNTRIES = [
  'the United States', 'Pakistan', 'Iran', 'Russia', 'China', 'Qatar', 'Tajikistan', 'Uzbekistan', 'India',
  'Turkey', 'the United Kingdom', 'Germany', 'the European Union', 'Turkmenistan', 'Saudi Arabia',
] as const;
const GROUPS = [
  'the Taliban', 'Taliban fighters', 'resistance forces', 'National Resistance Front units', 'Islamic State Khorasan',
  'Al Qaeda operatives', 'foreign fighters', 'Pakistani militants', 'former army soldiers', 'local militias',
  'Taliban special forces', 'the Red Unit', 'Haqqani network commanders', 'Tehrik-i-Taliban Pakistan fighters',
  'Uzbek militants', 'Uyghur fighters', 'border guards', 'intelligence officers', 'tribal elders', 'smugglers',
] as const;
const FIGHTERS = ['fighters', 'soldiers', 'commandos', 'recruits', 'militants', 'guards', 'officers', 'volunteers', 'commanders', 'snipers'] as const;
const VICTIMS = ['civilians', 'Taliban fighters', 'resistance fighters', 'soldiers', 'villagers', 'children', 'aid workers', 'prisoners', 'policemen', 'shepherds'] as const;
const TARGETS = ['checkpoints', 'outposts', 'convoys', 'district centres', 'bases', 'supply routes', 'villages', 'bridges', 'depots', 'positions', 'compounds', 'highways'] as const;
const WEAPONS = [
  'rifles', 'Humvees', 'night-vision goggles', 'mortars', 'armoured vehicles', 'helicopters', 'drones', 'machine guns',
  'rocket launchers', 'grenades', 'landmines', 'radios', 'sniper rifles', 'ammunition crates', 'artillery pieces',
] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const ATTACK_VERBS = ['attacked', 'overran', 'shelled', 'ambushed', 'captured', 'raided', 'besieged', 'stormed', 'bombed', 'encircled', 'destroyed', 'retook'] as const;

/** Common words first: pickSkewed makes the head frequent and the tail rare. */
const NOUNS = [
  'government', 'fighting', 'war', 'security', 'people', 'country', 'province', 'district', 'valley', 'village', 'army',
  'resistance', 'regime', 'report', 'attack', 'offensive', 'ceasefire', 'negotiations', 'talks', 'aid', 'economy',
  'border', 'militia', 'commander', 'spokesman', 'ministry', 'council', 'elders', 'evidence', 'witnesses', 'region',
  'schools', 'women', 'girls', 'refugees', 'families', 'prisoners', 'weapons', 'ammunition', 'supplies', 'food',
  'hunger', 'famine', 'drought', 'winter', 'mountains', 'roads', 'highway', 'checkpoint', 'convoy', 'airstrike',
  'drone', 'casualties', 'clashes', 'ambush', 'siege', 'surrender', 'amnesty', 'reprisals', 'detentions',
  'executions', 'torture', 'investigation', 'monitoring', 'sanctions', 'recognition', 'embassy', 'diplomats',
  'envoy', 'delegation', 'agreement', 'commitments', 'assurances', 'intelligence', 'sources', 'satellite', 'imagery',
  'footage', 'video', 'statement', 'interview', 'briefing', 'testimony', 'allegations', 'denial', 'propaganda',
  'narrative', 'recruitment', 'training', 'camps', 'smuggling', 'opium', 'poppy', 'methamphetamine', 'ephedra',
  'trafficking', 'corruption', 'taxes', 'customs', 'revenue', 'banks', 'currency', 'salaries', 'wages', 'prices',
  'flour', 'fuel', 'electricity', 'water', 'canal', 'dam', 'harvest', 'livestock', 'earthquake', 'floods',
  'hospitals', 'clinics', 'doctors', 'medicine', 'vaccination', 'malnutrition', 'displacement', 'returnees',
  'deportations', 'borderlands', 'passes', 'tunnel', 'airport', 'airbase', 'garrison', 'stronghold', 'headquarters',
  'leadership', 'hardliners', 'pragmatists', 'factions', 'rivalry', 'succession', 'decree', 'edict', 'clerics',
  'madrasas', 'universities', 'teachers', 'students', 'journalists', 'broadcasters', 'newspapers', 'censorship',
  'protests', 'demonstrators', 'activists', 'diaspora', 'exiles', 'opposition', 'coalition', 'alliance',
  'partnership', 'withdrawal', 'evacuation', 'occupation', 'insurgency', 'counterterrorism', 'terrorism',
  'extremism', 'militancy', 'jihad', 'martyrdom', 'loyalty', 'legitimacy', 'sovereignty', 'constitution',
  'elections', 'parliament', 'republic', 'emirate', 'governance', 'administration', 'bureaucracy', 'governor',
  'police', 'judiciary', 'courts', 'punishments', 'curfew', 'blockade', 'phones', 'internet', 'signal',
  'mines', 'minefields', 'lithium', 'copper', 'coal', 'exports', 'imports', 'trade', 'railway', 'pipeline',
  'casualty', 'figures', 'estimate', 'numbers', 'percentage', 'majority', 'minority', 'ethnicity', 'tribes',
  'Hazaras', 'Tajiks', 'Uzbeks', 'Pashtuns', 'Turkmen', 'Baluch', 'Ismailis', 'Sikhs', 'Hindus',
] as const;
const ADJECTIVES = [
  'independent', 'local', 'foreign', 'international', 'senior', 'former', 'new', 'heavy', 'intense', 'fierce',
  'armed', 'humanitarian', 'military', 'political', 'economic', 'regional', 'northern', 'southern', 'eastern',
  'western', 'central', 'remote', 'mountainous', 'strategic', 'credible', 'unverified', 'conflicting',
  'contradictory', 'detailed', 'vague', 'partial', 'confidential', 'leaked', 'official', 'unofficial',
  'anonymous', 'exiled', 'displaced', 'hungry', 'desperate', 'besieged', 'isolated', 'rugged', 'narrow',
  'sporadic', 'coordinated', 'deliberate', 'indiscriminate', 'systematic', 'widespread', 'limited', 'massive',
  'significant', 'modest', 'growing', 'shrinking', 'fragile', 'brutal', 'harsh', 'repressive', 'moderate',
  'radical', 'pragmatic', 'ideological', 'tribal', 'ethnic', 'sectarian', 'religious', 'secular', 'covert',
  'clandestine', 'overt', 'public', 'private', 'civilian', 'paramilitary', 'irregular', 'conventional',
  'asymmetric', 'prolonged', 'sudden', 'renewed', 'unprecedented', 'routine', 'illegal', 'lawful', 'arbitrary',
] as const;
const VERBS = [
  'said', 'claimed', 'reported', 'confirmed', 'denied', 'rejected', 'accused', 'warned', 'promised', 'insisted',
  'acknowledged', 'estimated', 'suggested', 'argued', 'noted', 'stressed', 'alleged', 'disputed', 'repeated',
  'announced', 'admitted', 'described', 'dismissed', 'questioned', 'welcomed', 'condemned', 'urged', 'told',
] as const;
const ACTIONS = [
  'moved', 'deployed', 'pulled back', 'reinforced', 'recruited', 'trained', 'armed', 'detained', 'released',
  'executed', 'evacuated', 'resettled', 'expelled', 'disarmed', 'mobilised', 'regrouped', 'dispersed', 'replaced',
] as const;
const ADVERBS = [
  'reportedly', 'allegedly', 'repeatedly', 'publicly', 'privately', 'openly', 'quietly', 'recently', 'already',
  'still', 'again', 'largely', 'partly', 'mostly', 'briefly', 'initially', 'eventually', 'apparently', 'clearly',
  'independently', 'separately', 'directly', 'indirectly', 'officially', 'informally',
] as const;
const SOURCES = [
  'UN monitors', 'satellite imagery', 'local residents', 'a hospital in the provincial capital', 'aid agencies',
  'the provincial health department', 'two independent journalists', 'human rights researchers', 'a leaked memo',
  'Taliban officials', 'resistance commanders', 'refugees who fled the area', 'border officials', 'diplomats in Doha',
  'the World Food Programme', 'mobile phone footage', 'a regional intelligence service', 'village elders',
] as const;
const HEDGES = [
  'It is not clear whether', 'No independent source has confirmed that', 'Several accounts suggest that',
  'There is little doubt that', 'Officials in Kabul deny that', 'Residents say that', 'Analysts doubt that',
  'Researchers have documented that', 'It remains disputed whether', 'Local media reported that',
] as const;
const CONNECTIVES = ['However,', 'Meanwhile,', 'At the same time,', 'In contrast,', 'Earlier,', 'Later,', 'By then,', 'Even so,', 'As a result,', 'For now,'] as const;

const FIRST_NAMES = [
  'Ahmad', 'Mohammad', 'Ali', 'Abdul', 'Hamid', 'Farid', 'Nasir', 'Wahid', 'Zia', 'Karim', 'Rahim', 'Habib',
  'Jawed', 'Masood', 'Omar', 'Yasin', 'Samira', 'Farida', 'Mariam', 'Zahra', 'Nilofar', 'Shabnam', 'Roya',
  'Fatima', 'Hila', 'Mina', 'Laila', 'Parwin', 'Sediq', 'Najib', 'Daud', 'Tariq', 'Bashir', 'Hasina',
  'James', 'Sarah', 'Michael', 'Emily', 'David', 'Laura', 'Thomas', 'Anna', 'Robert', 'Claire', 'Daniel',
  'Helen', 'Peter', 'Julia', 'Mark', 'Rachel', 'Stefan', 'Ingrid', 'Pierre', 'Elena', 'Arjun', 'Priya',
  'Kenji', 'Amina', 'Yusuf', 'Leyla',
] as const;
const LAST_NAMES = [
  'Ahmadi', 'Rahimi', 'Karimi', 'Noori', 'Hashimi', 'Sadat', 'Popal', 'Wardak', 'Stanekzai', 'Mohseni',
  'Haidari', 'Rezaei', 'Azizi', 'Hakimi', 'Safi', 'Barakzai', 'Durrani', 'Amiri', 'Jalali', 'Nazari',
  'Panjshiri', 'Andarabi', 'Kohistani', 'Badakhshi', 'Carter', 'Holloway', 'Fischer', 'Bennett', 'Morrison',
  'Reyes', 'Lindqvist', 'Okafor', 'Hartmann', 'Dubois', 'Keller', 'Walsh', 'Novak', 'Ferreira', 'Iqbal', 'Mehta',
] as const;
const MIDDLE_NAMES = ['Jan', 'Shah', 'Gul', 'Khan', 'Nabi', 'Aziz', 'Lee', 'Marie', 'Ann', 'Paul', 'Rose', 'Noor'] as const;
const ROLES = [
  'Spokesperson', 'Head of foreign relations', 'Provincial governor', 'Military commander', 'Researcher',
  'Senior fellow', 'Former member of parliament', 'Deputy minister of information', 'Field commander',
  'Analyst', 'Correspondent', 'Aid coordinator', 'Former intelligence chief', 'Envoy', 'Human rights investigator',
  'Director of programmes', 'Former general', 'Cleric and council member', 'Diplomat', 'Professor of history',
] as const;
const ORG_KINDS = [
  'Provincial Council', 'Security Command', 'Civil Society Network', 'Resistance Council', 'Relief Committee',
  'Defence Front', 'Research Centre', 'Human Rights Commission', 'Ulema Council', 'Women\'s Network',
  'Veterans\' Association', 'Monitoring Group', 'Information Office', 'Refugee Council', 'Elders\' Shura',
] as const;
const UNNAMED = [
  'A senior Taliban commander', 'A resistance fighter', 'A Western diplomat', 'A UN official', 'A local elder',
  'A security official', 'A former army officer', 'A hospital doctor', 'A Taliban official', 'An aid worker',
  'A border official', 'A regional intelligence officer', 'A member of the ulema council', 'A shopkeeper',
] as const;

const OUTLET_PREFIXES = [
  'Kabul', 'Hindu Kush', 'Frontier', 'Khorasan', 'Amu River', 'Salang', 'Northern', 'Central Asia', 'Global',
  'Atlantic', 'Eastern', 'Silk Road', 'Pamir', 'Oxus', 'Durand', 'Capital', 'Continental', 'Evening', 'Morning',
  'Independent', 'Panjshir', 'Herat', 'Mountain', 'Crescent',
] as const;
const OUTLET_SUFFIXES: readonly (readonly [string, OutletKind])[] = [
  ['Times', 'newspaper'], ['Post', 'newspaper'], ['Observer', 'newspaper'], ['Chronicle', 'newspaper'],
  ['Herald', 'newspaper'], ['Tribune', 'newspaper'], ['Daily', 'newspaper'], ['Review', 'magazine'],
  ['Quarterly', 'magazine'], ['Monitor', 'online-news'], ['Dispatch', 'online-news'], ['Report', 'online-news'],
  ['Radio', 'broadcaster'], ['Television', 'broadcaster'], ['News Agency', 'news-agency'],
  ['Press Service', 'news-agency'], ['Institute', 'think-tank'], ['Policy Forum', 'think-tank'],
  ['Channel', 'social-media'], ['Bulletin', 'official-document'],
];
type OutletKind = 'newspaper' | 'magazine' | 'broadcaster' | 'news-agency' | 'online-news' | 'think-tank' | 'social-media' | 'official-document';
const OUTLET_COUNTRIES = ['AF', 'US', 'GB', 'PK', 'IN', 'AE', 'QA', 'DE', 'FR', 'TJ', 'UZ', 'TR', 'CA', 'AU', 'IR', 'NL'] as const;

const BASE_TOPICS: readonly (readonly [string, string])[] = [
  ['Armed resistance', 'Claims about the National Resistance Front and other armed opposition to the Taliban.'],
  ['Battlefield claims', 'Claims about fighting: territory taken or lost, casualties, and who controls what.'],
  ['Foreign fighters', 'Claims about fighters from abroad operating in Afghanistan and how they are treated.'],
  ['Al Qaeda', 'Claims about Al Qaeda\'s presence, camps and relationship with the Taliban.'],
  ['Islamic State Khorasan', 'Claims about the Islamic State\'s Afghan branch, its attacks and its recruits.'],
  ['Humanitarian crisis', 'Claims about hunger, aid, access and the economy under the Taliban.'],
  ['Women\'s rights', 'Claims about women\'s work, movement, dress and place in public life.'],
  ['Girls\' education', 'Claims about schools and universities closed to girls and women.'],
  ['Narcotics', 'Claims about opium, methamphetamine, the poppy ban and the drug trade.'],
  ['Weapons', 'Claims about arms and equipment, including what was left after the withdrawal.'],
  ['US policy', 'Claims about what the United States does, funds or should do in Afghanistan.'],
  ['International recognition', 'Claims about recognising the Taliban government and what it would mean.'],
  ['Taliban cohesion', 'Claims about rifts, rivalries and discipline inside the Taliban movement.'],
  ['Terrorist threat', 'Claims about attacks planned from Afghanistan against other countries.'],
  ['Refugees and returnees', 'Claims about Afghans leaving, being deported and coming home.'],
  ['Economy and banking', 'Claims about the currency, frozen reserves, banks, prices and wages.'],
  ['Sanctions', 'Claims about sanctions on the Taliban and their exemptions.'],
  ['Aid diversion', 'Claims that humanitarian aid is taxed, taken or steered by the authorities.'],
  ['Media freedom', 'Claims about journalists, broadcasters and censorship.'],
  ['Detentions and executions', 'Claims about arrests, prisons, torture and killings outside the law.'],
  ['Ethnic minorities', 'Claims about Hazaras, Tajiks, Uzbeks and other communities.'],
  ['Water and canals', 'Claims about rivers, dams and the Qosh Tepa canal.'],
  ['Border clashes', 'Claims about fighting on the borders with Pakistan, Iran and Central Asia.'],
  ['Mining', 'Claims about lithium, copper, coal and who profits from them.'],
  ['Disasters', 'Claims about earthquakes, floods and drought and the response to them.'],
  ['Health care', 'Claims about hospitals, doctors, medicine and disease.'],
  ['Former security forces', 'Claims about soldiers and police of the former republic.'],
  ['Diaspora politics', 'Claims made by and about Afghans abroad and opposition in exile.'],
  ['Regional diplomacy', 'Claims about Afghanistan\'s neighbours and their dealings with the Taliban.'],
  ['Doha agreement', 'Claims about the 2020 agreement and whether its commitments are kept.'],
  ['Withdrawal and evacuation', 'Claims about August 2021, the airlift and who was left behind.'],
  ['Civilian casualties', 'Claims about civilians killed or wounded and who is responsible.'],
  ['Drone strikes', 'Claims about strikes by drones, who carried them out and who was hit.'],
  ['Religious edicts', 'Claims about decrees from the leadership in Kandahar.'],
  ['Panjshir', 'Claims about the Panjshir valley, its people and the fighting there.'],
  ['Andarab', 'Claims about the Andarab valleys of Baghlan and the fighting there.'],
  ['Governance', 'Claims about how the Taliban administration runs ministries and provinces.'],
  ['Internet and phones', 'Claims about shutdowns of phone networks and the internet.'],
];

/** Persian originals with their English translation, written for the benchmark. */
const PERSIAN: readonly (readonly [string, string])[] = [
  ['نیروهای مقاومت ملی کنترل سه ولسوالی در شمال پنجشیر را به دست گرفته‌اند و جنگ ادامه دارد.',
    'National Resistance Front forces have taken control of three districts in the north of Panjshir, and the fighting is continuing.'],
  ['طالبان این ادعا را رد می‌کنند و می‌گویند که هیچ درگیری در دره پنجشیر رخ نداده است.',
    'The Taliban reject this claim and say that no clashes at all have taken place in the Panjshir valley.'],
  ['مقاومت تا آزادی کامل افغانستان ادامه خواهد داشت و ما هرگز تسلیم نخواهیم شد.',
    'The resistance will continue until Afghanistan is completely free, and we will never surrender to the Taliban.'],
  ['صدها تن از سربازان و افسران ارتش پیشین به صفوف جبهه مقاومت ملی پیوسته‌اند.',
    'Hundreds of soldiers and officers of the former army have joined the ranks of the National Resistance Front.'],
  ['دختران افغان حق دارند به مکتب و دانشگاه بروند و هیچ کس نمی‌تواند این حق را از آنان بگیرد.',
    'Afghan girls have the right to go to school and university, and no one can take this right away from them.'],
  ['کمک‌های بشردوستانه پیش از رسیدن به مردم نیازمند توسط طالبان مصادره می‌شود.',
    'Humanitarian aid is being confiscated by the Taliban before it reaches the people who need it in the provinces.'],
  ['جنگجویان خارجی با خانواده‌های خود در ولایات شمالی افغانستان جابه‌جا شده‌اند.',
    'Foreign fighters have been resettled together with their families in the northern provinces of Afghanistan, local sources say.'],
  ['در درگیری‌های شب گذشته در اندراب دست‌کم دوازده جنگجوی طالب کشته شدند.',
    'At least twelve Taliban fighters were killed in last night\'s clashes in Andarab, and several more were wounded.'],
  ['طالبان به هیچ‌یک از تعهدات خود در توافق دوحه عمل نکرده‌اند.',
    'The Taliban have not honoured a single one of their commitments under the Doha agreement with the United States.'],
  ['بیش از نیمی از دره پنجشیر اکنون در کنترل نیروهای مقاومت است.',
    'More than half of the Panjshir valley is now under the control of resistance forces, despite repeated Taliban offensives.'],
  ['جامعه جهانی نباید حکومت طالبان را به رسمیت بشناسد، زیرا این کار به تروریسم مشروعیت می‌دهد.',
    'The international community must not recognise the Taliban government, because doing so would give legitimacy to terrorism.'],
  ['قیمت آرد و روغن در کابل در یک ماه گذشته تقریباً دو برابر شده است.',
    'The price of flour and cooking oil in Kabul has almost doubled over the past month, shopkeepers in the city say.'],
  ['زنان افغانستان از کار، آموزش و زندگی عمومی به طور کامل حذف شده‌اند.',
    'The women of Afghanistan have been completely removed from work, from education and from public life under Taliban rule.'],
  ['القاعده هنوز در چند ولایت افغانستان اردوگاه‌های آموزشی فعال دارد.',
    'Al Qaeda still runs active training camps in several provinces of Afghanistan, in spite of every Taliban assurance.'],
  ['مردم پنجشیر هرگز در برابر هیچ اشغالگری سر خم نکرده‌اند و این بار نیز نخواهند کرد.',
    'The people of Panjshir have never bowed their heads to any occupier, and they will not do so this time either.'],
  ['طالبان مردان محلی را مجبور می‌کنند میدان‌های مین را با دست پاک‌سازی کنند.',
    'The Taliban are forcing local men to clear the minefields by hand, and several of them have been killed doing it.'],
];

// ---------------------------------------------------------------------------------------
// Text helpers

const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const slugify = (text: string) =>
  text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'to', 'and', 'or', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'been', 'be', 'by', 'for', 'from', 'with', 'that', 'this', 'at', 'as', 'it', 'its', 'their', 'they', 'who', 'not', 'no', 'than', 'more', 'since', 'into', 'will', 'would', 'must', 'any', 'every', 'all']);

/**
 * A YAML scalar as a person would write it: plain when that reads back as the same string
 * under YAML's core schema, double-quoted otherwise (JSON strings are valid YAML).
 */
function yamlString(value: string, flow = false): string {
  const plain =
    /^[\p{L}]/u.test(value) &&
    !/: |:$| #|\s$|[\n"\\]/.test(value) &&
    !(flow && /[,[\]{}]/.test(value)) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const LAST_DAY = dayOf(GENERATED_UNTIL);

type Precision = 'day' | 'month' | 'year';
/** A day written at a precision: a YAML plain scalar (`2022`, `2022-05`, `2022-05-10`). */
function written(day: number, precision: Precision): string {
  const iso = isoOf(day);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

// ---------------------------------------------------------------------------------------
// Entities

interface Person {
  id: string;
  name: string;
  kind: 'person' | 'organisation' | 'unnamed';
  role?: string;
  affiliation?: string;
  aliases: string[];
  url?: string;
  /** What claim ids start with: a surname or the organisation's first word. */
  key: string;
  place: string;
}
interface Outlet {
  id: string;
  name: string;
  kind: OutletKind;
  homepage: string;
  country?: string;
  host: string;
}
interface Topic {
  id: string;
  title: string;
  description: string;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base.slice(0, 60).replace(/-+$/, '') || 'entry';
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 56).replace(/-+$/, '')}-${n}`;
  taken.add(id);
  return id;
}

function makePeople(random: Random, count: number): Person[] {
  const taken = new Set<string>();
  const names = new Set<string>();
  const organisations = Math.max(2, Math.round(count * 0.2));
  const unnamed = Math.max(1, Math.round(count * 0.1));
  const people: Person[] = [];
  const orgPlaces = random.shuffle([...PROVINCES, ...DISTRICTS]);
  const orgCombos = orgPlaces.flatMap((place) => ORG_KINDS.map((kind) => [place, kind] as const));
  const orgOrder = random.shuffle(orgCombos);
  for (let i = 0; i < organisations; i++) {
    const [place, kind] = orgOrder[i % orgOrder.length] as readonly [string, string];
    let name = `${place} ${kind}`;
    if (names.has(name)) name = `${name} (${Math.floor(i / orgOrder.length) + 1})`;
    names.add(name);
    const id = uniqueId(slugify(name), taken);
    people.push({
      id, name, kind: 'organisation', aliases: random.chance(0.3) ? [`the ${kind.toLowerCase()}`] : [],
      key: slugify(place).split('-')[0] ?? 'org', place,
      ...(random.chance(0.5) ? { url: `https://www.${slugify(name).replace(/-/g, '')}.example.org` } : {}),
    });
  }
  const orgIds = people.map((person) => person.id);
  for (let i = 0; i < unnamed; i++) {
    const place = random.pick([...PROVINCES, ...DISTRICTS]);
    const name = `${random.pick(UNNAMED)} in ${place}`;
    people.push({
      id: uniqueId(slugify(name), taken), name, kind: 'unnamed', aliases: [], place,
      key: slugify(name).split('-').find((word) => !STOPWORDS.has(word)) ?? 'unnamed',
      ...(random.chance(0.8) ? { affiliation: random.pick(orgIds) } : {}),
    });
  }
  while (people.length < count) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let name = `${first} ${last}`;
    if (names.has(name)) name = `${first} ${random.pick(MIDDLE_NAMES)} ${last}`;
    if (names.has(name)) name = `${first} ${random.pick(MIDDLE_NAMES)} ${last} ${people.length}`;
    names.add(name);
    people.push({
      id: uniqueId(slugify(name), taken), name, kind: 'person', place: random.pick(PROVINCES),
      key: slugify(last), role: random.pick(ROLES),
      aliases: random.chance(0.25) ? [`${first.charAt(0)}. ${last}`] : [],
      ...(random.chance(0.7) ? { affiliation: random.pick(orgIds) } : {}),
      ...(random.chance(0.3) ? { url: `https://profiles.example.org/${slugify(name)}` } : {}),
    });
  }
  return people;
}

function makeOutlets(random: Random, count: number): Outlet[] {
  const taken = new Set<string>();
  const combos = random.shuffle(OUTLET_PREFIXES.flatMap((prefix) => OUTLET_SUFFIXES.map(([suffix, kind]) => [prefix, suffix, kind] as const)));
  return Array.from({ length: count }, (_, i) => {
    const [prefix, suffix, kind] = combos[i % combos.length] as readonly [string, string, OutletKind];
    const round = Math.floor(i / combos.length);
    const name = `The ${prefix} ${suffix}${round ? ` ${round + 1}` : ''}`;
    const id = uniqueId(slugify(name.replace(/^The /, '')), taken);
    const host = `www.${id.replace(/-/g, '')}.example.com`;
    return {
      id, name, kind, host, homepage: `https://${host}`,
      ...(random.chance(0.85) ? { country: random.pick(OUTLET_COUNTRIES) } : {}),
    };
  });
}

function makeTopics(random: Random, count: number): Topic[] {
  const pool: (readonly [string, string])[] = [
    ...random.shuffle(BASE_TOPICS),
    ...PROVINCES.map((province) => [`${province} province`, `Claims about ${province} province: fighting, governance and daily life there.`] as const),
  ];
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const [title, description] = pool[i % pool.length] as readonly [string, string];
    const round = Math.floor(i / pool.length);
    const fullTitle = round ? `${title} (${round + 1})` : title;
    return { id: uniqueId(slugify(fullTitle), taken), title: fullTitle, description };
  });
}

// ---------------------------------------------------------------------------------------
// Sentences

class Writer {
  private readonly random: Random;
  private readonly people: Person[];
  private readonly outlets: Outlet[];
  constructor(random: Random, people: Person[], outlets: Outlet[]) {
    this.random = random;
    this.people = people;
    this.outlets = outlets;
  }

  private number(): string {
    const r = this.random;
    return r.weighted<() => string>([
      [() => String(r.int(2, 19)), 4],
      [() => String(r.int(20, 99)), 3],
      [() => String(r.int(1, 9) * 100 + (r.chance(0.5) ? 0 : r.int(1, 99))), 2],
      [() => `${r.int(1, 30)},${String(r.int(0, 9) * 100).padStart(3, '0')}`, 1],
    ])();
  }
  /** A province, district or city, for a measure's title. */
  placeName(): string {
    return this.place();
  }

  private place(): string {
    return this.random.weighted<() => string>([
      [() => this.random.pickSkewed(PROVINCES, 1.4), 4],
      [() => this.random.pickSkewed(DISTRICTS, 1.3), 3],
      [() => this.random.pick(CITIES), 2],
    ])();
  }
  private monthYear(day: number): string {
    const iso = isoOf(day);
    return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
  }
  private noun(): string {
    return this.random.pickSkewed(NOUNS);
  }
  private adjective(): string {
    return this.random.pickSkewed(ADJECTIVES);
  }
  private group(): string {
    return this.random.pickSkewed(GROUPS, 1.5);
  }
  private person(): Person {
    return this.random.pick(this.people);
  }

  /** The claim's words: one or two clauses, 15-40 words. */
  claim(day: number): string {
    const r = this.random;
    const templates: (() => string)[] = [
      () => `${capitalize(this.group())} ${r.pick(ATTACK_VERBS)} ${this.number()} ${r.pick(TARGETS)} in ${this.place()} ${r.pick(['last night', 'this week', 'over the weekend', `in ${this.monthYear(day)}`, 'before dawn'])}, killing ${this.number()} ${r.pick(VICTIMS)}`,
      () => `More than ${this.number()} ${r.pick(FIGHTERS)} have joined ${this.group()} in ${this.place()} since ${this.monthYear(day - r.int(30, 400))}`,
      () => `${capitalize(this.group())} now control ${r.int(10, 95)} percent of ${this.place()}, including the ${r.pick(DISTRICTS)} district centre and the road to ${r.pick(CITIES)}`,
      () => `There is ${r.pick(['intense', 'heavy', 'fierce', 'sporadic'])} fighting right now throughout ${this.place()} and the ${r.pick(DISTRICTS)} valley`,
      () => `${this.number()} ${r.pick(WEAPONS)} left behind after the withdrawal have been sold to ${this.group()} in ${this.place()}`,
      () => `${capitalize(this.group())} have received no ${r.pick(['weapons', 'money', 'support', 'training', 'recognition'])} from ${r.pick(COUNTRIES)} or any other government since ${this.monthYear(day - r.int(30, 600))}`,
      () => `Food prices in ${r.pick(CITIES)} have risen by ${r.int(10, 180)} percent in ${r.int(2, 14)} months as ${this.adjective()} aid deliveries stalled`,
      () => `Girls over the age of twelve in ${r.pick(PROVINCES)} have been barred from school for ${this.number()} days, and teachers have not been paid`,
      () => `The Taliban are giving passports and identity cards to ${this.number()} foreign fighters from ${r.int(3, 21)} groups in ${this.place()}`,
      () => `Recognising the Taliban would legitimise terrorism and betray the women of Afghanistan, and ${r.pick(COUNTRIES)} must refuse it`,
      () => `${capitalize(r.pick(['Al Qaeda', 'Islamic State Khorasan', 'the Haqqani network', 'Tehrik-i-Taliban Pakistan']))} is running ${this.number()} training camps in ${this.place()}, with ${this.adjective()} protection from the Taliban`,
      () => `The ${this.adjective()} ${this.noun()} in ${this.place()} is the worst since ${r.int(1996, 2020)}, and it will only get worse this winter`,
      () => `${capitalize(this.group())} ${r.pick(ACTIONS)} ${this.number()} ${r.pick(FIGHTERS)} from ${this.place()} to ${this.place()} ahead of a ${this.adjective()} offensive`,
      () => `Opium ${r.pick(['cultivation', 'exports', 'prices', 'smuggling'])} in ${r.pick(PROVINCES)} has ${r.pick(['fallen', 'risen', 'doubled', 'collapsed'])} by ${r.int(10, 95)} percent since the ban, according to ${r.pick(SOURCES)}`,
      () => `A drone strike in ${this.place()} killed ${this.number()} ${r.pick(VICTIMS)}, and ${r.pick(COUNTRIES)} carried it out`,
      () => `The resistance will ${r.pick(['win', 'take', 'hold', 'liberate'])} ${this.place()} within ${r.int(2, 18)} months if ${r.pick(COUNTRIES)} sends ${r.pick(WEAPONS)}`,
      () => `Phone and internet services in ${this.place()} were cut for ${this.number()} days to stop news of ${this.adjective()} ${r.pick(['detentions', 'executions', 'reprisals', 'clashes'])} from spreading`,
      () => `The Taliban have detained ${this.number()} former ${r.pick(['soldiers', 'police officers', 'officials', 'judges', 'pilots'])} in ${this.place()} despite the amnesty they announced`,
    ];
    const extras: (() => string)[] = [
      () => `, according to ${r.pick(SOURCES)}`,
      () => `, and ${this.group()} ${r.pick(['deny it', 'have not responded', 'are preparing to retaliate', 'say the figure is exaggerated'])}`,
      () => ` while the world looks away`,
      () => `, ${r.pick(['he', 'she', 'the statement'])} added, speaking from ${r.pick(ABROAD)}`,
      () => ` in the ${r.pick(['north', 'east', 'south', 'west', 'centre'])} of the country`,
      () => `, which ${r.pick(['proves', 'shows', 'confirms'])} that the ${this.noun()} is ${r.pick(['failing', 'collapsing', 'growing', 'changing'])}`,
    ];
    for (;;) {
      let text = (r.pick(templates))();
      while (words(text) < 15) text += (r.pick(extras))();
      if (r.chance(0.3) && words(text) < 28) text += (r.pick(extras))();
      text = `${text.replace(/\s+/g, ' ')}.`;
      if (words(text) <= 40) return text;
    }
  }

  /** One sentence of prose for a body. */
  sentence(day: number): string {
    const r = this.random;
    const person = this.person();
    const outlet = r.pick(this.outlets);
    const templates: (() => string)[] = [
      () => `${person.name} ${r.pick(VERBS)} that ${this.group()} had ${r.pick(ACTIONS)} ${this.number()} ${r.pick(FIGHTERS)} near ${this.place()} in ${this.monthYear(day)}.`,
      () => `${r.pick(HEDGES)} the ${this.adjective()} ${this.noun()} in ${this.place()} was ${r.pick(['as large', 'as recent', 'as organised', 'as deadly'])} as described.`,
      () => `${capitalize(r.pick(SOURCES))} ${r.pick(VERBS)} ${this.number()} ${r.pick(VICTIMS)} ${r.pick(['dead', 'wounded', 'missing', 'detained', 'displaced'])} after the ${this.adjective()} ${this.noun()} in ${this.place()}.`,
      () => `${r.pick(CONNECTIVES)} ${this.group()} ${r.pick(ADVERBS)} ${r.pick(ATTACK_VERBS)} ${r.pick(TARGETS)} along the road between ${r.pick(CITIES)} and ${r.pick(CITIES)}.`,
      () => `The ${this.adjective()} ${this.noun()} and the ${this.adjective()} ${this.noun()} are ${r.pick(['linked', 'unrelated', 'hard to separate', 'often confused'])} in ${r.pick(['official', 'local', 'foreign', 'partisan'])} accounts.`,
      () => {
        const reported = day + r.int(0, 30);
        return `${outlet.name} ${r.pick(VERBS)} the ${this.noun()} on ${Number(isoOf(reported).slice(8, 10))} ${this.monthYear(reported)}, citing ${r.pick(SOURCES)}.`;
      },
      () => `No ${this.adjective()} ${this.noun()} supports the figure of ${this.number()}, which ${r.pick(['appears', 'is repeated', 'was first given'])} only in ${r.pick(['statements from one side', 'a single interview', 'posts on social media', 'a press release'])}.`,
      () => `In ${r.pick(ABROAD)}, ${r.pick(['diplomats', 'officials', 'analysts', 'exiles'])} ${r.pick(VERBS)} that ${r.pick(COUNTRIES)} ${r.pick(['would', 'could', 'will not', 'should'])} ${r.pick(['change its policy', 'send more aid', 'impose new sanctions', 'reopen its embassy', 'recognise the government'])}.`,
      () => `The ${r.pick(DISTRICTS)} area has been ${r.pick(['contested', 'quiet', 'cut off', 'under curfew', 'heavily patrolled'])} since ${this.monthYear(day - r.int(0, 500))}, residents ${r.pick(['say', 'told reporters', 'wrote online'])}.`,
      () => `${capitalize(this.group())} ${r.pick(['deny', 'dispute', 'confirm', 'ignore'])} the ${this.adjective()} ${this.noun()}, and ${r.pick(['no', 'few', 'several', 'two'])} ${r.pick(['witnesses', 'journalists', 'monitors', 'officials'])} ${r.pick(['could reach', 'have visited', 'were allowed into', 'live near'])} ${this.place()}.`,
      () => `${r.pick(['Prices', 'Wages', 'Rents', 'Fuel costs'])} in ${r.pick(CITIES)} ${r.pick(['rose', 'fell', 'doubled', 'stalled'])} by ${r.int(5, 150)} percent, while ${this.noun()} and ${this.noun()} ${r.pick(['remained scarce', 'became harder to find', 'were rationed', 'ran out'])}.`,
      () => `The ${r.pick(['UN', 'monitoring team', 'World Bank', 'provincial council', 'ministry'])} ${r.pick(['report', 'assessment', 'survey', 'briefing'])} counted ${this.number()} ${r.pick(['incidents', 'attacks', 'arrests', 'deaths', 'schools', 'clinics'])} in ${r.pick(PROVINCES)} over ${r.int(2, 12)} months.`,
      () => `${r.pick(['Mobile phone footage', 'Satellite imagery', 'A leaked letter', 'A hospital register', 'An audio recording'])} ${r.pick(['appears to show', 'suggests', 'does not show', 'may confirm'])} ${this.adjective()} ${this.noun()} near ${this.place()}.`,
      () => `${r.pick(['Whether', 'How far', 'Why', 'When'])} ${this.group()} ${r.pick(['can hold', 'will keep', 'lost', 'gained'])} ${this.place()} ${r.pick(['remains unclear', 'is the open question', 'depends on the winter', 'is hotly disputed'])}.`,
      () => `${person.name}${person.kind === 'person' && person.role ? `, ${person.role.toLowerCase()},` : ''} ${r.pick(['has', 'had'])} ${r.pick(['made', 'repeated', 'withdrawn', 'qualified'])} similar claims about ${this.noun()} and ${this.noun()} ${r.pick(['before', 'since', 'in other interviews', 'on social media'])}.`,
      () => `Between ${r.pick(MONTHS)} and ${r.pick(MONTHS)}, ${r.pick(['at least', 'about', 'more than', 'fewer than'])} ${this.number()} ${r.pick(['families', 'people', 'returnees', 'students', 'prisoners'])} ${r.pick(['left', 'returned to', 'were moved out of', 'arrived in'])} ${this.place()}.`,
    ];
    let sentence = (r.pick(templates))();
    if (r.chance(0.12)) {
      // Emphasis on one word, as an editor might.
      const parts = sentence.split(' ');
      const index = r.int(1, Math.max(1, parts.length - 2));
      const word = parts[index];
      if (word && /^[A-Za-z]+$/.test(word)) parts[index] = `*${word}*`;
      sentence = parts.join(' ');
    }
    return sentence;
  }

  /** The Markdown body: 150-300 words in paragraphs, sometimes a link, a list or a quotation. */
  body(day: number): string {
    const r = this.random;
    const target = r.int(150, 300);
    const blocks: string[] = [];
    let count = 0;
    const fits = (text: string) => count + words(text) <= 300;
    while (count < target) {
      const roll = r.next();
      let block: string;
      if (roll < 0.08 && blocks.length > 0) {
        block = Array.from({ length: r.int(2, 4) }, () => `- ${this.sentence(day)}`).join('\n');
      } else if (roll < 0.13 && blocks.length > 0) {
        block = `> ${this.sentence(day)}`;
      } else {
        const sentences = Array.from({ length: r.int(2, 5) }, () => this.sentence(day));
        if (r.chance(0.3)) {
          const outlet = r.pick(this.outlets);
          const slug = slugify(`${this.noun()} ${this.noun()} ${this.place()}`);
          sentences.push(`The ${r.pick(['full report', 'original interview', 'statement', 'transcript', 'video'])} is [on the ${outlet.name.replace(/^The /, '')} site](https://${outlet.host}/${isoOf(day).slice(0, 4)}/${slug}).`);
        }
        block = sentences.join(' ');
      }
      if (!fits(block)) {
        // Fill up to the target with single sentences that still fit, then stop.
        const sentence = this.sentence(day);
        if (count >= 150 || !fits(sentence)) break;
        block = sentence;
      }
      blocks.push(block);
      count += words(block);
    }
    while (count < 150) {
      const sentence = this.sentence(day);
      if (!fits(sentence)) continue;
      blocks.push(sentence);
      count += words(sentence);
    }
    return `${blocks.join('\n\n')}\n`;
  }

  headline(claim: string, person: Person): string {
    const r = this.random;
    const lead = claim.split(/[,.]/)[0] ?? claim;
    const short = lead.split(' ').slice(0, r.int(5, 10)).join(' ');
    return r.weighted<() => string>([
      [() => `${person.name.replace(/^(A|An) /, '')}: ${capitalize(short)}`, 2],
      [() => `${capitalize(short)}, ${person.kind === 'person' ? `Says ${person.name.split(' ').at(-1)}` : `Claims ${person.name.replace(/^(A|An) /, '')}`}`, 2],
      [() => `${this.place()}: ${capitalize(this.adjective())} ${capitalize(this.noun())} as ${capitalize(this.group().replace(/^the /, ''))} ${capitalize(r.pick(ACTIONS))}`, 1],
    ])();
  }

  summary(status: string): string {
    const r = this.random;
    const table: Record<string, readonly string[]> = {
      corroborated: [
        `${capitalize(r.pick(SOURCES))} independently confirm the ${this.noun()} as stated.`,
        `A ${r.pick(['UN', 'monitoring', 'hospital', 'satellite'])} record from ${this.place()} matches the claim in every detail that can be checked.`,
      ],
      'partly-corroborated': [
        `${capitalize(r.pick(SOURCES))} confirm the ${this.noun()}, but not the figure of ${this.number()}.`,
        `The events in ${this.place()} are confirmed; the scale the claim gives is not.`,
      ],
      unverified: [
        `Only ${this.group()} give this account, and no independent source has confirmed it.`,
        `No independent source has reached ${this.place()} to check the claim.`,
      ],
      disputed: [
        `${capitalize(this.group())} deny it, and no independent evidence settles it either way.`,
        `The other side calls the claim ${r.pick(['propaganda', 'false', 'exaggerated'])}, and neither account has been checked.`,
      ],
      contradicted: [
        `${capitalize(r.pick(SOURCES))} show the claim about ${this.place()} is false as stated.`,
        `Independent records from ${this.place()} contradict the claim's central figure of ${this.number()}.`,
      ],
      'not-checkable': [
        `A ${r.pick(['prediction', 'pledge', 'value judgement', 'opinion'])} about the ${this.noun()}: no fact could confirm or refute it.`,
        `It says what should happen, not what did, so there is nothing to check.`,
      ],
    };
    return r.pick(table[status] ?? table['unverified'] ?? []);
  }

  evidence(stance: 'supports' | 'contradicts' | 'context', day: number) {
    const r = this.random;
    const outlet = r.pick(this.outlets);
    const source = r.weighted<() => string>([
      [() => outlet.name, 3],
      [() => `UN Assistance Mission in Afghanistan, ${r.pick(['quarterly', 'human rights', 'protection of civilians'])} report`, 2],
      [() => `Satellite imagery analysed by ${r.pick(this.people.filter((p) => p.kind === 'organisation')).name}`, 1],
      [() => `A ${r.pick(['Taliban', 'resistance', 'government', 'hospital'])} spokesperson, on ${r.pick(['X', 'Telegram', 'Facebook'])}`, 2],
      [() => `Residents of ${this.place()}, interviewed by ${outlet.name}`, 2],
    ])();
    const summary = {
      supports: () => `${r.pick(['Confirms', 'Documents', 'Reports'])} the ${this.adjective()} ${this.noun()} in ${this.place()} ${r.pick(['with photographs', 'with named witnesses', 'from hospital records', 'from its own count'])}.`,
      contradicts: () => `${r.pick(['Denied', 'Rejected', 'Disputed'])} that ${this.group()} had ${r.pick(ATTACK_VERBS)} ${this.place()}, calling it ${r.pick(['propaganda', 'a fabrication', 'an exaggeration'])}.`,
      context: () => `Describes the ${this.adjective()} ${this.noun()} in ${this.place()} ${r.pick(['at the time', 'in the weeks before', 'in the months after'])}, without naming a source.`,
    }[stance]();
    const evidenceDay = Math.min(LAST_DAY, day + r.int(0, 365));
    return {
      stance, source, summary,
      ...(r.chance(0.8) ? { date: written(evidenceDay, r.weighted([['day', 8], ['month', 2], ['year', 1]] as const)) } : {}),
      ...(r.chance(0.6) ? { url: `https://${outlet.host}/${isoOf(evidenceDay).replace(/-/g, '/')}/${slugify(`${this.noun()} ${this.place()}`)}` } : {}),
    };
  }
}

// ---------------------------------------------------------------------------------------
// Files

function personFile(person: Person, writer: Writer, random: Random): string {
  const lines = ['---', `name: ${yamlString(person.name)}`, `kind: ${person.kind}`];
  if (person.role) lines.push(`role: ${yamlString(person.role)}`);
  if (person.affiliation) lines.push(`affiliation: ${person.affiliation}`);
  if (person.aliases.length) lines.push(`aliases: [${person.aliases.map((alias) => yamlString(alias, true)).join(', ')}]`);
  if (person.url) lines.push(`url: ${person.url}`);
  lines.push('---', '');
  const day = dayOf(FIRST_CLAIM_DAY) + random.int(0, 1500);
  const body = Array.from({ length: random.int(2, 4) }, () => writer.sentence(day)).join(' ');
  return `${lines.join('\n')}\n${body}\n`;
}

function outletFile(outlet: Outlet, writer: Writer, random: Random): string {
  const lines = ['---', `name: ${yamlString(outlet.name)}`, `kind: ${outlet.kind}`, `homepage: ${outlet.homepage}`];
  if (outlet.country) lines.push(`country: ${outlet.country}`);
  lines.push('---', '');
  const day = dayOf(FIRST_CLAIM_DAY) + random.int(0, 1500);
  return `${lines.join('\n')}\n${Array.from({ length: random.int(1, 3) }, () => writer.sentence(day)).join(' ')}\n`;
}

function topicFile(topic: Topic): string {
  return `---\ntitle: ${yamlString(topic.title)}\ndescription: ${yamlString(topic.description)}\n---\n`;
}

const STATUS_WEIGHTS = [
  ['unverified', 34], ['disputed', 15], ['partly-corroborated', 12], ['corroborated', 12], ['contradicted', 10], ['not-checkable', 17],
] as const;
type StatusValue = (typeof STATUS_WEIGHTS)[number][0];
const REQUIRES: Partial<Record<StatusValue, 'supports' | 'contradicts'>> = {
  corroborated: 'supports', 'partly-corroborated': 'supports', disputed: 'contradicts', contradicted: 'contradicts',
};

interface ClaimPlan {
  id: string;
  day: number;
  speaker: Person;
  text: string;
  persian?: readonly [string, string];
  figure?: { measure: Measure; value: number; qualifier: string; words: string };
}

interface Measure {
  id: string;
  title: string;
  unit: string;
}

const MEASURE_UNITS = ['fighters', 'training camps', 'districts', 'checkpoints', 'weapons caches', 'casualties', 'families displaced', 'percent'] as const;

function makeMeasures(writer: Writer, count: number): Measure[] {
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const unit = MEASURE_UNITS[index % MEASURE_UNITS.length] as string;
    const where = writer.placeName();
    const title = unit === 'percent' ? `Share of ${where} held by the resistance` : `${capitalize(unit)} in ${where}`;
    return { id: uniqueId(slugify(title), taken), title, unit };
  });
}

function measureFile(measure: Measure): string {
  const definition = measure.unit === 'percent'
    ? `The part of ${measure.title.slice('Share of '.length)} a party says it holds, as a percentage.`
    : `${measure.title}, as a party or an observer counts them at the date the figure refers to.`;
  return `---\ntitle: ${yamlString(measure.title)}\ndefinition: ${yamlString(definition)}\nunit: ${measure.unit}\n---\n`;
}

/** A figure and the words that give it, which the claim's text then ends with. */
function makeFigure(random: Random, measure: Measure) {
  const value = measure.unit === 'percent' ? random.int(2, 19) * 5 : random.pick([random.int(2, 40), random.int(5, 200) * 10, random.int(2, 60) * 500]);
  const qualifier = random.weighted([['exactly', 30], ['about', 30], ['more-than', 25], ['up-to', 10], ['fewer-than', 5]] as const);
  const number = measure.unit === 'percent' ? `${value}%` : value.toLocaleString('en-US');
  const lead = { exactly: '', about: 'about ', 'more-than': 'more than ', 'up-to': 'up to ', 'fewer-than': 'fewer than ' }[qualifier];
  return { value, qualifier, words: `${lead}${number}` };
}

type LinkType = 'repeats' | 'revises' | 'contradicts' | 'denies' | 'responds-to' | 'context';

function claimFile(plan: ClaimPlan, writer: Writer, random: Random, outlets: Zipf<Outlet>, topics: Zipf<Topic>, related: { claim: string; type: LinkType }[], status: StatusValue, places: string[]): string {
  const precision = random.weighted([['day', 80], ['month', 14], ['year', 6]] as const);
  const out: string[] = ['---'];
  out.push(`claim: ${yamlString(plan.text)}`);
  out.push(`quote: ${plan.persian ? 'false' : String(random.chance(0.55))}`);
  out.push(`speaker: ${plan.speaker.id}`);
  out.push(`date: ${written(plan.day, precision)}`);

  // Appearances: oldest first, none before the claim was said.
  out.push('appearances:');
  const appearanceCount = random.weighted([[1, 60], [2, 28], [3, 12]] as const);
  let appearanceDay = Math.min(LAST_DAY, plan.day + random.int(0, 10));
  const firstAppearanceDay = appearanceDay;
  for (let i = 0; i < appearanceCount; i++) {
    if (i > 0) appearanceDay = Math.min(LAST_DAY, appearanceDay + random.int(0, 120));
    const outlet = outlets.draw(random);
    const headline = writer.headline(plan.text, plan.speaker);
    out.push(`  - outlet: ${outlet.id}`);
    out.push(`    headline: ${JSON.stringify(headline)}`);
    out.push(`    date: ${written(appearanceDay, random.weighted([['day', 85], ['month', 10], ['year', 5]] as const))}`);
    if (random.chance(0.75)) {
      const url = `https://${outlet.host}/${isoOf(appearanceDay).replace(/-/g, '/')}/${slugify(headline).slice(0, 70).replace(/-+$/, '')}`;
      out.push(`    url: ${url}`);
      if (random.chance(0.3)) out.push(`    archived: https://web.archive.org/web/${isoOf(appearanceDay).replace(/-/g, '')}120000/${url}`);
    }
    if (random.chance(0.4)) out.push(`    author: ${yamlString(`${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`)}`);
  }

  out.push(`status: ${status}`);
  out.push(`summary: ${yamlString(writer.summary(status))}`);
  const topicIds = new Set<string>();
  const topicCount = random.weighted([[1, 40], [2, 40], [3, 20]] as const);
  while (topicIds.size < topicCount) topicIds.add(topics.draw(random).id);
  out.push(`topics: [${[...topicIds].join(', ')}]`);
  if (places.length) out.push(`places: [${places.join(', ')}]`);

  // Evidence: what the status requires first, then anything.
  const required = REQUIRES[status];
  let evidenceCount = random.weighted([[0, 20], [1, 35], [2, 25], [3, 12], [4, 8]] as const);
  if (required && evidenceCount === 0) evidenceCount = 1;
  if (evidenceCount > 0) {
    out.push('evidence:');
    for (let i = 0; i < evidenceCount; i++) {
      const stance = i === 0 && required ? required : random.weighted([['context', 2], ['supports', 1], ['contradicts', 1]] as const);
      const item = writer.evidence(stance, plan.day);
      out.push(`  - stance: ${item.stance}`);
      out.push(`    source: ${yamlString(item.source)}`);
      if (item.date) out.push(`    date: ${item.date}`);
      if (item.url) out.push(`    url: ${item.url}`);
      out.push(`    summary: ${yamlString(item.summary)}`);
    }
  }

  // The status log: oldest first, never before the claim, ending at the status.
  out.push('updates:');
  let updateDay = Math.min(LAST_DAY, Math.max(plan.day, firstAppearanceDay) + random.int(0, 90));
  const path: StatusValue[] =
    status !== 'unverified' && random.chance(0.4)
      ? (status === 'contradicted' || status === 'corroborated') && random.chance(0.25)
        ? ['unverified', status === 'contradicted' ? 'disputed' : 'partly-corroborated', status]
        : ['unverified', status]
      : [status];
  path.forEach((to, index) => {
    if (index > 0) updateDay = Math.min(LAST_DAY, updateDay + random.int(1, 400));
    out.push(`  - date: ${isoOf(updateDay)}`);
    if (index > 0) out.push(`    from: ${path[index - 1]}`);
    out.push(`    to: ${to}`);
    out.push(`    note: ${yamlString(index === 0 ? random.pick(['First rating.', 'First rating, from the evidence in the article.', 'First rating, on the sources available at the time.']) : random.pick([`New evidence from ${random.pick(SOURCES)}.`, 'Rated again after a correction by the outlet.', `Independent reporting from ${writer.headline(plan.text, plan.speaker).split(':')[0]} changed the picture.`]))}`);
  });

  if (related.length) {
    out.push('related:');
    for (const link of related) out.push(`  - claim: ${link.claim}`, `    type: ${link.type}`);
  }
  if (plan.figure) {
    out.push('figures:', `  - measure: ${plan.figure.measure.id}`, `    value: ${plan.figure.value}`,
      `    qualifier: ${plan.figure.qualifier}`, `    words: ${JSON.stringify(plan.figure.words)}`);
  }
  if (random.chance(0.05)) {
    // Due 6 to 24 months after it was said, to the month; settled ones only once due.
    const dueDay = plan.day + random.int(180, 730);
    out.push('forecast:', `  kind: ${random.chance(0.7) ? 'forecast' : 'pledge'}`);
    if (random.chance(0.15)) out.push('  noDeadline: true', '  outcome: pending');
    else {
      out.push(`  due: ${written(dueDay, 'month')}`);
      const outcome = dueDay < LAST_DAY - 31 && random.chance(0.5) ? random.pick(['came-true', 'did-not', 'partly'] as const) : 'pending';
      out.push(`  outcome: ${outcome}`);
      if (outcome !== 'pending') {
        const item = writer.evidence('context', Math.min(LAST_DAY, dueDay + 31));
        out.push('  evidence:', `    - source: ${yamlString(item.source)}`, `      date: ${isoOf(Math.min(LAST_DAY, dueDay + 31))}`, `      summary: ${yamlString(item.summary)}`);
      }
    }
  }
  if (plan.persian) {
    out.push('language: fa');
    out.push(`original: ${yamlString(plan.persian[0])}`);
  }
  out.push('---', '');
  return `${out.join('\n')}\n${writer.body(plan.day)}`;
}

/** The project's place files by id: generated claims name real places with real points. */
async function readPlaces(): Promise<Map<string, string>> {
  const dir = join(import.meta.dirname, '../../content/places');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name.slice(0, -3), await readFile(join(dir, name), 'utf8')] as const)));
}

// ---------------------------------------------------------------------------------------

export async function generateContent({ claims, seed, dir }: GenerateOptions): Promise<GeneratedSummary> {
  if (!Number.isInteger(claims) || claims < 1) throw new Error(`claims must be a positive integer, not ${claims}`);
  const random = new Random(seed);
  const people = makePeople(random, Math.max(3, Math.round(claims / 50)));
  const outletList = makeOutlets(random, Math.max(4, Math.round(claims / 200)));
  const topicList = makeTopics(random, Math.max(8, Math.round(claims / 250)));
  const writer = new Writer(random, people, outletList);
  const speakers = new Zipf(random.shuffle(people), 0.8);
  const outlets = new Zipf(random.shuffle(outletList), 0.9);
  const topics = new Zipf(random.shuffle(topicList), 0.7);
  const measureList = makeMeasures(writer, Math.max(8, Math.round(claims / 500)));
  const measures = new Zipf(random.shuffle(measureList), 0.7);

  // Plan every claim first, so `related` can point anywhere.
  const firstDay = dayOf(FIRST_CLAIM_DAY);
  const span = dayOf(LAST_CLAIM_DAY) - firstDay;
  const takenIds = new Set<string>();
  const plans: ClaimPlan[] = [];
  for (let i = 0; i < claims; i++) {
    const day = firstDay + random.int(0, span);
    const speaker = speakers.draw(random);
    const persian = random.chance(0.03) ? random.pick(PERSIAN) : undefined;
    let text = persian ? persian[1] : writer.claim(day);
    const keywords = slugify(text).split('-').filter((word) => !STOPWORDS.has(word)).slice(0, random.int(4, 7));
    const id = uniqueId(`${speaker.key}-${keywords.join('-')}`, takenIds);
    let figure: ClaimPlan['figure'];
    if (!persian && random.chance(0.3)) {
      const measure = measures.draw(random);
      figure = { measure, ...makeFigure(random, measure) };
      text = `${text.replace(/\.$/, '')}, putting the ${measure.unit === 'percent' ? 'share held' : measure.unit} at ${figure.words}`;
    }
    plans.push({ id, day, speaker, text, ...(persian ? { persian } : {}), ...(figure ? { figure } : {}) });
  }

  const files = new Map<string, string>();
  for (const person of people) files.set(`people/${person.id}.md`, personFile(person, writer, random));
  for (const outlet of outletList) files.set(`outlets/${outlet.id}.md`, outletFile(outlet, writer, random));
  for (const topic of topicList) files.set(`topics/${topic.id}.md`, topicFile(topic));
  for (const measure of measureList) files.set(`measures/${measure.id}.md`, measureFile(measure));

  const sideOf = (person: Person) => person.affiliation ?? person.id;
  const linkedPairs = new Set<string>();
  const planById = new Map(plans.map((plan) => [plan.id, plan]));
  /** The speaker's latest figure for each measure, so a later one can revise it. */
  const lastFigure = new Map<string, ClaimPlan>();
  const byDay = plans.map((plan, index) => ({ plan, index })).sort((a, b) => a.plan.day - b.plan.day || a.index - b.index);
  const revisions = new Map<string, string>();
  for (const { plan } of byDay) {
    if (!plan.figure) continue;
    const key = `${plan.speaker.id}\n${plan.figure.measure.id}`;
    const previous = lastFigure.get(key);
    // Half the changed figures are linked as revisions; the rest are left for validate's notes.
    if (previous && previous.figure?.value !== plan.figure.value && random.chance(0.5)) revisions.set(plan.id, previous.id);
    lastFigure.set(key, plan);
  }
  const linkType = (from: Person, to: Person): LinkType => from.id === to.id
    ? random.weighted([['repeats', 1], ['revises', 1], ['context', 2]] as const)
    : sideOf(from) === sideOf(to)
      ? random.weighted([['contradicts', 1], ['responds-to', 1], ['context', 2]] as const)
      : random.weighted([['contradicts', 2], ['denies', 2], ['responds-to', 1], ['context', 2]] as const);

  // Places are the project's own (content/places/, with their sourced points), drawn with
  // their own random stream so that every other byte of the tree is as it was before them.
  const placeFiles = await readPlaces();
  for (const [id, text] of placeFiles) files.set(`places/${id}.md`, text);
  const placeRandom = new Random(seed + 1);
  const places = new Zipf(placeRandom.shuffle([...placeFiles.keys()]), 0.9);
  const placesOf = () => {
    const chosen = new Set<string>();
    const count = placeRandom.weighted([[0, 25], [1, 50], [2, 20], [3, 5]] as const);
    while (chosen.size < Math.min(count, placeFiles.size)) chosen.add(places.draw(placeRandom));
    return [...chosen];
  };

  const statuses: Record<string, number> = {};
  plans.forEach((plan, index) => {
    // Every status appears even in a tiny tree: the first claims take each in turn.
    const status = index < STATUS_WEIGHTS.length ? (STATUS_WEIGHTS[index] as (typeof STATUS_WEIGHTS)[number])[0] : random.weighted(STATUS_WEIGHTS);
    statuses[status] = (statuses[status] ?? 0) + 1;
    const related: { claim: string; type: LinkType }[] = [];
    // A link is written once: never where the other claim already links this one.
    const add = (other: ClaimPlan, type: LinkType) => {
      if (other.id === plan.id || linkedPairs.has(`${other.id}\n${plan.id}`) || linkedPairs.has(`${plan.id}\n${other.id}`)) return;
      linkedPairs.add(`${plan.id}\n${other.id}`);
      related.push({ claim: other.id, type });
    };
    const revised = revisions.get(plan.id);
    if (revised) add(planById.get(revised) as ClaimPlan, 'revises');
    if (random.chance(0.15) && plans.length > 1) {
      const want = random.int(1, 3);
      for (let tries = 0; related.length < want && tries < 10; tries++) {
        const other = plans[Math.min(plans.length - 1, Math.max(0, index + random.int(-40, 40)))];
        if (other) add(other, linkType(plan.speaker, other.speaker));
      }
    }
    files.set(`claims/${plan.id}.md`, claimFile(plan, writer, random, outlets, topics, related, status, placesOf()));
  });

  // Write the tree fresh, so no file from an earlier run survives.
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['claims', 'people', 'outlets', 'topics', 'measures', 'places']) await mkdir(join(dir, folder), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const paths = [...files.keys()].sort();
  for (const path of paths) {
    const text = files.get(path) ?? '';
    hash.update(`${path}\0${text}\0`);
    bytes += Buffer.byteLength(text);
  }
  const queue = [...paths];
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) await writeFile(join(dir, path), files.get(path) ?? '');
  }));

  // The words a reader sees: the claim and the body (not ids and URLs in the frontmatter).
  const bodies = plans.map((plan) => {
    const text = files.get(`claims/${plan.id}.md`) ?? '';
    return text.slice(text.indexOf('\n---\n', 4) + 5);
  });
  const readable = plans.map((plan, index) => `${plan.text}\n${bodies[index] ?? ''}`.toLowerCase());
  const claimsContaining = Object.fromEntries(
    QUERY_WORDS.map((word) => [word, readable.filter((text) => new RegExp(`\\b${word}\\b`).test(text)).length]),
  );
  const bodyWordCounts = bodies.map(words);
  const claimWordCounts = plans.map((plan) => words(plan.text));
  return {
    claims,
    people: people.length,
    outlets: outletList.length,
    topics: topicList.length,
    files: files.size,
    bytes,
    digest: hash.digest('hex'),
    statuses,
    persian: plans.filter((plan) => plan.persian).length,
    claimsContaining,
    bodyWords: {
      min: Math.min(...bodyWordCounts),
      max: Math.max(...bodyWordCounts),
      mean: Math.round(bodyWordCounts.reduce((a, b) => a + b, 0) / bodyWordCounts.length),
    },
    claimWords: { min: Math.min(...claimWordCounts), max: Math.max(...claimWordCounts) },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({
    options: { claims: { type: 'string', default: '1000' }, seed: { type: 'string', default: '2021' }, dir: { type: 'string' } },
  });
  const claims = Number(values.claims);
  const dir = values.dir ?? `.bench/${claims}/content`;
  const summary = await generateContent({ claims, seed: Number(values.seed), dir });
  console.log(JSON.stringify({ dir, ...summary }, null, 2));
}
