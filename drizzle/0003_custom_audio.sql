CREATE TABLE "custom_audio_renders" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"message" text,
	"packages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"elapsed_ms" integer,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "custom_audio_renders" ADD CONSTRAINT "custom_audio_renders_version_id_custom_module_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."custom_module_versions"("id") ON DELETE cascade ON UPDATE no action;