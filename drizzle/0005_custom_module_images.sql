CREATE TABLE "custom_module_images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"module_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_module_images_module_sha256" UNIQUE("module_id","sha256")
);
--> statement-breakpoint
ALTER TABLE "custom_module_images" ADD CONSTRAINT "custom_module_images_module_id_custom_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."custom_modules"("id") ON DELETE cascade ON UPDATE no action;