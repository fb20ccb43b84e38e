import { Type } from '@sinclair/typebox';
import { ROLES } from './permissions.ts';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64, description: 'Account name' }),
    password: Type.String({ minLength: 1, maxLength: 256, description: 'Password' }),
  },
  { additionalProperties: false },
);

export const GrantView = Type.Object({
  role: Type.Union(ROLES.map((r) => Type.Literal(r)), { description: 'Permission role' }),
  nodeId: Type.Union([Type.String(), Type.Null()], { description: 'Org node the role is granted at (null: everywhere)' }),
});

export const MeView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(GrantView),
  residentId: Type.Union([Type.String(), Type.Null()]),
  householdId: Type.Union([Type.String(), Type.Null()]),
  staffId: Type.Union([Type.String(), Type.Null()]),
});

export const LoginReply = Type.Object({
  token: Type.String({ description: 'Bearer token for API clients (browsers use the session cookie set with it)' }),
  expiresAt: Type.String({ format: 'date-time' }),
  me: MeView,
});

export const ErrorReply = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code from the catalogue' }),
      message: Type.String({ description: "Message in the caller's language" }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorReply' },
);
