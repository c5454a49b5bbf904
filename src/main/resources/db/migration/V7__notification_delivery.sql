-- E-mails leave the engine's job executor: each notification row carries its own delivery schedule,
-- and the application's mail senders claim due rows (claimed_until) so that one node sends each.
alter table notification add column attempts integer default 0 not null;
alter table notification add column next_attempt_at timestamp(6) with time zone;
alter table notification add column claimed_until timestamp(6) with time zone;
alter table notification add column last_error varchar(1000);
alter table notification add column gave_up_at timestamp(6) with time zone;
-- mails still waiting for their engine job are due now (the old jobs then finish without sending)
update notification set next_attempt_at = created_at where sent_at is null;
create index ix_notification_due on notification (next_attempt_at);
