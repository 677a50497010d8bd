// The bell, drawn (an emoji is an empty box where no emoji font is installed); crossed out while alerts are snoozed.
export function BellIcon({ off = false }: { off?: boolean }) {
  return (
    <svg class="bell-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.3 1.7H2.2l1.3-1.7V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1zM6.3 13.2h3.4a1.7 1.7 0 0 1-3.4 0z" fill="currentColor" />
      {off && <path d="M2 2l12 12" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />}
    </svg>
  );
}
