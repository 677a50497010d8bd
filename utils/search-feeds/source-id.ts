// The id of the source that follows a topic's search: from the topic's id, so it stays the same when the
// query or the edition changes, and the matcher can tell a topic's own search items without the sources.
import { hashString } from '../normalize/ids';

export const searchSourceId = (topicId: string): string => `s-${hashString(`topic-search ${topicId}`)}`;
