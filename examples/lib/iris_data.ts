/**
 * The Iris data shipped with the examples (examples/data/iris.csv: Fisher 1936, public domain;
 * the same 150 rows as R's `iris` and scikit-learn's `load_iris()`): 4 measurements in cm
 * (sepal length, sepal width, petal length, petal width) and the species as 0 = setosa,
 * 1 = versicolor, 2 = virginica. Read from the file next to this module, so the programs run
 * from a clean clone without network access.
 *
 * @example
 * ```ts
 * const { features, labels, n } = loadIris(); // features: Float32Array of n × 4, row-major
 * ```
 */
import { readFileSync } from 'node:fs';

/** The Iris table: `features` row-major [n, 4] and `labels` [n] in {0, 1, 2}. */
export interface IrisData {
  readonly n: number;
  readonly nFeatures: number;
  readonly nClasses: number;
  readonly featureNames: readonly string[];
  readonly features: Float32Array;
  readonly labels: Int32Array;
}

/** Path of the shipped CSV file. */
export const IRIS_CSV = new URL('../data/iris.csv', import.meta.url);

/**
 * Parses an Iris CSV text (header `sepal_length,sepal_width,petal_length,petal_width,target`).
 * Throws a RangeError naming the line when a row is malformed.
 */
export function parseIris(text: string): IrisData {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((s) => s.trim());
  if (header.length !== 5 || header[4] !== 'target') {
    throw new RangeError(`parseIris: expected the header sepal_length,sepal_width,petal_length,petal_width,target; got ${lines[0]}`);
  }
  const n = lines.length - 1;
  const features = new Float32Array(n * 4);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1].split(',');
    const nums = cells.map(Number);
    if (cells.length !== 5 || nums.some((v) => !Number.isFinite(v)) || ![0, 1, 2].includes(nums[4])) {
      throw new RangeError(`parseIris: line ${i + 2} is not 4 numbers and a label in {0, 1, 2}: ${lines[i + 1]}`);
    }
    for (let j = 0; j < 4; j++) features[i * 4 + j] = nums[j];
    labels[i] = nums[4];
  }
  return { n, nFeatures: 4, nClasses: 3, featureNames: header.slice(0, 4), features, labels };
}

/** Loads the shipped Iris data (150 rows). */
export function loadIris(): IrisData {
  return parseIris(readFileSync(IRIS_CSV, 'utf8'));
}

/**
 * Classification accuracy of a multinomial logistic regression `logits = x w + b` over
 * posterior draws: `average` is the mean over draws of each draw's accuracy (argmax of its
 * logits); `bma` is the accuracy of the Bayesian model average (argmax of the softmax
 * probabilities averaged over draws). `w` is [draws, nFeatures, nClasses] and `b`
 * [draws, nClasses], row-major.
 */
export function accuracies(data: IrisData, w: ArrayLike<number>, b: ArrayLike<number>): { average: number; bma: number } {
  const { n, nFeatures: F, nClasses: K, features: x, labels } = data;
  const S = w.length / (F * K);
  if (!Number.isInteger(S) || b.length !== S * K) throw new RangeError(`accuracies: w has ${w.length} values and b ${b.length}; expected draws × ${F} × ${K} and draws × ${K}`);
  const probs = new Float64Array(n * K);
  const logits = new Float64Array(K);
  let correct = 0;
  for (let s = 0; s < S; s++) {
    for (let i = 0; i < n; i++) {
      let best = 0, mx = -Infinity;
      for (let k = 0; k < K; k++) {
        let v = b[s * K + k];
        for (let f = 0; f < F; f++) v += x[i * F + f] * w[(s * F + f) * K + k];
        logits[k] = v;
        if (v > mx) { mx = v; best = k; }
      }
      if (best === labels[i]) correct++;
      let z = 0;
      for (let k = 0; k < K; k++) z += Math.exp(logits[k] - mx);
      for (let k = 0; k < K; k++) probs[i * K + k] += Math.exp(logits[k] - mx) / z;
    }
  }
  let bmaCorrect = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (probs[i * K + k] > probs[i * K + best]) best = k;
    if (best === labels[i]) bmaCorrect++;
  }
  return { average: correct / (S * n), bma: bmaCorrect / n };
}
