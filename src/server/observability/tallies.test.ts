import { Counter, Histogram, Registry } from 'prom-client';
import { CounterTally, HistogramTally } from './tallies';

/** The tallies must expose exactly what prom-client's own Counter and Histogram would, given the same updates. */
describe('tallies', () => {
  const bounds = [0.001, 0.01, 0.1, 1];
  const observations = [0.0005, 0.001, 0.002, 0.05, 0.05, 0.5, 3, 0.0001];

  test('a histogram tally gives the same exposition as a prom-client Histogram', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const tally = new HistogramTally('x_seconds', 'Help.', bounds, ours);
    const reference = new Histogram({ name: 'x_seconds', help: 'Help.', labelNames: ['t'], buckets: bounds, registers: [theirs] });
    // Series in the order prom-client first sees them (the first observation is b's).
    const b = tally.series({ t: 'b' });
    const a = tally.series({ t: 'a' });
    observations.forEach((v, i) => {
      (i % 3 === 0 ? b : a).observe(v);
      reference.observe({ t: i % 3 === 0 ? 'b' : 'a' }, v);
    });
    expect(await ours.metrics()).toBe(await theirs.metrics());
    ours.resetMetrics();
    expect(await ours.metrics()).toContain('x_seconds_count{t="a"} 0');
  });

  test('a counter tally is copied into its prom-client counter when scraped', async () => {
    const registry = new Registry();
    const tally = new CounterTally();
    new Counter({
      name: 'y_total',
      help: 'Help.',
      labelNames: ['t', 'code'],
      registers: [registry],
      collect() {
        tally.copyTo(this);
      },
    });
    const one = tally.series({ t: 'a', code: 'X' });
    const two = tally.series({ t: 'b', code: 'Y' });
    one.value += 3;
    two.value++;
    expect(await registry.metrics()).toContain('y_total{t="a",code="X"} 3\ny_total{t="b",code="Y"} 1');
    one.value++;
    expect(await registry.metrics()).toContain('y_total{t="a",code="X"} 4');
  });
});
