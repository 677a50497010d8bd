// `npm run news-server [-- --port 8080]`: the demo news server alone, for loading Newsbar by hand.
import { startNewsServer } from './news-server/server';

const i = process.argv.indexOf('--port');
const srv = await startNewsServer({ port: i > 0 ? Number(process.argv[i + 1]) : 8787 });
console.log(`Newsbar demo news on ${srv.origin}/demo/  (feeds: /demo/world.rss /demo/live.atom /demo/analysis.json; live pages: /demo/live/storm /demo/latest)`);
process.on('SIGINT', () => void srv.close().then(() => process.exit(0)));
