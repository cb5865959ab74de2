-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it; the embedded
-- database loads it as a PGlite extension (db/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "client_metrics_name_trgm_idx" ON "client_metrics" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "client_metrics_email_trgm_idx" ON "client_metrics" USING gin ("email" gin_trgm_ops);