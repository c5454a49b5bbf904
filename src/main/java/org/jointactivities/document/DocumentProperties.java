package org.jointactivities.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on documents ({@code joint-activities.documents}): the largest file, and how far a
 * container format (Word, Excel and OpenDocument files are ZIP archives) may expand when read —
 * beyond that it is refused as an archive bomb.
 */
@ConfigurationProperties("joint-activities.documents")
public record DocumentProperties(
    @DefaultValue("25MB") DataSize maxSize,
    @DefaultValue("250MB") DataSize maxExpandedSize,
    @DefaultValue("10000") int maxArchiveEntries) {}
