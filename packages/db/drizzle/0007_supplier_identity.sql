CREATE TABLE "supplier_identity" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"legal_name" text NOT NULL,
	"siren" text NOT NULL,
	"vat_number" text NOT NULL,
	"address" text NOT NULL,
	"logo" "bytea",
	"logo_content_type" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_identity_single_row_check" CHECK ("supplier_identity"."id" = 1),
	CONSTRAINT "supplier_identity_siren_check" CHECK ("supplier_identity"."siren" ~ '^[0-9]{9}$'),
	CONSTRAINT "supplier_identity_logo_check" CHECK (("supplier_identity"."logo" is null) = ("supplier_identity"."logo_content_type" is null)),
	CONSTRAINT "supplier_identity_logo_size_check" CHECK ("supplier_identity"."logo" is null or octet_length("supplier_identity"."logo") <= 262144)
);
