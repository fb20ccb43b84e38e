import { Form } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../messages.ts';
import type { CasePhoto, StaffCase } from '../types.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import { FollowUpFields, followUpBody } from './FollowUpFields.tsx';
import { MergeFields } from './MergeFields.tsx';
import { PublishFields, publishBody } from './PublishFields.tsx';
import { DecideExtensionFields, ExtendFields, GradeFields, NoteFields, ReasonField, ResolveFields, trimmed } from './simpleFields.tsx';
import { TargetFields, targetOf } from './TargetFields.tsx';
import { VerifyFields, verifyBody } from './VerifyFields.tsx';

export interface ActionContext {
  c: StaffCase;
  photos: CasePhoto[];
  label: (k: MessageKey, params?: Record<string, string | number>) => string;
}

/** How the console offers one ability from the case's `abilities`: its endpoint, words, form and body. */
export interface ActionSpec {
  ability: string;
  endpoint: string;
  label: MessageKey;
  /** The submit button's words; `确定<label>` when absent. */
  submit?: MessageKey;
  primary?: boolean;
  danger?: boolean;
  /** No form: a confirmation, then this body (签收, 恢复办理, 确认分类). */
  confirmOnly?: (ctx: ActionContext) => unknown;
  /** Offered only when this holds as well as the ability. */
  showIf?: (c: StaffCase) => boolean;
  fields?: (ctx: ActionContext) => ReactNode;
  initial?: (ctx: ActionContext) => Record<string, unknown>;
  body?: (values: any, ctx: ActionContext) => unknown;
}

function CategoryField({ label }: { label: string }) {
  return (
    <Form.Item name="category" label={label} rules={[{ required: true, message: label }]}>
      <CategoryPicker />
    </Form.Item>
  );
}

const reasonBody = (v: { reason: string }) => ({ reason: v.reason.trim() });

/** In the order the buttons appear: the usual next step first, the rarely needed last. */
export const ACTION_SPECS: ActionSpec[] = [
  { ability: 'verify', endpoint: 'verify', label: 'act_verify', submit: 'submitVerify', primary: true, fields: () => <VerifyFields />, body: verifyBody },
  { ability: 'follow_up', endpoint: 'follow-up', label: 'act_follow_up', submit: 'submitFollowUp', primary: true, fields: () => <FollowUpFields />, body: followUpBody },
  {
    ability: 'dispatch',
    endpoint: 'dispatch',
    label: 'act_dispatch',
    primary: true,
    fields: ({ c, label }) => (
      <>
        <TargetFields required={!c.grid} hint={c.grid ? label('dispatchToGrid', { grid: c.grid.name }) : undefined} />
      </>
    ),
    body: (v) => targetOf(v),
  },
  { ability: 'accept', endpoint: 'accept', label: 'act_accept', primary: true, confirmOnly: () => ({}) },
  { ability: 'resolve', endpoint: 'resolve', label: 'act_resolve', primary: true, fields: () => <ResolveFields />, body: (v) => ({ result: v.result.trim() }) },
  { ability: 'decide_extension', endpoint: 'decide-extension', label: 'act_decide_extension', fields: () => <DecideExtensionFields />, body: (v) => ({ approve: v.approve, note: trimmed(v.note) }) },
  { ability: 'transfer', endpoint: 'transfer', label: 'act_transfer', fields: () => (<><TargetFields required /><ReasonField /></>), body: (v) => ({ ...targetOf(v), reason: v.reason.trim() }) },
  { ability: 'escalate', endpoint: 'escalate', label: 'act_escalate', fields: () => (<><TargetFields required={false} /><ReasonField /></>), body: (v) => ({ ...targetOf(v), reason: v.reason.trim() }) },
  { ability: 'extend', endpoint: 'extend', label: 'act_extend', fields: () => <ExtendFields />, body: (v) => ({ workingDays: v.workingDays, reason: v.reason.trim() }) },
  { ability: 'resume', endpoint: 'resume', label: 'act_resume', confirmOnly: () => ({}) },
  // The classifier was unsure: a person either confirms its guess in one click or corrects it.
  { ability: 'categorize', endpoint: 'categorize', label: 'act_confirm_category', showIf: (c) => c.needsReview && !!c.category, confirmOnly: ({ c }) => ({ category: c.category }) },
  { ability: 'suspend', endpoint: 'suspend', label: 'act_suspend', fields: () => <ReasonField />, body: reasonBody },
  { ability: 'return', endpoint: 'return', label: 'act_return', fields: () => <ReasonField />, body: reasonBody },
  { ability: 'reopen', endpoint: 'reopen', label: 'act_reopen', fields: () => <ReasonField />, body: reasonBody },
  {
    ability: 'categorize',
    endpoint: 'categorize',
    label: 'act_categorize',
    fields: ({ label }) => <CategoryField label={label('category')} />,
    initial: ({ c }) => ({ category: c.category ?? undefined }),
    body: (v) => ({ category: v.category }),
  },
  { ability: 'grade', endpoint: 'grade', label: 'act_grade', fields: () => <GradeFields />, initial: ({ c }) => ({ grade: c.grade }), body: (v) => ({ grade: v.grade }) },
  { ability: 'merge', endpoint: 'merge', label: 'act_merge', fields: ({ c }) => <MergeFields c={c} />, body: (v) => ({ into: v.into.trim(), reason: trimmed(v.reason) }) },
  { ability: 'reject', endpoint: 'reject', label: 'act_reject', danger: true, fields: () => <ReasonField />, body: reasonBody },
  { ability: 'note', endpoint: 'note', label: 'act_note', fields: () => <NoteFields />, body: (v) => ({ text: v.text.trim(), publicNote: !!v.publicNote }) },
  {
    ability: 'publish',
    endpoint: 'publish',
    label: 'act_publish',
    fields: ({ photos }) => <PublishFields photos={photos} />,
    initial: ({ c }) => ({ public: c.isPublic }),
    body: (v, { photos }) => publishBody(photos)(v),
  },
];

/** The specs offered for a case now. */
export const specsFor = (c: StaffCase) => ACTION_SPECS.filter((s) => c.abilities.includes(s.ability) && (s.showIf?.(c) ?? true));
