// The source's favicon, or a letter avatar when it has none, it fails to load, or remote images wait.
import { useState } from 'preact/hooks';
import type { Source } from '@/utils/model';
import { hueOf, initialOf } from '@/utils/sidebar/display';
import { faviconSrc } from '@/utils/sidebar/images';

/** `load` false: remote images wait for the user ("Load remote images" off), so the letter stands in. */
export function Favicon({ source, name, load = true }: { source?: Source; name: string; load?: boolean }) {
  const [failed, setFailed] = useState(false);
  const src = faviconSrc(source, load);
  if (!src || failed) {
    return (
      <span class="avatar" aria-hidden="true" style={{ '--hue': String(hueOf(name)) }}>
        {initialOf(name)}
      </span>
    );
  }
  return <img class="favicon" src={src} alt="" width={16} height={16} referrerpolicy="no-referrer" loading="lazy" onError={() => setFailed(true)} />;
}
