import { expect, it } from 'vitest';
import { userId } from '../../src/core/ids.ts';
import { pairId } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import { agendaBacklogRepository, type NewBacklogItem } from '../../src/store/agenda-backlog.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';

const item = (id: string, at: number, overrides: Partial<NewBacklogItem> = {}): NewBacklogItem => ({
  pairId: pairId('pair-1'),
  id,
  text: `talk about ${id}`,
  link: null,
  addedBy: userId('u-1'),
  addedAt: epochMs(at),
  ...overrides,
});

describeEachBackend('agenda backlog', ({ store }) => {
  const repo = () => agendaBacklogRepository(store().db);

  it('adds items and lists the open ones of a pair oldest first, with their link', async () => {
    const tenant = freshTenant();
    expect((await repo().add(tenant, item('b', 2_000, { link: 'https://teams.microsoft.com/l/message/1' }))).added).toBe(true);
    await repo().add(tenant, item('a', 1_000));
    await repo().add(tenant, item('c', 3_000, { pairId: pairId('pair-2') }));
    const listed = await repo().list(tenant, pairId('pair-1'));
    expect(listed.map((i) => i.id)).toEqual(['a', 'b']);
    expect(listed[1]).toEqual({
      pairId: 'pair-1',
      id: 'b',
      text: 'talk about b',
      link: 'https://teams.microsoft.com/l/message/1',
      addedBy: 'u-1',
      addedAt: 2_000,
      done: false,
    });
  });

  it('adds an item once: the same id again keeps the first text and says so', async () => {
    const tenant = freshTenant();
    await repo().add(tenant, item('m-1', 1_000, { text: 'first' }));
    const again = await repo().add(tenant, item('m-1', 5_000, { text: 'second' }));
    expect(again.added).toBe(false);
    expect(again.item.text).toBe('first');
    expect(await repo().list(tenant, pairId('pair-1'))).toHaveLength(1);
  });

  it('hides done items unless asked, and marks an item done only once', async () => {
    const tenant = freshTenant();
    await repo().add(tenant, item('a', 1_000));
    await repo().add(tenant, item('b', 2_000));
    expect(await repo().markDone(tenant, pairId('pair-1'), 'a', epochMs(9_000))).toBe(true);
    expect(await repo().markDone(tenant, pairId('pair-1'), 'a', epochMs(9_500))).toBe(false);
    expect((await repo().list(tenant, pairId('pair-1'))).map((i) => i.id)).toEqual(['b']);
    const all = await repo().list(tenant, pairId('pair-1'), { includeDone: true });
    expect(all.map((i) => [i.id, i.done])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it("keeps each tenant's backlog apart", async () => {
    const a = freshTenant();
    const b = freshTenant();
    await repo().add(a, item('same', 1_000, { text: 'in a' }));
    expect(await repo().list(b, pairId('pair-1'))).toEqual([]);
    expect((await repo().add(b, item('same', 1_000, { text: 'in b' }))).added).toBe(true);
    expect(await repo().markDone(b, pairId('pair-1'), 'same', epochMs(2_000))).toBe(true);
    expect((await repo().list(a, pairId('pair-1')))[0]?.text).toBe('in a');
  });
});
