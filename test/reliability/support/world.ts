import sharp from 'sharp';
import { IN_CSK_03, type DemoApp } from '../../support/demo-app.ts';

/** A point in 加措社区 (JC, under the other street 八一街道), outside every demo account's node but admin's. */
export const IN_JC = { lng: 91.085, lat: 29.652 };

/** A small real JPEG, for the photo routes. */
export async function tinyJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();
}

/** Reports a case and fails loudly when the demo refuses it. */
export async function reportCase(t: DemoApp, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ id: string; number: string; state: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { category: '0501', location: IN_CSK_03, ...payload }, headers });
  if (res.statusCode !== 201) throw new Error(`report failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Ids of real records of every kind the routes take, so hostile requests also reach past the 404s. */
export async function realIds(t: DemoApp) {
  const node = async (code: string) => (await t.db.selectFrom('org_nodes').select(['id', 'code', 'path']).where('code', '=', code).executeTakeFirstOrThrow());
  const grid = await node('CSK-03');
  const first = async <T extends 'police_beats' | 'compounds' | 'buildings' | 'households' | 'residents' | 'staff' | 'staff_assignments'>(table: T, path?: string) => {
    let q = t.db.selectFrom(table as 'compounds').select('id');
    if (path) q = q.where('path', '>=', path).where('path', '<', `${path}\uffff`);
    return (await q.orderBy('id').executeTakeFirstOrThrow()).id;
  };
  const sector = await t.db.selectFrom('org_nodes').select('id').where('kind', '=', 'sector').orderBy('code').executeTakeFirstOrThrow();
  return {
    grid,
    gridId: grid.id,
    communityId: (await node('CSK')).id,
    streetId: (await node('BKJD')).id,
    districtId: (await node('540102')).id,
    sectorId: sector.id,
    beatId: (await t.db.selectFrom('police_beats').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
    compoundId: await first('compounds', grid.path),
    buildingId: (await t.db.selectFrom('buildings').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
    householdId: await first('households', grid.path),
    partyHubId: (await t.db.selectFrom('households').select('id').where('is_party_hub', '=', 1).orderBy('id').executeTakeFirstOrThrow()).id,
    residentId: await first('residents', grid.path),
    liaisonId: (await t.db.selectFrom('household_links').select('linker_id').where('kind', '=', 'liaison').orderBy('linker_id').executeTakeFirstOrThrow()).linker_id,
    staffId: (await t.db.selectFrom('staff_assignments').select('staff_id').where('path', '=', grid.path).orderBy('staff_id').executeTakeFirstOrThrow()).staff_id,
    assignmentId: (await t.db.selectFrom('staff_assignments').select('id').where('path', '=', grid.path).orderBy('id').executeTakeFirstOrThrow()).id,
  };
}
