import type { Metric, Registry } from 'prom-client';

/**
 * Counts kept as plain numbers on the hot path and handed to prom-client only when Prometheus
 * scrapes. prom-client's own `inc` and `observe` hash and validate their label set on every call
 * (a histogram also turns its bucket bound into a string key): with eight or so updates per turn
 * that was most of what metrics cost the server (`npm run bench`, "voice-core metrics"). Here a
 * caller keeps the series it updates (one object per label set) and an update is an addition.
 */

type Labels = Record<string, string>;

/** One counter series: a label set and its count. */
export class CounterSeries {
  value = 0;
  /** How much of `value` the prom-client counter has been given. */
  copied = -1;
  constructor(readonly labels: Labels) {}
}

/** A counter whose series the caller holds; exposed through a prom-client Counter's collect hook. */
export class CounterTally {
  private readonly all: CounterSeries[] = [];

  /** A new series; the caller keeps it (series are never removed: their labels are bounded). */
  series(labels: Labels): CounterSeries {
    const s = new CounterSeries(labels);
    this.all.push(s);
    return s;
  }

  /**
   * For a prom-client Counter's `collect`: adds what was counted since the last scrape (a series
   * appears, at 0, from its first scrape on). Adding rather than setting lets other code, such as
   * nice-grpc-prometheus's stream middleware, count into the same prom-client counter.
   */
  copyTo(counter: { inc(labels: Labels, value: number): void }): void {
    for (const s of this.all) {
      const value = s.value;
      if (value === s.copied) continue;
      counter.inc(s.labels, value - Math.max(s.copied, 0));
      s.copied = value;
    }
  }
}

/** One histogram series: counts per bucket (the last one is +Inf), sum and count. */
export class HistogramSeries {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
  }
}

/**
 * A Prometheus histogram whose series the caller holds, registered in a prom-client registry as
 * a metric of its own: prom-client asks it for its values (`get`) when it is scraped, in the
 * shape prom-client's Histogram gives, so the exposition is the same.
 */
export class HistogramTally {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly all: Array<Pick<HistogramSeries, 'labels' | 'counts' | 'sum' | 'count'>> = [];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  series(labels: Labels): HistogramSeries {
    const s = new HistogramSeries(labels, this.bounds);
    this.all.push(s);
    return s;
  }

  /** Exposes a series kept elsewhere (the Redis stores' command latency), with the same bounds. */
  include(series: Pick<HistogramSeries, 'labels' | 'counts' | 'sum' | 'count'>): void {
    this.all.push(series);
  }

  get(): {
    name: string;
    help: string;
    type: 'histogram';
    aggregator: 'sum';
    values: Array<{ labels: Labels; value: number; metricName: string }>;
  } {
    const values: Array<{ labels: Labels; value: number; metricName: string }> = [];
    for (const s of this.all) {
      let cumulative = 0;
      for (let i = 0; i <= this.bounds.length; i++) {
        cumulative += s.counts[i];
        const le = i < this.bounds.length ? String(this.bounds[i]) : '+Inf';
        values.push({ labels: { le, ...s.labels }, value: cumulative, metricName: `${this.name}_bucket` });
      }
      values.push({ labels: s.labels, value: s.sum, metricName: `${this.name}_sum` });
      values.push({ labels: s.labels, value: s.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    for (const s of this.all) {
      s.counts.fill(0);
      s.sum = 0;
      s.count = 0;
    }
  }
}
