/** The shapes of the micro-wish routes (GET /api/v1/wishes…, /api/v1/service-offers), shared by the resident app and the console. */
export type WishStatus = 'open' | 'claimed' | 'fulfilled' | 'closed' | 'cancelled';
export const WISH_TYPES = ['goods', 'repair', 'care', 'health', 'study', 'haircut', 'other'] as const;
export type WishType = (typeof WISH_TYPES)[number];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Provider {
  kind: 'partner_unit' | 'talent' | 'person';
  id: string | null;
  name: string | null;
}

export interface Offer {
  id: string;
  title: string;
  description: string | null;
  kind: string;
  kindLabel: string;
  wishType: WishType;
  wishTypeLabel: string;
  mode: 'one_to_one' | 'one_to_many' | 'many_to_one';
  modeLabel: string;
  capacity: number;
  claimsTaken: number;
  placesLeft: number;
  active: boolean;
  provider: Provider;
  community: { code: string; name: string };
  updatedAt: string;
  abilities: string[];
}

export interface Photo {
  id: string;
  url: string;
  thumbnailUrl: string;
}

export interface Claim {
  id: string;
  claimant: Provider;
  offer: { id: string; title: string | null } | null;
  status: 'claimed' | 'fulfilled' | 'withdrawn';
  statusLabel: string;
  claimedAt: string;
  fulfilledAt: string | null;
  withdrawnAt: string | null;
  note: string | null;
  withdrawReason: string | null;
  photos: Photo[];
}

export interface Wish {
  id: string;
  number: string;
  wishType: WishType;
  wishTypeLabel: string;
  description: string;
  beneficiaryNote: string | null;
  publicSummary: string | null;
  status: WishStatus;
  statusLabel: string;
  state: string;
  channel: string;
  community: { id: string; code: string; name: string } | null;
  grid: { id: string; code: string; name: string } | null;
  address: string | null;
  postedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  claims: Claim[];
  candidates: (Offer & { sameType: boolean })[];
  abilities: string[];
}

export interface NeedsList extends Page<{
  number: string;
  wishType: WishType;
  wishTypeLabel: string;
  summary: string | null;
  status: WishStatus;
  statusLabel: string;
  grid: string | null;
  community: string | null;
  postedAt: string;
  fulfilledAt: string | null;
  claimedBy: string[];
}> {
  community: { id: string; code: string; name: string } | null;
  counts: { posted: number; open: number; claimed: number; fulfilled: number };
}

export interface SharedResource {
  id: string;
  kind: string;
  kindLabel: string;
  name: string;
  description: string | null;
  address: string | null;
  openingHours: { weekdays: number[]; from: string; to: string }[];
  hoursNote: string | null;
  openNow: boolean;
  partnerUnit: { name: string };
  community: { code: string; name: string };
}

/** The colour a wish's status shows in, the same in both apps. */
export const STATUS_COLOUR: Record<WishStatus, string> = { open: 'orange', claimed: 'blue', fulfilled: 'green', closed: 'green', cancelled: 'default' };
