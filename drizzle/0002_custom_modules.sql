CREATE TABLE "custom_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_module_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_module_versions_number" UNIQUE("module_id","number")
);
--> statement-breakpoint
CREATE TABLE "custom_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"locale" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"pronunciations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"heading" text NOT NULL,
	"markdown" text NOT NULL,
	"spoken" text
);
--> statement-breakpoint
ALTER TABLE "custom_lessons" ADD CONSTRAINT "custom_lessons_module_id_custom_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."custom_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_module_versions" ADD CONSTRAINT "custom_module_versions_module_id_custom_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."custom_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_modules" ADD CONSTRAINT "custom_modules_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_questions" ADD CONSTRAINT "custom_questions_lesson_id_custom_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."custom_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_sections" ADD CONSTRAINT "custom_sections_lesson_id_custom_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."custom_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "custom_lessons_module_idx" ON "custom_lessons" USING btree ("module_id","position");--> statement-breakpoint
CREATE INDEX "custom_modules_trainer_idx" ON "custom_modules" USING btree ("trainer_id");--> statement-breakpoint
CREATE INDEX "custom_questions_lesson_idx" ON "custom_questions" USING btree ("lesson_id","position");--> statement-breakpoint
CREATE INDEX "custom_sections_lesson_idx" ON "custom_sections" USING btree ("lesson_id","position");