#!/usr/bin/env node
// Builds data/demo/tickets.json (the `DemoTicket` list src/demo/seed-demo.ts reads) from the
// Bitext customer-support sample CSV. The output is a derivative of that dataset and keeps its
// licence (CDLA-Sharing-1.0, see data/demo/README.md). Every choice comes from one seeded PRNG, so
// running it again on the same CSV writes the same file byte for byte.
//
//   node scripts/make-demo-data.mjs path/to/Bitext_Sample_Customer_Support_Training_Dataset.csv
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const TICKETS = 300;
const SEED = 0x5b0a2d;
const OUT = fileURLToPath(import.meta.resolve('../data/demo/tickets.json'));
const DAY = 24 * 60;

// Share of each status, in the order the counts are handed out (the rest goes to `resolved`).
const STATUS_SHARES = [['queued', 0.25], ['in_progress', 0.2], ['pending', 0.1], ['closed', 0.1], ['resolved', 0.35]];
// How old a ticket of each status may be, in minutes: open work is recent, closed work is older.
const AGE_RANGE = {
  queued: [5, 3 * DAY], in_progress: [60, 7 * DAY], pending: [3 * 60, 10 * DAY], resolved: [12 * 60, 30 * DAY], closed: [5 * DAY, 30 * DAY],
};
const CHANNELS = [['email', 40], ['chat', 30], ['form', 18], ['phone', 12]];
const TIERS = [['free', 45], ['pro', 30], ['enterprise', 15], ['vip', 10]];
// Rows with these words are left out: demo screens are shown to people who did not ask for them.
const OFFENSIVE = /fuck|shit/i;
// Milder swearing stays in the customer's text but not in the summary an agent reads.
const FILLER = /\b(?:damn|goddamn|bloody|fucking)\s+/gi;
const NOISE_CLAUSE = /^(?:help me|i need (?:help|assistance)|help|can you help me\??|could you help me\??)$/i;

const FIRST = ['Amara', 'Ben', 'Chiara', 'Dmitri', 'Elena', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Jasmine', 'Kofi', 'Leila',
  'Mateo', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe',
  'Aisha', 'Bruno', 'Carmen', 'Diego', 'Emil', 'Freya', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kira', 'Lucas', 'Mei', 'Noah'];
const LAST = ['Adeyemi', 'Becker', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Gupta', 'Haddad', 'Ito', 'Jansen', 'Kowalski',
  'Larsen', 'Moreau', 'Nakamura', 'Okonkwo', 'Petrov', 'Quinn', 'Rahman', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Walsh',
  'Xu', 'Yilmaz', 'Zhou', 'Alvarez', 'Brennan', 'Costa', 'Dlamini'];
const ORGANIZATIONS = ['Harbor & Pine Logistics', 'Bluefin Analytics', 'Copperleaf Studios', 'Northgate Health', 'Riverbend Foods',
  'Summit Ridge Legal', 'Lumen Robotics', 'Oakline Retail', 'Maple Street Clinics', 'Tidal Energy Co', 'Granite Peak Labs'];

const FOLLOW_UPS = {
  stuck: [
    'I tried that, but the option is not there on my screen. Could you check my account?',
    'Thanks. I followed the steps and got an error at the last one. What should I do now?',
    'That did not work for me. Can you do it from your side instead?',
    'I am on the mobile app and the menu looks different. Where do I find it there?',
  ],
  thanks: [
    'Thanks, that did it.',
    'Perfect, thank you for the quick help!',
    'Got it, all sorted now. Appreciate it.',
    'That worked. Thanks for walking me through it.',
    'Great, thanks. You can close this.',
  ],
  ask: [
    'Could you confirm the e-mail address on the account, so I can look into this for you?',
    'Could you send me a screenshot of what you see? That will help me find the cause.',
    'Could you tell me roughly when this happened, so I can find it in our records?',
  ],
};

/** A small, fast PRNG (mulberry32): the same seed gives the same sequence everywhere. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];
function weighted(pairs) {
  let roll = random() * pairs.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of pairs) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return pairs[pairs.length - 1][0];
}
function shuffle(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function readRows(path) {
  const rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
  const missing = ['instruction', 'intent', 'category', 'response'].filter((column) => !(column in (rows[0] ?? {})));
  if (missing.length > 0) throw new Error(`${path} lacks the column(s) ${missing.join(', ')}.`);
  return rows.filter((row) => !OFFENSIVE.test(row.instruction) && !OFFENSIVE.test(row.response));
}

/** Round-robin over the intents, so every category is there in proportion to its intents. */
function chooseRows(rows) {
  const byIntent = new Map();
  for (const row of rows) byIntent.set(row.intent, [...(byIntent.get(row.intent) ?? []), row]);
  const pools = [...byIntent.keys()].sort().map((intent) => shuffle(byIntent.get(intent)));
  const seen = new Set();
  const chosen = [];
  while (chosen.length < TICKETS && pools.some((pool) => pool.length > 0)) {
    for (const pool of pools) {
      // Many rows differ only in an order number; one of each wording is enough.
      let row = pool.pop();
      while (row && seen.has(wording(row.instruction))) row = pool.pop();
      if (!row || chosen.length >= TICKETS) continue;
      seen.add(wording(row.instruction));
      chosen.push(row);
    }
  }
  return chosen;
}

const wording = (text) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

function makeCustomers(count) {
  const emails = new Set();
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length];
    let email = `${first}.${last}@example.com`.toLowerCase();
    for (let n = 2; emails.has(email); n++) email = `${first}.${last}${n}@example.com`.toLowerCase();
    emails.add(email);
    const tier = weighted(TIERS);
    const organization = tier === 'enterprise' || tier === 'vip' || (tier === 'pro' && chance(0.5)) ? pick(ORGANIZATIONS) : null;
    return { id: `cus_${String(i + 1).padStart(4, '0')}`, name: `${first} ${last}`, email, organization, tier };
  });
}

/** A short readable summary: the clause that carries the request, capitalised, at most 80 characters. */
function titleFrom(text) {
  const clean = text.replace(FILLER, '').replace(/\s+/g, ' ').trim();
  // "Mr." and the like end no clause.
  const clauses = clean.split(/(?<=[?!;,]|(?<!\b(?:Mr|Ms|Mrs|Dr))\.)\s+/).map((c) => c.replace(/[\s.?!;,]+$/, '')).filter((c) => c && !NOISE_CLAUSE.test(c));
  let title = clauses.reduce((best, clause) => (clause.length > best.length ? clause : best), '') || clean;
  title = title.replace(/\bi\b/g, 'I').replace(/\bi'/g, "I'");
  if (title.length > 80) title = `${title.slice(0, 79).replace(/\s+\S*$/, '')}…`;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function priorityOf(intent, tier) {
  if (intent === 'complaint' || intent === 'payment_issue') return chance(tier === 'vip' || tier === 'enterprise' ? 0.6 : 0.2) ? 'urgent' : 'high';
  if (intent === 'contact_human_agent') return chance(0.3) ? 'high' : 'normal';
  if (intent === 'review' || intent === 'newsletter_subscription') return chance(0.6) ? 'low' : 'normal';
  if (tier === 'vip' && chance(0.4)) return 'high';
  return weighted([['normal', 84], ['high', 8], ['low', 8]]);
}

/** Values the reference answers leave as {{placeholders}}, per ticket where they name its order or invoice. */
function placeholderValues(row, customer) {
  const order = row.entity_type === 'order_id' ? row.entity_value : String(int(1_000_000_000, 9_999_999_999));
  const invoice = row.entity_type === 'invoice_id' ? row.entity_value.replace(/^#/, '') : String(int(10_000, 99_999));
  const values = {
    phone: '+1 (800) 555-0199', chat: 'live chat', shop: 'Tidewater Supply', url: 'https://shop.example.com',
    hours: 'Monday to Friday, 8 am to 8 pm ET', email: 'support@example.com', order, invoice,
  };
  return [
    [/phone( number)?( anonymized)?$/i, values.phone],
    [/^live chat( anonymized)?$|^chat$/i, values.chat],
    [/^(website( name| or app|\/app name)?|company name)$/i, values.shop],
    [/^website url$/i, values.url],
    [/(availability|hours)( anonymized)?$/i, values.hours],
    [/^business hours start time$/i, '8 am'],
    [/^business hours end time$/i, '8 pm'],
    [/^feedback email address$/i, 'feedback@example.com'],
    [/^(customer )?(support|service) email( address)?$|^support email( address)?$|^email support$/i, values.email],
    [/^(order|purchase) (number|id)( anonymized)?$|^order number$/i, values.order],
    [/^(bill|invoice) number anonymized$/i, values.invoice],
    [/^tracking number$/i, `1Z${int(100_000_000, 999_999_999)}`],
    [/^number of days$/i, '14'],
    [/^purchase date anonymized$/i, `March ${int(2, 27)}`],
    [/^payment method anonymized$/i, 'the Visa card ending in 4242'],
    [/^name field anonymized$/i, customer.name],
    [/^[0-9A-F]{6,}$/i, null],
  ];
}

function fillPlaceholders(text, rules) {
  return text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, name) => {
    const rule = rules.find(([pattern]) => pattern.test(name));
    // Unknown names are labels of the shop's screens ("Order History"), which read well as they are.
    return rule && rule[1] !== null ? rule[1] : name;
  });
}

function statusList(count) {
  const out = [];
  for (const [status, share] of STATUS_SHARES.slice(0, -1)) out.push(...Array(Math.round(count * share)).fill(status));
  out.push(...Array(count - out.length).fill(STATUS_SHARES[STATUS_SHARES.length - 1][0]));
  return shuffle(out);
}

function repliesFor(status, priority, answer) {
  const firstWait = { urgent: [2, 20], high: [5, 60], normal: [10, 240], low: [30, 600] }[priority];
  const replies = [{ author: 'agent', body: answer, afterMinutes: int(...firstWait) }];
  if (status === 'in_progress' && chance(0.4)) replies.push({ author: 'customer', body: pick(FOLLOW_UPS.stuck), afterMinutes: int(10, 300) });
  if (status === 'pending' && chance(0.6)) replies.push({ author: 'agent', body: pick(FOLLOW_UPS.ask), afterMinutes: int(1, 15) });
  if ((status === 'resolved' || status === 'closed') && chance(0.55)) {
    replies.push({ author: 'customer', body: pick(FOLLOW_UPS.thanks), afterMinutes: int(15, 720) });
  }
  return replies;
}

/** Squeezes the conversation so it ends before now (the seeder adds 35 minutes of its own). */
function fitReplies(replies, ageMinutes) {
  const room = ageMinutes - 36;
  const total = replies.reduce((sum, reply) => sum + reply.afterMinutes, 0);
  if (total <= room) return replies;
  return replies.map((reply) => ({ ...reply, afterMinutes: Math.max(0, Math.floor((reply.afterMinutes * room) / total)) }));
}

function fieldsOf(row) {
  return row.entity_type && row.entity_value ? { [row.entity_type]: row.entity_value } : {};
}

function makeTicket(row, status, customers) {
  // A third of the tickets come from a few regulars, so customer history views have something to show.
  const customer = chance(0.35) ? customers[int(0, 29)] : pick(customers);
  const priority = priorityOf(row.intent, customer.tier);
  const incident = (row.intent === 'complaint' || row.intent === 'payment_issue') && chance(0.45);
  const ageMinutes = int(...AGE_RANGE[status]);
  const greeting = `Hi ${customer.name.split(' ')[0]},\n\n`;
  const answer = greeting + fillPlaceholders(row.response.trim(), placeholderValues(row, customer));
  const category = row.category.toLowerCase();
  return {
    draft: {
      type: incident ? 'incident' : 'support',
      title: titleFrom(row.instruction),
      description: row.instruction.trim(),
      channel: weighted(CHANNELS),
      priority,
      customer,
      tags: [row.intent, category],
      language: 'en',
      fields: fieldsOf(row),
    },
    skill: category,
    ageMinutes,
    status,
    replies: status === 'queued' ? [] : fitReplies(repliesFor(status, priority, answer), ageMinutes),
  };
}

function main() {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: node scripts/make-demo-data.mjs path/to/Bitext_Sample_Customer_Support_Training_Dataset.csv');
    process.exit(2);
  }
  const rows = chooseRows(readRows(source));
  const customers = makeCustomers(160);
  const statuses = statusList(rows.length);
  // Oldest first: the seeder creates them in file order, so ids follow the tickets' ages.
  const tickets = rows.map((row, i) => makeTicket(row, statuses[i], customers)).sort((a, b) => b.ageMinutes - a.ageMinutes);
  const text = `[\n${tickets.map((ticket) => `  ${JSON.stringify(ticket)}`).join(',\n')}\n]\n`;
  writeFileSync(OUT, text);
  console.log(`Wrote ${tickets.length} tickets (${(text.length / 1024).toFixed(0)} KiB) to ${OUT}.`);
}

main();
