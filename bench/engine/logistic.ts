// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares): a few dozen
// features and tens of thousands of weighted examples, so the exact Hessian is cheap and converges in a few steps.

export interface Example {
  x: Float64Array;
  y: 0 | 1;
  weight: number;
}

export interface Fitted {
  bias: number;
  weights: Float64Array;
  iterations: number;
}

/** Solves A·v = b for a symmetric positive definite A (Cholesky). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j]![j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const v = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * v[k]!;
    v[i] = s / l[i]![i]!;
  }
  return v;
}

/**
 * Fits bias and weights; `l2` penalises every weight but the bias, `prior` (same length as x) is what the penalty
 * pulls each weight towards (zero by default).
 */
export function fitLogistic(examples: readonly Example[], l2: number, prior?: Float64Array, maxIterations = 50): Fitted {
  const d = examples[0]?.x.length ?? 0;
  const n = d + 1; // index 0: bias
  const beta = new Float64Array(n);
  if (prior) for (let j = 0; j < d; j++) beta[j + 1] = prior[j]!;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Float64Array(n);
    const hess = Array.from({ length: n }, () => new Float64Array(n));
    for (const e of examples) {
      let z = beta[0]!;
      for (let j = 0; j < d; j++) z += beta[j + 1]! * e.x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = (e.y - p) * e.weight;
      const w = Math.max(p * (1 - p), 1e-9) * e.weight;
      grad[0] = grad[0]! + r;
      const top = hess[0]!;
      top[0] = top[0]! + w;
      for (let j = 0; j < d; j++) {
        const xj = e.x[j]!;
        if (xj === 0) continue;
        grad[j + 1] = grad[j + 1]! + r * xj;
        const row = hess[j + 1]!;
        row[0] = row[0]! + w * xj;
        for (let k = 0; k <= j; k++) row[k + 1] = row[k + 1]! + w * xj * e.x[k]!;
      }
    }
    for (let j = 1; j < n; j++) {
      grad[j] = grad[j]! - l2 * (beta[j]! - (prior?.[j - 1] ?? 0));
      const row = hess[j]!;
      row[j] = row[j]! + l2;
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) hess[j]![i] = hess[i]![j]!;
    hess[0]![0] = hess[0]![0]! + 1e-6;
    const step = solve(hess, grad);
    let change = 0;
    for (let j = 0; j < n; j++) { beta[j] = beta[j]! + step[j]!; change = Math.max(change, Math.abs(step[j]!)); }
    if (change < 1e-6) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1), iterations };
}
