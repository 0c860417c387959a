import { Type } from 'typebox';
import { Nullable, Strict, Text } from '../common-schemas.js';

/** `POST /v1/triage/train`: nothing, or a seed. */
export const TrainBody = Strict({
  seed: Type.Optional(Type.Integer({
    minimum: 0, maximum: 2 ** 31 - 1, description: 'Makes the training repeatable (default 1).',
  })),
});
export const PrefillBody = Strict({ text: Text(20_000, 1) });
const Source = Type.Union(
  [Type.Literal('local'), Type.Literal('external')],
  { description: "who suggested it: the workspace's model or the configured external one" },
);
const Suggestion = Strict({
  value: Type.String(), confidence: Type.Number({ minimum: 0, maximum: 1 }), source: Source,
});
const SuggestedValue = Nullable(Suggestion);
export const PrefillOutput = Strict({
  type: SuggestedValue,
  category: SuggestedValue,
  priority: SuggestedValue,
  tags: Type.Array(Suggestion),
  model_version: Nullable(Type.Integer()),
}, { description: 'Each suggestion with its calibrated confidence; null (tags empty) before a model is trained.' });

const Share = Type.Number({ description: 'a share from 0 to 1, to four decimals' });

/** How a model did on tickets it never saw (docs/triage.md defines each figure). */
export const EvaluationOutput = Type.Object({
  examples: Type.Integer(),
  in_scope: Type.Integer(),
  out_of_scope: Type.Integer(),
  accuracy: Share,
  macro_f1: Share,
  expected_calibration_error: Share,
  per_class: Type.Array(Type.Object({
    label: Type.String(), precision: Share, recall: Share, f1: Share, support: Type.Integer(),
  })),
  confusion: Type.Object({
    labels: Type.Array(Type.String()), matrix: Type.Array(Type.Array(Type.Integer())),
  }),
  calibration: Type.Array(Type.Object({
    from: Type.Number(), to: Type.Number(), count: Type.Integer(), confidence: Share, accuracy: Share,
  })),
  thresholds: Type.Array(Type.Object({
    threshold: Type.Number(), coverage: Share, accuracy: Share, precision: Share,
    in_scope_accuracy: Share, out_of_scope_recall: Nullable(Share),
  })),
  suggested_threshold: Type.Object({
    target_precision: Type.Number(),
    threshold: Nullable(Type.Number()),
    coverage: Nullable(Share),
    precision: Nullable(Share),
  }),
});

/** A stored model without its weights: what it is, what it learned from, how it did on held-out tickets. */
export const TriageModelOutput = Type.Object({
  kind: Type.String(),
  version: Type.Integer(),
  created_at: Type.String(),
  data_size: Type.Integer(),
  classes: Type.Array(Type.String()),
  temperature: Type.Number(),
  training_ms: Type.Number(),
  dropped: Type.Array(
    Type.Object({ label: Type.String(), examples: Type.Integer() }),
    { description: 'labels left out for too few examples' },
  ),
  unlabelled: Type.Integer(),
  held_out: EvaluationOutput,
  recent_month: Nullable(Type.Object({ from: Type.String(), to: Type.String(), ...EvaluationOutput.properties }, {
    description: 'how a model trained on the tickets finished before the most recent month did on that month; null when the history spans less',
  })),
});

/** The outcome of a training: the new models, what to know about them, and how many old ones were removed. */
export const TrainingOutput = Type.Object({
  version: Type.Integer(),
  models: Type.Array(TriageModelOutput),
  warnings: Type.Array(Type.String()),
  pruned: Type.Integer(),
});
