import { fail } from '../../errors.js';
import type { FeatureSpace } from './feature-hasher.js';
import { SoftmaxModel } from './softmax-model.js';
import { TextClassifier, type ClassifierInfo } from './text-classifier.js';
import { Vectorizer } from './vectorizer.js';

export const CLASSIFIER_FORMAT = 'switchboard.text-classifier';
export const CLASSIFIER_FORMAT_VERSION = 1;

/**
 * A classifier as JSON. The large arrays travel as base64 of their little-endian bytes (a third
 * the size of JSON numbers, and exact): `buckets` (Int32, the hashed feature of each row), `idf`
 * (Float32 per row) and `weights` (Float32, rows × labels, row by row).
 */
export interface ClassifierDocument {
  format: typeof CLASSIFIER_FORMAT;
  formatVersion: number;
  labels: string[];
  space: FeatureSpace;
  documents: number;
  temperature: number;
  info: ClassifierInfo;
  bias: number[];
  buckets: string;
  idf: string;
  weights: string;
}

function toBase64(array: Int32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** Copies decoded bytes into a fresh buffer, aligned for a typed array whatever the decoder returned. */
function bytesOf(text: string, width: number, what: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % width !== 0) throw fail('invalid_value', `The model's ${what} are damaged.`);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

/** The JSON form of a classifier; promises `decodeClassifier(encodeClassifier(c))` predicts exactly as `c`. */
export function encodeClassifier(classifier: TextClassifier): ClassifierDocument {
  const { vectorizer, model } = classifier;
  return {
    format: CLASSIFIER_FORMAT,
    formatVersion: CLASSIFIER_FORMAT_VERSION,
    labels: [...classifier.labels],
    space: vectorizer.hasher.space,
    documents: vectorizer.documents,
    temperature: classifier.temperature,
    info: classifier.info,
    bias: Array.from(model.bias),
    buckets: toBase64(vectorizer.buckets),
    idf: toBase64(vectorizer.idf),
    weights: toBase64(model.weights),
  };
}

/** Rebuilds a classifier from its JSON form; a document of another format or with damaged arrays is `invalid_value`. */
export function decodeClassifier(document: ClassifierDocument): TextClassifier {
  if (document.format !== CLASSIFIER_FORMAT || document.formatVersion !== CLASSIFIER_FORMAT_VERSION) {
    throw fail('invalid_value', `Not a classifier this version can read (${String(document.format)} v${String(document.formatVersion)}).`);
  }
  const k = document.labels.length;
  const buckets = new Int32Array(bytesOf(document.buckets, 4, 'features'));
  const idf = new Float32Array(bytesOf(document.idf, 4, 'weights'));
  const weights = new Float32Array(bytesOf(document.weights, 4, 'weights'));
  if (idf.length !== buckets.length || weights.length !== buckets.length * k || document.bias.length !== k) {
    throw fail('invalid_value', "The model's arrays do not fit its labels.");
  }
  const vectorizer = new Vectorizer(document.space, buckets, idf, document.documents);
  const model = new SoftmaxModel(k, weights, Float32Array.from(document.bias));
  return new TextClassifier(document.labels, vectorizer, model, document.temperature, document.info);
}
