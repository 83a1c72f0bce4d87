import { logout } from '../../../server/auth/handlers.ts';
import { publicRoute } from '../../../server/http/route.ts';

export const prerender = false;

export const POST = publicRoute(logout);
