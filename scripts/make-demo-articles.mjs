// Builds data/demo/articles.json, the demo workspace's knowledge base, from the Bitext
// customer-support sample (CDLA-Sharing-1.0; see data/demo/README.md). Run once by hand:
//   node scripts/make-demo-articles.mjs path/to/Bitext_Sample_Customer_Support_Training_Dataset.csv
// Nothing reads the CSV at run time; the output is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const OUT = fileURLToPath(import.meta.resolve('../data/demo/articles.json'));

/** The intents that make good articles, with the article's title. */
const ARTICLES = {
  recover_password: 'Reset a forgotten password',
  get_refund: 'Ask for a refund',
  track_refund: 'Follow up on a refund',
  check_refund_policy: 'Our refund policy',
  cancel_order: 'Cancel an order',
  change_shipping_address: 'Change the shipping address of an order',
  get_invoice: 'Download an invoice',
  check_payment_methods: 'Payment methods we accept',
  delete_account: 'Close and delete your account',
  track_order: 'Track an order',
  delivery_options: 'Delivery options',
  contact_human_agent: 'Talk to a person on our team',
};

const VALUES = [
  [/phone( number)?( anonymized)?$/i, '+1 (800) 555-0199'],
  [/^live chat( anonymized)?$|^chat$/i, 'live chat'],
  [/^(website( name| or app|\/app name)?|company name)$/i, 'Tidewater Supply'],
  [/^website url$/i, 'https://shop.example.com'],
  [/(availability|hours)( anonymized)?$/i, 'Monday to Friday, 8 am to 8 pm ET'],
  [/^business hours start time$/i, '8 am'],
  [/^business hours end time$/i, '8 pm'],
  [/email( address)?$/i, 'support@example.com'],
  [/^(order|purchase) (number|id)( anonymized)?$/i, 'your order number'],
  [/^(bill|invoice) number anonymized$/i, 'your invoice number'],
  [/^number of days$/i, '14'],
];

const fill = (text) => text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, name) => VALUES.find(([p]) => p.test(name))?.[1] ?? name);

const rows = parse(readFileSync(process.argv[2], 'utf8'), { columns: true, skip_empty_lines: true });
const articles = Object.entries(ARTICLES).map(([intent, title]) => {
  // An answer with numbered steps about nobody's order in particular reads most like an article;
  // among those the shortest wins, ties to the first. Intents without steps take their shortest answer.
  const all = rows.filter((row) => row.intent === intent && !/fuck|shit|\$\d/i.test(row.instruction + row.response));
  const stepwise = all.filter((row) => (row.response.match(/^\d+\. /gm) ?? []).length >= 3);
  const candidates = stepwise.length > 0 ? stepwise : all;
  const row = candidates.reduce((best, next) => (next.response.length < best.response.length ? next : best));
  return { title, body: fill(row.response.replace(/\r\n/g, '\n').trim()), tags: [intent, row.category.toLowerCase()], language: 'en', published: true };
});
writeFileSync(OUT, `${JSON.stringify(articles, null, 2)}\n`);
console.log(`Wrote ${articles.length} articles to ${OUT}`);
