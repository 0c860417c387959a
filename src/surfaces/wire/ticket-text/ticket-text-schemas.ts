import { Type } from 'typebox';
import { Id, Nullable, Strict } from '../common-schemas.js';

export const SummaryQuery = Strict({
  sentences: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 3, description: 'how many sentences to pick' })),
});

export const SummaryOutput = Type.Object({
  ticket_id: Type.String(),
  comments: Type.Integer({ description: 'how many comments were read besides the description' }),
  text: Type.String({ description: 'the summary to show: the external model\'s, or the extractive sentences in order' }),
  source: Type.Union([Type.Literal('local'), Type.Literal('external')], { description: 'who wrote `text`' }),
  sentences: Type.Array(Type.Object({
    text: Type.String(),
    score: Type.Number({ description: 'TextRank centrality; the scores of all sentences add up to about 1' }),
    position: Type.Integer({ description: 'the sentence\'s place among all sentences, 0-based' }),
    source: Type.Object({
      kind: Type.Union([Type.Literal('description'), Type.Literal('comment')]),
      comment_id: Nullable(Type.String()),
      visibility: Nullable(Type.String()),
    }),
  })),
});

export const MergeBody = Strict({ into: Id });

export const MergeOutput = Type.Object({
  merged: Type.Ref('Ticket'),
  target: Type.Ref('Ticket'),
  comments: Type.Integer({ description: 'how many comments were copied to the target' }),
});

export const DuplicatesQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5, description: 'at most this many tickets' })),
});

export const DuplicatesOutput = Type.Object({
  ticket_id: Type.String(),
  data: Type.Array(Type.Object({
    ticket_id: Type.String(),
    title: Type.String(),
    status: Type.String(),
    score: Type.Number({ description: 'TF-IDF cosine over character trigrams, 0 to 1' }),
    linked: Type.Boolean({ description: 'whether the two tickets are linked already' }),
  })),
});
