export { ClassifierTraining, DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions, type LabelledText } from './classifier-training.js';
export { evaluateClassifier, splitForEvaluation, trainAndEvaluate, type TrainedEvaluation } from './evaluate-classifier.js';
export { evaluatePredictions, suggestThreshold, type ClassMetrics, type EvaluationReport, type ScoredPrediction } from './evaluation.js';
export { THRESHOLDS, type CalibrationBin, type ThresholdRow } from './confidence-metrics.js';
export { DEFAULT_FEATURE_SPACE, type FeatureSpace } from './feature-hasher.js';
export { decodeClassifier, encodeClassifier, type ClassifierDocument } from './model-codec.js';
export { DEFAULT_TRAINING, type TrainingOptions } from './softmax-trainer.js';
export { TextClassifier, type ClassifierInfo, type LabelPrediction } from './text-classifier.js';
export { tokenize } from './tokenizer.js';
