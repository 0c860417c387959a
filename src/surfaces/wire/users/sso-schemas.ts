import { Type } from 'typebox';
import { ROLES } from '../../../domain/auth/roles.js';
import { Nullable, Strict, Text, Timestamp, literals } from '../common-schemas.js';

const Domain = Type.String({ minLength: 3, maxLength: 253, pattern: '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$' });
const Claim = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_:/-]+(\\.[A-Za-z0-9_:/-]+)*$' });

/** The fields of a workspace's single sign-on; the PUT body and the answer share them (but for the secret). */
const ssoFields = {
  issuer_url: Type.String({ minLength: 8, maxLength: 500, description: 'the OpenID provider; https (plain http only on localhost)' }),
  client_id: Text(300, 1),
  allowed_domains: Type.Array(Domain, { minItems: 1, maxItems: 50, description: 'e-mail domains let in (the address must be verified by the provider)' }),
  role_claim: Nullable(Claim),
  role_map: Type.Record(Text(200, 1), literals(ROLES), { maxProperties: 50, description: 'a value of the role claim and the role it gives' }),
  default_role: literals(ROLES),
  display_name: Text(60, 1),
};

export const SsoSettingsBody = Strict({
  ...ssoFields,
  client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'needed the first time; left out, the saved one stays' })),
});

export const SsoSettingsOutput = Strict({
  ...ssoFields,
  client_secret_set: Type.Boolean({ description: 'the secret itself is never returned' }),
  callback_url: Type.String({ description: 'the redirect URI to register at the provider' }),
  updated_at: Timestamp,
});

export const SsoButtonsOutput = Strict({
  data: Type.Array(Strict({ workspace: Type.String(), display_name: Type.String(), start_url: Type.String() })),
});

export const SsoStartParams = Strict({ workspace: Text(100, 1) });
