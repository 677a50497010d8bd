// Checking a topic the user typed, field by field, so the options page can say what is wrong
// next to the field instead of refusing the whole form.
import type { Topic } from '../model';
import { parseQuery, type QueryError } from './query';

export interface TopicDraft {
  name: string;
  query: string;
}

export type TopicFieldErrors = {
  name?: 'empty' | 'tooLong' | 'duplicate';
  query?: QueryError | { code: 'empty' | 'tooLong'; message: string; start: number; end: number };
};

export const MAX_TOPIC_NAME = 60;
export const MAX_TOPIC_QUERY = 500;

export function validateTopic(draft: TopicDraft, others: readonly Topic[]): TopicFieldErrors {
  const errors: TopicFieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'empty';
  else if (name.length > MAX_TOPIC_NAME) errors.name = 'tooLong';
  else if (others.some((t) => t.name.trim().toLowerCase() === name.toLowerCase())) errors.name = 'duplicate';
  const query = draft.query.trim();
  if (!query) errors.query = { code: 'empty', message: 'type what to look for', start: 0, end: 0 };
  else if (query.length > MAX_TOPIC_QUERY) errors.query = { code: 'tooLong', message: 'this query is too long', start: MAX_TOPIC_QUERY, end: query.length };
  else {
    const r = parseQuery(draft.query);
    if (!r.ok) errors.query = r.error;
  }
  return errors;
}

export const hasErrors = (e: TopicFieldErrors) => e.name !== undefined || e.query !== undefined;
