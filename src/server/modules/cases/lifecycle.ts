import type { CaseState } from '../../db/tables.ts';

/**
 * The case lifecycle as data (CASES.md): states with their family and labels, actions with the states
 * they may start from. Code asks a state's family (`isOpen`), never lists state names.
 */
export type StateFamily = 'open' | 'resolved' | 'closed';

export interface StateInfo {
  family: StateFamily;
  zh: string;
  en: string;
  /** What the reporter reads: plain words, no jargon. */
  plainZh: string;
  plainEn: string;
}

export const STATES: Record<CaseState, StateInfo> = {
  new: { family: 'open', zh: '待受理', en: 'received', plainZh: '已收到，正在安排处理人', plainEn: 'Received; finding the right person' },
  dispatched: { family: 'open', zh: '待签收', en: 'dispatched', plainZh: '已派给网格员，等待签收', plainEn: 'Sent to your grid worker' },
  in_progress: { family: 'open', zh: '处置中', en: 'in progress', plainZh: '正在处理', plainEn: 'Being handled' },
  suspended: { family: 'open', zh: '缓办', en: 'suspended', plainZh: '暂缓处理（原因见进度）', plainEn: 'Paused (see the progress for why)' },
  resolved: { family: 'resolved', zh: '已办结', en: 'resolved', plainZh: '已处理完，等待核查', plainEn: 'Done; being checked' },
  closed: { family: 'closed', zh: '已结案', en: 'closed', plainZh: '已解决并结案', plainEn: 'Solved and closed' },
  merged: { family: 'closed', zh: '已合并', en: 'merged', plainZh: '与其他居民反映的同一问题合并处理', plainEn: 'Handled together with the same problem reported by others' },
  rejected: { family: 'closed', zh: '不予受理', en: 'rejected', plainZh: '不属于受理范围（原因见进度）', plainEn: 'Not something we can take on (see why)' },
};

export const CASE_STATES = Object.keys(STATES) as CaseState[];

export function isOpen(state: CaseState): boolean {
  return STATES[state].family === 'open';
}

export type CaseAction =
  | 'submit'
  | 'dispatch'
  | 'accept'
  | 'return'
  | 'transfer'
  | 'escalate'
  | 'extend'
  | 'decide_extension'
  | 'suspend'
  | 'resume'
  | 'note'
  | 'resolve'
  | 'verify'
  | 'follow_up'
  | 'reopen'
  | 'merge'
  | 'reject'
  | 'categorize'
  | 'grade'
  | 'overdue'
  | 'remind'
  | 'publish';

export interface ActionInfo {
  /** States the action may start from. */
  from: readonly CaseState[];
  zh: string;
  en: string;
  /** How the reporter's timeline words this step; absent: the step is not shown to the reporter. */
  plainZh?: string;
  plainEn?: string;
}

const OPEN: readonly CaseState[] = ['new', 'dispatched', 'in_progress', 'suspended'];
const CASE_STATES_ALL: readonly CaseState[] = ['new', 'dispatched', 'in_progress', 'suspended', 'resolved', 'closed', 'merged', 'rejected'];

export const ACTIONS: Record<CaseAction, ActionInfo> = {
  submit: { from: [], zh: '上报', en: 'submitted', plainZh: '您的反映已提交', plainEn: 'You reported this' },
  dispatch: { from: ['new'], zh: '派单', en: 'dispatched', plainZh: '已安排处理人', plainEn: 'A handler was assigned' },
  accept: { from: ['dispatched'], zh: '签收', en: 'accepted', plainZh: '处理人已签收', plainEn: 'The handler took it on' },
  return: { from: ['dispatched', 'in_progress'], zh: '退单', en: 'returned' },
  transfer: { from: ['dispatched', 'in_progress'], zh: '转办', en: 'transferred', plainZh: '已转给更合适的处理人', plainEn: 'Passed to a better-placed handler' },
  escalate: { from: ['dispatched', 'in_progress'], zh: '上报上级', en: 'escalated', plainZh: '已上报上级部门协调处理', plainEn: 'Passed up for the next level to solve' },
  extend: { from: ['dispatched', 'in_progress'], zh: '申请延期', en: 'extension requested' },
  decide_extension: { from: ['dispatched', 'in_progress', 'suspended'], zh: '延期审批', en: 'extension decided', plainZh: '办理期限已调整', plainEn: 'The deadline was changed' },
  suspend: { from: ['in_progress'], zh: '缓办', en: 'suspended', plainZh: '暂缓处理', plainEn: 'Paused' },
  resume: { from: ['suspended'], zh: '恢复办理', en: 'resumed', plainZh: '恢复处理', plainEn: 'Resumed' },
  note: { from: OPEN, zh: '备注', en: 'note' },
  resolve: { from: ['in_progress'], zh: '办结', en: 'resolved', plainZh: '处理人已办结', plainEn: 'The handler reports it solved' },
  verify: { from: ['resolved'], zh: '核查', en: 'verified', plainZh: '社区已核查', plainEn: 'The community checked the result' },
  follow_up: { from: ['resolved', 'closed'], zh: '回访', en: 'follow-up', plainZh: '已回访', plainEn: 'We followed up with you' },
  reopen: { from: ['closed', 'resolved'], zh: '重新办理', en: 'reopened', plainZh: '问题重新办理', plainEn: 'Reopened' },
  merge: { from: OPEN, zh: '合并', en: 'merged', plainZh: '与相同问题合并处理', plainEn: 'Joined with the same problem reported by others' },
  reject: { from: ['new'], zh: '不予受理', en: 'rejected', plainZh: '不予受理', plainEn: 'Not taken on' },
  categorize: { from: OPEN, zh: '确认分类', en: 'category set' },
  grade: { from: OPEN, zh: '调整等级', en: 'grade set' },
  overdue: { from: OPEN, zh: '超期', en: 'overdue' },
  remind: { from: OPEN, zh: '到期提醒', en: 'deadline reminder' },
  publish: { from: CASE_STATES_ALL, zh: '公开设置', en: 'publication set' },
};

/** Whether an action may start from a state. */
export function allows(action: CaseAction, state: CaseState): boolean {
  return ACTIONS[action].from.includes(state);
}
