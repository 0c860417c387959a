import { Type } from 'typebox';

const FieldOutput = Type.Object({
  path: Type.String({ description: 'A variable or a field below one: `ticket.customer.tier`' }),
  type: Type.String({ description: 'Its static type as errors name it: `string`, `list<string>`, `Customer`' }),
  custom: Type.Optional(Type.Object({
    kind: Type.String({ description: 'The field kind the ticket types give it' }),
    ticket_types: Type.Array(Type.String()),
  })),
});

const FunctionOutput = Type.Object({
  name: Type.String(),
  style: Type.Union([Type.Literal('global'), Type.Literal('receiver'), Type.Literal('both')]),
  arity: Type.Integer({ description: 'Arguments, the receiver included' }),
});

/** What routing, escalation and automation expressions may use in this workspace. */
export const ExpressionEnvironmentOutput = Type.Object({
  scopes: Type.Object({
    routing: Type.Array(FieldOutput, { description: 'policy rules, queues, targets and SLA conditions' }),
    workflow: Type.Array(FieldOutput, { description: 'escalation triggers and automation conditions' }),
  }),
  functions: Type.Array(FunctionOutput),
  macros: Type.Array(Type.String()),
});
