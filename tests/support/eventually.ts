/**
 * Reads `read` until `holds` accepts what it returns, for what settles a
 * moment after the step a test awaited (a stream's cancellation reaching the
 * server, a follower's next read answered). Fails naming the last value seen,
 * so a value that never settles still fails the test.
 */
export async function eventually<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean, withinMs = 5000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} was still ${String(value)} after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
