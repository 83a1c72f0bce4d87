CREATE TABLE "custom_module_shares" (
	"module_id" uuid NOT NULL,
	"trainer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_module_shares_module_id_trainer_id_pk" PRIMARY KEY("module_id","trainer_id")
);
--> statement-breakpoint
ALTER TABLE "custom_lessons" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_lessons" ADD COLUMN "questions_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_modules" ADD COLUMN "title_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_modules" ADD COLUMN "pronunciations_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_sections" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_module_shares" ADD CONSTRAINT "custom_module_shares_module_id_custom_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."custom_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_module_shares" ADD CONSTRAINT "custom_module_shares_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "custom_module_shares_trainer_idx" ON "custom_module_shares" USING btree ("trainer_id");