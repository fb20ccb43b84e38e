import ExcelJS from 'exceljs';
import type { TalentOrigin, TalentStatus } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor } from '../auth/permissions.ts';
import { excelTime, safeName, styleHeader, TIME_FORMAT } from '../ledgers/excel.ts';
import { actionLabel, originLabel, statusLabel } from './labels.ts';
import { eventsOf } from './talents.repository.ts';
import type { Db } from './talents.repository.ts';
import { fileOfTalent } from './talents.scope.ts';
import { talentView, type TalentViewData } from './talents.views.ts';
import { skillLabel } from './taxonomy.ts';
import { serviceRecord } from '../orders/service-record.ts';

function parseData(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const RECOMMENDATION_ACTIONS = new Set(['proposed', 'recommended', 'reproposed']);

/**
 * 一人一档: one talent's file — the profile, how they came to the pool and who put them forward, and every change
 * with who made it, and the service orders done (hours, points, feedback received). Staff only.
 */
export async function talentFile(db: Db, actor: Actor, id: string, locale: Locale) {
  const row = await fileOfTalent(db, actor, id);
  const [profile, events, services] = await Promise.all([talentView(db, actor, row, locale), eventsOf(db, row.id), serviceRecord(db, row.id, locale)]);
  return {
    profile,
    recommendations: events
      .filter((e) => RECOMMENDATION_ACTIONS.has(e.action))
      .map((e) => {
        const data = parseData(e.data);
        const origin = (typeof data.origin === 'string' ? data.origin : row.origin) as TalentOrigin;
        const skills = Array.isArray(data.skills) ? data.skills.filter((s): s is string => typeof s === 'string') : [];
        return {
          at: e.at,
          origin,
          originLabel: originLabel(origin, locale),
          by: e.actor_label,
          recommenderName: typeof data.recommenderName === 'string' ? data.recommenderName : null,
          skills: skills.map((s) => skillLabel(s, locale)),
          note: e.note,
        };
      }),
    history: events.map((e) => ({
      at: e.at,
      action: e.action,
      actionLabel: actionLabel(e.action, locale),
      actor: e.actor_label,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note ?? describeData(parseData(e.data), locale),
    })),
    services,
    generatedAt: nowIso(),
  };
}

/** What a history line's data says, for lines without a note (a skill and level, a team). */
function describeData(data: Record<string, unknown>, locale: Locale): string | null {
  if (typeof data.skill === 'string') return `${skillLabel(data.skill, locale)}${typeof data.level === 'number' ? ` ${data.level}` : ''}`;
  if (typeof data.teamName === 'string') return data.teamName;
  return null;
}

export type TalentFileData = Awaited<ReturnType<typeof talentFile>>;

function statusText(s: TalentStatus | null, locale: Locale): string {
  return s ? statusLabel(s, locale) : '';
}

function table(workbook: ExcelJS.Workbook, name: string, header: string[], widths: number[], rows: (string | number | Date | null)[][], timeColumns: number[] = []) {
  const sheet = workbook.addWorksheet(safeName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  styleHeader(sheet.addRow(header));
  for (const values of rows) {
    const row = sheet.addRow(values);
    for (const c of timeColumns) row.getCell(c).numFmt = TIME_FORMAT;
  }
  return sheet;
}

function profileRows(p: TalentViewData, locale: Locale): [string, string][] {
  const en = locale === 'en';
  const slots = p.availability.map((s) => `${en ? 'weekdays' : '星期'} ${s.weekdays.join(',')} ${s.from}-${s.to}`).join('; ');
  return [
    [en ? 'Name' : '姓名', p.name],
    [en ? 'Phone' : '联系电话', p.phone ?? ''],
    [en ? 'Status' : '状态', p.statusLabel],
    [en ? 'Joined by' : '入库方式', p.originLabel],
    [en ? 'Community' : '所属社区', p.community.name],
    [en ? 'Grid' : '所属网格', p.grid?.name ?? ''],
    [en ? 'Unit' : '所在单位', p.partnerUnit?.name ?? ''],
    [en ? 'Serves' : '服务范围', p.serviceAreas.map((a) => a.name).join('、')],
    [en ? 'Free hours' : '服务时间', slots],
    [en ? 'Contact by' : '联系方式偏好', p.contactPreferenceLabel],
    [en ? 'Reserve candidate' : '后备力量', p.reserveCandidate ? `${en ? 'yes' : '是'}${p.reserveNote ? `（${p.reserveNote}）` : ''}` : en ? 'no' : '否'],
    [en ? 'Note' : '备注', p.note ?? ''],
  ];
}

/**
 * The file as a workbook (Excel is how community offices keep 台账): a profile sheet, then skills, teams,
 * recommendations and history. The phone stays masked, as in every view outside the audited personal-data read.
 */
export async function talentFileWorkbook(file: TalentFileData, locale: Locale): Promise<Buffer> {
  const en = locale === 'en';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin 连心';
  const p = file.profile;
  const profile = workbook.addWorksheet(en ? 'Profile' : '基本信息');
  profile.columns = [{ width: 16 }, { width: 60 }];
  profile.getCell(1, 1).value = en ? `Personal file: ${p.name}` : `一人一档：${p.name}`;
  profile.getCell(1, 1).font = { bold: true, size: 14 };
  profile.mergeCells(1, 1, 1, 2);
  for (const row of profileRows(p, locale)) profile.addRow(row);

  table(workbook, en ? 'Skills' : '技能', en ? ['Skill', 'Level', 'Confirmed by', 'Confirmed at'] : ['技能', '等级', '确认人', '确认时间'], [24, 10, 14, 18],
    p.skills.map((s) => [s.label, s.levelLabel, s.confirmedBy ?? (en ? 'not yet' : '未确认'), excelTime(s.confirmedAt)]), [4]);
  table(workbook, en ? 'Teams' : '所在队伍', en ? ['Team', 'Kind', 'Role', 'Joined on'] : ['队伍', '类型', '角色', '加入日期'], [24, 16, 10, 14],
    p.teams.map((t) => [t.name, t.kindLabel, t.leader ? (en ? 'leader' : '队长') : en ? 'member' : '队员', t.joinedOn]));
  table(workbook, en ? 'Recommendations' : '推荐记录', en ? ['Time', 'How', 'Recorded by', 'Recommended by', 'Skills', 'Note'] : ['时间', '方式', '登记人', '推荐人', '推荐技能', '说明'], [18, 12, 14, 14, 30, 40],
    file.recommendations.map((r) => [excelTime(r.at), r.originLabel, r.by, r.recommenderName ?? '', r.skills.join('、'), r.note ?? '']), [1]);
  const sv = file.services;
  table(workbook, en ? 'Services' : '服务记录', en ? ['Order', 'Service', 'Done at', 'Verified at', 'Hours', 'Points'] : ['点单编号', '服务项目', '完成时间', '核查时间', '服务时长', '积分'], [16, 18, 18, 18, 10, 8],
    [...sv.services.map((x) => [x.number, x.skillLabel, excelTime(x.doneAt), excelTime(x.verifiedAt), x.hours, x.points]), [en ? 'Total' : '合计', `${sv.servicesDone}`, null, null, sv.hours, sv.points]], [3, 4]);
  table(workbook, en ? 'Feedback' : '服务评价', en ? ['Order', 'Service', 'Score', 'Comment', 'At'] : ['点单编号', '服务项目', '评分', '评价', '时间'], [16, 18, 8, 40, 18],
    sv.feedback.map((f) => [f.number, f.skillLabel, f.score, f.comment ?? '', excelTime(f.at)]), [5]);
  // Excel reserves the sheet name "History".
  table(workbook, en ? 'Changes' : '变更记录', en ? ['Time', 'Action', 'By', 'From', 'To', 'Note'] : ['时间', '事项', '操作人', '原状态', '新状态', '说明'], [18, 16, 14, 10, 10, 40],
    file.history.map((h) => [excelTime(h.at), h.actionLabel, h.actor, statusText(h.fromStatus, locale), statusText(h.toStatus, locale), h.note ?? '']), [1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
