import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { AgentQuery, IdempotencyRecord, Store, TicketQuery } from '../src/domain/store/store.js';
import { openStore } from '../src/adapters/store/open-store.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { applyTicketPatch } from '../src/domain/ticket/ticket-changes.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { addWorkspace, insertTickets, newAgent, newTicket } from './helpers/store-fixtures.js';

for (const backend of BACKENDS) {
  describe(`store (${backend.name})`, () => {
    let db: TestDatabase;
    let store: Store;
    let slugs = 0;
    /** Each test works in a workspace of its own, so lists see only its tickets. */
    const workspace = () => addWorkspace(store, `ws-${++slugs}`);

    before(async () => {
      db = await backend.open();
      store = db.store;
    });
    after(() => db.cleanup());

    async function titles(workspaceId: string, query: Partial<TicketQuery>): Promise<string[]> {
      const page = await store.read((tx) => tx.tickets.list({ workspaceId, limit: 200, ...query }));
      return page.items.map((t) => t.title).sort();
    }

    it('reads the workspace versions outside transactions as last committed, by this store or another on the database', async () => {
      const ws = await workspace();
      const agentsVersion = () => store.read((tx) => tx.policies.versions(ws)).then((versions) => versions.agentsVersion);
      const before = await agentsVersion();
      assert.equal(await agentsVersion(), before, 'read twice, unchanged');
      await store.transaction((tx) => tx.policies.bumpAgentsVersion(ws));
      assert.equal(await agentsVersion(), before + 1, 'a commit of this store is seen');
      const other = openStore(db.location);
      try {
        await other.transaction((tx) => tx.policies.bumpAgentsVersion(ws));
      } finally {
        await other.close();
      }
      assert.equal(await agentsVersion(), before + 2, "another store's commit is seen, as another process's would be");
    });

    it('migrates another database beside this one, and migrates again as a no-op', async () => {
      const second = await backend.open();
      try {
        assert.deepEqual((await second.store.migrate()).applied, []);
        assert.deepEqual((await db.store.migrate()).applied, []);
        const ws = await addWorkspace(second.store, 'beside');
        assert.equal((await second.store.read((tx) => tx.workspaces.get(ws)))?.slug, 'beside');
      } finally {
        await second.cleanup();
      }
    });

    it('refreshes the planner\'s statistics while serving, as the worker does every hour', async () => {
      const ws = await workspace();
      await insertTickets(store, ws, Array.from({ length: 20 }, (_, i) => ({ title: `stats ${i}` })));
      await store.refreshStatistics();
      assert.equal((await titles(ws, {})).length, 20);
    });

    it('gives back a ticket as it was inserted', async () => {
      const ws = await workspace();
      const [ticket] = await insertTickets(store, ws, [{
        title: 'Printer on fire', description: 'Smoke 🔥 everywhere', priority: 'urgent', tags: ['hardware', 'fire'],
        customer: { id: 'c-1', email: 'Ann@Example.com', name: 'Ann' }, fields: { floor: 3, nested: { ok: true, list: [1, 'two', null] } },
        location: { lat: 48.85, lon: 2.35, address: 'Paris' }, language: 'fr', dueAt: 1_800_000_000_000, queue: 'facilities',
      }]);
      assert.deepEqual(await store.read((tx) => tx.tickets.get(ws, ticket!.id)), ticket);
    });

    it('inserts a new ticket with its tags, its links and its first events', async () => {
      const ws = await workspace();
      const [linked] = await insertTickets(store, ws, [{ title: 'earlier' }]);
      for (const draft of [{ title: 'together', tags: ['vip', 'billing'] }, { title: 'apart', tags: ['vip'], links: [{ kind: 'related' as const, ticketId: linked!.id }] }]) {
        const ticket = newTicket(ws, draft);
        const event = { workspaceId: ws, entityKind: 'ticket' as const, entityId: ticket.id, ticketId: ticket.id, actor: SYSTEM_ACTOR, at: 1000, before: null, data: null };
        const ids = await store.transaction((tx) => tx.tickets.insertWithEvents(ticket, [
          { ...event, type: 'ticket.created', after: { title: ticket.title } }, { ...event, type: 'ticket.queued', after: null },
        ]));
        assert.deepEqual(await store.read((tx) => tx.tickets.get(ws, ticket.id)), ticket);
        const history = await store.read((tx) => tx.events.listForTicket(ws, ticket.id, undefined, 10));
        assert.deepEqual(history.items.map((e) => [e.id, e.type, e.after]), [[ids[0], 'ticket.created', { title: ticket.title }], [ids[1], 'ticket.queued', null]]);
      }
      assert.deepEqual(await titles(ws, { tag: 'vip' }), ['apart', 'together']);
      assert.deepEqual(await titles(ws, { tag: 'billing' }), ['together']);
    });

    it('updates only the version it was read at', async () => {
      const ws = await workspace();
      const [v1] = await insertTickets(store, ws, [{ title: 'Stale' }]);
      const { ticket: v2 } = applyTicketPatch(v1!, { priority: 'high', tags: ['a'] }, v1!.createdAt + 1);
      assert.equal(await store.transaction((tx) => tx.tickets.update(v2, v1!)), true);
      const { ticket: lost } = applyTicketPatch(v1!, { priority: 'low' }, v1!.createdAt + 2);
      assert.equal(await store.transaction((tx) => tx.tickets.update(lost, v1!)), false, 'a stale version must not win');
      const stored = await store.read((tx) => tx.tickets.get(ws, v1!.id));
      assert.equal(stored?.version, 2);
      assert.equal(stored?.priority, 'high');
    });

    it('filters by tag, case-insensitively, and follows tag changes', async () => {
      const ws = await workspace();
      const [both] = await insertTickets(store, ws, [
        { title: 'both', tags: ['billing', 'vip'] }, { title: 'billing', tags: ['Billing'] }, { title: 'none' },
      ]);
      assert.deepEqual(await titles(ws, { tag: 'billing' }), ['billing', 'both']);
      assert.deepEqual(await titles(ws, { tag: 'VIP' }), ['both']);
      const { ticket: changed } = applyTicketPatch(both!, { tags: ['vip', 'refund'] }, both!.createdAt + 1);
      await store.transaction((tx) => tx.tickets.update(changed, both!));
      assert.deepEqual(await titles(ws, { tag: 'billing' }), ['billing']);
      assert.deepEqual(await titles(ws, { tag: 'refund' }), ['both']);
    });

    it('filters by words in the title or description, case-insensitively', async () => {
      const ws = await workspace();
      await insertTickets(store, ws, [
        { title: 'Printer on FIRE' }, { title: 'Paper jam', description: 'the printer again' }, { title: 'Login fails' },
      ]);
      assert.deepEqual(await titles(ws, { text: 'printer' }), ['Paper jam', 'Printer on FIRE']);
      assert.deepEqual(await titles(ws, { text: 'Fire PRINTER' }), ['Printer on FIRE']);
      assert.deepEqual(await titles(ws, { text: 'toaster' }), []);
    });

    it('matches % and _ in the search text literally', async () => {
      const ws = await workspace();
      await insertTickets(store, ws, [
        { title: '100% refund' }, { title: '1000 refunds' }, { title: 'snake_case name' }, { title: 'snakeXcase name' },
        { title: 'back\\slash' },
      ]);
      assert.deepEqual(await titles(ws, { text: '100%' }), ['100% refund']);
      assert.deepEqual(await titles(ws, { text: '%' }), ['100% refund']);
      assert.deepEqual(await titles(ws, { text: 'snake_case' }), ['snake_case name']);
      assert.deepEqual(await titles(ws, { text: '_' }), ['snake_case name']);
      assert.deepEqual(await titles(ws, { text: 'k\\s' }), ['back\\slash']);
    });

    it('filters by customer e-mail (any case) or customer id', async () => {
      const ws = await workspace();
      await insertTickets(store, ws, [
        { title: 'ann', customer: { id: 'cust-1', email: 'ann@example.com' } },
        { title: 'bob', customer: { id: 'cust-2', email: 'Bob@Example.com' } }, { title: 'anonymous' },
      ]);
      assert.deepEqual(await titles(ws, { customer: 'ANN@example.com' }), ['ann']);
      assert.deepEqual(await titles(ws, { customer: 'bob@example.com' }), ['bob']);
      assert.deepEqual(await titles(ws, { customer: 'cust-2' }), ['bob']);
      assert.deepEqual(await titles(ws, { customer: 'cust-3' }), []);
    });

    it('reads a customer\'s newest tickets by id or e-mail, each once, up to the limit', async () => {
      const ws = await workspace();
      await insertTickets(store, ws, [
        { title: 'both', customer: { id: 'cust-1', email: 'Ann@Example.com' } },
        { title: 'same e-mail', customer: { id: 'cust-9', email: 'ann@example.com' }, assigneeId: 'agt_a' },
        { title: 'same id', customer: { id: 'cust-1' } },
        { title: 'someone else', customer: { id: 'cust-2', email: 'bob@example.com' } }, { title: 'anonymous' },
      ]);
      const of = (customer: { id: string | null; email: string | null }, limit: number) =>
        store.read((tx) => tx.tickets.ofCustomer(ws, customer, limit));
      assert.deepEqual((await of({ id: 'cust-1', email: 'ann@example.com' }, 10)).map((t) => t.title), ['same id', 'same e-mail', 'both']);
      const byEmail = await of({ id: null, email: 'ann@example.com' }, 10);
      assert.deepEqual(byEmail.map((t) => [t.title, t.status, t.assigneeId]), [['same e-mail', 'assigned', 'agt_a'], ['both', 'queued', null]]);
      assert.ok(byEmail.every((t) => typeof t.updatedAt === 'number' && t.description === ''));
      assert.deepEqual((await of({ id: 'cust-1', email: null }, 1)).map((t) => t.title), ['same id']);
      assert.deepEqual(await of({ id: null, email: null }, 10), []);
    });

    it('filters unassigned work with a null assignee, and one agent\'s work by id', async () => {
      const ws = await workspace();
      await insertTickets(store, ws, [{ title: 'mine', assigneeId: 'agt_a' }, { title: 'theirs', assigneeId: 'agt_b' }, { title: 'nobody' }]);
      assert.deepEqual(await titles(ws, { assigneeId: null }), ['nobody']);
      assert.deepEqual(await titles(ws, { assigneeId: 'agt_a' }), ['mine']);
      assert.deepEqual(await titles(ws, {}), ['mine', 'nobody', 'theirs']);
    });

    it('pages through every ticket exactly once, newest first', async () => {
      const ws = await workspace();
      const tickets = await insertTickets(store, ws, Array.from({ length: 23 }, (_, i) => ({ title: `t${i}` })));
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.read((tx) => tx.tickets.list({ workspaceId: ws, limit: 5, after }));
        assert.ok(page.items.length <= 5);
        seen.push(...page.items.map((t) => t.id));
        after = page.nextCursor ?? undefined;
        pages++;
      } while (after !== undefined);
      assert.equal(pages, 5);
      assert.deepEqual(seen, tickets.map((t) => t.id).reverse());
    });

    it('pages several statuses and priorities newest first, each ticket once, as one list would', async () => {
      const ws = await workspace();
      const statuses = ['new', 'queued', 'needs_info'] as const;
      const priorities = ['urgent', 'high', 'normal', 'low'] as const;
      const tickets = await insertTickets(store, ws, Array.from({ length: 41 }, (_, i) => ({
        title: `p${i}`, status: statuses[i % 3], priority: priorities[Math.floor(i / 2) % 4],
      })));
      const query = { statuses: ['queued', 'new'], priorities: ['urgent', 'low', 'high'] } as const;
      const wanted = tickets.filter((t) => (query.statuses as readonly string[]).includes(t.status) &&
        (query.priorities as readonly string[]).includes(t.priority)).map((t) => t.id).reverse();
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.read((tx) => tx.tickets.list({
          workspaceId: ws, statuses: [...query.statuses], priorities: [...query.priorities], limit: 4, after,
        }));
        seen.push(...page.items.map((t) => t.id));
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      assert.ok(wanted.length > 12, 'the fixture spreads over several pages');
      assert.deepEqual(seen, wanted);
    });

    it('pages agents by team and skill in the database, whatever the case asked', async () => {
      const ws = await workspace();
      await store.transaction(async (tx) => {
        for (let i = 0; i < 9; i++) {
          const skills: Record<string, number> = i % 3 === 0 ? { billing: 5 } : { 'a.b': 2 };
          await tx.agents.insert(newAgent(ws, i, { teams: i % 2 === 0 ? ['emea'] : ['apac'], skills }));
        }
      });
      const names = async (query: Partial<AgentQuery>) => {
        const out: string[] = [];
        let after: string | undefined;
        do {
          const page = await store.read((tx) => tx.agents.list({ workspaceId: ws, limit: 2, ...query, after }));
          out.push(...page.items.map((a) => a.name));
          after = page.nextCursor ?? undefined;
        } while (after !== undefined);
        return out;
      };
      assert.deepEqual(await names({ team: 'EMEA' }), ['a0', 'a2', 'a4', 'a6', 'a8']);
      assert.deepEqual(await names({ team: 'emea', skill: 'Billing' }), ['a0', 'a6']);
      assert.deepEqual(await names({ skill: 'a.b' }), ['a1', 'a2', 'a4', 'a5', 'a7', 'a8']);
      assert.deepEqual(await names({ skill: 'constructor' }), []);
    });

    it('keeps links in the order they were made and finds what links to a ticket', async () => {
      const ws = await workspace();
      const [b, c] = await insertTickets(store, ws, [{ title: 'b' }, { title: 'c' }]);
      const [a] = await insertTickets(store, ws, [{ title: 'a', links: [{ kind: 'related', ticketId: b!.id }] }]);
      await store.transaction((tx) => tx.tickets.addLink(ws, a!.id, { kind: 'blocked_by', ticketId: c!.id }, a!.createdAt + 1));
      const stored = await store.read((tx) => tx.tickets.get(ws, a!.id));
      assert.deepEqual(stored?.links, [{ kind: 'related', ticketId: b!.id }, { kind: 'blocked_by', ticketId: c!.id }]);
      assert.deepEqual(await store.read((tx) => tx.tickets.linkedTo(ws, c!.id, 'blocked_by')), [a!.id]);
      assert.deepEqual(await store.read((tx) => tx.tickets.linkedTo(ws, b!.id, 'blocked_by')), []);
      assert.deepEqual(await store.read((tx) => tx.tickets.linkedTo(ws, b!.id, 'related')), [a!.id]);
    });

    it('keeps each workspace\'s tickets out of every other workspace', async () => {
      const [mine, other] = [await workspace(), await workspace()];
      const [ticket] = await insertTickets(store, mine, [{ title: 'private' }]);
      assert.equal(await store.read((tx) => tx.tickets.get(other, ticket!.id)), undefined);
      assert.deepEqual(await titles(other, {}), []);
      assert.deepEqual([...(await store.read((tx) => tx.tickets.existing(other, [ticket!.id])))], []);
      assert.deepEqual([...(await store.read((tx) => tx.tickets.existing(mine, [ticket!.id, 'tkt_missing'])))], [ticket!.id]);
      const moved = { ...ticket!, workspaceId: other, version: 2 };
      assert.equal(await store.transaction((tx) => tx.tickets.update(moved, ticket!)), false);
    });

    it('appends events and lists them in order, page by page', async () => {
      const ws = await workspace();
      const [ticket] = await insertTickets(store, ws, [{ title: 'history' }]);
      const base = { workspaceId: ws, entityKind: 'ticket' as const, entityId: ticket!.id, ticketId: ticket!.id, actor: SYSTEM_ACTOR, data: null };
      const ids: number[] = [];
      await store.transaction(async (tx) => {
        for (const [i, type] of ['ticket.created', 'ticket.updated', 'comment.added'].entries()) {
          ids.push(await tx.events.append({ ...base, type, at: 1000 + i, before: i ? { n: i - 1 } : null, after: { n: i, text: 'é ✓' } }));
        }
      });
      assert.deepEqual([...ids].sort((x, y) => x - y), ids);
      const first = await store.read((tx) => tx.events.listForTicket(ws, ticket!.id, undefined, 2));
      assert.deepEqual(first.items.map((e) => e.type), ['ticket.created', 'ticket.updated']);
      assert.deepEqual(first.items[1], { ...base, id: ids[1], type: 'ticket.updated', at: 1001, before: { n: 0 }, after: { n: 1, text: 'é ✓' } });
      const rest = await store.read((tx) => tx.events.listForTicket(ws, ticket!.id, Number(first.nextCursor), 2));
      assert.deepEqual(rest.items.map((e) => e.id), [ids[2]]);
      assert.equal(rest.nextCursor, null);
      const otherWs = await workspace();
      const elsewhere = await store.read((tx) => tx.events.listForTicket(otherWs, ticket!.id, undefined, 10));
      assert.deepEqual(elsewhere.items, []);
    });

    it('wakes the event listeners of this database at commit, and no other database\'s', { skip: backend.name === 'postgres' ? false : 'listeners poll where the backend cannot push' }, async () => {
      const other = await backend.open();
      const woken = { here: 0, there: 0 };
      const stops = [await store.listenForEvents(() => woken.here++), await other.store.listenForEvents(() => woken.there++)];
      try {
        const ws = await workspace();
        const [ticket] = await insertTickets(store, ws, [{ title: 'announced' }]);
        await delay(200);
        const before = woken.here;
        await store.transaction(async (tx) => {
          await tx.events.append({
            workspaceId: ws, entityKind: 'ticket', entityId: ticket!.id, ticketId: ticket!.id, actor: SYSTEM_ACTOR, type: 'ticket.updated', at: 1000, before: null, after: null, data: null,
          });
          await delay(200);
          assert.equal(woken.here, before, 'woken before the events were committed');
        });
        for (let tries = 0; woken.here === before && tries < 100; tries++) await delay(50);
        // The same notification reaches every listener at once; a little longer for the other to (not) hear it.
        await delay(200);
        assert.deepEqual(woken, { here: before + 1, there: 0 });
        await store.transaction((tx) => tx.timers.insert({ id: `tmr_${slugs}_quiet`, workspaceId: ws, kind: 'sla_breach', ticketId: ticket!.id, ref: 'first_response', dueAt: 1, firedAt: null }));
        await delay(300);
        assert.deepEqual(woken, { here: before + 1, there: 0 }, 'a commit without events woke a listener');
      } finally {
        await Promise.all(stops.map((stop) => stop()));
        await other.cleanup();
      }
    });

    it('saves several timers in one call, each due and claimable once', async () => {
      const ws = await workspace();
      const [ticket] = await insertTickets(store, ws, [{ title: 'timed' }]);
      const timer = (id: string, dueAt: number) => ({ id, workspaceId: ws, kind: 'sla_breach', ticketId: ticket!.id, ref: 'first_response', dueAt, firedAt: null });
      const ids = [`tmr_${slugs}_a`, `tmr_${slugs}_b`, `tmr_${slugs}_c`];
      await store.transaction((tx) => tx.timers.insert(timer(ids[0]!, 1), timer(ids[1]!, 2), timer(ids[2]!, 3)));
      await store.transaction((tx) => tx.timers.insert());
      const due = (await store.read((tx) => tx.timers.due(10, 1_000))).filter((t) => t.workspaceId === ws);
      assert.deepEqual(due.map((t) => [t.id, t.dueAt]), [[ids[0], 1], [ids[1], 2], [ids[2], 3]]);
      assert.equal((await store.transaction((tx) => tx.timers.claim(ids[1]!)))?.ref, 'first_response');
    });

    it('stores idempotency records once per key and sweeps old ones', async () => {
      const ws = await workspace();
      const record = (key: string, createdAt: number): IdempotencyRecord => ({
        workspaceId: ws, scope: 'POST /v1/tickets', key, requestHash: 'h', responseStatus: 201, responseBody: '{"id":"x"}', createdAt,
      });
      assert.equal(await store.read((tx) => tx.idempotency.find(ws, 'POST /v1/tickets', 'k1')), undefined);
      await store.transaction((tx) => tx.idempotency.insert(record('k1', 1_000)));
      await store.transaction((tx) => tx.idempotency.insert(record('k2', 5_000)));
      assert.deepEqual(await store.read((tx) => tx.idempotency.find(ws, 'POST /v1/tickets', 'k1')), record('k1', 1_000));
      assert.equal(await store.read((tx) => tx.idempotency.find(ws, 'POST /other', 'k1')), undefined);
      const duplicate = await store.transaction((tx) => tx.idempotency.insert(record('k1', 2_000))).then(() => undefined, (error: unknown) => error);
      assert.equal(store.isUniqueViolation(duplicate), true);
      assert.equal(await store.transaction((tx) => tx.idempotency.deleteOlderThan(2_000)), 1);
      assert.equal(await store.read((tx) => tx.idempotency.find(ws, 'POST /v1/tickets', 'k1')), undefined);
      assert.ok(await store.read((tx) => tx.idempotency.find(ws, 'POST /v1/tickets', 'k2')));
    });

    it('rolls a failed transaction back completely', async () => {
      const ws = await workspace();
      const ticket = newTicket(ws, { title: 'never', tags: ['ghost'], links: [] });
      await assert.rejects(store.transaction(async (tx) => {
        await tx.tickets.insert(ticket);
        await tx.events.append({
          workspaceId: ws, entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'ticket.created',
          actor: SYSTEM_ACTOR, at: 1, before: null, after: null, data: null,
        });
        throw new Error('boom');
      }), /boom/);
      assert.equal(await store.read((tx) => tx.tickets.get(ws, ticket.id)), undefined);
      assert.deepEqual(await titles(ws, { tag: 'ghost' }), []);
      assert.deepEqual((await store.read((tx) => tx.events.listForTicket(ws, ticket.id, undefined, 10))).items, []);
      // The connection is usable again afterwards.
      await insertTickets(store, ws, [{ title: 'after' }]);
      assert.deepEqual(await titles(ws, {}), ['after']);
    });
  });
}
