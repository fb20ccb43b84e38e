// The merchant's pages read the API as the resident's phone pages do (reload on language change, server's message on error).
export { useApi, type Loaded } from '../resident/useApi.ts';
