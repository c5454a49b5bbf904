package org.jointactivities.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jointactivities.activity.InChunks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Documents, their versions and their bytes in the database (db/migration/V8__documents.sql). The
 * bytes go in and come out in chunks of {@value #CHUNK} bytes, hashed (SHA-256) on the way in: a
 * file is never whole in memory, on H2 or PostgreSQL.
 */
@Repository
class DocumentStore {

  static final int CHUNK = 256 * 1024;

  record StoredDocument(long id, long activityId, String attachedTo, DocumentType type, String title,
      boolean publicDocument, String createdBy, Instant createdAt) {}

  record StoredVersion(long id, long documentId, int number, String fileName, String contentType, long size,
      String sha256, String uploadedBy, Instant uploadedAt, String signedIn) {}

  private final JdbcClient jdbc;

  DocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long addDocument(long activityId, String attachedTo, DocumentType type, String title, boolean publicDocument,
      String user, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into document (activity_id, attached_to, type, title, public_document, created_by, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(activityId, attachedTo, type.name(), title, publicDocument, user, Timestamp.from(at)).update(keys, "id");
    return keys.getKey().longValue();
  }

  long addRequestDocument(long requestId, DocumentType type, String title, String user, Instant at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into document (request_id, attached_to, type, title, public_document, created_by, created_at)"
            + " values (?, 'answer', ?, ?, false, ?, ?)")
        .params(requestId, type.name(), title, user, Timestamp.from(at)).update(keys, "id");
    return keys.getKey().longValue();
  }

  List<StoredDocument> documentsOfRequest(long requestId) {
    return jdbc.sql("select * from document where request_id = ? order by id").param(requestId)
        .query(this::mapDocument).list();
  }

  Optional<StoredDocument> requestDocument(long requestId, long documentId) {
    return jdbc.sql("select * from document where request_id = ? and id = ?").params(requestId, documentId)
        .query(this::mapDocument).optional();
  }

  /** A new version with the next number; its bytes read from {@code content}, chunk by chunk. */
  StoredVersion addVersion(long documentId, String fileName, String contentType, InputStream content, String user,
      Instant at) throws IOException {
    int number = jdbc.sql("select coalesce(max(number), 0) + 1 from document_version where document_id = ?")
        .param(documentId).query(Integer.class).single();
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into document_version (document_id, number, file_name, content_type, size_bytes, sha256,"
            + " uploaded_by, uploaded_at) values (?, ?, ?, ?, 0, '', ?, ?)")
        .params(documentId, number, fileName, contentType, user, Timestamp.from(at)).update(keys, "id");
    long versionId = keys.getKey().longValue();
    DigestInputStream hashed = Sha256.hashing(content);
    long size = 0;
    int seq = 0;
    for (byte[] chunk = hashed.readNBytes(CHUNK); chunk.length > 0; chunk = hashed.readNBytes(CHUNK)) {
      jdbc.sql("insert into document_chunk (version_id, seq, bytes) values (?, ?, ?)").params(versionId, seq++, chunk).update();
      size += chunk.length;
    }
    String sha256 = Sha256.hex(hashed);
    jdbc.sql("update document_version set size_bytes = ?, sha256 = ? where id = ?").params(size, sha256, versionId).update();
    return version(versionId).orElseThrow();
  }

  /** The version's bytes, written to {@code out} one chunk at a time. */
  void copyContent(long versionId, OutputStream out) throws IOException {
    int chunks = jdbc.sql("select count(*) from document_chunk where version_id = ?").param(versionId).query(Integer.class).single();
    for (int seq = 0; seq < chunks; seq++) {
      byte[] chunk = jdbc.sql("select bytes from document_chunk where version_id = ? and seq = ?")
          .params(versionId, seq).query(byte[].class).single();
      out.write(chunk);
    }
  }

  List<StoredDocument> documentsOf(long activityId) {
    return jdbc.sql("select * from document where activity_id = ? order by id").param(activityId)
        .query(this::mapDocument).list();
  }

  Optional<StoredDocument> document(long activityId, long documentId) {
    return jdbc.sql("select * from document where activity_id = ? and id = ?").params(activityId, documentId)
        .query(this::mapDocument).optional();
  }

  List<StoredVersion> versionsOf(long documentId) {
    return jdbc.sql("select * from document_version where document_id = ? order by number").param(documentId)
        .query(this::mapVersion).list();
  }

  Optional<StoredVersion> version(long versionId) {
    return jdbc.sql("select * from document_version where id = ?").param(versionId).query(this::mapVersion).optional();
  }

  /** Every version the activity's documents have now becomes part of its signed version {@code signedIn}. */
  int seal(long activityId, String signedIn) {
    return jdbc.sql("update document_version set signed_in = ? where signed_in is null and document_id in"
        + " (select id from document where activity_id = ?)").params(signedIn, activityId).update();
  }

  /** Marks a version as the signed agreement of {@code signedIn}, which signed content of that hash. */
  void markSignedAgreement(long versionId, String signedIn, String signedContentSha256) {
    jdbc.sql("update document_version set signed_in = ?, signed_content_sha256 = ? where id = ?")
        .params(signedIn, signedContentSha256, versionId).update();
  }

  /** The signed agreement whose PDF has this SHA-256, if any. */
  Optional<SignedAgreement> signedAgreement(String sha256) {
    return jdbc.sql("select a.reference, v.signed_in, d.id, v.number, v.file_name, v.uploaded_at, v.sha256,"
            + " v.signed_content_sha256 from document_version v join document d on d.id = v.document_id"
            + " join joint_activity a on a.id = d.activity_id where v.sha256 = ? and d.type = ?")
        .params(sha256, DocumentType.SIGNED_AGREEMENT.name())
        .query((rs, row) -> new SignedAgreement(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)))
        .optional();
  }

  /** A public document's newest version, and the state of its activity. */
  record PublicVersion(long activityId, DocumentType type, String title, String activityState, StoredVersion version) {}

  private static final String NEWEST_PUBLIC = "select d.activity_id, d.type, d.title, a.state, v.* from document d"
      + " join document_version v on v.document_id = d.id join joint_activity a on a.id = d.activity_id"
      + " where d.public_document = true"
      + " and v.number = (select max(w.number) from document_version w where w.document_id = d.id)";

  /** The newest version of every public document of these activities: one query per thousand activities. */
  List<PublicVersion> newestPublicVersions(List<Long> activityIds) {
    return InChunks.query(activityIds, ids -> jdbc.sql(NEWEST_PUBLIC + " and d.activity_id in (:ids) order by d.activity_id, d.id")
        .param("ids", ids).query(this::mapPublicVersion).list());
  }

  /** The newest version of the document, if it is public. */
  Optional<PublicVersion> newestPublicVersion(long documentId) {
    return jdbc.sql(NEWEST_PUBLIC + " and d.id = ?").param(documentId).query(this::mapPublicVersion).optional();
  }

  /** How many documents each of these activities has (none: not in the map). */
  Map<Long, Integer> countsByActivity(List<Long> activityIds) {
    Map<Long, Integer> counts = new HashMap<>();
    InChunks.query(activityIds, ids -> jdbc.sql("select activity_id, count(*) from document where activity_id in (:ids)"
            + " group by activity_id").param("ids", ids).query((rs, row) -> Map.entry(rs.getLong(1), rs.getInt(2))).list())
        .forEach(count -> counts.put(count.getKey(), count.getValue()));
    return counts;
  }

  void delete(long documentId) {
    String versions = "select id from document_version where document_id = ?";
    jdbc.sql("delete from document_download where version_id in (" + versions + ")").param(documentId).update();
    jdbc.sql("delete from document_chunk where version_id in (" + versions + ")").param(documentId).update();
    jdbc.sql("delete from document_version where document_id = ?").param(documentId).update();
    jdbc.sql("delete from document where id = ?").param(documentId).update();
  }

  void logDownload(long versionId, String user, Instant at) {
    jdbc.sql("insert into document_download (version_id, downloaded_by, downloaded_at) values (?, ?, ?)")
        .params(versionId, user, Timestamp.from(at)).update();
  }

  record Download(String user, Instant at) {}

  List<Download> downloadsOf(long versionId) {
    return jdbc.sql("select downloaded_by, downloaded_at from document_download where version_id = ? order by id")
        .param(versionId).query((rs, row) -> new Download(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
  }

  private StoredDocument mapDocument(ResultSet rs, int row) throws SQLException {
    return new StoredDocument(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("attached_to"),
        DocumentType.valueOf(rs.getString("type")), rs.getString("title"), rs.getBoolean("public_document"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }

  private PublicVersion mapPublicVersion(ResultSet rs, int row) throws SQLException {
    return new PublicVersion(rs.getLong("activity_id"), DocumentType.valueOf(rs.getString("type")), rs.getString("title"),
        rs.getString("state"), mapVersion(rs, row));
  }

  private StoredVersion mapVersion(ResultSet rs, int row) throws SQLException {
    return new StoredVersion(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("number"), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("signed_in"));
  }

}
