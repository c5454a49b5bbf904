-- One notification per recipient: one message and one delivery job each, so that a group of any
-- size only adds rows and an address that fails holds up nobody else. Rows written before keep
-- their comma-separated list in recipients and are still sent as one message.
alter table notification add column recipient varchar(320);
alter table notification alter column recipients drop not null;
alter table notification drop constraint uk_notification_dedup_key;
alter table notification add constraint uk_notification_dedup_key_recipient unique (dedup_key, recipient);
