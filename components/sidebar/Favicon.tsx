// The source's favicon, or a letter avatar when it has none or it fails to load.
import { useState } from 'preact/hooks';
import type { Source } from '@/utils/model';
import { faviconUrl, hueOf, initialOf } from '@/utils/sidebar/display';

export function Favicon({ source, name }: { source?: Source; name: string }) {
  const [failed, setFailed] = useState(false);
  const src = faviconUrl(source);
  if (!src || failed) {
    return (
      <span class="avatar" aria-hidden="true" style={{ '--hue': String(hueOf(name)) }}>
        {initialOf(name)}
      </span>
    );
  }
  return <img class="favicon" src={src} alt="" width={16} height={16} referrerpolicy="no-referrer" loading="lazy" onError={() => setFailed(true)} />;
}
