package org.jointactivities.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jointactivities.activity.ThematicArea;

/** What an officer asks of another agency (PRODUCT.md §7). Single-field rules here, the others in RequestValidator. */
public record RequestDetails(
    @NotBlank(message = "is required") String providingAgency,
    @NotBlank(message = "is required") @Size(max = 200) String subject,
    @NotBlank(message = "is required") @Size(max = 4000) String question,
    @NotBlank(message = "is required") @Size(max = 4000) String purpose,
    @NotNull(message = "is required") LocalDate neededBy,
    @Size(max = 20) String activityReference,
    @Size(max = 60) List<String> countries,
    @NotEmpty(message = "needs at least one entry") Set<ThematicArea> themes,
    @NotNull(message = "is required") Classification classification,
    boolean personalData,
    @Size(max = 4000) String legalBasis,
    @Size(max = 4000) String protectionMeasures) {}
