package org.jointactivities.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.document.DocumentStore.PublicVersion;
import org.jointactivities.document.DocumentStore.StoredVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * Documents the agencies marked public, for everyone: only the newest version of each, and only
 * while its activity is signed (signed, or further on). Before signing, a proposal and its papers
 * are the agencies' own; what the IATI export publishes is the agreed activity.
 */
@Service
public class PublicDocuments {

  static final String PATH = "/public/documents/";

  private final DocumentStore store;
  private final PublicSiteProperties site;

  PublicDocuments(DocumentStore store, PublicSiteProperties site) {
    this.store = store;
    this.site = site;
  }

  /** By activity id, the public documents of these activities (one query, whatever their number). */
  @Transactional(readOnly = true)
  public Map<Long, List<PublicDocument>> ofActivities(List<Long> activityIds) {
    return store.newestPublicVersions(activityIds).stream().filter(PublicDocuments::open).map(this::document)
        .collect(Collectors.groupingBy(PublicDocument::activityId));
  }

  /**
   * The version the public may open under this name: the newest of a public document of a signed
   * activity, named so. Empty otherwise, whichever rule failed, so that nobody learns what exists.
   */
  @Transactional(readOnly = true)
  public Optional<StoredVersion> published(long documentId, String fileName) {
    return store.newestPublicVersion(documentId)
        .filter(PublicDocuments::open)
        .map(PublicVersion::version)
        .filter(version -> version.fileName().equals(fileName));
  }

  @Transactional(readOnly = true)
  public void copy(StoredVersion version, OutputStream out) throws IOException {
    store.copyContent(version.id(), out);
  }

  private static boolean open(PublicVersion published) {
    return ActivityState.valueOf(published.activityState()).signed();
  }

  private PublicDocument document(PublicVersion published) {
    StoredVersion version = published.version();
    String url = site.base() + PATH + version.documentId() + "/" + UriUtils.encodePathSegment(version.fileName(), "UTF-8");
    return new PublicDocument(published.activityId(), version.documentId(), published.type(), published.title(),
        version.fileName(), version.contentType(), version.uploadedAt(), url);
  }
}
