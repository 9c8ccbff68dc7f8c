CREATE TABLE "suppressed_addresses" (
	"address" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"event_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "suppressed_addresses_reason_check" CHECK ("suppressed_addresses"."reason" in ('bounced', 'complained')),
	CONSTRAINT "suppressed_addresses_lowercase" CHECK ("suppressed_addresses"."address" = lower("suppressed_addresses"."address"))
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
ALTER TABLE "email_messages" DROP CONSTRAINT "email_messages_state_check";--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "undelivered_reason" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "undelivered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "email_messages_provider_id_idx" ON "email_messages" USING btree ("provider_id") WHERE "email_messages"."provider_id" is not null;--> statement-breakpoint
CREATE INDEX "email_messages_undelivered_idx" ON "email_messages" USING btree ("undelivered_at" DESC NULLS LAST,"id") WHERE "email_messages"."state" in ('undelivered', 'failed');--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_undelivered_reason_check" CHECK ("email_messages"."undelivered_reason" is null or "email_messages"."undelivered_reason" in ('refused', 'bounced', 'complained', 'suppressed'));--> statement-breakpoint
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_state_check" CHECK ("email_messages"."state" in ('queued', 'sent', 'delivered', 'undelivered', 'failed'));