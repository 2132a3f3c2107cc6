import { loadConfig } from './config.js';
import { startServer } from './server.js';

const config = loadConfig();
startServer(config).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
