import { useRef, type KeyboardEvent } from 'react';

interface Props<V extends string> {
  label: string;
  value: V | null;
  options: { value: V; label: string }[];
  onChange: (v: V) => void;
}

/**
 * Big side-by-side choices that are radios to assistive technology (role="radio", arrow keys move the choice)
 * and plain, fully visible buttons to a finger.
 */
export function ChoiceButtons<V extends string>({ label, value, options, onChange }: Props<V>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = options.findIndex((o) => o.value === value);
  const move = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (i + step + options.length) % options.length;
    onChange(options[next].value);
    refs.current[next]?.focus();
  };
  return (
    <div role="radiogroup" aria-label={label} className="lx-choice-buttons">
      {options.map((o, i) => (
        <button
          key={o.value}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          tabIndex={o.value === value || (current < 0 && i === 0) ? 0 : -1}
          className={o.value === value ? 'lx-choice-button lx-choice-button-on' : 'lx-choice-button'}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => move(e, i)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
