// Builds the dashboard (web/ → web/dist) when the build is missing or older than its sources, so
// `npm start` and `npm test` always serve the current one. Without Vite (a production install
// without dev dependencies) an existing build is used as it is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = 'web';
const OUTPUT = join(WEB, 'dist', 'index.html');

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .map((name) => newestChange(join(path, name))));
}

// The pages also bundle the message catalogue, the locale files and the domain code they share with the server.
const sources = Math.max(newestChange(WEB), newestChange('locales'), newestChange(join('src', 'domain')), statSync('package-lock.json').mtimeMs);
if (existsSync(OUTPUT) && statSync(OUTPUT).mtimeMs >= sources) process.exit(0);

let vite;
try {
  vite = await import('vite');
} catch {
  if (existsSync(OUTPUT)) process.exit(0);
  console.warn('The dashboard is not built and Vite is not installed (npm install); the API runs without it.');
  process.exit(0);
}
console.log('Building the dashboard (web/ → web/dist)…');
await vite.build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
