/**
 * Registers /sw.js (built after `astro build`, so only in production builds: the dev server has
 * none). A file, not an inline script: the CSP allows page scripts by origin only.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('[LTV Dojo] offline support unavailable:', error);
    });
  };
  // After load: installing precaches the lesson pages, which should not compete with the first page.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
