import type { JsonObject } from '../src/domain/shared/json.js';
import type { Channel, Priority } from '../src/domain/ticket/ticket.js';
import { mulberry32 } from './seeded-random.js';

/** A `POST /v1/tickets` body as a help-desk integration would send it. */
export interface TicketBody {
  type: string;
  title: string;
  description: string;
  channel: Channel;
  priority: Priority;
  customer: { id: string; name: string; email: string; organization: string | null; tier: string };
  tags: string[];
  fields: JsonObject;
  language: string;
}

// Each intent brings its own wording and tags, so rows, tag rows and indexes vary the way real
// traffic makes them vary instead of repeating one body the database could cache.
const INTENTS: readonly { title: string; tags: readonly string[]; text: string }[] = [
  { title: 'Refund not received for order', tags: ['billing', 'refund'], text: 'I returned the item three weeks ago and the refund has still not reached my card.' },
  { title: 'Package shows delivered but never arrived', tags: ['shipping', 'delivery'], text: 'The tracking page says delivered yesterday but there is nothing at my door or with my neighbours.' },
  { title: 'Cannot log in after password reset', tags: ['account', 'login'], text: 'The reset link worked, but the new password is refused and the account is now locked.' },
  { title: 'Charged twice for the same subscription', tags: ['billing', 'payment', 'duplicate'], text: 'My bank statement shows two identical charges for this month on the same day.' },
  { title: 'Change the delivery address of my order', tags: ['order', 'shipping_address'], text: 'I moved last week; please send the order to my new address before it ships.' },
  { title: 'Invoice is missing our VAT number', tags: ['billing', 'invoice'], text: 'Our accounting team cannot book the invoice without the VAT number on it.' },
  { title: 'App crashes when uploading a photo', tags: ['bug', 'mobile'], text: 'Every time I pick a photo from the gallery the app closes without any message.' },
  { title: 'Cancel my order before it ships', tags: ['order', 'cancellation'], text: 'I ordered the wrong size by mistake and would like to cancel the whole order.' },
];

const CHANNELS: Channel[] = ['email', 'chat', 'form', 'phone', 'api'];
const PRIORITIES: Priority[] = ['normal', 'normal', 'normal', 'high', 'low', 'urgent'];
const TIERS = ['free', 'pro', 'enterprise', 'vip'];
const LANGUAGES = ['en', 'en', 'en', 'de', 'fr', 'es', 'id', 'sv'];
const FIRST = ['Ana', 'Budi', 'Chen', 'Dara', 'Elin', 'Femi', 'Goran', 'Hana', 'Ivan', 'Jun'];
const LAST = ['Santos', 'Lestari', 'Wei', 'Okafor', 'Johansson', 'Novak', 'Sato', 'Meyer'];


/** `count` different bodies: customer, 2–4 tags, a description of a few hundred characters. */
export function ticketBodies(count: number, seed = 42): TicketBody[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const intent = pick(INTENTS);
    const first = pick(FIRST);
    const last = pick(LAST);
    // A customer base large enough that customers repeat now and then, as in a help desk where
    // some write again while their first ticket is open, not on every other ticket.
    const customerNo = Math.floor(random() * 200_000);
    const order = `SO-${100_000 + Math.floor(random() * 900_000)}`;
    const tags = random() < 0.5 ? [...intent.tags, pick(['vip-watch', 'repeat-contact', 'eu', 'us', 'apac'])] : [...intent.tags];
    return {
      type: intent.tags.includes('bug') ? 'bug' : 'support',
      title: `${intent.title} ${order}`,
      description: `Hello, ${intent.text} Order ${order}, placed ${1 + (i % 28)} days ago. `
        + `I have already contacted you once about this and would appreciate an answer soon. `
        + `Kind regards, ${first} ${last}`,
      channel: pick(CHANNELS),
      priority: pick(PRIORITIES),
      customer: {
        id: `cus_${customerNo}`,
        name: `${first} ${last}`,
        email: `${first}.${last}.${customerNo}@example.com`.toLowerCase(),
        organization: random() < 0.4 ? `${last} Trading` : null,
        tier: pick(TIERS),
      },
      tags,
      fields: { order_id: order, source: 'bench' },
      language: pick(LANGUAGES),
    };
  });
}
