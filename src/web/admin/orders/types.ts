/** A service order as the board shows it to staff (GET /api/v1/orders). */
export interface Reason {
  factor: string;
  points: number;
  text: string;
}

export interface Candidate {
  id: string;
  name: string;
  rank: number;
  score: number;
  reasons: Reason[];
}

export interface BoardOrder {
  id: string;
  number: string;
  state: string;
  stateLabel: string;
  skill: string;
  skillLabel: string;
  description: string;
  address: string | null;
  wantedAt: string | null;
  reportedAt: string;
  overdue: boolean;
  community: { id: string; code: string; name: string } | null;
  grid: { id: string; code: string; name: string } | null;
  requester: { name: string | null; phone: string | null } | null;
  talent: { id: string; name: string; isResident: boolean } | null;
  team: { id: string; name: string } | null;
  declinedCount: number;
  result: string | null;
  hours: number | null;
  points: { amount: number; outcome: string; outcomeLabel: string } | null;
  ratings: { revealed: boolean; requester: { score: number; comment: string | null } | null; talent: { score: number; comment: string | null } | null };
  abilities: string[];
  suggestions: Candidate[] | null;
}

export interface OrderFigureRow {
  ordered: number;
  done: number;
  hours: number;
  ratings: number;
  averageRating: number | null;
  pointsPaid: number;
}

export interface OrderFigures {
  node: { id: string; code: string; name: string };
  period: { from: string; to: string };
  total: OrderFigureRow;
  communities: (OrderFigureRow & { community: { id: string; code: string; name: string } })[];
}
