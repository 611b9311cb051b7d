import { describe, expect, it } from 'vitest';
import { MemoryReportQueue } from '../../src/reports/memory/queue.js';

async function drain(queue: MemoryReportQueue): Promise<string[]> {
  const order: string[] = [];
  for (let entry = await queue.take(); entry; entry = await queue.take()) order.push(entry.id);
  return order;
}

describe('the in-memory queue', () => {
  it('serves tenants round-robin, each in FIFO order, and predicts that order exactly', async () => {
    const queue = new MemoryReportQueue();
    for (const id of ['a1', 'a2', 'a3', 'a4']) await queue.enqueue({ id, tenant: 'a' });
    for (const id of ['b1', 'b2']) await queue.enqueue({ id, tenant: 'b' });
    await queue.enqueue({ id: 'c1', tenant: 'c' });
    expect(await queue.take()).toEqual({ id: 'a1', tenant: 'a' }); // a goes to the back of the rotation

    const predicted = ['a2', 'a3', 'a4', 'b1', 'b2', 'c1'].sort((x, y) => (queue.position(x) ?? 0) - (queue.position(y) ?? 0));
    expect(predicted.map((id) => queue.position(id))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await drain(queue)).toEqual(predicted);
    expect(predicted).toEqual(['b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('keeps positions exact when a waiting report is removed', async () => {
    const queue = new MemoryReportQueue();
    for (const id of ['a1', 'a2']) await queue.enqueue({ id, tenant: 'a' });
    await queue.enqueue({ id: 'b1', tenant: 'b' });
    expect(await queue.remove('b1')).toBe(true);
    expect(await queue.remove('b1')).toBe(false);
    expect([queue.position('a1'), queue.position('a2'), queue.position('b1')]).toEqual([1, 2, null]);
    expect(queue.size).toBe(2);
    expect(await drain(queue)).toEqual(['a1', 'a2']);
  });

  it('removes reports from the head (deadlines and shutdown remove them in queue order) and from the middle alike', async () => {
    const queue = new MemoryReportQueue();
    const ids = Array.from({ length: 3_000 }, (_, i) => `a${i}`);
    for (const id of ids) await queue.enqueue({ id, tenant: 'a' });
    // Past the point where the FIFO compacts its consumed prefix, then one from the middle.
    for (const id of ids.slice(0, 2_000)) expect(await queue.remove(id)).toBe(true);
    expect(await queue.remove('a2500')).toBe(true);
    expect([queue.position('a2000'), queue.position('a2501'), queue.position('a2999')]).toEqual([1, 501, 999]);
    expect(queue.size).toBe(999);
    expect(await drain(queue)).toEqual(ids.slice(2_000).filter((id) => id !== 'a2500'));
  });

  it('ignores a second enqueue of the same report', async () => {
    const queue = new MemoryReportQueue();
    await queue.enqueue({ id: 'a1', tenant: 'a' });
    await queue.enqueue({ id: 'a1', tenant: 'a' });
    expect(await drain(queue)).toEqual(['a1']);
  });
});
