// The portal API's answers, typed from the server's own schemas (type imports only).
import type { Static } from 'typebox';
import type {
  ChallengeOutput, PortalFormOutput, RequesterHelpOutput, RequesterViewOutput, SubmittedRequestOutput,
} from '../../../src/surfaces/wire/portal/portal-schemas';

/** `GET /v1/portal/:workspace/form`. */
export type PortalForm = Static<typeof PortalFormOutput>;

/** `POST /v1/portal/:workspace/challenge`. */
export type IssuedChallenge = Static<typeof ChallengeOutput>;

/** `POST /v1/portal/:workspace/suggestions`. */
export type RequesterHelp = Static<typeof RequesterHelpOutput>;
export type SuggestedArticle = RequesterHelp['articles'][number];

/** `POST /v1/portal/:workspace/requests`. */
export type SubmittedRequest = Static<typeof SubmittedRequestOutput>;

/** `GET /v1/portal/:workspace/status/:token`. */
export type RequesterView = Static<typeof RequesterViewOutput>;
export type Reply = RequesterView['conversation'][number];
export type RatingState = RequesterView['rating'];
