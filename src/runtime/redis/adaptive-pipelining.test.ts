import { AdaptivePipelining } from './adaptive-pipelining';

/** A client that records, per command, whether ioredis would have auto-pipelined it, and answers when told. */
function fakeClient() {
  const client = { options: { enableAutoPipelining: true as boolean | undefined } };
  const seen: Array<boolean | undefined> = [];
  const replies: Array<() => void> = [];
  const issue = (): Promise<void> => {
    seen.push(client.options.enableAutoPipelining);
    return new Promise<void>((resolve) => replies.push(resolve));
  };
  return { client, seen, replies, issue };
}

describe('AdaptivePipelining', () => {
  test('a command issued alone is sent at once; one issued while another is outstanding is pipelined', async () => {
    const { client, seen, replies, issue } = fakeClient();
    const pipelining = new AdaptivePipelining(client);
    expect(client.options.enableAutoPipelining).toBe(false);
    const first = pipelining.run(issue);
    // Others (the call quota) share the round trips while ours is outstanding.
    expect(client.options.enableAutoPipelining).toBe(true);
    const second = pipelining.run(issue);
    expect(seen).toEqual([false, true]);
    expect(pipelining.outstanding).toBe(2);
    replies[0]();
    await first;
    expect(client.options.enableAutoPipelining).toBe(true);
    const third = pipelining.run(issue);
    replies[1]();
    replies[2]();
    await Promise.all([second, third]);
    expect(seen).toEqual([false, true, true]);
    expect(pipelining.outstanding).toBe(0);
    expect(client.options.enableAutoPipelining).toBe(false);
    await pipelining.run(() => {
      const p = issue();
      replies[3]();
      return p;
    });
    expect(seen).toEqual([false, true, true, false]);
  });

  test('a failed command is no longer outstanding, and its error reaches the caller', async () => {
    const { client } = fakeClient();
    const pipelining = new AdaptivePipelining(client);
    await expect(pipelining.run(() => Promise.reject(new Error('timeout')))).rejects.toThrow('timeout');
    expect(pipelining.outstanding).toBe(0);
    expect(client.options.enableAutoPipelining).toBe(false);
    expect(() =>
      pipelining.run(() => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
    expect(pipelining.outstanding).toBe(0);
    expect(client.options.enableAutoPipelining).toBe(false);
  });
});
