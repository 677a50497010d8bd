// A labelled form field with its hint and its error right below it, wired for screen readers
// (aria-describedby, aria-invalid). The control itself is passed as a render function.
import type { ComponentChildren, JSX } from 'preact';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

export function Field(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: ComponentChildren;
  class?: string;
  children: (p: ControlProps) => JSX.Element;
}) {
  const { id, label, hint, error } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id}>{label}</label>
      {props.children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : undefined })}
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label on the right. */
export function Check(props: { id: string; checked: boolean; onChange: (v: boolean) => void; children: ComponentChildren; hint?: ComponentChildren }) {
  return (
    <div class="check">
      <input type="checkbox" id={props.id} checked={props.checked} aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={props.id}>{props.children}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
    </div>
  );
}
