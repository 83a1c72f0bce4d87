/**
 * The package's runtime, bundled into runtime.js: shows one section at a time (contents, a
 * lesson, the test) by the URL hash, keeps progress, and reports it through whichever LMS
 * adapter fits the launch. All state changes go through src/lib/scorm/runtimeState.ts.
 */
import type { PackageData } from '../lib/scorm/packageData.ts';
import type { LmsSession } from '../lib/scorm/runtimeSession.ts';
import { standaloneSession } from '../lib/scorm/runtimeSession.ts';
import { freshProgress, markLessonDone, recordTest, type PackageProgress } from '../lib/scorm/runtimeState.ts';
import { packageText } from '../lib/scorm/text.ts';
import { mountListen, stopSpeech } from './narration.ts';
import { chooseSession } from './session.ts';
import { mountTest } from './testView.ts';

const data = JSON.parse(document.getElementById('ltv-package')!.textContent!) as PackageData;
const locale = data.locale;
let progress: PackageProgress = freshProgress();
let session: LmsSession = chooseSession(data.lessons.length, data.masteryPercent);
let testMounted = false;
let scrollTimer: number | undefined;

// Saves run one after another, so an LMS never sees an older state after a newer one.
let saving: Promise<void> = Promise.resolve();
function save(): void {
  const snapshot = progress;
  saving = saving.then(() => session.save(snapshot)).catch((error: unknown) => console.warn('LMS save failed', error));
}

function setStatus(text: string): void {
  document.getElementById('lms-status')!.textContent = text;
}

function renderDoneMarks(): void {
  document.querySelectorAll<HTMLElement>('[data-done-mark]').forEach((mark) => {
    mark.textContent = progress.done.includes(Number(mark.dataset.doneMark)) ? `✓ ${packageText(locale, 'lessonDone')}` : '';
  });
}

function show(hash: string): void {
  stopSpeech();
  window.clearTimeout(scrollTimer);
  const target = /^#(lesson-\d+|test|home)$/.test(hash) && document.querySelector(hash) ? hash.slice(1) : 'home';
  document.querySelectorAll('main > section').forEach((section) => section.classList.toggle('current', section.id === target));
  const lesson = /^lesson-(\d+)$/.exec(target);
  if (lesson) progress = { ...progress, location: { kind: 'lesson', lesson: Number(lesson[1]), scroll: 0 } };
  else progress = { ...progress, location: target === 'test' ? { kind: 'test' } : { kind: 'home' } };
  if (target === 'test' && !testMounted) {
    testMounted = true;
    mountTest({
      container: document.getElementById('test-body')!,
      banks: data.banks,
      perLesson: data.questionsPerLesson,
      locale,
      mastery: () => session.masteryPercent(),
      onGraded: (result) => {
        progress = recordTest(progress, result.percent, session.masteryPercent());
        save();
      },
    });
  }
  window.scrollTo(0, 0);
  save();
}

/** The reading position inside a lesson, as a share of the page, saved when the reader pauses. */
function trackScroll(): void {
  if (progress.location.kind !== 'lesson') return;
  const lesson = progress.location.lesson;
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    // The learner may have moved on since: a late timer must not move them back.
    if (progress.location.kind !== 'lesson' || progress.location.lesson !== lesson) return;
    const height = document.documentElement.scrollHeight - window.innerHeight;
    const scroll = height > 0 ? Math.min(1, Math.max(0, window.scrollY / height)) : 0;
    progress = { ...progress, location: { kind: 'lesson', lesson, scroll } };
    save();
  }, 800);
}

function restore(saved: PackageProgress): void {
  progress = saved;
  renderDoneMarks();
  const location = saved.location;
  const hash = location.kind === 'lesson' ? `#lesson-${location.lesson}` : location.kind === 'test' ? '#test' : '#home';
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
  show(hash);
  if (location.kind === 'lesson') {
    progress = saved;
    requestAnimationFrame(() => window.scrollTo(0, location.scroll * (document.documentElement.scrollHeight - window.innerHeight)));
  }
}

let finished: Promise<void> | null = null;
/** Ends the session once, whichever of exit, pagehide and beforeunload comes first. */
function finishAndWait(): Promise<void> {
  finished ??= session.finish(progress).catch((error: unknown) => console.warn('LMS finish failed', error));
  return finished;
}
function finish(): void {
  // Not after the pending saves: during unload only requests started now still get out.
  void finishAndWait();
}

async function boot(): Promise<void> {
  document.documentElement.classList.add('js');
  data.lessons.forEach((lesson, index) => {
    const container = document.querySelector<HTMLElement>(`[data-listen="${index}"]`);
    if (container) mountListen(container, lesson, locale);
  });
  document.querySelectorAll<HTMLElement>('[data-done]').forEach((link) =>
    link.addEventListener('click', () => {
      progress = markLessonDone(progress, Number(link.dataset.done));
      renderDoneMarks();
    }),
  );
  window.addEventListener('hashchange', () => show(window.location.hash));
  window.addEventListener('scroll', trackScroll, { passive: true });
  // pagehide fires where unload does not (mobile, bfcache); finish runs once either way.
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
  let saved: PackageProgress | null = null;
  try {
    saved = await session.start();
  } catch (error) {
    console.warn('LMS not available, running standalone', error);
    session = standaloneSession(data.masteryPercent);
  }
  const mode = session.mode();
  const notes = [packageText(locale, session.kind === 'standalone' ? 'standalone' : 'lms'), ...(saved ? [packageText(locale, 'resumed')] : []), ...(mode === 'normal' ? [] : [packageText(locale, mode)])];
  setStatus(notes.join(' · '));
  if (saved) restore(saved);
  else show(window.location.hash);
  const returnUrl = session.returnUrl();
  if (returnUrl) mountExit(returnUrl);
  document.body.dataset.ready = session.kind;
}

/** An exit button where the LMS gave a place to return to (cmi5 returnURL): report, then go there. */
function mountExit(returnUrl: string): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary exit';
  button.textContent = packageText(locale, 'exit');
  button.addEventListener('click', () => {
    button.disabled = true;
    // Waits for the LMS to take the last statements, but never keeps the learner longer than 3 s.
    const leave = () => window.location.assign(returnUrl);
    void Promise.race([saving.then(() => finishAndWait()), new Promise((resolve) => window.setTimeout(resolve, 3000))]).then(leave, leave);
  });
  document.querySelector('header')!.append(button);
}

void boot();
