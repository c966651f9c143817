import type { Alarm } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import type { AlarmPage } from '../../api/alarms';
import { unhandledFirst, type HalfReader } from './unhandledFirst';

/** A server holding `open` unhandled and `done` handled alarms, each half newest first, as the API pages them. */
function server(open: number, done: number) {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }) as Alarm);
  const halves = { true: ids('u', open), false: ids('h', done) };
  const calls: string[] = [];
  const read: HalfReader = async (unhandled, limit, offset): Promise<AlarmPage> => {
    calls.push(`${unhandled ? 'u' : 'h'} ${limit}@${offset}`);
    const all = halves[`${unhandled}`];
    return { items: all.slice(offset, offset + limit), total: all.length, totalCapped: false };
  };
  return { read, calls };
}

const ids = (page: AlarmPage) => page.items.map((a) => a.id);

describe('unhandledFirst', () => {
  it('lists every unhandled alarm before any handled one, across page boundaries', async () => {
    const { read } = server(3, 4);
    const pages = [await unhandledFirst(read, 2, 0), await unhandledFirst(read, 2, 2), await unhandledFirst(read, 2, 4), await unhandledFirst(read, 2, 6)];
    expect(pages.map(ids)).toEqual([['u0', 'u1'], ['u2', 'h0'], ['h1', 'h2'], ['h3']]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
  });

  it('reads the handled half from its own offset once the unhandled ones are used up', async () => {
    const { read, calls } = server(3, 10);
    const page = await unhandledFirst(read, 5, 5);
    expect(ids(page)).toEqual(['h2', 'h3', 'h4', 'h5', 'h6']);
    expect(calls).toEqual(['u 5@5', 'h 5@2']);
  });

  it('still counts the handled half when the page is full of unhandled alarms', async () => {
    const { read, calls } = server(30, 8);
    const page = await unhandledFirst(read, 20, 0);
    expect(ids(page)).toHaveLength(20);
    expect(ids(page).every((id) => id.startsWith('u'))).toBe(true);
    expect(page.total).toBe(38);
    expect(calls).toEqual(['u 20@0', 'h 1@0']);
  });

  it('passes on a capped total', async () => {
    const read: HalfReader = async (unhandled) => ({ items: [], total: unhandled ? 10_000 : 3, totalCapped: unhandled });
    expect(await unhandledFirst(read, 20, 0)).toMatchObject({ total: 10_003, totalCapped: true });
  });
});
