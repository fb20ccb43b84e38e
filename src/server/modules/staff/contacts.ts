import type { StaffRole } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';
import { roleLabel, roleRank } from './roles.ts';
import { contactRowsOfGrid, type Db } from './staff.repository.ts';

/** One line of a contact card: who, in what role, and the work phone to call. */
export interface Contact {
  name: string;
  role: StaffRole;
  roleLabel: string;
  workPhone: string | null;
}

/**
 * 便民联系卡: the people a resident of this grid can call. 004: the card carries "网格员、驻村工作队以及网格民警
 * 的姓名、联系方式" so that "群众有事找得到网格员". Everyone assigned at the grid node, then the police officers
 * (民警) of the grid's police beat; ordered 网格长, 专职网格员, 社区工作者, 兼职网格员, 民警, on-duty people first
 * within a role, then by who was assigned first. A person holding two roles here is listed once, at the first.
 */
export async function gridContacts(db: Db, gridId: string, policeBeatId: string | null, locale: Locale): Promise<Contact[]> {
  const rows = await contactRowsOfGrid(db, gridId, policeBeatId);
  // The rows arrive in assignment order, and Array.prototype.sort is stable, so ties keep that order.
  const sorted = [...rows].sort((a, b) => roleRank(a.role) - roleRank(b.role) || Number(b.on_duty) - Number(a.on_duty));
  const seen = new Set<string>();
  const contacts: Contact[] = [];
  for (const r of sorted) {
    if (seen.has(r.staff_id)) continue;
    seen.add(r.staff_id);
    contacts.push({ name: r.name, role: r.role, roleLabel: roleLabel(r.role, locale), workPhone: r.work_phone });
  }
  return contacts;
}
