/* eslint-disable no-undef */
/**
 * Where the built add-in is served from, and which office.js it loads. A production build takes its URL from
 * ADDIN_URL and loads office.js from Microsoft's CDN (the only copy Microsoft supports, and what AppSource
 * validation expects); without ADDIN_URL it keeps the dev-server URL and says so loudly, since such a manifest
 * only works on the developer's machine. Development builds (`npm run dev-server`) serve the npm copy of
 * office.js, so they work offline.
 */
const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

function addinUrl(dev, env = process.env) {
  if (dev) return { url: DEV_URL, warning: null };
  const given = (env.ADDIN_URL || "").trim();
  if (!given) {
    return { url: DEV_URL, warning: `ADDIN_URL is not set: this production build's manifest points at ${DEV_URL}, which works only where the dev server runs. Set ADDIN_URL=https://your.host/path/ to deploy.` };
  }
  if (!/^https:\/\//.test(given)) return { url: given.endsWith("/") ? given : `${given}/`, warning: `ADDIN_URL should be an https:// URL; Office loads add-ins only over HTTPS (got ${given}).` };
  return { url: given.endsWith("/") ? given : `${given}/`, warning: null };
}

function officeJsSource(dev) {
  return dev ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
}

module.exports = { DEV_URL, OFFICE_JS_CDN, OFFICE_JS_LOCAL, addinUrl, officeJsSource };
