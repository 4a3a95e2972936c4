/** Precision, recall and F1 of topic sets against labels, per topic and micro-averaged. Pure. */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function scoresOf(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export interface Evaluation {
  perTopic: Map<string, Scores>;
  micro: Scores;
}

/** Compares predicted with labelled topics over the same cases. */
export function evaluate(
  cases: readonly { gold: readonly string[]; predicted: readonly string[] }[],
  topics: readonly string[],
): Evaluation {
  const counts = new Map(topics.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const micro = { tp: 0, fp: 0, fn: 0 };
  for (const c of cases) {
    const gold = new Set(c.gold);
    const predicted = new Set(c.predicted);
    for (const t of topics) {
      const k = counts.get(t)!;
      if (gold.has(t) && predicted.has(t)) {
        k.tp++;
        micro.tp++;
      } else if (predicted.has(t)) {
        k.fp++;
        micro.fp++;
      } else if (gold.has(t)) {
        k.fn++;
        micro.fn++;
      }
    }
  }
  return { perTopic: new Map([...counts].map(([t, c]) => [t, scoresOf(c)])), micro: scoresOf(micro) };
}
