-- The signed agreement's document version also keeps the SHA-256 of the content both agencies signed
-- (printed in the PDF), so that a verification can name it without recomputing the content.
alter table document_version add column signed_content_sha256 varchar(64);
