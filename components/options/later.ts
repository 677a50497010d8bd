// What the options page loads only when the user does something with it: the feed parser (checking an
// address, reading an OPML file), the OPML and settings-file writers, and the topic preview's search.
// Opening the page so parses a fraction of the script (docs/PERFORMANCE.md, "The options page opens").
// A module is fetched once; later calls get the same one.
export const loadOpml = () => import('@/utils/opml');
export const loadSettingsIo = () => import('@/utils/settings-io');
export const loadInspector = () => import('@/utils/inspect-source');
export const loadTopicPreview = () => import('@/utils/topics/preview');
export const loadMutePreview = () => import('@/utils/mutes/preview');
