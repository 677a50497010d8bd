// The source's favicon over its letter avatar: the letter while the icon loads, and when it has none,
// it fails to load, or remote images wait.
import { useState } from 'preact/hooks';
import type { Source } from '@/utils/model';
import { hueOf, initialOf } from '@/utils/sidebar/display';
import { faviconSrc } from '@/utils/sidebar/images';

/** `load` false: remote images wait for the user ("Load remote images" off), so the letter stands in. */
export function Favicon({ source, name, load = true }: { source?: Source; name: string; load?: boolean }) {
  const [failed, setFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const src = faviconSrc(source, load);
  // The letter shows while the icon loads (never a blank square), and the icon covers it once it is in.
  return (
    <span class={`avatar${src && !failed && loaded ? ' icon-in' : ''}`} aria-hidden="true" style={{ '--hue': String(hueOf(name)) }}>
      {initialOf(name)}
      {src && !failed && (
        <img class="favicon" src={src} alt="" width={16} height={16} referrerpolicy="no-referrer" loading="lazy" onLoad={() => setLoaded(true)} onError={() => setFailed(true)} />
      )}
    </span>
  );
}
