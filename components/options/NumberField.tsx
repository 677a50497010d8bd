// A whole-number setting that saves itself when valid and says what is wrong when not.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { Field } from './Field';

export function NumberField(props: { id: string; label: string; hint?: string; unit: string; value: number; min: number; max: number; onSave: (n: number) => Promise<void> }) {
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState('');
  useEffect(() => setText(String(props.value)), [props.value]);

  function commit() {
    const n = Number(text.trim());
    if (!text.trim() || !Number.isInteger(n) || n < props.min || n > props.max) {
      setError(t('opt_number_range', [String(props.min), String(props.max)]));
      return;
    }
    setError('');
    if (n !== props.value) void props.onSave(n);
  }

  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={error}>
      {(p) => (
        <span class="with-unit">
          <input {...p} type="number" inputMode="numeric" min={props.min} max={props.max} step={1} value={text}
            onInput={(e) => setText(e.currentTarget.value)} onChange={commit} onBlur={commit} />
          <span class="unit">{props.unit}</span>
        </span>
      )}
    </Field>
  );
}
