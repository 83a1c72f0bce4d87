ALTER TABLE "custom_lessons" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_lessons" ADD COLUMN "questions_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_modules" ADD COLUMN "title_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_modules" ADD COLUMN "pronunciations_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_sections" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;