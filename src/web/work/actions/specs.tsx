import type { ComponentType } from 'react';
import type { WorkKey } from '../messages.ts';
import { DecideExtensionFields, EscalateFields, ExtendFields, FollowUpFields, NoteFields, ReasonField, ResolveFields, TransferFields, VerifyFields } from './fields.tsx';

/** One action the worker may be offered, keyed by the server's ability name. */
export interface ActionSpec {
  ability: string;
  /** The endpoint under /api/v1/cases/:id/. */
  path: string;
  label: WorkKey;
  /** No form: the button acts at once. */
  direct?: boolean;
  primary?: boolean;
  danger?: boolean;
  submitLabel?: WorkKey;
  Fields?: ComponentType;
  initialValues?: Record<string, unknown>;
  toBody?: (values: Record<string, unknown>) => unknown;
}

const trimmed = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));

/** In the order a worker meets them: take it, solve it, or move it on. */
export const ACTION_SPECS: ActionSpec[] = [
  { ability: 'accept', path: 'accept', label: 'actionAccept', direct: true, primary: true },
  { ability: 'resolve', path: 'resolve', label: 'actionResolve', primary: true, submitLabel: 'confirmResolve', Fields: ResolveFields, toBody: (v) => trimmed({ result: v.result, photoIds: (v.photoIds as string[] | undefined)?.length ? v.photoIds : undefined }) },
  { ability: 'follow_up', path: 'follow-up', label: 'actionFollowUp', primary: true, Fields: FollowUpFields, initialValues: { method: 'phone', reached: true }, toBody: (v) => (v.reached ? trimmed(v) : trimmed({ method: v.method, reached: false, comment: v.comment })) },
  { ability: 'verify', path: 'verify', label: 'actionVerify', primary: true, Fields: VerifyFields, toBody: trimmed },
  { ability: 'decide_extension', path: 'decide-extension', label: 'actionDecideExtension', Fields: DecideExtensionFields, toBody: trimmed },
  { ability: 'resume', path: 'resume', label: 'actionResume', direct: true, primary: true },
  { ability: 'note', path: 'note', label: 'actionNote', Fields: NoteFields, toBody: (v) => trimmed({ text: v.text, photoIds: (v.photoIds as string[] | undefined)?.length ? v.photoIds : undefined, publicNote: v.publicNote ? true : undefined }) },
  { ability: 'transfer', path: 'transfer', label: 'actionTransfer', Fields: TransferFields },
  { ability: 'escalate', path: 'escalate', label: 'actionEscalate', Fields: EscalateFields },
  { ability: 'extend', path: 'extend', label: 'actionExtend', Fields: ExtendFields, initialValues: { workingDays: 3 } },
  { ability: 'suspend', path: 'suspend', label: 'actionSuspend', Fields: () => <ReasonField /> },
  { ability: 'return', path: 'return', label: 'actionReturn', danger: true, Fields: () => <ReasonField /> },
];
