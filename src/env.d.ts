/// <reference types="astro/client" />

// What src/middleware.ts puts on Astro.locals for on-demand pages and endpoints.
declare namespace App {
  interface Locals {
    /** The signed-in trainer, or null. */
    trainer?: import('./server/auth/sessions.ts').TrainerIdentity | null;
    /** The signed-in learner, or null. */
    learner?: import('./server/auth/sessions.ts').LearnerIdentity | null;
  }
}
