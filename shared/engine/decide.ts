// The scoring model: a logistic function of the features (features.ts) with the fitted weights of model.ts. The
// probability is the share of such candidates that were imitations in the labelled cases the model was fitted on;
// a candidate is shown to a reviewer from its context's threshold on.
import { HAN_FEATURES, LATIN_FEATURES, LEXICAL_HAN_INDEXES } from './features';
import { HAN_MODEL, LATIN_MODEL, THRESHOLDS } from './model';

export interface Model {
  bias: number;
  weights: Record<string, number>;
}

/** A model laid out as a vector in the order of its features. */
export interface CompiledModel {
  bias: number;
  weights: Float64Array;
  /** the most the lexical features (each in [0, 1]) can add: a bound before they are computed */
  lexicalGain: number;
}

export interface Scorer {
  han: CompiledModel;
  latin: CompiledModel;
  /** from which probability a candidate is shown; 0 keeps every candidate (the fit wants them all) */
  threshold: { filing: number; listing: number };
}

export function compile(model: Model, names: readonly string[], lexical: readonly number[] = []): CompiledModel {
  const weights = Float64Array.from(names, (n) => model.weights[n] ?? 0);
  return { bias: model.bias, weights, lexicalGain: lexical.reduce((sum, i) => sum + Math.max(0, weights[i]!), 0) };
}

export function scorerOf(han: Model, latin: Model, threshold: Scorer['threshold']): Scorer {
  return { han: compile(han, HAN_FEATURES, LEXICAL_HAN_INDEXES), latin: compile(latin, LATIN_FEATURES), threshold };
}

export const FITTED: Scorer = scorerOf(HAN_MODEL, LATIN_MODEL, THRESHOLDS);

export function logit(model: CompiledModel, x: Float64Array): number {
  let z = model.bias;
  const w = model.weights;
  for (let i = 0; i < w.length; i++) z += w[i]! * x[i]!;
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The logit below which a candidate cannot reach the threshold (threshold 0: none). */
export function logitFloor(threshold: number): number {
  return threshold <= 0 ? -Infinity : Math.log(threshold / (1 - threshold));
}
