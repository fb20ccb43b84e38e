/** A service order as the API shows it to a resident or a talent (GET /api/v1/orders/mine). */
export interface Rating {
  score: number;
  comment: string | null;
  at: string;
}

export interface Order {
  id: string;
  number: string;
  state: string;
  stateLabel: string;
  family: 'open' | 'resolved' | 'closed';
  skill: string;
  skillLabel: string;
  description: string;
  address: string | null;
  wantedAt: string | null;
  reportedAt: string;
  overdue: boolean;
  requester: { name: string | null; phone: string | null } | null;
  talent: { id?: string; name: string; isResident: boolean } | null;
  team: { id: string; name: string } | null;
  result: string | null;
  hours: number | null;
  points: { amount: number; outcome: string; outcomeLabel: string } | null;
  ratings: { revealed: boolean; requester: Rating | null; talent: Rating | null; requesterRated: boolean; talentRated: boolean };
  side: 'requester' | 'talent' | null;
  abilities: string[];
}

export interface MyOrders {
  talent: { id: string; name: string; status: string } | null;
  requested: Order[];
  assigned: Order[];
}

export interface ServiceFile {
  talent: { id: string; name: string };
  record: {
    servicesDone: number;
    hours: number;
    points: number;
    averageRating: number | null;
    feedback: { number: string; skillLabel: string; score: number; comment: string | null; at: string }[];
  };
}
