-- An information request's answer has documents too: a document belongs to an activity or to a
-- request, never to both (the request's documents follow the answer's need-to-know, exchange/AnswerAccess).
alter table document alter column activity_id drop not null;
alter table document add column request_id bigint references information_request (id);
alter table document add constraint ck_document_owner check ((activity_id is null) <> (request_id is null));
create index ix_document_request on document (request_id);
