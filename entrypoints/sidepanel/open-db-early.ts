// Runs before the sidebar's main script: opening IndexedDB takes ~20 ms, so it starts while the
// rest of the page's code loads. getDb() hands the same connection to the app.
import { getDb } from '@/utils/db/schema';

void getDb();
