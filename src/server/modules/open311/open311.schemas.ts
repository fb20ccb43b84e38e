import { Type } from '@sinclair/typebox';

/** Shared pieces of the GeoReport v2 routes' schemas; the descriptions become the OpenAPI docs. */

export const Format = Type.Union([Type.Literal('json'), Type.Literal('xml')], { description: 'Response format: `json` (application/json) or `xml` (text/xml)' });

export const FormatParam = Type.Object({ format: Format });

const common = {
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 200, description: 'Accepted and ignored: this endpoint serves one jurisdiction' })),
  locale: Type.Optional(Type.String({ maxLength: 10, description: 'Extension: `en` for English names and messages (as `Accept-Language: en`); Chinese by default' })),
};

// Clients add their own parameters (page, page_size, extensions, api_key); unknown ones are ignored.
export const CommonQuery = Type.Object(common, { additionalProperties: true });

const Listed = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 50, description }));

export const RequestsQuery = Type.Object(
  {
    ...common,
    service_request_id: Listed('Case numbers (LX-2026-000123), comma delimited or repeated; overrides every other filter'),
    service_code: Listed('Service codes, comma delimited or repeated; all when absent'),
    start_date: Type.Optional(Type.String({ maxLength: 40, description: 'Earliest requested_datetime, W3C format (2026-03-01T00:00:00+08:00); a date alone is a day in China Standard Time' })),
    end_date: Type.Optional(Type.String({ maxLength: 40, description: 'Latest requested_datetime, W3C format; the range may not span more than 90 days' })),
    status: Listed('`open` and/or `closed`, comma delimited; all when absent'),
  },
  { additionalProperties: true },
);

const Field = (description: string, maxLength = 200) => Type.Optional(Type.String({ maxLength, description }));
const Coordinate = (description: string) => Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Number()], { description }));

export const PostRequestBody = Type.Object(
  {
    api_key: Field('Required: a key from `lianxin apikey create <name>`'),
    jurisdiction_id: Field('Accepted and ignored: this endpoint serves one jurisdiction'),
    service_code: Field('Required: a service_code from GET services'),
    lat: Coordinate('WGS84 latitude; with long, or give address_string / address_id'),
    long: Coordinate('WGS84 longitude; with lat'),
    address_string: Field('Where, in words. Without lat/long it must be the exact name or address of a compound of this jurisdiction'),
    address_id: Field('The id of a compound (the address_id of GET requests)', 64),
    email: Field('Accepted and not kept'),
    device_id: Field('Accepted and not kept'),
    account_id: Field('Accepted and not kept'),
    first_name: Field('Given name; kept privately with the case for call-backs, never published', 50),
    last_name: Field('Family name; kept privately, never published', 50),
    phone: Field('Phone number; kept privately for call-backs, never published', 30),
    description: Field('What is wrong, up to 4,000 characters; phone numbers, ID numbers and the reporter\'s name are masked wherever it is published', 4000),
    media_url: Field('A URL to a photo or other media; kept for staff, not published', 2000),
  },
  { additionalProperties: true, description: 'application/x-www-form-urlencoded. Attributes of the service definition as `attribute[code]=value`, `attribute[code][]=v1&attribute[code][]=v2` for multivaluelist, e.g. `attribute[nature]=03`.' },
);

export const ServiceCodeParams = Type.Object({ service_code: Type.String({ maxLength: 40, description: 'A service_code from GET services (the minor category code, e.g. 0101)' }), format: Format });
export const RequestIdParams = Type.Object({ service_request_id: Type.String({ maxLength: 40, description: 'The case number, e.g. LX-2026-000123' }), format: Format });
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 40, description: 'A token; ours is the case number itself' }), format: Format });
