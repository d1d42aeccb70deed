/** The BFF's pages' favicon, inline, so no page makes a request that would 404 (a console error). */
export const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1a73e8"/><path d="M8 9h16v3H8zm0 6h10v3H8zm0 6h16v3H8z" fill="#fff"/></svg>',
)}`;
