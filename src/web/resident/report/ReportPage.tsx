import { App as AntApp, Button, Steps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { useSession } from '../../shared/session.tsx';
import { newIdempotencyKey, newReportToken, rememberCase, rememberPlace } from '../device.ts';
import { messages } from '../messages.ts';
import type { CategorySuggestion, Place, ReporterCase } from '../types.ts';
import type { CategoryPick } from './CategoryChoice.tsx';
import { ConfirmStep, PHONE, type Contact } from './ConfirmStep.tsx';
import { DescribeStep } from './DescribeStep.tsx';
import { PhotoStep, type DraftPhoto } from './PhotoStep.tsx';
import { PlaceStep } from './PlaceStep.tsx';
import { Submitted } from './Submitted.tsx';

/** Keys that make one draft one case, however often the phone retries sending it. */
function draftKeys() {
  return { idempotencyKey: newIdempotencyKey(), reportToken: newReportToken() };
}

/** 上报: photos, place, one sentence, confirm the category, send; then where it went. */
export function ReportPage() {
  const t = useT(messages);
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const [step, setStep] = useState(0);
  const [photos, setPhotosState] = useState<DraftPhoto[]>([]);
  const [place, setPlace] = useState<Place | null>(null);
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [suggestions, setSuggestions] = useState<CategorySuggestion[]>([]);
  const [pick, setPick] = useState<CategoryPick>({ kind: 'unsure' });
  const [contact, setContact] = useState<Contact>({ name: '', phone: '' });
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<ReporterCase | null>(null);
  const keys = useRef(draftKeys());
  const top = useRef<HTMLDivElement>(null);

  const setPhotos = (update: (p: DraftPhoto[]) => DraftPhoto[]) => setPhotosState(update);
  const photoPoint = useMemo(() => photos.find((p) => p.uploaded?.suggestedLocation)?.uploaded?.suggestedLocation ?? null, [photos]);
  const uploading = photos.some((p) => !p.uploaded && !p.error);

  const go = (to: number) => {
    setShowErrors(false);
    setStep(to);
    top.current?.scrollIntoView({ block: 'start' });
  };

  const reset = () => {
    photos.forEach((p) => URL.revokeObjectURL(p.preview));
    setPhotosState([]);
    setPlace(null);
    setAddress('');
    setDescription('');
    setSuggestions([]);
    setPick({ kind: 'unsure' });
    setContact({ name: '', phone: '' });
    setSubmitted(null);
    keys.current = draftKeys();
    go(0);
  };

  const next = async () => {
    if (step === 1 && !place) {
      setShowErrors(true);
      return;
    }
    if (step === 2) {
      if (description.trim() === '') {
        setShowErrors(true);
        return;
      }
      setBusy(true);
      try {
        const r = await api<{ suggestions: CategorySuggestion[] }>('/api/v1/cases/suggest-category', { method: 'POST', body: { description: description.trim() } });
        setSuggestions(r.suggestions);
        setPick(r.suggestions[0] ? { kind: 'code', code: r.suggestions[0].category } : { kind: 'unsure' });
      } catch (e) {
        // Without a suggestion the report still goes: the staff will set the category.
        setSuggestions([]);
        setPick({ kind: 'unsure' });
        if (e instanceof ApiError && e.status !== 0) message.error(e.message);
      } finally {
        setBusy(false);
      }
    }
    go(step + 1);
  };

  const submit = async () => {
    const phone = contact.phone.trim();
    if ((pick.kind === 'other' && !pick.code) || (!me && phone !== '' && !PHONE.test(phone))) {
      setShowErrors(true);
      return;
    }
    if (uploading) {
      message.warning(t('photosStillUploading'));
      return;
    }
    if (!place) return go(1);
    const anonymous = !me;
    const category = pick.kind === 'unsure' ? undefined : pick.code;
    const name = contact.name.trim();
    const body = {
      description: description.trim(),
      location: { lng: place.lng, lat: place.lat },
      compoundId: place.compoundId,
      address: address.trim() || undefined,
      category,
      photoIds: photos.flatMap((p) => (p.uploaded ? [p.uploaded.id] : [])),
      reporter: anonymous && (name || phone) ? { name: name || undefined, phone: phone || undefined } : undefined,
    };
    const headers: Record<string, string> = { 'Idempotency-Key': keys.current.idempotencyKey };
    if (anonymous) headers['X-Report-Token'] = keys.current.reportToken;
    setBusy(true);
    try {
      const created = await api<ReporterCase>('/api/v1/cases', { method: 'POST', body, headers });
      if (anonymous) rememberCase({ id: created.id, number: created.number, token: keys.current.reportToken, reportedAt: created.reportedAt });
      rememberPlace({ lng: place.lng, lat: place.lat, compoundId: place.compoundId, label: place.label, source: place.source });
      setSubmitted(created);
      top.current?.scrollIntoView({ block: 'start' });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (submitted) {
    return (
      <div ref={top}>
        <Submitted created={submitted} onAnother={reset} />
      </div>
    );
  }

  const titles = [t('stepPhotos'), t('stepPlace'), t('stepDescribe'), t('stepConfirm')];
  return (
    <div ref={top} className="lx-report">
      <h1 className="lx-page-title">{t('reportTitle')}</h1>
      <Steps className="lx-steps" size="small" responsive={false} titlePlacement="vertical" current={step} items={titles.map((title) => ({ title }))} aria-label={t('stepOf', { n: step + 1, total: titles.length, title: titles[step] })} />
      <div className="lx-step-body">
        {step === 0 && <PhotoStep photos={photos} setPhotos={setPhotos} />}
        {step === 1 && <PlaceStep place={place} setPlace={setPlace} address={address} setAddress={setAddress} photoPoint={photoPoint} />}
        {step === 1 && showErrors && !place && (
          <p className="lx-error" role="alert">
            {t('placeRequired')}
          </p>
        )}
        {step === 2 && <DescribeStep description={description} setDescription={setDescription} showError={showErrors} />}
        {step === 3 && <ConfirmStep suggestions={suggestions} pick={pick} setPick={setPick} contact={contact} setContact={setContact} showErrors={showErrors} />}
      </div>
      <div className="lx-step-actions">
        {step > 0 && (
          <Button size="large" onClick={() => go(step - 1)} disabled={busy}>
            {t('previous')}
          </Button>
        )}
        {step < 3 ? (
          <Button size="large" type="primary" onClick={next} loading={busy}>
            {t('next')}
          </Button>
        ) : (
          <Button size="large" type="primary" onClick={submit} loading={busy}>
            {t('submit')}
          </Button>
        )}
      </div>
    </div>
  );
}
