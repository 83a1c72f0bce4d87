/**
 * Picks the adapter: cmi5 when the launch URL carries cmi5 parameters, SCORM 1.2 when an `API`
 * object is found up the frame chain, otherwise standalone. The content never knows which.
 */
import { cmi5Session, parseCmi5Launch } from '../lib/scorm/runtimeCmi5.ts';
import { findScorm12Api, scorm12Session, type FrameLike } from '../lib/scorm/runtimeScorm12.ts';
import { standaloneSession, type LmsSession } from '../lib/scorm/runtimeSession.ts';
import { fetchTransport } from './cmi5Transport.ts';

export function chooseSession(lessonCount: number, masteryPercent: number): LmsSession {
  const options = { lessonCount, masteryPercent, pageUrl: window.location.href };
  const launch = parseCmi5Launch(window.location.search);
  if (!('error' in launch)) return cmi5Session(launch, fetchTransport(launch), options);
  const api = findScorm12Api(window as unknown as FrameLike);
  if (api) return scorm12Session(api, options);
  return standaloneSession(masteryPercent);
}
