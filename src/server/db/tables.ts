/**
 * Row types of every table, as Kysely sees them. Times are ISO-8601 UTC strings and flags are 0/1 integers
 * on both stores, so rows read the same from SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

export type OrgKind = 'district' | 'street' | 'community' | 'sector' | 'grid';

export interface OrgNodesTable {
  id: string;
  kind: OrgKind;
  code: string;
  name: string;
  parent_id: string | null;
  /** Materialised path of ids, `/root/.../self/`; a prefix match finds everything below. */
  path: string;
  /** GeoJSON Polygon or MultiPolygon geometry, as text (grids; optional elsewhere). */
  geometry: string | null;
  centroid_lng: number | null;
  centroid_lat: number | null;
  created_at: string;
  updated_at: string;
}

export interface PoliceBeatsTable {
  id: string;
  code: string;
  name: string;
  node_id: string;
  path: string;
  geometry: string;
  centroid_lng: number;
  centroid_lat: number;
  created_at: string;
  updated_at: string;
}

export interface CompoundsTable {
  id: string;
  grid_id: string;
  path: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  created_at: string;
}

export interface BuildingsTable {
  id: string;
  compound_id: string;
  name: string;
  created_at: string;
}

export interface HouseholdsTable {
  id: string;
  grid_id: string;
  path: string;
  compound_id: string | null;
  building_id: string | null;
  room: string | null;
  address: string;
  is_party_hub: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ResidentsTable {
  id: string;
  household_id: string;
  grid_id: string;
  path: string;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string | null;
  id_number: string | null;
  birth_date: string | null;
  is_party_member: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type HouseholdLinkKind = 'party_hub' | 'liaison';

export interface HouseholdLinksTable {
  kind: HouseholdLinkKind;
  /** The hub household's id (party_hub) or the liaison resident's id (liaison). */
  linker_id: string;
  household_id: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  name: string;
  work_phone: string | null;
  account_id: string | null;
  created_at: string;
  updated_at: string;
}

export type StaffRole = 'grid_leader' | 'grid_worker' | 'part_time_grid_worker' | 'community_worker' | 'police_officer';

export interface StaffAssignmentsTable {
  id: string;
  staff_id: string;
  node_id: string;
  path: string;
  role: StaffRole;
  police_beat_id: string | null;
  on_duty: Generated<number>;
  created_at: string;
}

export interface AccountsTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  resident_id: string | null;
  staff_id: string | null;
  disabled: Generated<number>;
  created_at: string;
}

export type AccountRole =
  | 'admin'
  | 'street_admin'
  | 'community_worker'
  | 'grid_leader'
  | 'grid_worker'
  | 'police_officer'
  | 'resident'
  // Points and merchants (M7): a merchant's own sign-in, granted at its community.
  | 'merchant';

export interface AccountRolesTable {
  account_id: string;
  role: AccountRole;
  node_id: string | null;
  path: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  account_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: string | null;
}


export type CaseState = 'new' | 'dispatched' | 'in_progress' | 'suspended' | 'resolved' | 'closed' | 'merged' | 'rejected';

export interface PhotosTable {
  id: string;
  storage_key: string;
  sha256: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  original_format: string;
  exif_lng: number | null;
  exif_lat: number | null;
  taken_at: string | null;
  uploaded_by: string | null;
  created_at: string;
}

export interface CasesTable {
  id: string;
  number: string;
  kind: string;
  state: CaseState;
  version: number;
  channel: string;
  nature: string;
  category: string | null;
  category_source: 'reporter' | 'classifier' | 'staff' | null;
  category_confidence: number | null;
  needs_review: number;
  grade: 'normal' | 'urgent';
  title: string;
  description: string;
  search_text: string;
  lng: number;
  lat: number;
  address: string | null;
  compound_id: string | null;
  grid_id: string | null;
  community_id: string | null;
  police_beat_id: string | null;
  outside_grid: number;
  path: string;
  tier: number;
  handler_node_id: string | null;
  handler_path: string | null;
  handler_staff_id: string | null;
  reporter_account_id: string | null;
  reporter_resident_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  contact_preference: string;
  anonymous: number;
  proxy_consent: string | null;
  created_by: string | null;
  is_public: number;
  kind_data: string | null;
  reported_at: string;
  reported_day: string;
  respond_by: string;
  resolve_by: string;
  accepted_at: string | null;
  resolved_at: string | null;
  resolved_tier: number | null;
  resolution: string | null;
  closed_at: string | null;
  suspended_at: string | null;
  overdue_at: string | null;
  escalated_auto_at: string | null;
  reminded_at: string | null;
  rework_count: number;
  return_count: number;
  reporter_count: number;
  merged_into_id: string | null;
  duplicate_candidate_id: string | null;
  repeat_of_id: string | null;
  contributions: string;
  updated_at: string;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  seq: number;
  at: string;
  action: string;
  actor_account_id: string | null;
  actor_label: string;
  from_state: string | null;
  to_state: string | null;
  from_handler: string | null;
  to_handler: string | null;
  reason: string | null;
  data: string | null;
  public_note: number;
}

export interface CaseReportersTable {
  case_id: string;
  reporter_key: string;
  account_id: string | null;
  resident_id: string | null;
  name: string | null;
  phone: string | null;
  source_case_id: string;
  reported_at: string;
}

export interface CasePhotosTable {
  case_id: string;
  photo_id: string;
  role: 'report' | 'proof' | 'note';
  event_id: string | null;
  released: number;
  position: number;
}

export interface FollowUpsTable {
  id: string;
  case_id: string;
  at: string;
  day: string;
  path: string;
  by_account_id: string | null;
  method: 'visit' | 'phone' | 'app';
  reached: number;
  contacted_in_time: number | null;
  solved: number | null;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  comment: string | null;
}

export interface ExtensionRequestsTable {
  id: string;
  case_id: string;
  requested_by: string | null;
  requested_at: string;
  working_days: number;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  fingerprint: string;
  case_id: string;
  created_at: string;
}

export interface CaseNumbersTable {
  year: number;
  last: number;
}

/** The KPI roll-ups: one row per node, local day, kind, category and channel, a column per counter (figures.ts). */
export interface CaseRollupsTable {
  node_id: string;
  day: string;
  kind: string;
  category: string;
  channel: string;
  received: Generated<number>;
  proactive: Generated<number>;
  merged: Generated<number>;
  rejected: Generated<number>;
  repeat: Generated<number>;
  accepted: Generated<number>;
  accepted_on_time: Generated<number>;
  resolved: Generated<number>;
  resolved_on_time: Generated<number>;
  suspended: Generated<number>;
  closed: Generated<number>;
  closed_in_grid: Generated<number>;
  overdue: Generated<number>;
  reworked: Generated<number>;
  handling_hours: Generated<number>;
  follow_ups: Generated<number>;
  valid_follow_ups: Generated<number>;
  contacted_in_time: Generated<number>;
  solved: Generated<number>;
  satisfied: Generated<number>;
  basically_satisfied: Generated<number>;
  dissatisfied: Generated<number>;
}

export interface ClassifierExamplesTable {
  id: string;
  text: string;
  category: string;
  case_id: string | null;
  account_id: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  account_id: string;
  case_id: string | null;
  kind: string;
  data: string | null;
  created_at: string;
  read_at: string | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  events: string;
  active: number;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  payload: string;
  attempts: number;
  next_attempt_at: string;
  delivered_at: string | null;
  last_error: string | null;
  created_at: string;
}

// ---- Volunteers (M6): talent pool (能人库), teams, partner units (共建单位) and their shared resources.

export type TalentOrigin = 'survey' | 'recommendation' | 'self_nomination' | 'in_service';
export type TalentStatus = 'proposed' | 'confirmed' | 'declined' | 'retired';
export type ContactPreference = 'phone' | 'app' | 'grid_worker';

export interface TalentsTable {
  id: string;
  origin: TalentOrigin;
  status: TalentStatus;
  /** The resident the talent is; null for someone who does not live here (an in-service member, 双报到). */
  resident_id: string | null;
  /** Own name of a non-resident; for a resident, the name when proposed (the resident record's name wins). */
  name: string;
  /** Own mobile number of a non-resident (personal data); null for residents, whose phone is the resident's. */
  phone: string | null;
  partner_unit_id: string | null;
  community_id: string;
  grid_id: string | null;
  /** Path of the grid, or of the community for a talent not placed in a grid. */
  path: string;
  contact_preference: ContactPreference;
  /** JSON: [{ weekdays: [1..7], from: 'HH:mm', to: 'HH:mm' }] in local time. */
  availability: string;
  reserve_candidate: Generated<number>;
  reserve_note: string | null;
  note: string | null;
  /** Why it was declined or retired. */
  status_reason: string | null;
  recommender_name: string | null;
  recommended_by_account_id: string | null;
  created_by_account_id: string | null;
  confirmed_at: string | null;
  confirmed_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TalentSkillsTable {
  talent_id: string;
  skill: string;
  level: number;
  confirmed_by_account_id: string | null;
  confirmed_by_label: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TalentServiceAreasTable {
  talent_id: string;
  node_id: string;
  path: string;
}

export interface TalentEventsTable {
  id: string;
  talent_id: string;
  at: string;
  action: string;
  actor_account_id: string | null;
  actor_label: string;
  from_status: TalentStatus | null;
  to_status: TalentStatus | null;
  note: string | null;
  data: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  kind: string;
  purpose: string | null;
  /** JSON array of skill codes the team offers (六义社: haircut, charity_sale, performance, ...). */
  services: string;
  community_id: string;
  path: string;
  leader_talent_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  talent_id: string;
  /** Local date, YYYY-MM-DD. */
  joined_on: string;
  created_at: string;
}

export interface PartnerUnitsTable {
  id: string;
  name: string;
  contact_name: string | null;
  contact_phone: string | null;
  address: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartnerUnitCommunitiesTable {
  partner_unit_id: string;
  community_id: string;
  path: string;
  created_at: string;
}

export interface SharedResourcesTable {
  id: string;
  partner_unit_id: string;
  community_id: string;
  path: string;
  kind: string;
  name: string;
  description: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  /** JSON, like talents.availability. */
  opening_hours: string;
  hours_note: string | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

// Points and merchants (M7): the double-entry points ledger, merchants, rewards and redemption codes.
export type PointAccountKind = 'pool' | 'person' | 'merchant' | 'expiry';
export type PointTransferKind = 'earn' | 'redeem' | 'expire' | 'reversal' | 'settle';
export type PointRuleName = 'service_hour' | 'activity_attendance' | 'manual';
export type PointPeriod = 'month' | 'year';
export type RedemptionCodeState = 'issued' | 'redeemed' | 'cancelled';

export interface PointSettingsTable {
  community_id: string;
  path: string;
  expiry_months: number | null;
  code_minutes: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PointRulesTable {
  id: string;
  community_id: string;
  path: string;
  rule: PointRuleName;
  points_per_unit: number;
  period: PointPeriod | null;
  period_limit: number | null;
  over_limit: 'cap' | 'refuse';
  active: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PointAccountsTable {
  id: string;
  kind: PointAccountKind;
  community_id: string;
  path: string;
  owner_id: string;
  balance: number;
  created_at: string;
  updated_at: string;
}

export interface PointTransfersTable {
  id: string;
  community_id: string;
  path: string;
  from_account_id: string;
  to_account_id: string;
  amount: number;
  kind: PointTransferKind;
  rule: PointRuleName | null;
  quantity: number | null;
  source_kind: string;
  source_id: string;
  reverses_id: string | null;
  resident_id: string | null;
  merchant_id: string | null;
  operator_account_id: string | null;
  reason: string | null;
  at: string;
  day: string;
}

export interface PointEarningTotalsTable {
  account_id: string;
  rule: PointRuleName;
  period_key: string;
  points: number;
  updated_at: string;
}

export interface MerchantsTable {
  id: string;
  community_id: string;
  path: string;
  name: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  lng: number | null;
  lat: number | null;
  agreement_signed_on: string | null;
  agreement_valid_until: string | null;
  agreement_terms: string | null;
  created_at: string;
  updated_at: string;
}

export interface MerchantAccountsTable {
  account_id: string;
  merchant_id: string;
  created_at: string;
}

export interface RewardsTable {
  id: string;
  merchant_id: string;
  community_id: string;
  path: string;
  name: string;
  description: string | null;
  price: number;
  stock: number | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface RedemptionCodesTable {
  id: string;
  code: string;
  resident_id: string;
  account_id: string;
  reward_id: string;
  merchant_id: string;
  community_id: string;
  path: string;
  points: number;
  state: RedemptionCodeState;
  expires_at: string;
  redeemed_at: string | null;
  redeemed_by: string | null;
  redeemed_day: string | null;
  transfer_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MerchantSettlementsTable {
  id: string;
  merchant_id: string;
  path: string;
  month: string;
  points: number;
  redemptions: number;
  transfer_id: string;
  settled_by: string | null;
  settled_at: string;
}

// Activities and role models (M12): activities, sign-ups, attendance, role-model stories (身边榜样).
export type ActivityKind = 'class' | 'match' | 'talk' | 'performance' | 'service_day' | 'other';
export type ActivityState = 'draft' | 'published' | 'cancelled' | 'finished';
export type ActivitySignUpState = 'signed_up' | 'withdrawn';
export type AttendanceMethod = 'code' | 'staff';
/** What attendance paid: points, nothing because the activity does not pay, no active rule, or the period's limit. */
export type AttendancePointsOutcome = 'earned' | 'not_earning' | 'no_rule' | 'limit_reached';
export type RoleModelPersonKind = 'resident' | 'talent';

export interface ActivitiesTable {
  id: string;
  community_id: string;
  path: string;
  title: string;
  kind: ActivityKind;
  description: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  starts_at: string;
  ends_at: string;
  capacity: number | null;
  sign_up_opens_at: string | null;
  sign_up_closes_at: string | null;
  organiser_account_id: string | null;
  organiser_name: string;
  team_id: string | null;
  state: ActivityState;
  cancel_reason: string | null;
  earns_points: number;
  check_in_code: string;
  seats_taken: number;
  created_by: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActivitySignUpsTable {
  id: string;
  activity_id: string;
  resident_id: string;
  path: string;
  state: ActivitySignUpState;
  by_staff: number;
  by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityAttendancesTable {
  id: string;
  activity_id: string;
  resident_id: string;
  path: string;
  method: AttendanceMethod;
  walk_in: number;
  points: number;
  points_outcome: AttendancePointsOutcome;
  transfer_id: string | null;
  by_account_id: string | null;
  checked_in_at: string;
}

export interface RoleModelsTable {
  id: string;
  community_id: string;
  path: string;
  title: string;
  shown_name: string;
  story: string;
  /** JSON array of photo ids, in display order. */
  photo_ids: string;
  published: number;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleModelPeopleTable {
  role_model_id: string;
  kind: RoleModelPersonKind;
  person_id: string;
  position: number;
}

// Micro-wishes (M6): the service list (服务清单) and claims of wishes (cases of kind micro_wish).
export type ServiceOfferKind = 'goods' | 'service' | 'fund' | 'other';
export type ServiceOfferMode = 'one_to_one' | 'one_to_many' | 'many_to_one';
export type WishClaimStatus = 'claimed' | 'fulfilled' | 'withdrawn';

export interface ServiceOffersTable {
  id: string;
  community_id: string;
  /** Path of the community it is offered to. */
  path: string;
  /** Exactly one of the unit and the talent offers it. */
  partner_unit_id: string | null;
  talent_id: string | null;
  title: string;
  description: string | null;
  kind: ServiceOfferKind;
  /** The kind of wish it serves (a code of the wishes module's types). */
  wish_type: string;
  mode: ServiceOfferMode;
  /** How many wishes it can take at once. */
  capacity: number;
  /** Live claims (claimed or fulfilled) made through it; never above capacity. */
  claims_taken: Generated<number>;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WishClaimsTable {
  id: string;
  case_id: string;
  community_id: string;
  /** Path of the wish's case. */
  path: string;
  offer_id: string | null;
  partner_unit_id: string | null;
  talent_id: string | null;
  /** Who claimed it, as staff recorded it (a unit's or talent's name, or a named person). */
  claimant_name: string;
  /** `unit:<id>`, `talent:<id>` or `name:<name>`: one live claim per claimant and wish. */
  claimant_key: string;
  status: WishClaimStatus;
  claimed_at: string;
  claimed_by: string | null;
  fulfilment_note: string | null;
  /** JSON array of photo ids proving the fulfilment. */
  photo_ids: string;
  fulfilled_at: string | null;
  fulfilled_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
}

// Service orders (issue 6): the queryable side of `service_order` cases, and their two-way ratings.
export type OrderPointsOutcome = 'earned' | 'capped' | 'no_rule' | 'limit_reached' | 'no_resident';
export type OrderRatingSide = 'requester' | 'talent';

export interface ServiceOrdersTable {
  case_id: string;
  community_id: string;
  /** The case's path (its grid's, or the community's outside every grid). */
  path: string;
  skill: string;
  requester_resident_id: string | null;
  talent_id: string | null;
  team_id: string | null;
  /** Hours the talent reported at completion; what verification pays for. */
  hours: number | null;
  points: Generated<number>;
  /** What verification paid: null until verified. */
  points_outcome: OrderPointsOutcome | null;
  transfer_id: string | null;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderRatingsTable {
  id: string;
  case_id: string;
  side: OrderRatingSide;
  score: number;
  comment: string | null;
  account_id: string | null;
  at: string;
}


export interface DB {
  org_nodes: OrgNodesTable;
  police_beats: PoliceBeatsTable;
  compounds: CompoundsTable;
  buildings: BuildingsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  household_links: HouseholdLinksTable;
  staff: StaffTable;
  staff_assignments: StaffAssignmentsTable;
  accounts: AccountsTable;
  account_roles: AccountRolesTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  photos: PhotosTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_reporters: CaseReportersTable;
  case_photos: CasePhotosTable;
  follow_ups: FollowUpsTable;
  extension_requests: ExtensionRequestsTable;
  idempotency_keys: IdempotencyKeysTable;
  case_numbers: CaseNumbersTable;
  case_rollups: CaseRollupsTable;
  classifier_examples: ClassifierExamplesTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  // Volunteers (M6)
  talents: TalentsTable;
  talent_skills: TalentSkillsTable;
  talent_service_areas: TalentServiceAreasTable;
  talent_events: TalentEventsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  partner_units: PartnerUnitsTable;
  partner_unit_communities: PartnerUnitCommunitiesTable;
  shared_resources: SharedResourcesTable;
  // Points and merchants (M7).
  point_settings: PointSettingsTable;
  point_rules: PointRulesTable;
  point_accounts: PointAccountsTable;
  point_transfers: PointTransfersTable;
  point_earning_totals: PointEarningTotalsTable;
  merchants: MerchantsTable;
  merchant_accounts: MerchantAccountsTable;
  rewards: RewardsTable;
  redemption_codes: RedemptionCodesTable;
  merchant_settlements: MerchantSettlementsTable;
  // Activities and role models (M12).
  activities: ActivitiesTable;
  activity_sign_ups: ActivitySignUpsTable;
  activity_attendances: ActivityAttendancesTable;
  role_models: RoleModelsTable;
  role_model_people: RoleModelPeopleTable;
  // Micro-wishes (M6).
  service_offers: ServiceOffersTable;
  wish_claims: WishClaimsTable;
  // Service orders (issue 6).
  service_orders: ServiceOrdersTable;
  order_ratings: OrderRatingsTable;
}
