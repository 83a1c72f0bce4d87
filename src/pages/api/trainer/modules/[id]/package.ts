import { publicRoute } from '../../../../../server/http/route.ts';
import { getModulePackage } from '../../../../../server/scorm/packageEndpoint.ts';

export const prerender = false;

// publicRoute, not trainerRoute: the handler tells a learner's session (403) from none (401).
export const GET = publicRoute(getModulePackage);
